"""The window's remembered layout: size and place, splitters, each list's columns and last view.

Kept in ``window.ini`` in the data folder. A window remembered on a bigger screen is fitted to
the screen it opens on, so nothing is cut off on a small laptop.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from app.enums import RecordKind

if TYPE_CHECKING:  # named for the types only: the list view loads SQLAlchemy
    from ui.views.list_view import RecordListView

DEFAULT_SIZE = (1360, 860)


class LayoutMemory:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def restore_window(self, window: QMainWindow, splitter: QSplitter) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(*DEFAULT_SIZE)
        fit_to_screen(window)
        state = s.value("window/state")
        if state is not None:
            window.restoreState(state)
        value = s.value("window/splitter")
        if value is not None:
            splitter.restoreState(value)

    def restore_list(self, view: RecordListView) -> None:
        s = self.settings
        value = s.value(f"{view.kind}/splitter")
        if value is not None:
            view.splitter.restoreState(value)
        view.editor_state = s.value(f"{view.kind}/editor")
        state = s.value(f"{view.kind}/columns")
        if state is not None:
            header = view.table.horizontalHeader()
            header.blockSignals(True)  # the list is loaded once, in the remembered order
            header.restoreState(state)
            header.blockSignals(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.model.set_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def last_view(self) -> str:
        return str(self.settings.value("window/view", "dashboard"))

    def save(
        self, window: QMainWindow, splitter: QSplitter, view: str, lists: Mapping[RecordKind, RecordListView]
    ) -> None:
        s = self.settings
        s.setValue("window/geometry", window.saveGeometry())
        s.setValue("window/state", window.saveState())
        s.setValue("window/splitter", splitter.saveState())
        s.setValue("window/view", view)
        for kind, lst in lists.items():
            s.setValue(f"{kind}/splitter", lst.splitter.saveState())
            if lst.current_editor is not None:
                s.setValue(f"{kind}/editor", lst.current_editor.splitter.saveState())
            s.setValue(f"{kind}/columns", lst.table.horizontalHeader().saveState())
        s.sync()


def fit_to_screen(window: QMainWindow) -> None:
    """Shrink and move ``window`` into the available part of its screen (a maximized one stays)."""
    screen = window.screen()
    if screen is None or window.isMaximized():
        return
    room = screen.availableGeometry()
    width = min(window.width(), room.width())
    height = min(window.height(), room.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.left()), room.right() - frame.width() + 1)
    y = min(max(frame.y(), room.top()), room.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, room.left()), max(y, room.top()))
