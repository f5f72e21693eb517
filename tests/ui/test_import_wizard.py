"""The import wizard and the export dialog, driven as a person would."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWizard

from app.db import Database
from app.services.contacts import contact_detail, list_contacts
from ui.context import UiContext
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_wizard import ImportWizard

DATA = Path(__file__).parent.parent / "data"


def wizard_on(qtbot, ctx: UiContext, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    return wizard


def test_preview_mapping_and_import(qtbot, db: Database, make_ctx: Callable[..., UiContext]) -> None:  # type: ignore[no-untyped-def]
    wizard = wizard_on(qtbot, make_ctx(db), DATA / "korean_excel_cp949.csv")
    page = wizard.preview
    assert [page.table.horizontalHeaderItem(i).text() for i in range(3)] == ["성명", "소속", "직위"]
    assert page.preview_row(0)[0] == "박서준"
    assert page.combos["이메일"].currentText() == "E-mail"
    assert page.combos["비고"].currentText() == "Notes"
    assert page.summary.text().startswith("3 to create, 0 to update, 0 unchanged, 0 with problems.")
    assert page.problems.count() == 0
    page.combos["비고"].setCurrentIndex(0)  # "(not imported)"
    wizard.next()
    assert "3 to create" in wizard.confirm.text.text()
    assert not wizard.confirm.skip.isVisible()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result_report is not None and wizard.result_report.created == 3
    names = sorted(c.name_ko for c in list_contacts(db))
    assert names == ["박서준", "이도현", "정하늘"]
    assert all(c.notes == "" for c in _records(db))  # the unmapped column stayed out


def _records(db: Database):  # type: ignore[no-untyped-def]
    from app.services.contacts import get_contact

    return [get_contact(db, c.id) for c in list_contacts(db)]


def test_problems_per_row_and_skipping_them(qtbot, db: Database, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "E-mail"])
        writer.writerow(["Jiyoon Han", "jiyoon.han@example.com"])
        writer.writerow(["Sehoon Oh", "not-an-address"])
    wizard = wizard_on(qtbot, make_ctx(db), path)
    assert [wizard.preview.problems.item(i).text() for i in range(wizard.preview.problems.count())] == [
        "Row 3: Not a valid e-mail address: not-an-address (for example name@example.com)"
    ]
    wizard.next()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.confirm.skip.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    assert [c.name_en for c in list_contacts(db)] == ["Jiyoon Han"]


def test_vcard_preview(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    wizard = wizard_on(qtbot, make_ctx(db), DATA / "android_contacts_21.vcf")
    assert wizard.preview.preview_row(0)[0] == "김민준"
    assert not wizard.preview.combos
    assert wizard.preview.summary.text().startswith("3 to create")


def test_export_dialog_writes_the_filtered_list(
    qtbot, demo_sqlite: Database, make_ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.dto import OrganizationQuery

    # The list view names its kind in the singular.
    dialog = ExportDialog(make_ctx(demo_sqlite), "organization", OrganizationQuery(text="하이닉스"))
    qtbot.addWidget(dialog)
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == ["csv", "xlsx"]
    dialog.format.setCurrentIndex(1)
    dialog.path.setText(str(tmp_path / "orgs.xlsx"))
    dialog.export_button.click()
    assert dialog.count == 1
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "orgs.xlsx").active
    assert sheet is not None and sheet["A2"].value == "SK하이닉스"


def test_export_dialog_offers_vcard_and_calendar(
    qtbot, demo_sqlite: Database, make_ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.dto import MeetingQuery

    dialog = ExportDialog(make_ctx(demo_sqlite), "meeting", MeetingQuery())
    qtbot.addWidget(dialog)
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == ["csv", "xlsx", "ics"]
    dialog.format.setCurrentIndex(2)
    assert dialog.path.text().endswith("meetings.ics")
    dialog.path.setText(str(tmp_path / "meetings.ics"))
    dialog.export_button.click()
    assert (tmp_path / "meetings.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_calendar_import_through_the_wizard(qtbot, db: Database, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.meetings import list_meetings

    path = tmp_path / "invite.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nBEGIN:VEVENT\r\nUID:1@example.com\r\n"
        b"DTSTAMP:20230901T000000Z\r\nDTSTART:20230915T010000Z\r\nDTEND:20230915T020000Z\r\n"
        b"SUMMARY:\xed\x95\x9c\xeb\xaf\xb8 \xed\x98\x91\xec\x9d\x98\r\nLOCATION:Online\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    wizard = ImportWizard(make_ctx(db))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.kind.setCurrentIndex(wizard.file_page.kind.findData("meetings"))
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.preview.preview_row(0)[0] == "한미 협의"
    table = wizard.preview.table
    headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    assert headers[:4] == ["Meeting title (Korean)", "Meeting title (English)", "Starts", "Time zone"]
    assert wizard.preview.summary.text().startswith("1 to create")
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert [(m.title_ko, m.title_en, m.place_en) for m in list_meetings(db)] == [("한미 협의", "", "Online")]


def test_the_wizard_names_the_columns_not_imported(qtbot, db: Database, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Korean-language Outlook's headers: every column left out is named, as chosen and as found."""
    path = tmp_path / "outlook-ko.csv"
    with path.open("w", encoding="cp949", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["제목", "이름", "성", "회사", "전자 메일 주소", "메모", "웹 페이지"])
        writer.writerow(
            ["", "수빈", "정", "예시전자", "subin.jung@example.com", "협약 담당", "https://example.com"]
        )
    wizard = wizard_on(qtbot, make_ctx(db), path)
    page = wizard.preview
    assert page.combos["전자 메일 주소"].currentText() == "E-mail"
    assert page.unused.isVisible()
    assert page.unused.text() == "Columns not imported: 제목, 웹 페이지"
    page.combos["메모"].setCurrentIndex(0)  # "(not imported)"
    assert page.unused.text() == "Columns not imported: 제목, 메모, 웹 페이지"
    page.check()
    # The check reads the whole file: the columns that hold something and are left out.
    assert "Columns with values that are not imported: 메모, 웹 페이지" in page.summary.text()
    wizard.next()
    assert "Columns with values that are not imported: 메모, 웹 페이지" in wizard.confirm.text.text()


