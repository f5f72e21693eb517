"""The conflicts exchanges resolved: which edit was kept, which overwritten; reverse one."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import Shown
from app.errors import DomainError
from app.services.exchange import ConflictView, list_conflicts, reverse_conflict
from ui.context import UiContext
from ui.formatting import format_datetime
from ui.i18n import tr
from ui.widgets import marked


class ConflictsView(QWidget):
    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conflicts: list[ConflictView] = []
        title = QLabel(tr("Conflicts"), self)
        title.setObjectName("viewTitle")
        explain = QLabel(
            tr(
                "When the same field was changed on two computers, the later change was kept. "
                "Reverse a conflict to put the overwritten value back."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.show_reversed = QCheckBox(tr("Show &reversed"), self)
        self.show_reversed.setChecked(True)
        self.show_reversed.toggled.connect(self.refresh)
        headers = [tr("When"), tr("Record"), tr("Field"), tr("Kept"), tr("Overwritten"), tr("Status")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(tr("Conflicts"))
        marked.install(self.table)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reverse_button = QPushButton(tr("Re&verse"), self)
        self.reverse_button.setEnabled(False)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_reversed)
        buttons.addStretch(1)
        buttons.addWidget(self.reverse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.conflicts = list_conflicts(self.ctx.database, include_reversed=self.show_reversed.isChecked())
        self.table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            status = tr("Reversed") if c.reversed_at else tr("Kept the later change")
            record = _record_label(c, self.ctx.language)
            cells = [
                format_datetime(c.detected_at, self.ctx.language),
                f"{_kind(c.kind)}: {record.text}",
                field_label(c.field),
                _text(c.winner_value),
                _text(c.loser_value),
                status,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(c.id))
                if col == 1 and record.missing:  # named in the other language: marked
                    item.setData(marked.OTHER_LANGUAGE_ROLE, record.lang)
                    item.setToolTip(f"{text}\n({marked.tag_tooltip(record.lang)})")
                self.table.setItem(row, col, item)
        self._selection_changed()

    def selected(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.conflicts[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.reverse_button.setEnabled(chosen is not None and chosen.reversed_at is None)

    def reverse_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            reverse_conflict(self.ctx.database, UUID(str(chosen.id)))
        except DomainError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            tr("Put back the overwritten value of {field}.").format(field=field_label(chosen.field))
        )
        self.refresh()
        self.changed.emit()


def _record_label(c: ConflictView, lang: str) -> Shown:
    """The record as named in ``lang``; its name in the other language, marked, when it has none
    in ``lang`` (the view gives each language's name falling back to the other: the same text in
    both, in the other language's script)."""
    text = c.label(lang)
    fell_back = c.record_label == c.record_label_en and (has_hangul(text) == (lang == "en"))
    if fell_back and text != str(c.record_id):
        return Shown(text, "ko" if lang == "en" else "en", missing=True)
    return Shown(text, lang)


def has_hangul(text: str) -> bool:
    return any("가" <= ch <= "힣" for ch in text)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _field_names() -> dict[str, str]:
    return {
        "title": tr("Title"),
        "name": tr("Name"),
        "short_name": tr("Short name"),
        "place": tr("Place"),
        "summary": tr("Summary"),
        "description": tr("Description"),
        "department": tr("Department"),
        "discussion": tr("Discussion"),
        "text": tr("Decision"),
        "effect": tr("Effect"),
        "signatory_name": tr("Signed by"),
        "signatory_title": tr("Title at signing"),
        "guest_name": tr("Guest"),
        "guest_organization": tr("Guest's organization"),
        "purpose": tr("Purpose"),
        "issues": tr("Key issues"),
        "talking_points": tr("Talking points"),
        "status": tr("Status"),
        "due_on": tr("Due"),
        "signed_on": tr("Signed"),
        "effective_on": tr("In force from"),
        "expires_on": tr("Expires"),
        "starts_at": tr("Starts"),
        "ends_at": tr("Ends"),
        "time_zone": tr("Time zone"),
        "email": tr("Email"),
        "phone": tr("Phone"),
        "notes": tr("Notes"),
    }


def field_label(field: str) -> str:
    """A record's field as a person reads it: "title_en" is "Title (English)"."""
    names = _field_names()
    base, _, lang = field.rpartition("_")
    if lang in ("ko", "en") and base in names:
        template = tr("{field} (Korean)") if lang == "ko" else tr("{field} (English)")
        return template.format(field=names[base])
    return names.get(field, field)


def _kind(kind: str) -> str:
    names = {
        "organization": tr("Organization"),
        "contact": tr("Contact"),
        "membership": tr("Position"),
        "agreement": tr("Agreement"),
        "party": tr("Party"),
        "amendment": tr("Amendment"),
        "commitment": tr("Commitment"),
        "meeting": tr("Meeting"),
        "meeting_agreement": tr("Meeting"),
        "attendee": tr("Attendee"),
        "agenda_item": tr("Agenda item"),
        "decision": tr("Decision"),
        "action_item": tr("Action item"),
        "attachment": tr("Attachment"),
    }
    return names.get(kind, kind)
