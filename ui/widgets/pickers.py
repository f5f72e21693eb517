"""Choosing an organization, contact, agreement or meeting from lists that may be huge."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.dto import (
    AgreementSummary,
    CommitmentView,
    ContactInput,
    ContactRecord,
    ContactSummary,
    MeetingSummary,
    MembershipInput,
    OrganizationInput,
    OrganizationRecord,
    Shown,
    shown,
)
from app.enums import OrgKind, RecordKind
from app.services.contacts import add_membership, create_contact
from app.services.opening import Database
from app.services.organizations import create_organization
from ui.context import UiContext
from ui.i18n import tr
from ui.models.lists import ListModel, ListRow, list_spec
from ui.widgets import marked
from ui.widgets.fields import EnumCombo, line
from ui.widgets.related import FormDialog, ServiceCall


def record_label(record: ListRow, lang: str) -> Shown:
    """How a chosen row reads on its picker button, in ``lang``: marked ``missing`` when the
    record has no name in ``lang`` and the other language's is shown."""
    if isinstance(record, AgreementSummary | MeetingSummary | CommitmentView):
        return shown(record.title_ko, record.title_en, lang)
    if isinstance(record, OrganizationRecord):
        return shown(record.name_ko, record.name_en, lang)
    name = shown(record.name_ko, record.name_en, lang)
    if not (record.organization_name_ko or record.organization_name_en):
        return name
    org = shown(record.organization_name_ko, record.organization_name_en, lang)
    # The mark is the name's; an organization without a name in ``lang`` marks the label too.
    other = name.lang if name.missing else org.lang
    return Shown(f"{name.text} ({org.text})", other, name.missing or org.missing)


def _hangul(text: str) -> bool:
    return any("가" <= ch <= "힣" for ch in text)


@dataclass(frozen=True)
class Chosen:
    """A record picked (or created) in a picker: its id, how it reads (in the UI's language), and a
    contact's current title in both languages.

    ``other_lang`` is set ("ko"/"en") when ``label`` is the other language's text, shown because the
    record has none in the UI's language (the picker then marks it)."""

    id: UUID
    label: str
    title: str = ""  # the contact's current title in the UI's language, else the other one's
    title_ko: str = ""
    title_en: str = ""
    other_lang: str | None = None

    @property
    def shown(self) -> Shown:
        return Shown(self.label, self.other_lang or "", self.other_lang is not None)


def _chosen(ident: UUID, label: Shown, title_ko: str = "", title_en: str = "", lang: str = "ko") -> Chosen:
    title = shown(title_ko, title_en, lang).text
    return Chosen(ident, label.text, title, title_ko, title_en, label.lang if label.missing else None)


def _new_contact(
    db: Database, data: ContactInput, organization_id: UUID | None, title_ko: str, title_en: str
) -> ContactRecord:
    record = create_contact(db, data)
    if organization_id is not None:
        add_membership(
            db,
            MembershipInput(
                contact_id=record.id, organization_id=organization_id, title_ko=title_ko, title_en=title_en
            ),
        )
    return record


