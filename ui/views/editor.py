"""The base of every detail/edit view: load, validate, save, conflicts, unsaved changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic
from uuid import UUID

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from app.dto import Shown
from app.enums import RecordKind
from app.errors import ConflictError, DomainError, NotFoundError, ValidationError
from ui.context import UiContext
from ui.i18n import tr
from ui.views.record_service import DetailT, InputT, RecordService, Versioned
from ui.widgets.fields import Form
from ui.widgets.marked import marked_html, tag_text

TITLE_LINES = 3  # a title longer than this many lines at the header's width ends in "…"


def _never_clipped(button: QPushButton) -> None:
    """A header button keeps the width of its text; the title gives way instead."""
    button.setMinimumWidth(button.sizeHint().width())
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class RecordTitle(QLabel):
    """A record's title in its editor's header, whole on up to three lines (beyond, its end is
    "…" and the whole title its tooltip). A title shown in the other language is marked, grey
    with its "KO"/"EN" tag. :meth:`text` is the plain title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = Shown("", "ko")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._width = -1
        self._shown_text = ""

    def set_shown(self, value: Shown) -> None:
        self.shown = value
        self._width = -1
        self._fit(self.width())

    def text(self) -> str:
        return self.shown.text

    def shown_text(self) -> str:
        """The title as shown: whole, or its start and "…" when longer than three lines."""
        return self._shown_text

    def rich_text(self) -> str:
        return super().text()

    def one_line_width(self) -> int:
        """The width the whole title takes on one line (with its tag when marked)."""
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(self.shown.text)
        if self.shown.missing:
            width += metrics.horizontalAdvance(f"  {tag_text(self.shown.lang)}  ")
        return width + 4

    def lines_for(self, width: int) -> int:
        """How many lines the title takes at ``width`` (at most :data:`TITLE_LINES`)."""
        return min(TITLE_LINES, self._lines(self.shown.text, width))

    def _lines(self, text: str, width: int) -> int:
        if not text:
            return 1
        flags = int(Qt.TextFlag.TextWordWrap)
        box = self.fontMetrics().boundingRect(QRect(0, 0, max(width - 4, 20), 100_000), flags, text)
        return max(1, round(box.height() / max(self.fontMetrics().lineSpacing(), 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        if width == self._width:
            return
        self._width = width
        text = self.shown.text
        room = width - (self.one_line_width() - self.fontMetrics().horizontalAdvance(text))
        if self._lines(text, room) > TITLE_LINES:
            low, high = 0, len(text)  # the longest start of the title that fits with its "…"
            while low < high:
                mid = (low + high + 1) // 2
                if self._lines(text[:mid].rstrip() + "…", room) <= TITLE_LINES:
                    low = mid
                else:
                    high = mid - 1
            text = text[:low].rstrip() + "…"
        self._shown_text = text
        super().setText(marked_html(Shown(text, self.shown.lang, self.shown.missing)))
        self.setToolTip(self.shown.text if text != self.shown.text else "")


STATUS_WIDTH = 240  # the status line wraps beyond this width beside the buttons


class HeaderLayout(QLayout):
    """The editor's header: the title, then at its right the status line and the buttons, all on
    one line when they fit. Otherwise the title gets the whole width (up to three lines) and the
    status and buttons go under it, at the right, the status on a line of its own when the buttons
    leave it too little room. No button is ever clipped, and the title and the status can always
    be read (#12)."""

    def __init__(
        self, title: RecordTitle, status: QLabel, buttons: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.status = status
        self.buttons = buttons
        self._items: list[QLayoutItem] = []
        for widget in (title, status, buttons):
            self.addChildWidget(widget)
        self._items = [QWidgetItem(title), QWidgetItem(status), QWidgetItem(buttons)]
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(8)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    # -- measures ---------------------------------------------------------------

    def _status_width(self) -> int:
        """The status line's width beside the buttons: its text on one line, up to STATUS_WIDTH."""
        text = self.status.text()
        if not text:
            return 0
        return min(self.status.fontMetrics().horizontalAdvance(text) + 4, STATUS_WIDTH)

    def _status_height(self, width: int) -> int:
        if not self.status.text() or width <= 0:
            return 0
        return self.status.heightForWidth(width)

    def _buttons(self) -> QSize:
        return self.buttons.sizeHint()

    def one_line(self, width: int) -> bool:
        """Whether title, status and buttons fit side by side at ``width``."""
        status = self._status_width()
        need = self.title.one_line_width() + self.spacing() + self._buttons().width()
        return need + (status + self.spacing() if status else 0) <= width

    def _status_beside(self, width: int) -> bool:
        """Under the title: whether the status line has room at the left of the buttons."""
        room = width - self._buttons().width() - self.spacing()
        return room >= min(self._status_width(), STATUS_WIDTH // 2) or not self.status.text()

    def heightForWidth(self, width: int) -> int:
        line = self.title.fontMetrics().lineSpacing()
        buttons = self._buttons().height()
        if self.one_line(width):
            return max(line + 6, buttons, self._status_height(self._status_width()))
        title = self.title.lines_for(width) * line + 6 + self.spacing()
        if self._status_beside(width):
            room = width - self._buttons().width() - self.spacing()
            return title + max(buttons, self._status_height(min(room, STATUS_WIDTH)))
        # The status under the buttons; its line kept while empty, so that the form does not jump.
        status = max(self._status_height(width), self.status.fontMetrics().lineSpacing())
        return title + buttons + self.spacing() + status

    def sizeHint(self) -> QSize:
        return QSize(self._buttons().width() + 200, self.heightForWidth(800))

    def minimumSize(self) -> QSize:
        return QSize(self.buttons.minimumSizeHint().width(), self._buttons().height())

    # -- placing ------------------------------------------------------------------

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        hint = self._buttons()
        width = min(hint.width(), rect.width())
        right = rect.right() + 1
        if self.one_line(rect.width()):
            status = self._status_width()
            beside = status + self.spacing() if status else 0
            title_width = rect.width() - width - self.spacing() - beside
            self.title.setGeometry(QRect(rect.x(), rect.y(), title_width, rect.height()))
            self.buttons.setGeometry(
                QRect(right - width, rect.y() + (rect.height() - hint.height()) // 2, width, hint.height())
            )
            self.status.setGeometry(QRect(right - width - beside, rect.y(), status, rect.height()))
            return
        line = self.title.fontMetrics().lineSpacing()
        title_height = self.title.lines_for(rect.width()) * line + 6
        self.title.setGeometry(QRect(rect.x(), rect.y(), rect.width(), title_height))
        top = rect.y() + title_height + self.spacing()
        self.buttons.setGeometry(QRect(right - width, top, width, hint.height()))
        if self._status_beside(rect.width()):
            room = min(rect.width() - width - self.spacing(), STATUS_WIDTH)
            height = max(hint.height(), self._status_height(room))
            self.status.setGeometry(QRect(right - width - self.spacing() - room, top, room, height))
        else:
            below = top + hint.height() + self.spacing()
            self.status.setGeometry(QRect(rect.x(), below, rect.width(), rect.bottom() + 1 - below))


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

        # The title is whole on up to three lines (it wrapped over six lines at 1024 px and pushed
        # the buttons aside, then elided to a word or two); the buttons go under it when narrow.
        self.heading = RecordTitle(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setMinimumWidth(60)
        self.header_buttons = QWidget(self)
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

        self.header = QHBoxLayout(self.header_buttons)
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.save_button)
        self.header.addWidget(self.revert_button)
        self.header.addWidget(self.delete_button)
        for button in (self.save_button, self.revert_button, self.delete_button):
            _never_clipped(button)
        self.status_line.setWordWrap(True)
        self.status_line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.header_buttons.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        header = QWidget(self)
        self.header_layout = HeaderLayout(self.heading, self.status_line, self.header_buttons, header)

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
        layout.addWidget(header)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    def add_header_button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self.header_buttons)
        button.setAccessibleName(text.replace("…", ""))
        button.clicked.connect(slot)
        _never_clipped(button)
        self.header.insertWidget(0, button)  # before Save
        self.header_layout.invalidate()
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

    def title_of(self, detail: DetailT) -> Shown:
        """The record's name in the UI's language (the other language's, marked, when missing)."""
        return Shown("", self.lang)

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
        self.heading.set_shown(self.title_of(detail))
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
        self.heading.set_shown(Shown(self.new_title(), self.lang))
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
        self.header_layout.invalidate()  # the status line's room beside or under the buttons

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
