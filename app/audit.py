"""The audit trail: every write to a record leaves an ``AuditEvent``.

Installed once per session factory. It also keeps ``updated_at`` current, so
services never set timestamps by hand. Exchange imports set
``session.info["preserve_timestamps"]`` to keep the timestamps they carry.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from app import clock
from app.models import AuditEvent, Entity

_SKIP = frozenset({"created_at", "updated_at", "version"})


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)


def jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    now = clock.now()
    preserve = bool(session.info.get("preserve_timestamps"))
    if session.info.get("skip_audit"):
        events: list[AuditEvent] | None = None
    else:
        events = []
    for obj in list(session.new):
        if not isinstance(obj, Entity):
            continue
        if obj.id is None:
            obj.id = uuid.uuid4()
        if not preserve or obj.created_at is None:
            obj.created_at = now
        if not preserve or obj.updated_at is None:
            obj.updated_at = now
        if events is not None:
            values = {
                attr.key: [None, jsonable(getattr(obj, attr.key))]
                for attr in inspect(obj).mapper.column_attrs
                if attr.key not in _SKIP and attr.key != "id" and getattr(obj, attr.key) not in (None, "")
            }
            events.append(_event(session, obj, "create", 1, values, now))
    for obj in list(session.dirty):
        if not isinstance(obj, Entity) or not session.is_modified(obj, include_collections=False):
            continue
        changes = _changes(obj)
        if not changes:
            continue
        if not preserve:
            obj.updated_at = now
        if events is not None:
            action = "update"
            if "deleted_at" in changes:
                action = "delete" if changes["deleted_at"][1] else "restore"
            events.append(_event(session, obj, action, (obj.version or 0) + 1, changes, now))
    if events:
        session.add_all(events)


def _changes(obj: Entity) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP:
            continue
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old != new:
            out[attr.key] = [jsonable(old), jsonable(new)]
    return out


def _event(
    session: Session, obj: Entity, action: str, version: int, changes: dict[str, Any], now: datetime
) -> AuditEvent:
    return AuditEvent(
        id=uuid.uuid4(),
        occurred_at=now,
        actor=str(session.info.get("actor", "")),
        device_id=str(session.info.get("device_id", "")),
        entity_kind=type(obj).__tablename__,
        entity_id=obj.id,
        action=action,
        version=version,
        changes=changes,
    )
