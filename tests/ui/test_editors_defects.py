"""The smaller defects of issue 12, each as a person meets it (Korean or English UI)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QWizard

from app.db import Database
from app.dto import OrganizationInput
from app.enums import OrgKind
from app.services import organizations
from ui.i18n import tr


def test_korean_particles_follow_the_last_syllable() -> None:
    from ui.widgets.confirm import with_particles

    assert with_particles("“삼성전자”을(를) 삭제하시겠습니까?") == "“삼성전자”를 삭제하시겠습니까?"
    assert with_particles("“엘타워 회의”을(를) 삭제하시겠습니까?") == "“엘타워 회의”를 삭제하시겠습니까?"
    assert with_particles("“산업통상자원부”을(를) 삭제") == "“산업통상자원부”를 삭제"
    assert with_particles("“반도체 협력 강화”을(를) 삭제") == "“반도체 협력 강화”를 삭제"
    assert with_particles("“정수빈”을(를) 삭제") == "“정수빈”을 삭제"
    assert with_particles("“SK하이닉스”와(과) “KOTRA”이(가)") == "“SK하이닉스”와 “KOTRA”가"
    assert with_particles("“2023년 3차”은(는)") == "“2023년 3차”는"
    assert with_particles("“Plan 3”을(를)") == "“Plan 3”을"
    assert with_particles("“…”을(를)") == "“…”을(를)"  # nothing to read it by: both stay


def test_the_delete_question_reads_as_korean(qtbot, db: Database, make_ctx, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.confirm import confirm

    make_ctx(db, "ko")
    seen = answer_dialog("취소")
    assert not confirm(None, "삭제", tr("Delete “{label}”?").format(label="삼성전자"), "삭제")  # type: ignore[arg-type]
    assert seen[0].startswith("“삼성전자”를 삭제하시겠습니까?")


def test_the_import_wizard_file_label_is_a_shortcut_not_text(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(make_ctx(db, "ko"))
    qtbot.addWidget(wizard)
    label = next(lb for lb in wizard.file_page.findChildren(QLabel) if lb.text() == "파일(&F)")
    assert label.buddy() is wizard.file_page.path  # shown as 파일(F), Alt+F goes to the field


def test_conflicts_columns_have_distinct_korean_headings(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.conflicts_view import ConflictsView

    view = ConflictsView(make_ctx(db, "ko"))
    qtbot.addWidget(view)
    headers = [view.table.horizontalHeaderItem(i).text() for i in range(view.table.columnCount())]
    assert len(set(headers)) == len(headers), headers  # "항목" twice before


def test_an_empty_dashboard_says_so_in_full(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.dashboard_view import DashboardView

    view = DashboardView(make_ctx(db, "ko"))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.refresh()
    table = view.recent[2].table
    assert table.item(0, 0) is not None and table.item(0, 0).text() == tr("Nothing here.")
    assert table.columnSpan(0, 0) == table.columnCount()  # not squeezed into the narrow "종류" column ("…")


def test_discard_when_quitting_quits(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    window.go_to("agreement")
    lst = window.current_list()
    lst.table.selectRow(0)
    lst.editor.place.en.setText("Sejong")
    assert lst.editor.dirty
    answer_dialog("Discard")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_the_side_bar_and_the_page_say_damdangja(qtbot, demo_sqlite: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    win = MainWindow(make_ctx(demo_sqlite, "ko"))
    qtbot.addWidget(win)
    texts = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert "담당자" in texts and "연락처" not in texts
    menu_texts = [a.text() for a in win.menuBar().actions() for a in a.menu().actions() if a.text()]
    assert "연락처(&C)" not in menu_texts


def test_neither_name_is_marked_required_and_the_hint_says_either(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.organization_editor import OrganizationEditor

    editor = OrganizationEditor(make_ctx(db, "ko"))
    qtbot.addWidget(editor)
    editor.start_new()
    captions = [
        editor.form.layout_.labelForField(editor.form.fields[n].parentWidget())
        for n in ("name_ko", "name_en")
    ]
    assert [c.text() for c in captions] == ["이름(한글)", "이름(영문)"]  # "이름(영문) *" was not required
    assert editor.status_line.text() == "국문 또는 영문 이름을 입력하십시오."
    editor.name_en.setText("Samsung Electronics")
    assert editor.save_button.isEnabled()


def test_the_briefing_dialog_names_its_record_and_follows_the_english_ui(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.briefing_dialog import BriefingDialog

    org_id = organizations.create_organization(
        db, OrganizationInput(name_ko="삼성전자", name_en="Samsung Electronics", org_kind=OrgKind.COMPANY)
    ).id
    dialog = BriefingDialog(make_ctx(db, "en"), "organization", org_id, None, "Samsung Electronics")
    qtbot.addWidget(dialog)
    assert dialog.subject_label.text() == "Organization: Samsung Electronics"
    assert "Samsung Electronics" in dialog.windowTitle()
    assert dialog.lang_combo.currentData() == "en"  # it was Korean in the English UI


def test_record_briefing_on_the_dashboard_asks_for_a_record(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    window.show_view("dashboard")
    seen = answer_dialog("OK")
    window.record_briefing()
    assert seen and "Open an agreement, an organization or a meeting first." in seen[0]


def test_history_shows_the_after_column_in_a_narrow_editor(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.history import HistoryPanel

    panel = HistoryPanel(make_ctx(db, "ko"), "agreement")
    qtbot.addWidget(panel)
    panel.resize(520, 300)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.tree.header()
    visible = panel.tree.viewport().width()
    assert header.sectionPosition(3) + 60 <= visible  # "변경 후" starts on screen, with room
    assert header.sectionSize(3) >= 60 and header.sectionSize(2) >= 60


def _people(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "E-mail"])
        writer.writerow(["정하늘", "ha@example.com"])
        writer.writerow(["", "nobody@example.com"])  # line 3: no name
        writer.writerow(["박서준", "seo@example.com"])
    return path


def test_the_preview_numbers_rows_as_the_problems_do(qtbot, db: Database, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(make_ctx(db, "en"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(_people(tmp_path / "people.csv")))
    wizard.next()
    page = wizard.preview
    problem = page.problems.item(0).text()
    number = re.match(r"Row (\d+):", problem)
    assert number is not None, problem
    shown = [page.table.verticalHeaderItem(r).text() for r in range(page.table.rowCount())]
    assert shown == ["Field", "2", "3", "4"]  # the fields chosen per column, then the file's lines
    assert page.table.item(shown.index(number.group(1)), 1).text() == "nobody@example.com"


def test_an_import_ends_with_its_count_in_sight(qtbot, db: Database, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.import_wizard import ImportWizard

    main = QMainWindow()
    qtbot.addWidget(main)
    wizard = ImportWizard(make_ctx(db, "en"), main)
    wizard.show()
    wizard.file_page.path.setText(str(_people(tmp_path / "people.csv")))
    wizard.next()
    wizard.next()
    wizard.confirm.skip.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    message = main.statusBar().currentMessage()
    assert message == "Imported people.csv: 2 created, 0 updated, 0 unchanged, 1 skipped."


def test_settings_labels_have_distinct_shortcut_letters(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.settings_dialog import SettingsDialog

    for lang in ("en", "ko"):
        dialog = SettingsDialog(make_ctx(db, lang))
        qtbot.addWidget(dialog)
        texts = [w.text() for w in dialog.findChildren(QLabel)] + [
            b.text() for b in dialog.findChildren(QAbstractButton)
        ]
        letters = [m.group(1).lower() for t in texts for m in [re.search(r"&(\w)", t)] if m]
        assert len(letters) == len(set(letters)), (lang, texts)


def test_the_briefing_setting_follows_the_program_until_chosen(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(make_ctx(db, "en"))
    qtbot.addWidget(dialog)
    assert dialog.briefing.currentData() == ""
    assert dialog.briefing.currentText() == "The program's language"


def test_the_settings_dialog_saves_the_briefing_fields(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.services.settings import briefing_author
    from ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(make_ctx(db, "ko"))
    qtbot.addWidget(dialog)
    for key, text in (
        ("department", "반도체과"),
        ("author", "홍길동"),
        ("phone", "044-000-0000"),
        ("our_organization", "MOTIE"),
    ):
        dialog.briefing_fields[key].setText(text)  # keyClicks cannot type Hangul
    dialog.save()
    author = briefing_author(db.paths)
    assert (author.department_ko, author.author_ko, author.phone, author.our_organization) == (
        "반도체과",
        "홍길동",
        "044-000-0000",
        "MOTIE",
    )
