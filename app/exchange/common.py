"""What export and import share: the format, tables, peers' exchange points."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Connection, select, update
from sqlalchemy.sql.schema import Table

from app.errors import ValidationError
from app.models import ENTITY_TYPES, AuditEvent, Conflict, Meta

FORMAT = "partnership-desk-exchange"
FORMAT_VERSION = 1
ENTITY_TABLES: list[Table] = [cls.__table__ for cls in ENTITY_TYPES]  # type: ignore[misc]
TABLE_BY_NAME = {t.name: t for t in ENTITY_TABLES}
EVENTS: Table = AuditEvent.__table__  # type: ignore[assignment]
CONFLICTS: Table = Conflict.__table__  # type: ignore[assignment]
META: Table = Meta.__table__  # type: ignore[assignment]
# Merge bookkeeping, not data: these are decided by the merge itself.
RECORD_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "version"})
PEER_HAS = "exchange.peer_has."  # + device id: that peer holds our changes up to this time
RECEIVED = "exchange.received."  # + device id: we hold that peer's changes up to this time
LAST_EXPORT = "exchange.last_export"
SINCE_MARGIN = timedelta(minutes=10)  # transactions still open when a bundle was written
CONFLICT_NS = uuid.UUID("6f1d2c3e-8a4b-4c7d-9e0f-2a1b3c4d5e6f")

T = TypeVar("T")


def conflict_id(kind: str, ident: uuid.UUID, field: str, event_a: str, event_b: str) -> uuid.UUID:
    """The id of the conflict between two edits of one field: the same on every database."""
    pair = "|".join(sorted((event_a, event_b)))
    return uuid.uuid5(CONFLICT_NS, f"{kind}|{ident}|{field}|{pair}")


def chunks(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def meta_items(conn: Connection, prefix: str) -> dict[str, str]:
    rows = conn.execute(
        select(META.c.key, META.c.value).where(META.c.key.startswith(prefix, autoescape=True))
    )
    return {key[len(prefix) :]: value for key, value in rows}


def meta_put(conn: Connection, key: str, value: str) -> None:
    exists = conn.scalar(select(META.c.key).where(META.c.key == key))
    if exists is None:
        conn.execute(META.insert().values(key=key, value=value))
    else:
        conn.execute(update(META).where(META.c.key == key).values(value=value))


def meta_put_max(conn: Connection, key: str, value: str) -> None:
    """Keep the later of two ISO timestamps."""
    old = conn.scalar(select(META.c.value).where(META.c.key == key))
    if old is None or _parse_stamp(old) < _parse_stamp(value):
        meta_put(conn, key, value)


def _parse_stamp(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_since(text: str) -> datetime:
    """``2026-11-01`` (midnight UTC) or an ISO timestamp (UTC when no zone is given)."""
    value = text.strip()
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            "since",
            f"--since 값을 이해할 수 없습니다: {text} (LAST, 2026-11-01 또는 2026-11-01T09:00 형식)",
            f"Cannot read --since {text!r}: use LAST, a date such as 2026-11-01, or 2026-11-01T09:00.",
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def normalize(row: dict[str, Any]) -> dict[str, Any]:
    """A row read from the database in the form the bundle parser produces (enums as values)."""
    for key, value in row.items():
        enum_value = getattr(value, "value", None)
        if enum_value is not None and not isinstance(value, str | int | bool | dict | list):
            row[key] = enum_value
    return row
