"""Form fields: optional dates, enum choosers, texts in both languages, and a form that shows
errors next to fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Generic, TypeVar
from uuid import UUID

from PySide6.QtCore import QObject, Qt, Signal
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

from app.dto import OrganizationRecord, Shown
from app.enums import Labeled, OrgKind
from app.services.installation import Language
from app.services.organizations import get_organization
from app.services.titles import english_title
from ui.context import UiContext
from ui.formatting import format_date
from ui.i18n import tr
from ui.widgets.dates import DateEdit, DateTimeEdit, ZoneChooser
from ui.widgets.marked import OTHER_LANGUAGE_ROLE, MarkedDelegate, install, tag_tooltip

LabeledT = TypeVar("LabeledT", bound=Labeled)
WidgetT = TypeVar("WidgetT", bound=QWidget)
__all__ = [
    "Bilingual",
    "DateEdit",
    "DateTimeEdit",
    "EnglishOffer",
    "EnumCombo",
    "Form",
    "ZoneChooser",
    "line",
    "pair_labels",
    "text_area",
]
TextBox = QLineEdit | QPlainTextEdit
Typed = DateEdit | DateTimeEdit | ZoneChooser  # fields whose typed text may not be readable
SUGGESTED_STYLE = "QLineEdit { color: #6b6b6b; font-style: italic; }"


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
        # Narrower than its longest label when the form is (1024 px beside a list): "업무협약(…".
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
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


def add_id_item(combo: QComboBox, label: str | Shown, ident: UUID | None) -> None:
    """An item for a record id (kept as text: Qt compares Python objects by identity); a name
    shown in the other language is marked in the list as everywhere (:mod:`ui.widgets.marked`)."""
    combo.addItem(str(label), None if ident is None else str(ident))
    if isinstance(label, Shown) and label.missing:
        combo.setItemData(combo.count() - 1, label.lang, OTHER_LANGUAGE_ROLE)
        combo.setItemData(combo.count() - 1, tag_tooltip(label.lang), Qt.ItemDataRole.ToolTipRole)
        if not isinstance(combo.view().itemDelegate(), MarkedDelegate):
            install(combo.view())


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
        self.pairs: dict[str, Bilingual] = {}

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
        if isinstance(widget, Typed):
            widget.error_changed.connect(lambda message, n=name: self._typed_error(n, message))
        self._watch(widget)
        return widget

    def add_bilingual(self, name: str, noun: str, *, multiline: bool = False, height: int = 70) -> Bilingual:
        """A text in both languages: fields ``{name}_ko`` then ``{name}_en`` (see :class:`Bilingual`)."""
        pair = Bilingual(self, name, noun, multiline=multiline, height=height)
        self.pairs[name] = pair
        return pair

    def _typed_error(self, field: str, message: str) -> None:
        target = self.errors[field]
        target.setText(message)
        target.setVisible(bool(message))
        self.changed.emit()

    def unreadable(self) -> list[str]:
        """The fields whose typed text cannot be read (a date that is not one)."""
        return [name for name, widget in self.fields.items() if isinstance(widget, Typed) and widget.error()]

    def check_typed(self) -> None:
        """Raise the :class:`ValidationError` of the first field whose text cannot be read."""
        for widget in self.fields.values():
            if isinstance(widget, Typed):
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
        """Show ``message`` under ``field``; False when the form has no such field.

        A both-language text named without its language (``title``) is shown at its Korean box."""
        if field not in self.errors and f"{field}_ko" in self.errors:
            field = f"{field}_ko"
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
            if isinstance(widget, Typed) and widget.error():
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


def pair_labels(noun: str) -> tuple[str, str]:
    """The labels of a text's Korean and English boxes: "회의명(한글)" / "Meeting title (Korean)"."""
    return tr("{field} (Korean)").format(field=noun), tr("{field} (English)").format(field=noun)


