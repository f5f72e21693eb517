"""The editors enter and show both languages (issue 13): every text a Korean box then an English
box, labelled the same way everywhere; errors under the right box; related tables in the UI's
language with the other language's text marked; a record's name marked in the header."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import factories
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.db import Database
from app.dto import AgendaItemInput, AttendeeInput, DecisionInput
from app.models import BILINGUAL
from app.services import agreements, meetings
from ui.widgets.fields import Form
from ui.widgets.marked import OTHER_LANGUAGE_ROLE


def on_modal(step: Callable[[QDialog], None]) -> list[str]:
    """Run ``step`` on the next modal dialog once it is shown; returns its window title."""
    seen: list[str] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QDialog) or not modal.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(modal.windowTitle())
        step(modal)

    QTimer.singleShot(0, poll)
    return seen


def _rows(form: Form) -> list[str]:
    """The form's field names in the order of its rows (top to bottom)."""
    by_holder = {widget.parentWidget(): name for name, widget in form.fields.items()}
    out = []
    for row in range(form.layout_.rowCount()):
        item = form.layout_.itemAt(row, form.layout_.ItemRole.FieldRole)
        if item is not None and item.widget() in by_holder:
            out.append(by_holder[item.widget()])
    return out


def _caption(form: Form, name: str) -> str:
    label = form.layout_.labelForField(form.fields[name].parentWidget())
    return label.text()  # type: ignore[union-attr]


def assert_pairs(form: Form, names: tuple[str, ...], lang: str) -> None:
    """Each text of ``names`` has its Korean box right above its English box, labelled by language."""
    rows = _rows(form)
    ko_mark, en_mark = ("(한글)", "(영문)") if lang == "ko" else (" (Korean)", " (English)")
    for name in names:
        ko, en = f"{name}_ko", f"{name}_en"
        assert ko in rows and en in rows, (name, rows)
        assert rows.index(en) == rows.index(ko) + 1, (name, rows)  # Korean first, English under it
        caption_ko, caption_en = _caption(form, ko), _caption(form, en)
        assert caption_ko.endswith(ko_mark) and caption_en.endswith(en_mark), (caption_ko, caption_en)
        assert caption_ko[: -len(ko_mark)] == caption_en[: -len(en_mark)]  # the same noun
        assert name not in form.fields  # no one-language box is left


def _editor(kind: str, qtbot, db: Database, make_ctx, lang: str):  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor
    from ui.views.commitment_editor import CommitmentEditor
    from ui.views.contact_editor import ContactEditor
    from ui.views.meeting_editor import MeetingEditor
    from ui.views.organization_editor import OrganizationEditor

    classes = {
        "agreement": AgreementEditor,
        "commitment": CommitmentEditor,
        "contact": ContactEditor,
        "meeting": MeetingEditor,
        "organization": OrganizationEditor,
    }
    editor = classes[kind](make_ctx(db, lang))
    qtbot.addWidget(editor)
    editor.show()
    return editor


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("kind", ["agreement", "commitment", "contact", "meeting", "organization"])
def test_every_editor_edits_both_languages_of_each_text(
    qtbot, db: Database, make_ctx, kind: str, lang: str
) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(kind, qtbot, db, make_ctx, lang)
    editor.start_new()
    assert_pairs(editor.form, BILINGUAL[kind], lang)
    first = _rows(editor.form)[0 if kind != "commitment" else 2]
    assert first == f"{BILINGUAL[kind][0]}_ko"  # the record's name first (after a commitment's agreement)


