"""A meeting is a minutes editor: attendees, agenda, decisions and action items."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QWidget

from app.dto import (
    ActionItemInput,
    ActionItemView,
    AgendaItemInput,
    AgendaItemView,
    AgreementRef,
    AgreementSummary,
    AttendeeInput,
    AttendeeView,
    CommitmentView,
    DecisionInput,
    DecisionView,
    MeetingDetail,
    MeetingInput,
    MeetingQuery,
    MeetingSummary,
    Shown,
    display_name,
    shown,
)
from app.enums import ActionStatus, RecordKind
from app.services.commitments import list_commitments_for_agreement
from app.services.meeting_parts import guest_to_contact, link_agreement, unlink_agreement
from app.services.meetings import (
    add_action_item,
    add_agenda_item,
    add_attendee,
    add_decision,
    carry_over,
    create_meeting,
    list_meetings,
    meeting_detail,
    remove_action_item,
    remove_agenda_item,
    remove_attendee,
    remove_decision,
    update_action_item,
    update_agenda_item,
    update_decision,
    update_meeting,
)
from app.services.opening import Database
from app.services.time_zones import HOME
from ui.actions import open_briefing
from ui.context import UiContext
from ui.formatting import format_date, format_meeting_time
from ui.i18n import tr
from ui.views.editor import RecordEditor
from ui.views.record_service import RecordFunctions
from ui.widgets.attachments import AttachmentsPanel
from ui.widgets.confirm import confirm
from ui.widgets.fields import (
    Bilingual,
    DateEdit,
    DateTimeEdit,
    EnumCombo,
    ZoneChooser,
    add_id_item,
    combo_id,
    line,
    select_id,
)
from ui.widgets.history import HistoryPanel
from ui.widgets.pickers import PickerButton, PickerDialog
from ui.widgets.related import FormDialog, RelatedTable, ServiceCall, one_line

MEETINGS = RecordFunctions(meeting_detail, create_meeting, update_meeting)


def _guest_mark(name: Shown, guest: str) -> Shown:
    """An attendee's name, "(guest)" after a guest's: not a contact (yet)."""
    return Shown(f"{name.text} ({guest})", name.lang, name.missing) if guest else name


class MeetingEditor(RecordEditor[MeetingDetail, MeetingInput]):
    kind = RecordKind.MEETING

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, MEETINGS, parent)
        f = self.form
        self.title = f.add_bilingual("title", tr("Meeting title"))
        self.title.changed.connect(self._update_buttons)
        # Typed and shown in the meeting's zone (Seoul unless it is held abroad).
        self.starts_at = DateTimeEdit(self.lang, zone=HOME)
        self.ends_at = DateTimeEdit(self.lang, zone=HOME)
        self.ends_at.day_source = self._start_day  # "16:00" alone ends on the day it starts
        self.ends_at.related = self._start_day
        f.add("starts_at", tr("Starts"), self.starts_at)
        f.add("ends_at", tr("Ends"), self.ends_at)
        self.time_zone = ZoneChooser(self.lang, self)
        f.add("time_zone", tr("Time zone"), self.time_zone)
        self.time_zone.zone_changed.connect(self._zone_changed)
        self.place = f.add_bilingual("place", tr("Place"))
        f.add("online_url", tr("Online link"), line(self, "https://"))
        self.summary = f.add_bilingual("summary", tr("Summary"), multiline=True)
        self.brief = {  # the pre-meeting brief's texts, Korean and English
            name: f.add_bilingual(name, noun, multiline=True) for name, noun in self.brief_labels()
        }
        self.briefing_button = self.add_header_button(tr("Briefing…"), self.briefing)
        self.agreement_refs: list[AgreementRef] = []

        self.attendees: RelatedTable[AttendeeView] = RelatedTable(
            [tr("Name"), tr("Organization"), tr("Title"), tr("Attended")], tr("Attendees"), self
        )
        self.attendees.add_button(tr("Add attendee…"), self.add_attendee)
        self.attendees.add_button(tr("Add guest…"), self.add_guest)
        self.make_contact_button = self.attendees.add_button(tr("Make a contact"), self.make_contact)
        self.make_contact_button.setToolTip(tr("Record the chosen guest as a contact"))
        self.make_contact_button.setEnabled(False)  # for a guest only
        self.attendees.add_button(tr("Remove…"), self.remove_attendee, needs_selection=True)
        self.attendees.activated.connect(self._open_attendee)
        self.attendees.table.itemSelectionChanged.connect(self._attendee_selected)
        self.tabs.addTab(self.attendees, tr("Attendees"))

        self.agenda: RelatedTable[AgendaItemView] = RelatedTable(
            [tr("#"), tr("Agenda item"), tr("Discussion")], tr("Agenda"), self
        )
        self.agenda.add_button(tr("Add agenda item…"), lambda: self._agenda_dialog(None))
        self.agenda.add_button(tr("Edit…"), self._edit_agenda, needs_selection=True)
        self.agenda.add_button(tr("Remove…"), self._remove_agenda, needs_selection=True)
        self.agenda.activated.connect(lambda _a: self._edit_agenda())
        self.tabs.addTab(self.agenda, tr("Agenda"))

        self.decisions: RelatedTable[DecisionView] = RelatedTable(
            [tr("#"), tr("Decision")], tr("Decisions"), self
        )
        self.decisions.add_button(tr("Add decision…"), lambda: self._decision_dialog(None))
        self.decisions.add_button(tr("Edit…"), self._edit_decision, needs_selection=True)
        self.decisions.add_button(tr("Remove…"), self._remove_decision, needs_selection=True)
        self.decisions.activated.connect(lambda _d: self._edit_decision())
        self.tabs.addTab(self.decisions, tr("Decisions"))

        self.actions_table: RelatedTable[ActionItemView] = RelatedTable(
            [tr("Action item"), tr("Owner"), tr("Due"), tr("Status"), tr("Commitment")],
            tr("Action items"),
            self,
        )
        self.actions_table.add_button(tr("Add action item…"), lambda: self._action_dialog(None))
        self.actions_table.add_button(tr("Edit…"), self._edit_action, needs_selection=True)
        self.actions_table.add_button(tr("Carry over…"), self._carry_over, needs_selection=True)
        self.actions_table.add_button(tr("Remove…"), self._remove_action, needs_selection=True)
        self.actions_table.activated.connect(lambda _a: self._edit_action())
        self.tabs.addTab(self.actions_table, tr("Action items"))

        self.agreements: RelatedTable[AgreementRef] = RelatedTable(
            [tr("Agreement"), tr("Status")], tr("Agreements"), self
        )
        self.agreements.add_button(tr("Link agreement…"), self.link_agreement)
        self.agreements.add_button(tr("Unlink"), self.unlink_agreement, needs_selection=True)
        self.agreements.add_button(tr("Open agreement"), self._open_agreement, needs_selection=True)
        self.agreements.activated.connect(lambda a: self.open_record.emit(RecordKind.AGREEMENT, a.id))
        self.tabs.addTab(self.agreements, tr("Agreements"))

        self.attachments = AttachmentsPanel(ctx, RecordKind.MEETING, self)
        self.attachments.on_changed = self.reload
        self.tabs.addTab(self.attachments, tr("Attachments"))
        self.history = HistoryPanel(ctx, RecordKind.MEETING, self)
        self.history.on_restored = self.reload
        self.history.form = self.form
        self.tabs.addTab(self.history, tr("History"))

    def _start_day(self) -> date | None:
        """The day the meeting starts, where it is held (an end typed as "16:00" is on it)."""
        start = self.starts_at.value()
        return None if start is None else self.starts_at.wall_clock(start).date()

    def _zone_changed(self, zone: str) -> None:
        # The times stay as typed: a meeting at 14:00 moved to Brussels is at 14:00 Brussels time.
        self.starts_at.set_zone(zone)
        self.ends_at.set_zone(zone)

    def set_related_enabled(self, enabled: bool) -> None:
        super().set_related_enabled(enabled)
        self.tabs.setTabEnabled(self.tabs.indexOf(self.agreements), True)

    # -- record -------------------------------------------------------------

    def new_title(self) -> str:
        return tr("New meeting")

    def title_of(self, detail: MeetingDetail) -> Shown:
        return shown(detail.record.title_ko, detail.record.title_en, self.lang)

    @staticmethod
    def brief_labels() -> list[tuple[str, str]]:
        """The pre-meeting brief's texts (one a line: "□ ", "○ ", "- " mark the levels in the brief)."""
        return [
            ("purpose", tr("Purpose")),
            ("issues", tr("Key issues")),
            ("talking_points", tr("Talking points")),
        ]

    def is_valid(self) -> bool:
        return self.title.filled()

    def required_hint(self) -> str:
        return tr("Enter the meeting title in Korean or in English.")

    def _pairs(self) -> list[tuple[str, Bilingual]]:
        pairs = [("title", self.title), ("place", self.place), ("summary", self.summary)]
        return pairs + list(self.brief.items())

    def clear(self) -> None:
        for _name, pair in self._pairs():
            pair.clear()
        self.form.set_text("online_url", "")
        self.time_zone.set_zone(HOME)
        self.starts_at.set_value(None)
        self.ends_at.set_value(None)
        self.agreement_refs = []
        self._show_agreements()
        for table in (self.attendees, self.agenda, self.decisions, self.actions_table):
            table.set_rows([], lambda _x: ())
        self.attachments.set_owner(None)
        self.history.tree.clear()
        self.briefing_button.setEnabled(False)

    def preset(self, **values: object) -> None:
        ref = values.get("agreement")
        if isinstance(ref, AgreementRef):
            self.agreement_refs = [ref]
            self._show_agreements()

    def _show_agreements(self) -> None:
        lang = self.lang
        self.agreements.set_rows(
            self.agreement_refs, lambda a: (shown(a.title_ko, a.title_en, lang), a.status.label(lang))
        )

    def fill(self, detail: MeetingDetail) -> None:
        r = detail.record
        lang = self.lang
        for name, pair in self._pairs():
            pair.set_values(getattr(r, f"{name}_ko"), getattr(r, f"{name}_en"))
        self.form.set_text("online_url", r.online_url)
        self.time_zone.set_zone(r.time_zone)  # before the times, which are shown in it
        self.starts_at.set_value(r.starts_at)
        self.ends_at.set_value(r.ends_at)
        self.agreement_refs = list(detail.agreements)
        self._show_agreements()
        guest = tr("guest")  # after a guest's name: not a contact (yet)
        self.attendees.set_rows(
            detail.attendees,
            lambda a: (
                _guest_mark(shown(a.contact_name_ko, a.contact_name_en, lang), guest if a.is_guest else ""),
                shown(a.organization_name_ko, a.organization_name_en, lang),
                shown(a.title_ko, a.title_en, lang),
                tr("Yes") if a.attended else tr("No"),
            ),
        )
        self._attendee_selected()
        self.agenda.set_rows(
            detail.agenda,
            lambda a: (
                a.position + 1,
                shown(a.title_ko, a.title_en, lang),
                one_line(shown(a.discussion_ko, a.discussion_en, lang)),
            ),
        )
        self.decisions.set_rows(
            detail.decisions, lambda d: (d.position + 1, one_line(shown(d.text_ko, d.text_en, lang)))
        )
        self.actions_table.set_rows(
            detail.action_items,
            lambda a: (
                shown(a.title_ko, a.title_en, lang),
                shown(a.owner_name_ko, a.owner_name_en, lang)
                if a.owner_name_ko or a.owner_name_en
                else shown(a.owner_organization_name_ko, a.owner_organization_name_en, lang),
                format_date(a.due_on, lang),
                a.status.label(lang),
                shown(a.commitment_title_ko, a.commitment_title_en, lang),
            ),
            alert=lambda a: a.overdue,
            muted=lambda a: a.status != ActionStatus.OPEN,
        )
        self.attachments.set_owner(r.id, detail.attachments)
        self.history.show_for(r.id, r.version)
        self.briefing_button.setEnabled(True)

    def collect(self) -> MeetingInput:
        title_ko, title_en = self.title.values()
        place_ko, place_en = self.place.values()
        summary_ko, summary_en = self.summary.values()
        purpose_ko, purpose_en = self.brief["purpose"].values()
        issues_ko, issues_en = self.brief["issues"].values()
        points_ko, points_en = self.brief["talking_points"].values()
        return MeetingInput(
            title_ko=title_ko,
            title_en=title_en,
            starts_at=self.starts_at.value(),
            ends_at=self.ends_at.value(),
            time_zone=self.time_zone.zone(),
            place_ko=place_ko,
            place_en=place_en,
            online_url=self.form.text("online_url"),
            summary_ko=summary_ko,
            summary_en=summary_en,
            agreement_ids=tuple(a.id for a in self.agreement_refs),
            purpose_ko=purpose_ko,
            purpose_en=purpose_en,
            issues_ko=issues_ko,
            issues_en=issues_en,
            talking_points_ko=points_ko,
            talking_points_en=points_en,
        )

    def briefing(self) -> None:
        if self.ident is not None:
            open_briefing(self.ctx, RecordKind.MEETING, self.ident, self, self.heading.text())

    # -- linked agreements (saved at once, like the other related tables) ---------

    def link_agreement(self) -> None:
        dialog = PickerDialog(self.ctx, RecordKind.AGREEMENT, tr("Link agreement"), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        rows = dialog.table.selectionModel().selectedRows()
        record = dialog.model.item(rows[0].row()) if rows else None
        if not isinstance(record, AgreementSummary) or any(a.id == record.id for a in self.agreement_refs):
            return
        ref = AgreementRef(record.id, record.title_ko, record.title_en, record.status)
        if self.ident is None:  # a new meeting: linked when it is first saved
            self.agreement_refs.append(ref)
            self._show_agreements()
            self.set_dirty(True)
            return
        # A saved meeting: linked at once, like its attendees (the form's edits stay as they are).
        self.ctx.runner.run(
            link_agreement,
            self.ctx.database,
            self.ident,
            record.id,
            on_done=lambda _ids: self._linked([*self.agreement_refs, ref]),
            on_error=self._child_failed,
        )

    def _linked(self, refs: list[AgreementRef]) -> None:
        self.agreement_refs = refs
        self._show_agreements()

    def unlink_agreement(self) -> None:
        item = self.agreements.current()
        if item is None:
            return
        rest = [a for a in self.agreement_refs if a.id != item.id]
        if self.ident is None:
            self.agreement_refs = rest
            self._show_agreements()
            self.set_dirty(True)
            return
        self.ctx.runner.run(
            unlink_agreement,
            self.ctx.database,
            self.ident,
            item.id,
            on_done=lambda _ids: self._linked(rest),
            on_error=self._child_failed,
        )

    def _open_agreement(self) -> None:
        item = self.agreements.current()
        if item is not None:
            self.open_record.emit(RecordKind.AGREEMENT, item.id)

    # -- attendees ------------------------------------------------------------

    def add_attendee(self) -> None:
        if self.ident is None:
            return
        dialog = PickerDialog(self.ctx, RecordKind.CONTACT, tr("Add attendee"), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.chosen()
            if chosen is not None:
                self.run_and_reload(add_attendee, self.ident, AttendeeInput(contact_id=chosen[0]))

    def add_guest(self) -> None:
        """Someone at the meeting who is not a contact: name, organization and title as text."""
        if self.ident is None:
            return
        dialog = FormDialog(self.ctx, tr("Guest"), self)
        f = dialog.form
        name = f.add_bilingual("guest_name", tr("Name"))
        organization = f.add_bilingual("guest_organization", tr("Organization"))
        title = f.add_bilingual("title", tr("Title"))
        title.offer_english()
        dialog.required = name.filled

        def save() -> ServiceCall:
            name_ko, name_en = name.values()
            organization_ko, organization_en = organization.values()
            title_ko, title_en = title.values()
            data = AttendeeInput(
                guest_name_ko=name_ko,
                guest_name_en=name_en,
                guest_organization_ko=organization_ko,
                guest_organization_en=organization_en,
                title_ko=title_ko,
                title_en=title_en,
            )
            return add_attendee, (self.ident, data)

        if dialog.run(save):
            self.reload()

    def make_contact(self) -> None:
        """Turn the chosen guest into a contact (with a position at their organization, if known)."""
        item = self.attendees.current()
        if item is not None and item.is_guest:
            self.run_and_reload(guest_to_contact, item.id)

    def _attendee_selected(self) -> None:
        item = self.attendees.current()
        self.make_contact_button.setEnabled(item is not None and item.is_guest)

    def _open_attendee(self, item: AttendeeView) -> None:
        if item.contact_id is not None:
            self.open_record.emit(RecordKind.CONTACT, item.contact_id)

    def remove_attendee(self) -> None:
        item = self.attendees.current()
        if item is not None and confirm(
            self,
            tr("Remove attendee"),
            tr("Remove {name} from the attendees?").format(
                name=display_name(item.contact_name_ko, item.contact_name_en, self.lang)
            ),
            tr("Remove"),
        ):
            self.run_and_reload(remove_attendee, item.id)

    # -- agenda and decisions ---------------------------------------------------

    def _agenda_dialog(self, item: AgendaItemView | None) -> None:
        if self.ident is None:
            return
        dialog = FormDialog(self.ctx, tr("Agenda item"), self)
        f = dialog.form
        title = f.add_bilingual("title", tr("Agenda item"))
        discussion = f.add_bilingual("discussion", tr("Discussion"), multiline=True, height=110)
        if item is not None:
            title.set_values(item.title_ko, item.title_en)
            discussion.set_values(item.discussion_ko, item.discussion_en)
        dialog.required = title.filled

        def save() -> ServiceCall:
            title_ko, title_en = title.values()
            discussion_ko, discussion_en = discussion.values()
            data = AgendaItemInput(
                title_ko=title_ko, title_en=title_en, discussion_ko=discussion_ko, discussion_en=discussion_en
            )
            if item is None:
                return add_agenda_item, (self.ident, data)
            return update_agenda_item, (item.id, data, item.version)

        if dialog.run(save):
            self.reload()

    def _edit_agenda(self) -> None:
        item = self.agenda.current()
        if item is not None:
            self._agenda_dialog(item)

    def _remove_agenda(self) -> None:
        item = self.agenda.current()
        if item is not None and confirm(
            self,
            tr("Remove agenda item"),
            tr("Remove “{title}”?").format(title=item.title(self.lang)),
            tr("Remove"),
        ):
            self.run_and_reload(remove_agenda_item, item.id)

    def _decision_dialog(self, item: DecisionView | None) -> None:
        if self.ident is None:
            return
        dialog = FormDialog(self.ctx, tr("Decision"), self)
        f = dialog.form
        text = f.add_bilingual("text", tr("Decision"), multiline=True, height=100)
        if item is not None:
            text.set_values(item.text_ko, item.text_en)
        dialog.required = text.filled

        def save() -> ServiceCall:
            data = DecisionInput(*text.values())
            if item is None:
                return add_decision, (self.ident, data)
            return update_decision, (item.id, data, item.version)

        if dialog.run(save):
            self.reload()

    def _edit_decision(self) -> None:
        item = self.decisions.current()
        if item is not None:
            self._decision_dialog(item)

    def _remove_decision(self) -> None:
        item = self.decisions.current()
        if item is not None and confirm(
            self, tr("Remove decision"), tr("Remove this decision?"), tr("Remove")
        ):
            self.run_and_reload(remove_decision, item.id)

    # -- action items -----------------------------------------------------------

    def _action_dialog(self, item: ActionItemView | None) -> None:
        if self.ident is None:
            return
        lang = self.lang
        dialog = FormDialog(self.ctx, tr("Action item"), self)
        f = dialog.form
        title = f.add_bilingual("title", tr("Action item"))
        owner = PickerButton(self.ctx, RecordKind.CONTACT, tr("Choose owner"), dialog)
        f.add("owner_contact_id", tr("Owner"), owner)
        owner_org = PickerButton(self.ctx, RecordKind.ORGANIZATION, tr("Choose organization"), dialog)
        f.add("owner_organization_id", tr("Owner organization"), owner_org)
        due = DateEdit(lang)
        f.add("due_on", tr("Due"), due)
        status = EnumCombo(ActionStatus, lang)
        f.add("status", tr("Status"), status)
        commitment = QComboBox(dialog)
        add_id_item(commitment, tr("(none)"), None)
        f.add("commitment_id", tr("Commitment"), commitment)

        def load_commitments(db: Database) -> list[CommitmentView]:
            out: list[CommitmentView] = []
            for ref in self.agreement_refs:
                out.extend(list_commitments_for_agreement(db, ref.id))
            return out

        def fill_commitments(items: list[CommitmentView]) -> None:
            for c in items:
                name = shown(c.title_ko, c.title_en, lang)
                party = display_name(c.organization_name_ko, c.organization_name_en, lang)
                label = Shown(f"{name.text} ({party})", name.lang, name.missing) if party else name
                add_id_item(commitment, label, c.id)
            if item is not None and item.commitment_id:
                select_id(commitment, item.commitment_id)

        self.ctx.runner.run(load_commitments, self.ctx.database, on_done=fill_commitments)
        if item is not None:
            title.set_values(item.title_ko, item.title_en)
            if item.owner_contact_id:
                owner.set_value(
                    item.owner_contact_id, display_name(item.owner_name_ko, item.owner_name_en, lang)
                )
            if item.owner_organization_id:
                owner_org.set_value(
                    item.owner_organization_id,
                    display_name(item.owner_organization_name_ko, item.owner_organization_name_en, lang),
                )
            due.set_value(item.due_on)
            status.set_value(item.status)
        dialog.required = title.filled

        def save() -> ServiceCall:
            title_ko, title_en = title.values()
            data = ActionItemInput(
                title_ko=title_ko,
                title_en=title_en,
                owner_contact_id=owner.value(),
                owner_organization_id=owner_org.value(),
                due_on=due.value(),
                status=status.member(),
                commitment_id=combo_id(commitment),
            )
            if item is None:
                return add_action_item, (self.ident, data)
            return update_action_item, (item.id, data, item.version)

        if dialog.run(save):
            self.reload()

    def _edit_action(self) -> None:
        item = self.actions_table.current()
        if item is not None:
            self._action_dialog(item)

    def _remove_action(self) -> None:
        item = self.actions_table.current()
        if item is not None and confirm(
            self,
            tr("Remove action item"),
            tr("Remove “{title}”?").format(title=item.title(self.lang)),
            tr("Remove"),
        ):
            self.run_and_reload(remove_action_item, item.id)

    def _carry_over(self) -> None:
        item = self.actions_table.current()
        if item is None or self.detail is None:
            return
        starts = self.detail.record.starts_at
        if starts is None:
            self._carry_over_to_chosen(item)
            return
        query = MeetingQuery(starts_from=starts, sort="starts_at", descending=False, limit=2)

        def offer(found: list[MeetingSummary]) -> None:
            later = [m for m in found if m.id != self.ident]
            if not later:
                self._carry_over_to_chosen(item)
                return
            nxt = later[0]
            box = QMessageBox(self)
            box.setWindowTitle(tr("Carry over"))
            box.setText(tr("Carry “{title}” over to the next meeting?").format(title=item.title(self.lang)))
            when = format_meeting_time(nxt.starts_at, nxt.time_zone, self.lang)
            box.setInformativeText(f"{when}  {nxt.title(self.lang)}")
            to_next = box.addButton(tr("Carry over"), QMessageBox.ButtonRole.AcceptRole)
            other = box.addButton(tr("Choose another meeting…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(to_next)
            box.exec()
            if box.clickedButton() is to_next:
                self.run_and_reload(carry_over, item.id, nxt.id)
            elif box.clickedButton() is other:
                self._carry_over_to_chosen(item)

        self.ctx.runner.run(list_meetings, self.ctx.database, query, on_done=offer)

    def _carry_over_to_chosen(self, item: ActionItemView) -> None:
        dialog = PickerDialog(self.ctx, RecordKind.MEETING, tr("Carry over to which meeting?"), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.chosen()
            if chosen is not None:
                self.run_and_reload(carry_over, item.id, chosen[0])
