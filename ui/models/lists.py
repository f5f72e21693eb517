"""The five record lists: their columns, services and default queries."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeAlias
from uuid import UUID

from PySide6.QtCore import QObject

from app.dto import (
    AgreementQuery,
    AgreementSummary,
    CommitmentQuery,
    CommitmentView,
    ContactQuery,
    ContactSummary,
    MeetingQuery,
    MeetingSummary,
    OrganizationQuery,
    OrganizationRecord,
    shown,
)
from app.enums import RecordKind
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.installation import Language
from app.services.opening import Database
from ui.context import UiContext
from ui.formatting import format_date, format_meeting_time
from ui.i18n import tr
from ui.models.lazy import PAGE_SIZE, Column, LazyTableModel, QueryT, RowT


@dataclass(frozen=True)
class ListSpec(Generic[RowT, QueryT]):
    """One list, all about one kind of row: the services that read it (``ids_fn``, the ordered
    ids of a query, and ``rows_fn``, rows by id: a :class:`ui.models.lazy.ListService`), its
    first query and its columns."""

    kind: str
    ids_fn: Callable[[Database, QueryT], bytes]
    rows_fn: Callable[[Database, Sequence[UUID]], list[RowT]]
    query: QueryT
    columns: list[Column[RowT]]

    def model(
        self,
        ctx: UiContext,
        parent: QObject | None = None,
        filters: Mapping[str, object] | None = None,
        page_size: int = PAGE_SIZE,
    ) -> LazyTableModel[RowT, QueryT]:
        """A lazy model of this list, its first query narrowed by ``filters`` (field values by name)."""
        query = dataclasses.replace(self.query, **filters) if filters else self.query
        return LazyTableModel(ctx, self.columns, self, query, parent, page_size)


# The lists told apart by their kind at run time: one of five, each typed through.
ListRow: TypeAlias = AgreementSummary | OrganizationRecord | ContactSummary | MeetingSummary | CommitmentView
AnyListSpec: TypeAlias = (
    ListSpec[AgreementSummary, AgreementQuery]
    | ListSpec[OrganizationRecord, OrganizationQuery]
    | ListSpec[ContactSummary, ContactQuery]
    | ListSpec[MeetingSummary, MeetingQuery]
    | ListSpec[CommitmentView, CommitmentQuery]
)
ListModel: TypeAlias = (
    LazyTableModel[AgreementSummary, AgreementQuery]
    | LazyTableModel[OrganizationRecord, OrganizationQuery]
    | LazyTableModel[ContactSummary, ContactQuery]
    | LazyTableModel[MeetingSummary, MeetingQuery]
    | LazyTableModel[CommitmentView, CommitmentQuery]
)


# What each list's rows show, by record kind (``app.services.changes`` names a write by the
# record it belongs to): a write of any of these kinds refreshes the list.
SHOWS: dict[RecordKind, frozenset[RecordKind]] = {
    RecordKind.AGREEMENT: frozenset({RecordKind.AGREEMENT, RecordKind.ORGANIZATION}),
    RecordKind.ORGANIZATION: frozenset({RecordKind.ORGANIZATION}),
    RecordKind.CONTACT: frozenset({RecordKind.CONTACT, RecordKind.ORGANIZATION}),
    RecordKind.MEETING: frozenset({RecordKind.MEETING, RecordKind.CONTACT, RecordKind.AGREEMENT}),
    RecordKind.COMMITMENT: frozenset(
        {RecordKind.COMMITMENT, RecordKind.AGREEMENT, RecordKind.ORGANIZATION, RecordKind.MEETING}
    ),
}


def affected_by(kind: RecordKind, written: frozenset[RecordKind]) -> bool:
    """Whether the list of ``kind`` may show something else after writes of ``written``."""
    return not SHOWS[kind].isdisjoint(written)


def agreement_columns(lang: Language) -> list[Column[AgreementSummary]]:
    return [
        Column(
            tr("Agreement title"),
            lambda r: shown(r.title_ko, r.title_en, lang),
            "title_ko" if lang == "ko" else "title_en",
            340,
        ),
        Column(tr("Reference"), lambda r: r.reference_no, "reference_no", 110),
        Column(tr("Kind"), lambda r: r.agreement_kind.label(lang), "agreement_kind", 150),
        Column(tr("Status"), lambda r: r.status.label(lang), "status", 90),
        Column(tr("Signed"), lambda r: format_date(r.signed_on, lang), "signed_on", 100),
        Column(tr("Expires"), lambda r: format_date(r.expires_on, lang), "expires_on", 100),
        Column(tr("Parties"), lambda r: r.party_count, None, 70),
    ]


def organization_columns(lang: Language) -> list[Column[OrganizationRecord]]:
    other = "en" if lang == "ko" else "ko"
    return [
        Column(
            tr("Name"),
            lambda r: shown(r.name_ko, r.name_en, lang),
            "name_ko" if lang == "ko" else "name_en",
            300,
        ),
        Column(tr("Other name"), lambda r: r.name_en if other == "en" else r.name_ko, None, 260),
        Column(tr("Short name"), lambda r: r.short_name, "short_name", 100),
        Column(tr("Kind"), lambda r: r.org_kind.label(lang), "org_kind", 110),
        Column(tr("Country"), lambda r: r.country, "country", 70),
    ]


def contact_columns(lang: Language) -> list[Column[ContactSummary]]:
    return [
        Column(
            tr("Name"),
            lambda r: shown(r.name_ko, r.name_en, lang),
            "name_ko" if lang == "ko" else "name_en",
            150,
        ),
        Column(
            tr("Organization"),
            lambda r: shown(r.organization_name_ko, r.organization_name_en, lang),
            "organization_name_ko",
            240,
        ),
        Column(
            tr("Title"),
            lambda r: shown(r.title_ko, r.title_en, lang),
            "title_ko" if lang == "ko" else "title_en",
            140,
        ),
        Column(tr("Email"), lambda r: r.email, "email", 220),
        Column(tr("Phone"), lambda r: r.phone, None, 130),
    ]


def meeting_columns(lang: Language) -> list[Column[MeetingSummary]]:
    return [
        Column(tr("Date"), lambda r: format_meeting_time(r.starts_at, r.time_zone, lang), "starts_at", 175),
        Column(
            tr("Meeting"),
            lambda r: shown(r.title_ko, r.title_en, lang),
            "title_ko" if lang == "ko" else "title_en",
            340,
        ),
        Column(
            tr("Place"),
            lambda r: shown(r.place_ko, r.place_en, lang),
            "place_ko" if lang == "ko" else "place_en",
            200,
        ),
        Column(tr("Attendees"), lambda r: r.attendee_count, None, 80),
        Column(tr("Open action items"), lambda r: r.open_action_count, None, 120),
    ]


def commitment_columns(lang: Language) -> list[Column[CommitmentView]]:
    return [
        Column(tr("Due"), lambda r: format_date(r.due_on, lang), "due_on", 100, alert=lambda r: r.overdue),
        Column(
            tr("Commitment"),
            lambda r: shown(r.title_ko, r.title_en, lang),
            "title_ko" if lang == "ko" else "title_en",
            300,
        ),
        Column(
            tr("Party"),
            lambda r: shown(r.organization_name_ko, r.organization_name_en, lang),
            None,
            200,
        ),
        Column(
            tr("Agreement"),
            lambda r: shown(r.agreement_title_ko, r.agreement_title_en, lang),
            None,
            260,
        ),
        Column(tr("Status"), lambda r: r.status.label(lang), "status", 90),
    ]


def list_spec(kind: RecordKind, lang: Language) -> AnyListSpec:
    if kind == RecordKind.AGREEMENT:
        return ListSpec(
            kind,
            agreements.agreement_ids,
            agreements.agreements_by_id,
            AgreementQuery(),
            agreement_columns(lang),
        )
    if kind == RecordKind.ORGANIZATION:
        query = OrganizationQuery(sort="name_ko" if lang == "ko" else "name_en")
        return ListSpec(
            kind,
            organizations.organization_ids,
            organizations.organizations_by_id,
            query,
            organization_columns(lang),
        )
    if kind == RecordKind.CONTACT:
        return ListSpec(
            kind,
            contacts.contact_ids,
            contacts.contacts_by_id,
            ContactQuery(sort="name_ko" if lang == "ko" else "name_en"),
            contact_columns(lang),
        )
    if kind == RecordKind.MEETING:
        return ListSpec(
            kind, meetings.meeting_ids, meetings.meetings_by_id, MeetingQuery(), meeting_columns(lang)
        )
    if kind == RecordKind.COMMITMENT:
        return ListSpec(
            kind,
            commitments.commitment_ids,
            commitments.commitments_by_id,
            CommitmentQuery(),
            commitment_columns(lang),
        )
    raise ValueError(kind)
