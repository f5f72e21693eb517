"""An agreement: its fields, parties, commitments, amendments, attachments, meetings, history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from app.dto import (
    AgreementDetail,
    AgreementInput,
    AmendmentInput,
    AmendmentView,
    CommitmentInput,
    CommitmentView,
    MeetingSummary,
    PartyInput,
    PartyView,
    Shown,
    shown,
)
from app.enums import AgreementKind, AgreementStatus, CommitmentStatus, Confidentiality, PartyRole, RecordKind
from app.services.agreements import (
    add_amendment,
    add_party,
    agreement_detail,
    create_agreement,
    remove_amendment,
    remove_party,
    reorder_parties,
    update_agreement,
    update_amendment,
    update_party,
)
from app.services.commitments import create_commitment, update_commitment
from ui.actions import open_briefing
from ui.context import UiContext
from ui.formatting import format_date, format_meeting_time
from ui.i18n import tr
from ui.views.editor import RecordEditor
from ui.views.record_service import RecordFunctions
from ui.widgets.attachments import AttachmentsPanel
from ui.widgets.confirm import confirm
from ui.widgets.fields import DateEdit, EnumCombo, add_id_item, combo_id, line, select_id
from ui.widgets.history import HistoryPanel
from ui.widgets.parties import PartiesDialog, SignatoryTitle
from ui.widgets.pickers import PickerButton, PickerDialog
from ui.widgets.related import FormDialog, RelatedTable, ServiceCall, one_line

AGREEMENTS = RecordFunctions(agreement_detail, create_agreement, update_agreement)


class AgreementEditor(RecordEditor[AgreementDetail, AgreementInput]):
    kind = RecordKind.AGREEMENT

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, AGREEMENTS, parent)
        lang = self.lang
        f = self.form
        self.title = f.add_bilingual("title", tr("Agreement title"))
        self.title_ko, self.title_en = self.title.ko, self.title.en
        self.reference_no = f.add("reference_no", tr("Reference"), line(self))
        self.agreement_kind = f.add("agreement_kind", tr("Kind"), EnumCombo(AgreementKind, lang))
        self.status = f.add("status", tr("Status"), EnumCombo(AgreementStatus, lang))
        self.signed_on = f.add("signed_on", tr("Signed"), DateEdit(lang))
        self.effective_on = f.add("effective_on", tr("In force from"), DateEdit(lang))
        self.expires_on = f.add("expires_on", tr("Expires"), DateEdit(lang))
        self.place = f.add_bilingual("place", tr("Place of signing"))
        self.confidentiality = f.add("confidentiality", tr("Marking"), EnumCombo(Confidentiality, lang))
        self.tags = f.add("tags", tr("Tags"), line(self, tr("comma-separated, e.g. semiconductor, EU")))
        self.summary = f.add_bilingual("summary", tr("Summary"), multiline=True, height=90)
        self.title.changed.connect(self._update_buttons)
        self.briefing_button = self.add_header_button(tr("Briefing…"), self.briefing)

        self.parties: RelatedTable[PartyView] = RelatedTable(
            [
                tr("Party"),
                tr("Role"),
                tr("Signed by"),
                tr("Title at signing"),
                tr("Signed"),
                tr("Joined"),
                tr("Withdrew"),
            ],
            tr("Parties"),
            self,
        )
        self.parties.add_button(tr("Add parties…"), self.add_parties)
        self.parties.add_button(tr("Add party…"), self.add_party)
        self.parties.add_button(tr("Edit…"), self.edit_party, needs_selection=True)
        for arrow, name, step in (("▲", tr("Move up"), -1), ("▼", tr("Move down"), 1)):
            move = self.parties.add_button(arrow, self._mover(step), needs_selection=True)
            move.setAccessibleName(name)
            move.setToolTip(name)
        self.parties.add_button(tr("Remove…"), self.remove_party, needs_selection=True)
        self.parties.activated.connect(lambda _p: self.edit_party())
        self.tabs.addTab(self.parties, tr("Parties"))

        self.commitments: RelatedTable[CommitmentView] = RelatedTable(
            [tr("Party"), tr("Commitment"), tr("Due"), tr("Status")], tr("Commitments"), self
        )
        self.commitments.add_button(tr("Add commitment…"), self.add_commitment)
        self.commitments.add_button(tr("Edit…"), self.edit_commitment, needs_selection=True)
        self.commitments.add_button(tr("Open"), self.open_commitment, needs_selection=True)
        self.commitments.activated.connect(lambda _c: self.edit_commitment())
        self.tabs.addTab(self.commitments, tr("Commitments"))

        self.amendments: RelatedTable[AmendmentView] = RelatedTable(
            [tr("Date"), tr("Amendment"), tr("Summary"), tr("Effect")], tr("Amendments"), self
        )
        self.amendments.add_button(tr("Add amendment…"), self.add_amendment)
        self.amendments.add_button(tr("Edit…"), self.edit_amendment, needs_selection=True)
        self.amendments.add_button(tr("Remove…"), self.remove_amendment, needs_selection=True)
        self.amendments.activated.connect(lambda _a: self.edit_amendment())
        self.tabs.addTab(self.amendments, tr("Amendments"))

        self.attachments = AttachmentsPanel(ctx, RecordKind.AGREEMENT, self)
        self.attachments.on_changed = self.reload
        self.tabs.addTab(self.attachments, tr("Attachments"))

        self.meetings: RelatedTable[MeetingSummary] = RelatedTable(
            [tr("Date"), tr("Meeting"), tr("Place")], tr("Meetings"), self
        )
        self.meetings.activated.connect(lambda m: self.open_record.emit(RecordKind.MEETING, m.id))
        self.meetings.add_button(tr("Open meeting"), self._open_meeting, needs_selection=True)
        self.tabs.addTab(self.meetings, tr("Meetings"))

        self.history = HistoryPanel(ctx, RecordKind.AGREEMENT, self)
        self.history.on_restored = self.reload
        self.history.form = self.form
        self.tabs.addTab(self.history, tr("History"))

    # -- record -------------------------------------------------------------

    def new_title(self) -> str:
        return tr("New agreement")

    def title_of(self, detail: AgreementDetail) -> Shown:
        return shown(detail.record.title_ko, detail.record.title_en, self.lang)

    def is_valid(self) -> bool:
        return self.title.filled()

    def required_hint(self) -> str:
        return tr("Enter the title in Korean or in English.")  # either is enough: neither label has a *

    def clear(self) -> None:
        for pair in (self.title, self.place, self.summary):
            pair.clear()
        for name in ("reference_no", "tags"):
            self.form.set_text(name, "")
        self.agreement_kind.set_value(AgreementKind.MOU)
        self.status.set_value(AgreementStatus.DRAFT)
        self.confidentiality.set_value(Confidentiality.INTERNAL)
        for d in (self.signed_on, self.effective_on, self.expires_on):
            d.set_value(None)
        self.parties.set_rows([], lambda p: ())
        self.commitments.set_rows([], lambda c: ())
        self.amendments.set_rows([], lambda a: ())
        self.meetings.set_rows([], lambda m: ())
        self.attachments.set_owner(None)
        self.history.tree.clear()
        self.briefing_button.setEnabled(False)

    def fill(self, detail: AgreementDetail) -> None:
        r = detail.record
        lang = self.lang
        f = self.form
        self.title.set_values(r.title_ko, r.title_en)
        f.set_text("reference_no", r.reference_no)
        self.place.set_values(r.place_ko, r.place_en)
        f.set_text("tags", ", ".join(r.tags))
        self.summary.set_values(r.summary_ko, r.summary_en)
        self.agreement_kind.set_value(r.agreement_kind)
        self.status.set_value(r.status)
        self.confidentiality.set_value(r.confidentiality)
        self.signed_on.set_value(r.signed_on)
        self.effective_on.set_value(r.effective_on)
        self.expires_on.set_value(r.expires_on)
        self.parties.set_rows(
            detail.parties,
            lambda p: (
                shown(p.organization_name_ko, p.organization_name_en, lang),
                p.role.label(lang),
                shown(p.signatory_name_ko, p.signatory_name_en, lang),
                shown(p.signatory_title_ko, p.signatory_title_en, lang),
                format_date(p.signed_on, lang),
                format_date(p.joined_on, lang),
                format_date(p.withdrew_on, lang),
            ),
            muted=lambda p: p.withdrew_on is not None,
        )
        order = {p.id: i for i, p in enumerate(detail.parties)}
        by_party = sorted(
            detail.commitments,
            key=lambda c: (
                order.get(c.party_id, 999) if c.party_id else 999,
                c.due_on or r.created_at.date(),
            ),
        )
        self.commitments.set_rows(
            by_party,
            lambda c: (
                shown(c.organization_name_ko, c.organization_name_en, lang)
                if c.party_id
                else tr("(all parties)"),
                shown(c.title_ko, c.title_en, lang),
                format_date(c.due_on, lang),
                c.status.label(lang),
            ),
            alert=lambda c: c.overdue,
        )
        self.amendments.set_rows(
            detail.amendments,
            lambda a: (
                format_date(a.amended_on, lang),
                shown(a.title_ko, a.title_en, lang),
                one_line(shown(a.summary_ko, a.summary_en, lang)),
                one_line(shown(a.effect_ko, a.effect_en, lang)),
            ),
        )
        self.meetings.set_rows(
            detail.meetings,
            lambda m: (
                format_meeting_time(m.starts_at, m.time_zone, lang),
                shown(m.title_ko, m.title_en, lang),
                shown(m.place_ko, m.place_en, lang),
            ),
        )
        self.attachments.set_owner(r.id, detail.attachments)
        self.history.show_for(r.id, r.version)
        self.briefing_button.setEnabled(True)

    def collect(self) -> AgreementInput:
        tags = tuple(t.strip() for t in self.form.text("tags").split(",") if t.strip())
        title_ko, title_en = self.title.values()
        place_ko, place_en = self.place.values()
        summary_ko, summary_en = self.summary.values()
        return AgreementInput(
            title_ko=title_ko,
            title_en=title_en,
            reference_no=self.form.text("reference_no"),
            agreement_kind=self.agreement_kind.member(),
            status=self.status.member(),
            signed_on=self.signed_on.value(),
            effective_on=self.effective_on.value(),
            expires_on=self.expires_on.value(),
            place_ko=place_ko,
            place_en=place_en,
            summary_ko=summary_ko,
            summary_en=summary_en,
            confidentiality=self.confidentiality.member(),
            tags=tags,
        )

    def briefing(self) -> None:
        if self.ident is not None:
            open_briefing(self.ctx, RecordKind.AGREEMENT, self.ident, self, self.heading.text())

    def _open_meeting(self) -> None:
        m = self.meetings.current()
        if m is not None:
            self.open_record.emit(RecordKind.MEETING, m.id)

    # -- parties --------------------------------------------------------------

    def _party_dialog(self, party: PartyView | None) -> None:
        lang = self.lang
        title_text = tr("Party") if party is None else party.organization_name(lang)
        dialog = FormDialog(self.ctx, title_text, self)
        f = dialog.form
        org = PickerButton(
            self.ctx, RecordKind.ORGANIZATION, tr("Choose organization"), dialog, optional=False
        )
        f.add("organization_id", tr("Organization *"), org)
        role = EnumCombo(PartyRole, lang)
        f.add("role", tr("Role"), role)
        person = PickerButton(self.ctx, RecordKind.CONTACT, tr("Choose signatory"), dialog)
        f.add("signatory_contact_id", tr("Signed by (contact)"), person)
        name = f.add_bilingual("signatory_name", tr("Signatory's name"))
        for box in (name.ko, name.en):
            box.setToolTip(tr("When the signatory is not a contact; otherwise choose the contact above."))
        title = f.add_bilingual("signatory_title", tr("Title at signing"))
        offer = title.offer_english()
        signed = f.add("signed_on", tr("Signed"), DateEdit(lang))
        joined = f.add("joined_on", tr("Joined"), DateEdit(lang))
        withdrew = f.add("withdrew_on", tr("Withdrew"), DateEdit(lang))
        for d in (signed, joined, withdrew):  # their calendars open at the agreement's signing
            d.related = self.signed_on.value
        prefill = SignatoryTitle(self.ctx, offer)

        def org_changed() -> None:
            ident = org.value()
            person.filters = {"organization_id": ident} if ident else {}
            person.preset_org = (ident, org.label.text()) if ident else None
            prefill.organization_changed(ident)

        org.changed.connect(org_changed)

        def person_changed() -> None:
            contact = person.value()
            for box in (name.ko, name.en):
                box.setEnabled(contact is None)  # a contact is named by their record
            prefill.person_changed(contact)

        person.changed.connect(person_changed)
        if party is None:  # a new party: usually a signatory, signing with the agreement
            role.set_value(PartyRole.SIGNATORY)
            signed.set_value(self.signed_on.value())
        if party is not None:
            org.set_value(party.organization_id, party.organization_name(lang))
            role.set_value(party.role)
            if party.signatory_contact_id:
                person.set_value(party.signatory_contact_id, party.signatory_name(lang))
            else:
                name.set_values(party.signatory_name_ko, party.signatory_name_en)
            title.set_values(party.signatory_title_ko, party.signatory_title_en)
            signed.set_value(party.signed_on)
            joined.set_value(party.joined_on)
            withdrew.set_value(party.withdrew_on)
        dialog.required = lambda: org.value() is not None

        def save() -> ServiceCall:
            org_id = org.value()
            assert org_id is not None
            contact = person.value()
            name_ko, name_en = name.values() if contact is None else ("", "")
            title_ko, title_en = title.values()
            data = PartyInput(
                organization_id=org_id,
                role=role.member(),
                signatory_contact_id=contact,
                signatory_name_ko=name_ko,
                signatory_name_en=name_en,
                signatory_title_ko=title_ko,
                signatory_title_en=title_en,
                signed_on=signed.value(),
                joined_on=joined.value(),
                withdrew_on=withdrew.value(),
            )
            if party is None:
                return add_party, (self.ident, data)
            return update_party, (party.id, data, party.version)

        if dialog.run(save):
            self.reload()

    def add_party(self) -> None:
        if self.ident is not None:
            self._party_dialog(None)

    def add_parties(self) -> None:
        """Choose the organizations (several at once), then set their roles and signatories in a table."""
        if self.ident is None:
            return
        picker = PickerDialog(
            self.ctx, RecordKind.ORGANIZATION, tr("Choose the parties"), self, multiple=True
        )
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        known = {p.organization_id for p in self.parties.items}
        chosen = [c for c in picker.chosen_all() if c.id not in known]
        if not chosen:
            return
        dialog = PartiesDialog(self.ctx, self.ident, chosen, self.signed_on.value(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def edit_party(self) -> None:
        party = self.parties.current()
        if party is not None:
            self._party_dialog(party)

    def _mover(self, step: int) -> Callable[[], None]:
        return lambda: self.move_party(step)

    def move_party(self, step: int) -> None:
        party = self.parties.current()
        if party is None or self.ident is None:
            return
        ids = [p.id for p in self.parties.items]
        i = ids.index(party.id)
        j = i + step
        if not 0 <= j < len(ids):
            return
        ids[i], ids[j] = ids[j], ids[i]

        def done(_r: object) -> None:
            self.reload()
            self.parties.select_row(j)

        self.ctx.runner.run(reorder_parties, self.ctx.database, self.ident, ids, on_done=done)

    def remove_party(self) -> None:
        party = self.parties.current()
        if party is None:
            return
        if confirm(
            self,
            tr("Remove party"),
            tr("Remove {org} from this agreement?").format(org=party.organization_name(self.lang)),
            tr("Remove"),
        ):
            self.run_and_reload(remove_party, party.id)

    # -- commitments ----------------------------------------------------------

    def _commitment_dialog(self, item: CommitmentView | None) -> None:
        lang = self.lang
        dialog = FormDialog(self.ctx, tr("Commitment"), self)
        f = dialog.form
        party = QComboBox(dialog)
        add_id_item(party, tr("(all parties)"), None)
        for p in self.parties.items:
            add_id_item(party, shown(p.organization_name_ko, p.organization_name_en, lang), p.id)
        f.add("party_id", tr("Party"), party)
        title = f.add_bilingual("title", tr("Commitment"))
        description = f.add_bilingual("description", tr("Description"), multiline=True)
        due = f.add("due_on", tr("Due"), DateEdit(lang))
        status = f.add("status", tr("Status"), EnumCombo(CommitmentStatus, lang))
        if item is not None:
            select_id(party, item.party_id)
            title.set_values(item.title_ko, item.title_en)
            description.set_values(item.description_ko, item.description_en)
            due.set_value(item.due_on)
            status.set_value(item.status)
        dialog.required = title.filled

        def save() -> ServiceCall:
            assert self.ident is not None
            title_ko, title_en = title.values()
            description_ko, description_en = description.values()
            data = CommitmentInput(
                agreement_id=self.ident,
                title_ko=title_ko,
                title_en=title_en,
                party_id=combo_id(party),
                description_ko=description_ko,
                description_en=description_en,
                due_on=due.value(),
                status=status.member(),
            )
            if item is None:
                return create_commitment, (data,)
            return update_commitment, (item.id, data, item.version)

        if dialog.run(save):
            self.reload()

    def add_commitment(self) -> None:
        if self.ident is not None:
            self._commitment_dialog(None)

    def edit_commitment(self) -> None:
        item = self.commitments.current()
        if item is not None:
            self._commitment_dialog(item)

    def open_commitment(self) -> None:
        item = self.commitments.current()
        if item is not None:
            self.open_record.emit(RecordKind.COMMITMENT, item.id)

    # -- amendments -----------------------------------------------------------

    def _amendment_dialog(self, item: AmendmentView | None) -> None:
        dialog = FormDialog(self.ctx, tr("Amendment"), self)
        f = dialog.form
        amended = f.add("amended_on", tr("Date"), DateEdit(self.lang))
        title = f.add_bilingual("title", tr("Amendment"))
        summary = f.add_bilingual("summary", tr("Summary"), multiline=True)
        effect = f.add_bilingual("effect", tr("Effect"), multiline=True, height=50)
        if item is not None:
            amended.set_value(item.amended_on)
            title.set_values(item.title_ko, item.title_en)
            summary.set_values(item.summary_ko, item.summary_en)
            effect.set_values(item.effect_ko, item.effect_en)
        dialog.required = title.filled

        def save() -> ServiceCall:
            assert self.ident is not None
            title_ko, title_en = title.values()
            summary_ko, summary_en = summary.values()
            effect_ko, effect_en = effect.values()
            data = AmendmentInput(
                agreement_id=self.ident,
                amended_on=amended.value(),
                title_ko=title_ko,
                title_en=title_en,
                summary_ko=summary_ko,
                summary_en=summary_en,
                effect_ko=effect_ko,
                effect_en=effect_en,
            )
            if item is None:
                return add_amendment, (data,)
            return update_amendment, (item.id, data, item.version)

        if dialog.run(save):
            self.reload()

    def add_amendment(self) -> None:
        if self.ident is not None:
            self._amendment_dialog(None)

    def edit_amendment(self) -> None:
        item = self.amendments.current()
        if item is not None:
            self._amendment_dialog(item)

    def remove_amendment(self) -> None:
        item = self.amendments.current()
        if item is not None and confirm(
            self,
            tr("Remove amendment"),
            tr("Remove “{title}”?").format(title=item.title(self.lang)),
            tr("Remove"),
        ):
            self.run_and_reload(remove_amendment, item.id)
