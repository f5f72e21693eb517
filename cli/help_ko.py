"""The command line's help in Korean: each English help text of the sub-commands, and argparse's own.

The commands write their help in English (``cli/cmd_*.py``); when the language is Korean,
:func:`translate_parser` puts the Korean text in its place before anything is printed, so
``partnership-desk -h`` and ``partnership-desk export -h`` read in Korean. A text not listed
here stays English (``tests/test_windows_cli.py`` lists every one missing).
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator

# argparse's own words (usage line, headings, its -h and --version help, its error lines).
ARGPARSE_KO = {
    "usage: ": "사용법: ",
    "positional arguments": "위치 인수",
    "options": "옵션",
    "show this help message and exit": "이 도움말을 보이고 끝냅니다",
    "show program's version number and exit": "프로그램 버전을 보이고 끝냅니다",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 오류: %(message)s\n",
    "the following arguments are required: %s": "다음 인수가 필요합니다: %s",
    "unrecognized arguments: %s": "알 수 없는 인수: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "잘못된 선택: %(value)r (%(choices)s 중에서 고르십시오)",
    "expected one argument": "인수 하나가 필요합니다",
    "invalid %(type)s value: %(value)r": "잘못된 %(type)s 값: %(value)r",
}

HELP_KO = {
    "Partnership Desk: agreements, contacts and collaboration minutes, kept locally.": (
        "Partnership Desk: 협약, 담당자, 협력 회의록을 이 컴퓨터에 보관합니다."
    ),
    "database file or URL (default: the data folder)": "데이터베이스 파일 또는 URL (기본값: 데이터 폴더)",
    "data folder (default: PARTNERSHIP_DESK_HOME or the user data folder)": (
        "데이터 폴더 (기본값: PARTNERSHIP_DESK_HOME 또는 사용자 데이터 폴더)"
    ),
    "file holding the database passphrase": "데이터베이스 암호가 든 파일",
    "language of messages (default: the system's)": "메시지 언어 (기본값: 시스템 언어)",
    "load the reference agreement and sample data": "기준 협약과 예시 데이터를 불러옵니다",
    "list records of one kind": "한 종류의 기록 목록을 보입니다",
    "show one record": "기록 하나를 보입니다",
    "delete one record (kept as a tombstone for exchange)": "기록 하나를 삭제합니다 (교환을 위해 삭제 표시로 남김)",
    "check integrity and schema version; exit 1 when unhealthy": (
        "무결성과 스키마 버전을 점검합니다. 문제가 있으면 종료 코드 1"
    ),
    "make a consistent copy of the database": "데이터베이스의 일관된 사본(백업)을 만듭니다",
    "search agreements, organizations, contacts, meetings, commitments, files": (
        "협약, 기관, 담당자, 회의, 이행 과제, 첨부파일을 검색합니다"
    ),
    "write a briefing: brief agreement|organization|meeting ID | portfolio -o FILE": (
        "브리핑 자료를 작성합니다: brief agreement|organization|meeting ID | portfolio -o 파일"
    ),
    "export the whole database (FILE.json) or a list (KIND --format ...)": (
        "데이터베이스 전체(파일.json) 또는 목록(종류 --format ...)을 내보냅니다"
    ),
    "import FILE.json (merge by id) or contacts/organizations from CSV, XLSX, vCard": (
        "파일.json(ID 기준 병합) 또는 CSV, XLSX, vCard의 담당자·기관을 가져옵니다"
    ),
    "exchange files: carry changes between databases without a network": (
        "교환 파일: 네트워크 없이 데이터베이스 사이에 변경 내용을 옮깁니다"
    ),
    "list the conflicts exchanges resolved, or reverse one": "교환에서 해결된 충돌 목록을 보거나 하나를 되돌립니다",
    "show each change to a record; --restore puts back a previous value": (
        "기록의 변경 이력을 보입니다. --restore는 이전 값으로 되돌립니다"
    ),
    "list the backups in the backups folder, newest first": "백업 폴더의 백업 목록을 최신순으로 보입니다",
    "restore a backup (the current database is backed up first)": "백업을 복원합니다 (현재 데이터베이스를 먼저 백업)",
    "encrypt the database (and its backups and attachments) with a passphrase": (
        "데이터베이스(백업과 첨부파일 포함)를 암호로 암호화합니다"
    ),
    "change the passphrase of an encrypted database": "암호화된 데이터베이스의 암호를 바꿉니다",
    "show or change settings: settings list | settings set KEY VALUE": (
        "설정을 보거나 바꿉니다: settings list | settings set 키 값"
    ),
    "print JSON": "JSON으로 출력합니다",
    "at most this many rows": "최대 행 수",
    "rebuild derived data such as the search index": "검색 색인 같은 파생 데이터를 다시 만듭니다",
    "file or folder (default: the backups folder)": "파일 또는 폴더 (기본값: 백업 폴더)",
    "overwrite DEST when it is an existing file": "DEST가 이미 있는 파일이면 덮어씁니다",
    "words to find (each must occur; part of a word is enough)": "찾을 단어 (모두 포함되어야 하며, 단어 일부로도 충분)",
    "only this kind (repeatable)": "이 종류만 (여러 번 지정 가능)",
    "print an array of hits: kind, id, title (title_ko, title_en), snippet": (
        "검색 결과를 배열로 출력합니다: 종류, ID, 제목(title_ko, title_en), 발췌"
    ),
    "Write a briefing document for an agreement, an organization, a meeting or the portfolio.": (
        "협약, 기관, 회의 또는 협약 현황의 브리핑 자료를 작성합니다."
    ),
    "what the briefing is about": "브리핑 대상",
    "the record's id (not for portfolio)": "기록의 ID (portfolio에는 없음)",
    "the file to write (.pdf, .docx or .hwpx)": "작성할 파일 (.pdf, .docx 또는 .hwpx)",
    "default: from FILE's extension, else pdf": "기본값: 파일 확장자에 따름, 없으면 pdf",
    "language of the briefing": "브리핑 자료의 언어",
    "marking at the top and bottom of every page, e.g. 대외비 or RESTRICTED (in the briefing's language)": (
        "모든 쪽 위아래의 보안 등급 표시, 예: 대외비 또는 RESTRICTED (브리핑 언어로)"
    ),
    "예고문: when the marking is lowered, e.g. '2027. 12. 31. 일반'": (
        "예고문: 보안 등급이 낮아지는 시점, 예: '2027. 12. 31. 일반'"
    ),
    "for a meeting: pre-meeting brief or minutes record (default: by whether it has taken place)": (
        "회의: 회의 사전 자료 또는 회의록 (기본값: 회의가 열렸는지에 따름)"
    ),
    "portfolio: only these statuses": "portfolio: 이 상태의 협약만",
    "portfolio: only agreements with this tag": "portfolio: 이 태그가 있는 협약만",
    "portfolio: only agreements this organization is party to": "portfolio: 이 기관이 참여기관인 협약만",
    "FILE.json for the whole database, or a kind: contacts, organizations, ...": (
        "데이터베이스 전체는 파일.json, 또는 종류: contacts, organizations, ..."
    ),
    "output file (with KIND)": "출력 파일 (종류와 함께)",
    "report what would change, write nothing": "바뀔 내용만 보고하고 아무것도 쓰지 않습니다",
    "import the valid rows, report the others": "올바른 행만 가져오고 나머지는 보고합니다",
    (
        "raise an import limit for this file (file_mb=100, rows=200000, columns=1000, cell_chars=100000, "
        "uncompressed_mb=64, depth=64, photo_mb=10, archive_mb=1024); repeatable"
    ): (
        "이 파일의 가져오기 한도를 올립니다 (file_mb=100, rows=200000, columns=1000, cell_chars=100000, "
        "uncompressed_mb=64, depth=64, photo_mb=10, archive_mb=1024). 여러 번 지정 가능"
    ),
    "write every change (or those since LAST/DATE) to FILE": "모든 변경(또는 LAST/날짜 이후 변경)을 파일에 씁니다",
    "merge an exchange FILE into this database": "교환 파일을 이 데이터베이스에 병합합니다",
    "LAST: since the last exchange; or a date (default: all)": "LAST: 마지막 교환 이후, 또는 날짜 (기본값: 전체)",
    "with --since LAST: the database the file is for": "--since LAST와 함께: 이 파일을 받을 데이터베이스",
    "encrypt with this passphrase": "이 암호로 암호화합니다",
    "the file's passphrase": "파일의 암호",
    "only those not reversed": "되돌리지 않은 것만",
    "put back the value the conflict overwrote": "충돌로 덮어쓴 값을 되돌립니다",
    "agreement, organization, contact, meeting, commitment, party, ...": (
        "agreement, organization, contact, meeting, commitment, party, ... (협약, 기관, 담당자, 회의, 이행 과제, 참여기관)"
    ),
    "put back FIELD's value from before the change EVENT_ID": "변경 EVENT_ID 이전의 FIELD 값을 되돌립니다",
    "a backup file (see 'backups'), or NEWEST for the newest good one": (
        "백업 파일('backups' 참조), 또는 정상인 최신 백업은 NEWEST"
    ),
    "the current passphrase": "현재 암호",
    "Show or change the settings, e.g. the department, author and phone on briefings.": (
        "설정을 보거나 바꿉니다. 예: 브리핑 자료의 부서, 작성자, 전화번호."
    ),
    "every setting with its value": "모든 설정과 그 값",
    "change one setting": "설정 하나를 바꿉니다",
    "the setting's name (see 'settings list')": "설정 이름 ('settings list' 참조)",
    "its new value ('' to clear)": "새 값 (''이면 지움)",
}


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every sub-command's parser, depth first."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases share one parser
                yield from parsers(sub)


def help_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every help text and description a person may read in ``-h``."""
    for each in parsers(parser):
        if each.description:
            yield each.description
        for action in each._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                yield action.help
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        yield choice.help


def translate_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Put the Korean help texts in place (called when the language is Korean)."""
    for each in parsers(parser):
        if each.description:
            each.description = HELP_KO.get(each.description, each.description)
        for action in each._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                action.help = ARGPARSE_KO.get(action.help) or HELP_KO.get(action.help, action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        choice.help = HELP_KO.get(choice.help, choice.help)
        for group in each._action_groups:
            if group.title:
                group.title = ARGPARSE_KO.get(group.title, group.title)
    return parser


def use_korean_argparse(korean: bool) -> None:
    """argparse's own words ("usage:", its errors) in Korean, or back to its English."""
    argparse._ = (lambda text: ARGPARSE_KO.get(text, text)) if korean else gettext.gettext  # type: ignore[attr-defined]
