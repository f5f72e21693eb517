"""Adding several parties to an agreement at once: one row per organization chosen.

Each row starts as a signatory (서명기관) signing on the agreement's date; choosing the person
who signed fills their current title, in Korean and English, as the title at signing (it can be
typed over; a Korean title typed without its English is offered the usual English). The rows
are a grid of ordinary widgets, so Tab goes along a row and then to the next one.
"""

from __future__ import annotations

import html
from datetime import date
from uuid import UUID

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.dto import MembershipView, PartyInput
from app.enums import PartyRole, RecordKind
from app.errors import DomainError, ValidationError
from app.services.agreements import add_parties
from app.services.contacts import current_membership
from ui.context import UiContext
from ui.i18n import tr
from ui.widgets.dates import DateEdit
from ui.widgets.fields import EnglishOffer, EnumCombo, line, pair_labels
from ui.widgets.marked import marked_html
from ui.widgets.pickers import Chosen, PickerButton


class SignatoryTitle:
    """A party's signatory's title at signing: filled, in both languages, from the position the
    chosen person holds now, as long as nobody has typed over what was filled; the English offered
    for a Korean title follows the kind of the party's organization (과장: Director or Manager)."""

    def __init__(self, ctx: UiContext, offer: EnglishOffer) -> None:
        self.ctx = ctx
        self.offer = offer
        self._filled = ("", "")
        self._person_gen = 0

    def _current(self) -> tuple[str, str]:
        return self.offer.ko.text(), self.offer.en.text()

    def organization_changed(self, ident: UUID | None) -> None:
        self.offer.follow_organization(self.ctx, ident)

    def person_changed(self, contact: UUID | None) -> None:
        self._person_gen += 1
        gen = self._person_gen
        if contact is None or self._current() != self._filled:
            return
        before = self._current()

        def fill(held: MembershipView | None) -> None:
            if held is None or gen != self._person_gen or self._current() != before:
                return  # another person chosen since, or the title typed meanwhile
            self.offer.prefill(held.title_ko, held.title_en)
            self._filled = self._current()

        self.ctx.runner.run(
            current_membership, self.ctx.database, contact, on_done=fill, on_error=lambda _e: None
        )


class PartyRow:
    """The widgets of one organization's row."""

    def __init__(self, dialog: PartiesDialog, chosen: Chosen, signed_on: date | None) -> None:
        ctx = dialog.ctx
        self.organization = chosen
        self.name = QLabel(marked_html(chosen.shown), dialog.grid_holder)  # marked in the other language
        self.role: EnumCombo[PartyRole] = EnumCombo(PartyRole, ctx.language, parent=dialog.grid_holder)
        self.role.set_value(PartyRole.SIGNATORY)
        self.role.setAccessibleName(tr("Role of {org}").format(org=chosen.label))
        self.person = PickerButton(ctx, RecordKind.CONTACT, tr("Choose signatory"), dialog.grid_holder)
        self.person.filters = {"organization_id": chosen.id}
        self.person.preset_org = (chosen.id, chosen.label)
        self.title: QLineEdit = line(dialog.grid_holder)
        self.title_en: QLineEdit = line(dialog.grid_holder)
        label_ko, label_en = pair_labels(tr("Title at signing"))
        self.title.setAccessibleName(f"{label_ko}: {chosen.label}")
        self.title_en.setAccessibleName(f"{label_en}: {chosen.label}")
        self.title.setPlaceholderText(tr("Korean"))
        self.title_en.setPlaceholderText(tr("English"))
        self.offer = EnglishOffer(self.title, self.title_en)
        self.prefill = SignatoryTitle(ctx, self.offer)
        self.prefill.organization_changed(chosen.id)
        self.signed = DateEdit(ctx.language, dialog.grid_holder)
        self.signed.setAccessibleName(tr("Signed ({org})").format(org=chosen.label))
        self.signed.set_value(signed_on)
        self.signed.related = lambda: signed_on
        self.person.changed.connect(lambda: self.prefill.person_changed(self.person.value()))

    def widgets(self) -> list[QWidget]:
        return [self.name, self.role, self.person, self.title, self.title_en, self.signed]

    def data(self) -> PartyInput:
        self.signed.check()
        return PartyInput(
            organization_id=self.organization.id,
            role=self.role.member(),
            signatory_contact_id=self.person.value(),
            signatory_title_ko=self.title.text(),
            signatory_title_en=self.title_en.text(),
            signed_on=self.signed.value(),
        )


class PartiesDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        agreement_id: UUID,
        chosen: list[Chosen],
        signed_on: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agreement_id = agreement_id
        self.setWindowTitle(tr("Add parties"))
        self.setMinimumWidth(880)
        self.grid_holder = QWidget(self)
        grid = QGridLayout(self.grid_holder)
        title_ko, title_en = pair_labels(tr("Title at signing"))
        headings = [tr("Party"), tr("Role"), tr("Signed by"), title_ko, title_en, tr("Signed")]
        for col, text in enumerate(headings):
            heading = QLabel(f"<b>{html.escape(text)}</b>", self.grid_holder)
            heading.setWordWrap(True)
            grid.addWidget(heading, 0, col)
        self.rows = [PartyRow(self, c, signed_on) for c in chosen]
        for r, row in enumerate(self.rows, start=1):
            for col, widget in enumerate(row.widgets()):
                grid.addWidget(widget, r, col)
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(4, 2)
        grid.setRowStretch(len(self.rows) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_holder)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            tr("Add {n} parties").format(n=len(self.rows))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if self.rows:
            self.rows[0].role.setFocus()

    def save(self) -> None:
        try:
            parties = [row.data() for row in self.rows]
        except ValidationError as exc:  # a date that is not one: nothing is saved yet
            self.error.setText(exc.message(self.ctx.language))
            self.error.show()
            return
        self.ctx.runner.run(
            add_parties,
            self.ctx.database,
            self.agreement_id,
            parties,
            on_done=lambda _views: self.accept(),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        # The parties before the one refused are saved: the editor shows them once this closes.
        message = exc.message(self.ctx.language) if isinstance(exc, DomainError) else str(exc)
        QMessageBox.warning(self, tr("Cannot save"), message)
        self.accept()
