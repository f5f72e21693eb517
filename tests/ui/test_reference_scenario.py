"""The reference agreement recorded from nothing, by keyboard and mouse only (issue #12).

The real main window, in Korean, on an empty SQLite file. Every step is a QTest event: no
service is called and no widget is set from code. :class:`Inputs` counts what a person does
the way the issue counted its ~210: each click, each key that is not part of a typed value
(Tab, Enter, arrows, shortcuts) and each typed value (a name, a date, a title) as one. At the
end every value is read back from the database through the services and the count printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QTabWidget,
    QWidget,
)

from app import clock
from app.db import Database
from app.enums import PartyRole, RecordKind
from app.services.agreements import agreement_detail, list_agreements
from app.services.contacts import contact_detail, list_contacts
from app.services.meetings import list_meetings, meeting_detail
from app.services.organizations import list_organizations

BUDGET = 100
TITLE_KO = "반도체 첨단 패키징 기술개발 협력 협약"
COMMITMENT = "첨단 패키징 신규 R&D 사업 기획"
MEETING = "첨단 패키징 협력 실무협의회 1차 회의"
GUEST = ("Anna Novak", "Example Packaging Institute", "Director")
AGENDA = "신규 R&D 과제 기획 방향"
DECISION = "분기별 실무협의회를 개최한다"
ACTION = "신규 R&D 과제 기획안 작성"
TITLE_EN = "Agreement on cooperation for semiconductor advanced packaging technology development"  # the ceiling for the whole scenario


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as a person does: Latin keys as key presses, Hangul as the input method
    delivers it (a committed string), since no key of the keyboard carries a syllable."""
    run = ""
    for char in text + "\0":
        if (char.isascii()) == (run.isascii() if run else char.isascii()) and char != "\0":
            run += char
            continue
        if run.isascii():
            QTest.keyClicks(widget, run)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
        run = char


class Inputs:
    """Sends QTest events to the program and counts them as a person's inputs."""

    def __init__(self, qtbot: Any, main: QWidget) -> None:
        self.qtbot = qtbot
        self.main = main
        self.count = 0
        self.log: list[str] = []

    def _note(self, what: str) -> None:
        # A person's next input comes after the program has drawn the last one's result:
        # the posted layout and paint events run first (a click aimed at a field that is not
        # laid out yet would land on whatever is there).
        for _ in range(3):
            QApplication.processEvents()
        self.count += 1
        self.log.append(what)

    def focus(self) -> QWidget:
        """Where a key goes: the focus, once a window that just closed has handed it back.

        The offscreen platform has no window manager to activate the window under a dialog
        that closed; this does what the window manager does."""
        if QApplication.focusWidget() is None:
            (QApplication.activeModalWidget() or self.main).activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def type(self, text: str, widget: QWidget | None = None) -> None:
        """One typed value, into ``widget`` or wherever the focus is."""
        target = widget or self.focus()
        self._note(f"type {text!r}")
        type_text(target, text)

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self._note(f"key {key.name}{'+' + modifier.name if modifier.value else ''}")
        QTest.keyClick(self.focus(), key, modifier)

    def shortcut(self, window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
        self._note(f"shortcut {modifier.name}+{key.name}")
        QTest.keyClick(self.focus(), key, modifier)

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        assert widget.isVisible() and widget.isEnabled(), f"cannot click {widget!r}"
        self._note(f"click {getattr(widget, 'text', lambda: type(widget).__name__)()!r}")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or QPoint())

    def click_tab(self, tabs: QTabWidget, page: QWidget) -> None:
        bar = tabs.tabBar()
        index = tabs.indexOf(page)
        self._note(f"click tab {bar.tabText(index)!r}")
        QTest.mouseClick(
            bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(index).center()
        )
        assert tabs.currentWidget() is page

    def click_row(self, view: QAbstractItemView, row: int, column: int = 0, double: bool = False) -> None:
        rect = view.visualRect(view.model().index(row, column))
        assert rect.isValid(), f"row {row} is not shown"
        if double:
            QTest.mouseDClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
            )
        else:
            QTest.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
            )
        self._note(f"{'double-' if double else ''}click row {row}")


@pytest.fixture
def empty_window(qtbot, db: Database, make_ctx) -> Iterator[QWidget]:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    win = MainWindow(make_ctx(db, "ko"))
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # shortcuts need an active window
    win.database_ready()  # as ui.app does once the database is open: an empty one welcomes
    win.check_empty()
    qtbot.waitUntil(lambda: win.welcome is not None and win.welcome.isVisible(), timeout=3000)
    yield win
    for lst in win.lists.values():
        if lst.current_editor is not None:
            lst.current_editor.set_dirty(False)