class EnglishOffer(QObject):
    """Offers the English of a title typed in Korean (장관: Minister) in its English box.

    The offer fills the English box while the person types the Korean one, shown as a suggestion
    (grey, italic, with a tooltip) that they can edit or clear. It never replaces what they typed:
    once the English box is edited (or cleared) by hand, or holds a saved value, no more is offered.
    ``kind``, the kind of the title's organization when known, chooses between a ministry's and a
    company's rank (과장: Director or Manager).
    """

    def __init__(
        self,
        ko: QLineEdit,
        en: QLineEdit,
        suggest: Callable[[str, OrgKind | None], str] = english_title,
    ) -> None:
        super().__init__(en)
        self.ko = ko
        self.en = en
        self.suggest = suggest
        self.kind: OrgKind | None = None
        self._offered = ""  # what the offer put in the English box ("" when it shows none)
        self._declined = False  # the person wrote in the English box: it is theirs
        self._org_gen = 0
        ko.textEdited.connect(self._korean_typed)
        en.textEdited.connect(self._english_typed)

    def follow_organization(self, ctx: UiContext, ident: UUID | None) -> None:
        """The title is held at the organization ``ident``: offer the ranks of its kind."""
        self._org_gen += 1
        gen = self._org_gen
        if ident is None:
            self.set_kind(None)
            return

        def known(record: OrganizationRecord) -> None:
            if gen == self._org_gen:  # not an organization chosen before the last one
                self.set_kind(record.org_kind)

        ctx.runner.run(get_organization, ctx.database, ident, on_done=known, on_error=lambda _e: None)

    @property
    def suggested(self) -> bool:
        """Whether the English box shows an offer the person has not touched."""
        return bool(self._offered) and self.en.text() == self._offered and not self._declined

    def reset(self) -> None:
        """After the boxes were filled from a record: an English value there is the person's."""
        self._offered = ""
        self._declined = False
        self._show(False)

    def set_kind(self, kind: OrgKind | None) -> None:
        """The title's organization is now of ``kind``: an offer shown and untouched follows it
        (none is made from a saved title: only typing or choosing a person offers one)."""
        self.kind = kind
        if self.suggested:
            self._offer(self.ko.text())

    def prefill(self, ko: str, en: str) -> None:
        """Fill both boxes from a known position (a signatory's current title); an English the
        position lacks is offered. Both stay replaceable until the person edits them."""
        self.ko.setText(ko)
        self.ko.setCursorPosition(0)
        self._declined = False
        if en:
            self._offered = en
            self.en.setText(en)
            self.en.setCursorPosition(0)
            self._show(False)
        else:
            self._offer(ko)

    def _open(self) -> bool:
        return not self._declined and self.en.text() == self._offered

    def _korean_typed(self, text: str) -> None:
        if self._open():
            self._offer(text)

    def _offer(self, korean: str) -> None:
        english = self.suggest(korean, self.kind)
        self._offered = english
        if self.en.text() != english:
            self.en.setText(english)  # the cursor at its end: more words go after it
        self._show(bool(english))

    def _english_typed(self, _text: str) -> None:
        self._declined = True
        self._show(False)

    def _show(self, suggested: bool) -> None:
        self.en.setStyleSheet(SUGGESTED_STYLE if suggested else "")
        self.en.setToolTip(
            tr("Suggested from the Korean title: edit or clear it if it is not right.") if suggested else ""
        )


class Bilingual(QObject):
    """A text in both languages, edited the same way everywhere: the Korean box, then the English
    box under it, each its own row of the form with its label ("회의명(한글)", "회의명(영문)") and its
    error line (``{name}_ko``, ``{name}_en``: the field names the services' messages give).

    Korean comes first in both UIs, as in the ministry's own forms.
    """

    changed = Signal()

    def __init__(
        self, form: Form, name: str, noun: str, *, multiline: bool = False, height: int = 70
    ) -> None:
        super().__init__(form)
        self.name = name
        self.noun = noun
        self.multiline = multiline
        self.ko: TextBox = text_area(form, height) if multiline else line(form)
        self.en: TextBox = text_area(form, height) if multiline else line(form)
        label_ko, label_en = pair_labels(noun)
        form.add(f"{name}_ko", label_ko, self.ko)
        form.add(f"{name}_en", label_en, self.en)
        self.ko.textChanged.connect(self.changed)
        self.en.textChanged.connect(self.changed)
        self.offer: EnglishOffer | None = None

    def offer_english(self) -> EnglishOffer:
        """Offer the English of a title typed in Korean (single-line pairs: titles and ranks)."""
        assert isinstance(self.ko, QLineEdit) and isinstance(self.en, QLineEdit)
        self.offer = EnglishOffer(self.ko, self.en)
        return self.offer

    def values(self) -> tuple[str, str]:
        """(Korean, English) as typed."""
        return _box_text(self.ko), _box_text(self.en)

    def text(self, lang: str) -> str:
        return _box_text(self.ko if lang == "ko" else self.en)

    def filled(self) -> bool:
        """Whether either language has a text (what a required both-language text needs)."""
        return any(v.strip() for v in self.values())

    def set_values(self, ko: str, en: str) -> None:
        """Show a saved text (its English, if any, is the person's: no offer replaces it)."""
        _set_box(self.ko, ko)
        _set_box(self.en, en)
        if self.offer is not None:
            self.offer.reset()

    def clear(self) -> None:
        self.set_values("", "")


def _box_text(box: TextBox) -> str:
    return box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()


def _set_box(box: TextBox, value: str) -> None:
    if isinstance(box, QPlainTextEdit):
        box.setPlainText(value)
    else:
        box.setText(value)
        box.setCursorPosition(0)  # show the beginning of a long value


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
