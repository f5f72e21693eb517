"""Field clocks: which edit of a field is the latest, the same answer everywhere.

Every field's value is the one written by its latest edit, ordered by
``(occurred_at, device_id, event id)`` of the audit events. A new local edit must
sort after every edit the database already holds for that record (a wall clock
may lag behind an imported edit), so ``install`` nudges its time forward when needed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import AuditEvent

Clock = tuple[datetime, str, str]
NO_CLOCK: Clock = (datetime.min.replace(tzinfo=UTC), "", "")
_TICK = timedelta(microseconds=1)


def install(factory: sessionmaker[Session]) -> None:
    """Register after ``app.audit.install`` so the new events are in ``session.new``."""
    event.listen(factory, "before_flush", _after_audit)


def _after_audit(session: Session, _context: object, _instances: object) -> None:
    fresh = [o for o in session.new if isinstance(o, AuditEvent) and o.action != "create"]
    if not fresh:
        return
    with session.no_autoflush:
        for ev in fresh:
            latest = session.scalar(
                select(func.max(AuditEvent.occurred_at)).where(AuditEvent.entity_id == ev.entity_id)
            )
            if latest is not None:
                if latest.tzinfo is None:
                    latest = latest.replace(tzinfo=UTC)
                if ev.occurred_at <= latest:
                    ev.occurred_at = latest + _TICK


def field_clocks(events: Iterable[tuple[uuid.UUID, datetime, str, dict[str, Any]]]) -> dict[str, Clock]:
    """The latest edit of each field among ``(event id, occurred_at, device_id, changes)``."""
    clocks: dict[str, Clock] = {}
    for ident, at, device, changes in events:
        stamp: Clock = (at, device, str(ident))
        for name in changes:
            if stamp > clocks.get(name, NO_CLOCK):
                clocks[name] = stamp
    return clocks
