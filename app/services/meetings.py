"""Meetings and their minutes: attendees, agenda, decisions and action items."""

from __future__ import annotations

from datetime import UTC, date
from typing import Any
from uuid import UUID

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.db import Database
from app.dto import (
    ActionItemInput,
    ActionItemView,
    AgendaItemInput,
    AgendaItemView,
    AgreementRef,
    AttachmentView,
    AttendeeInput,
    AttendeeView,
    DecisionView,
    MeetingDetail,
    MeetingInput,
    MeetingQuery,
    MeetingRecord,
    MeetingSummary,
)
from app.enums import ActionStatus
from app.errors import ValidationError
from app.models import (
    ActionItem,
    AgendaItem,
    Agreement,
    Attachment,
    Attendee,
    Commitment,
    Contact,
    Decision,
    Meeting,
    MeetingAgreement,
    Membership,
    Organization,
)
from app.services import attachments
from app.services.common import (
    apply,
    check_order,
    check_version,
    count_of,
    delete_children,
    get_live,
    restore_children,
    restore_record,
    soft_delete,
    sort_keys,
    text,
    text_filter,
    to_dto,
)

SORTABLE = {"starts_at", "title", "place", "updated_at"}
_CHILDREN = (Attendee, AgendaItem, Decision, ActionItem, MeetingAgreement)


def _values(data: MeetingInput) -> dict[str, object]:
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
        "title": text(data.title, "title", "회의명", "Meeting title", required=True, max_length=500),
        "starts_at": data.starts_at.astimezone(UTC) if data.starts_at else None,
        "ends_at": data.ends_at.astimezone(UTC) if data.ends_at else None,
        "place": text(data.place, "place", "장소", "Place", max_length=300),
        "online_url": text(
            data.online_url, "online_url", "온라인 회의 주소", "Online meeting link", max_length=1000
        ),
        "summary": text(
            data.summary, "summary", "논의 내용", "Discussion", multiline=True, max_length=200_000
        ),
    }


def _set_agreements(s: Session, meeting_id: UUID, agreement_ids: tuple[UUID, ...]) -> None:
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


def _record(s: Session, obj: Meeting) -> MeetingRecord:
    ids = s.scalars(
        select(MeetingAgreement.agreement_id).where(
            MeetingAgreement.meeting_id == obj.id, MeetingAgreement.deleted_at.is_(None)
        )
    ).all()
    return to_dto(MeetingRecord, obj, agreement_ids=tuple(ids))


def create_meeting(db: Database, data: MeetingInput) -> MeetingRecord:
    values = _values(data)
    with db.session() as s:
        obj = Meeting(**values)
        s.add(obj)
        s.flush()
        _set_agreements(s, obj.id, data.agreement_ids)
        s.flush()
        return _record(s, obj)


def update_meeting(
    db: Database, ident: UUID, data: MeetingInput, expected_version: int | None = None
) -> MeetingRecord:
    values = _values(data)
    with db.session() as s:
        obj = get_live(s, Meeting, ident)
        check_version(obj, expected_version)
        apply(obj, values)
        _set_agreements(s, ident, data.agreement_ids)
        s.flush()
        return _record(s, obj)


def get_meeting(db: Database, ident: UUID) -> MeetingRecord:
    with db.session() as s:
        return _record(s, get_live(s, Meeting, ident))


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
        return _record(s, obj)


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


def _meetings_of_agreement(agreement_id: UUID) -> Select[UUID]:
    return select(MeetingAgreement.meeting_id).where(
        MeetingAgreement.agreement_id == agreement_id, MeetingAgreement.deleted_at.is_(None)
    )


def _query(query: MeetingQuery) -> Select[Any]:
    stmt = select(Meeting).where(Meeting.deleted_at.is_(None))
    if query.text:
        stmt = stmt.where(text_filter(query.text, Meeting.title, Meeting.place, Meeting.summary))
    # IN (ids by an indexed column), not a correlated EXISTS: the database then reads the few
    # meetings concerned instead of testing every meeting (200,000 at ministry scale).
    if query.agreement_id:
        stmt = stmt.where(Meeting.id.in_(_meetings_of_agreement(query.agreement_id)))
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


