"""Backups: the list, a backup now, restoring one, and the folder they are kept in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.backups import BackupInfo, backup_database, list_backups, restore_backup
from app.services.opening import PROGRAM_PAGE_CACHE_KIB, open_database
from ui.context import UiContext
from ui.i18n import tr

Confirm = Callable[[str], bool]


class BackupsDialog(QDialog):
    """``restored`` carries the reopened database after a restore."""

    restored = Signal(object)

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, confirm: Confirm | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm = confirm or self._ask
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(tr("Backups"))
        self.setMinimumSize(640, 380)
        self.folder = QLabel("", self)
        self.folder.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([tr("When"), tr("Reason"), tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(tr("Backups"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.backup_button = QPushButton(tr("&Back up now"), self)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(tr("&Restore…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button = QPushButton(tr("&Open folder"), self)
        self.open_button.clicked.connect(self.open_folder)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.open_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        if self.ctx.database.sqlite_path is None:
            for button in (self.backup_button, self.restore_button):
                button.setEnabled(False)
            self.message.setText(tr("A server database is backed up with the server's own tools."))
        self.refresh()

    def refresh(self) -> None:
        folder = self.ctx.paths.backups
        self.folder.setText(tr("Backups are kept in {folder}.").format(folder=folder))
        self.backups = list_backups(folder)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            cells = [
                b.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                _reason(b.reason),
                f"{b.size / 1024:,.0f} KB",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(
            self.selected() is not None and self.ctx.database.sqlite_path is not None
        )

    def backup_now(self) -> None:
        def done(path: Path) -> None:
            self.message.setText(tr("Backup written to {path}.").format(path=path))
            self.refresh()

        self.ctx.runner.run(
            backup_database, self.ctx.database, on_done=done, on_error=self._failed, parent=self
        )

    def restore_selected(self) -> None:
        chosen = self.selected()
        target = self.ctx.database.sqlite_path
        if chosen is None or target is None:
            return
        when = chosen.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        question = tr(
            "Replace the database with the backup of {when}? The current state is backed up first."
        ).format(when=when)
        if not self.confirm(question):
            return
        old = self.ctx.database
        passphrase, url = old.passphrase, old.url
        old.close()  # releases the lock, which the restore takes
        try:
            kept = restore_backup(self.ctx.paths, Path(chosen.path), target, passphrase=passphrase)
        except DomainError as exc:
            self.message.setText(str(exc))
            kept = None
        self.ctx.db = open_database(  # as at start (ui.opening.open_prepared)
            url, paths=self.ctx.paths, passphrase=passphrase, lock=True, page_cache_kib=PROGRAM_PAGE_CACHE_KIB
        )
        if kept is not None:
            self.message.setText(tr("Restored. The previous state was kept in {path}.").format(path=kept))
            self.restored.emit(self.ctx.database)
        self.refresh()

    def open_folder(self) -> None:
        folder = self.ctx.paths.backups
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, tr("Restore"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))


def _reason(reason: str) -> str:
    if reason.startswith("pre-migration"):
        return tr("Before an update")
    names = {
        "daily": tr("Daily"),
        "manual": tr("By hand"),
        "before-exchange-import": tr("Before an exchange import"),
        "before-restore": tr("Before a restore"),
        "before-import": tr("Before an import"),
    }
    return names.get(reason, reason)
