"""Writing a bundle: every record changed since a point, with its full history and files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Select, or_, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql.schema import Table

from app import clock
from app.db import Database
from app.exchange.blobs import read_blob
from app.exchange.common import (
    CONFLICTS,
    ENTITY_TABLES,
    EVENTS,
    FORMAT,
    FORMAT_VERSION,
    LAST_EXPORT,
    PEER_HAS,
    RECEIVED,
    SINCE_MARGIN,
    meta_items,
    meta_put,
    parse_since,
)
from app.exchange.container import BundleContent, write_bundle
from app.exchange.rows import columns_of, dump_rows
from app.i18n import Text
from app.progress import Progress

EVENT_COLUMNS = [c for c in columns_of(EVENTS) if c != "received_at"]
PLAIN_FROM_ENCRYPTED = Text(
    ko="경고: 데이터베이스는 암호화되어 있지만 이 교환 파일은 암호화되지 않았습니다. 파일을 가진 누구나 읽을 수 "
    "있습니다. 교환 파일은 암호로 암호화하십시오(명령줄: --passphrase-file).",
    en="warning: the database is encrypted but this exchange file is not: anyone who has it can read it. "
    "Encrypt exchange files with a passphrase (command line: --passphrase-file).",
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    records: int
    events: int
    files: int
    since: datetime | None
    encrypted: bool
    size: int
    warning: Text | None = None  # a plain bundle written from an encrypted database


def resolve_since(db: Database, since: str | None, peer: str | None = None) -> datetime | None:
    """``None``/``ALL``: everything; ``LAST``: what the peer (or any known peer) may lack; else a date."""
    if since is None or since.strip().upper() in ("", "ALL"):
        return None
    if since.strip().upper() != "LAST":
        return parse_since(since)
    with db.engine.connect() as conn:
        known = meta_items(conn, PEER_HAS)
    if peer:  # a device id, or its first characters as 'exchange import' prints them
        known = {k: v for k, v in known.items() if k.startswith(peer.strip().lower())}
    if not known:
        return None
    return min(parse_since(v) for v in known.values()) - SINCE_MARGIN


def export_bundle(
    db: Database,
    dest: Path,
    *,
    since: datetime | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    progress = progress or Progress()
    exported_at = clock.now()
    tables: dict[str, Any] = {}
    records = 0
    with db.engine.connect() as raw:
        conn = raw.execution_options(isolation_level="REPEATABLE READ") if not db.is_sqlite else raw
        shas: set[str] = set()
        for number, table in enumerate(ENTITY_TABLES, 1):
            progress.check()
            progress.report(number, len(ENTITY_TABLES) + 2, table.name)
            rows = conn.execute(select(table).where(_changed(table, since))).all()
            tables[table.name] = {
                "columns": columns_of(table),
                "rows": dump_rows(table, columns_of(table), rows),
            }
            records += len(rows)
            if table.name == "attachment":
                shas.update(r._mapping["sha256"] for r in rows)
        events = _events(conn, since)
        conflicts = conn.execute(select(CONFLICTS)).all()
        received = meta_items(conn, RECEIVED)
        conn.rollback()
    progress.check()
    blobs = {sha: data for sha in sorted(shas) if (data := read_blob(db, sha)) is not None}
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "device_id": db.device_id,
        "exported_at": exported_at.isoformat(),
        "since": since.isoformat() if since else None,
        "received": received,
        "tables": tables,
        "events": {"columns": EVENT_COLUMNS, "rows": events},
        "conflicts": {
            "columns": columns_of(CONFLICTS),
            "rows": dump_rows(CONFLICTS, columns_of(CONFLICTS), conflicts),
        },
    }
    progress.report(len(ENTITY_TABLES) + 1, len(ENTITY_TABLES) + 2, "write")
    size = write_bundle(dest, BundleContent(manifest=manifest, blobs=blobs), passphrase)
    try:
        with db.engine.begin() as conn:
            meta_put(conn, LAST_EXPORT, exported_at.isoformat())
    except OperationalError as exc:  # a read-only data folder: the file is written all the same
        if "readonly" not in str(exc):
            raise
    progress.report(len(ENTITY_TABLES) + 2, len(ENTITY_TABLES) + 2, "done")
    return ExportResult(
        path=dest,
        records=records,
        events=len(events),
        files=len(blobs),
        since=since,
        encrypted=bool(passphrase),
        size=size,
        warning=PLAIN_FROM_ENCRYPTED if db.encrypted and not passphrase else None,
    )


def _changed(table: Table, since: datetime | None) -> Any:
    if since is None:
        return True
    touched = select(EVENTS.c.entity_id).where(
        EVENTS.c.entity_kind == table.name,
        or_(EVENTS.c.occurred_at > since, EVENTS.c.received_at > since),
    )
    return or_(table.c.updated_at > since, table.c.id.in_(touched))


def _events(conn: Connection, since: datetime | None) -> list[list[Any]]:
    cols = [EVENTS.c[name] for name in EVENT_COLUMNS]
    if since is None:
        stmt: Select[Any] = select(*cols)
        return dump_rows(EVENTS, EVENT_COLUMNS, conn.execute(stmt).all())
    out: list[list[Any]] = []
    for table in ENTITY_TABLES:
        shipped = select(table.c.id).where(_changed(table, since))
        stmt = select(*cols).where(EVENTS.c.entity_kind == table.name, EVENTS.c.entity_id.in_(shipped))
        out.extend(dump_rows(EVENTS, EVENT_COLUMNS, conn.execute(stmt).all()))
    return out
