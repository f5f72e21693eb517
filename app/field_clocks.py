"""Field clocks: which edit of a field is the latest, the same answer everywhere.

Every field's value is the one written by its latest edit, ordered by
``(occurred_at, device_id, event id)`` of the audit events. A new local edit must
sort after every edit the database already holds for that record (a wall clock
may lag behind an imported edit), so :func:`next_stamps` moves its time forward when
needed; ``app.audit.record_changes`` asks it for every event it writes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select

from app.models import AuditEvent

Clock = tuple[datetime, str, str]
NO_CLOCK: Clock = (datetime.min.replace(tzinfo=UTC), "", "")
TICK = timedelta(microseconds=1)
_CHUNK = 500


def next_stamps(conn: Connection, ids: Sequence[uuid.UUID], now: datetime) -> dict[uuid.UUID, datetime]:
    """The time of a new edit of each record in ``ids``: ``now``, or just after its latest known edit."""
    latest: dict[uuid.UUID, datetime] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _CHUNK):
        part = unique[start : start + _CHUNK]
        rows = conn.execute(
            select(AuditEvent.entity_id, func.max(AuditEvent.occurred_at))
            .where(AuditEvent.entity_id.in_(part))
            .group_by(AuditEvent.entity_id)
        )
        for ident, at in rows:
            if at is not None:
                latest[ident] = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    out: dict[uuid.UUID, datetime] = {}
    for ident in unique:
        known = latest.get(ident)
        out[ident] = known + TICK if known is not None and known >= now else now
    return out


def field_clocks(events: Iterable[tuple[uuid.UUID, datetime, str, dict[str, Any]]]) -> dict[str, Clock]:
    """The latest edit of each field among ``(event id, occurred_at, device_id, changes)``."""
    clocks: dict[str, Clock] = {}
    for ident, at, device, changes in events:
        stamp: Clock = (at, device, str(ident))
        for name in changes:
            if stamp > clocks.get(name, NO_CLOCK):
                clocks[name] = stamp
    return clocks
