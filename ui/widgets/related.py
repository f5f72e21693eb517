"""Small tables of related records (parties, commitments, people...) with their buttons,
and a form dialog that saves through a service and shows errors next to its fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from app.dto import Shown
from app.errors import ValidationError
from ui.context import UiContext
from ui.i18n import tr
from ui.widgets.fields import Form
from ui.widgets.marked import OTHER_LANGUAGE_ROLE, install, tag_tooltip

ALERT = QColor("#b3261e")
MUTED = QColor("#6b6b6b")
# A service function and its arguments after the database, as a form dialog's save() gives them.
ServiceCall = tuple[Callable[..., object], tuple[object, ...]]
ItemT = TypeVar("ItemT")


def one_line(value: Shown) -> Shown:
    """A text of several lines as a table cell shows it: on one line."""
    return Shown(" ".join(value.text.split()), value.lang, value.missing)


class FlowLayout(QLayout):
    """Buttons left to right, wrapping onto another line when the width runs out (none is clipped)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            widget, owner = item.widget(), self.parentWidget()
            if widget is not None and owner is not None and not widget.isVisibleTo(owner):
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


class RelatedTable(QWidget, Generic[ItemT]):
    """A read-only table of items (``ItemT``: the DTO of a row) with buttons acting on the selected one.

    A cell given as an :class:`app.dto.Shown` (``shown(ko, en, lang)``) is the text in the UI's
    language, or the other language's marked grey with its "KO"/"EN" tag, as in the lists."""

    activated = Signal(object)  # the item

    def __init__(
        self, headers: Sequence[str], name: str, parent: QWidget | None = None, stretch: tuple[int, ...] = ()
    ) -> None:
        super().__init__(parent)
        self.items: list[ItemT] = []
        self.stretch = stretch
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setAccessibleName(name)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        install(self.table)  # paints a text shown in the other language, marked
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemDoubleClicked.connect(lambda _i: self._activate())
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # only while the table has the focus
        shortcut.activated.connect(self._activate)
        self.buttons = FlowLayout()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(self.buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._needs_selection: list[QPushButton] = []

    def add_button(self, text: str, slot: Callable[[], None], needs_selection: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("…", ""))
        button.clicked.connect(slot)
        self.buttons.addWidget(button)  # wraps at a narrow width: never clipped ("참여기관 추가…" was)
        if needs_selection:
            self._needs_selection.append(button)
            button.setEnabled(False)
        return button

    def _selection_changed(self) -> None:
        has = self.current() is not None
        for button in self._needs_selection:
            button.setEnabled(has)

    def set_rows(
        self,
        items: Sequence[ItemT],
        cells: Callable[[ItemT], Sequence[object]],
        alert: Callable[[ItemT], bool] | None = None,
        muted: Callable[[ItemT], bool] | None = None,
    ) -> None:
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            color = None
            if alert is not None and alert(item):
                color = ALERT
            elif muted is not None and muted(item):
                color = MUTED
            for col, value in enumerate(cells(item)):
                text = "" if value is None else str(value)
                cell = QTableWidgetItem(text)
                if isinstance(value, Shown) and value.missing:
                    cell.setData(OTHER_LANGUAGE_ROLE, value.lang)
                    cell.setToolTip(f"{text}\n({tag_tooltip(value.lang)})")
                elif len(text) > 20:
                    cell.setToolTip(text)
                if color is not None:
                    cell.setForeground(QBrush(color))
                self.table.setItem(row, col, cell)
        header = self.table.horizontalHeader()
        if self.stretch:
            # Short columns fit their contents (up to a limit); the text columns share the rest.
            header.setStretchLastSection(False)
            self.table.resizeColumnsToContents()
            for col in range(self.table.columnCount()):
                if col in self.stretch:
                    header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
                else:
                    header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                    self.table.setColumnWidth(col, min(self.table.columnWidth(col), 180))
        else:
            self.table.resizeColumnsToContents()
            for col in range(self.table.columnCount()):  # a little room: a marked name's tag
                self.table.setColumnWidth(col, min(max(self.table.columnWidth(col) + 12, 70), 360))
        self._selection_changed()

    def current(self) -> ItemT | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.items[row] if selected and 0 <= row < len(self.items) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _activate(self) -> None:
        item = self.current()
        if item is not None:
            self.activated.emit(item)


class FormDialog(QDialog):
    """A dialog around a :class:`Form`; OK runs ``save`` and keeps the dialog open on errors."""

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = Form(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+Enter saves from anywhere, a multi-line text included (where Enter is a new line).
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self._ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(tr("Save (Ctrl+Enter)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.save_fn: Callable[[], ServiceCall] | None = None
        self.required: Callable[[], bool] = lambda: True
        self.form.changed.connect(self._check)
        self.result_value: object = None

    def _check(self) -> None:
        ok = self.required() and not self.form.unreadable()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def run(self, save: Callable[[], ServiceCall]) -> bool:
        """``save()`` returns (service function, arguments after db); True when saved."""
        self.save_fn = save
        self._check()
        # The buttons were made before the fields, so the focus would start on Cancel, where a
        # Space meant for the first field closes the dialog: it starts on the first field.
        first = next(iter(self.form.fields.values()), None)
        if first is not None:
            first.setFocus()
        return self.exec() == QDialog.DialogCode.Accepted

    def _ok(self) -> None:
        if self.save_fn is None or not self.required():
            return
        self.form.clear_errors()
        try:
            self.form.check_typed()
            fn, args = self.save_fn()
        except ValidationError as exc:
            self._failed(exc)
            return
        self.ctx.runner.run(fn, self.ctx.database, *args, on_done=self._done, on_error=self._failed)

    def _done(self, value: object) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and self.form.show_error(
            exc.field, exc.message(self.ctx.language)
        ):
            return
        QMessageBox.warning(self, tr("Cannot save"), str(exc))
