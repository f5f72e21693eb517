"""An organization: its fields, people (current and former), agreements and meetings."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.dto import (
    AgreementSummary,
    MeetingSummary,
    MembershipView,
    OrganizationDetail,
    OrganizationInput,
    Shown,
    shown,
)
from app.enums import OrgKind, RecordKind
from app.services.organizations import create_organization, organization_detail, update_organization
from ui.actions import open_briefing
from ui.context import UiContext
from ui.formatting import format_date, format_meeting_time
from ui.i18n import tr
from ui.views.editor import RecordEditor
from ui.views.record_service import RecordFunctions
from ui.widgets.attachments import AttachmentsPanel
from ui.widgets.fields import EnumCombo, line, text_area
from ui.widgets.history import HistoryPanel
from ui.widgets.related import RelatedTable

ORGANIZATIONS = RecordFunctions(organization_detail, create_organization, update_organization)


class OrganizationEditor(RecordEditor[OrganizationDetail, OrganizationInput]):
    kind = RecordKind.ORGANIZATION

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ORGANIZATIONS, parent)
        f = self.form
        self.name = f.add_bilingual("name", tr("Name"))
        self.name_ko, self.name_en = self.name.ko, self.name.en
        f.add("short_name", tr("Short name"), line(self))
        self.org_kind = EnumCombo(OrgKind, self.lang)
        f.add("org_kind", tr("Kind"), self.org_kind)
        f.add("country", tr("Country"), line(self, "KR"))
        f.add("website", tr("Website"), line(self, "https://"))
        f.add("notes", tr("Notes"), text_area(self))
        self.name.changed.connect(self._update_buttons)
        self.briefing_button = self.add_header_button(tr("Briefing…"), self.briefing)

        self.people: RelatedTable[MembershipView] = RelatedTable(
            [tr("Name"), tr("Title"), tr("Department"), tr("From"), tr("To"), tr("Status")],
            tr("People"),
            self,
        )
        self.people.activated.connect(lambda m: self.open_record.emit(RecordKind.CONTACT, m.contact_id))
        self.people.add_button(tr("Open contact"), self._open_person, needs_selection=True)
        self.tabs.addTab(self.people, tr("People"))
        self.agreements: RelatedTable[AgreementSummary] = RelatedTable(
            [tr("Agreement"), tr("Status"), tr("Signed"), tr("Expires")], tr("Agreements"), self
        )
        self.agreements.activated.connect(lambda a: self.open_record.emit(RecordKind.AGREEMENT, a.id))
        self.agreements.add_button(tr("Open agreement"), self._open_agreement, needs_selection=True)
        self.tabs.addTab(self.agreements, tr("Agreements"))
        self.meetings: RelatedTable[MeetingSummary] = RelatedTable(
            [tr("Date"), tr("Meeting"), tr("Place")], tr("Meetings"), self
        )
        self.meetings.activated.connect(lambda m: self.open_record.emit(RecordKind.MEETING, m.id))
        self.tabs.addTab(self.meetings, tr("Meetings"))
        self.attachments = AttachmentsPanel(ctx, RecordKind.ORGANIZATION, self)
        self.attachments.on_changed = self.reload
        self.tabs.addTab(self.attachments, tr("Attachments"))
        self.history = HistoryPanel(ctx, RecordKind.ORGANIZATION, self)
        self.history.on_restored = self.reload
        self.history.form = self.form
        self.tabs.addTab(self.history, tr("History"))

    def _open_person(self) -> None:
        m = self.people.current()
        if m is not None:
            self.open_record.emit(RecordKind.CONTACT, m.contact_id)

    def _open_agreement(self) -> None:
        a = self.agreements.current()
        if a is not None:
            self.open_record.emit(RecordKind.AGREEMENT, a.id)

    def new_title(self) -> str:
        return tr("New organization")

    def title_of(self, detail: OrganizationDetail) -> Shown:
        return shown(detail.record.name_ko, detail.record.name_en, self.lang)

    def is_valid(self) -> bool:
        return self.name.filled()

    def required_hint(self) -> str:
        return tr("Enter the name in Korean or in English.")  # either is enough: neither label has a *

    def clear(self) -> None:
        self.name.clear()
        for name in ("short_name", "website", "notes"):
            self.form.set_text(name, "")
        self.form.set_text("country", "KR")
        self.org_kind.set_value(OrgKind.COMPANY)
        for table in (self.people, self.agreements, self.meetings):
            table.set_rows([], lambda _x: ())
        self.attachments.set_owner(None)
        self.history.tree.clear()
        self.briefing_button.setEnabled(False)

    def fill(self, detail: OrganizationDetail) -> None:
        r = detail.record
        lang = self.lang
        self.name.set_values(r.name_ko, r.name_en)
        for name in ("short_name", "country", "website", "notes"):
            self.form.set_text(name, getattr(r, name))
        self.org_kind.set_value(r.org_kind)
        self.people.set_rows(
            detail.people,
            lambda m: (
                shown(m.contact_name_ko, m.contact_name_en, lang),
                shown(m.title_ko, m.title_en, lang),
                shown(m.department_ko, m.department_en, lang),
                format_date(m.started_on, lang),
                format_date(m.ended_on, lang),
                tr("Current") if m.current else tr("Former"),
            ),
            muted=lambda m: not m.current,
        )
        self.agreements.set_rows(
            detail.agreements,
            lambda a: (
                shown(a.title_ko, a.title_en, lang),
                a.status.label(lang),
                format_date(a.signed_on, lang),
                format_date(a.expires_on, lang),
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

    def collect(self) -> OrganizationInput:
        t = self.form.text
        name_ko, name_en = self.name.values()
        return OrganizationInput(
            name_ko=name_ko,
            name_en=name_en,
            short_name=t("short_name"),
            org_kind=self.org_kind.member(),
            country=t("country"),
            website=t("website"),
            notes=t("notes"),
        )

    def briefing(self) -> None:
        if self.ident is not None:
            open_briefing(self.ctx, RecordKind.ORGANIZATION, self.ident, self, self.heading.text())
