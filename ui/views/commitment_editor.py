"""A commitment: what a party undertook under an agreement, its due date and status."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from PySide6.QtWidgets import QComboBox, QWidget

from app.dto import ActionItemView, CommitmentInput, CommitmentView, PartyView, Shown, display_name, shown
from app.enums import CommitmentStatus, RecordKind
from app.errors import ValidationError
from app.services.agreements import list_parties
from app.services.commitments import create_commitment, get_commitment, update_commitment
from app.services.meetings import list_action_items
from app.services.opening import Database
from ui.context import UiContext
from ui.formatting import format_date
from ui.i18n import tr
from ui.views.editor import RecordEditor
from ui.views.record_service import RecordFunctions
from ui.widgets.fields import DateEdit, EnumCombo, add_id_item, combo_id, select_id
from ui.widgets.history import HistoryPanel
from ui.widgets.pickers import PickerButton
from ui.widgets.related import RelatedTable


@dataclass(frozen=True)
class CommitmentDetail:
    """A commitment and the action items that serve it: what its editor shows."""

    record: CommitmentView
    action_items: list[ActionItemView]


def commitment_detail(db: Database, ident: UUID) -> CommitmentDetail:
    return CommitmentDetail(get_commitment(db, ident), list_action_items(db, commitment_id=ident))


COMMITMENTS = RecordFunctions(commitment_detail, create_commitment, update_commitment)


class CommitmentEditor(RecordEditor[CommitmentDetail, CommitmentInput]):
    kind = RecordKind.COMMITMENT

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, COMMITMENTS, parent)
        f = self.form
        self._party_gen = 0
        self.agreement = PickerButton(ctx, RecordKind.AGREEMENT, tr("Choose agreement"), self, optional=False)
        f.add("agreement_id", tr("Agreement *"), self.agreement)
        self.agreement.changed.connect(self._agreement_changed)
        self.party = QComboBox(self)
        f.add("party_id", tr("Party"), self.party)
        self.title = f.add_bilingual("title", tr("Commitment"))
        self.title.changed.connect(self._update_buttons)
        self.description = f.add_bilingual("description", tr("Description"), multiline=True, height=90)
        self.due_on = DateEdit(self.lang)
        f.add("due_on", tr("Due"), self.due_on)
        self.status = EnumCombo(CommitmentStatus, self.lang)
        f.add("status", tr("Status"), self.status)
        self.open_agreement = self.add_header_button(tr("Open agreement"), self._open_agreement)
        self.actions_table: RelatedTable[ActionItemView] = RelatedTable(
            [tr("Action item"), tr("Due"), tr("Status"), tr("Meeting")], tr("Action items"), self
        )
        self.actions_table.activated.connect(
            lambda a: self.open_record.emit(RecordKind.MEETING, a.meeting_id)
        )
        self.tabs.addTab(self.actions_table, tr("Action items"))
        self.history = HistoryPanel(ctx, RecordKind.COMMITMENT, self)
        self.history.on_restored = self.reload
        self.history.form = self.form
        self.tabs.addTab(self.history, tr("History"))
        self._pending_party: UUID | None = None

    def _agreement_changed(self) -> None:
        self._party_gen += 1
        gen = self._party_gen
        self.party.clear()
        add_id_item(self.party, tr("(all parties)"), None)
        ident = self.agreement.value()
        if ident is None:
            return

        def fill(parties: list[PartyView]) -> None:
            if gen != self._party_gen:  # a later agreement was chosen meanwhile
                return
            filling, self._filling = self._filling, True
            for p in parties:
                add_id_item(
                    self.party, shown(p.organization_name_ko, p.organization_name_en, self.lang), p.id
                )
            select_id(self.party, self._pending_party)
            self._filling = filling

        self.ctx.runner.run(list_parties, self.ctx.database, ident, on_done=fill)

    def _open_agreement(self) -> None:
        if self.agreement.value() is not None:
            self.open_record.emit(RecordKind.AGREEMENT, self.agreement.value())

    def new_title(self) -> str:
        return tr("New commitment")

    def title_of(self, detail: CommitmentDetail) -> Shown:
        return shown(detail.record.title_ko, detail.record.title_en, self.lang)

    def is_valid(self) -> bool:
        return self.title.filled() and self.agreement.value() is not None

    def required_hint(self) -> str:
        if self.agreement.value() is None:
            return tr("Choose the agreement.")
        return tr("Enter the commitment in Korean or in English.")

    def clear(self) -> None:
        self._pending_party = None
        self.agreement.set_value(None, "")
        self.title.clear()
        self.description.clear()
        self.due_on.set_value(None)
        self.status.set_value(CommitmentStatus.PLANNED)
        self.actions_table.set_rows([], lambda _x: ())
        self.history.tree.clear()

    def preset(self, **values: object) -> None:
        agreement_id, label = values.get("agreement_id"), values.get("agreement_label", "")
        if isinstance(agreement_id, UUID):
            self.agreement.set_value(agreement_id, str(label))

    def fill(self, detail: CommitmentDetail) -> None:
        c = detail.record
        lang = self.lang
        self._pending_party = c.party_id
        self.agreement.set_value(
            c.agreement_id, display_name(c.agreement_title_ko, c.agreement_title_en, lang)
        )
        self._agreement_changed()
        self.title.set_values(c.title_ko, c.title_en)
        self.description.set_values(c.description_ko, c.description_en)
        self.due_on.set_value(c.due_on)
        self.status.set_value(c.status)
        self.history.show_for(c.id, c.version)
        self.actions_table.set_rows(
            detail.action_items,
            lambda a: (
                shown(a.title_ko, a.title_en, lang),
                format_date(a.due_on, lang),
                a.status.label(lang),
                shown(a.meeting_title_ko, a.meeting_title_en, lang),
            ),
            alert=lambda a: a.overdue,
        )

    def collect(self) -> CommitmentInput:
        agreement_id = self.agreement.value()
        if agreement_id is None:
            raise ValidationError("agreement_id", "협약을 선택하십시오.", "Choose the agreement.")
        title_ko, title_en = self.title.values()
        description_ko, description_en = self.description.values()
        return CommitmentInput(
            agreement_id=agreement_id,
            title_ko=title_ko,
            title_en=title_en,
            party_id=combo_id(self.party),
            description_ko=description_ko,
            description_en=description_en,
            due_on=self.due_on.value(),
            status=self.status.member(),
        )
