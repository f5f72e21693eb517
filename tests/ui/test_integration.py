"""The dialogs other modules provide open from the main window and close with Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication


def close_next_dialog(seen: list[str]) -> None:
    def act() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, act)
            return
        seen.append(modal.windowTitle())
        modal.reject()

    QTimer.singleShot(0, act)


@pytest.mark.parametrize(
    ("action", "title"),
    [
        ("import_data", "Import"),
        ("exchange", "Exchange"),
        ("backups", "Backups"),
        ("portfolio_briefing", "Briefing"),
        ("open_settings", "Settings"),
    ],
)
def test_menu_dialogs_open_and_close(qtbot, window, action: str, title: str) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    close_next_dialog(seen)
    getattr(window, action)()
    assert seen and title.lower() in seen[0].lower(), seen


def test_export_and_record_briefing_take_the_current_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.go_to("agreement")
    lst = window.current_list()
    lst.set_quick_filter("반도체")
    seen: list[str] = []
    close_next_dialog(seen)
    window.export_current()
    assert seen == ["Export"]
    lst.table.selectRow(0)
    close_next_dialog(seen)
    qtbot.mouseClick(lst.editor.briefing_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 2


def test_conflicts_entry_in_the_side_bar(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.setCurrentRow(6)
    assert window.nav.currentItem().text() == "Conflicts"
    assert window.stack.currentWidget() is window.conflicts
    window.go_to("dashboard")
    assert window.stack.currentWidget() is window.dashboard


def test_unexpected_errors_become_a_crash_report(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from PySide6.QtWidgets import QMessageBox

    from ui.app import install_excepthook

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    previous = sys.excepthook
    install_excepthook(window.ctx.paths)
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    reports = list(window.ctx.paths.crash_reports.glob("crash-*.txt"))
    assert len(reports) == 1
    assert "RuntimeError: boom" in reports[0].read_text(encoding="utf-8")
    assert shown and str(reports[0]) in shown[0] and "Traceback" not in shown[0]


def test_bundled_korean_font_is_the_fallback(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase

    from ui.app import register_fonts

    family = register_fonts(qapp)
    assert family == "NanumGothic"
    assert family in qapp.font().families()
    assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family)


def test_dates_read_as_officials_write_them() -> None:
    from datetime import date, datetime

    from ui.formatting import format_date, format_datetime

    assert format_date(date(2023, 8, 29), "ko") == "2023. 8. 29."
    assert format_date(date(2023, 8, 29), "ko", weekday=True) == "2023. 8. 29.(화)"
    assert format_date(date(2023, 8, 29), "en") == "29 Aug 2023"
    assert format_datetime(datetime(2023, 8, 29, 14, 5), "ko") == "2023. 8. 29. 14:05"


def test_an_encrypted_database_asks_for_its_passphrase(qapp, paths, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    import ui.dialogs.passphrase_dialog as passphrase_dialog
    from app.services import opening
    from cli import main
    from ui.opening import open_database

    opening.open_database(paths=paths).close()
    key = tmp_path / "key.txt"
    key.write_text("긴 암호 long passphrase\n", encoding="utf-8")
    assert main(["encrypt", "--passphrase-file", str(key)]) == 0
    answers = iter(["wrong guess", "긴 암호 long passphrase"])
    asked: list[bool] = []

    def ask(_parent, *, confirm: bool = False, message: str = "") -> str:  # type: ignore[no-untyped-def]
        asked.append(confirm)
        return next(answers)

    warned: list[str] = []
    monkeypatch.setattr(passphrase_dialog, "ask_passphrase", ask)
    monkeypatch.setattr("ui.opening.QMessageBox.warning", lambda _p, _t, text: warned.append(text))
    db = open_database(SimpleNamespace(db=None, passphrase_file=None), paths)
    try:
        assert db is not None and db.encrypted
        assert asked == [False, False]  # asked again after a wrong passphrase
        assert warned and "passphrase" in warned[0].lower()  # said plainly, not "damaged"
    finally:
        db.close()
