"""What each briefing needs, gathered in one call per briefing (for reports/templates).

Every function returns frozen dataclasses built from the other services' DTOs;
nothing here knows about documents or formats. Each briefing reads its data in one
read transaction (:func:`_snapshot`), calling the other services' session-taking
``*_in`` functions, so a document is one consistent picture even
while someone else is saving.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.dto import (
    ActionItemView,
    AgreementDetail,
    AgreementQuery,
    AgreementSummary,
    CommitmentQuery,
    CommitmentView,
    MeetingDetail,
    MeetingSummary,
    MembershipView,
    OrganizationDetail,
    PartyView,
)
from app.enums import ActionStatus, AgreementStatus, CommitmentStatus
from app.models import ActionItem, Organization
from app.services import agreements, organizations
from app.services.action_items import action_rows, action_view
from app.services.agreements import parties_in
from app.services.commitments import commitments_in
from app.services.contacts import contacts_in, memberships_of_organizations_in
from app.services.meetings import action_items_in, meeting_detail_in, meeting_details_in

RECENT_MEETINGS = 3
EXPIRY_HORIZON_DAYS = 180


@dataclass(frozen=True)
class FollowUpContact:
    position: MembershipView
    email: str
    phone: str


@dataclass(frozen=True)
class SignatoryName:
    """A party's signatory in both languages: the linked contact's names, else the names typed."""

    party_id: UUID
    name_ko: str
    name_en: str
    contact_id: UUID | None = None  # the contact to open to add a name; None: typed on the party


@dataclass(frozen=True)
class ActionOrigin:
    """Where an action item was first assigned, and how many times it has been carried over since."""

    meeting_id: UUID
    meeting_title_ko: str
    meeting_title_en: str
    meeting_starts_at: datetime | None
    meeting_time_zone: str
    carried: int


@dataclass(frozen=True)
class AgreementBriefingData:
    detail: AgreementDetail
    recent_meetings: tuple[MeetingDetail, ...]  # held, newest first
    upcoming_meetings: tuple[MeetingSummary, ...]  # soonest first
    open_actions: tuple[ActionItemView, ...]  # from the agreement's meetings
    contacts: tuple[FollowUpContact, ...]  # current people at the parties, in party order
    signatories: tuple[SignatoryName, ...] = ()
    origins: dict[UUID, ActionOrigin] = field(default_factory=dict)  # per open action item


@dataclass(frozen=True)
class CounterpartBriefingData:
    detail: OrganizationDetail
    parties: tuple[PartyView, ...]  # this organization's role in each of its agreements
    recent_meetings: tuple[MeetingDetail, ...]
    open_actions: tuple[ActionItemView, ...]  # owned by them, or from meetings they attended
    origins: dict[UUID, ActionOrigin] = field(default_factory=dict)


@dataclass(frozen=True)
class MeetingBriefingData:
    detail: MeetingDetail
    agreements: tuple[AgreementDetail, ...]  # background on each linked agreement
    open_actions: tuple[ActionItemView, ...]  # open items of the linked agreements, to chase
    origins: dict[UUID, ActionOrigin] = field(default_factory=dict)
    our_organization_ids: frozenset[UUID] = frozenset()  # attendees of these are on our side


@dataclass(frozen=True)
class PortfolioData:
    agreements: tuple[AgreementSummary, ...]
    expiring: tuple[AgreementSummary, ...]  # in force or signed, expiring within the horizon
    overdue_commitments: tuple[CommitmentView, ...]
    horizon_days: int
    filtered: bool
    query: AgreementQuery | None = None  # the filter, to state it in the document
    filter_organization: tuple[str, str] = ("", "")  # the filter's organization, Korean and English


@contextlib.contextmanager
def _snapshot(db: Database) -> Iterator[Session]:
    """One read transaction for a whole briefing (REPEATABLE READ on PostgreSQL; SQLite's BEGIN)."""
    with db.session() as s:
        if not db.is_sqlite:
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield s


def _held(meetings: Iterable[MeetingSummary]) -> list[MeetingSummary]:
    now = clock.now()
    return [m for m in meetings if m.starts_at is not None and _aware(m.starts_at) <= now]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _details(s: Session, meetings: Iterable[MeetingSummary]) -> tuple[MeetingDetail, ...]:
    return tuple(meeting_details_in(s, [m.id for m in meetings]))  # one query per part, not per meeting


def _unique_actions(items: Iterable[ActionItemView]) -> tuple[ActionItemView, ...]:
    seen: dict[UUID, ActionItemView] = {}
    for item in items:
        if item.status == ActionStatus.OPEN:
            seen.setdefault(item.id, item)
    return tuple(
        sorted(seen.values(), key=lambda a: (a.due_on is None, a.due_on or date.max, a.title_ko, a.title_en))
    )


def _origins(s: Session, items: Iterable[ActionItemView]) -> dict[UUID, ActionOrigin]:
    """Follow each item's ``carried_from`` chain back to the meeting where it was assigned."""
    known: dict[UUID, ActionItemView] = {a.id: a for a in items}
    wanted = list(known)
    pending = {
        a.carried_from_id for a in known.values() if a.carried_from_id and a.carried_from_id not in known
    }
    while pending:  # one query per step back, not one per item
        stmt = action_rows().where(ActionItem.id.in_(pending))
        found = [action_view(*row) for row in s.execute(stmt)]
        known.update((a.id, a) for a in found)
        pending = {a.carried_from_id for a in found if a.carried_from_id and a.carried_from_id not in known}
    out: dict[UUID, ActionOrigin] = {}
    for ident in wanted:
        item, carried, seen = known[ident], 0, {ident}
        while item.carried_from_id in known and item.carried_from_id not in seen:
            seen.add(item.carried_from_id)
            item, carried = known[item.carried_from_id], carried + 1
        out[ident] = ActionOrigin(
            item.meeting_id,
            item.meeting_title_ko,
            item.meeting_title_en,
            item.meeting_starts_at,
            item.meeting_time_zone,
            carried,
        )
    return out


def agreement_briefing(db: Database, agreement_id: UUID) -> AgreementBriefingData:
    with _snapshot(db) as s:
        return _agreement_briefing(s, agreement_id)


def _agreement_briefing(s: Session, agreement_id: UUID) -> AgreementBriefingData:
    detail = agreements.agreement_detail_in(s, agreement_id)
    held = _held(detail.meetings)  # meetings come newest first
    now = clock.now()
    upcoming = sorted(
        (m for m in detail.meetings if m.starts_at is not None and _aware(m.starts_at) > now),
        key=lambda m: _aware(m.starts_at or now),
    )
    staying = [p.organization_id for p in detail.parties if p.withdrew_on is None]
    positions = memberships_of_organizations_in(s, staying)  # one query, not one per party
    people: list[MembershipView] = [m for org in staying for m in positions[org] if m.current]
    open_actions = _unique_actions(action_items_in(s, agreement_id=agreement_id, open_only=True))
    return AgreementBriefingData(
        detail=detail,
        recent_meetings=_details(s, held[:RECENT_MEETINGS]),
        upcoming_meetings=tuple(upcoming),
        open_actions=open_actions,
        contacts=tuple(_follow_up(s, people)),
        signatories=tuple(_signatories(s, detail.parties)),
        origins=_origins(s, open_actions),
    )


def _signatories(s: Session, parties: Iterable[PartyView]) -> list[SignatoryName]:
    signing = [p for p in parties if p.signatory_contact_id is not None]
    people = contacts_in(s, [p.signatory_contact_id for p in signing if p.signatory_contact_id])
    out = []
    for p in signing:
        c = people.get(p.signatory_contact_id) if p.signatory_contact_id else None
        if c is not None and (c.name_ko or c.name_en):
            out.append(SignatoryName(p.id, c.name_ko, c.name_en, c.id))
        else:
            out.append(SignatoryName(p.id, p.signatory_name_ko, p.signatory_name_en))
    return out


def _follow_up(s: Session, people: list[MembershipView]) -> list[FollowUpContact]:
    found = contacts_in(s, [m.contact_id for m in people])  # one query, not one per person
    out = []
    for m in people:
        c = found.get(m.contact_id)
        if c is not None:
            out.append(FollowUpContact(position=m, email=c.email, phone=c.mobile or c.phone))
    return out


def counterpart_briefing(db: Database, organization_id: UUID) -> CounterpartBriefingData:
    with _snapshot(db) as s:
        return _counterpart_briefing(s, organization_id)


def _counterpart_briefing(s: Session, organization_id: UUID) -> CounterpartBriefingData:
    detail = organizations.organization_detail_in(s, organization_id)
    parties = [
        p for a in detail.agreements for p in parties_in(s, a.id) if p.organization_id == organization_id
    ]
    recent = _details(s, _held(detail.meetings)[:RECENT_MEETINGS])
    actions: list[ActionItemView] = []
    for m in detail.meetings:
        actions += action_items_in(s, meeting_ids=[m.id], open_only=True)
    people = {p.contact_id for p in detail.people}
    owned = [
        a
        for a in action_items_in(s, open_only=True)
        if a.owner_organization_id == organization_id or a.owner_contact_id in people
    ]
    open_actions = _unique_actions([*owned, *actions])
    return CounterpartBriefingData(
        detail=detail,
        parties=tuple(parties),
        recent_meetings=recent,
        open_actions=open_actions,
        origins=_origins(s, open_actions),
    )


def meeting_briefing(db: Database, meeting_id: UUID, our_organization: str = "") -> MeetingBriefingData:
    """``our_organization``: a name or short name (Settings); its attendees are on our side."""
    with _snapshot(db) as s:
        data = _meeting_briefing(s, meeting_id)
        return replace(data, our_organization_ids=_ours(s, our_organization))


def _ours(s: Session, name: str) -> frozenset[UUID]:
    key = " ".join(name.split()).casefold()
    if not key:
        return frozenset()
    rows = s.execute(
        select(Organization.id, Organization.name_ko, Organization.name_en, Organization.short_name).where(
            Organization.deleted_at.is_(None)
        )
    )
    return frozenset(
        ident for ident, *names in rows if any(" ".join((n or "").split()).casefold() == key for n in names)
    )


def _meeting_briefing(s: Session, meeting_id: UUID) -> MeetingBriefingData:
    detail = meeting_detail_in(s, meeting_id)
    linked = tuple(agreements.agreement_detail_in(s, ref.id) for ref in detail.agreements)
    actions: list[ActionItemView] = [a for a in detail.action_items if a.status == ActionStatus.OPEN]
    for ref in detail.agreements:
        actions += action_items_in(s, agreement_id=ref.id, open_only=True)
    open_actions = _unique_actions(actions)
    return MeetingBriefingData(
        detail=detail, agreements=linked, open_actions=open_actions, origins=_origins(s, open_actions)
    )


def portfolio(
    db: Database,
    query: AgreementQuery | None = None,
    today: date | None = None,
    horizon_days: int = EXPIRY_HORIZON_DAYS,
) -> PortfolioData:
    with _snapshot(db) as s:
        return _portfolio(s, query, today, horizon_days)


def _portfolio(
    s: Session, query: AgreementQuery | None, today: date | None, horizon_days: int
) -> PortfolioData:
    today = today or clock.today()
    base = query or AgreementQuery()
    chosen = tuple(agreements.agreements_in(s, _unpaged(base)))
    ids = {a.id for a in chosen}
    active = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)
    expiring = tuple(
        sorted(
            (
                a
                for a in chosen
                if a.status in active
                and a.expires_on is not None
                and today <= a.expires_on <= today + timedelta(days=horizon_days)
            ),
            key=lambda a: a.expires_on or date.max,
        )
    )
    overdue = tuple(
        c
        for c in commitments_in(
            s,
            CommitmentQuery(
                statuses=(CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS),
                due_before=today - timedelta(days=1),
                sort="due_on",
                agreements=base,  # filtered in SQL, not after loading every overdue commitment
            ),
        )
        if c.agreement_id in ids
    )
    org = s.get(Organization, base.organization_id) if base.organization_id else None
    return PortfolioData(
        agreements=chosen,
        expiring=expiring,
        overdue_commitments=overdue,
        horizon_days=horizon_days,
        filtered=query is not None and query != AgreementQuery(),
        query=query,
        filter_organization=(org.name_ko, org.name_en) if org is not None else ("", ""),
    )


def _unpaged(query: AgreementQuery) -> AgreementQuery:
    return replace(query, offset=0, limit=None)
