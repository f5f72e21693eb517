"""Driving the program as a person would: create, edit, validate, delete and undo, languages."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from app.db import Database
from app.dto import AgreementQuery
from app.services import agreements, organizations


def ime_type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Korean arrives from the input method as a commit string, as with a real IME."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _open_agreements(window):  # type: ignore[no-untyped-def]
    window.go_to("agreement")
    return window.current_list()


def test_create_an_agreement_with_parties_then_edit_it(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    lst = _open_agreements(window)
    before = lst.model.rowCount()
    window.new_action.trigger()  # Ctrl+N
    editor = lst.editor
    assert editor.heading.text() == "New agreement"
    assert not editor.save_button.isEnabled()  # the title is required
    ime_type(editor.title_ko, "테스트 반도체 협력 업무협약")
    assert editor.title_ko.text() == "테스트 반도체 협력 업무협약"
    qtbot.keyClicks(editor.title_en, "Test semiconductor MOU")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.ident is not None
    assert editor.heading.text() == "Test semiconductor MOU"
    assert lst.model.rowCount() == before + 1

    org = organizations.list_organizations(window.ctx.db)[0]

    def fill_party(dialog: QDialog) -> None:
        dialog.form.fields["organization_id"].set_value(org.id, org.name_en)
        dialog.form.fields["signatory_name_en"].setText("Kim Minsu")
        dialog.form.fields["signed_on"].set_value(date(2025, 3, 4))

    answer_dialog("Save", fill_party)
    qtbot.mouseClick(_button(editor.parties, "Add party…"), Qt.MouseButton.LeftButton)
    shown = [editor.parties.table.item(0, c).text() for c in range(7)]
    assert shown[0] == org.name_en
    assert "Kim Minsu" in shown
    assert "4 Mar 2025" in shown

    # Edit and save: the list shows the new title.
    editor.title_en.clear()
    qtbot.keyClicks(editor.title_en, "Renamed semiconductor MOU")
    assert editor.dirty
    window.save_action.trigger()  # Ctrl+S
    assert not editor.dirty
    assert agreements.get_agreement(window.ctx.db, editor.ident).title_en == "Renamed semiconductor MOU"
    titles = [lst.model.data(lst.model.index(r, 0)) for r in range(lst.model.rowCount())]
    assert "Renamed semiconductor MOU" in titles


def _button(panel, text):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    return next(b for b in panel.findChildren(QPushButton) if b.text() == text)


def test_validation_message_is_shown_next_to_the_field(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    lst = _open_agreements(window)
    window.new_action.trigger()
    editor = lst.editor
    ime_type(editor.title_ko, "날짜가 잘못된 협약")
    editor.signed_on.set_value(date(2025, 5, 1))
    editor.effective_on.set_value(date(2025, 6, 1))
    editor.expires_on.set_value(date(2024, 1, 1))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    error = editor.findChild(QLabel, "error_expires_on")
    assert error.isVisible()
    assert "expiry date cannot be before" in error.text()
    assert editor.ident is None  # nothing was saved
    editor.expires_on.set_value(date(2027, 1, 1))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.ident is not None
    assert not error.isVisible()


def test_delete_asks_and_ctrl_z_brings_it_back(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    lst = _open_agreements(window)
    db = window.ctx.db
    count = agreements.count_agreements(db)
    lst.table.selectRow(0)
    ident = lst.selected_id()
    assert lst.editor.ident == ident
    title = lst.editor.heading.text()
    seen = answer_dialog("Delete")
    qtbot.mouseClick(lst.editor.delete_button, Qt.MouseButton.LeftButton)
    assert title in seen[0]
    assert agreements.count_agreements(db) == count - 1
    assert lst.model.row_of(ident) == -1
    window.activateWindow()  # the question box had the focus
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert agreements.count_agreements(db) == count
    assert lst.model.row_of(ident) >= 0
    # Cancelling the question deletes nothing.
    answer_dialog("Cancel")
    lst.editor.request_delete()
    assert agreements.count_agreements(db) == count


def test_stale_save_is_explained_and_reload_offered(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    lst = _open_agreements(window)
    lst.table.selectRow(0)
    editor = lst.editor
    db = window.ctx.db
    record = agreements.get_agreement(db, editor.ident)
    # Someone else saves the same agreement meanwhile.
    from dataclasses import asdict

    from app.dto import AgreementInput

    fields = {k: v for k, v in asdict(record).items() if k in AgreementInput.__dataclass_fields__}
    agreements.update_agreement(
        db, record.id, AgreementInput(**{**fields, "place_en": "Elsewhere"}), record.version
    )
    editor.title_en.setText("My local edit")
    seen = answer_dialog("Reload")
    editor.save()
    assert "changed elsewhere" in seen[0].lower() or "someone else" in seen[0].lower()
    assert editor.form.text("place_en") == "Elsewhere"
    assert editor.title_en.text() == record.title_en
    assert not editor.dirty


def test_dashboard_shows_real_content_and_opens_records(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dash = window.dashboard
    assert window.stack.currentWidget() is dash
    overdue = dash.overdue[2]
    assert overdue.table.rowCount() >= 1
    assert dash.overdue[1].text().startswith("Overdue (")
    assert dash.expiring[2].table.rowCount() >= 1
    assert dash.meetings[2].table.rowCount() >= 1
    assert dash.recent[2].table.rowCount() >= 5
    meeting = dash.meetings[2].items[0]
    dash.meetings[2].table.selectRow(0)
    dash.meetings[2]._activate()
    assert window.current_view() == "meeting"
    assert window.current_list().editor.heading.text() == meeting.title("en")  # the English UI's


def test_every_view_opens_a_record(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    for i, kind in enumerate(["agreement", "organization", "contact", "meeting", "commitment"], start=2):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.current_view() == kind
        lst = window.current_list()
        assert lst.model.rowCount() > 0
        lst.table.selectRow(0)
        assert lst.editor.heading.text()
        assert lst.editor.tabs.count() >= 2


def test_switching_to_korean_shows_korean_labels(qtbot, demo_sqlite: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.app import Controller

    make_ctx(demo_sqlite, "en")
    controller = Controller(qtbot_app(), demo_sqlite, demo_sqlite.paths, "en")
    from ui.runner import SyncRunner

    controller.ctx.runner = SyncRunner(demo_sqlite.paths)
    first = controller.start("dashboard")
    qtbot.addWidget(first)
    assert first.nav.item(0).text() == "Dashboard"
    controller.switch_language("ko")
    second = controller.window
    qtbot.addWidget(second)
    assert second.windowTitle() == "파트너십 데스크"
    assert [second.nav.item(i).text() for i in range(6)] == [
        "현황판",
        "협약",
        "기관",
        "담당자",  # GLOSSARY: the same word in the side bar and the page
        "회의",
        "이행 과제",
    ]
    second.go_to("agreement")
    lst = second.current_list()
    assert lst.model.headerData(0, Qt.Orientation.Horizontal) == "협약명"
    lst.table.selectRow(0)
    assert any("." in lst.model.data(lst.model.index(r, 4)) for r in range(lst.model.rowCount()))
    controller.switch_language("en")
    qtbot.addWidget(controller.window)


def qtbot_app():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def test_welcome_page_on_an_empty_database(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    win = MainWindow(make_ctx(db, "en"))
    qtbot.addWidget(win)
    win.show()
    win.show_view("dashboard")
    win.check_empty()
    assert win.welcome is not None and win.stack.currentWidget() is win.welcome
    texts = " ".join(label.text() for label in win.welcome.findChildren(QLabel))
    assert "Welcome to Partnership Desk" in texts
    assert str(db.paths.home) in texts
    qtbot.mouseClick(win.welcome.sample_button, Qt.MouseButton.LeftButton)
    assert win.welcome is None
    assert win.current_view() == "dashboard"
    assert agreements.count_agreements(db, AgreementQuery()) > 0


def test_layout_and_last_view_are_remembered(qtbot, window, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window.go_to("contact")
    lst = window.current_list()
    lst.table.setColumnWidth(0, 321)
    lst.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # e-mail, Z to A
    window.close()
    again = MainWindow(window.ctx)
    qtbot.addWidget(again)
    assert again.last_view() == "contact"
    again.show_view(again.last_view())
    restored = again.current_list()
    assert restored.table.columnWidth(0) == 321
    assert restored.model.query.sort == "email" and restored.model.query.descending
    emails = [restored.model.data(restored.model.index(r, 3)) for r in range(restored.model.rowCount())]
    assert emails[0] >= emails[-1]
    assert (window.ctx.paths.home / "window.ini").exists()


def test_a_window_remembered_on_a_bigger_screen_fits_the_screen_it_opens_on(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    room = window.screen().availableGeometry()
    window.setGeometry(room.x() + 200, room.y() + 150, room.width() + 900, room.height() + 600)
    window.close()  # remembers that size and place
    again = MainWindow(window.ctx)
    qtbot.addWidget(again)
    again.show()
    frame, smallest = again.frameGeometry(), again.minimumSize()
    assert room.contains(frame.topLeft()), (room, frame)
    # As big as the screen allows, or the window's own minimum on a screen smaller than that.
    assert again.width() <= max(room.width(), smallest.width()), (room, frame, smallest)
    assert again.height() <= max(room.height(), smallest.height()), (room, frame, smallest)


def test_leaving_unsaved_changes_asks_first(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    lst = _open_agreements(window)
    lst.table.selectRow(0)
    editor = lst.editor
    first = editor.ident
    editor.form.fields["place_en"].setText("Sejong")
    assert editor.dirty
    seen = answer_dialog("Cancel")
    lst.table.selectRow(1)
    assert "unsaved changes" in seen[0]
    assert editor.ident == first and editor.dirty  # stayed, changes kept
    assert lst.selected_id() == first
    answer_dialog("Save")
    lst.table.selectRow(1)
    assert editor.ident == lst.model.row_id(1)
    assert agreements.get_agreement(window.ctx.db, first).place_en == "Sejong"


def test_settings_choose_language_and_next_data_folder(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import app.paths
    from app.settings import load_settings
    from ui.dialogs.settings_dialog import SettingsDialog

    monkeypatch.setattr(app.paths, "platform_home", lambda: tmp_path / "platform")
    monkeypatch.delenv("PARTNERSHIP_DESK_HOME")
    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.change_home.isEnabled()
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    dialog.next_home = tmp_path / "elsewhere"
    dialog.user_name.setText("정수빈")
    dialog.save()
    assert window.ctx.db.actor == "정수빈"  # the change history names who made later changes
    assert load_settings(window.ctx.paths)["language"] == "ko"
    assert app.paths.default_home() == tmp_path / "elsewhere"
    assert window.ctx.paths.home != tmp_path / "elsewhere"  # the running program keeps its folder


def test_a_views_shortcut_leaves_the_welcome_page_with_the_side_bar_usable(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+2 on the welcome page showed the agreements with the side bar still disabled."""
    from PySide6.QtTest import QTest

    from ui.main_window import MainWindow

    win = MainWindow(make_ctx(db, "en"))
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    win.show_view("dashboard")
    win.check_empty()
    assert win.welcome is not None and not win.nav.isEnabled()
    QTest.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.welcome is None, timeout=2000)
    assert win.current_view() == "agreement" and win.nav.isEnabled()
    assert win.stack.currentWidget() is win.current_list()
