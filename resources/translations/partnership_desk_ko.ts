<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <location filename="../../ui/app.py" line="+106"/>
        <source>A report was saved to {path}.</source>
        <translation>오류 보고서를 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report could not be saved.</source>
        <translation>오류 보고서를 저장하지 못했습니다.</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+13"/>
        <location line="+38"/>
        <location filename="../../ui/main_window.py" line="+62"/>
        <location filename="../../ui/views/editor.py" line="+392"/>
        <location line="+178"/>
        <source>Partnership Desk</source>
        <translation>파트너십 데스크</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Something unexpected went wrong. Your saved records are safe.</source>
        <translation>예기치 않은 문제가 발생했습니다. 저장된 기록은 안전합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/opening.py" line="+110"/>
        <location line="+39"/>
        <location line="+8"/>
        <source>Cannot open the database</source>
        <translation>데이터베이스를 열 수 없습니다</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+4"/>
        <location line="+113"/>
        <source>The database is damaged</source>
        <translation>데이터베이스가 손상되었습니다</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Restore the backup now? The current file is kept in the backups folder.</source>
        <translation>지금 백업으로 복원하시겠습니까? 현재 파일은 백업 폴더에 보관됩니다.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The database could not be opened: {error}
A report was saved to {path}.</source>
        <translation>데이터베이스를 열 수 없습니다: {error}
