"""The whole database as one JSON file: lossless export, all-or-nothing import.

Rows are merged by id: a row that exists is overwritten with the file's values,
a new one is inserted, a row that is already the same is left alone (so importing
a file twice changes nothing). The file is read and checked completely before the
database is touched, and the import runs in one transaction, so a bad file changes
nothing. Text is checked as the services check it: control characters are refused
with the table, row and field named.

An archive written before migration 0011 (one ``title``, ``place``, ``summary``... where
there are ``_ko`` and ``_en`` fields now, no meeting time zone) imports as that migration
moved the data: each old text split by script (``app.exchange.legacy``), its history and
conflicts named by the new fields, a meeting without a zone in Asia/Seoul.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Date,
    Integer,
    String,
    Text,
    Uuid,
    insert,
    select,
    update,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.sql.schema import Column, ScalarElementColumnDefault, Table

from app import clock
from app.atomic import atomic_open
from app.audit import AUDITED_OPTIONS, BOOKKEEPING, RECORD_TABLES, Change, changed, created, record_changes
from app.db import Database
from app.errors import ImportFormatError, StorageError, ValidationError
from app.exchange.blobs import read_blob, write_blob
from app.exchange.legacy import modern_conflicts, modern_event, modern_row
from app.migrate import head_revision
from app.models import Base, UTCDateTime
from app.search.index import rebuild_all
from app.text import check_exact_text
from app.transfer.limits import DEFAULT_LIMITS, ImportLimits, check_json_depth, read_bounded

FORMAT = "partnership-desk-archive"
FORMAT_VERSION = 1
# Everything but facts about this one database (its device id...) and derived data (the search index).
LOCAL_TABLES = frozenset({"meta", "search_document"})
# In dependency order, so that a row is inserted after the rows it refers to.
TABLES: list[Table] = [t for t in Base.metadata.sorted_tables if t.name not in LOCAL_TABLES]
_BY_NAME = {t.name: t for t in TABLES}
_CHUNK = 500


@dataclass
class Archive:
    """A checked archive file: rows parsed to Python values, attachment files decoded."""

    tables: dict[str, list[dict[str, Any]]]
    files: dict[str, bytes]


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    files: int = 0

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def summary(self) -> str:
        return (
            f"{sum(self.created.values())} new, {sum(self.updated.values())} updated, "
            f"{self.unchanged} unchanged rows; {self.files} new attachment files"
        )


# -- export --------------------------------------------------------------------


def export_archive(db: Database, dest: Path, *, include_files: bool = True) -> dict[str, int]:
    """Write every record (deleted ones too) and, optionally, attachment files."""

    counts: dict[str, int] = {}
    tables: dict[str, list[dict[str, Any]]] = {}
    with db.engine.connect() as conn:
        for table in TABLES:
            rows = [
                _dump_row(table, row._mapping) for row in conn.execute(select(table).order_by(table.c.id))
            ]
            tables[table.name] = rows
            counts[table.name] = len(rows)
    files: dict[str, str] = {}
    if include_files:
        for row in tables.get("attachment", []):
            data = read_blob(db, row["sha256"])
            if data is not None:
                files[row["sha256"]] = base64.b64encode(data).decode("ascii")
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema": head_revision(),
        "tables": tables,
        "files": files,
    }
    try:
        with atomic_open(dest) as handle:
            handle.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        raise StorageError(
            f"내보내기 파일을 쓸 수 없습니다: {dest} ({exc.strerror or exc})",
            f"Cannot write the export file {dest}: {exc.strerror or exc}",
        ) from exc
    return counts


def _dump_row(table: Table, row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in table.columns:
        value = row[col.name]
        if isinstance(value, uuid.UUID):
            value = str(value)
        elif isinstance(value, datetime | date):
            value = value.isoformat()
        elif hasattr(value, "value") and isinstance(col.type, SAEnum):
            value = value.value
        out[col.name] = value
    return out


# -- import --------------------------------------------------------------------


def import_archive(db: Database, source: Path) -> ImportReport:
    """Merge an archive into the database by id; all or nothing."""
    return apply_archive(db, read_archive(source))


def read_archive(source: Path, limits: ImportLimits = DEFAULT_LIMITS) -> Archive:
    """Read and check a whole archive file without touching any database."""
    doc = _read(source, limits)
    tables = {
        name: [_parse_row(_BY_NAME[name], _modern(name, row), name, i) for i, row in enumerate(rows, 1)]
        for name, rows in doc["tables"].items()
    }
    # An archive of an earlier version names one-language fields in its history and conflicts too.
    if "audit_event" in tables:
        tables["audit_event"] = [modern_event(row) for row in tables["audit_event"]]
    if "conflict" in tables:
        tables["conflict"] = [c for row in tables["conflict"] for c in modern_conflicts(row)]
    for name, rows in tables.items():
        seen: set[uuid.UUID] = set()
        for i, row in enumerate(rows, 1):
            if row["id"] in seen:
                raise ImportFormatError(
                    f"{name} #{i}: 같은 id가 두 번 있습니다 ({row['id']}).",
                    f"{name} #{i}: the id {row['id']} appears twice.",
                )
            seen.add(row["id"])
    return Archive(tables=tables, files=_parse_files(doc.get("files", {})))


def apply_archive(db: Database, archive: Archive, *, dry_run: bool = False) -> ImportReport:
    """Write a checked archive in one transaction (rolled back at the end for a dry run).

    What the import changes is recorded as an edit made here and now, as if typed: each
    changed record gets an "update" event (its history, and the field clocks an exchange
    merges by) and a new version; a new record gets a "create" event unless the file
    carries its history.
    """
    report = ImportReport()
    now = clock.now()
    changes: list[Change] = []
    carried = {row["entity_id"] for row in archive.tables.get("audit_event", [])}
    try:
        with db.engine.connect() as conn, conn.begin() as transaction:
            for table in TABLES:
                rows = archive.tables.get(table.name, [])
                _merge_table(conn, table, rows, report, changes, carried, now)
            record_changes(conn, changes, actor=db.actor, device_id=db.device_id, now=now)
            if report.changed and not dry_run:
                _refresh_derived(conn)
            if dry_run:
                transaction.rollback()
    except IntegrityError as exc:
        raise ImportFormatError(
            "파일의 항목이 파일에도 데이터베이스에도 없는 기록을 가리킵니다. 아무것도 가져오지 않았습니다.",
            "The file refers to records that are neither in it nor in this database. Nothing was imported.",
        ) from exc
    except DBAPIError as exc:
        detail = (str(getattr(exc, "orig", exc)).strip().splitlines() or [type(exc).__name__])[0]
        raise StorageError(
            f"가져오기에 실패했습니다. 아무것도 가져오지 않았습니다: {detail}",
            f"The import failed and nothing was imported: {detail}",
        ) from exc
    if dry_run:
        report.files = len(archive.files)
        return report

    for sha, data in archive.files.items():
        report.files += int(write_blob(db, sha, data))
    return report


def _merge_table(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    report: ImportReport,
    changes: list[Change],
    carried: set[uuid.UUID],
    now: datetime,
) -> None:
    existing: dict[uuid.UUID, dict[str, Any]] = {}
    ids = [r["id"] for r in rows]
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        for row in conn.execute(select(table).where(table.c.id.in_(part))):
            existing[row._mapping["id"]] = dict(row._mapping)
    record = table.name in RECORD_TABLES
    new = [r for r in rows if r["id"] not in existing]
    changed_rows = [r for r in rows if r["id"] in existing and not _same(r, existing[r["id"]], record)]
    if new:
        conn.execute(
            insert(table),
            [_complete(table, r) for r in _referenced_first(table, new)],
            execution_options=AUDITED_OPTIONS,
        )
        if record:
            changes.extend(
                created(table.name, r["id"], r, r.get("version") or 1) for r in new if r["id"] not in carried
            )
    for r in changed_rows:
        values = dict(r)
        if record:  # an edit made now: history, field clocks, a new version
            stored = existing[r["id"]]
            version = max(stored["version"] or 0, r.get("version") or 0) + 1
            values.update(updated_at=now, version=version)
            diffs = {k: (stored.get(k), v) for k, v in r.items() if stored.get(k) != v}
            change = changed(table.name, r["id"], version, diffs)
            if change is not None:
                changes.append(change)
        conn.execute(
            update(table).where(table.c.id == r["id"]).values(**values), execution_options=AUDITED_OPTIONS
        )
    report.created[table.name] = len(new)
    report.updated[table.name] = len(changed_rows)
    report.unchanged += len(rows) - len(new) - len(changed_rows)


def _same(incoming: dict[str, Any], stored: dict[str, Any], record: bool) -> bool:
    """Nothing to write: every value is the same (for a record, every value a person edits)."""
    return all(
        stored.get(key) == value for key, value in incoming.items() if not (record and key in BOOKKEEPING)
    )


def _complete(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Every column of the table, so that one INSERT serves all rows (older files lack new columns)."""
    out = dict(row)
    for col in table.columns:
        if col.name not in out:
            default = col.default
            out[col.name] = default.arg if isinstance(default, ScalarElementColumnDefault) else None
    return out


