"""The main window's menus, toolbar and keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from ui.i18n import tr

if TYPE_CHECKING:  # the window builds its menus: named for the types only
    from ui.main_window import MainWindow

Key = QKeySequence.StandardKey | str


class Menus:
    """Builds the menu bar and toolbar of ``window``; keeps which actions need the database."""

    def __init__(self, window: MainWindow, views: tuple[str, ...]) -> None:
        self.window = window
        self.views = views
        self.needs_db: list[QAction] = []  # disabled until the database is open
        self.keys: list[tuple[QAction, Key]] = []  # given by install_shortcuts()
        self.build()

    def action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: Key | None = None,
        menu: QMenu | None = None,
        needs_db: bool = True,
    ) -> QAction:
        action = QAction(text, self.window)
        if needs_db:
            self.needs_db.append(action)
        if shortcut is not None:
            self.keys.append((action, shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        self.window.addAction(action)
        return action

    def enable(self, on: bool) -> None:
        for action in self.needs_db:
            action.setEnabled(on)

    def install_shortcuts(self) -> None:
        """Give the actions their keys.

        Not on the way to the first paint: ``QKeySequence`` makes PySide build its whole ``Qt``
        namespace (some 15 ms), and no key can be pressed before the window shows anyway.
        """
        for action, key in self.keys:
            action.setShortcut(QKeySequence(key))
        self.keys.clear()

    def build(self) -> None:
        w = self.window
        bar = w.menuBar()
        file = bar.addMenu(tr("&File"))
        self.new_action = self.action(tr("&New record"), w.new_record, QKeySequence.StandardKey.New, file)
        self.save_action = self.action(tr("&Save"), w.save_current, QKeySequence.StandardKey.Save, file)
        file.addSeparator()
        self.action(tr("&Import…"), w.import_data, None, file)
        self.action(tr("&Export this list…"), w.export_current, None, file)
        self.action(tr("E&xchange with another office…"), w.exchange, None, file)
        self.action(tr("&Backups…"), w.backups, None, file)
        file.addSeparator()
        self.action(tr("Se&ttings…"), w.open_settings, "Ctrl+,", file)
        file.addSeparator()
        self.action(tr("&Quit"), w.close, QKeySequence.StandardKey.Quit, file, needs_db=False)

        edit = bar.addMenu(tr("&Edit"))
        undo = w.undo_stack.createUndoAction(w, tr("&Undo"))
        self.keys.append((undo, QKeySequence.StandardKey.Undo))
        redo = w.undo_stack.createRedoAction(w, tr("&Redo"))
        self.keys.append((redo, QKeySequence.StandardKey.Redo))
        edit.addAction(undo)
        edit.addAction(redo)
        w.addAction(undo)
        w.addAction(redo)
        self.undo_action = undo
        edit.addSeparator()
        self.action(tr("&Delete…"), w.delete_current, None, edit)
        self.action(tr("&Find…"), w.focus_search, QKeySequence.StandardKey.Find, edit)
        self.action(tr("Filter this &list"), w.focus_filter, "Ctrl+L", edit)

        view = bar.addMenu(tr("&View"))
        names = [
            tr("&Dashboard"),
            tr("&Agreements"),
            tr("&Organizations"),
            tr("&Contacts"),
            tr("&Meetings"),
            tr("Co&mmitments"),
        ]
        for i, name in enumerate(names):
            self.action(
                name, lambda _c=False, i=i: w.go_to(self.views[i]), f"Ctrl+{i + 1}", view, needs_db=False
            )
        self.conflicts_action = self.action(tr("Co&nflicts"), w.show_conflicts, None, view)
        view.addSeparator()
        self.action(tr("&Hide or show the list"), w.toggle_list, "Ctrl+Shift+L", view)
        self.action(tr("&Refresh"), w.refresh_current, QKeySequence.StandardKey.Refresh, view)

        reports = bar.addMenu(tr("&Reports"))
        self.action(tr("&Portfolio briefing…"), w.portfolio_briefing, None, reports)
        self.action(tr("&Briefing for this record…"), w.record_briefing, None, reports)

        help_menu = bar.addMenu(tr("&Help"))
        self.action(tr("&Where is my data?"), w.show_data_folder, None, help_menu)
        self.action(tr("&About Partnership Desk"), w.about, None, help_menu, needs_db=False)

        toolbar = w.addToolBar(tr("Search"))
        toolbar.setObjectName("search_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.save_action)
        toolbar.addAction(undo)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(w.search)
