"""The parts of a meeting's minutes: linked agreements, attendees, agenda items and decisions."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from uuid import UUID

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.dto import (
    AgendaItemInput,
    AgendaItemView,
    AttendeeInput,
    AttendeeView,
    DecisionInput,
    DecisionView,
)
from app.errors import ValidationError
from app.models import (
    AgendaItem,
    Agreement,
    Attendee,
    Contact,
    Decision,
    Meeting,
    MeetingAgreement,
    Membership,
    Organization,
)
from app.services.children import ChildRows
from app.services.records import get_live, soft_delete, to_dto
from app.services.validation import bilingual
from app.zones import in_zone

ATTENDEES = ChildRows(Meeting, Attendee, "meeting_id")
AGENDA = ChildRows(Meeting, AgendaItem, "meeting_id", ordered=True)
DECISIONS = ChildRows(Meeting, Decision, "meeting_id", ordered=True)


# -- linked agreements ---------------------------------------------------------


def set_agreements(s: Session, meeting_id: UUID, agreement_ids: tuple[UUID, ...]) -> None:
    agreement_ids = tuple(dict.fromkeys(agreement_ids))  # each agreement once, in the order given
    for aid in agreement_ids:
        get_live(s, Agreement, aid)
    links = {
        link.agreement_id: link
        for link in s.scalars(select(MeetingAgreement).where(MeetingAgreement.meeting_id == meeting_id))
    }
    wanted = set(agreement_ids)
    for aid, link in links.items():
        if aid not in wanted and link.deleted_at is None:
            soft_delete(s, link)
        elif aid in wanted and link.deleted_at is not None:
            link.deleted_at = None
    for aid in agreement_ids:
        if aid not in links:
            s.add(MeetingAgreement(meeting_id=meeting_id, agreement_id=aid))


def link_agreement(db: Database, meeting_id: UUID, agreement_id: UUID) -> list[UUID]:
    """Link an agreement to a saved meeting at once (as parties and attendees are added);
    returns the meeting's agreements in order."""
    with db.session() as s:
        get_live(s, Meeting, meeting_id)
        current = agreement_ids_of(s, [meeting_id])[meeting_id]
        set_agreements(s, meeting_id, (*current, agreement_id))
        s.flush()
        return agreement_ids_of(s, [meeting_id])[meeting_id]


def unlink_agreement(db: Database, meeting_id: UUID, agreement_id: UUID) -> list[UUID]:
    """Remove the link at once; returns the agreements left, in order."""
    with db.session() as s:
        get_live(s, Meeting, meeting_id)
        current = agreement_ids_of(s, [meeting_id])[meeting_id]
        set_agreements(s, meeting_id, tuple(a for a in current if a != agreement_id))
        s.flush()
        return agreement_ids_of(s, [meeting_id])[meeting_id]


def agreement_ids_of(s: Session, meeting_ids: Collection[UUID]) -> dict[UUID, list[UUID]]:
    """The agreements each meeting is linked to, in the order they were linked."""
    out: dict[UUID, list[UUID]] = {i: [] for i in meeting_ids}
    for meeting_id, agreement_id in s.execute(
        select(MeetingAgreement.meeting_id, MeetingAgreement.agreement_id)
        .where(MeetingAgreement.meeting_id.in_(list(out)), MeetingAgreement.deleted_at.is_(None))
        .order_by(MeetingAgreement.created_at, MeetingAgreement.id)
    ):
        out[meeting_id].append(agreement_id)
    return out


def meetings_of_agreement_ids(agreement_id: UUID) -> Select[UUID]:
    return select(MeetingAgreement.meeting_id).where(
        MeetingAgreement.agreement_id == agreement_id, MeetingAgreement.deleted_at.is_(None)
    )


# -- attendees -----------------------------------------------------------------


