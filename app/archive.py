"""The whole database as one JSON file: lossless export, all-or-nothing import.

Rows are merged by id: a row that exists is overwritten with the file's values,
a new one is inserted. The file is checked completely before anything is written,
and the import runs in one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import base64
import json
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, Integer, String, Text, Uuid, insert, select, update
from sqlalchemy import Enum as SAEnum
from sqlalchemy.sql.schema import Column, Table

from app.atomic import atomic_open
from app.db import Database
from app.errors import ImportFormatError, ValidationError
from app.models import ENTITY_BY_TABLE, AuditEvent, Base, UTCDateTime
from app.text import check_text

FORMAT = "partnership-desk-archive"
FORMAT_VERSION = 1
TABLES: list[Table] = [Base.metadata.tables[name] for name in (*ENTITY_BY_TABLE, AuditEvent.__tablename__)]
_BY_NAME = {t.name: t for t in TABLES}


def export_archive(db: Database, dest: Path, *, include_files: bool = True) -> dict[str, int]:
    """Write every record (deleted ones too) and, optionally, attachment files."""
    from app.migrate import head_revision
    from app.services.attachments import blob_path

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
        for row in tables["attachment"]:
            path = blob_path(db, row["sha256"])
            if path.exists():
                files[row["sha256"]] = base64.b64encode(path.read_bytes()).decode("ascii")
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema": head_revision(),
        "tables": tables,
        "files": files,
    }
    with atomic_open(dest) as handle:
        handle.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return counts


def import_archive(db: Database, source: Path) -> dict[str, int]:
    """Merge an archive into the database by id; all or nothing."""
    doc = _read(source)
    parsed = {
        name: [_parse_row(_BY_NAME[name], row, name, i) for i, row in enumerate(rows, 1)]
        for name, rows in doc["tables"].items()
    }
    files = _parse_files(doc.get("files", {}))
    counts: dict[str, int] = {}
    with db.engine.begin() as conn:
        for table in TABLES:
            rows = parsed.get(table.name, [])
            existing: set[uuid.UUID] = set()
            ids = [r["id"] for r in rows]
            for chunk in range(0, len(ids), 500):
                existing.update(
                    conn.scalars(select(table.c.id).where(table.c.id.in_(ids[chunk : chunk + 500])))
                )
            new = [r for r in rows if r["id"] not in existing]
            if new:
                conn.execute(insert(table), new)
            for r in rows:
                if r["id"] in existing:
                    conn.execute(update(table).where(table.c.id == r["id"]).values(**r))
            counts[table.name] = len(rows)
    from app.atomic import atomic_write_bytes
    from app.services.attachments import blob_path

    for sha, data in files.items():
        path = blob_path(db, sha)
        if not path.exists():
            atomic_write_bytes(path, data)
    return counts


def _read(source: Path) -> dict[str, Any]:
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ImportFormatError(
            f"파일을 읽을 수 없습니다: {source} ({exc.strerror})", f"Cannot read {source}: {exc.strerror}"
        ) from exc
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ImportFormatError(
            f"JSON 파일이 아니거나 손상되었습니다: {source} ({exc})",
            f"{source} is not valid JSON, or it is damaged: {exc}",
        ) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("tables"), dict):
        raise ImportFormatError(
            f"Partnership Desk 내보내기 파일이 아닙니다: {source}",
            f"{source} is not a Partnership Desk export (its 'format' is not {FORMAT!r}).",
        )
    if doc.get("format_version") != FORMAT_VERSION:
        raise ImportFormatError(
            f"지원하지 않는 파일 버전입니다: {doc.get('format_version')}",
            f"Unsupported export version {doc.get('format_version')!r}; expected {FORMAT_VERSION}.",
        )
    for name, rows in doc["tables"].items():
        if name not in _BY_NAME or not isinstance(rows, list):
            raise ImportFormatError(f"알 수 없는 표: {name}", f"Unknown table in the file: {name!r}")
    return doc


def _parse_files(files: Any) -> dict[str, bytes]:
    if not isinstance(files, dict):
        raise ImportFormatError("첨부파일 항목의 형식이 잘못되었습니다.", "The 'files' entry is malformed.")
    out: dict[str, bytes] = {}
    import hashlib

    for sha, data in files.items():
        try:
            blob = base64.b64decode(data, validate=True)
        except (ValueError, TypeError) as exc:
            raise ImportFormatError(
                "첨부파일 내용이 손상되었습니다.", f"Attachment {sha} is damaged."
            ) from exc
        if hashlib.sha256(blob).hexdigest() != sha:
            raise ImportFormatError(
                "첨부파일 내용이 손상되었습니다.", f"Attachment {sha} does not match its hash."
            )
        out[sha] = blob
    return out


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
            if col.primary_key or (not col.nullable and col.default is None):
                raise ImportFormatError(
                    f"{where}: '{col.name}' 항목이 없습니다.", f"{where}: '{col.name}' is missing."
                )
            continue
        try:
            out[col.name] = _parse_value(col, row[col.name])
        except ValidationError as exc:
            raise ImportFormatError(f"{where}: {exc.message('ko')}", f"{where}: {exc.message('en')}") from exc
        except (ValueError, TypeError) as exc:
            raise ImportFormatError(
                f"{where}: '{col.name}' 값이 잘못되었습니다 ({row[col.name]!r})",
                f"{where}: bad value for '{col.name}': {row[col.name]!r}",
            ) from exc
    return out


def _parse_value(col: Column[Any], value: Any) -> Any:
    if value is None:
        if not col.nullable:
            raise ValueError("null")
        return None
    kind = col.type
    if isinstance(kind, Uuid):
        return uuid.UUID(str(value))
    if isinstance(kind, UTCDateTime):
        parsed = datetime.fromisoformat(str(value))
        if parsed.tzinfo is None:
            raise ValueError("timestamp without time zone")
        return parsed
    if isinstance(kind, Date):
        return date.fromisoformat(str(value))
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
        return value
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            raise TypeError(value)
        length = getattr(kind, "length", None) or 1_000_000
        return (
            check_text(
                value, col.name, (col.name, col.name), multiline=isinstance(kind, Text), max_length=length
            )
            if value == value.strip() or isinstance(kind, Text)
            else _strict_single_line(value, col.name, length)
        )
    return value  # JSON columns


def _strict_single_line(value: str, name: str, length: int) -> str:
    # A single-line value with surrounding spaces is kept as it is (lossless), but still checked.
    check_text(value.strip() or "x", name, (name, name), max_length=length)
    return value