def test_the_mapping_names_both_columns_of_a_text_kept_in_two_languages(
    qtbot, db: Database, make_ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["성명", "Name (English)", "소속", "직위(한글)", "직위(영문)", "부서"])
        writer.writerow(["한지윤", "Jiyoon Han", "산업통상자원부", "과장", "Director", "반도체과"])
    wizard = wizard_on(qtbot, make_ctx(db, "en"), path)
    page = wizard.preview
    combo = page.combos["직위(한글)"]
    offered = [combo.itemText(i) for i in range(combo.count())]
    for label in (
        "Job title (Korean)",
        "Job title (English)",
        "Job title (Korean or English)",
        "Department (Korean)",
        "Department (English)",
    ):
        assert label in offered
    assert page.combos["직위(한글)"].currentData() == "title_ko"
    assert page.combos["직위(영문)"].currentData() == "title_en"
    assert page.combos["직위(영문)"].currentText() == "Job title (English)"
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    (person,) = list_contacts(db)
    (held,) = contact_detail(db, person.id).memberships
    assert (held.title_ko, held.title_en, held.department_ko) == ("과장", "Director", "반도체과")


def test_each_field_chooser_stands_over_its_own_column(qtbot, db: Database, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The choosers used to sit in a row of their own above the table, 170 px each over 100 px
    columns: the third chooser stood over the second column. Now each is in its column."""
    path = tmp_path / "people.csv"
    path.write_text(
        "이름,기관,직위(한글),직위(영문),이메일\n한지윤,산업통상자원부,과장,Director,jiyoon.han@example.com\n",
        encoding="utf-8",
    )
    wizard = wizard_on(qtbot, make_ctx(db, "ko"), path)
    page = wizard.preview
    table = page.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for c, header in enumerate(headers):
        combo = page.combos[header]
        assert table.cellWidget(0, c) is combo
        left, width = table.columnViewportPosition(c), table.columnWidth(c)
        assert combo.geometry().left() >= left - 1 and combo.geometry().right() <= left + width
        assert width >= combo.sizeHint().width() or width == 320  # the whole label shows
    assert page.combos["직위(영문)"].currentText() == "직위(영문)"
    assert page.preview_row(0) == ["한지윤", "산업통상자원부", "과장", "Director", "jiyoon.han@example.com"]