def list_meetings(db: Database, query: MeetingQuery | None = None) -> list[MeetingSummary]:
    query = query or MeetingQuery()
    sort = query.sort if query.sort in SORTABLE else "starts_at"
    keys = sort_keys(db.engine.dialect.name, getattr(Meeting, sort), query.descending)
    attendees, open_actions = _counts()
    stmt = _query(query).add_columns(attendees, open_actions).order_by(*keys, Meeting.id).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with db.session() as s:
        return [
            to_dto(MeetingSummary, m, attendee_count=int(a or 0), open_action_count=int(o or 0))
            for m, a, o in s.execute(stmt)
        ]


def count_meetings(db: Database, query: MeetingQuery | None = None) -> int:
    with db.session() as s:
        return count_of(s, _query(query or MeetingQuery()))


def meetings_of_agreement(db: Database, agreement_id: UUID) -> list[MeetingSummary]:
    return list_meetings(db, MeetingQuery(agreement_id=agreement_id))


def meetings_of_contact(db: Database, contact_id: UUID) -> list[MeetingSummary]:
    return list_meetings(db, MeetingQuery(contact_id=contact_id))


def meetings_of_organization(db: Database, organization_id: UUID) -> list[MeetingSummary]:
    return list_meetings(db, MeetingQuery(organization_id=organization_id))


# -- attendees -----------------------------------------------------------------


def add_attendee(db: Database, meeting_id: UUID, data: AttendeeInput) -> AttendeeView:
    """Add a person to a meeting; organization and title default to the position they held on its day."""
    with db.session() as s:
        meeting = get_live(s, Meeting, meeting_id)
        get_live(s, Contact, data.contact_id)
        exists = s.scalar(
            select(Attendee.id).where(
                Attendee.meeting_id == meeting_id,
                Attendee.contact_id == data.contact_id,
                Attendee.deleted_at.is_(None),
            )
        )
        if exists is not None:
            raise ValidationError(
                "contact_id", "이미 참석자로 등록된 사람입니다.", "This person is already an attendee."
            )
        org_id, title = data.organization_id, text(data.title, "title", "직위", "Title", max_length=200)
        if org_id is not None:
            get_live(s, Organization, org_id)
        if org_id is None or not title:
            day = meeting.starts_at.astimezone().date() if meeting.starts_at else clock.today()
            held = _position_on(s, data.contact_id, day, org_id)
            if held is not None:
                org_id = org_id or held.organization_id
                title = title or held.title
        obj = Attendee(
            meeting_id=meeting_id,
            contact_id=data.contact_id,
            organization_id=org_id,
            title=title,
            attended=data.attended,
        )
        s.add(obj)
        s.flush()
    return next(a for a in list_attendees(db, meeting_id) if a.id == obj.id)


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
        soft_delete(s, get_live(s, Attendee, ident))


def list_attendees(db: Database, meeting_id: UUID) -> list[AttendeeView]:
    stmt = (
        select(Attendee, Contact, Organization)
        .join(Contact, Contact.id == Attendee.contact_id)
        .outerjoin(Organization, Organization.id == Attendee.organization_id)
        .where(Attendee.meeting_id == meeting_id, Attendee.deleted_at.is_(None))
        .order_by(Attendee.created_at)
    )
    with db.session() as s:
        return [
            to_dto(
                AttendeeView,
                a,
                contact_name_ko=c.name_ko,
                contact_name_en=c.name_en,
                organization_name_ko=o.name_ko if o else "",
                organization_name_en=o.name_en if o else "",
            )
            for a, c, o in s.execute(stmt)
        ]


# -- agenda and decisions ------------------------------------------------------


def _next_position(s: Session, model: type[AgendaItem] | type[Decision], meeting_id: UUID) -> int:
    last = s.scalar(select(func.max(model.position)).where(model.meeting_id == meeting_id))
    return (last if last is not None else -1) + 1


def add_agenda_item(db: Database, meeting_id: UUID, data: AgendaItemInput) -> AgendaItemView:
    with db.session() as s:
        get_live(s, Meeting, meeting_id)
        obj = AgendaItem(
            meeting_id=meeting_id,
            position=_next_position(s, AgendaItem, meeting_id),
            title=text(data.title, "title", "안건", "Agenda item", required=True, max_length=500),
            discussion=text(data.discussion, "discussion", "논의 내용", "Discussion", multiline=True),
        )
        s.add(obj)
        s.flush()
        return to_dto(AgendaItemView, obj)


