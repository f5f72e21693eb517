"""Adding several parties to an agreement at once: one row per organization chosen.

Each row starts as a signatory (서명기관) signing on the agreement's date; choosing the person
who signed fills their current title as the title at signing (it can be typed over). The rows
are a grid of ordinary widgets, so Tab goes along a row and then to the next one.
"""

from __future__ import annotations

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

from app.dto import PartyInput, PartyView
from app.enums import PartyRole, RecordKind
from app.errors import DomainError, ValidationError
from app.services.agreements import add_party
from app.services.opening import Database
from ui.context import UiContext
from ui.i18n import tr
from ui.widgets.dates import DateEdit
from ui.widgets.fields import EnumCombo, line
from ui.widgets.pickers import Chosen, PickerButton


def add_parties(db: Database, agreement_id: UUID, parties: list[PartyInput]) -> list[PartyView]:
    """Each party in turn (each is its own write, as when added one by one)."""
    return [add_party(db, agreement_id, data) for data in parties]


class PartyRow:
    """The widgets of one organization's row."""

    def __init__(self, dialog: PartiesDialog, chosen: Chosen, signed_on: date | None) -> None:
        ctx = dialog.ctx
        self.organization = chosen
        self.name = QLabel(chosen.label, dialog.grid_holder)
        self.role: EnumCombo[PartyRole] = EnumCombo(PartyRole, ctx.language, parent=dialog.grid_holder)
        self.role.set_value(PartyRole.SIGNATORY)
        self.role.setAccessibleName(tr("Role of {org}").format(org=chosen.label))
        self.person = PickerButton(ctx, RecordKind.CONTACT, tr("Choose signatory"), dialog.grid_holder)
        self.person.filters = {"organization_id": chosen.id}
        self.person.preset_org = (chosen.id, chosen.label)
        self.title: QLineEdit = line(dialog.grid_holder)
        self.title.setAccessibleName(tr("Title at signing for {org}").format(org=chosen.label))
        self.signed = DateEdit(ctx.language, dialog.grid_holder)
        self.signed.setAccessibleName(tr("Signed ({org})").format(org=chosen.label))
        self.signed.set_value(signed_on)
        self.signed.related = lambda: signed_on
        self._prefilled = ""
        self.person.changed.connect(self._person_changed)

    def widgets(self) -> list[QWidget]:
        return [self.name, self.role, self.person, self.title, self.signed]

    def _person_changed(self) -> None:
        if self.title.text() == self._prefilled and self.person.value() is not None:
            self.title.setText(self.person.chosen_title)
            self._prefilled = self.person.chosen_title

    def data(self) -> PartyInput:
        self.signed.check()
        return PartyInput(
            organization_id=self.organization.id,
            role=self.role.member(),
            signatory_contact_id=self.person.value(),
            signatory_title=self.title.text(),
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
        self.setMinimumWidth(760)
        self.grid_holder = QWidget(self)
        grid = QGridLayout(self.grid_holder)
        headings = [tr("Party"), tr("Role"), tr("Signed by"), tr("Title at signing"), tr("Signed")]
        for col, text in enumerate(headings):
            heading = QLabel(f"<b>{text}</b>", self.grid_holder)
            grid.addWidget(heading, 0, col)
        self.rows = [PartyRow(self, c, signed_on) for c in chosen]
        for r, row in enumerate(self.rows, start=1):
            for col, widget in enumerate(row.widgets()):
                grid.addWidget(widget, r, col)
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 2)
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
