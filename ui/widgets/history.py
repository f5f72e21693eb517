"""The change history of a record, with restoring a previous value of a field."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import HistoryEntry
from app.services.history import history, restore_value
from ui.context import UiContext
from ui.formatting import format_datetime
from ui.i18n import tr
from ui.widgets.fields import Form

ROLE = Qt.ItemDataRole.UserRole
HIDDEN = {"id", "version", "created_at", "updated_at", "deleted_at", "position"}


def action_label(action: str) -> str:
    return {
        "create": tr("Created"),
        "update": tr("Changed"),
        "delete": tr("Deleted"),
        "restore": tr("Restored"),
    }.get(action, action)


def _short(value: object) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


class HistoryPanel(QWidget):
    def __init__(self, ctx: UiContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.ident: UUID | None = None
        self.version: int | None = None
        self.on_restored: Callable[[], None] = lambda: None
        self.form: Form | None = None  # the editor's form: names and shows the fields
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(tr("History"))
        self.tree.setHeaderLabels([tr("When / field"), tr("By"), tr("Before"), tr("After")])
        # Before and After share what the first two columns leave: both stay in sight at 1024 px.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        for col, mode in enumerate(
            (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Interactive)
            + (QHeaderView.ResizeMode.Stretch,) * 2
        ):
            header.setSectionResizeMode(col, mode)
        self.tree.setColumnWidth(0, 190)
        self.tree.setColumnWidth(1, 90)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.restore_button = QPushButton(tr("Restore the earlier value"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.tree.currentItemChanged.connect(self._current_changed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def show_for(self, ident: UUID, version: int) -> None:
        self.ident = ident
        self.version = version
        self.ctx.runner.run(history, self.ctx.database, self.kind, ident, on_done=self._fill)

    def _fill(self, entries: list[HistoryEntry]) -> None:
        self.tree.clear()
        lang = self.ctx.language
        for entry in reversed(entries):
            top = QTreeWidgetItem(
                [
                    f"{format_datetime(entry.occurred_at, lang)}  {action_label(entry.action)}",
                    entry.actor,
                    "",
                    "",
                ]
            )
            self.tree.addTopLevelItem(top)
            for field, change in sorted(entry.changes.items()):
                if field in HIDDEN:
                    continue
                before = change[0] if len(change) > 1 else None
                after = change[-1] if change else None
                child = QTreeWidgetItem(
                    [self._label(field), "", self._value(field, before), self._value(field, after)]
                )
                if entry.action == "update":
                    child.setData(0, ROLE, (entry.id, field))
                top.addChild(child)
            top.setExpanded(entry.action == "update")

    def _label(self, field: str) -> str:
        return self.form.labels.get(field, field) if self.form is not None else field

    def _value(self, field: str, value: object) -> str:
        if self.form is not None:
            return self.form.describe(field, value, self.ctx.language)
        return _short(value)

    def _current_changed(self, item: QTreeWidgetItem | None, _prev: object) -> None:
        self.restore_button.setEnabled(item is not None and item.data(0, ROLE) is not None)

    def restore_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None or item.data(0, ROLE) is None or self.ident is None:
            return
        event_id, field = item.data(0, ROLE)
        self.ctx.runner.run(
            restore_value,
            self.ctx.database,
            self.kind,
            self.ident,
            event_id,
            field,
            self.version,
            on_done=lambda _r: self.on_restored(),
        )
