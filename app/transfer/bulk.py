"""Bulk writes for imports: driver-level ``executemany``, their history written by ``app.audit``.

The ORM's per-object flush, and even Core's per-row parameter processing, is too
slow for 100,000 rows, so imports convert each column once through its type's bind
processor and hand plain tuples to the driver. Their changes go to
``app.audit.record_changes``, as a session's do: the same events, with the same field
clocks (an edit is ordered after every edit already known of its record).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, update

from app.audit import AUDITED_OPTIONS, Change, changed, created, insert_rows, record_changes, table_of
from app.models import Entity

__all__ = ["BulkWriter", "insert_rows", "table_of"]


class BulkWriter:
    def __init__(self, conn: Connection, actor: str, device_id: str, now: datetime) -> None:
        self.conn = conn
        self.actor = actor
        self.device_id = device_id
        self.now = now
        self.changes: list[Change] = []

    def insert(self, model: type[Entity], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert new records (``columns`` starts with ``id``) and their "create" events."""
        if not rows:
            return
        table = table_of(model)
        constants = {"created_at": self.now, "updated_at": self.now, "version": 1}
        insert_rows(self.conn, table, columns, rows, constants, AUDITED_OPTIONS)
        kind = model.__tablename__
        names = columns[1:]
        self.changes.extend(created(kind, r[0], dict(zip(names, r[1:], strict=True))) for r in rows)

    def update(
        self, model: type[Entity], changes: Sequence[tuple[uuid.UUID, int, dict[str, list[Any]]]]
    ) -> None:
        """Apply ``(id, current version, {field: [old, new]})`` to records; one event each."""
        table = table_of(model)
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for ident, version, fields in changes:
            change = changed(model.__tablename__, ident, version + 1, fields)
            if change is None:
                continue
            key = tuple(sorted(fields))
            row = {"_id": ident, "_version": version, "updated_at": self.now, "version": version + 1}
            row.update({f: fields[f][1] for f in key})
            groups.setdefault(key, []).append(row)
            self.changes.append(change)
        for key, rows in groups.items():
            stmt = (
                update(table)
                .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_version"))
                .values({f: bindparam(f) for f in (*key, "updated_at", "version")})
            )
            self.conn.execute(stmt, rows, execution_options=AUDITED_OPTIONS)

    def flush_events(self) -> None:
        record_changes(self.conn, self.changes, actor=self.actor, device_id=self.device_id, now=self.now)
        self.changes = []