def _check_dialog(open_dialog: Callable[[], None], names: tuple[str, ...], lang: str) -> str:
    """Open a row dialog, check its pairs while it is shown, close it; its window title."""
    failed: list[BaseException] = []

    def look(dialog: QDialog) -> None:
        try:
            assert_pairs(dialog.form, names, lang)  # type: ignore[attr-defined]
        except AssertionError as exc:
            failed.append(exc)
        dialog.reject()

    seen = on_modal(look)
    open_dialog()
    assert seen, "no dialog opened"
    if failed:
        raise failed[0]
    return seen[0]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_row_dialog_edits_both_languages(qtbot, db: Database, make_ctx, lang: str) -> None:  # type: ignore[no-untyped-def]
    record = factories.agreement(db, "반도체 협력 협약")
    person = factories.person(db, "정수빈", "Subin Jeong")
    meeting = factories.meeting(db, "실무협의회")
    agreement = _editor("agreement", qtbot, db, make_ctx, lang)
    agreement.load(record.id)
    contact = _editor("contact", qtbot, db, make_ctx, lang)
    contact.load(person.id)
    minutes = _editor("meeting", qtbot, db, make_ctx, lang)
    minutes.load(meeting.id)
    dialogs = {
        "party": (lambda: agreement._party_dialog(None), BILINGUAL["party"]),
        "amendment": (lambda: agreement._amendment_dialog(None), BILINGUAL["amendment"]),
        "commitment": (lambda: agreement._commitment_dialog(None), BILINGUAL["commitment"]),
        "membership": (lambda: contact._position_dialog(None), BILINGUAL["membership"]),
        "attendee": (minutes.add_guest, BILINGUAL["attendee"]),
        "agenda_item": (lambda: minutes._agenda_dialog(None), BILINGUAL["agenda_item"]),
        "decision": (lambda: minutes._decision_dialog(None), BILINGUAL["decision"]),
        "action_item": (lambda: minutes._action_dialog(None), BILINGUAL["action_item"]),
    }
    for table, (open_dialog, names) in dialogs.items():
        assert _check_dialog(open_dialog, names, lang), table