def add_attendee(db: Database, meeting_id: UUID, data: AttendeeInput) -> AttendeeView:
    """Add a person to a meeting; organization and title default to the position they held on its day."""

    if data.contact_id is None:
        return _add_guest(db, meeting_id, data)
    contact_id = data.contact_id
    with db.session() as s:

        def values(meeting: Meeting) -> dict[str, object]:
            get_live(s, Contact, contact_id)
            exists = s.scalar(
                select(Attendee.id).where(
                    Attendee.meeting_id == meeting_id,
                    Attendee.contact_id == contact_id,
                    Attendee.deleted_at.is_(None),
                )
            )
            if exists is not None:
                raise ValidationError(
                    "contact_id", "이미 참석자로 등록된 사람입니다.", "This person is already an attendee."
                )
            org_id = data.organization_id
            title = bilingual(data, "title", ("직위", "Title"), max_length=200)
            if org_id is not None:
                get_live(s, Organization, org_id)
            if org_id is None or not any(title.values()):
                day = (
                    in_zone(meeting.starts_at, meeting.time_zone).date()
                    if meeting.starts_at
                    else clock.today()
                )
                held = _position_on(s, contact_id, day, org_id)
                if held is not None:
                    org_id = org_id or held.organization_id
                    if not any(title.values()):
                        title = {"title_ko": held.title_ko, "title_en": held.title_en}
            return {"contact_id": contact_id, "organization_id": org_id, **title, "attended": data.attended}

        obj = ATTENDEES.add(s, meeting_id, values)
        return attendees_of(s, [meeting_id], only=obj.id)[meeting_id][0]


def _guest_text(data: AttendeeInput) -> dict[str, object]:
    name = bilingual(data, "guest_name", ("이름", "Name"), max_length=200)
    if not any(name.values()):
        raise ValidationError(
            "guest_name_ko",
            "손님의 이름을 한글 또는 영문으로 입력하십시오.",
            "Enter the guest's name in Korean or English.",
        )
    return {
        **name,
        **bilingual(data, "guest_organization", ("소속 기관", "Organization"), max_length=300),
        **bilingual(data, "title", ("직위", "Title"), max_length=200),
    }


def _add_guest(db: Database, meeting_id: UUID, data: AttendeeInput) -> AttendeeView:
    """A guest: someone at the meeting who is not (yet) a contact."""
    values = _guest_text(data)
    with db.session() as s:
        obj = ATTENDEES.add(
            s,
            meeting_id,
            lambda _m: {**values, "contact_id": None, "organization_id": None, "attended": data.attended},
        )
        return attendees_of(s, [meeting_id], only=obj.id)[meeting_id][0]


def guest_to_contact(db: Database, attendee_id: UUID) -> AttendeeView:
    """Make a guest a contact: a new contact named as the guest (Hangul: the Korean name), with a
    position of their title at the organization of that name when one exists; the attendee then
    names the contact."""
    with db.session() as s:
        row = get_live(s, Attendee, attendee_id)
        if row.contact_id is not None:
            raise ValidationError(
                "contact_id", "이미 담당자로 등록된 참석자입니다.", "This attendee is already a contact."
            )
        person = Contact(name_ko=row.guest_name_ko, name_en=row.guest_name_en)
        s.add(person)
        s.flush()
        org = _organization_named(s, row.guest_organization_ko) or _organization_named(
            s, row.guest_organization_en
        )
        if org is not None:
            s.add(
                Membership(
                    contact_id=person.id, organization_id=org.id, title_ko=row.title_ko, title_en=row.title_en
                )
            )
        row.contact_id = person.id
        row.organization_id = org.id if org is not None else None
        row.guest_name_ko = row.guest_name_en = ""
        if org is not None:
            row.guest_organization_ko = row.guest_organization_en = ""
        s.flush()
        return attendees_of(s, [row.meeting_id], only=row.id)[row.meeting_id][0]


def _organization_named(s: Session, name: str) -> Organization | None:
    name = name.strip()
    if not name:
        return None
    return s.scalar(
        select(Organization)
        .where(
            Organization.deleted_at.is_(None),
            or_(Organization.name_ko == name, Organization.name_en == name, Organization.short_name == name),
        )
        .order_by(Organization.created_at, Organization.id)
        .limit(1)
    )


