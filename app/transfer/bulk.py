"""Bulk writes for imports: Core inserts and updates with their audit events written alongside.

The ORM's per-object flush is too slow for 100,000 rows, so imports insert with
``executemany`` and write the ``AuditEvent`` rows ``app.audit`` would have written.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, insert, update

from app.audit import jsonable
from app.models import AuditEvent, Entity

CHUNK = 5000


def table_of(model: type[Entity] | type[AuditEvent]) -> Table:
    return cast(Table, model.__table__)


class BulkWriter:
    def __init__(self, conn: Connection, actor: str, device_id: str, now: datetime) -> None:
        self.conn = conn
        self.actor = actor
        self.device_id = device_id
        self.now = now
        self.events: list[dict[str, Any]] = []

    def _event(self, kind: str, ident: uuid.UUID, action: str, version: int, changes: dict[str, Any]) -> None:
        self.events.append(
            {
                "id": uuid.uuid4(),
                "occurred_at": self.now,
                "actor": self.actor,
                "device_id": self.device_id,
                "entity_kind": kind,
                "entity_id": ident,
                "action": action,
                "version": version,
                "changes": changes,
            }
        )
        if len(self.events) >= CHUNK:
            self.flush_events()

    def insert(self, model: type[Entity], rows: Sequence[dict[str, Any]]) -> None:
        """Insert new records (each row has its ``id``) and their "create" events."""
        if not rows:
            return
        full = [
            {**r, "created_at": self.now, "updated_at": self.now, "version": 1, "deleted_at": None}
            for r in rows
        ]
        table = table_of(model)
        for start in range(0, len(full), CHUNK):
            self.conn.execute(insert(table), full[start : start + CHUNK])
        for r in rows:
            changes = {k: [None, jsonable(v)] for k, v in r.items() if k != "id" and v not in (None, "")}
            self._event(model.__tablename__, r["id"], "create", 1, changes)

    def update(
        self, model: type[Entity], changes: Sequence[tuple[uuid.UUID, int, dict[str, list[Any]]]]
    ) -> None:
        """Apply ``(id, current version, {field: [old, new]})`` to records; one event each."""
        table = table_of(model)
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for ident, version, fields in changes:
            if not fields:
                continue
            key = tuple(sorted(fields))
            row = {"_id": ident, "_version": version, "updated_at": self.now, "version": version + 1}
            row.update({f: fields[f][1] for f in key})
            groups.setdefault(key, []).append(row)
            self._event(
                model.__tablename__,
                ident,
                "update",
                version + 1,
                {f: [jsonable(v) for v in fields[f]] for f in key},
            )
        for key, rows in groups.items():
            stmt = (
                update(table)
                .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_version"))
                .values({f: bindparam(f) for f in (*key, "updated_at", "version")})
            )
            self.conn.execute(stmt, rows)

    def flush_events(self) -> None:
        if self.events:
            self.conn.execute(insert(table_of(AuditEvent)), self.events)
            self.events = []