def update_agenda_item(
    db: Database, ident: UUID, data: AgendaItemInput, expected_version: int | None = None
) -> AgendaItemView:
    with db.session() as s:
        obj = get_live(s, AgendaItem, ident)
        check_version(obj, expected_version)
        apply(
            obj,
            {
                "title": text(data.title, "title", "안건", "Agenda item", required=True, max_length=500),
                "discussion": text(data.discussion, "discussion", "논의 내용", "Discussion", multiline=True),
            },
        )
        s.flush()
        return to_dto(AgendaItemView, obj)


def remove_agenda_item(db: Database, ident: UUID) -> None:
    with db.session() as s:
        soft_delete(s, get_live(s, AgendaItem, ident))


def add_decision(db: Database, meeting_id: UUID, decision: str) -> DecisionView:
    with db.session() as s:
        get_live(s, Meeting, meeting_id)
        obj = Decision(
            meeting_id=meeting_id,
            position=_next_position(s, Decision, meeting_id),
            text=text(decision, "text", "결정사항", "Decision", required=True, multiline=True),
        )
        s.add(obj)
        s.flush()
        return to_dto(DecisionView, obj)


def update_decision(
    db: Database, ident: UUID, decision: str, expected_version: int | None = None
) -> DecisionView:
    with db.session() as s:
        obj = get_live(s, Decision, ident)
        check_version(obj, expected_version)
        apply(obj, {"text": text(decision, "text", "결정사항", "Decision", required=True, multiline=True)})
        s.flush()
        return to_dto(DecisionView, obj)


def remove_decision(db: Database, ident: UUID) -> None:
    with db.session() as s:
        soft_delete(s, get_live(s, Decision, ident))


def _children(db: Database, model: type[AgendaItem] | type[Decision], meeting_id: UUID) -> list[Any]:
    stmt = (
        select(model)
        .where(model.meeting_id == meeting_id, model.deleted_at.is_(None))
        .order_by(model.position, model.created_at)
    )
    with db.session() as s:
        return list(s.scalars(stmt))


# -- action items --------------------------------------------------------------


def _action_values(s: Session, data: ActionItemInput) -> dict[str, object]:
    if data.owner_contact_id:
        get_live(s, Contact, data.owner_contact_id)
    if data.owner_organization_id:
        get_live(s, Organization, data.owner_organization_id)
    if data.commitment_id:
        get_live(s, Commitment, data.commitment_id)
    return {
        "title": text(data.title, "title", "조치사항", "Action item", required=True, max_length=500),
        "owner_contact_id": data.owner_contact_id,
        "owner_organization_id": data.owner_organization_id,
        "due_on": data.due_on,
        "status": data.status,
        "commitment_id": data.commitment_id,
    }


def add_action_item(db: Database, meeting_id: UUID, data: ActionItemInput) -> ActionItemView:
    with db.session() as s:
        get_live(s, Meeting, meeting_id)
        obj = ActionItem(meeting_id=meeting_id, **_action_values(s, data))
        s.add(obj)
        s.flush()
        return _one_action(s, obj.id)


def update_action_item(
    db: Database, ident: UUID, data: ActionItemInput, expected_version: int | None = None
) -> ActionItemView:
    with db.session() as s:
        obj = get_live(s, ActionItem, ident)
        check_version(obj, expected_version)
        apply(obj, _action_values(s, data))
        s.flush()
        return _one_action(s, ident)


def remove_action_item(db: Database, ident: UUID) -> None:
    with db.session() as s:
        soft_delete(s, get_live(s, ActionItem, ident))


