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
    DecisionView,
    MeetingDetail,
    MeetingInput,
    MeetingQuery,
    MeetingSummary,
    display_name,
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
from ui.actions import open_briefing
from ui.context import UiContext
from ui.formatting import format_date, format_datetime
from ui.i18n import tr
from ui.views.editor import RecordEditor
from ui.views.record_service import RecordFunctions
from ui.widgets.attachments import AttachmentsPanel
from ui.widgets.confirm import confirm
from ui.widgets.fields import (
    DateEdit,
    DateTimeEdit,
    EnumCombo,
    add_id_item,
    combo_id,
    line,
    select_id,
    text_area,
)
from ui.widgets.history import HistoryPanel
from ui.widgets.pickers import PickerButton, PickerDialog
from ui.widgets.related import FormDialog, RelatedTable, ServiceCall

MEETINGS = RecordFunctions(meeting_detail, create_meeting, update_meeting)


# The pre-meeting brief's texts (one a line: "□ ", "○ ", "- " mark the levels in the brief).
BRIEF_TEXTS = ("purpose_ko", "purpose_en", "issues_ko", "issues_en", "talking_points_ko", "talking_points_en")


class MeetingEditor(RecordEditor[MeetingDetail, MeetingInput]):
    kind = RecordKind.MEETING

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, MEETINGS, parent)
        f = self.form
        self.title = line(self)
        f.add("title", tr("Meeting *"), self.title)
        self.title.textChanged.connect(lambda _t: self._update_buttons())
        self.starts_at = DateTimeEdit(self.lang)
        self.ends_at = DateTimeEdit(self.lang)
        self.ends_at.day_source = self._start_day  # "16:00" alone ends on the day it starts
        self.ends_at.related = self._start_day
        f.add("starts_at", tr("Starts"), self.starts_at)
        f.add("ends_at", tr("Ends"), self.ends_at)
        f.add("place", tr("Place"), line(self))
        f.add("online_url", tr("Online link"), line(self, "https://"))
        f.add("summary", tr("Summary"), text_area(self))
        for name, label in self.brief_labels():  # the pre-meeting brief's texts, Korean and English
            f.add(name, label, text_area(self))
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
        start = self.starts_at.value()
        return None if start is None else start.date()

    def set_related_enabled(self, enabled: bool) -> None:
        super().set_related_enabled(enabled)
        self.tabs.setTabEnabled(self.tabs.indexOf(self.agreements), True)

    # -- record -------------------------------------------------------------

    def new_title(self) -> str:
        return tr("New meeting")

    def title_of(self, detail: MeetingDetail) -> str:
        return detail.record.title

    @staticmethod
    def brief_labels() -> list[tuple[str, str]]:
        return [
            ("purpose_ko", tr("Purpose (Korean)")),
            ("purpose_en", tr("Purpose (English)")),
            ("issues_ko", tr("Key issues (Korean)")),
            ("issues_en", tr("Key issues (English)")),
            ("talking_points_ko", tr("Talking points (Korean)")),
            ("talking_points_en", tr("Talking points (English)")),
        ]

    def is_valid(self) -> bool:
        return bool(self.title.text().strip())

    def clear(self) -> None:
        for name in ("title", "place", "online_url", "summary", *BRIEF_TEXTS):
            self.form.set_text(name, "")
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
            self.agreement_refs, lambda a: (display_name(a.title_ko, a.title_en, lang), a.status.label(lang))
        )

    def fill(self, detail: MeetingDetail) -> None:
        r = detail.record
        lang = self.lang
        for name in ("title", "place", "online_url", "summary", *BRIEF_TEXTS):
            self.form.set_text(name, getattr(r, name))
        self.starts_at.set_value(r.starts_at)
        self.ends_at.set_value(r.ends_at)
        self.agreement_refs = list(detail.agreements)
        self._show_agreements()
        guest = tr("guest")  # after a guest's name: not a contact (yet)
        self.attendees.set_rows(
            detail.attendees,
            lambda a: (
                display_name(a.contact_name_ko, a.contact_name_en, lang)
                + (f" ({guest})" if a.is_guest else ""),
                display_name(a.organization_name_ko, a.organization_name_en, lang),
                a.title,
                tr("Yes") if a.attended else tr("No"),
            ),
        )
        self._attendee_selected()
        self.agenda.set_rows(
            detail.agenda, lambda a: (a.position + 1, a.title, a.discussion.replace("\n", " "))
        )
        self.decisions.set_rows(detail.decisions, lambda d: (d.position + 1, d.text.replace("\n", " ")))
        self.actions_table.set_rows(
            detail.action_items,
            lambda a: (
                a.title,
                display_name(a.owner_name_ko, a.owner_name_en, lang)
                or display_name(a.owner_organization_name_ko, a.owner_organization_name_en, lang),
                format_date(a.due_on, lang),
                a.status.label(lang),
                a.commitment_title,
            ),
            alert=lambda a: a.overdue,
            muted=lambda a: a.status != ActionStatus.OPEN,
        )
        self.attachments.set_owner(r.id, detail.attachments)
        self.history.show_for(r.id, r.version)
        self.briefing_button.setEnabled(True)

    def collect(self) -> MeetingInput:
        t = self.form.text
        return MeetingInput(
            title=t("title"),
            starts_at=self.starts_at.value(),
            ends_at=self.ends_at.value(),
            place=t("place"),
            online_url=t("online_url"),
            summary=t("summary"),
            agreement_ids=tuple(a.id for a in self.agreement_refs),
            **{name: t(name) for name in BRIEF_TEXTS},
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
        name = f.add("guest_name", tr("Name *"), line(dialog))
        f.add("guest_organization", tr("Organization"), line(dialog))
        f.add("title", tr("Title"), line(dialog))
        dialog.required = lambda: bool(name.text().strip())

        def save() -> ServiceCall:
            data = AttendeeInput(
                guest_name=f.text("guest_name"),
                guest_organization=f.text("guest_organization"),
                title=f.text("title"),
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
        title = line(dialog)
        f.add("title", tr("Agenda item *"), title)
        f.add("discussion", tr("Discussion"), text_area(dialog, 140))
        if item is not None:
            f.set_text("title", item.title)
            f.set_text("discussion", item.discussion)
        dialog.required = lambda: bool(title.text().strip())

        def save() -> ServiceCall:
            data = AgendaItemInput(title=f.text("title"), discussion=f.text("discussion"))
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
            self, tr("Remove agenda item"), tr("Remove “{title}”?").format(title=item.title), tr("Remove")
        ):
            self.run_and_reload(remove_agenda_item, item.id)

    def _decision_dialog(self, item: DecisionView | None) -> None:
        if self.ident is None:
            return
        dialog = FormDialog(self.ctx, tr("Decision"), self)
        f = dialog.form
        text = text_area(dialog, 120)
        f.add("text", tr("Decision *"), text)
        if item is not None:
            f.set_text("text", item.text)
        dialog.required = lambda: bool(text.toPlainText().strip())

        def save() -> ServiceCall:
            if item is None:
                return add_decision, (self.ident, f.text("text"))
            return update_decision, (item.id, f.text("text"), item.version)

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
        title = line(dialog)
        f.add("title", tr("Action item *"), title)
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
                party = display_name(c.organization_name_ko, c.organization_name_en, lang)
                add_id_item(commitment, f"{c.title} ({party})" if party else c.title, c.id)
            if item is not None and item.commitment_id:
                select_id(commitment, item.commitment_id)

        self.ctx.runner.run(load_commitments, self.ctx.database, on_done=fill_commitments)
        if item is not None:
            f.set_text("title", item.title)
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
        dialog.required = lambda: bool(title.text().strip())

        def save() -> ServiceCall:
            data = ActionItemInput(
                title=f.text("title"),
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
            self, tr("Remove action item"), tr("Remove “{title}”?").format(title=item.title), tr("Remove")
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
            box.setText(tr("Carry “{title}” over to the next meeting?").format(title=item.title))
            box.setInformativeText(f"{format_datetime(nxt.starts_at, self.lang)}  {nxt.title}")
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