def _position_on(s: Session, contact_id: UUID, day: date, organization_id: UUID | None) -> Membership | None:
    """The position held on ``day`` (in ``organization_id`` if given), else the current one, else the latest there."""
    base = select(Membership).where(Membership.contact_id == contact_id, Membership.deleted_at.is_(None))
    if organization_id is not None:
        base = base.where(Membership.organization_id == organization_id)
    newest_first = (Membership.started_on.desc().nulls_last(), Membership.id)
    for when in dict.fromkeys((day, clock.today())):
        held = s.scalar(
            base.where(
                or_(Membership.started_on.is_(None), Membership.started_on <= when),
                or_(Membership.ended_on.is_(None), Membership.ended_on >= when),
            )
            .order_by(*newest_first)
            .limit(1)
        )
        if held is not None:
            return held
    if organization_id is None:
        return None
    return s.scalar(base.order_by(*newest_first).limit(1))


def remove_attendee(db: Database, ident: UUID) -> None:
    with db.session() as s:
        ATTENDEES.remove(s, ident)


def attendees_of(
    s: Session, meeting_ids: Collection[UUID], only: UUID | None = None
) -> dict[UUID, list[AttendeeView]]:
    """The live attendees of each meeting (``only``: that one attendee), in the order they were added."""
    out: dict[UUID, list[AttendeeView]] = {i: [] for i in meeting_ids}
    rows = ATTENDEES.live(out.keys())
    stmt = (
        rows.add_columns(Contact, Organization)
        .outerjoin(Contact, Contact.id == Attendee.contact_id)  # a guest has none
        .outerjoin(Organization, Organization.id == Attendee.organization_id)
    )
    if only is not None:
        stmt = stmt.where(Attendee.id == only)
    for a, c, o in s.execute(stmt):
        # A guest reads as the name and organization typed for them, in both languages.
        out[a.meeting_id].append(
            to_dto(
                AttendeeView,
                a,
                contact_name_ko=c.name_ko if c else a.guest_name_ko,
                contact_name_en=c.name_en if c else a.guest_name_en,
                organization_name_ko=o.name_ko if o else a.guest_organization_ko,
                organization_name_en=o.name_en if o else a.guest_organization_en,
            )
        )
    return out


def list_attendees(db: Database, meeting_id: UUID) -> list[AttendeeView]:
    with db.session() as s:
        return attendees_of(s, [meeting_id])[meeting_id]


# -- agenda and decisions ------------------------------------------------------


def _agenda_values(data: AgendaItemInput) -> dict[str, object]:
    return {
        **bilingual(data, "title", ("안건", "Agenda item"), required=True, max_length=500),
        **bilingual(data, "discussion", ("논의 내용", "Discussion"), multiline=True),
    }


def add_agenda_item(db: Database, meeting_id: UUID, data: AgendaItemInput) -> AgendaItemView:
    with db.session() as s:
        return to_dto(AgendaItemView, AGENDA.add(s, meeting_id, lambda _: _agenda_values(data)))


def update_agenda_item(
    db: Database, ident: UUID, data: AgendaItemInput, expected_version: int | None = None
) -> AgendaItemView:
    with db.session() as s:
        return to_dto(
            AgendaItemView, AGENDA.update(s, ident, expected_version, lambda _: _agenda_values(data))
        )


def remove_agenda_item(db: Database, ident: UUID) -> None:
    with db.session() as s:
        AGENDA.remove(s, ident)


def _decision_values(decision: DecisionInput) -> dict[str, object]:
    return {**bilingual(decision, "text", ("결정사항", "Decision"), required=True, multiline=True)}


def add_decision(db: Database, meeting_id: UUID, decision: DecisionInput) -> DecisionView:
    with db.session() as s:
        return to_dto(DecisionView, DECISIONS.add(s, meeting_id, lambda _: _decision_values(decision)))


def update_decision(
    db: Database, ident: UUID, decision: DecisionInput, expected_version: int | None = None
) -> DecisionView:
    with db.session() as s:
        return to_dto(
            DecisionView, DECISIONS.update(s, ident, expected_version, lambda _: _decision_values(decision))
        )


def remove_decision(db: Database, ident: UUID) -> None:
    with db.session() as s:
        DECISIONS.remove(s, ident)