def test_a_bilingual_record_is_saved_and_shown_again_in_both_languages(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    editor = _editor("agreement", qtbot, db, make_ctx, "ko")
    editor.start_new()
    editor.title.ko.setText("반도체 협력 협약")
    editor.title.en.setText("Semiconductor MOU")
    editor.place.ko.setText("엘타워")
    editor.place.en.setText("L Tower, Seoul")
    editor.summary.ko.setPlainText("첨단 패키징 공동 연구")
    editor.summary.en.setPlainText("Joint research on advanced packaging")
    editor.save()
    assert editor.ident is not None
    r = agreements.get_agreement(db, editor.ident)
    assert (r.place_ko, r.place_en) == ("엘타워", "L Tower, Seoul")
    assert (r.summary_ko, r.summary_en) == ("첨단 패키징 공동 연구", "Joint research on advanced packaging")

    english = _editor("agreement", qtbot, db, make_ctx, "en")
    english.load(editor.ident)
    assert english.heading.text() == "Semiconductor MOU"
    assert english.place.values() == ("엘타워", "L Tower, Seoul")
    assert english.summary.values() == ("첨단 패키징 공동 연구", "Joint research on advanced packaging")
    assert not english.dirty


def test_an_error_shows_under_the_box_it_is_about(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    editor = _editor("meeting", qtbot, db, make_ctx, "en")
    editor.start_new()
    editor.title.ko.setText("실무협의회")
    editor.place.en.setText("Brussels\x07")  # a control character: refused by the service
    editor.save()
    assert editor.ident is None
    errors = editor.form.errors
    assert errors["place_en"].isVisibleTo(editor) and "Place (English)" in errors["place_en"].text()
    assert not errors["place_ko"].isVisibleTo(editor)
    assert not errors["title_ko"].isVisibleTo(editor)
    editor.place.en.setText("Brussels")
    editor.summary.en.setPlainText("Notes\x01")
    editor.save()
    assert errors["summary_en"].isVisibleTo(editor) and not errors["summary_ko"].isVisibleTo(editor)
    assert not errors["place_en"].isVisibleTo(editor)


def test_neither_language_is_required_alone_but_one_is(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    editor = _editor("meeting", qtbot, db, make_ctx, "ko")
    editor.start_new()
    assert not editor.save_button.isEnabled()
    assert editor.status_line.text() == "회의명을 한글 또는 영문으로 입력하십시오."
    editor.title.en.setText("Working council")
    assert editor.save_button.isEnabled()
    editor.save()
    assert editor.ident is not None
    record = meetings.get_meeting(db, editor.ident)
    assert (record.title_ko, record.title_en) == ("", "Working council")


def _cell(table, row: int, col: int) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    item = table.table.item(row, col)
    return item.text(), item.data(OTHER_LANGUAGE_ROLE)


def test_related_tables_show_the_ui_language_and_mark_the_other(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    meeting = factories.meeting(db, "실무협의회", title_en="Working council")
    meetings.add_agenda_item(
        db, meeting.id, AgendaItemInput(title_ko="과제 점검", title_en="Review of the projects")
    )
    meetings.add_agenda_item(db, meeting.id, AgendaItemInput(title_ko="차년도 계획"))  # no English yet
    meetings.add_decision(db, meeting.id, DecisionInput(text_ko="분기별 개최", text_en="Meet every quarter"))
    meetings.add_attendee(db, meeting.id, AttendeeInput(guest_name_ko="안나", guest_name_en="Anna Novak"))
    editor = _editor("meeting", qtbot, db, make_ctx, "en")
    editor.load(meeting.id)
    assert _cell(editor.agenda, 0, 1) == ("Review of the projects", None)
    assert _cell(editor.agenda, 1, 1) == ("차년도 계획", "ko")  # shown, marked KO: never silently
    assert "No English text yet" in editor.agenda.table.item(1, 1).toolTip()
    assert _cell(editor.decisions, 0, 1) == ("Meet every quarter", None)
    assert _cell(editor.attendees, 0, 0) == ("Anna Novak (guest)", None)
    assert editor.heading.text() == "Working council" and not editor.heading.shown.missing

    korean = _editor("meeting", qtbot, db, make_ctx, "ko")
    korean.load(meeting.id)
    assert _cell(korean.agenda, 0, 1) == ("과제 점검", None)
    assert _cell(korean.agenda, 1, 1) == ("차년도 계획", None)
    assert _cell(korean.decisions, 0, 1) == ("분기별 개최", None)


def test_the_parties_tab_in_english_shows_the_signatorys_english_name(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    record = factories.agreement(db, "반도체 협력 협약", title_en="Semiconductor MOU")
    samsung = factories.org(db, "삼성전자", "Samsung Electronics")
    ministry = factories.org(db, "산업통상자원부")  # no English name yet
    person = factories.person(db, "한지윤", "Jiyoon Han")
    factories.party(
        db,
        record.id,
        samsung.id,
        signatory_contact_id=person.id,
        signatory_title_ko="대표이사",
        signatory_title_en="CEO",
    )
    factories.party(db, record.id, ministry.id, signatory_name_ko="홍길동", signatory_title_ko="과장")
    editor = _editor("agreement", qtbot, db, make_ctx, "en")
    editor.load(record.id)
    assert _cell(editor.parties, 0, 0) == ("Samsung Electronics", None)
    assert _cell(editor.parties, 0, 2) == ("Jiyoon Han", None)  # was 한지윤
    assert _cell(editor.parties, 0, 3) == ("CEO", None)
    assert _cell(editor.parties, 1, 0) == ("산업통상자원부", "ko")
    assert _cell(editor.parties, 1, 2) == ("홍길동", "ko")
    assert _cell(editor.parties, 1, 3) == ("과장", "ko")


def test_a_name_in_the_other_language_is_marked_in_the_header_and_its_contact_meetings(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    person = factories.person(db, "정수빈")  # no English name
    meeting = factories.meeting(db, "실무협의회", title_en="Working council")
    meetings.add_attendee(db, meeting.id, AttendeeInput(contact_id=person.id))
    editor = _editor("contact", qtbot, db, make_ctx, "en")
    editor.load(person.id)
    assert editor.heading.text() == "정수빈"
    assert editor.heading.shown.missing and "KO" in editor.heading.rich_text()
    assert _cell(editor.meetings, 0, 1) == ("Working council", None)


def _ids(table) -> list[UUID]:  # type: ignore[no-untyped-def]
    return [item.id for item in table.items]


def test_an_organizations_people_are_shown_in_the_ui_language(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    org = factories.org(db, "삼성전자", "Samsung Electronics")
    first = factories.person(db, "정수빈", "Subin Jeong")
    second = factories.person(db, "김민준")
    factories.member(db, first.id, org.id, "상무", title_en="Vice President")
    factories.member(db, second.id, org.id, "과장")
    editor = _editor("organization", qtbot, db, make_ctx, "en")
    editor.load(org.id)
    cells = {_cell(editor.people, r, 0)[0]: r for r in range(editor.people.table.rowCount())}
    assert _cell(editor.people, cells["Subin Jeong"], 1) == ("Vice President", None)
    assert _cell(editor.people, cells["김민준"], 0) == ("김민준", "ko")
    assert _cell(editor.people, cells["김민준"], 1) == ("과장", "ko")
    assert len(_ids(editor.people)) == 2