def _referenced_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Order rows so that one pointing at another row of the same table (carried over from) comes after it."""
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not self_refs:
        return rows
    pending = {r["id"]: r for r in rows}
    ordered: list[dict[str, Any]] = []
    while pending:
        ready = [r for r in pending.values() if all(r.get(c) not in pending for c in self_refs)]
        if not ready:  # a cycle: let the database refuse it
            ready = list(pending.values())
        for r in ready:
            ordered.append(r)
            del pending[r["id"]]
    return ordered


def _refresh_derived(conn: Connection) -> None:
    """Rebuild the search index in the same transaction (the import bypassed the ORM hooks)."""

    rebuild_all(conn)


# -- reading the file ------------------------------------------------------------


def _read(source: Path, limits: ImportLimits = DEFAULT_LIMITS) -> dict[str, Any]:
    raw = read_bounded(source, limits, "archive_mb")
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ImportFormatError(
            f"JSON 파일이 아니거나 손상되었습니다: {source} ({reason})",
            f"{source} is not valid JSON, or it is damaged: {reason}",
        ) from exc
    check_json_depth(doc, limits, source.name)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("tables"), dict):
        raise ImportFormatError(
            f"Partnership Desk 내보내기 파일이 아닙니다: {source}",
            f"{source} is not a Partnership Desk export (its 'format' is not {FORMAT!r}).",
        )
    if doc.get("format_version") != FORMAT_VERSION:
        raise ImportFormatError(
            f"지원하지 않는 파일 버전입니다: {doc.get('format_version')!r}",
            f"Unsupported export version {doc.get('format_version')!r}; expected {FORMAT_VERSION}.",
        )
    for name, rows in doc["tables"].items():
        if name not in _BY_NAME:
            raise ImportFormatError(f"알 수 없는 표: {name}", f"Unknown table in the file: {name!r}")
        if not isinstance(rows, list):
            raise ImportFormatError(f"{name}: 행 목록이 아닙니다.", f"{name}: expected a list of rows.")
    return doc


def _modern(name: str, row: Any) -> Any:
    """A row as an earlier version wrote it (a meeting's one ``title``...) in today's fields."""
    return modern_row(name, row) if isinstance(row, dict) else row


def _parse_files(files: Any) -> dict[str, bytes]:
    if not isinstance(files, dict):
        raise ImportFormatError("첨부파일 항목의 형식이 잘못되었습니다.", "The 'files' entry is malformed.")
    out: dict[str, bytes] = {}
    for sha, data in files.items():
        try:
            blob = base64.b64decode(data, validate=True)
        except (ValueError, TypeError) as exc:
            raise ImportFormatError(
                f"첨부파일 {sha}의 내용이 손상되었습니다.", f"Attachment {sha} is damaged."
            ) from exc
        if hashlib.sha256(blob).hexdigest() != sha:
            raise ImportFormatError(
                f"첨부파일 {sha}의 내용이 손상되었습니다.", f"Attachment {sha} does not match its hash."
            )
        out[sha] = blob
    return out


def _parse_row(table: Table, row: Any, name: str, number: int) -> dict[str, Any]:
    where = f"{name} #{number}"
    if not isinstance(row, dict):
        raise ImportFormatError(f"{where}: 행 형식이 잘못되었습니다.", f"{where}: a row must be an object.")
    unknown = set(row) - set(table.columns.keys())
    if unknown:
        raise ImportFormatError(
            f"{where}: 알 수 없는 항목 {sorted(unknown)}", f"{where}: unknown fields {sorted(unknown)}"
        )
    out: dict[str, Any] = {}
    for col in table.columns:
        if col.name not in row:
            if col.primary_key or (
                not col.nullable and not isinstance(col.default, ScalarElementColumnDefault)
            ):
                raise ImportFormatError(
                    f"{where}: '{col.name}' 항목이 없습니다.", f"{where}: '{col.name}' is missing."
                )
            continue
        try:
            out[col.name] = _parse_value(col, row[col.name])
        except ValidationError as exc:
            raise ImportFormatError(f"{where}: {exc.message('ko')}", f"{where}: {exc.message('en')}") from exc
        except (ValueError, TypeError, OverflowError) as exc:
            shown = repr(row[col.name])
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            raise ImportFormatError(
                f"{where}: '{col.name}' 값이 잘못되었습니다 ({shown})",
                f"{where}: bad value for '{col.name}': {shown}",
            ) from exc
    return out


def _parse_value(col: Column[Any], value: Any) -> Any:
    if value is None:
        if not col.nullable:
            raise ValueError("null")
        return None
    kind = col.type
    if isinstance(kind, Uuid):
        if not isinstance(value, str):
            raise TypeError(value)
        return uuid.UUID(value)
    if isinstance(kind, UTCDateTime):
        parsed = datetime.fromisoformat(_string(value))
        if parsed.tzinfo is None:
            raise ValueError("timestamp without time zone")
        return parsed
    if isinstance(kind, Date):
        return date.fromisoformat(_string(value))
    if isinstance(kind, SAEnum):
        if value not in kind.enums:
            raise ValueError(value)
        return value
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise TypeError(value)
        return value
    if isinstance(kind, Integer | BigInteger):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(value)
        if not -(2**63) <= value < 2**63:
            raise OverflowError(value)
        return value
    if isinstance(kind, String | Text):
        return _text(col, _string(value), multiline=isinstance(kind, Text), length=kind.length)
    if not isinstance(value, dict | list):  # JSON columns hold an object or a list
        raise TypeError(value)
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _text(col: Column[Any], value: str, *, multiline: bool, length: int | None) -> str:
    """Check text as the services do, but keep it exactly as written (lossless)."""
    return check_exact_text(
        value, col.name, (col.name, col.name), multiline=multiline, max_length=length or 1_000_000
    )
