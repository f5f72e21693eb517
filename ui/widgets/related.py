"""Small tables of related records (parties, commitments, people...) with their buttons,
and a form dialog that saves through a service and shows errors next to its fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from ui.context import UiContext
from ui.i18n import tr
from ui.widgets.fields import Form

ALERT = QColor("#b3261e")
MUTED = QColor("#6b6b6b")
# A service function and its arguments after the database, as a form dialog's save() gives them.
ServiceCall = tuple[Callable[..., object], tuple[object, ...]]
ItemT = TypeVar("ItemT")


class RelatedTable(QWidget, Generic[ItemT]):
    """A read-only table of items (``ItemT``: the DTO of a row) with buttons acting on the selected one."""

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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemDoubleClicked.connect(lambda _i: self._activate())
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # only while the table has the focus
        shortcut.activated.connect(self._activate)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
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
        self.buttons.insertWidget(self.buttons.count() - 1, button)
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
                if len(text) > 20:
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
            for col in range(self.table.columnCount()):
                self.table.setColumnWidth(col, min(max(self.table.columnWidth(col), 70), 360))
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
