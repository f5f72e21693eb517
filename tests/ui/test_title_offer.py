"""A title typed in Korean is offered its usual English in every title field (positions,
signatories' titles at signing, guests' titles): shown as a suggestion the person can edit or
clear, never written over what they typed. Typed as a person does: Hangul through the input method."""

from __future__ import annotations

from collections.abc import Callable

import factories
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from app.db import Database
from app.enums import OrgKind
from app.services import contacts, meetings


def type_korean(box: QLineEdit, text: str) -> None:
    """Hangul as the input method delivers it: a committed string (no key carries a syllable)."""
    box.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(box, event)


def backspace(box: QLineEdit, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(box, Qt.Key.Key_Backspace)


def in_dialog(step: Callable[[QDialog], None]) -> list[BaseException]:
    """Run ``step`` on the next modal dialog; what it raised is returned (the dialog is closed)."""
    failed: list[BaseException] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QDialog) or not modal.isVisible():
            QTimer.singleShot(20, poll)
            return
        try:
            step(modal)
        except BaseException as exc:  # reported by the test, not lost in the event loop
            failed.append(exc)
            modal.reject()

    QTimer.singleShot(0, poll)
    return failed


def _contact_editor(qtbot, db: Database, make_ctx, lang: str = "ko"):  # type: ignore[no-untyped-def]
    from ui.views.contact_editor import ContactEditor

    person = factories.person(db, "김민준", "Minjun Kim")
    editor = ContactEditor(make_ctx(db, lang))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(person.id)
    return editor, person


