"""UI fixtures: a context with the synchronous runner, and the main window on a database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from app.db import Database
from ui.context import UiContext
from ui.runner import SyncRunner


@pytest.fixture
def make_ctx(qapp: QApplication) -> Callable[[Database, str], UiContext]:
    from ui.i18n import install_translator

    def make(db: Database, lang: str = "en") -> UiContext:
        from app.i18n import set_language

        set_language(lang)
        install_translator(qapp, lang)
        return UiContext(db=db, paths=db.paths, runner=SyncRunner(db.paths), language=lang)

    yield make
    install_translator(qapp, "en")


@pytest.fixture
def window(qtbot, demo_sqlite: Database, make_ctx) -> Iterator[QWidget]:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    win = MainWindow(make_ctx(demo_sqlite, "en"))
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # shortcuts need an active window
    win.show_view("dashboard")
    yield win
    for lst in win.lists.values():
        if lst.current_editor is not None:
            lst.current_editor.set_dirty(False)


def _answer_dialog(button_text: str, then: Callable[[QWidget], None] | None = None) -> list[str]:
    """Click ``button_text`` in the next modal dialog (after ``then`` fills it); returns its texts."""
    seen: list[str] = []

    def act() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, act)
            return
        if isinstance(modal, QMessageBox):
            seen.append(modal.text() + "\n" + modal.informativeText())
        if then is not None:
            then(modal)
        for button in modal.findChildren(QAbstractButton):
            if button.text().replace("&", "") == button_text and button.isVisible():
                button.click()
                return
        seen.append(f"no button {button_text!r}")
        modal.close()

    QTimer.singleShot(0, act)
    return seen


@pytest.fixture
def answer_dialog() -> Callable[..., list[str]]:
    return _answer_dialog