class PickerDialog(QDialog):
    """A search box over a lazy list; Enter or double-click picks the row. "New…" creates an
    organization or a contact there and then, and picks it (the editor behind stays as it is)."""

    def __init__(
        self,
        ctx: UiContext,
        kind: RecordKind,
        title: str,
        parent: QWidget | None = None,
        *,
        filters: dict[str, object] | None = None,
        multiple: bool = False,
        preset_org: tuple[UUID, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.preset_org = preset_org  # a new contact's organization, when the picker is for one
        self.created: Chosen | None = None
        self.setWindowTitle(title)
        self.resize(720, 480)
        self.model: ListModel = list_spec(kind, ctx.language).model(ctx, self, filters or {})
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Type to search"))
        self.search.setAccessibleName(tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        marked.install(self.table)  # a name shown in the other language: grey, tagged KO/EN
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multiple
            else QAbstractItemView.SelectionMode.SingleSelection
        )
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
        self.table.activated.connect(lambda _i: self.accept())  # Enter on a row
        self.new_button: QPushButton | None = None
        if kind in (RecordKind.ORGANIZATION, RecordKind.CONTACT):
            text = tr("&New organization…") if kind == RecordKind.ORGANIZATION else tr("&New contact…")
            self.new_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            self.new_button.setAutoDefault(False)
            self.new_button.clicked.connect(self.create_new)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.model.loaded.connect(self._select_first)  # before the refresh, which may load at once
        self.model.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the search box searches, and chooses once nothing is pending (``_enter``).
        # Passed on to the dialog, the same Enter pressed the default button as well and chose
        # whatever row was selected before the search ran: often another record than the one typed.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

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
        picked = self.chosen_all()
        return (picked[0].id, picked[0].label) if picked else None

    def chosen_shown(self) -> tuple[UUID, Shown] | None:
        """The record picked and its label, marked when in the other language."""
        picked = self.chosen_all()
        return (picked[0].id, picked[0].shown) if picked else None

    def chosen_all(self) -> list[Chosen]:
        """What was picked, in the list's order (or the one record created here)."""
        if self.created is not None:
            return [self.created]
        out: list[Chosen] = []
        lang = self.ctx.language
        for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row()):
            record = self.model.item(index.row())
            if isinstance(record, ContactSummary):
                out.append(
                    _chosen(record.id, record_label(record, lang), record.title_ko, record.title_en, lang)
                )
            elif record is not None:
                out.append(_chosen(record.id, record_label(record, lang)))
        return out

    def create_new(self) -> None:
        """A new organization or contact, named from the search text, picked once saved."""
        typed = self.search.text().strip()
        lang = self.ctx.language
        if self.kind == RecordKind.ORGANIZATION:
            dialog = FormDialog(self.ctx, tr("New organization"), self)
            f = dialog.form
            name_ko = f.add("name_ko", tr("Name (Korean)"), line(dialog))
            name_en = f.add("name_en", tr("Name (English)"), line(dialog))
            org_kind: EnumCombo[OrgKind] = f.add("org_kind", tr("Kind"), EnumCombo(OrgKind, lang))
            (name_ko if _hangul(typed) or not typed else name_en).setText(typed)
            dialog.required = lambda: bool(name_ko.text().strip() or name_en.text().strip())

            def save_org() -> ServiceCall:
                data = OrganizationInput(
                    name_ko=name_ko.text(), name_en=name_en.text(), org_kind=org_kind.member()
                )
                return create_organization, (data,)

            if dialog.run(save_org) and isinstance(dialog.result_value, OrganizationRecord):
                made = dialog.result_value
                self.created = _chosen(made.id, shown(made.name_ko, made.name_en, lang))
                self.accept()
            return
        dialog = FormDialog(self.ctx, tr("New contact"), self)
        f = dialog.form
        person_ko = f.add("name_ko", tr("Name (Korean)"), line(dialog))
        person_en = f.add("name_en", tr("Name (English)"), line(dialog))
        org = PickerButton(self.ctx, RecordKind.ORGANIZATION, tr("Choose organization"), dialog)
        f.add("organization_id", tr("Organization"), org)
        title = f.add_bilingual("title", tr("Title"))  # as in the contact's position dialog
        offer = title.offer_english()
        org.changed.connect(lambda: offer.follow_organization(self.ctx, org.value()))
        email = f.add("email", tr("Email"), line(dialog, "name@example.go.kr"))
        (person_ko if _hangul(typed) or not typed else person_en).setText(typed)
        if self.preset_org is not None:
            org.set_value(*self.preset_org)
            offer.follow_organization(self.ctx, org.value())  # its ranks: a ministry's or a company's
        dialog.required = lambda: bool(person_ko.text().strip() or person_en.text().strip())

        def save_contact() -> ServiceCall:
            data = ContactInput(name_ko=person_ko.text(), name_en=person_en.text(), email=email.text())
            title_ko, title_en = (v.strip() for v in title.values())
            return _new_contact, (data, org.value(), title_ko, title_en)

        if dialog.run(save_contact) and isinstance(dialog.result_value, ContactRecord):
            record = dialog.result_value
            title_ko, title_en = (v.strip() for v in title.values())
            self.created = _chosen(
                record.id, shown(record.name_ko, record.name_en, lang), title_ko, title_en, lang
            )
            self.accept()


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
        if shown != self.full:
            self.setToolTip(self.full)


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
        self._other: str | None = None
        self.chosen_title = ""  # a chosen contact's current title (to pre-fill a title at signing)
        self.chosen_title_ko = ""  # ... in each language
        self.chosen_title_en = ""
        self.preset_org: tuple[UUID, str] | None = None  # the organization of a contact created here
        self.none_text = tr("(none)")
        self.label = ElidedLabel(self.none_text, self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # "KO"/"EN" before the name when it is the other language's (no name in the UI's language).
        self.tag = QLabel(self)
        self.tag.setObjectName("other_language_tag")
        self.tag.setStyleSheet(marked.TAG_STYLE)
        self.tag.hide()
        self.choose = QPushButton(tr("Choose…"), self)
        self.choose.setAccessibleName(title)
        self.choose.clicked.connect(self.pick)
        self.clear_button = QToolButton(self)  # "✕": narrow enough for a filter row at 1024 px
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(tr("Clear"))
        self.clear_button.setAccessibleName(tr("Clear {what}").format(what=title))
        self.clear_button.clicked.connect(lambda: self.set_value(None, ""))
        # Out of the Tab chain: Tab goes from "Choose…" to the next field; Delete clears.
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setVisible(optional)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label.setMinimumWidth(60)
        for button in (self.choose, self.clear_button):
            button.setMinimumWidth(button.sizeHint().width())  # never clipped in a narrow filter row
        self.tag.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.tag, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.choose)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.choose)
        self.choose.installEventFilter(self)
        self.optional = optional

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.choose
            and self.optional
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.set_value(None, "")
            return True
        return super().eventFilter(watched, event)

    def value(self) -> UUID | None:
        return self._id

    def set_value(self, ident: UUID | None, label: str | Shown) -> None:
        """Show ``ident`` as ``label``; a :class:`Shown` in the other language is marked (grey, KO/EN)."""
        changed = ident != self._id
        self._id = ident
        other = label.lang if isinstance(label, Shown) and label.missing and ident else None
        self._other = other
        text = str(label)
        self.label.setText(text if ident else self.none_text)
        tip = f"{text}\n({marked.tag_tooltip(other)})" if other else text
        self.label.setToolTip(tip if ident else "")
        self.label.setStyleSheet(f"color: {marked.GREY};" if other else "")
        self.tag.setText(marked.tag_text(other) if other else "")
        self.tag.setToolTip(marked.tag_tooltip(other) if other else "")
        self.tag.setVisible(other is not None)
        if changed:
            self.changed.emit()

    def other_language(self) -> str | None:
        """The language of the label when it is the other language's ("ko"/"en"), else None."""
        return self._other

    def pick(self) -> None:
        dialog = PickerDialog(
            self.ctx, self.kind, self.title, self, filters=self.filters, preset_org=self.preset_org
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            picked = dialog.chosen_all()
            if picked:
                self.chosen_title = picked[0].title
                self.chosen_title_ko, self.chosen_title_en = picked[0].title_ko, picked[0].title_en
                self.set_value(picked[0].id, picked[0].shown)
