"""Locking the program after a chosen idle time.

An application-wide event filter notes every key press, click and mouse move;
when none came for ``minutes``, the main window's content is hidden behind a lock
screen. An encrypted database unlocks only with its passphrase; an unencrypted one
with a click (a privacy screen).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from app.services.installation import load_settings
from ui.context import UiContext
from ui.dialogs.passphrase_dialog import ask_passphrase
from ui.i18n import tr

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        label = QLabel(tr("Partnership Desk is locked."), self)
        self.button = QPushButton(tr("&Unlock…"), self)
        self.button.clicked.connect(self.unlock_requested)
        self.message = QLabel("", self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.button)
        layout.addWidget(self.message)
        layout.addStretch(1)


class IdleLock(QObject):
    """Install with :func:`install_idle_lock`; ``locked``/``unlocked`` tell the window."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        ctx: UiContext,
        window: QMainWindow,
        minutes: float,
        ask: Callable[[QWidget | None], str | None] | None = None,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.ask = ask or _ask
        self.is_locked = False
        self._hidden: QWidget | None = None
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.lock)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.is_locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self._hidden = self.window.takeCentralWidget()
        self.screen = LockScreen(self.window)
        self.screen.unlock_requested.connect(self.try_unlock)
        self.window.setCentralWidget(self.screen)
        self.locked.emit()

    def try_unlock(self) -> bool:
        expected = self.ctx.database.passphrase
        if expected is not None:
            given = self.ask(self.window)
            if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
                if given is not None and self.screen is not None:
                    self.screen.message.setText(tr("Wrong passphrase."))
                return False
        self.is_locked = False
        if self._hidden is not None:
            self.window.setCentralWidget(self._hidden)
            self._hidden = None
        self.timer.start()
        self.unlocked.emit()
        return True


def _ask(parent: QWidget | None) -> str | None:
    return ask_passphrase(parent, message=tr("Enter the database passphrase to unlock."))


def install_idle_lock(ctx: UiContext, window: QMainWindow, minutes: float | None = None) -> IdleLock | None:
    """Lock ``window`` after ``minutes`` (default: the ``idle_lock_minutes`` setting; 0 = never)."""
    if minutes is None:
        try:
            minutes = float(load_settings(ctx.paths).get("idle_lock_minutes") or 0)
        except (TypeError, ValueError):
            minutes = 0
    if not minutes or minutes <= 0:
        return None
    lock = IdleLock(ctx, window, minutes)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(lock)
    return lock
