"""The audit trail: every write to a record leaves an ``AuditEvent``, written here and only here.

An event is what ``history`` shows and what an exchange merges by: its time is the
field clock of every field it changed (``app.field_clocks``). Every write path hands
its changes to :func:`record_changes`: the session hook below for the services (and
everything else that writes through the ORM: restoring from history, reversing a
conflict, the importers that upsert), and the SQL writers for what the ORM would be too
slow for (the contacts bulk import, JSON archive import). :func:`install` also refuses
an ``INSERT``/``UPDATE``/``DELETE`` of a record table that does not come from one of
them (a session's flush, or a statement marked :data:`AUDITED_OPTIONS` by a writer that
records its changes), so a new path cannot forget its history. Only SQL written out as
``text()`` is let through: a repair by hand, or a test building an old database.

The session hook also keeps ``updated_at`` current, so services never set timestamps
by hand.
"""

from __future__ import annotations

import contextvars
import enum
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, Uuid, event, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import TextClause

from app import clock, field_clocks
from app.models import ENTITY_TYPES, AuditEvent, Entity

_SKIP = frozenset({"created_at", "updated_at", "version"})
# The columns of a record that are bookkeeping, not something a person edited.
BOOKKEEPING = frozenset({"id", *_SKIP})
RECORD_TABLES = frozenset(cls.__tablename__ for cls in ENTITY_TYPES)
# Set (to True) on a connection's execution options by a writer that records its changes.
AUDITED = "partnership_desk_audited"


@dataclass(frozen=True)
class Change:
    """One write to one record, as its history shows it: ``{field: [before, after]}``."""

    kind: str  # the record's table
    entity_id: uuid.UUID
    action: str  # create, update, delete, restore
    version: int  # the record's version after the write
    changes: dict[str, list[Any]]


def jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def created(kind: str, ident: uuid.UUID, values: Mapping[str, Any], version: int = 1) -> Change:
    """The "create" event of a new record with ``values`` (empty values are left out)."""
    changes = {
        k: [None, v if type(v) is str else jsonable(v)]
        for k, v in values.items()
        if k not in BOOKKEEPING and v is not None and v != ""
    }
    return Change(kind, ident, "create", version, changes)


def changed(kind: str, ident: uuid.UUID, version: int, diffs: Mapping[str, Sequence[Any]]) -> Change | None:
    """The event of an edit ``{field: (before, after)}``; ``None`` when no field changed."""
    changes = {k: [jsonable(old), jsonable(new)] for k, (old, new) in diffs.items() if k not in BOOKKEEPING}
    changes = {k: pair for k, pair in changes.items() if pair[0] != pair[1]}
    if not changes:
        return None
    action = "update"
    if "deleted_at" in changes:
        action = "delete" if changes["deleted_at"][1] else "restore"
    return Change(kind, ident, action, version, changes)


_EVENT_COLUMNS = ("id", "occurred_at", "entity_kind", "entity_id", "action", "version", "changes")


def record_changes(
    conn: Connection, changes: Sequence[Change], *, actor: str, device_id: str, now: datetime
) -> None:
    """Write the events of ``changes``, each ordered after every edit already known of its record."""
    if not changes:
        return
    stamps = field_clocks.next_stamps(conn, [c.entity_id for c in changes if c.action != "create"], now)
    rows = []
    for c in changes:
        at = stamps.get(c.entity_id, now)
        stamps[c.entity_id] = at + field_clocks.TICK  # a second change of the record in this batch
        rows.append((uuid.uuid4(), at, c.kind, c.entity_id, c.action, c.version, c.changes))
    insert_rows(conn, table_of(AuditEvent), _EVENT_COLUMNS, rows, {"actor": actor, "device_id": device_id})