def carry_over(db: Database, ident: UUID, to_meeting_id: UUID) -> ActionItemView:
    """Carry an open action item to a later meeting: the old one is marked carried over."""
    with db.session() as s:
        old = get_live(s, ActionItem, ident)
        get_live(s, Meeting, to_meeting_id)
        if old.status != ActionStatus.OPEN:
            raise ValidationError(
                "status",
                "진행 중인 조치사항만 이월할 수 있습니다.",
                "Only an open action item can be carried over.",
            )
        if old.meeting_id == to_meeting_id:
            raise ValidationError(
                "meeting_id",
                "같은 회의로는 이월할 수 없습니다.",
                "Choose another meeting to carry it over to.",
            )
        new = ActionItem(
            meeting_id=to_meeting_id,
            title=old.title,
            owner_contact_id=old.owner_contact_id,
            owner_organization_id=old.owner_organization_id,
            due_on=old.due_on,
            status=ActionStatus.OPEN,
            commitment_id=old.commitment_id,
            carried_from_id=old.id,
        )
        old.status = ActionStatus.CARRIED_OVER
        s.add(new)
        s.flush()
        return _one_action(s, new.id)


def _action_base() -> Select[ActionItem, Meeting, Contact, Organization, str]:
    owner = aliased(Contact)
    owner_org = aliased(Organization)
    return (
        select(ActionItem, Meeting, owner, owner_org, Commitment.title)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .outerjoin(owner, owner.id == ActionItem.owner_contact_id)
        .outerjoin(owner_org, owner_org.id == ActionItem.owner_organization_id)
        .outerjoin(Commitment, Commitment.id == ActionItem.commitment_id)
        .where(ActionItem.deleted_at.is_(None), Meeting.deleted_at.is_(None))
    )


def _action_view(
    item: ActionItem,
    meeting: Meeting,
    owner: Contact | None,
    org: Organization | None,
    commitment: str | None,
) -> ActionItemView:
    return to_dto(
        ActionItemView,
        item,
        meeting_title=meeting.title,
        meeting_starts_at=meeting.starts_at,
        owner_name_ko=owner.name_ko if owner else "",
        owner_name_en=owner.name_en if owner else "",
        owner_organization_name_ko=org.name_ko if org else "",
        owner_organization_name_en=org.name_en if org else "",
        commitment_title=commitment or "",
    )


def _one_action(s: Session, ident: UUID) -> ActionItemView:
    return _action_view(*s.execute(_action_base().where(ActionItem.id == ident)).one())


def list_action_items(
    db: Database,
    *,
    meeting_id: UUID | None = None,
    contact_id: UUID | None = None,
    commitment_id: UUID | None = None,
    agreement_id: UUID | None = None,
    open_only: bool = False,
    due_before: date | None = None,
    due_from: date | None = None,
    limit: int | None = None,
) -> list[ActionItemView]:
    stmt = _action_base()
    if meeting_id:
        stmt = stmt.where(ActionItem.meeting_id == meeting_id)
    if contact_id:
        stmt = stmt.where(ActionItem.owner_contact_id == contact_id)
    if commitment_id:
        stmt = stmt.where(ActionItem.commitment_id == commitment_id)
    if agreement_id:
        stmt = stmt.where(ActionItem.meeting_id.in_(_meetings_of_agreement(agreement_id)))
    if open_only:
        stmt = stmt.where(ActionItem.status == ActionStatus.OPEN)
    if due_before:
        stmt = stmt.where(ActionItem.due_on <= due_before)
    if due_from:
        stmt = stmt.where(ActionItem.due_on >= due_from)
    stmt = stmt.order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
    if limit:
        stmt = stmt.limit(limit)
    with db.session() as s:
        return [_action_view(*row) for row in s.execute(stmt)]


def action_items_of_contact(db: Database, contact_id: UUID) -> list[ActionItemView]:
    return list_action_items(db, contact_id=contact_id)


def meeting_detail(db: Database, ident: UUID) -> MeetingDetail:
    record = get_meeting(db, ident)
    with db.session() as s:
        refs = tuple(
            AgreementRef(id=a.id, title_ko=a.title_ko, title_en=a.title_en, status=a.status)
            for a in s.scalars(
                select(Agreement)
                .join(MeetingAgreement, MeetingAgreement.agreement_id == Agreement.id)
                .where(
                    MeetingAgreement.meeting_id == ident,
                    MeetingAgreement.deleted_at.is_(None),
                    Agreement.deleted_at.is_(None),
                )
                .order_by(Agreement.signed_on)
            )
        )
    return MeetingDetail(
        record=record,
        agreements=refs,
        attendees=tuple(list_attendees(db, ident)),
        agenda=tuple(to_dto(AgendaItemView, a) for a in _children(db, AgendaItem, ident)),
        decisions=tuple(to_dto(DecisionView, d) for d in _children(db, Decision, ident)),
        action_items=tuple(list_action_items(db, meeting_id=ident)),
        attachments=tuple(attachments.list_attachments(db, "meeting", ident)),
    )


