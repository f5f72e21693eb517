"""Bulk writes for imports: driver-level ``executemany`` with audit events written alongside.

The ORM's per-object flush, and even Core's per-row parameter processing, is too
slow for 100,000 rows, so imports convert each column once through its type's bind
processor and hand plain tuples to the driver. They write the ``AuditEvent`` rows
``app.audit`` would have written for the same changes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, Uuid, bindparam, update

from app.audit import jsonable
from app.models import AuditEvent, Entity

CHUNK = 20_000


def table_of(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def _processor(table: Table, name: str, dialect: Any) -> Callable[[Any], Any] | None:
    column = table.c[name]
    if dialect.name == "sqlite" and isinstance(column.type, Uuid):
        return _hex  # what SQLAlchemy stores on SQLite, without its per-value overhead
    return cast(Callable[[Any], Any] | None, column.type._cached_bind_processor(dialect))


def _hex(value: uuid.UUID) -> str:
    return value.hex


def insert_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    constants: dict[str, Any] | None = None,
) -> None:
    """INSERT ``rows`` (tuples of Python values in ``columns`` order) plus the same ``constants``
    in every row, with one driver ``executemany`` per chunk."""
    if not rows:
        return
    dialect = conn.dialect
    constants = constants or {}
    fixed: tuple[Any, ...] = ()
    for name, value in constants.items():
        proc = _processor(table, name, dialect)
        fixed += (proc(value) if proc is not None and value is not None else value,)
    names = (*columns, *constants)
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join([mark] * len(names))})"
    active = [(i, p) for i, name in enumerate(columns) if (p := _processor(table, name, dialect)) is not None]
    for start in range(0, len(rows), CHUNK):
        converted = []
        for row in rows[start : start + CHUNK]:
            values = list(row)
            for i, proc in active:
                if values[i] is not None:
                    values[i] = proc(values[i])
            converted.append((*values, *fixed))
        conn.exec_driver_sql(sql, converted)


_EVENT_COLUMNS = ("id", "entity_kind", "entity_id", "action", "version", "changes")


class BulkWriter:
    def __init__(self, conn: Connection, actor: str, device_id: str, now: datetime) -> None:
        self.conn = conn
        self.actor = actor
        self.device_id = device_id
        self.now = now
        self.events: list[tuple[Any, ...]] = []

    def _event(self, kind: str, ident: uuid.UUID, action: str, version: int, changes: dict[str, Any]) -> None:
        self.events.append((uuid.uuid4(), kind, ident, action, version, changes))

    def insert(self, model: type[Entity], columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert new records (``columns`` starts with ``id``) and their "create" events."""
        if not rows:
            return
        table = table_of(model)
        constants = {"created_at": self.now, "updated_at": self.now, "version": 1}
        insert_rows(self.conn, table, columns, rows, constants)
        kind = model.__tablename__
        names = columns[1:]
        for r in rows:
            changes = {
                k: [None, v if type(v) is str else jsonable(v)]
                for k, v in zip(names, r[1:], strict=True)
                if v is not None and v != ""
            }
            self._event(kind, r[0], "create", 1, changes)

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
        constants = {"occurred_at": self.now, "actor": self.actor, "device_id": self.device_id}
        insert_rows(self.conn, table_of(AuditEvent), _EVENT_COLUMNS, self.events, constants)
        self.events = []
