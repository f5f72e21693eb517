"""Action items agreed at meetings: who does what by when, carried over until done."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from app.db import Database
from app.dto import ActionItemInput, ActionItemView
from app.enums import ActionStatus
from app.errors import ValidationError
from app.models import ActionItem, Commitment, Contact, Meeting, Organization
from app.services.children import ChildRows
from app.services.meeting_parts import meetings_of_agreement_ids
from app.services.records import get_live, to_dto
from app.services.validation import bilingual

ACTION_ITEMS = ChildRows(Meeting, ActionItem, "meeting_id")


def _action_values(s: Session, data: ActionItemInput) -> dict[str, object]:
    if data.owner_contact_id:
        get_live(s, Contact, data.owner_contact_id)
    if data.owner_organization_id:
        get_live(s, Organization, data.owner_organization_id)
    if data.commitment_id:
        get_live(s, Commitment, data.commitment_id)
    return {
        **bilingual(data, "title", ("조치사항", "Action item"), required=True, max_length=500),
        "owner_contact_id": data.owner_contact_id,
        "owner_organization_id": data.owner_organization_id,
        "due_on": data.due_on,
        "status": data.status,
        "commitment_id": data.commitment_id,
    }


def add_action_item(db: Database, meeting_id: UUID, data: ActionItemInput) -> ActionItemView:
    with db.session() as s:
        obj = ACTION_ITEMS.add(s, meeting_id, lambda _: _action_values(s, data))
        return _one_action(s, obj.id)


def update_action_item(
    db: Database, ident: UUID, data: ActionItemInput, expected_version: int | None = None
) -> ActionItemView:
    with db.session() as s:
        ACTION_ITEMS.update(s, ident, expected_version, lambda _: _action_values(s, data))
        return _one_action(s, ident)


def remove_action_item(db: Database, ident: UUID) -> None:
    with db.session() as s:
        ACTION_ITEMS.remove(s, ident)


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
            title_ko=old.title_ko,
            title_en=old.title_en,
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


def action_rows() -> Select[ActionItem, Meeting, Contact, Organization, str, str]:
    """Live action items of live meetings, with owner, owner organization and commitment titles."""
    owner = aliased(Contact)
    owner_org = aliased(Organization)
    return (
        select(ActionItem, Meeting, owner, owner_org, Commitment.title_ko, Commitment.title_en)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .outerjoin(owner, owner.id == ActionItem.owner_contact_id)
        .outerjoin(owner_org, owner_org.id == ActionItem.owner_organization_id)
        .outerjoin(Commitment, Commitment.id == ActionItem.commitment_id)
        .where(ActionItem.deleted_at.is_(None), Meeting.deleted_at.is_(None))
    )


def action_view(
    item: ActionItem,
    meeting: Meeting,
    owner: Contact | None,
    org: Organization | None,
    commitment_ko: str | None,
    commitment_en: str | None,
) -> ActionItemView:
    return to_dto(
        ActionItemView,
        item,
        meeting_title_ko=meeting.title_ko,
        meeting_title_en=meeting.title_en,
        meeting_starts_at=meeting.starts_at,
        meeting_time_zone=meeting.time_zone,
        owner_name_ko=owner.name_ko if owner else "",
        owner_name_en=owner.name_en if owner else "",
        owner_organization_name_ko=org.name_ko if org else "",
        owner_organization_name_en=org.name_en if org else "",
        commitment_title_ko=commitment_ko or "",
        commitment_title_en=commitment_en or "",
    )


def _one_action(s: Session, ident: UUID) -> ActionItemView:
    return action_view(*s.execute(action_rows().where(ActionItem.id == ident)).one())


def action_items_in(
    s: Session,
    *,
    meeting_ids: list[UUID] | None = None,
    contact_id: UUID | None = None,
    commitment_id: UUID | None = None,
    agreement_id: UUID | None = None,
    open_only: bool = False,
    due_before: date | None = None,
    due_from: date | None = None,
    limit: int | None = None,
) -> list[ActionItemView]:
    """``list_action_items`` in an open session (``meeting_ids``: of any of these meetings)."""
    stmt = action_rows()
    if meeting_ids is not None:
        stmt = stmt.where(ActionItem.meeting_id.in_(meeting_ids))
    if contact_id:
        stmt = stmt.where(ActionItem.owner_contact_id == contact_id)
    if commitment_id:
        stmt = stmt.where(ActionItem.commitment_id == commitment_id)
    if agreement_id:
        stmt = stmt.where(ActionItem.meeting_id.in_(meetings_of_agreement_ids(agreement_id)))
    if open_only:
        stmt = stmt.where(ActionItem.status == ActionStatus.OPEN)
    if due_before:
        stmt = stmt.where(ActionItem.due_on <= due_before)
    if due_from:
        stmt = stmt.where(ActionItem.due_on >= due_from)
    stmt = stmt.order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
    if limit:
        stmt = stmt.limit(limit)
    return [action_view(*row) for row in s.execute(stmt)]


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
    with db.session() as s:
        return action_items_in(
            s,
            meeting_ids=[meeting_id] if meeting_id else None,
            contact_id=contact_id,
            commitment_id=commitment_id,
            agreement_id=agreement_id,
            open_only=open_only,
            due_before=due_before,
            due_from=due_from,
            limit=limit,
        )


def action_items_of_contact(db: Database, contact_id: UUID) -> list[ActionItemView]:
    return list_action_items(db, contact_id=contact_id)
