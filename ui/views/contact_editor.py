"""A contact: name and details, positions over time, meetings attended, action items."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.dto import (
    ActionItemView,
    ContactDetail,
    ContactInput,
    MeetingSummary,
    MembershipInput,
    MembershipView,
    Shown,
    shown,
)
from app.enums import RecordKind
from app.services.contacts import (
    add_membership,
    contact_detail,
    create_contact,
    end_membership,
    remove_membership,
    update_contact,
    update_membership,
)
from ui.context import UiContext
from ui.formatting import format_date, format_meeting_time
from ui.i18n import tr
from ui.views.editor import RecordEditor
from ui.views.record_service import RecordFunctions
from ui.widgets.attachments import AttachmentsPanel
from ui.widgets.confirm import confirm
from ui.widgets.fields import DateEdit, line, text_area
from ui.widgets.history import HistoryPanel
from ui.widgets.pickers import PickerButton
from ui.widgets.related import FormDialog, RelatedTable, ServiceCall

CONTACTS = RecordFunctions(contact_detail, create_contact, update_contact)


class ContactEditor(RecordEditor[ContactDetail, ContactInput]):
    kind = RecordKind.CONTACT

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, CONTACTS, parent)
        f = self.form
        self.name = f.add_bilingual("name", tr("Name"))
        self.name_ko, self.name_en = self.name.ko, self.name.en
        f.add("email", tr("Email"), line(self, "name@example.go.kr"))
        f.add("phone", tr("Phone"), line(self))
        f.add("mobile", tr("Mobile"), line(self))
        f.add("notes", tr("Notes"), text_area(self))
        self.name.changed.connect(self._update_buttons)

        self.positions: RelatedTable[MembershipView] = RelatedTable(
            [tr("Organization"), tr("Title"), tr("Department"), tr("From"), tr("To")], tr("Positions"), self
        )
        self.positions.add_button(tr("Add position…"), lambda: self._position_dialog(None))
        self.positions.add_button(tr("Edit…"), self._edit_position, needs_selection=True)
        self.positions.add_button(tr("End today"), self._end_position, needs_selection=True)
        self.positions.add_button(tr("Remove…"), self._remove_position, needs_selection=True)
        self.positions.add_button(tr("Open organization"), self._open_org, needs_selection=True)
        self.positions.activated.connect(lambda _m: self._edit_position())
        self.tabs.addTab(self.positions, tr("Positions"))
        self.meetings: RelatedTable[MeetingSummary] = RelatedTable(
            [tr("Date"), tr("Meeting"), tr("Place")], tr("Meetings"), self
        )
        self.meetings.activated.connect(lambda m: self.open_record.emit(RecordKind.MEETING, m.id))
        self.tabs.addTab(self.meetings, tr("Meetings"))
        self.actions_table: RelatedTable[ActionItemView] = RelatedTable(
            [tr("Action item"), tr("Due"), tr("Status"), tr("Meeting")], tr("Action items"), self
        )
        self.actions_table.activated.connect(
            lambda a: self.open_record.emit(RecordKind.MEETING, a.meeting_id)
        )
        self.tabs.addTab(self.actions_table, tr("Action items"))
        self.attachments = AttachmentsPanel(ctx, RecordKind.CONTACT, self)
        self.attachments.on_changed = self.reload
        self.tabs.addTab(self.attachments, tr("Attachments"))
        self.history = HistoryPanel(ctx, RecordKind.CONTACT, self)
        self.history.on_restored = self.reload
        self.history.form = self.form
        self.tabs.addTab(self.history, tr("History"))

    def new_title(self) -> str:
        return tr("New contact")

    def title_of(self, detail: ContactDetail) -> Shown:
        return shown(detail.record.name_ko, detail.record.name_en, self.lang)

    def is_valid(self) -> bool:
        return self.name.filled()

    def required_hint(self) -> str:
        return tr("Enter the name in Korean or in English.")  # either is enough: neither label has a *

    def clear(self) -> None:
        self.name.clear()
        for name in ("email", "phone", "mobile", "notes"):
            self.form.set_text(name, "")
        for table in (self.positions, self.meetings, self.actions_table):
            table.set_rows([], lambda _x: ())
        self.attachments.set_owner(None)
        self.history.tree.clear()

    def fill(self, detail: ContactDetail) -> None:
        r = detail.record
        lang = self.lang
        self.name.set_values(r.name_ko, r.name_en)
        for name in ("email", "phone", "mobile", "notes"):
            self.form.set_text(name, getattr(r, name))
        self.positions.set_rows(
            detail.memberships,
            lambda m: (
                shown(m.organization_name_ko, m.organization_name_en, lang),
                shown(m.title_ko, m.title_en, lang),
                shown(m.department_ko, m.department_en, lang),
                format_date(m.started_on, lang),
                format_date(m.ended_on, lang) or tr("(current)"),
            ),
            muted=lambda m: not m.current,
        )
        self.meetings.set_rows(
            detail.meetings,
            lambda m: (
                format_meeting_time(m.starts_at, m.time_zone, lang),
                shown(m.title_ko, m.title_en, lang),
                shown(m.place_ko, m.place_en, lang),
            ),
        )
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
        self.attachments.set_owner(r.id, detail.attachments)
        self.history.show_for(r.id, r.version)

    def collect(self) -> ContactInput:
        t = self.form.text
        name_ko, name_en = self.name.values()
        return ContactInput(
            name_ko=name_ko,
            name_en=name_en,
            email=t("email"),
            phone=t("phone"),
            mobile=t("mobile"),
            notes=t("notes"),
        )

    # -- positions ------------------------------------------------------------

    def _position_dialog(self, item: MembershipView | None) -> None:
        if self.ident is None:
            return
        lang = self.lang
        dialog = FormDialog(self.ctx, tr("Position"), self)
        f = dialog.form
        org = PickerButton(
            self.ctx, RecordKind.ORGANIZATION, tr("Choose organization"), dialog, optional=False
        )
        f.add("organization_id", tr("Organization *"), org)
        title = f.add_bilingual("title", tr("Title"))
        offer = title.offer_english()
        department = f.add_bilingual("department", tr("Department"))
        started = DateEdit(lang)
        ended = DateEdit(lang)
        f.add("started_on", tr("From"), started)
        f.add("ended_on", tr("To"), ended)
        org.changed.connect(lambda: offer.follow_organization(self.ctx, org.value()))
        if item is not None:
            org.set_value(
                item.organization_id, str(shown(item.organization_name_ko, item.organization_name_en, lang))
            )
            title.set_values(item.title_ko, item.title_en)
            department.set_values(item.department_ko, item.department_en)
            started.set_value(item.started_on)
            ended.set_value(item.ended_on)
        dialog.required = lambda: org.value() is not None

        def save() -> ServiceCall:
            org_id = org.value()
            assert org_id is not None and self.ident is not None
            title_ko, title_en = title.values()
            department_ko, department_en = department.values()
            data = MembershipInput(
                contact_id=self.ident,
                organization_id=org_id,
                title_ko=title_ko,
                title_en=title_en,
                department_ko=department_ko,
                department_en=department_en,
                started_on=started.value(),
                ended_on=ended.value(),
            )
            if item is None:
                return add_membership, (data,)
            return update_membership, (item.id, data, item.version)

        if dialog.run(save):
            self.reload()

    def _edit_position(self) -> None:
        item = self.positions.current()
        if item is not None:
            self._position_dialog(item)

    def _end_position(self) -> None:
        item = self.positions.current()
        if item is not None:
            self.run_and_reload(end_membership, item.id)

    def _remove_position(self) -> None:
        item = self.positions.current()
        if item is not None and confirm(
            self,
            tr("Remove position"),
            tr("Remove this position? To record that the person left, use “End today” instead."),
            tr("Remove"),
        ):
            self.run_and_reload(remove_membership, item.id)

    def _open_org(self) -> None:
        item = self.positions.current()
        if item is not None:
            self.open_record.emit(RecordKind.ORGANIZATION, item.organization_id)
