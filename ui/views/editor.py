"""The base of every detail/edit view: load, validate, save, conflicts, unsaved changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.enums import RecordKind
from app.errors import ConflictError, DomainError, NotFoundError, ValidationError
from ui.context import UiContext
from ui.i18n import tr
from ui.views.record_service import DetailT, InputT, RecordService, Versioned
from ui.widgets.fields import Form
from ui.widgets.pickers import ElidedLabel


def _never_clipped(button: QPushButton) -> None:
    """A header button keeps the width of its text; the title gives way instead."""
    button.setMinimumWidth(button.sizeHint().width())
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class RecordEditor(QWidget, Generic[DetailT, InputT]):
    """Subclasses set ``kind``, give the :class:`RecordService` that reads and saves their
    records, and implement fill/clear/collect (and the titles)."""

    kind: ClassVar[RecordKind]
    saved = Signal(str, object)  # kind, id
    delete_requested = Signal(str, object, str)  # kind, id, label
    open_record = Signal(str, object)  # kind, id: follow a link to another record
    dirty_changed = Signal(bool)

    def __init__(
        self, ctx: UiContext, service: RecordService[DetailT, InputT], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = service
        self.lang = ctx.language
        self.ident: UUID | None = None
        self.version: int | None = None
        self.detail: DetailT | None = None
        self.dirty = False
        self._filling = False
        self._load_gen = 0

        # One line, whatever the title's length: the rest is "…" and the whole title its tooltip
        # (a long agreement title wrapped over six lines at 1024 px and pushed the buttons aside).
        self.heading = ElidedLabel("", self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setMinimumWidth(60)
        self.save_button = QPushButton(tr("Save"), self)
        self.save_button.setToolTip(tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = QPushButton(tr("Revert"), self)
        self.revert_button.setToolTip(tr("Discard unsaved changes"))
        self.revert_button.clicked.connect(self.revert)
        self.delete_button = QPushButton(tr("Delete…"), self)
        self.delete_button.clicked.connect(self.request_delete)
        self.status_line = QLabel(self)
        self.status_line.setStyleSheet("color: palette(mid);")

        self.header = QHBoxLayout()
        self.header.addWidget(self.heading, 1)
        self.header.addWidget(self.status_line)
        self.header.addWidget(self.save_button)
        self.header.addWidget(self.revert_button)
        self.header.addWidget(self.delete_button)
        for button in (self.save_button, self.revert_button, self.delete_button):
            _never_clipped(button)
        self.status_line.setWordWrap(True)
        self.status_line.setMaximumWidth(220)

        self.form = Form(self)
        self.form.changed.connect(self._form_changed)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        holder = QWidget(self)  # the form keeps its natural height; the rest stays below it
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form)
        column.addStretch(1)
        scroll.setWidget(holder)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Related records"))
        # Every tab in sight at 1024 px: names shorten ("변경 이…") instead of the bar scrolling.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName(f"{self.kind}_editor_splitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([400, 400])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    def add_header_button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("…", ""))
        button.clicked.connect(slot)
        _never_clipped(button)
        self.header.insertWidget(2, button)
        return button

    # -- to implement ---------------------------------------------------------

    def fill(self, detail: DetailT) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def collect(self) -> InputT:
        """The form as the service's input; raises ValidationError for what it cannot take."""
        raise NotImplementedError

    def is_valid(self) -> bool:
        return True

    def required_hint(self) -> str:
        """What the status line asks for while :meth:`is_valid` is False."""
        return tr("Fill in the required fields (*).")

    def title_of(self, detail: DetailT) -> str:
        return ""

    def new_title(self) -> str:
        return ""

    def set_related_enabled(self, enabled: bool) -> None:
        # Disabling moves the current tab along to the last one; a record just saved for the
        # first time opens its related records at the first tab (its parties, its positions).
        was_new = not any(self.tabs.isTabEnabled(i) for i in range(self.tabs.count()))
        for i in range(self.tabs.count()):
            self.tabs.setTabEnabled(i, enabled)
            self.tabs.setTabToolTip(i, self.tabs.tabText(i))  # whole, when the bar shortens it
        if enabled and was_new:
            self.tabs.setCurrentIndex(0)

    # -- loading --------------------------------------------------------------

    def load(self, ident: UUID) -> None:
        # Only the latest request is shown: loads run on worker threads and may finish out of order.
        self._load_gen += 1
        gen = self._load_gen
        self.ctx.runner.run(
            self.service.fetch,
            self.ctx.database,
            ident,
            on_done=lambda detail: self._loaded(detail) if gen == self._load_gen else None,
            on_error=lambda exc: self._load_failed(exc) if gen == self._load_gen else None,
        )

    def reload(self) -> None:
        if self.ident is not None:
            self.load(self.ident)

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, NotFoundError):
            self.ident = None
            self.start_new()
        QMessageBox.warning(self, tr("Partnership Desk"), str(exc))

    def _loaded(self, detail: DetailT) -> None:
        self.detail = detail
        record = detail.record
        self.ident = record.id
        self.version = record.version
        self._filling = True
        try:
            self.form.clear_errors()
            self.fill(detail)
        finally:
            self._filling = False
        self.heading.setText(self.title_of(detail))
        self.set_related_enabled(True)
        self.set_dirty(False)

    def start_new(self, **preset: object) -> None:
        self._load_gen += 1  # a load still running must not replace the new, empty form
        self.ident = None
        self.version = None
        self.detail = None
        self._filling = True
        try:
            self.form.clear_errors()
            self.clear()
            self.preset(**preset)
        finally:
            self._filling = False
        self.heading.setText(self.new_title())
        self.set_related_enabled(False)
        self.set_dirty(False)
        self._update_buttons()
        first = next(iter(self.form.fields.values()), None)
        if first is not None:
            first.setFocus()

    def preset(self, **values: object) -> None:
        """Fill a new record's fields from ``values`` (e.g. the agreement of a commitment)."""

    # -- editing --------------------------------------------------------------

    def _form_changed(self) -> None:
        if not self._filling:
            self.set_dirty(True)

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        try:
            valid = self.is_valid()
        except AttributeError:  # called while a subclass is still building its fields
            return
        unreadable = self.form.unreadable()
        self.save_button.setEnabled(valid and not unreadable and (self.dirty or self.ident is None))
        self.revert_button.setEnabled(self.dirty and self.ident is not None)
        self.delete_button.setEnabled(self.ident is not None)
        if unreadable:
            self.status_line.setText(tr("Correct the marked fields."))
        elif not valid:
            self.status_line.setText(self.required_hint())
        elif self.dirty:
            self.status_line.setText(tr("Unsaved changes"))
        else:
            self.status_line.setText("")

    def revert(self) -> None:
        if self.ident is not None:
            self.reload()
        else:
            self.start_new()

    # -- saving ---------------------------------------------------------------

    def save(self, after: Callable[[], object] | None = None) -> None:
        if not self.is_valid():
            return
        self.form.clear_errors()
        try:
            self.form.check_typed()
            data = self.collect()
        except ValidationError as exc:
            self._save_failed(exc)
            return
        if self.ident is None:
            self.ctx.runner.run(
                self.service.save_new,
                self.ctx.database,
                data,
                on_done=lambda r: self._saved(r, after),
                on_error=self._save_failed,
            )
        else:
            self.ctx.runner.run(
                self.service.save_changes,
                self.ctx.database,
                self.ident,
                data,
                self.version,
                on_done=lambda r: self._saved(r, after),
                on_error=self._save_failed,
            )

    def _saved(self, record: Versioned, after: Callable[[], object] | None) -> None:
        self.ident = record.id
        self.version = record.version
        self.set_dirty(False)
        self.saved.emit(self.kind, record.id)
        self.load(record.id)
        if after is not None:
            after()

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and self.form.show_error(exc.field, exc.message(self.lang)):
            return
        if isinstance(exc, ConflictError):
            self.explain_conflict(exc)
            return
        QMessageBox.warning(self, tr("Cannot save"), str(exc) if isinstance(exc, DomainError) else repr(exc))

    def explain_conflict(self, exc: ConflictError) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Changed elsewhere"))
        box.setText(tr("Someone else saved this record after you opened it."))
        box.setInformativeText(
            exc.message(self.lang)
            + "\n\n"
            + tr("Reload shows the saved version; your unsaved changes here are then lost.")
        )
        reload_button = box.addButton(tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Keep my changes"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload_button)
        box.exec()
        if box.clickedButton() is reload_button:
            self.reload()

    def confirm_leave(self, then: Callable[[], object]) -> None:
        """Ask about unsaved changes, then call ``then`` unless the user cancels."""
        if not self.dirty:
            then()
            return
        answer = QMessageBox.question(
            self,
            tr("Unsaved changes"),
            tr("“{title}” has unsaved changes. Save them?").format(
                title=self.heading.text() or self.new_title()
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            if self.is_valid():
                self.save(after=then)
        elif answer == QMessageBox.StandardButton.Discard:
            self.set_dirty(False)
            then()

    def request_delete(self) -> None:
        if self.ident is not None:
            self.delete_requested.emit(self.kind, self.ident, self.heading.text())

    # -- helpers for related tabs ------------------------------------------------

    def run_and_reload(self, fn: Callable[..., object], *args: object) -> None:
        """Run a service call for a related record, then show the record again."""
        self.ctx.runner.run(
            fn, self.ctx.database, *args, on_done=lambda _r: self.reload(), on_error=self._child_failed
        )

    def _child_failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, tr("Partnership Desk"), str(exc))
        self.reload()