def button_named(root: QWidget, text: str) -> QAbstractButton:
    for button in root.findChildren(QAbstractButton):
        if button.text().replace("&", "") == text and button.isVisible():
            return button
    raise AssertionError(f"no visible button {text!r} in {root!r}")


def when_dialog(act: Callable[[QDialog], None], over: QWidget | None = None) -> None:
    """Run ``act`` on the next modal dialog (not ``over``) once it is shown and has the focus:
    a dialog's exec() blocks, so what is done in it is scheduled before it opens."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if (
            not isinstance(modal, QDialog)
            or modal is over
            or not modal.isVisible()
            or focus is None
            or focus.window() is not modal
        ):
            QTimer.singleShot(20, poll)
            return
        act(modal)

    QTimer.singleShot(0, poll)


def test_reference_agreement_from_nothing_within_100_inputs(qtbot, empty_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    win = empty_window
    you = Inputs(qtbot, win)
    ctrl = Qt.KeyboardModifier.ControlModifier

    # The first start: the welcome page; "Start empty".
    you.click(button_named(win.welcome, "빈 상태로 시작"))
    qtbot.waitUntil(lambda: win.welcome is None and win.nav.isEnabled(), timeout=3000)

    # Three organizations: Ctrl+3, then for each Ctrl+N, the name, Ctrl+S.
    you.shortcut(win, Qt.Key.Key_3, ctrl)
    orgs = win.current_list()
    assert orgs is not None
    for name in ("산업통상자원부", "삼성전자", "SK하이닉스"):
        you.shortcut(win, Qt.Key.Key_N, ctrl)
        qtbot.waitUntil(lambda: orgs.editor.name_ko.hasFocus(), timeout=2000)
        you.type(name)
        you.shortcut(win, Qt.Key.Key_S, ctrl)
        qtbot.waitUntil(lambda: orgs.editor.ident is not None and not orgs.editor.dirty, timeout=3000)

    # A contact at 삼성전자 since 2021. 3. 2.: Ctrl+4, Ctrl+N, the name, Ctrl+S, then a position.
    you.shortcut(win, Qt.Key.Key_4, ctrl)
    people = win.current_list()
    assert people is not None and people is not orgs
    you.shortcut(win, Qt.Key.Key_N, ctrl)
    qtbot.waitUntil(lambda: people.editor.name_ko.hasFocus(), timeout=2000)
    you.type("김민준")
    you.key(Qt.Key.Key_Tab)
    you.type("Minjun Kim")
    you.shortcut(win, Qt.Key.Key_S, ctrl)
    qtbot.waitUntil(lambda: people.editor.ident is not None and not people.editor.dirty, timeout=3000)

    def position(dialog: QDialog) -> None:
        def pick_samsung(picker: QDialog) -> None:
            you.type("삼성")
            you.key(Qt.Key.Key_Return)  # search now
            qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=3000)
            you.key(Qt.Key.Key_Return)  # choose

        when_dialog(pick_samsung, over=dialog)
        you.key(Qt.Key.Key_Space)  # the first field is the organization's Choose… button
        you.key(Qt.Key.Key_Tab)
        you.type("상무")  # the English box is offered "Vice President" (a company's 상무)
        assert dialog.form.fields["title_en"].text() == "Vice President"
        you.click(dialog.form.fields["started_on"].edit)
        you.type("2021. 3. 2.")
        you.key(Qt.Key.Key_Return)

    assert people.editor.tabs.currentWidget() is people.editor.positions  # the first tab
    when_dialog(position)
    you.click(button_named(people.editor.positions, "소속 추가…"))
    qtbot.waitUntil(lambda: len(people.editor.positions.items) == 1, timeout=3000)
    held = people.editor.positions.items[0]
    assert (held.organization_name_ko, held.title_ko, held.title_en, held.started_on) == (
        "삼성전자",
        "상무",
        "Vice President",
        date(2021, 3, 2),
    )

    # The agreement: Ctrl+2, Ctrl+N, its title, the signing date and place, Ctrl+S.
    you.shortcut(win, Qt.Key.Key_2, ctrl)
    agreements = win.current_list()
    assert agreements is not None
    you.shortcut(win, Qt.Key.Key_N, ctrl)
    editor = agreements.editor
    qtbot.waitUntil(lambda: editor.title_ko.hasFocus(), timeout=2000)
    you.type(TITLE_KO)
    you.key(Qt.Key.Key_Tab)
    you.type(TITLE_EN)
    you.click(editor.signed_on.edit)
    you.type("2023. 8. 29.")
    you.click(editor.place.ko)
    you.type("엘타워")
    you.shortcut(win, Qt.Key.Key_S, ctrl)
    qtbot.waitUntil(lambda: editor.ident is not None and not editor.dirty, timeout=3000)

    # Its three parties at once: choose all three, then the ministry leads and 삼성전자's
    # signatory is 김민준 (his title at signing comes from his position).
    def set_roles(dialog: QDialog) -> None:
        rows = {row.organization.label: row for row in dialog.rows}
        assert set(rows) == {"산업통상자원부", "삼성전자", "SK하이닉스"}
        lead = rows["산업통상자원부"]
        if not lead.role.hasFocus():
            you.click(lead.role)
            qtbot.waitUntil(lambda: lead.role.view().isVisible(), timeout=2000)
            you.key(Qt.Key.Key_Up)
            you.key(Qt.Key.Key_Return)
        else:
            you.key(Qt.Key.Key_Up)
        assert lead.role.currentText() == "주관기관"

        def choose_signatory(picker: QDialog) -> None:
            qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=3000)
            you.key(Qt.Key.Key_Return)

        when_dialog(choose_signatory, over=dialog)
        you.click(rows["삼성전자"].person.choose)
        assert (rows["삼성전자"].title.text(), rows["삼성전자"].title_en.text()) == ("상무", "Vice President")
        you.click(button_named(dialog, "참여기관 3곳 추가"))

    def choose_parties(picker: QDialog) -> None:
        qtbot.waitUntil(lambda: picker.model.rowCount() == 3, timeout=3000)
        you.key(Qt.Key.Key_Tab)  # from the search box to the list
        you.key(Qt.Key.Key_A, ctrl)
        when_dialog(set_roles, over=picker)
        you.key(Qt.Key.Key_Return)

    assert editor.tabs.currentWidget() is editor.parties
    when_dialog(choose_parties)
    you.click(button_named(editor.parties, "참여기관 추가…"))
    qtbot.waitUntil(lambda: len(editor.parties.items) == 3, timeout=3000)

    # One commitment, due a year from today: the Commitments tab, "Add commitment…", its title
    # and due date, Enter.
    due = clock.today() + timedelta(days=365)
    you.click_tab(editor.tabs, editor.commitments)

    def commitment(dialog: QDialog) -> None:
        you.key(Qt.Key.Key_Tab)  # past the party (all parties)
        you.type(COMMITMENT)
        you.click(dialog.form.fields["due_on"].edit)
        you.type(f"{due.year}. {due.month}. {due.day}.")
        you.key(Qt.Key.Key_Return)

    when_dialog(commitment)
    you.click(button_named(editor.commitments, "이행 과제 추가…"))
    qtbot.waitUntil(lambda: len(editor.commitments.items) == 1, timeout=3000)

    # The meeting of 2023. 9. 19. 14:00: its title and start, linked to the agreement, Ctrl+S.
    you.shortcut(win, Qt.Key.Key_5, ctrl)
    meetings = win.current_list()
    assert meetings is not None
    you.shortcut(win, Qt.Key.Key_N, ctrl)
    minutes = meetings.editor
    qtbot.waitUntil(lambda: minutes.title.ko.hasFocus(), timeout=2000)
    you.type(MEETING)
    you.click(minutes.starts_at.edit)
    you.type("2023. 9. 19. 14:00")  # in the meeting's zone: Seoul, unless it is changed
    you.click_tab(minutes.tabs, minutes.agreements)

    def link(picker: QDialog) -> None:
        qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=3000)
        you.key(Qt.Key.Key_Return)

    when_dialog(link)
    you.click(button_named(minutes.agreements, "협약 연결…"))
    you.shortcut(win, Qt.Key.Key_S, ctrl)
    qtbot.waitUntil(lambda: minutes.ident is not None and not minutes.dirty, timeout=3000)

    # One attendee (the contact) and one guest who is not a contact.
    you.click_tab(minutes.tabs, minutes.attendees)

    def attendee(picker: QDialog) -> None:
        qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=3000)
        you.key(Qt.Key.Key_Return)

    when_dialog(attendee)
    you.click(button_named(minutes.attendees, "참석자 추가…"))
    qtbot.waitUntil(lambda: len(minutes.attendees.items) == 1, timeout=3000)

    def guest(dialog: QDialog) -> None:
        for field, value in zip(("guest_name_en", "guest_organization_en", "title_en"), GUEST, strict=True):
            you.click(dialog.form.fields[field])  # an English name, in its English box
            you.type(value)
        you.key(Qt.Key.Key_Return)  # Save

    when_dialog(guest)
    you.click(button_named(minutes.attendees, "외부 참석자 추가…"))
    qtbot.waitUntil(lambda: len(minutes.attendees.items) == 2, timeout=3000)

    # An agenda item, a decision and an action item for the commitment.
    you.click_tab(minutes.tabs, minutes.agenda)

    def agenda(dialog: QDialog) -> None:
        you.type(AGENDA)
        you.key(Qt.Key.Key_Return)

    when_dialog(agenda)
    you.click(button_named(minutes.agenda, "안건 추가…"))
    qtbot.waitUntil(lambda: len(minutes.agenda.items) == 1, timeout=3000)

    you.click_tab(minutes.tabs, minutes.decisions)

    def decision(dialog: QDialog) -> None:
        you.type(DECISION)
        you.key(Qt.Key.Key_Return, ctrl)  # Enter alone is a new line in the text

    when_dialog(decision)
    you.click(button_named(minutes.decisions, "결정사항 추가…"))
    qtbot.waitUntil(lambda: len(minutes.decisions.items) == 1, timeout=3000)

    you.click_tab(minutes.tabs, minutes.actions_table)

    def action(dialog: QDialog) -> None:
        you.type(ACTION)
        combo = dialog.form.fields["commitment_id"]
        qtbot.waitUntil(lambda: combo.count() == 2, timeout=3000)
        you.click(combo)
        qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=2000)
        you.key(Qt.Key.Key_Down)
        you.key(Qt.Key.Key_Return)
        you.click(button_named(dialog, "저장"))

    when_dialog(action)
    you.click(button_named(minutes.actions_table, "조치사항 추가…"))
    qtbot.waitUntil(lambda: len(minutes.actions_table.items) == 1, timeout=3000)

    # The lists show what was recorded (each refreshed by the writes, none restarted).
    shown = {kind: win.lists[kind].model.rowCount() for kind in win.lists}
    assert shown == {
        RecordKind.ORGANIZATION: 3,
        RecordKind.CONTACT: 1,
        RecordKind.AGREEMENT: 1,
        RecordKind.MEETING: 1,
    }, shown

    print(f"\nreference scenario: {you.count} inputs")
    print("\n".join(you.log))
    assert_recorded(db, due)
    assert you.count <= BUDGET, f"{you.count} inputs, more than {BUDGET}"


def assert_recorded(db: Database, due: date) -> None:
    """Every value typed reached the database (read back through the services)."""
    orgs = {o.name_ko: o for o in list_organizations(db)}
    assert set(orgs) == {"산업통상자원부", "삼성전자", "SK하이닉스"}

    (person,) = list_contacts(db)
    assert (person.name_ko, person.name_en) == ("김민준", "Minjun Kim")
    (held,) = contact_detail(db, person.id).memberships
    assert (held.organization_id, held.title_ko, held.title_en, held.started_on) == (
        orgs["삼성전자"].id,
        "상무",
        "Vice President",
        date(2021, 3, 2),
    )

    (summary,) = list_agreements(db)
    agreement = agreement_detail(db, summary.id)
    r = agreement.record
    assert (r.title_ko, r.title_en, r.signed_on, r.place_ko) == (
        TITLE_KO,
        TITLE_EN,
        date(2023, 8, 29),
        "엘타워",
    )
    parties = {p.organization_name_ko: p for p in agreement.parties}
    assert {name: p.role for name, p in parties.items()} == {
        "산업통상자원부": PartyRole.LEAD,
        "삼성전자": PartyRole.SIGNATORY,
        "SK하이닉스": PartyRole.SIGNATORY,
    }
    assert {p.signed_on for p in parties.values()} == {date(2023, 8, 29)}
    samsung = parties["삼성전자"]
    assert (samsung.signatory_contact_id, samsung.signatory_title_ko, samsung.signatory_title_en) == (
        person.id,
        "상무",
        "Vice President",
    )
    (commitment,) = agreement.commitments
    assert (commitment.title_ko, commitment.due_on) == (COMMITMENT, due)
    assert commitment.due_on is not None and commitment.due_on > clock.today()

    (meeting_row,) = list_meetings(db)
    meeting = meeting_detail(db, meeting_row.id)
    m = meeting.record
    assert m.title_ko == MEETING
    assert m.starts_at is not None and m.time_zone == "Asia/Seoul"
    # 14:00 in Seoul, where the meeting is, whatever this computer's zone (05:00 UTC).
    assert m.starts_at == datetime(2023, 9, 19, 5, 0, tzinfo=UTC)
    assert [a.id for a in meeting.agreements] == [summary.id]
    contact_attendees = [a for a in meeting.attendees if not a.is_guest]
    guests = [a for a in meeting.attendees if a.is_guest]
    assert [a.contact_id for a in contact_attendees] == [person.id]
    assert [(g.guest_name_en, g.guest_organization_en, g.title_en) for g in guests] == [GUEST]
    assert [a.title_ko for a in meeting.agenda] == [AGENDA]
    assert [d.text_ko for d in meeting.decisions] == [DECISION]
    (action,) = meeting.action_items
    assert (action.title_ko, action.commitment_id) == (ACTION, commitment.id)
