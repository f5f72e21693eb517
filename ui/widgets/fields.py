"""Form fields: optional dates, enum choosers, and a form that shows errors next to fields."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Generic, TypeVar
from uuid import UUID

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.enums import Labeled
from app.services.installation import Language
from ui.formatting import format_date, qt_date_format
from ui.i18n import tr

NULL_DATE = QDate(1900, 1, 1)
LabeledT = TypeVar("LabeledT", bound=Labeled)
WidgetT = TypeVar("WidgetT", bound=QWidget)


def _locale(lang: str) -> QLocale:
    return QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English)


class DateEdit(QDateEdit):
    """A date that may be empty (shown as a dash; Delete clears it)."""

    def __init__(self, lang: str = "ko", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(_locale(lang))
        self.setDisplayFormat(qt_date_format(lang))
        self.setCalendarPopup(True)
        self.setMinimumDate(NULL_DATE)
        self.setSpecialValueText("—")
        self.setDate(NULL_DATE)
        self.setMinimumWidth(130)
        self.setToolTip(tr("Delete clears the date."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        clearing = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.value() is not None
        whole = self.currentSection() == QDateEdit.Section.NoSection or self.lineEdit().hasSelectedText()
        if clearing and whole:
            self.set_value(None)
            return
        if self.value() is None and event.text().isdigit():
            self.setDate(QDate.currentDate())
        super().keyPressEvent(event)

    def value(self) -> date | None:
        current = self.date()
        return None if current == NULL_DATE else date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NULL_DATE if value is None else QDate(value.year, value.month, value.day))


class DateTimeEdit(QDateTimeEdit):
    """A local date and 24-hour time that may be empty."""

    def __init__(self, lang: str = "ko", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(_locale(lang))
        self.setDisplayFormat(qt_date_format(lang) + " HH:mm")
        self.setCalendarPopup(True)
        self.setMinimumDateTime(QDateTime(NULL_DATE, QTime(0, 0)))
        self.setSpecialValueText("—")
        self.set_value(None)
        self.setMinimumWidth(170)

    def value(self) -> datetime | None:
        current = self.dateTime()
        if current.date() == NULL_DATE:
            return None
        d, t = current.date(), current.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()

    def set_value(self, value: datetime | None) -> None:
        if value is None:
            self.setDateTime(QDateTime(NULL_DATE, QTime(0, 0)))
            return
        local = value.astimezone() if value.tzinfo else value
        self.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )


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
        self._watch(widget)
        return widget

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(self.changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.changed)
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(self.changed)
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
        for label in self.errors.values():
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
