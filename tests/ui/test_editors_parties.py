"""Fewer steps for related records: party defaults, several parties at once, a new organization
from the picker, and linking an agreement to a meeting saved at once like the other tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import factories
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from app.db import Database
from app.dto import ContactQuery
from app.enums import OrgKind, PartyRole
from app.services import agreements, contacts, meetings, organizations

SIGNED = date(2023, 8, 29)


def on_modals(*steps: Callable[[QWidget], None]) -> list[str]:
    """Run ``steps`` one after the other, each on the next modal dialog that opens."""
    done: list[str] = []
    seen: list[QWidget] = []

    def poll() -> None:
        if len(done) == len(steps):
            return
        modal = QApplication.activeModalWidget()
        if modal is None or (seen and modal is seen[-1]):
            QTimer.singleShot(20, poll)
            return
        seen.append(modal)
        step = steps[len(done)]
        done.append(type(modal).__name__)
        QTimer.singleShot(0, poll)
        step(modal)

    QTimer.singleShot(0, poll)
    return done


def _editor(qtbot, db: Database, make_ctx, lang: str = "en"):  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    record = factories.agreement(db, "반도체 협력 협약", signed_on=SIGNED, title_en="Semiconductor MOU")
    editor = AgreementEditor(make_ctx(db, lang))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(record.id)
    return editor, record


def _button(widget: QWidget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text().replace("&", "") == text)


def test_a_new_party_is_a_signatory_signing_with_the_agreement_and_its_title_comes_along(
    qtbot, db, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    org = factories.org(db, "삼성전자", "Samsung Electronics", org_kind=OrgKind.COMPANY)
    person = factories.person(db, "정수빈", "Subin Jeong")
    factories.member(db, person.id, org.id, "대표이사", title_en="President and CEO")
    editor, record = _editor(qtbot, db, make_ctx)
    seen: dict[str, object] = {}

    def party_dialog(dialog: QWidget) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        seen["role"] = f.fields["role"].value()
        seen["signed"] = f.fields["signed_on"].value()
        f.fields["organization_id"].set_value(org.id, "Samsung Electronics")
        f.fields["signatory_contact_id"].pick()  # the person picker opens over the dialog (next step)
        seen["title"] = (f.fields["signatory_title_ko"].text(), f.fields["signatory_title_en"].text())
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    def person_picker(picker: QWidget) -> None:
        qtbot.waitUntil(lambda: picker.model.rowCount() == 1)  # type: ignore[attr-defined]
        picker.table.selectRow(0)  # type: ignore[attr-defined]
        picker.accept()  # type: ignore[attr-defined]

    steps = on_modals(party_dialog, person_picker)
    editor.add_party()
    assert steps == ["FormDialog", "PickerDialog"]
    assert seen["role"] == PartyRole.SIGNATORY  # was 주관기관 (lead)
    assert seen["signed"] == SIGNED  # was empty
    assert seen["title"] == ("대표이사", "President and CEO")  # the signatory's current position
    (party,) = agreements.agreement_detail(db, record.id).parties
    assert (party.role, party.signed_on) == (PartyRole.SIGNATORY, SIGNED)
    assert (party.signatory_title_ko, party.signatory_title_en) == ("대표이사", "President and CEO")
    assert party.signatory_contact_id == person.id


def test_several_parties_at_once_with_roles_in_a_table(qtbot, db, make_ctx) -> None:  # type: ignore[no-untyped-def]
    names = ["산업통상자원부", "삼성전자", "SK하이닉스"]
    orgs = [factories.org(db, n) for n in names]
    editor, record = _editor(qtbot, db, make_ctx)

    def choose_all(picker: QWidget) -> None:
        qtbot.waitUntil(lambda: picker.model.rowCount() == 3)  # type: ignore[attr-defined]
        picker.table.selectAll()  # type: ignore[attr-defined]
        picker.accept()  # type: ignore[attr-defined]

    def set_roles(dialog: QWidget) -> None:
        rows = dialog.rows  # type: ignore[attr-defined]
        assert [r.role.value() for r in rows] == [PartyRole.SIGNATORY] * 3
        assert [r.signed.value() for r in rows] == [SIGNED] * 3
        lead = next(r for r in rows if r.organization.label == "산업통상자원부")
        lead.role.set_value(PartyRole.LEAD)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    steps = on_modals(choose_all, set_roles)
    _button(editor.parties, "Add parties…").click()
    assert steps == ["PickerDialog", "PartiesDialog"]
    parties = agreements.agreement_detail(db, record.id).parties
    roles = {p.organization_id: p.role for p in parties}
    assert roles == {
        orgs[0].id: PartyRole.LEAD,
        orgs[1].id: PartyRole.SIGNATORY,
        orgs[2].id: PartyRole.SIGNATORY,
    }
    assert {p.signed_on for p in parties} == {SIGNED}
    assert editor.parties.table.rowCount() == 3


def test_a_new_organization_from_inside_the_picker(qtbot, db, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.enums import RecordKind
    from ui.widgets.pickers import PickerButton

    ctx = make_ctx(db, "en")
    button = PickerButton(ctx, RecordKind.ORGANIZATION, "Choose organization")
    qtbot.addWidget(button)

    def type_and_create(picker: QWidget) -> None:
        picker.search.setText("SK하이닉스")  # type: ignore[attr-defined]
        picker.new_button.click()  # type: ignore[attr-defined]

    def fill(dialog: QWidget) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        assert f.fields["name_ko"].text() == "SK하이닉스"  # from what was typed in the search
        f.fields["name_en"].setText("SK hynix")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    steps = on_modals(type_and_create, fill)
    button.pick()
    assert steps == ["PickerDialog", "FormDialog"]
    (made,) = organizations.list_organizations(db)
    assert (made.name_ko, made.name_en) == ("SK하이닉스", "SK hynix")
    assert button.value() == made.id
    assert QApplication.activeModalWidget() is None
    assert isinstance(button.window(), QWidget) and not isinstance(button.window(), QDialog)


def test_linking_and_unlinking_an_agreement_is_saved_at_once(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.meeting_editor import MeetingEditor

    agreement = factories.agreement(db, "반도체 협력 협약", title_en="Semiconductor MOU")
    meeting = factories.meeting(db, "실무협의회")
    editor = MeetingEditor(make_ctx(db, "en"))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(meeting.id)
    editor.form.set_text("place_ko", "엘타워")  # an unsaved edit, which linking must leave alone
    assert editor.dirty

    def choose(picker) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
        picker.table.selectRow(0)
        picker.accept()

    on_modals(choose)
    editor.link_agreement()
    linked = meetings.meeting_detail(db, meeting.id)
    assert [a.id for a in linked.agreements] == [agreement.id]  # without Ctrl+S
    assert linked.record.place_ko == ""  # the unsaved place was not saved with it ...
    assert editor.form.text("place_ko") == "엘타워" and editor.dirty  # ... nor lost
    assert editor.agreements.table.item(0, 0).text() == "Semiconductor MOU"

    editor.agreements.select_row(0)
    editor.unlink_agreement()
    assert meetings.meeting_detail(db, meeting.id).agreements == ()
    assert editor.agreements.table.rowCount() == 0
    editor.set_dirty(False)


def test_a_guest_attendee_and_later_a_contact(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.meeting_editor import MeetingEditor

    meeting = factories.meeting(db, "실무협의회")
    editor = MeetingEditor(make_ctx(db, "en"))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(meeting.id)

    def fill(dialog: QWidget) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        f.fields["guest_name_en"].setText("Anna Weber")
        f.fields["guest_organization_en"].setText("Example Fraunhofer Institute")
        f.fields["title_en"].setText("Director")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    on_modals(fill)
    _button(editor.attendees, "Add guest…").click()
    (guest,) = meetings.meeting_detail(db, meeting.id).attendees
    assert guest.is_guest and guest.guest_name_en == "Anna Weber"  # no contact needed
    assert editor.attendees.table.item(0, 0).text() == "Anna Weber (guest)"
    assert editor.attendees.table.item(0, 1).text() == "Example Fraunhofer Institute"
    make = _button(editor.attendees, "Make a contact")
    assert not make.isEnabled()
    editor.attendees.select_row(0)
    assert make.isEnabled()
    make.click()
    (now,) = meetings.meeting_detail(db, meeting.id).attendees
    assert now.contact_id is not None and now.contact_name_en == "Anna Weber"
    assert editor.attendees.table.item(0, 0).text() == "Anna Weber"


def test_a_new_contact_from_inside_the_picker_is_offered_the_english_title(qtbot, db, make_ctx) -> None:  # type: ignore[no-untyped-def]
    """The contact picker's "New…" asks the title as the position dialog does: both languages,
    the English offered for a Korean rank (a company's 상무: Vice President)."""
    from app.enums import OrgKind, RecordKind
    from ui.widgets.pickers import PickerButton

    company = factories.org(db, "삼성전자", "Samsung Electronics", org_kind=OrgKind.COMPANY)
    ctx = make_ctx(db, "ko")
    button = PickerButton(ctx, RecordKind.CONTACT, "담당자 선택")
    button.preset_org = (company.id, "삼성전자")
    qtbot.addWidget(button)

    def type_and_create(picker: QWidget) -> None:
        picker.search.setText("이서연")  # type: ignore[attr-defined]
        picker.new_button.click()  # type: ignore[attr-defined]

    seen: list[str] = []

    def fill(dialog: QWidget) -> None:
        f = dialog.form  # type: ignore[attr-defined]
        assert f.fields["name_ko"].text() == "이서연"
        box = f.fields["title_ko"]
        box.setFocus()
        typed = QInputMethodEvent("", [])  # Hangul as the input method commits it
        typed.setCommitString("상무")
        QApplication.sendEvent(box, typed)
        qtbot.waitUntil(lambda: f.fields["title_en"].text() == "Vice President")
        seen.append(f.fields["title_en"].text())
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]

    steps = on_modals(type_and_create, fill)
    button.pick()
    assert steps == ["PickerDialog", "FormDialog"] and seen == ["Vice President"]
    (made,) = contacts.list_contacts(db, ContactQuery())
    assert (made.name_ko, made.title_ko, made.title_en, made.organization_name_ko) == (
        "이서연",
        "상무",
        "Vice President",
        "삼성전자",
    )
