"""Attachments of a record: add by dialog or drag and drop, open, preview PDFs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from app.dto import AttachmentView
from app.services.attachments import add_attachment, attachment_copy, attachment_file, remove_attachment
from app.services.opening import Database
from ui.context import UiContext
from ui.formatting import format_datetime, format_size
from ui.i18n import tr
from ui.widgets.confirm import confirm
from ui.widgets.pdf_window import show_pdf
from ui.widgets.related import RelatedTable


class AttachmentsPanel(RelatedTable[AttachmentView]):
    def __init__(self, ctx: UiContext, owner_kind: str, parent: QWidget | None = None) -> None:
        super().__init__([tr("File"), tr("Size"), tr("Added"), tr("Description")], tr("Attachments"), parent)
        self.ctx = ctx
        self.owner_kind = owner_kind
        self.owner_id: UUID | None = None
        self.setAcceptDrops(True)
        self.table.setAcceptDrops(False)
        hint = QLabel(tr("Drop files here to attach them."), self)
        hint.setStyleSheet("color: palette(mid);")
        self.buttons.insertWidget(0, hint)
        self.add_button(tr("Add…"), self.add_dialog)
        self.add_button(tr("Open"), self.open_current, needs_selection=True)
        self.preview_button = self.add_button(tr("Preview"), self.preview_current, needs_selection=True)
        self.add_button(tr("Remove…"), self.remove_current, needs_selection=True)
        self.activated.connect(lambda item: self.open_item(item))
        self.on_changed: Callable[[], None] = lambda: None

    def set_owner(self, owner_id: UUID | None, items: tuple[AttachmentView, ...] = ()) -> None:
        self.owner_id = owner_id
        lang = self.ctx.language
        self.set_rows(
            items,
            lambda a: (a.filename, format_size(a.size), format_datetime(a.created_at, lang), a.description),
        )

    def add_files(self, files: list[Path]) -> None:
        owner_id = self.owner_id
        if owner_id is None or not files:
            return

        def add_all(db: Database) -> int:
            for path in files:
                add_attachment(db, self.owner_kind, owner_id, path)
            return len(files)

        self.ctx.runner.run(
            add_all,
            self.ctx.database,
            on_done=lambda _n: self.on_changed(),
            on_error=lambda exc: QMessageBox.warning(self, tr("Cannot attach"), str(exc)),
            title=tr("Attaching files…"),
            parent=self,
        )

    def add_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, tr("Attach files"))
        self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.owner_id is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files([f for f in files if f.is_file()])
        event.acceptProposedAction()

    def _path(self, item: AttachmentView, *, for_another_program: bool = False) -> Path | None:
        try:
            if for_another_program:  # a read-only copy with the file's own name and extension
                return attachment_copy(self.ctx.database, item.id)
            return attachment_file(self.ctx.database, item.id)
        except Exception as exc:  # a missing blob, a full disk: reported, not raised
            QMessageBox.warning(self, tr("Cannot open"), str(exc))
            return None

    def open_item(self, item: AttachmentView) -> None:
        if _is_pdf(item):
            self.preview_item(item)
            return
        self.open_with_its_program(item)

    def open_current(self) -> None:
        item = self.current()
        if item is not None:
            self.open_with_its_program(item)

    def open_with_its_program(self, item: AttachmentView) -> None:
        """Open the file in the computer's program for it (Hangul, Word, Excel...)."""
        path = self._path(item, for_another_program=True)
        if path is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(
                self, tr("Cannot open"), tr("No program is set up to open {name}.").format(name=item.filename)
            )

    def preview_current(self) -> None:
        item = self.current()
        if item is not None:
            self.preview_item(item)

    def preview_item(self, item: AttachmentView) -> None:
        if not _is_pdf(item):
            self.open_with_its_program(item)
            return
        path = self._path(item)
        if path is not None:
            show_pdf(self, path, item.filename)

    def remove_current(self) -> None:
        item = self.current()
        if item is None:
            return
        if not confirm(
            self,
            tr("Remove attachment"),
            tr("Remove “{name}” from this record?").format(name=item.filename),
            tr("Remove"),
        ):
            return
        self.ctx.runner.run(
            remove_attachment, self.ctx.database, item.id, on_done=lambda _r: self.on_changed()
        )


def _is_pdf(item: AttachmentView) -> bool:
    return item.media_type == "application/pdf" or item.filename.lower().endswith(".pdf")
