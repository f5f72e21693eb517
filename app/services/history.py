"""The change history of a record, and restoring a previous value."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.dto import (
    AgreementInput,
    CommitmentInput,
    ContactInput,
    HistoryEntry,
    MeetingInput,
    MembershipInput,
    OrganizationInput,
    RecentChange,
)
from app.errors import NotFoundError, ValidationError
from app.exchange.legacy import modern_changes
from app.models import (
    ENTITY_BY_TABLE,
    Agreement,
    AuditEvent,
    Commitment,
    Contact,
    Entity,
    Meeting,
    Membership,
    Organization,
)
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.agreements import check_transition
from app.services.records import apply, check_version, get_live
from app.services.validation import split_tags

KIND_ALIASES = {"action_item": "action_item", "action-item": "action_item", "agenda-item": "agenda_item"}


def model_for(kind: str) -> type[Entity]:
    table = KIND_ALIASES.get(kind, kind)
    try:
        return ENTITY_BY_TABLE[table]
    except KeyError:
        raise ValidationError(
            "kind",
            f"알 수 없는 종류입니다: {kind}",
            f"Unknown kind '{kind}'. Use one of: {', '.join(sorted(ENTITY_BY_TABLE))}.",
        ) from None


def history(db: Database, kind: str, ident: UUID) -> list[HistoryEntry]:
    model = model_for(kind)
    with db.session() as s:
        if s.get(model, ident) is None:
            raise NotFoundError(model.kind, ident)
        events = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_id == ident, AuditEvent.entity_kind == model.__tablename__)
            .order_by(AuditEvent.occurred_at, AuditEvent.version)
        ).all()
        return [
            HistoryEntry(
                id=e.id,
                occurred_at=e.occurred_at,
                actor=e.actor,
                action=e.action,
                version=e.version,
                changes=dict(modern_changes(e.entity_kind, e.changes)),
            )
            for e in events
        ]


def restore_value(
    db: Database, kind: str, ident: UUID, event_id: UUID, field: str, expected_version: int | None = None
) -> None:
    """Put back a field's value from before the change recorded by ``event_id``."""
    model = model_for(kind)
    with db.session() as s:
        event = s.get(AuditEvent, event_id)
        # An edit recorded before 0011 split the field names it by its one-language name.
        changes = modern_changes(event.entity_kind, event.changes) if event is not None else {}
        if event is None or event.entity_id != ident or field not in changes:
            raise ValidationError(
                "field",
                "이 변경 이력에는 해당 항목의 값이 없습니다.",
                "That change did not touch this field.",
            )
        if field in _NOT_RESTORABLE:
            raise ValidationError(
                "field",
                "이 항목은 이력에서 되돌릴 수 없습니다. 삭제된 기록은 '복원'을 사용하십시오.",
                "This field cannot be put back from the history; use Restore for a deleted record.",
            )
        obj = get_live(s, model, ident)
        check_version(obj, expected_version)
        old = changes[field][0]
        column = model.__table__.c[field]
        value = _from_json(old, column.type.python_type)
        if isinstance(obj, Agreement) and field == "status":
            check_transition(obj.status, value)
        apply(obj, {field: value})
        _validate(s, obj)


_NOT_RESTORABLE = frozenset({"id", "created_at", "updated_at", "version", "deleted_at"})


def _validate(s: Session, obj: Entity) -> None:
    """Check the record with the value put back, as saving it from its form would."""

    def values(cls: type[Any], **overrides: Any) -> Any:
        # The record's own value only where no override is given: a meeting has no ``agreement_ids``.
        fields = dataclasses.fields(cls)
        return cls(
            **{f.name: overrides[f.name] if f.name in overrides else getattr(obj, f.name) for f in fields}
        )

    if isinstance(obj, Organization):
        organizations.organization_values(values(OrganizationInput))
    elif isinstance(obj, Contact):
        contacts.contact_values(values(ContactInput))
    elif isinstance(obj, Agreement):
        agreements.agreement_values(values(AgreementInput, tags=split_tags(obj.tags)))
    elif isinstance(obj, Meeting):
        meetings.meeting_values(values(MeetingInput, agreement_ids=()))
    elif isinstance(obj, Commitment):
        commitments.commitment_values(s, values(CommitmentInput))
    elif isinstance(obj, Membership):
        contacts.membership_values(s, values(MembershipInput))


def _from_json(value: Any, python_type: type[Any]) -> Any:
    if value is None:
        return None
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is datetime:
        return datetime.fromisoformat(value)
    if python_type is UUID:
        return UUID(value)
    return python_type(value)


def recent_changes(db: Database, limit: int = 20) -> list[RecentChange]:
    shown = ("agreement", "organization", "contact", "meeting", "commitment")
    with db.session() as s:
        events = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_kind.in_(shown))
            .order_by(AuditEvent.occurred_at.desc())
            .limit(limit * 3)
        ).all()
        out: list[RecentChange] = []
        seen: set[UUID] = set()
        for e in events:
            if e.entity_id in seen:
                continue
            obj = s.get(ENTITY_BY_TABLE[e.entity_kind], e.entity_id)
            if obj is None or obj.deleted_at is not None:
                continue
            seen.add(e.entity_id)
            label_ko, label_en = _labels(obj)
            out.append(
                RecentChange(
                    kind=e.entity_kind,
                    id=e.entity_id,
                    label_ko=label_ko,
                    label_en=label_en,
                    action=e.action,
                    occurred_at=e.occurred_at,
                )
            )
            if len(out) >= limit:
                break
        return out


def _labels(obj: Entity) -> tuple[str, str]:
    """The record's title or name in Korean and in English; a missing one stays empty (the UI
    shows the other, marked), and a record with neither is named by its id."""
    ko = next((str(v) for a in ("title_ko", "name_ko", "text_ko") if (v := getattr(obj, a, ""))), "")
    en = next((str(v) for a in ("title_en", "name_en", "text_en") if (v := getattr(obj, a, ""))), "")
    return (ko if ko or en else str(obj.id)), en
