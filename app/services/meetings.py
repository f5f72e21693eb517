"""Meetings: their records and lists; the minutes' parts live in their own modules.

The attendees, agenda and decisions are in :mod:`app.services.meeting_parts`, action items
in :mod:`app.services.action_items` and the detail read model in
:mod:`app.services.meeting_detail`; their public functions are re-exported here, so
``app.services.meetings`` stays the one address for callers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from typing import Any
from uuid import UUID

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.dto import MeetingInput, MeetingQuery, MeetingRecord, MeetingSummary
from app.enums import ActionStatus
from app.errors import ValidationError
from app.models import ActionItem, AgendaItem, Attendee, Decision, Meeting, MeetingAgreement
from app.progress import Progress
from app.services.action_items import (
    action_items_in,
    action_items_of_contact,
    action_rows,
    action_view,
    add_action_item,
    carry_over,
    list_action_items,
    remove_action_item,
    update_action_item,
)
from app.services.meeting_detail import (
    meeting_detail,
    meeting_detail_in,
    meeting_details,
    meeting_details_in,
    meeting_record,
)
from app.services.meeting_parts import (
    add_agenda_item,
    add_attendee,
    add_decision,
    list_attendees,
    meetings_of_agreement_ids,
    remove_agenda_item,
    remove_attendee,
    remove_decision,
    set_agreements,
    update_agenda_item,
    update_decision,
)
from app.services.queries import chunks, column_sort_keys, count_of, packed_ids, text_filter
from app.services.records import (
    apply,
    check_version,
    delete_children,
    get_live,
    restore_children,
    restore_record,
    soft_delete,
    to_dto,
)
from app.services.validation import bilingual, check_order, clean_text, text_or_empty
from app.zones import check_zone

__all__ = [
    "action_items_in",
    "action_items_of_contact",
    "action_rows",
    "action_view",
    "add_action_item",
    "add_agenda_item",
    "add_attendee",
    "add_decision",
    "carry_over",
    "count_meetings",
    "create_meeting",
    "delete_meeting",
    "get_meeting",
    "list_action_items",
    "list_attendees",
    "list_meetings",
    "meeting_detail",
    "meeting_detail_in",
    "meeting_details",
    "meeting_details_in",
    "meeting_values",
    "meetings_in",
    "meetings_of_agreement",
    "meetings_of_agreement_in",
    "meetings_of_contact",
    "meetings_of_organization",
    "meetings_of_organization_in",
    "remove_action_item",
    "remove_agenda_item",
    "remove_attendee",
    "remove_decision",
    "restore_meeting",
    "update_action_item",
    "update_agenda_item",
    "update_decision",
    "update_meeting",
]

SORTABLE = {"starts_at", "title_ko", "title_en", "place_ko", "place_en", "updated_at"}
_CHILDREN = (Attendee, AgendaItem, Decision, ActionItem, MeetingAgreement)


def meeting_values(data: MeetingInput) -> dict[str, object]:
    for value, name in ((data.starts_at, "starts_at"), (data.ends_at, "ends_at")):
        if value is not None and value.tzinfo is None:
            raise ValidationError(name, "시각에 시간대가 없습니다.", "The time has no time zone.")
    check_order(
        data.starts_at,
        data.ends_at,
        "ends_at",
        "회의 종료 시각은 시작 시각보다 빠를 수 없습니다.",
        "The meeting cannot end before it starts.",
    )
    return {
        **bilingual(data, "title", ("회의명", "Meeting title"), required=True, max_length=500),
        "starts_at": data.starts_at.astimezone(UTC) if data.starts_at else None,
        "ends_at": data.ends_at.astimezone(UTC) if data.ends_at else None,
        "time_zone": check_zone(data.time_zone),
        **bilingual(data, "place", ("장소", "Place"), max_length=300),
        "online_url": clean_text(
            data.online_url, "online_url", "온라인 회의 주소", "Online meeting link", max_length=1000
        ),
        **bilingual(data, "summary", ("논의 내용", "Discussion"), multiline=True, max_length=200_000),
        **brief_values(data),
    }


BRIEF_FIELDS = (  # the pre-meeting brief's texts: (field, Korean label, English label)
    ("purpose_ko", "배경·목적", "Purpose and background"),
    ("purpose_en", "배경·목적(영문)", "Purpose and background (English)"),
    ("issues_ko", "주요 쟁점", "Key issues"),
    ("issues_en", "주요 쟁점(영문)", "Key issues (English)"),
    ("talking_points_ko", "우리측 입장·말씀자료", "Our position and talking points"),
    ("talking_points_en", "우리측 입장·말씀자료(영문)", "Our position and talking points (English)"),
)


def brief_values(data: MeetingInput) -> dict[str, object]:
    return {
        name: text_or_empty(clean_text(getattr(data, name), name, ko, en, multiline=True, max_length=50_000))
        for name, ko, en in BRIEF_FIELDS
    }


def create_meeting(db: Database, data: MeetingInput) -> MeetingRecord:
    values = meeting_values(data)
    with db.session() as s:
        obj = Meeting(**values)
        s.add(obj)
        s.flush()
        set_agreements(s, obj.id, data.agreement_ids)
        s.flush()
        return meeting_record(s, obj)


def update_meeting(
    db: Database, ident: UUID, data: MeetingInput, expected_version: int | None = None
) -> MeetingRecord:
    values = meeting_values(data)
    with db.session() as s:
        obj = get_live(s, Meeting, ident)
        check_version(obj, expected_version)
        apply(obj, values)
        set_agreements(s, ident, data.agreement_ids)
        s.flush()
        return meeting_record(s, obj)


def get_meeting(db: Database, ident: UUID) -> MeetingRecord:
    with db.session() as s:
        return meeting_record(s, get_live(s, Meeting, ident))


def delete_meeting(db: Database, ident: UUID, expected_version: int | None = None) -> None:
    with db.session() as s:
        when = soft_delete(s, get_live(s, Meeting, ident), expected_version)
        for model in _CHILDREN:
            delete_children(s, select(model).where(model.meeting_id == ident), when)


def restore_meeting(db: Database, ident: UUID) -> MeetingRecord:
    with db.session() as s:
        obj, when = restore_record(s, Meeting, ident)
        for model in _CHILDREN:
            restore_children(s, select(model).where(model.meeting_id == ident), when)
        s.flush()
        return meeting_record(s, obj)


# -- lists ---------------------------------------------------------------------


def _counts() -> tuple[Any, Any]:
    attendees = (
        select(func.count(Attendee.id))
        .where(Attendee.meeting_id == Meeting.id, Attendee.deleted_at.is_(None))
        .correlate(Meeting)
        .scalar_subquery()
    )
    open_actions = (
        select(func.count(ActionItem.id))
        .where(
            ActionItem.meeting_id == Meeting.id,
            ActionItem.deleted_at.is_(None),
            ActionItem.status == ActionStatus.OPEN,
        )
        .correlate(Meeting)
        .scalar_subquery()
    )
    return attendees, open_actions


def _query(query: MeetingQuery) -> Select[Any]:
    stmt = select(Meeting).where(Meeting.deleted_at.is_(None))
    if query.text:
        stmt = stmt.where(
            text_filter(
                query.text,
                Meeting.title_ko,
                Meeting.title_en,
                Meeting.place_ko,
                Meeting.place_en,
                Meeting.summary_ko,
                Meeting.summary_en,
            )
        )
    # IN (ids by an indexed column), not a correlated EXISTS: the database then reads the few
    # meetings concerned instead of testing every meeting (200,000 at ministry scale).
    if query.agreement_id:
        stmt = stmt.where(Meeting.id.in_(meetings_of_agreement_ids(query.agreement_id)))
    if query.contact_id:
        stmt = stmt.where(
            Meeting.id.in_(
                select(Attendee.meeting_id).where(
                    Attendee.contact_id == query.contact_id, Attendee.deleted_at.is_(None)
                )
            )
        )
    if query.organization_id:
        stmt = stmt.where(
            select(Attendee.id)
            .where(
                Attendee.meeting_id == Meeting.id,
                Attendee.organization_id == query.organization_id,
                Attendee.deleted_at.is_(None),
            )
            .exists()
        )
    if query.starts_from:
        stmt = stmt.where(Meeting.starts_at >= query.starts_from)
    if query.starts_to:
        stmt = stmt.where(Meeting.starts_at <= query.starts_to)
    return stmt


def _order(s: Session, query: MeetingQuery) -> list[Any]:
    sort = query.sort if query.sort in SORTABLE else "starts_at"
    return column_sort_keys(s.get_bind().dialect.name, Meeting, sort, query.descending, Meeting.id)


def _summaries(s: Session, stmt: Select[Any]) -> list[MeetingSummary]:
    return [
        to_dto(MeetingSummary, m, attendee_count=int(a or 0), open_action_count=int(o or 0))
        for m, a, o in s.execute(stmt.add_columns(*_counts()))
    ]


def meetings_in(s: Session, query: MeetingQuery | None = None) -> list[MeetingSummary]:
    """``list_meetings`` in an open session."""
    query = query or MeetingQuery()
    stmt = _query(query).order_by(*_order(s, query)).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return _summaries(s, stmt)


def meeting_ids(db: Database, query: MeetingQuery | None = None, progress: Progress | None = None) -> bytes:
    """The ids of the meetings ``query`` selects, in its order, packed (``queries.packed_ids``):
    all, or the first ``query.limit``. Cancelling ``progress`` stops the read."""
    query = query or MeetingQuery()
    with db.session() as s:
        stmt = _query(query).order_by(*_order(s, query)).limit(query.limit)
        return packed_ids(s, stmt, Meeting.id, progress)


def meetings_by_id(db: Database, ids: Sequence[UUID]) -> list[MeetingSummary]:
    """The list rows of the live meetings among ``ids`` (deleted and unknown ones left out)."""
    with db.session() as s:
        out: list[MeetingSummary] = []
        for chunk in chunks(ids):
            out.extend(_summaries(s, _query(MeetingQuery()).where(Meeting.id.in_(chunk))))
        return out


def list_meetings(db: Database, query: MeetingQuery | None = None) -> list[MeetingSummary]:
    with db.session() as s:
        return meetings_in(s, query)


def count_meetings(db: Database, query: MeetingQuery | None = None) -> int:
    with db.session() as s:
        return count_of(s, _query(query or MeetingQuery()))


def meetings_of_agreement(db: Database, agreement_id: UUID) -> list[MeetingSummary]:
    return list_meetings(db, MeetingQuery(agreement_id=agreement_id))


def meetings_of_contact(db: Database, contact_id: UUID) -> list[MeetingSummary]:
    return list_meetings(db, MeetingQuery(contact_id=contact_id))


def meetings_of_organization(db: Database, organization_id: UUID) -> list[MeetingSummary]:
    return list_meetings(db, MeetingQuery(organization_id=organization_id))


def meetings_of_agreement_in(s: Session, agreement_id: UUID) -> list[MeetingSummary]:
    return meetings_in(s, MeetingQuery(agreement_id=agreement_id))


def meetings_of_organization_in(s: Session, organization_id: UUID) -> list[MeetingSummary]:
    return meetings_in(s, MeetingQuery(organization_id=organization_id))
