"""UI fixtures: a context with the synchronous runner, and the main window on a database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from app.db import Database
from ui.context import UiContext
from ui.runner import SyncRunner


@pytest.fixture(autouse=True)
def no_dialog_left_open(qapp: QApplication) -> Iterator[None]:
    """A modal dialog nobody answers fails its test (with the dialog's text) instead of hanging.

    The timer also fires inside the dialog's own event loop, so a blocking
    ``QMessageBox.critical`` is closed after a while and reported.
    """
    import time

    first_seen: dict[int, float] = {}
    stuck: list[str] = []

    def sweep() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        since = first_seen.setdefault(id(modal), time.monotonic())
        if time.monotonic() - since > 20:
            text = modal.text() if isinstance(modal, QMessageBox) else modal.windowTitle()
            stuck.append(f"{type(modal).__name__}: {text}")
            modal.close()
            if hasattr(modal, "done"):
                modal.done(0)

    timer = QTimer()
    timer.setInterval(500)
    timer.timeout.connect(sweep)
    timer.start()
    yield
    timer.stop()
    if stuck:
        pytest.fail("a modal dialog was left open and had to be closed: " + " | ".join(stuck))


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
