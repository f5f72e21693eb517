"""Pieces of list queries: text filters, counts and ORDER BY terms that agree on both databases."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Enum as SAEnum
from sqlalchemy import (
    Select,
    String,
    Text,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.progress import Cancelled, Progress

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


def packed_ids(
    session: Session, stmt: Select[*tuple[Any, ...]], id_column: Any, progress: Progress | None = None
) -> bytes:
    """The ids ``stmt`` selects, in its order, packed 16 bytes each (``UUID.bytes``).

    A list's whole ordered result as ids: 8 MB for 500,000 rows, where UUID objects
    would cost eight times as much and most of the time. The ids are read as text
    (SQLite stores them as 32 hex digits; PostgreSQL's are cast) and turned into
    bytes in one go, not one UUID object per row.

    With ``progress``, cancelling it stops the read at once, even while the database is
    still sorting (the query is interrupted: :func:`interruptible`), and raises Cancelled.
    """
    select_ids = stmt.with_only_columns(id_text(session, id_column))
    if progress is None:
        return bytes.fromhex("".join(session.execute(select_ids).scalars().all()))
    parts: list[str] = []
    with interruptible(session, progress):
        result = session.execute(select_ids, execution_options={"yield_per": 20_000})
        for partition in result.scalars().partitions():
            progress.check()
            parts.append("".join(partition))
    progress.check()
    return bytes.fromhex("".join(parts))


@contextlib.contextmanager
def interruptible(session: Session, progress: Progress) -> Iterator[None]:
    """While inside, cancelling ``progress`` interrupts the statement ``session`` is running
    (SQLite's ``interrupt()``, PostgreSQL's cancel request), which then raises Cancelled
    instead of the driver's error."""
    dbapi = session.connection().connection.dbapi_connection
    if dbapi is None:  # pragma: no cover - a session's connection always has one
        yield
        return
    stop = getattr(dbapi, "cancel_safe", None) or getattr(dbapi, "cancel", None) or dbapi.interrupt
    forget = progress.when_cancelled(stop)
    try:
        yield
    except DBAPIError:
        if progress.cancelled:
            raise Cancelled() from None
        raise
    finally:
        forget()


def id_text(session: Session, id_column: Any) -> Any:
    """``id_column`` read as its 32 hex digits (no UUID object per row), in the same order as the ids."""
    if session.get_bind().dialect.name == "postgresql":
        return func.replace(cast(id_column, Text), "-", "")
    return type_coerce(id_column, String)


def unpack_ids(packed: bytes) -> list[UUID]:
    return [UUID(bytes=packed[i : i + 16]) for i in range(0, len(packed), 16)]


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size`` (for ``IN (...)`` lists)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Where Hangul sits in Unicode: conjoining jamo (decomposed text), compatibility jamo, syllables.
_HANGUL_RANGES = (("\u1100", "\u1200"), ("\u3130", "\u3190"), ("\uac00", "\ud7b0"))


def sort_terms(
    dialect: str,
    column: str,
    kind: str,
    *,
    fallback: str | None = None,
    hangul_first: bool = True,
    values: Sequence[str] = (),
) -> list[tuple[str, bool]]:
    """The ORDER BY terms of a list column as SQL text: (term, whether it follows the direction).

    ``column`` (and ``fallback``) are SQL column names, ``kind`` is "text", "enum" (ranked
    by ``values``, the declared order), "date" (nullable: NULL last) or "plain". The text
    has no bound parameters, so that an index on the same expressions (migration 0010)
    serves the sort on SQLite (which matches an index expression only to the same
    expression) and on PostgreSQL. Terms that do not follow the direction stay ascending.
    """
    if kind == "enum":
        whens = " ".join(f"WHEN '{v}' THEN {rank}" for rank, v in enumerate(values))
        return [(f"CASE {column} {whens} ELSE {len(values)} END", True)]
    if kind == "date":
        return [(f"({column} IS NULL)", False), (column, True)]
    if kind == "plain":
        return [(column, True)]
    value = f"coalesce({column}, '')"
    if fallback is not None:
        value = f"coalesce(nullif({value}, ''), coalesce({fallback}, ''))"
    if dialect == "postgresql":
        value = f'({value}) COLLATE "C"'
    hangul = " OR ".join(f"{value} >= '{low}' AND {value} < '{high}'" for low, high in _HANGUL_RANGES)
    first, other = (0, 1) if hangul_first else (1, 0)
    group = f"CASE WHEN {value} = '' THEN 2 WHEN ({hangul}) THEN {first} ELSE {other} END"
    folded = f"lower({value})"
    if dialect == "postgresql":
        folded = f'({folded}) COLLATE "C"'
    return [(group, False), (folded, True), (value, True)]


def sort_column(model: Any, sort: str) -> tuple[Any, Any, bool]:
    """A list's sort column on ``model``, with its other language as the fallback
    (``x_ko`` falls back to ``x_en`` and the reverse, as the lists show them) and whether
    names in Hangul come first (all but an English column)."""
    fallback = None
    for own, other in (("_ko", "_en"), ("_en", "_ko")):
        if sort.endswith(own) and hasattr(model, sort[: -len(own)] + other):
            fallback = getattr(model, sort[: -len(own)] + other)
    return getattr(model, sort), fallback, not sort.endswith("_en")


def column_sort_keys(dialect: str, model: Any, sort: str, descending: bool, tiebreak: Any) -> list[Any]:
    """:func:`sort_keys` of ``model``'s column ``sort``, with its other language as the fallback."""
    column, fallback, hangul_first = sort_column(model, sort)
    return sort_keys(
        dialect, column, descending, fallback=fallback, hangul_first=hangul_first, tiebreak=tiebreak
    )


def _column_name(column: Any) -> str | None:
    """``table.column`` of a mapped column, None for anything else (a label, an alias)."""
    table = getattr(getattr(column, "table", None), "name", None)
    name = getattr(column, "key", None)
    if isinstance(table, str) and isinstance(name, str) and getattr(column, "class_", None) is not None:
        return f"{table}.{name}"
    return None


def sort_keys(
    dialect: str,
    column: Any,
    descending: bool = False,
    *,
    fallback: Any = None,
    hangul_first: bool = True,
    tiebreak: Any = None,
) -> list[Any]:
    """ORDER BY terms for a list column, giving the same order on SQLite and PostgreSQL.

    Text is compared by code point (``COLLATE "C"`` on PostgreSQL, SQLite's binary
    order), which for Hangul syllables is 가나다 order and does not depend on the
    server's locale. Names starting with Hangul come first (``hangul_first``), then
    the others (Latin, digits) case-insensitively, and blank values last in either
    direction. ``fallback`` is used where ``column`` is blank (an English-only name
    sorts by its English name). Enumerations sort in their declared order (the
    lifecycle for statuses); dates and numbers with NULL last. Descending reverses the
    order within the groups; Hangul names stay first and blanks last. ``tiebreak`` (the
    id) comes last, in the same direction, so that an index of migration 0010 gives the
    whole order: a sorted list's first rows are read from it, not sorted from the table.
    """
    kind = getattr(column, "type", None)
    name = _column_name(column)
    fallback_name = _column_name(fallback) if fallback is not None else None
    tail = [] if tiebreak is None else [tiebreak.desc() if descending else tiebreak.asc()]
    if name is not None and (fallback is None or fallback_name is not None):
        if isinstance(kind, SAEnum) and kind.enum_class is not None:
            terms = sort_terms(dialect, name, "enum", values=[m.value for m in kind.enum_class])
        elif isinstance(kind, String | Text):
            terms = sort_terms(dialect, name, "text", fallback=fallback_name, hangul_first=hangul_first)
        elif getattr(column, "nullable", True):
            terms = sort_terms(dialect, name, "date")
        else:
            terms = sort_terms(dialect, name, "plain")
        keys: list[Any] = [
            literal_column(sql).desc() if follows and descending else literal_column(sql).asc()
            for sql, follows in terms
        ]
        return [*keys, *tail]
    return [*_expression_keys(dialect, column, descending, fallback, hangul_first), *tail]


def _expression_keys(
    dialect: str, column: Any, descending: bool, fallback: Any, hangul_first: bool
) -> list[Any]:
    """``sort_keys`` for a computed column (a joined name): the same order, sorted by the database."""
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
    return [(column.desc() if descending else column.asc()).nulls_last()]
