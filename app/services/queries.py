"""Pieces of list queries: text filters, counts and ORDER BY terms that agree on both databases."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Enum as SAEnum
from sqlalchemy import Select, String, Text, and_, case, cast, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session

T = TypeVar("T")
# Ids per ``IN (...)`` when rows are read by id (well under SQLite's limit on bound parameters).
CHUNK = 500


def like_pattern(text_value: str) -> str:
    escaped = text_value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def text_filter(text_value: str, *columns: Any) -> Any:
    """Case-insensitive substring match of ``text_value`` in any of ``columns`` (LIKE, escaped)."""
    pattern = like_pattern(text_value)
    return or_(*(column.ilike(pattern, escape="\\") for column in columns))


def count_of(session: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)


def packed_ids(session: Session, stmt: Select[*tuple[Any, ...]], id_column: Any) -> bytes:
    """The ids ``stmt`` selects, in its order, packed 16 bytes each (``UUID.bytes``).

    A list's whole ordered result as ids: 8 MB for 500,000 rows, where UUID objects
    would cost eight times as much and most of the time. The ids are read as text
    (SQLite stores them as 32 hex digits; PostgreSQL's are cast) and turned into
    bytes in one go, not one UUID object per row.
    """
    if session.get_bind().dialect.name == "postgresql":
        as_text: Any = func.replace(cast(id_column, Text), "-", "")
    else:
        as_text = type_coerce(id_column, String)
    texts = session.execute(stmt.with_only_columns(as_text)).scalars().all()
    return bytes.fromhex("".join(texts))


def unpack_ids(packed: bytes) -> list[UUID]:
    return [UUID(bytes=packed[i : i + 16]) for i in range(0, len(packed), 16)]


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size`` (for ``IN (...)`` lists)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Where Hangul sits in Unicode: conjoining jamo (decomposed text), compatibility jamo, syllables.
_HANGUL_RANGES = (("\u1100", "\u1200"), ("\u3130", "\u3190"), ("\uac00", "\ud7b0"))


def sort_keys(
    dialect: str, column: Any, descending: bool = False, *, fallback: Any = None, hangul_first: bool = True
) -> list[Any]:
    """ORDER BY terms for a list column, giving the same order on SQLite and PostgreSQL.

    Text is compared by code point (``COLLATE "C"`` on PostgreSQL, SQLite's binary
    order), which for Hangul syllables is 가나다 order and does not depend on the
    server's locale. Names starting with Hangul come first (``hangul_first``), then
    the others (Latin, digits) case-insensitively, and blank values last in either
    direction. ``fallback`` is used where ``column`` is blank (an English-only name
    sorts by its English name). Enumerations sort in their declared order (the
    lifecycle for statuses); dates and numbers with NULL last. Descending reverses the
    order within the groups; Hangul names stay first and blanks last.
    """
    kind = getattr(column, "type", None)
    if isinstance(kind, SAEnum) and kind.enum_class is not None:
        members = [m.value for m in kind.enum_class]
        ranked = case({value: rank for rank, value in enumerate(members)}, value=column, else_=len(members))
        return [ranked.desc() if descending else ranked.asc()]
    if isinstance(kind, String | Text):
        value: Any = func.coalesce(column, literal(""))
        if fallback is not None:
            value = func.coalesce(func.nullif(value, ""), func.coalesce(fallback, literal("")))
        if dialect == "postgresql":
            value = value.collate("C")
        hangul = or_(*(and_(value >= low, value < high) for low, high in _HANGUL_RANGES))
        group = case((value == "", 2), (hangul, 0 if hangul_first else 1), else_=1 if hangul_first else 0)
        folded: Any = func.lower(value)
        if dialect == "postgresql":
            folded = folded.collate("C")
        # The groups keep their places when descending: only the names within them reverse.
        return [group.asc(), *(t.desc() if descending else t.asc() for t in (folded, value))]
    # NULLS LAST (not "IS NULL" first): SQLite then walks the column's index for a descending
    # sort instead of sorting the whole table, and PostgreSQL reads it the same way.
    return [(column.desc() if descending else column.asc()).nulls_last()]
