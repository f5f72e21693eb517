"""The main window: side bar of views, global search, menus, undo of deletions, remembered layout.

It can be shown before the database is open (``ctx.db`` is None): the side bar and a
"Loading…" page paint at once, and :meth:`MainWindow.database_ready` shows the views
once the database is open. The views, and whatever else reaches the database, are
imported when first needed: they load SQLAlchemy, which the first paint does without.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.enums import RecordKind
from app.services.installation import VERSION as __version__
from app.services.installation import set_language
from ui.context import UiContext
from ui.formatting import safe_url
from ui.i18n import tr
from ui.layout_memory import LayoutMemory
from ui.menus import Menus
from ui.views.names import kind_names
from ui.widgets.confirm import confirm

if TYPE_CHECKING:  # named for the types only: these modules load SQLAlchemy
    from app.services.opening import Database
    from app.services.search import SearchHit
    from ui.views.conflicts_view import ConflictsView
    from ui.views.dashboard_view import DashboardView
    from ui.views.list_view import AnyEditor, RecordListView

VIEWS: tuple[str, ...] = ("dashboard", *RecordKind)  # the side bar, in order


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    settings_saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.layout_memory = LayoutMemory(
            QSettings(str(ctx.paths.home / "window.ini"), QSettings.Format.IniFormat)
        )
        self.setWindowTitle(tr("Partnership Desk"))
        self.setMinimumSize(QSize(900, 600))
        self.undo_stack = QUndoStack(self)
        self.lists: dict[RecordKind, RecordListView] = {}
        self._pending_view = ""  # chosen while the database was opening

        self.nav = QListWidget(self)
        self.nav.setAccessibleName(tr("Views"))
        # No ``Qt`` enums on the way to the first paint (PySide builds that namespace on first touch,
        # ~12 ms): a list widget takes the focus by tab and click already, a splitter is horizontal.
        labels: dict[str, str] = {
            "dashboard": tr("Dashboard"),
            **{k.value: v[0] for k, v in kind_names().items()},
        }
        for i, view in enumerate(VIEWS):
            item = QListWidgetItem(labels[view])
            item.setToolTip(f"Ctrl+{i + 1}")  # the row is the index in VIEWS
            self.nav.addItem(item)
        conflicts = QListWidgetItem(tr("Conflicts"))
        conflicts.setToolTip(tr("Changes from another computer that overwrote yours"))
        self.nav.addItem(conflicts)
        self.nav.setMinimumWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget(self)
        self._dashboard: DashboardView | None = None
        self.loading_page = QLabel(tr("Loading…"), self)
        self.loading_page.setObjectName("loading_page")
        self.loading_page.setAccessibleName(tr("Loading…"))
        loading = QWidget(self)  # the label centred by stretches
        rows = QVBoxLayout(loading)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.loading_page)
        row.addStretch(1)
        rows.addStretch(1)
        rows.addLayout(row)
        rows.addStretch(1)
        self.loading = loading
        self.stack.addWidget(loading)
        self.welcome: QWidget | None = None
        self.conflicts: ConflictsView | None = None

        self.splitter = QSplitter()  # (no arguments: the overload check would touch Qt.Orientation)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 1100])
        self.setCentralWidget(self.splitter)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search everything (Ctrl+F)"))
        self.search.setAccessibleName(tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.returnPressed.connect(self.run_search)
        self.menus = Menus(self, VIEWS)
        self.new_action, self.save_action = self.menus.new_action, self.menus.save_action
        self.undo_action, self.conflicts_action = self.menus.undo_action, self.menus.conflicts_action
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status, 1)
        # One path for every write (``UiContext.records_changed``); a burst of them, one refresh.
        self._dashboard_timer = QTimer(self)
        self._dashboard_timer.setSingleShot(True)
        self._dashboard_timer.setInterval(0)
        self._dashboard_timer.timeout.connect(lambda: self.dashboard.refresh())
        ctx.records_changed.connect(self._records_changed)
        self.layout_memory.restore_window(self, self.splitter)
        if ctx.db is not None:
            self.install_shortcuts()
        else:  # shown before the database is open; the shortcuts come right after the first paint
            self.status.setText(tr("Loading…"))
            self.search.setEnabled(False)
            self.menus.enable(False)

    @property
    def ready(self) -> bool:
        """True once the database is open."""
        return self.ctx.db is not None

    def install_shortcuts(self) -> None:
        self.menus.install_shortcuts()

    def database_ready(self, view: str | None = None) -> None:
        """The database is open (``ctx.db`` set): enable what needs it and show ``view``."""
        self.install_shortcuts()
        self.status.setText("")
        self.search.setEnabled(True)
        self.menus.enable(True)
        self.show_view(self._pending_view or view or self.last_view())
        if self.stack.currentWidget() is self.loading:  # nothing was shown: the dashboard
            self.show_view("dashboard")

    @property
    def dashboard(self) -> DashboardView:
        """The dashboard, built when first needed."""
        if self._dashboard is None:
            from ui.views.dashboard_view import DashboardView  # lazy: start-up paints before SQLAlchemy loads

            self._dashboard = DashboardView(self.ctx, self)
            self._dashboard.open_record.connect(self.open_record)
            self.stack.addWidget(self._dashboard)
        return self._dashboard

    # -- views ------------------------------------------------------------------

    def list_view(self, kind: RecordKind) -> RecordListView:
        view = self.lists.get(kind)
        if view is None:
            from ui.views.list_view import RecordListView  # lazy: start-up paints before SQLAlchemy loads

            view = RecordListView(self.ctx, kind, self)
            view.open_record.connect(self.open_record)
            view.delete_requested.connect(self.delete_record)
            self.stack.addWidget(view)
            self.lists[kind] = view
            self.layout_memory.restore_list(view)
        return view

    def _records_changed(self, _kinds: frozenset[RecordKind]) -> None:
        """Any write: the dashboard, if shown, reads again (it is read whenever it is shown)."""
        if self._dashboard is not None and self.stack.currentWidget() is self._dashboard:
            self._dashboard_timer.start()

    def current_view(self) -> str:
        lst = self.current_list()
        if lst is not None:
            return lst.kind
        widget = self.stack.currentWidget()
        if widget is self.loading:
            return self._pending_view
        return "dashboard" if widget is not None and widget is self._dashboard else ""

    def current_list(self) -> RecordListView | None:
        widget = self.stack.currentWidget()
        return next((lst for lst in self.lists.values() if lst is widget), None)

    def show_view(self, view: str) -> None:
        if view not in VIEWS:
            view = "dashboard"
        row = VIEWS.index(view)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        else:
            self._nav_changed(row)

    def go_to(self, view: str) -> None:
        """Switch views from the keyboard: the list (or dashboard) takes the focus."""
        self.show_view(view)
        lst = self.current_list()
        if lst is not None:
            lst.table.setFocus()
        elif self.ready:
            self.dashboard.setFocus()

    def _nav_changed(self, row: int) -> None:
        if row == len(VIEWS):
            if self.ready:
                self.show_conflicts()
            return
        if not 0 <= row < len(VIEWS):
            return
        view = VIEWS[row]
        if not self.ready:  # shown once the database is open
            self._pending_view = view
            return
        if self.welcome is not None:  # a view's shortcut leaves the welcome page, as "start empty" does
            self._welcome_done(False, view)
            return
        self._pending_view = ""
        if view == "dashboard":
            self.stack.setCurrentWidget(self.dashboard)
            self.dashboard.refresh()
        else:
            lst = self.list_view(RecordKind(view))
            self.stack.setCurrentWidget(lst)
            lst.start()
        self.new_action.setEnabled(view != "dashboard")
        self.save_action.setEnabled(view != "dashboard")

    def show_welcome(self) -> None:
        from ui.views.welcome_view import WelcomeView  # lazy: start-up paints before SQLAlchemy loads

        self.welcome = WelcomeView(self.ctx, self)
        self.welcome.finished.connect(self._welcome_done)
        self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)
        self.nav.setEnabled(False)

    def _welcome_done(self, _loaded: bool, view: str = "dashboard") -> None:
        self.nav.setEnabled(True)
        if self.welcome is not None:
            self.stack.removeWidget(self.welcome)
            self.welcome.deleteLater()
            self.welcome = None
        self.ctx.notify_changed()  # the demo, or an import, may have filled the database
        self.show_view(view)

    def check_empty(self) -> None:
        """Show the welcome page when the database has no records at all."""
        # lazy: start-up paints before SQLAlchemy loads
        from app.services import agreements, contacts, organizations

        def empty(db: Database) -> bool:
            return (
                agreements.count_agreements(db) == 0
                and organizations.count_organizations(db) == 0
                and contacts.count_contacts(db) == 0
            )

        self.ctx.runner.run(empty, self.ctx.database, on_done=lambda e: self.show_welcome() if e else None)

    def show_conflicts(self) -> None:
        if self.conflicts is None:
            from ui.views.conflicts_view import ConflictsView  # lazy: start-up paints before SQLAlchemy loads

            self.conflicts = ConflictsView(self.ctx, self)
            self.stack.addWidget(self.conflicts)
            # A reversed conflict changes a record: its write reaches the lists (records_changed).
            self.conflicts.changed.connect(self._refresh_lists)
        else:
            self.conflicts.refresh()
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(len(VIEWS))
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self.conflicts)
        self.new_action.setEnabled(False)
        self.save_action.setEnabled(False)

    def _refresh_lists(self) -> None:
        self.ctx.notify_changed()

    def open_record(self, kind: str, ident: UUID) -> None:
        """Follow a link (``kind`` as a signal carries it: the record kind's value)."""
        try:
            record_kind = RecordKind.parse(kind)
        except ValueError:  # an attachment's result opens its record, which says its own kind
            return
        self.show_view(record_kind)
        lst = self.list_view(record_kind)
        lst.open(ident)
        editor = lst.current_editor
        if editor is None or not editor.dirty or editor.ident == ident:  # (not when the user stayed)
            lst.select_when_loaded(ident)  # the list shows which record is open (once its ids are in)

    def refresh_current(self) -> None:
        lst = self.current_list()
        if lst is not None:
            lst.refresh()
        elif self._dashboard is not None and self.stack.currentWidget() is self._dashboard:
            self._dashboard.refresh()

    # -- actions ----------------------------------------------------------------

    def new_record(self) -> None:
        lst = self.current_list()
        if lst is not None:
            lst.new_record()

    def save_current(self) -> None:
        lst = self.current_list()
        if lst is not None and lst.current_editor is not None and lst.detail.currentWidget() is lst.editor:
            lst.editor.save()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def toggle_list(self) -> None:
        lst = self.current_list()
        if lst is not None:
            lst.toggle_list()

    def focus_filter(self) -> None:
        lst = self.current_list()
        if lst is not None:
            lst.quick.setFocus()
            lst.quick.selectAll()

    def run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            return
        from app.services.search import search  # lazy: start-up paints before SQLAlchemy loads

        self.ctx.runner.run(
            search, self.ctx.database, query, limit=50, on_done=lambda hits: self._show_hits(query, hits)
        )

    def _show_hits(self, query: str, hits: list[SearchHit]) -> None:
        from ui.dialogs.search_results import SearchResults  # lazy: start-up paints before SQLAlchemy loads

        dialog = SearchResults(query, hits, self, self.ctx.language)
        dialog.open_record.connect(self.open_record)
        self.search_results = dialog
        dialog.open()

    def delete_current(self) -> None:
        lst = self.current_list()
        if lst is not None and lst.current_editor is not None and lst.editor.ident is not None:
            lst.editor.request_delete()

    def delete_record(self, kind: str, ident: UUID, label: str) -> None:
        record_kind = RecordKind.parse(kind)
        if not confirm(
            self,
            tr("Delete"),
            tr("Delete “{label}”?").format(label=label)
            + "\n\n"
            + tr("You can undo this with Ctrl+Z until you close Partnership Desk."),
            tr("Delete"),
        ):
            return
        from ui.undo import DeleteCommand  # lazy: start-up paints before SQLAlchemy loads

        self.undo_stack.push(DeleteCommand(self.ctx, record_kind, ident, label, self._deleted_or_restored))

    def _deleted_or_restored(self, kind: RecordKind, ident: UUID, deleted: bool) -> None:
        # The deletion or restore itself refreshed the lists that show the record (records_changed).
        lst = self.lists.get(kind)
        if lst is not None:
            if deleted:
                lst.record_deleted(ident)
            elif self.current_list() is lst:
                lst.open(ident)
                lst.select_when_loaded(ident)
        self.status.setText(tr("Deleted. Ctrl+Z brings it back.") if deleted else tr("Restored."))

    def import_data(self) -> None:
        from ui.actions import open_import  # lazy: start-up paints before SQLAlchemy loads

        open_import(self.ctx, self)
        self.ctx.notify_changed()

    def export_current(self) -> None:
        lst = self.current_list()
        if lst is None:
            lst = self.list_view(RecordKind.AGREEMENT)
        lst.export()

    def exchange(self) -> None:
        from ui.actions import open_exchange  # lazy: start-up paints before SQLAlchemy loads

        open_exchange(self.ctx, self)
        self.ctx.notify_changed()

    def backups(self) -> None:
        from ui.actions import open_backups  # lazy: start-up paints before SQLAlchemy loads

        open_backups(self.ctx, self)
        self.ctx.notify_changed()  # a restore replaced the whole database, with no transaction to tell

    def portfolio_briefing(self) -> None:
        from ui.actions import open_briefing  # lazy: start-up paints before SQLAlchemy loads

        open_briefing(self.ctx, "portfolio", None, self)

    def record_briefing(self) -> None:
        lst = self.current_list()
        if (
            lst is None
            or lst.current_editor is None
            or lst.editor.ident is None
            or lst.kind not in (RecordKind.AGREEMENT, RecordKind.ORGANIZATION, RecordKind.MEETING)
        ):
            QMessageBox.information(
                self, tr("Briefing"), tr("Open an agreement, an organization or a meeting first.")
            )
            return
        from ui.actions import open_briefing  # lazy: start-up paints before SQLAlchemy loads

        open_briefing(self.ctx, lst.kind, lst.editor.ident, self, lst.editor.heading.text())

    def open_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog  # lazy: start-up time

        dialog = SettingsDialog(self.ctx, self)
        before = dialog.values.get("language", "")
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        saved = dialog.save()
        self.settings_saved.emit()
        if saved.get("language", "") != before:
            new_lang = set_language(saved.get("language") or None)
            if new_lang != self.ctx.language:
                answer = QMessageBox.question(
                    self,
                    tr("Language"),
                    tr("Switch the window to the new language now? Unsaved changes are asked about first."),
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.confirm_leave_all(lambda: self.language_changed.emit(new_lang))

    def show_data_folder(self) -> None:
        QMessageBox.information(
            self,
            tr("Where is my data?"),
            tr("Data folder: {home}\nDatabase: {db}").format(home=self.ctx.paths.home, db=self._db_label()),
        )

    def _db_label(self) -> str:
        db = self.ctx.database
        if db.is_sqlite and db.sqlite_path:
            return str(db.sqlite_path)
        return safe_url(db.url)

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("About Partnership Desk"),
            tr(
                "Partnership Desk {version}\nAgreements, contacts and collaboration minutes, kept locally."
            ).format(version=__version__),
        )

    # -- leaving ----------------------------------------------------------------

    def confirm_leave_all(self, then: Callable[[], object]) -> None:
        dirty = [e for e in self._editors() if e.dirty]
        if not dirty:
            then()
            return
        editor = dirty[0]
        self.show_view(editor.kind)
        editor.confirm_leave(lambda: self.confirm_leave_all(then))

    def _editors(self) -> list[AnyEditor]:
        return [lst.current_editor for lst in self.lists.values() if lst.current_editor is not None]

    def closeEvent(self, event: QCloseEvent) -> None:
        if any(e.dirty for e in self._editors()):
            event.ignore()
            # Closed again once this close event is over: a close() inside it is ignored by Qt.
            self.confirm_leave_all(lambda: QTimer.singleShot(0, self.close))
            return
        self.save_layout()
        super().closeEvent(event)

    # -- remembered layout ------------------------------------------------------

    def last_view(self) -> str:
        return self.layout_memory.last_view()

    def save_layout(self) -> None:
        view = self.current_view() or (self.last_view() if not self.ready else "dashboard")
        self.layout_memory.save(self, self.splitter, view, self.lists)