# -- the session hook: the services and every ORM write ---------------------------------------


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush_postexec", _after_flush)
    event.listen(factory, "after_soft_rollback", lambda s, _t: _after_flush(s, None))
    engine = factory.kw.get("bind")
    if isinstance(engine, Engine) and not event.contains(engine, "before_cursor_execute", _refuse_unaudited):
        event.listen(engine, "before_cursor_execute", _refuse_unaudited)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    now = clock.now()
    preserve = bool(session.info.get("preserve_timestamps"))
    changes: list[Change] = []
    for obj in list(session.new):
        if not isinstance(obj, Entity):
            continue
        if obj.id is None:
            obj.id = uuid.uuid4()
        if not preserve or obj.created_at is None:
            obj.created_at = now
        if not preserve or obj.updated_at is None:
            obj.updated_at = now
        values = {attr.key: getattr(obj, attr.key) for attr in inspect(obj).mapper.column_attrs}
        changes.append(created(type(obj).__tablename__, obj.id, values))
    for obj in list(session.dirty):
        if not isinstance(obj, Entity) or not session.is_modified(obj, include_collections=False):
            continue
        change = changed(type(obj).__tablename__, obj.id, (obj.version or 0) + 1, _diffs(obj))
        if change is None:
            continue
        if not preserve:
            obj.updated_at = now
        changes.append(change)
    if changes and not session.info.get("skip_audit"):
        with session.no_autoflush:
            conn = session.connection()
            record_changes(
                conn,
                changes,
                actor=str(session.info.get("actor", "")),
                device_id=str(session.info.get("device_id", "")),
                now=now,
            )
    _FLUSHING.set(session)


def _after_flush(session: Session, _context: object) -> None:
    if _FLUSHING.get() is session:
        _FLUSHING.set(None)


def _diffs(obj: Entity) -> dict[str, tuple[Any, Any]]:
    state = inspect(obj)
    out: dict[str, tuple[Any, Any]] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            out[attr.key] = (hist.deleted[0] if hist.deleted else None, hist.added[0] if hist.added else None)
    return out


# -- no write without its history ----------------------------------------------------------------

_FLUSHING: contextvars.ContextVar[Session | None] = contextvars.ContextVar("audit_flushing", default=None)
_SQL_TARGET = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)


class UnauditedWrite(RuntimeError):
    """A program error: a record table was written by a path that leaves no history."""


# The execution options of a statement whose changes are recorded with record_changes.
AUDITED_OPTIONS: Mapping[str, Any] = {AUDITED: True}


def _refuse_unaudited(
    conn: Connection, _cursor: object, statement: str, _params: object, context: Any, _many: bool
) -> None:
    match = _SQL_TARGET.match(statement)
    if match is None or match.group(1).lower() not in RECORD_TABLES:
        return
    options = context.execution_options if context is not None else conn.get_execution_options()
    if options.get(AUDITED):
        return
    compiled = getattr(context, "compiled", None)
    if compiled is not None and isinstance(compiled.statement, TextClause):
        return  # SQL typed out on purpose (a repair, a test making an old database), not a program path
    flushing = _FLUSHING.get()
    if flushing is not None and flushing.in_transaction():
        return
    raise UnauditedWrite(
        f"{match.group(1)} written without its history: write it through a session, "
        "or record the changes with app.audit.record_changes and mark the statement app.audit.AUDITED"
    )


# -- fast rows for the SQL writers ----------------------------------------------------------------


def table_of(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def _processor(table: Table, name: str, dialect: Any) -> Callable[[Any], Any] | None:
    column = table.c[name]
    if dialect.name == "sqlite" and isinstance(column.type, Uuid):
        return _hex  # what SQLAlchemy stores on SQLite, without its per-value overhead
    return cast(Callable[[Any], Any] | None, column.type._cached_bind_processor(dialect))


def _hex(value: uuid.UUID) -> str:
    return value.hex


CHUNK = 20_000


def insert_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    constants: dict[str, Any] | None = None,
    options: Mapping[str, Any] | None = None,
) -> None:
    """INSERT ``rows`` (tuples of Python values in ``columns`` order) plus the same ``constants``
    in every row, with one driver ``executemany`` per chunk (``options``: its execution options)."""
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
        conn.exec_driver_sql(sql, converted, execution_options=options)