def test_a_korean_title_is_offered_its_english_which_stays_editable(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ministry = factories.org(
        db, "산업통상자원부", "Ministry of Trade, Industry and Energy", org_kind=OrgKind.MINISTRY
    )
    editor, person = _contact_editor(qtbot, db, make_ctx)
    seen: dict[str, object] = {}

    def position(dialog: QDialog) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        ko, en = f.fields["title_ko"], f.fields["title_en"]
        f.fields["organization_id"].set_value(ministry.id, "산업통상자원부")
        type_korean(ko, "과장")
        seen["offered"] = en.text()
        seen["style"] = en.styleSheet()
        seen["tooltip"] = en.toolTip()
        backspace(ko)  # "과" is no title: the offer goes with it
        seen["none"] = en.text()
        type_korean(ko, "장")
        seen["again"] = en.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    failed = in_dialog(position)
    editor._position_dialog(None)
    assert not failed, failed
    assert seen["offered"] == "Director"  # a ministry's 과장
    assert "italic" in str(seen["style"]) and "제안" in str(seen["tooltip"])  # seen as a suggestion
    assert seen["none"] == ""
    assert seen["again"] == "Director"
    (held,) = contacts.memberships_of_contact(db, person.id)
    assert (held.title_ko, held.title_en) == ("과장", "Director")  # saved as offered


def test_the_offer_follows_the_kind_of_organization_until_it_is_edited(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    company = factories.org(db, "삼성전자", "Samsung Electronics", org_kind=OrgKind.COMPANY)
    editor, person = _contact_editor(qtbot, db, make_ctx, "en")
    seen: dict[str, str] = {}

    def position(dialog: QDialog) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        ko, en = f.fields["title_ko"], f.fields["title_en"]
        type_korean(ko, "과장")
        seen["unknown"] = en.text()  # no organization yet: the ministry's sense
        f.fields["organization_id"].set_value(company.id, "Samsung Electronics")
        seen["company"] = en.text()  # a company's 과장
        en.setFocus()
        QTest.keyClicks(en, " (Sales)")  # the person's own words now
        type_korean(ko, " 대리")  # more Korean: the English is theirs, left alone
        seen["kept"] = en.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    failed = in_dialog(position)
    editor._position_dialog(None)
    assert not failed, failed
    assert seen == {"unknown": "Director", "company": "Manager", "kept": "Manager (Sales)"}
    (held,) = contacts.memberships_of_contact(db, person.id)
    assert (held.title_ko, held.title_en) == ("과장 대리", "Manager (Sales)")


def test_an_english_title_cleared_stays_empty_and_a_saved_one_is_never_replaced(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    org = factories.org(db, "삼성전자", org_kind=OrgKind.COMPANY)
    editor, person = _contact_editor(qtbot, db, make_ctx)
    held = factories.member(db, person.id, org.id, "부장", title_en="Head of Sales")
    editor.reload()
    seen: dict[str, str] = {}

    def cleared(dialog: QDialog) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        ko, en = f.fields["title_ko"], f.fields["title_en"]
        type_korean(ko, "상무")
        en.setFocus()
        en.selectAll()
        backspace(en)  # the person does not want it
        type_korean(ko, "이사")  # 상무이사: no offer comes back
        seen["cleared"] = en.text()
        dialog.reject()

    failed = in_dialog(cleared)
    editor._position_dialog(None)
    assert not failed, failed

    def saved(dialog: QDialog) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        ko, en = f.fields["title_ko"], f.fields["title_en"]
        seen["loaded"] = en.text()
        ko.setFocus()
        ko.selectAll()
        type_korean(ko, "전무")  # a new Korean title over a saved English one
        seen["kept"] = en.text()
        dialog.reject()

    failed = in_dialog(saved)
    editor._position_dialog(editor.positions.items[0])
    assert not failed, failed
    assert editor.positions.items[0].id == held.id
    assert seen == {"cleared": "", "loaded": "Head of Sales", "kept": "Head of Sales"}


def test_a_signatorys_title_at_signing_comes_from_their_position_in_both_languages(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    record = factories.agreement(db, "반도체 협력 협약")
    company = factories.org(db, "SK하이닉스", "SK hynix", org_kind=OrgKind.COMPANY)
    person = factories.person(db, "최유나", "Yuna Choi")
    factories.member(db, person.id, company.id, "책임연구원")  # no English title recorded
    editor = AgreementEditor(make_ctx(db, "ko"))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(record.id)
    seen: dict[str, object] = {}

    def party(dialog: QDialog) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        f.fields["organization_id"].set_value(company.id, "SK하이닉스")
        picker = f.fields["signatory_contact_id"]
        picker.set_value(person.id, "최유나")  # as chosen in its picker
        seen["title"] = (f.fields["signatory_title_ko"].text(), f.fields["signatory_title_en"].text())
        seen["name enabled"] = f.fields["signatory_name_ko"].isEnabled()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    failed = in_dialog(party)
    editor._party_dialog(None)
    assert not failed, failed
    assert seen["title"] == ("책임연구원", "Principal Researcher")  # the English offered for it
    assert seen["name enabled"] is False  # a contact is named by their record
    (saved,) = editor.parties.items
    assert (saved.signatory_title_ko, saved.signatory_title_en) == ("책임연구원", "Principal Researcher")


def test_a_guests_title_is_offered_too(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.meeting_editor import MeetingEditor

    meeting = factories.meeting(db, "실무협의회")
    editor = MeetingEditor(make_ctx(db, "ko"))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(meeting.id)

    def guest(dialog: QDialog) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        type_korean(f.fields["guest_name_ko"], "홍길동")
        type_korean(f.fields["title_ko"], "선임연구원")
        assert f.fields["title_en"].text() == "Senior Researcher"
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    failed = in_dialog(guest)
    editor.add_guest()
    assert not failed, failed
    (added,) = meetings.meeting_detail(db, meeting.id).attendees
    assert (added.guest_name_ko, added.title_ko, added.title_en) == (
        "홍길동",
        "선임연구원",
        "Senior Researcher",
    )


def test_the_add_parties_table_offers_the_english_of_a_typed_title(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.parties import PartiesDialog
    from ui.widgets.pickers import Chosen

    record = factories.agreement(db, "반도체 협력 협약")
    ministry = factories.org(db, "산업통상자원부", org_kind=OrgKind.MINISTRY)
    dialog = PartiesDialog(make_ctx(db, "ko"), record.id, [Chosen(ministry.id, "산업통상자원부")], None)
    qtbot.addWidget(dialog)
    dialog.show()
    (row,) = dialog.rows
    type_korean(row.title, "장관")
    assert row.title_en.text() == "Minister"
    assert row.title_en.accessibleName().startswith("서명 당시 직위(영문)")


def test_opening_a_saved_title_without_english_offers_nothing_until_typed(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    company = factories.org(db, "삼성전자", org_kind=OrgKind.COMPANY)
    editor, person = _contact_editor(qtbot, db, make_ctx)
    factories.member(db, person.id, company.id, "과장")  # no English recorded
    editor.reload()
    seen: dict[str, str] = {}

    def opened(dialog: QDialog) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        seen["opened"] = f.fields["title_en"].text()  # the record as saved: nothing slipped in
        other = factories.org(db, "특허청", org_kind=OrgKind.MINISTRY)
        f.fields["organization_id"].set_value(other.id, "특허청")  # its kind known after the fill
        seen["moved"] = f.fields["title_en"].text()
        f.fields["title_ko"].selectAll()
        type_korean(f.fields["title_ko"], "차장")  # now the person types: the offer comes
        seen["typed"] = f.fields["title_en"].text()
        dialog.reject()

    failed = in_dialog(opened)
    editor._position_dialog(editor.positions.items[0])
    assert not failed, failed
    assert seen == {"opened": "", "moved": "", "typed": "Deputy Commissioner"}  # 특허청's 차장


def test_a_party_named_only_in_the_other_language_is_marked_in_the_add_parties_table(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    from app.dto import Shown
    from ui.widgets.parties import PartiesDialog
    from ui.widgets.pickers import Chosen

    record = factories.agreement(db, "반도체 협력 협약")
    ministry = factories.org(db, "산업통상자원부")  # no English name
    chosen = Chosen(ministry.id, "산업통상자원부", other_lang="ko")
    assert chosen.shown == Shown("산업통상자원부", "ko", True)
    dialog = PartiesDialog(make_ctx(db, "en"), record.id, [chosen], None)
    qtbot.addWidget(dialog)
    (row,) = dialog.rows
    assert "KO" in row.name.text() and "산업통상자원부" in row.name.text()
