"""Form fields: optional dates, enum choosers, and a form that shows errors next to fields."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Generic, TypeVar
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.enums import Labeled
from app.services.installation import Language
from ui.formatting import format_date
from ui.i18n import tr
from ui.widgets.dates import DateEdit, DateTimeEdit

LabeledT = TypeVar("LabeledT", bound=Labeled)
WidgetT = TypeVar("WidgetT", bound=QWidget)
__all__ = ["DateEdit", "DateTimeEdit", "EnumCombo", "Form", "line", "text_area"]


class EnumCombo(QComboBox, Generic[LabeledT]):
    """Chooses a member of a labelled enum; optionally with an 'any' entry for filters."""

    def __init__(
        self,
        members: Iterable[LabeledT],
        lang: Language,
        any_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._members: dict[str, LabeledT] = {}
        if any_label:
            self.addItem(any_label, None)
        for member in members:
            # Stored as its plain value: Qt hands a str enum back as str.
            self._members[str(member.value)] = member
            self.addItem(member.label(lang), str(member.value))

    def value(self) -> LabeledT | None:
        """The chosen member; None for the 'any' entry of a filter."""
        data = self.currentData()
        return None if data is None else self._members[data]

    def member(self) -> LabeledT:
        """The chosen member of a combo without an 'any' entry."""
        value = self.value()
        if value is None:
            raise ValueError("no member chosen")
        return value

    def set_value(self, value: LabeledT | str | None) -> None:
        """Choose ``value`` (a member or its stored value); the first entry when None."""
        self.setCurrentIndex(max(self.findData(None if value is None else str(value)), 0))

    def label_of(self, stored: object, lang: Language) -> str:
        """How a stored value (as the history keeps it) reads: its member's label."""
        member = self._members.get(str(stored))
        return member.label(lang) if member is not None else str(stored)


def add_id_item(combo: QComboBox, label: str, ident: UUID | None) -> None:
    """An item for a record id (kept as text: Qt compares Python objects by identity)."""
    combo.addItem(label, None if ident is None else str(ident))


def combo_id(combo: QComboBox) -> UUID | None:
    data = combo.currentData()
    return None if data is None else UUID(str(data))


def select_id(combo: QComboBox, ident: UUID | None) -> None:
    combo.setCurrentIndex(max(combo.findData(None if ident is None else str(ident)), 0))


class Form(QWidget):
    """A two-column form whose fields each have an error line under them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}

    def add(self, name: str, label: str, widget: WidgetT) -> WidgetT:
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel(holder)
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #b3261e;")
        error.setWordWrap(True)
        error.setAccessibleName(tr("Error: {field}").format(field=label))
        error.hide()
        box.addWidget(error)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        self.layout_.addRow(caption, holder)
        self.fields[name] = widget
        self.errors[name] = error
        self.labels[name] = label.replace("&", "").rstrip(" *")
        if isinstance(widget, DateEdit | DateTimeEdit):
            widget.bind(name, label)
            widget.error_changed.connect(lambda message, n=name: self._typed_error(n, message))
        self._watch(widget)
        return widget

    def _typed_error(self, field: str, message: str) -> None:
        target = self.errors[field]
        target.setText(message)
        target.setVisible(bool(message))
        self.changed.emit()

    def unreadable(self) -> list[str]:
        """The fields whose typed text cannot be read (a date that is not one)."""
        return [
            name
            for name, widget in self.fields.items()
            if isinstance(widget, DateEdit | DateTimeEdit) and not widget.is_readable()
        ]

    def check_typed(self) -> None:
        """Raise the :class:`ValidationError` of the first field whose text cannot be read."""
        for widget in self.fields.values():
            if isinstance(widget, DateEdit | DateTimeEdit):
                widget.check()

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(self.changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self.changed)
        elif hasattr(widget, "changed"):
            widget.changed.connect(self.changed)

    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` under ``field``; False when the form has no such field."""
        target = self.errors.get(field)
        if target is None:
            return False
        target.setText(message)
        target.show()
        widget = self.fields[field]
        widget.setFocus()
        return True

    def clear_errors(self) -> None:
        for name, label in self.errors.items():
            widget = self.fields[name]
            if isinstance(widget, DateEdit | DateTimeEdit) and widget.error():
                label.setText(widget.error())  # still unreadable: its message stays
                continue
            label.clear()
            label.hide()

    def describe(self, name: str, value: object, lang: Language) -> str:
        """A stored value of field ``name`` as the form shows it (labels, dates)."""
        widget = self.fields.get(name)
        if value in (None, ""):
            return "—"
        if isinstance(widget, EnumCombo):
            return widget.label_of(value, lang)
        if isinstance(widget, DateEdit) and isinstance(value, str):
            try:
                return format_date(date.fromisoformat(value[:10]), lang)
            except ValueError:
                return value
        text = str(value).strip(",").replace(",", ", ") if name == "tags" else str(value)
        return text if len(text) <= 80 else text[:77] + "…"

    def text(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_text(self, name: str, value: str) -> None:
        widget = self.fields[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(value)
            widget.setCursorPosition(0)  # show the beginning of a long value


def line(parent: QWidget | None = None, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def text_area(parent: QWidget | None = None, height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(max(height * 2, 150))  # the related tables below get the room
    return edit