def meeting_details(db: Database, idents: list[UUID]) -> list[MeetingDetail]:
    """``meeting_detail`` of several meetings (briefings), one query per part rather than per meeting.

    Live meetings only, in the order given; the parts are ordered as ``meeting_detail`` orders them.
    """
    ids = list(dict.fromkeys(idents))
    if not ids:
        return []
    with db.session() as s:
        found = {
            m.id: m
            for m in s.scalars(select(Meeting).where(Meeting.id.in_(ids), Meeting.deleted_at.is_(None)))
        }
        links: dict[UUID, list[UUID]] = {i: [] for i in ids}
        for meeting_id, agreement_id in s.execute(
            select(MeetingAgreement.meeting_id, MeetingAgreement.agreement_id)
            .where(MeetingAgreement.meeting_id.in_(ids), MeetingAgreement.deleted_at.is_(None))
            .order_by(MeetingAgreement.created_at, MeetingAgreement.id)
        ):
            links[meeting_id].append(agreement_id)
        refs: dict[UUID, list[AgreementRef]] = {i: [] for i in ids}
        for meeting_id, agreement in s.execute(
            select(MeetingAgreement.meeting_id, Agreement)
            .join(Agreement, MeetingAgreement.agreement_id == Agreement.id)
            .where(
                MeetingAgreement.meeting_id.in_(ids),
                MeetingAgreement.deleted_at.is_(None),
                Agreement.deleted_at.is_(None),
            )
            .order_by(Agreement.signed_on)
        ):
            refs[meeting_id].append(
                AgreementRef(agreement.id, agreement.title_ko, agreement.title_en, agreement.status)
            )
        attendees: dict[UUID, list[AttendeeView]] = {i: [] for i in ids}
        for a, c, o in s.execute(
            select(Attendee, Contact, Organization)
            .join(Contact, Contact.id == Attendee.contact_id)
            .outerjoin(Organization, Organization.id == Attendee.organization_id)
            .where(Attendee.meeting_id.in_(ids), Attendee.deleted_at.is_(None))
            .order_by(Attendee.created_at)
        ):
            attendees[a.meeting_id].append(
                to_dto(
                    AttendeeView,
                    a,
                    contact_name_ko=c.name_ko,
                    contact_name_en=c.name_en,
                    organization_name_ko=o.name_ko if o else "",
                    organization_name_en=o.name_en if o else "",
                )
            )
        agenda: dict[UUID, list[AgendaItemView]] = {i: [] for i in ids}
        for item in s.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id.in_(ids), AgendaItem.deleted_at.is_(None))
            .order_by(AgendaItem.position, AgendaItem.created_at)
        ):
            agenda[item.meeting_id].append(to_dto(AgendaItemView, item))
        decisions: dict[UUID, list[DecisionView]] = {i: [] for i in ids}
        for decision in s.scalars(
            select(Decision)
            .where(Decision.meeting_id.in_(ids), Decision.deleted_at.is_(None))
            .order_by(Decision.position, Decision.created_at)
        ):
            decisions[decision.meeting_id].append(to_dto(DecisionView, decision))
        actions: dict[UUID, list[ActionItemView]] = {i: [] for i in ids}
        for row in s.execute(
            _action_base()
            .where(ActionItem.meeting_id.in_(ids))
            .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
        ):
            actions[row[0].meeting_id].append(_action_view(*row))
        files: dict[UUID, list[AttachmentView]] = {i: [] for i in ids}
        for f in s.scalars(
            select(Attachment)
            .where(
                Attachment.owner_kind == "meeting",
                Attachment.owner_id.in_(ids),
                Attachment.deleted_at.is_(None),
            )
            .order_by(Attachment.created_at)
        ):
            files[f.owner_id].append(to_dto(AttachmentView, f))
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
