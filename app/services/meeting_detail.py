"""The meeting detail read model: a meeting with its agreements, attendees, minutes and files.

One implementation for one meeting (the editor) and for several (briefings), read in
the caller's session: one query per part, not per meeting.
"""

from __future__ import annotations

from collections.abc import Collection
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.dto import ActionItemView, AgendaItemView, AgreementRef, DecisionView, MeetingDetail, MeetingRecord
from app.models import Agreement, Meeting, MeetingAgreement
from app.services.action_items import action_items_in
from app.services.meeting_parts import AGENDA, DECISIONS, agreement_ids_of, attendees_of
from app.services.records import attachments_in, get_live, to_dto


def meeting_record(s: Session, obj: Meeting) -> MeetingRecord:
    """A meeting with the ids of its agreements, in the order they were linked."""
    return to_dto(MeetingRecord, obj, agreement_ids=tuple(agreement_ids_of(s, [obj.id])[obj.id]))


def _agreement_refs(s: Session, meeting_ids: Collection[UUID]) -> dict[UUID, list[AgreementRef]]:
    """The live agreements of each meeting, by signing date (unsigned ones last, on both databases)."""
    out: dict[UUID, list[AgreementRef]] = {i: [] for i in meeting_ids}
    for meeting_id, a in s.execute(
        select(MeetingAgreement.meeting_id, Agreement)
        .join(Agreement, MeetingAgreement.agreement_id == Agreement.id)
        .where(
            MeetingAgreement.meeting_id.in_(list(out)),
            MeetingAgreement.deleted_at.is_(None),
            Agreement.deleted_at.is_(None),
        )
        .order_by(Agreement.signed_on.asc().nulls_last(), MeetingAgreement.created_at, Agreement.id)
    ):
        out[meeting_id].append(
            AgreementRef(id=a.id, title_ko=a.title_ko, title_en=a.title_en, status=a.status)
        )
    return out


def meeting_details_in(s: Session, idents: list[UUID]) -> list[MeetingDetail]:
    """The details of the live ones of ``idents``, in the order given, read in session ``s``."""
    ids = list(dict.fromkeys(idents))
    if not ids:
        return []
    found = {
        m.id: m for m in s.scalars(select(Meeting).where(Meeting.id.in_(ids), Meeting.deleted_at.is_(None)))
    }
    links = agreement_ids_of(s, ids)
    refs = _agreement_refs(s, ids)
    attendees = attendees_of(s, ids)
    agenda: dict[UUID, list[AgendaItemView]] = {i: [] for i in ids}
    for item in s.scalars(AGENDA.live(ids)):
        agenda[item.meeting_id].append(to_dto(AgendaItemView, item))
    decisions: dict[UUID, list[DecisionView]] = {i: [] for i in ids}
    for decision in s.scalars(DECISIONS.live(ids)):
        decisions[decision.meeting_id].append(to_dto(DecisionView, decision))
    actions: dict[UUID, list[ActionItemView]] = {i: [] for i in ids}
    for action in action_items_in(s, meeting_ids=ids):
        actions[action.meeting_id].append(action)
    files = attachments_in(s, "meeting", ids)
    return [
        MeetingDetail(
            record=to_dto(MeetingRecord, found[i], agreement_ids=tuple(links[i])),
            agreements=tuple(refs[i]),
            attendees=tuple(attendees[i]),
            agenda=tuple(agenda[i]),
            decisions=tuple(decisions[i]),
            action_items=tuple(actions[i]),
            attachments=tuple(files[i]),
        )
        for i in ids
        if i in found
    ]


def meeting_detail_in(s: Session, ident: UUID) -> MeetingDetail:
    """``meeting_detail`` in an open session."""
    get_live(s, Meeting, ident)
    return meeting_details_in(s, [ident])[0]


def meeting_detail(db: Database, ident: UUID) -> MeetingDetail:
    with db.session() as s:
        return meeting_detail_in(s, ident)


def meeting_details(db: Database, idents: list[UUID]) -> list[MeetingDetail]:
    """``meeting_detail`` of several meetings (briefings): live meetings only, in the order given."""
    with db.session() as s:
        return meeting_details_in(s, idents)
