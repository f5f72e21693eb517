"""Choosing an organization, contact, agreement or meeting from lists that may be huge."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.dto import AgreementSummary, ContactSummary, OrganizationRecord, display_name
from app.enums import RecordKind
from ui.context import UiContext
from ui.i18n import tr
from ui.models.lists import ListModel, ListRow, list_spec


def record_label(record: ListRow, lang: str) -> str:
    """How a chosen row reads on its picker button."""
    if isinstance(record, AgreementSummary):
        return record.title(lang)
    if isinstance(record, OrganizationRecord):
        return record.name(lang)
    if isinstance(record, ContactSummary):
        name = display_name(record.name_ko, record.name_en, lang)
        if record.organization_name_ko:
            name += f" ({display_name(record.organization_name_ko, record.organization_name_en, lang)})"
        return name
    return record.title  # a meeting or a commitment


class PickerDialog(QDialog):
    """A search box over a lazy list; Enter or double-click picks the row."""

    def __init__(
        self, ctx: UiContext, kind: RecordKind, title: str, parent: QWidget | None = None, **filters: object
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.setWindowTitle(title)
        self.resize(720, 480)
        self.model: ListModel = list_spec(kind, ctx.language).model(ctx, self, filters)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Type to search"))
        self.search.setAccessibleName(tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, width in enumerate(self.model.column_widths()):
            self.table.setColumnWidth(i, width)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Choose"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.model.refresh()
        self.model.loaded.connect(self._select_first)

    def _apply(self) -> None:
        self.model.set_filters({"text": self.search.text().strip()})

    def _enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._apply()
        else:
            self.accept()

    def _select_first(self) -> None:
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def chosen(self) -> tuple[UUID, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        record = self.model.item(rows[0].row())
        if record is None:
            return None
        return record.id, record_label(record, self.ctx.language)


class ElidedLabel(QLabel):
    """Shows as much of its text as fits, ending in … (the whole text is the tooltip)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.full = text
        self._elide()

    def text(self) -> str:
        return self.full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, max(self.width(), 40))
        super().setText(shown)


class PickerButton(QWidget):
    """Shows the chosen record; "Choose…" opens a :class:`PickerDialog`, "Clear" empties it."""

    changed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        kind: RecordKind,
        title: str,
        parent: QWidget | None = None,
        optional: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.title = title
        self.filters: dict[str, object] = {}
        self._id: UUID | None = None
        self.none_text = tr("(none)")
        self.label = ElidedLabel(self.none_text, self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose = QPushButton(tr("Choose…"), self)
        self.choose.setAccessibleName(title)
        self.choose.clicked.connect(self.pick)
        self.clear_button = QPushButton(tr("Clear"), self)
        self.clear_button.setAccessibleName(tr("Clear {what}").format(what=title))
        self.clear_button.clicked.connect(lambda: self.set_value(None, ""))
        self.clear_button.setVisible(optional)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label.setMinimumWidth(60)
        for button in (self.choose, self.clear_button):
            button.setMinimumWidth(button.sizeHint().width())  # never clipped in a narrow filter row
        layout.addWidget(self.label, 1)
        layout.addWidget(self.choose)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.choose)

    def value(self) -> UUID | None:
        return self._id

    def set_value(self, ident: UUID | None, label: str) -> None:
        changed = ident != self._id
        self._id = ident
        self.label.setText(label if ident else self.none_text)
        self.label.setToolTip(label if ident else "")
        if changed:
            self.changed.emit()

    def pick(self) -> None:
        dialog = PickerDialog(self.ctx, self.kind, self.title, self, **self.filters)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.chosen()
            if chosen is not None:
                self.set_value(*chosen)
