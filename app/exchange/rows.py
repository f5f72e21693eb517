"""Rows as plain JSON values and back, checked column by column.

A bundle is untrusted input: every value is converted by its column's type and
refused with a message naming the table, row and column when it does not fit.
"""

from __future__ import annotations

import enum
import functools
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Connection, Date, Integer, String, Text, Uuid
from sqlalchemy import Enum as SAEnum
from sqlalchemy.sql.schema import Column, Table

from app.errors import ImportFormatError
from app.models import UTCDateTime

Converter = Callable[[Any], Any]


def dump_value(value: Any) -> Any:
    if value is None or isinstance(value, str | int | bool | dict | list):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _dumper(col: Column[Any]) -> Callable[[Any], Any] | None:
    kind = col.type
    if isinstance(kind, Uuid | UTCDateTime | Date):
        return str if isinstance(kind, Uuid) else _isoformat
    if isinstance(kind, SAEnum):
        return dump_value
    return None


def _isoformat(value: Any) -> Any:
    return value.isoformat()


def dump_rows(table: Table, names: Sequence[str], rows: Sequence[Any]) -> list[list[Any]]:
    """Rows selected as ``select(*[table.c[n] for n in names])`` → lists of JSON values."""
    dumpers = [_dumper(table.c[n]) for n in names]
    plain = all(d is None for d in dumpers)
    if plain:
        return [list(row) for row in rows]
    pairs = list(enumerate(dumpers))
    out: list[list[Any]] = []
    for row in rows:
        values = list(row)
        for i, dump in pairs:
            if dump is not None and values[i] is not None:
                values[i] = dump(values[i])
        out.append(values)
    return out


def fast_insert(
    conn: Connection,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    options: Mapping[str, Any] | None = None,
) -> None:
    """``INSERT`` many rows; on SQLite with the columns' own bind conversions but no per-row compiling.

    ``options``: the statement's execution options (``app.audit.AUDITED_OPTIONS`` for records)."""
    if not rows:
        return
    dialect = conn.dialect
    if dialect.name != "sqlite":  # psycopg adapts JSON and UUID itself; insertmanyvalues is fast there
        from sqlalchemy import insert

        conn.execute(insert(table), list(rows), execution_options=options or {})
        return
    names = [c.name for c in table.columns]
    procs = [table.c[n].type.bind_processor(dialect) for n in names]
    pairs = list(zip(names, procs, strict=True))
    params = [
        tuple(proc(row[n]) if proc is not None and row[n] is not None else row[n] for n, proc in pairs)
        for row in rows
    ]
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join([mark] * len(names))})"
    )
    conn.exec_driver_sql(sql, params, execution_options=options)


def columns_of(table: Table) -> list[str]:
    return [c.name for c in table.columns]


def _uuid(value: Any) -> uuid.UUID:
    if not isinstance(value, str):
        raise TypeError(value)
    return _parse_uuid(value)


@functools.lru_cache(maxsize=1 << 16)
def _parse_uuid(value: str) -> uuid.UUID:
    # Ids repeat (a record's id in its history, references): parse each once.
    return uuid.UUID(value)


def _timestamp(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError(value)
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("timestamp without time zone")
    return parsed


def _date(value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError(value)
    return date.fromisoformat(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 1 << 63:
        raise TypeError(value)
    return value


def _string(length: int | None, single_line: bool) -> Converter:
    limit = length or 10_000_000

    def convert(value: Any) -> str:
        if not isinstance(value, str) or len(value) > limit or "\x00" in value:
            raise ValueError(value)
        if single_line and ("\n" in value or "\r" in value):
            raise ValueError(value)
        return value

    return convert


def _enum(kind: SAEnum) -> Converter:
    allowed = frozenset(kind.enums)

    def convert(value: Any) -> str:
        if value not in allowed:
            raise ValueError(value)
        return str(value)

    return convert


def _json(value: Any) -> Any:
    if not isinstance(value, dict):
        raise TypeError(value)
    return value


def converter(col: Column[Any]) -> Converter:
    kind = col.type
    if isinstance(kind, Uuid):
        return _uuid
    if isinstance(kind, UTCDateTime):
        return _timestamp
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, SAEnum):
        return _enum(kind)
    if isinstance(kind, Boolean):
        return _bool
    if isinstance(kind, Integer | BigInteger):
        return _int
    if isinstance(kind, Text):
        return _string(None, single_line=False)
    if isinstance(kind, String):
        return _string(kind.length, single_line=False)
    if isinstance(kind, JSON):
        return _json
    raise TypeError(f"no converter for {kind!r}")


class TableCodec:
    """Parses the rows a bundle holds for one table into column → Python value dicts."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = columns_of(table)
        self._converters = {c.name: converter(c) for c in table.columns}
        self._nullable = {c.name: bool(c.nullable) for c in table.columns}

    def check_header(self, columns: Any) -> None:
        if columns != self.columns:
            raise ImportFormatError(
                f"교환 파일의 '{self.table.name}' 표 구조가 이 프로그램과 다릅니다.",
                f"The exchange file's '{self.table.name}' table has different columns than this program "
                "expects; both sides need the same Partnership Desk version.",
            )

    def parse(self, row: Any, number: int) -> dict[str, Any]:
        """JSON values (a list in column order) → a checked dict of Python values."""
        if not isinstance(row, list) or len(row) != len(self.columns):
            raise self._error(number, None, row)
        out: dict[str, Any] = {}
        for name, value in zip(self.columns, row, strict=True):
            if value is None:
                if not self._nullable[name]:
                    raise self._error(number, name, value)
                out[name] = None
                continue
            try:
                out[name] = self._converters[name](value)
            except (TypeError, ValueError, OverflowError):
                raise self._error(number, name, value) from None
        return out

    def _error(self, number: int, column: str | None, value: Any) -> ImportFormatError:
        where = f"{self.table.name} #{number}"
        shown = repr(value)[:80]
        if column is None:
            return ImportFormatError(f"{where}: 행 형식이 잘못되었습니다.", f"{where}: malformed row.")
        return ImportFormatError(
            f"{where}: '{column}' 값이 잘못되었습니다 ({shown})",
            f"{where}: bad value for '{column}': {shown}",
        )


def as_dict(columns: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(columns, row, strict=True))


def row_key(row: Mapping[str, Any]) -> Any:
    return row["id"]
