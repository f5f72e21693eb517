"""Loading, writing, tombstoning and restoring live records (and the files attached to them)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app import clock
from app.dto import AttachmentView
from app.errors import ConflictError, NotFoundError, ValidationError
from app.models import Attachment, Entity

if TYPE_CHECKING:
    from app.db import Database

E = TypeVar("E", bound=Entity)
D = TypeVar("D")


def get_live(session: Session, model: type[E], ident: UUID) -> E:
    """The record with ``ident``, or :class:`NotFoundError` when missing or deleted."""
    obj = session.get(model, ident)
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(model.kind, ident)
    return obj


def insert_record(db: Database, model: type[E], values: dict[str, Any], view: Callable[[E], D]) -> D:
    """Create one record from validated ``values`` and return its view."""
    with db.session() as s:
        obj = model(**values)
        s.add(obj)
        s.flush()
        return view(obj)


def update_record(
    db: Database,
    model: type[E],
    ident: UUID,
    values: dict[str, Any],
    expected_version: int | None,
    view: Callable[[E], D],
    check: Callable[[E], None] | None = None,
) -> D:
    """Apply validated ``values`` to a live record at ``expected_version``; ``check`` may refuse."""
    with db.session() as s:
        obj = get_live(s, model, ident)
        check_version(obj, expected_version)
        if check is not None:
            check(obj)
        apply(obj, values)
        s.flush()
        return view(obj)


def get_record(db: Database, model: type[E], ident: UUID, view: Callable[[E], D]) -> D:
    with db.session() as s:
        return view(get_live(s, model, ident))


def check_version(obj: Entity, expected: int | None) -> None:
    if expected is not None and obj.version != expected:
        raise ConflictError(type(obj).kind, obj.id, expected, obj.version)


def apply(obj: Entity, values: Mapping[str, Any]) -> None:
    """Set only the attributes that differ, so the audit trail records real changes."""
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def to_dto(cls: type[D], obj: object, **overrides: Any) -> D:
    """Build a frozen dataclass from an ORM object's attributes of the same names."""
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    values = {n: overrides[n] if n in overrides else getattr(obj, n) for n in names}
    return cls(**values)


def soft_delete(session: Session, obj: Entity, expected_version: int | None = None) -> datetime:
    """Tombstone ``obj`` and the files attached to it; returns the time, which restore matches."""
    check_version(obj, expected_version)
    now = clock.now()
    obj.deleted_at = now
    _delete_attachments(session, obj, now)
    return now


def delete_children(session: Session, stmt: Select[E], when: datetime) -> None:
    for child in session.scalars(stmt):
        if child.deleted_at is None:
            child.deleted_at = when
            _delete_attachments(session, child, when)


def restore_children(session: Session, stmt: Select[E], when: datetime) -> None:
    """Bring back the children deleted together with their parent (same tombstone time)."""
    for child in session.scalars(stmt):
        if child.deleted_at == when:
            child.deleted_at = None
            _restore_attachments(session, child, when)


def restore_record(session: Session, model: type[E], ident: UUID) -> tuple[E, datetime]:
    obj = session.get(model, ident)
    if obj is None:
        raise NotFoundError(model.kind, ident)
    if obj.deleted_at is None:
        raise ValidationError(
            "id",
            "삭제되지 않은 항목은 복원할 수 없습니다.",
            "This record is not deleted, so it cannot be restored.",
        )
    when = obj.deleted_at
    obj.deleted_at = None
    _restore_attachments(session, obj, when)
    return obj, when


def _attachments_of(obj: Entity) -> Select[Attachment] | None:
    if isinstance(obj, Attachment):
        return None
    return select(Attachment).where(
        Attachment.owner_kind == type(obj).__tablename__, Attachment.owner_id == obj.id
    )


def _delete_attachments(session: Session, obj: Entity, when: datetime) -> None:
    stmt = _attachments_of(obj)
    if stmt is not None:
        for attachment in session.scalars(stmt.where(Attachment.deleted_at.is_(None))):
            attachment.deleted_at = when


def _restore_attachments(session: Session, obj: Entity, when: datetime) -> None:
    stmt = _attachments_of(obj)
    if stmt is not None:
        for attachment in session.scalars(stmt):
            if attachment.deleted_at == when:
                attachment.deleted_at = None


def attachments_in(
    s: Session, owner_kind: str, owner_ids: Collection[UUID]
) -> dict[UUID, list[AttachmentView]]:
    """The live files attached to each of ``owner_ids`` (records of ``owner_kind``), oldest first."""
    out: dict[UUID, list[AttachmentView]] = {i: [] for i in owner_ids}
    for f in s.scalars(
        select(Attachment)
        .where(
            Attachment.owner_kind == owner_kind,
            Attachment.owner_id.in_(list(out)),
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.created_at)
    ):
        out[f.owner_id].append(to_dto(AttachmentView, f))
    return out