오류 보고서를 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A check of the database found a problem: {problem}. Keep working only to copy what you need; then restore a backup (File → Backups…).</source>
        <translation>데이터베이스 점검에서 문제가 발견되었습니다: {problem}. 필요한 내용만 옮겨 적은 뒤 백업을 복원하십시오 (파일 → 백업…).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/search_results.py" line="+27"/>
        <source>Search: {query}</source>
        <translation>검색: {query}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} results for “{query}”. Enter opens the selected record.</source>
        <translation>“{query}” 검색 결과 {n}건. Enter 키를 누르면 선택한 항목을 엽니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing found for “{query}”.</source>
        <translation>“{query}”에 대한 검색 결과가 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/views/conflicts_view.py" line="+50"/>
        <location filename="../../ui/views/dashboard_view.py" line="+88"/>
        <source>Record</source>
        <translation>대상</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where it matched</source>
        <translation>일치한 내용</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../ui/views/conflicts_view.py" line="+152"/>
        <source>Attachment</source>
        <translation>첨부파일</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="+35"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/main_window.py" line="+385"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+113"/>
        <source>Data folder</source>
        <translation>데이터 폴더</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Change…</source>
        <translation>변경…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the data folder</source>
        <translation>데이터 폴더 변경</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Data folder</source>
        <translation>데이터 폴더(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data folder is set by PARTNERSHIP_DESK_HOME for this computer or session.</source>
        <translation>데이터 폴더가 PARTNERSHIP_DESK_HOME 환경 변수로 지정되어 있습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new data folder is used from the next start. Your records stay where they are: copy the folder, or restore a backup into the new one, to take them along.</source>
        <translation>새 데이터 폴더는 다음 실행부터 사용됩니다. 기존 기록은 지금 위치에 남아 있으므로, 옮기려면 폴더를 복사하거나 새 폴더에 백업을 복원하십시오.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From the next start: {folder}</source>
        <translation>다음 실행부터: {folder}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+76"/>
        <source>Backups folder</source>
        <translation>백업 폴더</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Backups folder</source>
        <translation>백업 폴더(&amp;B)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The program&apos;s language</source>
        <translation>프로그램 언어와 같게</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default briefing language</source>
        <translation>브리핑 자료 기본 언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default briefing lan&amp;guage</source>
        <translation>브리핑 자료 기본 언어(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your name in the change history</source>
        <translation>변경 이력에 표시할 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;name in the change history</source>
        <translation>변경 이력에 표시할 이름(&amp;N)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>사용 안 함</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lock after idle time</source>
        <translation>자리 비움 잠금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after &amp;idle time</source>
        <translation>자리 비움 잠금(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On briefings</source>
        <translation>브리핑 자료</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>D&amp;epartment</source>
        <translation>작성부서(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department in English</source>
        <translation>작성부서(영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Au&amp;thor</source>
        <translation>담당자(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author in English</source>
        <translation>담당자(영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>전화번호(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Our organization</source>
        <translation>우리 기관(&amp;O)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name or short name: its attendees are listed under &apos;our side&apos; in pre-meeting briefs.</source>
        <translation>기관명 또는 약칭: 이 기관의 참석자는 회의 사전 자료에서 &apos;우리측&apos;으로 분류됩니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/views/editor.py" line="-299"/>
        <location filename="../../ui/widgets/related.py" line="+233"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/views/meeting_editor.py" line="+621"/>
        <location filename="../../ui/widgets/confirm.py" line="+66"/>
        <location filename="../../ui/widgets/parties.py" line="+169"/>
        <location filename="../../ui/widgets/pickers.py" line="+155"/>
        <location filename="../../ui/widgets/related.py" line="+1"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{current} (from the next start: {folder})</source>
        <translation>{current} (다음 실행부터: {folder})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-378"/>
        <source>Views</source>
        <translation>화면</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/views/dashboard_view.py" line="-26"/>
        <source>Dashboard</source>
        <translation>현황판</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Search everything (Ctrl+F)</source>
        <translation>전체 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/menus.py" line="+119"/>
        <location filename="../../ui/widgets/pickers.py" line="-21"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="+42"/>
        <location line="+45"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The list is exported as shown, with its current filter. Cells that would run as formulas are kept as text.</source>
        <translation>목록을 현재 거르기 조건 그대로 내보냅니다. 수식으로 실행될 수 있는 칸은 글자로 저장됩니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Format</source>
        <translation>형식(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="+195"/>
        <location filename="../../ui/menus.py" line="-54"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose where to save the file.</source>
        <translation>파일을 저장할 위치를 선택하십시오.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="+1"/>
        <source>&amp;New record</source>
        <translation>새 항목(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export this list…</source>
        <translation>이 목록 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xchange with another office…</source>
        <translation>다른 기관과 교환 파일 주고받기(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backups…</source>
        <translation>백업(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se&amp;ttings…</source>
        <translation>설정(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Delete…</source>
        <translation>삭제(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter this &amp;list</source>
        <translation>이 목록 거르기(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dashboard</source>
        <translation>현황판(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agreements</source>
        <translation>협약(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organizations</source>
        <translation>기관(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contacts</source>
        <translation>담당자(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Meetings</source>
        <translation>회의(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;mmitments</source>
        <translation>이행 과제(&amp;M)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Co&amp;nflicts</source>
        <translation>충돌(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hide or show the list</source>
        <translation>목록 숨기기/보이기(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reports</source>
        <translation>보고서(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Portfolio briefing…</source>
        <translation>협약 현황 브리핑 자료(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Briefing for this record…</source>
        <translation>이 항목의 브리핑 자료(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Where is my data?</source>
        <translation>데이터 저장 위치(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Partnership Desk</source>
        <translation>파트너십 데스크 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-35"/>
        <location filename="../../ui/views/conflicts_view.py" line="-165"/>
        <location line="+21"/>
        <source>Conflicts</source>
        <translation>충돌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes from another computer that overwrote yours</source>
        <translation>다른 컴퓨터의 변경 내용이 덮어쓴 항목</translation>
    </message>
    <message>
        <location line="+285"/>
        <location line="+4"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Delete “{label}”?</source>
        <translation>“{label}”을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can undo this with Ctrl+Z until you close Partnership Desk.</source>
        <translation>파트너십 데스크를 닫기 전까지 Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Deleted. Ctrl+Z brings it back.</source>
        <translation>삭제했습니다. Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restored.</source>
        <translation>되살렸습니다.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Briefing</source>
        <translation>브리핑 자료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open an agreement, an organization or a meeting first.</source>
        <translation>먼저 협약, 기관 또는 회의를 여십시오.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Switch the window to the new language now? Unsaved changes are asked about first.</source>
        <translation>지금 새 언어로 화면을 바꾸시겠습니까? 저장하지 않은 변경 내용이 있으면 먼저 확인합니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where is my data?</source>
        <translation>데이터 저장 위치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder: {home}
Database: {db}</source>
        <translation>데이터 폴더: {home}
데이터베이스: {db}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About Partnership Desk</source>
        <translation>파트너십 데스크 정보</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partnership Desk {version}
Agreements, contacts and collaboration minutes, kept locally.</source>
        <translation>파트너십 데스크 {version}
협약, 연락처, 협력 회의록을 이 컴퓨터에 보관합니다.</translation>
    </message>
    <message>
        <location filename="../../ui/models/lists.py" line="+144"/>
        <location filename="../../ui/views/conflicts_view.py" line="+88"/>
        <location filename="../../ui/views/contact_editor.py" line="+57"/>
        <location line="+112"/>
        <location filename="../../ui/views/meeting_editor.py" line="-510"/>
        <location line="+282"/>
        <location filename="../../ui/views/organization_editor.py" line="+50"/>
        <location filename="../../ui/widgets/pickers.py" line="+120"/>
        <source>Title</source>
        <translation>직위</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="-143"/>
        <location filename="../../ui/models/lists.py" line="-40"/>
        <location filename="../../ui/views/agreement_editor.py" line="+62"/>
        <source>Reference</source>
        <translation>관리번호</translation>
    </message>
    <message>
        <location filename="../../ui/models/lists.py" line="-5"/>
        <location filename="../../ui/views/agreement_editor.py" line="-2"/>
        <source>Agreement title</source>
        <translation>협약명</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="+1"/>
        <location line="+19"/>
        <location filename="../../ui/models/lists.py" line="+6"/>
        <location line="+19"/>
        <location filename="../../ui/views/agreement_editor.py" line="+3"/>
        <location filename="../../ui/views/list_view.py" line="+222"/>
        <location line="+9"/>
        <location filename="../../ui/views/organization_editor.py" line="-8"/>
        <location filename="../../ui/widgets/pickers.py" line="-21"/>
        <source>Kind</source>
        <translation>유형</translation>
    </message>
    <message>
        <location line="-18"/>
        <location filename="../../ui/models/lists.py" line="-18"/>
        <location line="+89"/>
        <location filename="../../ui/views/agreement_editor.py" line="+1"/>
        <location line="+36"/>
        <location line="+320"/>
        <location filename="../../ui/views/commitment_editor.py" line="+61"/>
        <location line="+3"/>
        <location filename="../../ui/views/conflicts_view.py" line="-96"/>
        <location line="+113"/>
        <location filename="../../ui/views/contact_editor.py" line="-97"/>
        <location filename="../../ui/views/dashboard_view.py" line="+20"/>
        <location filename="../../ui/views/list_view.py" line="-10"/>
        <location line="+26"/>
        <location filename="../../ui/views/meeting_editor.py" line="-251"/>
        <location line="+12"/>
        <location line="+375"/>
        <location filename="../../ui/views/organization_editor.py" line="+8"/>
        <location line="+8"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/models/lists.py" line="-88"/>
        <location filename="../../ui/views/agreement_editor.py" line="-355"/>
        <location line="+16"/>
        <location line="+204"/>
        <location filename="../../ui/views/conflicts_view.py" line="+2"/>
        <location filename="../../ui/views/organization_editor.py" line="+0"/>
        <location filename="../../ui/widgets/parties.py" line="-27"/>
        <source>Signed</source>
        <translation>서명일</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/models/lists.py" line="+1"/>
        <location filename="../../ui/views/agreement_editor.py" line="-218"/>
        <location filename="../../ui/views/conflicts_view.py" line="+2"/>
        <location filename="../../ui/views/dashboard_view.py" line="+0"/>
        <location filename="../../ui/views/organization_editor.py" line="+0"/>
        <source>Expires</source>
        <translation>만료일</translation>
    </message>
    <message>
        <location filename="../../ui/models/lists.py" line="+1"/>
        <location filename="../../ui/views/agreement_editor.py" line="+18"/>
        <location line="+12"/>
        <source>Parties</source>
        <translation>참여기관</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <location filename="../../ui/views/conflicts_view.py" line="-20"/>
        <location filename="../../ui/views/contact_editor.py" line="-24"/>
        <location filename="../../ui/views/meeting_editor.py" line="-418"/>
        <location line="+280"/>
        <location filename="../../ui/views/organization_editor.py" line="-20"/>
        <location line="+12"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Other name</source>
        <translation>다른 언어 이름</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="+14"/>
        <location filename="../../ui/models/lists.py" line="+1"/>
        <location filename="../../ui/views/conflicts_view.py" line="+1"/>
        <location filename="../../ui/views/organization_editor.py" line="-10"/>
        <source>Short name</source>
        <translation>약칭</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/models/lists.py" line="+2"/>
        <location filename="../../ui/views/organization_editor.py" line="+3"/>
        <source>Country</source>
        <translation>국가</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../ui/models/lists.py" line="+13"/>
        <location filename="../../ui/views/conflicts_view.py" line="+41"/>
        <location filename="../../ui/views/contact_editor.py" line="+9"/>
        <location filename="../../ui/views/dashboard_view.py" line="-35"/>
        <location filename="../../ui/views/list_view.py" line="-12"/>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+1"/>
        <location filename="../../ui/views/meeting_editor.py" line="-280"/>
        <location line="+281"/>
        <location filename="../../ui/widgets/pickers.py" line="+20"/>
        <source>Organization</source>
        <translation>기관</translation>
    </message>
    <message>
        <location filename="../../ui/models/lists.py" line="+11"/>
        <location filename="../../ui/views/conflicts_view.py" line="-18"/>
        <location filename="../../ui/views/contact_editor.py" line="-7"/>
        <location filename="../../ui/widgets/pickers.py" line="+4"/>
        <source>Email</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="+8"/>
        <location filename="../../ui/models/lists.py" line="+1"/>
        <location filename="../../ui/views/conflicts_view.py" line="+1"/>
        <location filename="../../ui/views/contact_editor.py" line="+1"/>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <location filename="../../ui/models/lists.py" line="+6"/>
        <location filename="../../ui/views/agreement_editor.py" line="+12"/>
        <location line="+13"/>
        <location line="+347"/>
        <location filename="../../ui/views/contact_editor.py" line="+16"/>
        <location filename="../../ui/views/dashboard_view.py" line="+38"/>
        <location filename="../../ui/views/organization_editor.py" line="+21"/>
        <source>Date</source>
        <translation>일자</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/views/agreement_editor.py" line="-347"/>
        <location filename="../../ui/views/commitment_editor.py" line="+0"/>
        <location filename="../../ui/views/conflicts_view.py" line="+24"/>
        <location line="+1"/>
        <location filename="../../ui/views/contact_editor.py" line="+0"/>
        <location line="+5"/>
        <location filename="../../ui/views/dashboard_view.py" line="-36"/>
        <location line="+36"/>
        <location filename="../../ui/views/organization_editor.py" line="+0"/>
        <source>Meeting</source>
        <translation>회의</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="+18"/>
        <location filename="../../ui/models/lists.py" line="+6"/>
        <location filename="../../ui/views/agreement_editor.py" line="+0"/>
        <location filename="../../ui/views/conflicts_view.py" line="-48"/>
        <location filename="../../ui/views/contact_editor.py" line="-5"/>
        <location filename="../../ui/views/dashboard_view.py" line="+0"/>
        <location filename="../../ui/views/meeting_editor.py" line="-291"/>
        <location filename="../../ui/views/organization_editor.py" line="+0"/>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <location filename="../../ui/models/lists.py" line="+5"/>
        <location filename="../../ui/views/dashboard_view.py" line="+0"/>
        <location filename="../../ui/views/meeting_editor.py" line="+10"/>
        <location line="+10"/>
        <source>Attendees</source>
        <translation>참석자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open action items</source>
        <translation>진행 중 조치사항</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/views/agreement_editor.py" line="-22"/>
        <location line="+319"/>
        <location filename="../../ui/views/commitment_editor.py" line="-5"/>
        <location line="+5"/>
        <location filename="../../ui/views/conflicts_view.py" line="+15"/>
        <location filename="../../ui/views/contact_editor.py" line="+5"/>
        <location filename="../../ui/views/dashboard_view.py" line="-7"/>
        <location filename="../../ui/views/meeting_editor.py" line="+21"/>
        <location line="+385"/>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/views/agreement_editor.py" line="-319"/>
        <location line="+310"/>
        <location line="+7"/>
        <location filename="../../ui/views/commitment_editor.py" line="-9"/>
        <location filename="../../ui/views/conflicts_view.py" line="+31"/>
        <location filename="../../ui/views/dashboard_view.py" line="-28"/>
        <location line="+86"/>
        <location filename="../../ui/views/meeting_editor.py" line="-385"/>
        <location line="+390"/>
        <source>Commitment</source>
        <translation>이행 과제</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/views/agreement_editor.py" line="-340"/>
        <location line="+23"/>
        <location line="+169"/>
        <location line="+147"/>
        <location filename="../../ui/views/commitment_editor.py" line="-1"/>
        <location filename="../../ui/views/conflicts_view.py" line="-2"/>
        <location filename="../../ui/views/list_view.py" line="-21"/>
        <location line="+1"/>
        <location line="+27"/>
        <location line="+1"/>
        <location filename="../../ui/widgets/parties.py" line="+0"/>
        <source>Party</source>
        <translation>참여기관</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/views/conflicts_view.py" line="-1"/>
        <location filename="../../ui/views/dashboard_view.py" line="-90"/>
        <location line="+36"/>
        <location filename="../../ui/views/meeting_editor.py" line="-378"/>
        <location filename="../../ui/views/organization_editor.py" line="-6"/>
        <source>Agreement</source>
        <translation>협약</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="+39"/>
        <source>Delete “{label}”</source>
        <translation>“{label}” 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="-54"/>
        <location filename="../../ui/views/agreement_editor.py" line="-350"/>
        <location filename="../../ui/views/conflicts_view.py" line="-26"/>
        <source>In force from</source>
        <translation>발효일</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreement_editor.py" line="+2"/>
        <source>Place of signing</source>
        <translation>체결 장소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marking</source>
        <translation>보안 등급 표시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>comma-separated, e.g. semiconductor, EU</source>
        <translation>쉼표로 구분 (예: 반도체, EU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <location line="+362"/>
        <location filename="../../ui/views/conflicts_view.py" line="-16"/>
        <location filename="../../ui/views/meeting_editor.py" line="-51"/>
        <source>Summary</source>
        <translation>개요</translation>
    </message>
    <message>
        <location line="-398"/>
        <location filename="../../ui/views/meeting_editor.py" line="+4"/>
        <location filename="../../ui/views/organization_editor.py" line="-11"/>
        <source>Briefing…</source>
        <translation>브리핑 자료…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+199"/>
        <location filename="../../ui/widgets/parties.py" line="+0"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location line="-198"/>
        <location filename="../../ui/views/conflicts_view.py" line="+6"/>
        <location filename="../../ui/widgets/parties.py" line="+0"/>
        <source>Signed by</source>
        <translation>서명자</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+203"/>
        <location filename="../../ui/views/conflicts_view.py" line="+1"/>
        <location filename="../../ui/widgets/parties.py" line="-46"/>
        <location line="+45"/>
        <source>Title at signing</source>
        <translation>서명 당시 직위</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+204"/>
        <source>Joined</source>
        <translation>추가 참여</translation>
    </message>
    <message>
        <location line="-203"/>
        <location line="+204"/>
        <source>Withdrew</source>
        <translation>탈퇴</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Add party…</source>
        <translation>한 곳 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <location line="+9"/>
        <location filename="../../ui/views/contact_editor.py" line="-12"/>
        <location filename="../../ui/views/meeting_editor.py" line="+20"/>
        <location line="+9"/>
        <location line="+11"/>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <location filename="../../ui/views/contact_editor.py" line="+2"/>
        <location filename="../../ui/views/meeting_editor.py" line="-29"/>
        <location line="+10"/>
        <location line="+9"/>
        <location line="+12"/>
        <location filename="../../ui/widgets/attachments.py" line="+38"/>
        <source>Remove…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+6"/>
        <location filename="../../ui/views/names.py" line="+16"/>
        <source>Commitments</source>
        <translation>이행 과제</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add commitment…</source>
        <translation>이행 과제 추가…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/widgets/attachments.py" line="-2"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+358"/>
        <location line="+3"/>
        <location filename="../../ui/views/conflicts_view.py" line="+37"/>
        <source>Amendment</source>
        <translation>변경 협약</translation>
    </message>
    <message>
        <location line="-361"/>
        <location line="+363"/>
        <location filename="../../ui/views/conflicts_view.py" line="-39"/>
        <source>Effect</source>
        <translation>효력</translation>
    </message>
    <message>
        <location line="-363"/>
        <location line="+6"/>
        <source>Amendments</source>
        <translation>변경 협약</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add amendment…</source>
        <translation>변경 협약 추가…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../ui/views/contact_editor.py" line="+18"/>
        <location filename="../../ui/views/meeting_editor.py" line="+15"/>
        <location filename="../../ui/views/organization_editor.py" line="+23"/>
        <location filename="../../ui/widgets/attachments.py" line="-10"/>
        <source>Attachments</source>
        <translation>첨부파일</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Signatory&apos;s name</source>
        <translation>서명자 이름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the signatory is not a contact; otherwise choose the contact above.</source>
        <translation>서명자가 담당자로 등록되어 있지 않을 때 입력합니다. 등록된 담당자는 위에서 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="+127"/>
        <location filename="../../ui/views/agreement_editor.py" line="-160"/>
        <location line="+4"/>
        <location filename="../../ui/views/contact_editor.py" line="-13"/>
        <location line="+3"/>
        <location filename="../../ui/views/names.py" line="-1"/>
        <location filename="../../ui/views/organization_editor.py" line="-6"/>
        <location line="+3"/>
        <source>Meetings</source>
        <translation>회의</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreement_editor.py" line="-38"/>
        <source>Add parties…</source>
        <translation>참여기관 추가…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Open meeting</source>
        <translation>회의 열기</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/views/commitment_editor.py" line="+19"/>
        <location filename="../../ui/views/contact_editor.py" line="+14"/>
        <location filename="../../ui/views/meeting_editor.py" line="+4"/>
        <location filename="../../ui/views/organization_editor.py" line="+7"/>
        <location filename="../../ui/widgets/history.py" line="+54"/>
        <source>History</source>
        <translation>변경 이력</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/views/names.py" line="-3"/>
        <source>New agreement</source>
        <translation>새 협약</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the title in Korean or in English.</source>
        <translation>국문 또는 영문 제목을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+207"/>
        <location filename="../../ui/views/commitment_editor.py" line="+7"/>
        <source>(all parties)</source>
        <translation>(모든 참여기관)</translation>
    </message>
    <message>
        <location line="-140"/>
        <location filename="../../ui/views/contact_editor.py" line="+82"/>
        <location filename="../../ui/views/meeting_editor.py" line="+356"/>
        <location filename="../../ui/widgets/pickers.py" line="-5"/>
        <source>Choose organization</source>
        <translation>기관 선택</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/views/contact_editor.py" line="+2"/>
        <source>Organization *</source>
        <translation>기관 *</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/widgets/parties.py" line="-50"/>
        <source>Choose signatory</source>
        <translation>서명자 선택</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by (contact)</source>
        <translation>서명자(담당자)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Choose the parties</source>
        <translation>참여기관 선택</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Remove party</source>
        <translation>참여기관 삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {org} from this agreement?</source>
        <translation>이 협약에서 {org}을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+115"/>
        <location filename="../../ui/views/contact_editor.py" line="+57"/>
        <location filename="../../ui/views/meeting_editor.py" line="-88"/>
        <location line="+42"/>
        <location line="+31"/>
        <location line="+85"/>
        <location filename="../../ui/widgets/attachments.py" line="+105"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="-99"/>
        <location filename="../../ui/views/commitment_editor.py" line="-23"/>
        <location filename="../../ui/views/conflicts_view.py" line="-4"/>
        <location filename="../../ui/widgets/attachments.py" line="-105"/>
        <source>Description</source>
        <translation>내용</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Remove amendment</source>
        <translation>변경 협약 삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/views/meeting_editor.py" line="-117"/>
        <location line="+116"/>
        <source>Remove “{title}”?</source>
        <translation>“{title}”을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../ui/views/commitment_editor.py" line="-7"/>
        <source>Choose agreement</source>
        <translation>협약 선택</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement *</source>
        <translation>협약 *</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../ui/views/meeting_editor.py" line="-435"/>
        <location filename="../../ui/views/organization_editor.py" line="-13"/>
        <source>Open agreement</source>
        <translation>협약 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/views/conflicts_view.py" line="+50"/>
        <location filename="../../ui/views/contact_editor.py" line="-153"/>
        <location filename="../../ui/views/dashboard_view.py" line="+64"/>
        <location filename="../../ui/views/meeting_editor.py" line="-16"/>
        <location line="+377"/>
        <location line="+2"/>
        <source>Action item</source>
        <translation>조치사항</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <location filename="../../ui/views/contact_editor.py" line="+0"/>
        <location line="+5"/>
        <location filename="../../ui/views/meeting_editor.py" line="-378"/>
        <location line="+8"/>
        <source>Action items</source>
        <translation>조치사항</translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../../ui/views/names.py" line="+4"/>
        <source>New commitment</source>
        <translation>새 이행 과제</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the agreement.</source>
        <translation>협약을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the commitment in Korean or in English.</source>
        <translation>이행 과제를 한글 또는 영문으로 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="-89"/>
        <location filename="../../ui/views/contact_editor.py" line="-25"/>
        <source>Mobile</source>
        <translation>휴대전화</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <location filename="../../ui/views/conflicts_view.py" line="-28"/>
        <location filename="../../ui/views/contact_editor.py" line="+1"/>
        <location filename="../../ui/views/organization_editor.py" line="-16"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Agreement title (Korean)</source>
        <translation>협약명(한글)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement title (English)</source>
        <translation>협약명(영문)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Organization name (Korean)</source>
        <translation>기관명(한글)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization name (English)</source>
        <translation>기관명(영문)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../ui/widgets/pickers.py" line="-21"/>
        <location line="+19"/>
        <source>Name (Korean)</source>
        <translation>이름(한글)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/widgets/pickers.py" line="-18"/>
        <location line="+19"/>
        <source>Name (English)</source>
        <translation>이름(영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Middle name</source>
        <translation>중간 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name</source>
        <translation>성</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="-21"/>
        <location filename="../../ui/views/contact_editor.py" line="+4"/>
        <location line="+114"/>
        <location filename="../../ui/views/organization_editor.py" line="+5"/>
        <source>Department</source>
        <translation>부서</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="+8"/>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone (by its label column)</source>
        <translation>전화(구분 열 기준)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not imported from the vCards: {names}</source>
        <translation>vCard에서 가져오지 않은 항목: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns with values that are not imported: {names}</source>
        <translation>값이 있지만 가져오지 않는 열: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns not imported: {names}</source>
        <translation>가져오지 않은 열: {names}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{created} to create, {updated} to update, {unchanged} unchanged, {invalid} with problems.</source>
        <translation>새로 추가 {created}건, 수정 {updated}건, 변경 없음 {unchanged}건, 문제 있음 {invalid}건.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{orgs} new organizations, {positions} new positions.</source>
        <translation>새 기관 {orgs}곳, 새 소속 {positions}건.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported {file}: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped.</source>
        <translation>{file} 가져오기 완료: 새로 만듦 {created}건, 갱신 {updated}건, 변경 없음 {unchanged}건, 건너뜀 {skipped}건.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Row {row}: {message}</source>
        <translation>{row}행: {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {row}: {message}</source>
        <translation>{row}번째 항목: {message}</translation>
    </message>
    <message>
        <location line="-60"/>
        <location filename="../../ui/views/meeting_editor.py" line="-62"/>
        <source>Meeting title</source>
        <translation>회의명</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Agreement title (Korean or English)</source>
        <translation>협약명(한글 또는 영문)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Place of signing (Korean or English)</source>
        <translation>체결 장소(한글 또는 영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of signing (Korean)</source>
        <translation>체결 장소(한글)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of signing (English)</source>
        <translation>체결 장소(영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary (Korean or English)</source>
        <translation>개요(한글 또는 영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary (Korean)</source>
        <translation>개요(한글)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary (English)</source>
        <translation>개요(영문)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organization name (Korean or English)</source>
        <translation>기관명(한글 또는 영문)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name (Korean or English)</source>
        <translation>이름(한글 또는 영문)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Job title (Korean or English)</source>
        <translation>직위(한글 또는 영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job title (Korean)</source>
        <translation>직위(한글)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job title (English)</source>
        <translation>직위(영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department (Korean or English)</source>
        <translation>부서(한글 또는 영문)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department (Korean)</source>
        <translation>부서(한글)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department (English)</source>
        <translation>부서(영문)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+2"/>
        <source>Meeting title (Korean)</source>
        <translation>회의명(한글)</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Meeting title (English)</source>
        <translation>회의명(영문)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Place (Korean)</source>
        <translation>장소(한글)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place (English)</source>
        <translation>장소(영문)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Choose a file</source>
        <translation>파일 선택</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV or Excel (XLSX) with a header row, vCard (.vcf) or iCalendar (.ics).</source>
        <translation>머리글 행이 있는 CSV 또는 Excel(XLSX), vCard(.vcf), iCalendar(.ics) 파일.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the file holds</source>
        <translation>파일 내용</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Import as</source>
        <translation>가져올 종류(&amp;I)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+160"/>
        <location line="+35"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Importable files (*.csv *.txt *.xlsx *.vcf *.ics);;All files (*)</source>
        <translation>가져올 수 있는 파일 (*.csv *.txt *.xlsx *.vcf *.ics);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Check the columns and the problems</source>
        <translation>열과 문제 확인</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Columns not imported</source>
        <translation>가져오지 않은 열</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check again</source>
        <translation>다시 확인(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field for each column:</source>
        <translation>열별 항목:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems:</source>
        <translation>문제:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Field for column {name}</source>
        <translation>{name} 열의 항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not imported)</source>
        <translation>(가져오지 않음)</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>&amp;Skip the rows with problems and import the others</source>
        <translation>문제 있는 행은 건너뛰고 나머지 가져오기(&amp;S)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing is imported while rows have problems: fix them in the file and check again, or skip those rows.</source>
        <translation>문제 있는 행이 있으면 아무것도 가져오지 않습니다. 파일에서 고친 뒤 다시 확인하거나 해당 행을 건너뛰십시오.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/views/contact_editor.py" line="-114"/>
        <location line="+117"/>
        <location filename="../../ui/views/list_view.py" line="-13"/>
        <location filename="../../ui/views/organization_editor.py" line="+0"/>
        <source>From</source>
        <translation>시작일</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+118"/>
        <location filename="../../ui/views/organization_editor.py" line="+0"/>
        <source>To</source>
        <translation>종료일</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+8"/>
        <source>Positions</source>
        <translation>소속 이력</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Add position…</source>
        <translation>소속 추가…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End today</source>
        <translation>오늘 자로 종료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open organization</source>
        <translation>기관 열기</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../ui/views/names.py" line="-2"/>
        <location filename="../../ui/widgets/pickers.py" line="-3"/>
        <source>New contact</source>
        <translation>새 담당자</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../ui/views/organization_editor.py" line="+46"/>
        <source>Enter the name in Korean or in English.</source>
        <translation>국문 또는 영문 이름을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(current)</source>
        <translation>(현재)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="-111"/>
        <source>When the same field was changed on two computers, the later change was kept. Reverse a conflict to put the overwritten value back.</source>
        <translation>두 컴퓨터에서 같은 항목을 바꾼 경우 나중 변경 내용을 남겼습니다. 충돌을 되돌리면 덮어쓴 값이 복원됩니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show &amp;reversed</source>
        <translation>되돌린 충돌 표시(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="-149"/>
        <location filename="../../ui/views/conflicts_view.py" line="+3"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="+0"/>
        <source>Kept</source>
        <translation>유지한 값</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overwritten</source>
        <translation>덮어쓴 값</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Re&amp;verse</source>
        <translation>되돌리기(&amp;V)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reversed</source>
        <translation>되돌림</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kept the later change</source>
        <translation>나중 변경 유지</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Put back the overwritten value of {field}.</source>
        <translation>{field}의 덮어쓴 값을 복원했습니다.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Guest&apos;s organization</source>
        <translation>외부 참석자 소속</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/views/meeting_editor.py" line="+107"/>
        <source>Purpose</source>
        <translation>배경·목적</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/views/meeting_editor.py" line="+1"/>
        <source>Key issues</source>
        <translation>주요 쟁점</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/views/meeting_editor.py" line="+1"/>
        <source>Talking points</source>
        <translation>우리측 입장·말씀자료</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="-182"/>
        <location filename="../../ui/views/conflicts_view.py" line="+8"/>
        <location filename="../../ui/views/meeting_editor.py" line="-99"/>
        <source>Time zone</source>
        <translation>시간대</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="+12"/>
        <location filename="../../ui/widgets/fields.py" line="+249"/>
        <source>{field} (Korean)</source>
        <translation>{field}(한글)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/widgets/fields.py" line="+0"/>
        <source>{field} (English)</source>
        <translation>{field}(영문)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../ui/views/contact_editor.py" line="+43"/>
        <source>Position</source>
        <translation>소속</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attendee</source>
        <translation>참석자</translation>
    </message>
    <message>
        <location filename="../../ui/views/contact_editor.py" line="+60"/>
        <source>Remove position</source>
        <translation>소속 삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this position? To record that the person left, use “End today” instead.</source>
        <translation>이 소속을 삭제하시겠습니까? 퇴직·전보를 기록하려면 “오늘 자로 종료”를 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="-8"/>
        <location filename="../../ui/views/dashboard_view.py" line="-98"/>
        <source>Contact</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="+20"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What needs doing</source>
        <translation>할 일</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>Type</source>
        <translation>구분</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Who</source>
        <translation>담당</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Under</source>
        <translation>관련</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>기한 경과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due in the next 30 days</source>
        <translation>30일 이내 기한</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreements expiring within 90 days</source>
        <translation>90일 이내 만료 협약</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upcoming meetings</source>
        <translation>예정된 회의</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent changes</source>
        <translation>최근 변경</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="+46"/>
        <location line="+10"/>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <location line="-5"/>
        <location filename="../../ui/views/conflicts_view.py" line="-140"/>
        <location filename="../../ui/views/dashboard_view.py" line="+0"/>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Back up now</source>
        <translation>지금 백업(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore…</source>
        <translation>복원(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open folder</source>
        <translation>폴더 열기(&amp;O)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A server database is backed up with the server&apos;s own tools.</source>
        <translation>서버 데이터베이스는 서버 자체 도구로 백업합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backups are kept in {folder}.</source>
        <translation>백업은 {folder}에 보관됩니다.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Backup written to {path}.</source>
        <translation>{path}에 백업했습니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Replace the database with the backup of {when}? The current state is backed up first.</source>
        <translation>데이터베이스를 {when} 백업으로 바꾸시겠습니까? 현재 상태는 먼저 백업됩니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restored. The previous state was kept in {path}.</source>
        <translation>복원했습니다. 이전 상태는 {path}에 보관했습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Before an update</source>
        <translation>업데이트 전</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily</source>
        <translation>매일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By hand</source>
        <translation>수동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an exchange import</source>
        <translation>교환 파일 가져오기 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>복원 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an import</source>
        <translation>가져오기 전</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="+0"/>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Today: {date}</source>
        <translation>오늘: {date}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Nothing here.</source>
        <translation>해당 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/views/editor.py" line="+1"/>
        <source>Save (Ctrl+S)</source>
        <translation>저장 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard unsaved changes</source>
        <translation>저장하지 않은 변경 내용 버리기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Related records</source>
        <translation>관련 항목</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Correct the marked fields.</source>
        <translation>표시된 항목을 고치십시오.</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Fill in the required fields (*).</source>
        <translation>필수 항목(*)을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+107"/>
        <location line="+83"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 내용</translation>
    </message>
    <message>
        <location line="-26"/>
        <location filename="../../ui/widgets/parties.py" line="+107"/>
        <location filename="../../ui/widgets/related.py" line="+51"/>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed elsewhere</source>
        <translation>다른 곳에서 변경됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else saved this record after you opened it.</source>
        <translation>이 항목을 연 뒤 다른 사용자가 변경 내용을 저장했습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reload shows the saved version; your unsaved changes here are then lost.</source>
        <translation>다시 불러오면 저장된 내용이 표시되며, 여기서 저장하지 않은 변경 내용은 사라집니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep my changes</source>
        <translation>내 변경 내용 유지</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“{title}” has unsaved changes. Save them?</source>
        <translation>“{title}”에 저장하지 않은 변경 내용이 있습니다. 저장하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="+73"/>
        <location filename="../../ui/views/meeting_editor.py" line="+55"/>
        <location line="+6"/>
        <location filename="../../ui/views/names.py" line="-2"/>
        <location filename="../../ui/views/organization_editor.py" line="-38"/>
        <location line="+4"/>
        <source>Agreements</source>
        <translation>협약</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../ui/views/names.py" line="+1"/>
        <source>Organizations</source>
        <translation>기관</translation>
    </message>
    <message>
        <location filename="../../ui/views/names.py" line="+0"/>
        <location filename="../../ui/views/organization_editor.py" line="+25"/>
        <location filename="../../ui/widgets/pickers.py" line="-19"/>
        <source>New organization</source>
        <translation>새 기관</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="-1"/>
        <location filename="../../ui/views/names.py" line="+1"/>
        <source>Contacts</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location filename="../../ui/views/meeting_editor.py" line="+27"/>
        <location filename="../../ui/views/names.py" line="+1"/>
        <source>New meeting</source>
        <translation>새 회의</translation>
    </message>
    <message>
        <location filename="../../ui/views/list_view.py" line="-168"/>
        <source>Filter {what}…</source>
        <translation>{what} 목록 거르기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick filter</source>
        <translation>빠른 거르기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Choose a record in the list to see it here, or press Ctrl+N to add one.</source>
        <translation>목록에서 항목을 선택하면 여기에 표시됩니다. 새로 추가하려면 Ctrl+N을 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-384"/>
        <location line="+2"/>
        <location line="+45"/>
        <location filename="../../ui/views/list_view.py" line="+31"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/views/list_view.py" line="+43"/>
        <location line="+1"/>
        <location line="+16"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed from</source>
        <translation>서명일(부터)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed until</source>
        <translation>서명일(까지)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Until</source>
        <translation>까지</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Due before</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{n} shown</source>
        <translation>{n}건</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="-72"/>
        <location filename="../../ui/views/conflicts_view.py" line="+118"/>
        <location filename="../../ui/views/meeting_editor.py" line="-91"/>
        <source>Starts</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="+1"/>
        <location filename="../../ui/views/meeting_editor.py" line="+1"/>
        <source>Ends</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../ui/views/meeting_editor.py" line="+5"/>
        <source>Online link</source>
        <translation>온라인 회의 주소</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attended</source>
        <translation>참석</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add attendee…</source>
        <translation>참석자 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add guest…</source>
        <translation>외부 참석자 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a contact</source>
        <translation>담당자로 등록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the chosen guest as a contact</source>
        <translation>선택한 외부 참석자를 담당자로 등록합니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+9"/>
        <source>#</source>
        <translation>번호</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="+30"/>
        <location filename="../../ui/views/meeting_editor.py" line="-9"/>
        <location line="+321"/>
        <location line="+2"/>
        <source>Agenda item</source>
        <translation>안건</translation>
    </message>
    <message>
        <location line="-46"/>
        <location filename="../../ui/views/meeting_editor.py" line="-323"/>
        <location line="+324"/>
        <source>Discussion</source>
        <translation>논의 내용</translation>
    </message>
    <message>
        <location filename="../../ui/views/meeting_editor.py" line="-324"/>
        <location line="+6"/>
        <source>Agenda</source>
        <translation>안건</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add agenda item…</source>
        <translation>안건 추가…</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="+1"/>
        <location line="+46"/>
        <location filename="../../ui/views/meeting_editor.py" line="+7"/>
        <location line="+352"/>
        <location line="+2"/>
        <source>Decision</source>
        <translation>결정사항</translation>
    </message>
    <message>
        <location filename="../../ui/views/meeting_editor.py" line="-354"/>
        <location line="+6"/>
        <source>Decisions</source>
        <translation>결정사항</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add decision…</source>
        <translation>결정사항 추가…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+381"/>
        <source>Owner</source>
        <translation>담당</translation>
    </message>
    <message>
        <location line="-377"/>
        <source>Add action item…</source>
        <translation>조치사항 추가…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Carry over…</source>
        <translation>이월…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Link agreement…</source>
        <translation>협약 연결…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlink</source>
        <translation>연결 해제</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>guest</source>
        <translation>외부</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Link agreement</source>
        <translation>협약 연결</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Add attendee</source>
        <translation>참석자 추가</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="-42"/>
        <location filename="../../ui/views/meeting_editor.py" line="+10"/>
        <source>Guest</source>
        <translation>외부 참석자</translation>
    </message>
    <message>
        <location filename="../../ui/views/meeting_editor.py" line="+43"/>
        <source>Remove attendee</source>
        <translation>참석자 삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {name} from the attendees?</source>
        <translation>{name}을(를) 참석자에서 삭제하시겠습니까?</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Remove agenda item</source>
        <translation>안건 삭제</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Remove decision</source>
        <translation>결정사항 삭제</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove this decision?</source>
        <translation>이 결정사항을 삭제하시겠습니까?</translation>
    </message>
    <message>
        <location line="-304"/>
        <source>Enter the meeting title in Korean or in English.</source>
        <translation>회의명을 한글 또는 영문으로 입력하십시오.</translation>
    </message>
    <message>
        <location line="+317"/>
        <source>Choose owner</source>
        <translation>담당자 선택</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner organization</source>
        <translation>담당 기관</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../ui/widgets/pickers.py" line="+100"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Remove action item</source>
        <translation>조치사항 삭제</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+4"/>
        <source>Carry over</source>
        <translation>이월</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Carry “{title}” over to the next meeting?</source>
        <translation>“{title}”을(를) 다음 회의로 이월하시겠습니까?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose another meeting…</source>
        <translation>다른 회의 선택…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Carry over to which meeting?</source>
        <translation>어느 회의로 이월하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="-34"/>
        <location filename="../../ui/views/organization_editor.py" line="-43"/>
        <source>Website</source>
        <translation>웹사이트</translation>
    </message>
    <message>
        <location filename="../../ui/views/organization_editor.py" line="+81"/>
        <source>Current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location line="-74"/>
        <location line="+5"/>
        <source>People</source>
        <translation>소속 인원</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Open contact</source>
        <translation>담당자 열기</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Former</source>
        <translation>이전</translation>
    </message>
    <message>
        <location filename="../../ui/views/welcome_view.py" line="+22"/>
        <source>Welcome to Partnership Desk</source>
        <translation>파트너십 데스크에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Partnership Desk keeps your ministry&apos;s cooperation agreements, the organizations and people behind them, meetings and minutes, and what each party committed to.</source>
        <translation>파트너십 데스크는 부처의 협력 협약과 관련 기관·담당자, 회의와 회의록, 참여기관별 이행 과제를 한곳에서 관리합니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database is empty. You can look around with sample data first (the 2023 semiconductor advanced-packaging agreement and its eleven parties, with fictional people, meetings and minutes around it), or start with your own records.</source>
        <translation>데이터베이스가 비어 있습니다. 먼저 예시 데이터(2023년 반도체 첨단 패키징 협력 협약과 11개 참여기관, 가상의 담당자·회의·회의록)로 둘러보거나, 바로 기록을 입력할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Load the sample data</source>
        <translation>예시 데이터 불러오기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start empty</source>
        <translation>빈 상태로 시작</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from a file…</source>
        <translation>파일에서 가져오기…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your data is kept on this computer, in the data folder:</source>
        <translation>데이터는 이 컴퓨터의 다음 데이터 폴더에 보관됩니다:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database:</source>
        <translation>데이터베이스:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attachments, backups and settings are kept in the same folder. Settings explains how to use another one.</source>
        <translation>첨부파일, 백업, 설정도 같은 폴더에 보관됩니다. 다른 폴더를 쓰는 방법은 설정에서 안내합니다.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Loading the sample data…</source>
        <translation>예시 데이터를 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="-63"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="+112"/>
        <location filename="../../ui/widgets/attachments.py" line="+0"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups_dialog.py" line="-115"/>
        <location filename="../../ui/widgets/attachments.py" line="+0"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="+0"/>
        <source>Added</source>
        <translation>추가일</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drop files here to attach them.</source>
        <translation>파일을 여기에 끌어다 놓으면 첨부됩니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="+41"/>
        <location filename="../../ui/widgets/attachments.py" line="+2"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="+27"/>
        <source>Cannot attach</source>
        <translation>첨부할 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attaching files…</source>
        <translation>파일을 첨부하는 중…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attach files</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+19"/>
        <source>Cannot open</source>
        <translation>열 수 없습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No program is set up to open {name}.</source>
        <translation>{name} 파일을 열 프로그램이 설정되어 있지 않습니다.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Remove attachment</source>
        <translation>첨부파일 삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove “{name}” from this record?</source>
        <translation>이 항목에서 “{name}”을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fields.py" line="-107"/>
        <source>Error: {field}</source>
        <translation>오류: {field}</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>Suggested from the Korean title: edit or clear it if it is not right.</source>
        <translation>한글 직위로 제안한 영문입니다. 맞지 않으면 고치거나 지우십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/history.py" line="-22"/>
        <source>Created</source>
        <translation>생성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored</source>
        <translation>복원</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>When / field</source>
        <translation>일시 / 항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>작업자</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>변경 전</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>변경 후</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restore the earlier value</source>
        <translation>이전 값으로 복원</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pickers.py" line="-196"/>
        <source>Type to search</source>
        <translation>검색어를 입력하십시오</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose</source>
        <translation>선택</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New organization…</source>
        <translation>새 기관(&amp;N)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;New contact…</source>
        <translation>새 담당자(&amp;N)…</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear {what}</source>
        <translation>{what} 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/exchange_dialog.py" line="+38"/>
        <source>Partnership Desk exchange (*.pdx);;All files (*)</source>
        <translation>파트너십 데스크 교환 파일 (*.pdx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exchange</source>
        <translation>교환 파일</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exchange file to write</source>
        <translation>만들 교환 파일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything</source>
        <translation>전체</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes since the last exchange</source>
        <translation>지난 교환 이후 변경분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes since a date</source>
        <translation>특정 날짜 이후 변경분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to export</source>
        <translation>내보낼 내용</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes since</source>
        <translation>변경 기준일</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Encrypt with a passphrase</source>
        <translation>암호로 암호화(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send changes to another computer</source>
        <translation>다른 컴퓨터로 변경 내용 보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Include:</source>
        <translation>포함:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exchange file to import</source>
        <translation>가져올 교환 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="+145"/>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring in changes from another computer</source>
        <translation>다른 컴퓨터의 변경 내용 가져오기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Records are merged by their identity; importing a file twice changes nothing. A backup is made first. Edits of the same field on both sides keep the later one and are listed under Conflicts.</source>
        <translation>기록은 고유 식별자로 병합되므로 같은 파일을 두 번 가져와도 달라지지 않습니다. 먼저 백업을 만듭니다. 양쪽에서 같은 항목을 고친 경우 나중 변경 내용을 남기고 충돌 목록에 표시합니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../ui/dialogs/export_dialog.py" line="+1"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="-184"/>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Exchange file</source>
        <translation>교환 파일</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a file to write.</source>
        <translation>저장할 파일을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the date the changes start from.</source>
        <translation>변경 기준일을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Writing the exchange file…</source>
        <translation>교환 파일을 만드는 중…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported {records} records and {files} files to {path}.</source>
        <translation>기록 {records}건과 파일 {files}개를 {path}에 내보냈습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is encrypted; give the passphrase to the recipient separately.</source>
        <translation>파일이 암호화되어 있습니다. 암호는 받는 사람에게 따로 전달하십시오.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose an exchange file to import.</source>
        <translation>가져올 교환 파일을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This exchange file is encrypted.</source>
        <translation>이 교환 파일은 암호화되어 있습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merging the exchange file…</source>
        <translation>교환 파일을 병합하는 중…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merged: {new} new, {updated} updated, {same} unchanged records; {files} files.</source>
        <translation>병합 완료: 새 기록 {new}건, 수정 {updated}건, 변경 없음 {same}건, 파일 {files}개.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} conflicts: review them under Conflicts.</source>
        <translation>충돌 {count}건: 충돌 화면에서 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/passphrase_dialog.py" line="+26"/>
        <source>Choose a passphrase</source>
        <translation>암호 정하기</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Passphrase</source>
        <translation>암호</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repeat the passphrase</source>
        <translation>암호 다시 입력</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Passphrase:</source>
        <translation>암호(&amp;P):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Repeat:</source>
        <translation>다시 입력(&amp;R):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep the passphrase safe: without it the data cannot be recovered by anyone.</source>
        <translation>암호를 안전하게 보관하십시오. 암호가 없으면 누구도 데이터를 복구할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use at least 8 characters.</source>
        <translation>8자 이상으로 정하십시오.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passphrases differ.</source>
        <translation>두 암호가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="+37"/>
        <source>Partnership Desk is locked.</source>
        <translation>파트너십 데스크가 잠겨 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unlock…</source>
        <translation>잠금 해제(&amp;U)…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Wrong passphrase.</source>
        <translation>암호가 틀렸습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the database passphrase to unlock.</source>
        <translation>잠금을 해제하려면 데이터베이스 암호를 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../ui/models/lazy.py" line="+353"/>
        <source>(deleted)</source>
        <translation>(삭제됨)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dates.py" line="+82"/>
        <source>Previous month</source>
        <translation>이전 달</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous month (Page Up)</source>
        <translation>이전 달 (Page Up)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next month</source>
        <translation>다음 달</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month (Page Down)</source>
        <translation>다음 달 (Page Down)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Open the calendar</source>
        <translation>달력 열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar (Alt+Down)</source>
        <translation>달력 (Alt+↓)</translation>
    </message>
    <message>
        <location line="+271"/>
        <source>Where the meeting is held: its times are typed and shown in this zone. Changing the zone keeps the times as typed: a meeting at 14:00 moved to Brussels is at 14:00 Brussels time.</source>
        <translation>회의가 열리는 곳의 시간대입니다. 일시는 이 시간대로 입력하고 표시합니다. 시간대를 바꾸어도 입력한 시각은 그대로입니다. 14:00 회의를 브뤼셀로 바꾸면 브뤼셀 시각 14:00입니다.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/parties.py" line="-108"/>
        <source>Role of {org}</source>
        <translation>{org} 역할</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Korean</source>
        <translation>한글</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>영문</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed ({org})</source>
        <translation>서명일 ({org})</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Add parties</source>
        <translation>참여기관 추가</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Add {n} parties</source>
        <translation>참여기관 {n}곳 추가</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/related.py" line="-45"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>저장 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/marked.py" line="+40"/>
        <source>No English text yet: the Korean is shown</source>
        <translation>영문이 아직 없어 한글을 표시합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Korean text yet: the English is shown</source>
        <translation>한글이 아직 없어 영문을 표시합니다</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <location filename="../../ui/dialogs/briefing_dialog.py" line="+114"/>
        <location line="+184"/>
        <location line="+190"/>
        <location line="+25"/>
        <source>Briefing</source>
        <translation>브리핑 자료</translation>
    </message>
    <message>
        <location line="-391"/>
        <source>Agreement briefing</source>
        <translation>협약 브리핑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterpart briefing</source>
        <translation>기관 브리핑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-meeting brief</source>
        <translation>회의 사전 자료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes record</source>
        <translation>회의록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portfolio overview</source>
        <translation>협약 현황</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Briefing type</source>
        <translation>브리핑 유형</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Language of the briefing</source>
        <translation>브리핑 언어</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word (DOCX)</source>
        <translation>워드(DOCX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hangul (HWPX)</source>
        <translation>한글 (HWPX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File format</source>
        <translation>파일 형식</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marking</source>
        <translation>보안 등급 표시</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Agreement</source>
        <translation>협약</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization</source>
        <translation>기관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>회의</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>For</source>
        <translation>대상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type</source>
        <translation>유형(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format</source>
        <translation>형식(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Marking</source>
        <translation>보안 등급 표시(&amp;M)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Texts missing in the briefing&apos;s language</source>
        <translation>브리핑 자료 언어로 없는 내용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>대상</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing</source>
        <translation>없는 항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printed instead</source>
        <translation>대신 인쇄되는 내용</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open &amp;record</source>
        <translation>항목 열기(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the record to add the missing text (this dialog closes; make the briefing again after).</source>
        <translation>항목을 열어 없는 내용을 입력합니다 (이 창은 닫히며, 입력한 뒤 브리핑 자료를 다시 만드십시오).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Generate</source>
        <translation>만들기(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the options and press Generate.</source>
        <translation>옵션을 고른 뒤 [만들기]를 누르십시오.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save As…</source>
        <translation>다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the file in the program your computer uses for it.</source>
        <translation>이 컴퓨터에서 이 파일 형식에 쓰는 프로그램으로 엽니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>{n} text(s) have no English yet: the briefing prints them in Korean, tagged {tag}. Open a record to add its translation, or make the briefing as it is.</source>
        <translation>영문이 없는 내용 {n}건: 브리핑 자료에 한글로 {tag} 표시와 함께 인쇄됩니다. 항목을 열어 번역을 입력하거나, 이대로 만드십시오.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} text(s) have no Korean yet: the briefing prints them in English, tagged {tag}. Open a record to add its translation, or make the briefing as it is.</source>
        <translation>한글이 없는 내용 {n}건: 브리핑 자료에 영문으로 {tag} 표시와 함께 인쇄됩니다. 항목을 열어 번역을 입력하거나, 이대로 만드십시오.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The options changed. Press Generate to make the briefing again.</source>
        <translation>옵션이 바뀌었습니다. [만들기]를 눌러 브리핑 자료를 다시 만드십시오.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <source>Preparing the briefing…</source>
        <translation>브리핑 자료를 만드는 중…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ready: {pages} page(s). Save it, or open it in another program.</source>
        <translation>완료: {pages}쪽. 저장하거나 다른 프로그램으로 여십시오.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled. Nothing was saved.</source>
        <translation>취소했습니다. 저장된 것은 없습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word documents (*.docx)</source>
        <translation>워드 문서 (*.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hangul documents (*.hwpx)</source>
        <translation>한글 문서 (*.hwpx)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save briefing</source>
        <translation>브리핑 자료 저장</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The briefing could not be saved to {path}: {reason}</source>
        <translation>브리핑 자료를 {path}에 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved to {path}.</source>
        <translation>{path}에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No program is set up to open this file. Use Save As instead.</source>
        <translation>이 파일을 열 프로그램이 설정되어 있지 않습니다. [다른 이름으로 저장]을 쓰십시오.</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>There is no briefing for this kind of record.</source>
        <translation>이 종류의 항목에는 브리핑 자료가 없습니다.</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Printed on every page in the briefing&apos;s language: 대외비 in Korean, RESTRICTED in English.</source>
        <translation>모든 쪽에 브리핑 자료의 언어로 인쇄됩니다: 한국어는 대외비, 영어는 RESTRICTED.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <source>All agreements</source>
        <translation>전체 협약</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Signed or in force</source>
        <translation>체결 또는 발효 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft or under negotiation</source>
        <translation>초안 또는 협의 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired or terminated</source>
        <translation>만료 또는 해지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreements to include</source>
        <translation>포함할 협약</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Agreements</source>
        <translation>협약(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../ui/runner.py" line="+162"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+12"/>
        <source>Partnership Desk</source>
        <translation>파트너십 데스크</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>A report was saved to {path}.</source>
        <translation>오류 보고서를 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report could not be saved.</source>
        <translation>오류 보고서를 저장하지 못했습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong and the task was stopped. Nothing was half-saved.</source>
        <translation>문제가 발생하여 작업을 중단했습니다. 일부만 저장된 내용은 없습니다.</translation>
    </message>
</context>
</TS>
