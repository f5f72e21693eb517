"""Importing a bundle: merge by record id, field by field, all or nothing.

For each record the bundle carries, the database keeps, field by field, the value
of the latest edit (``app.field_clocks``); histories are united. Two edits of the
same field that did not know of each other are recorded as a :class:`Conflict`.
Everything is checked before the first write, and the merge is one transaction.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.schema import Table

from app import clock
from app.audit import AUDITED_OPTIONS, created, record_changes
from app.backup import backup_database
from app.db import Database
from app.errors import ImportFormatError
from app.exchange.blobs import write_blob
from app.exchange.common import (
    CONFLICTS,
    ENTITY_TABLES,
    EVENTS,
    FORMAT,
    FORMAT_VERSION,
    PEER_HAS,
    RECEIVED,
    RECORD_BOOKKEEPING,
    chunks,
    conflict_id,
    meta_put_max,
    normalize,
)
from app.exchange.container import BundleContent, read_bundle
from app.exchange.legacy import OLD_FIELDS, modern_changes, modern_conflicts, modern_event, old_row_reader
from app.exchange.rows import TableCodec, dump_value, fast_insert
from app.field_clocks import NO_CLOCK, Clock, field_clocks
from app.progress import Progress
from app.search.index import refresh

EventTuple = tuple[uuid.UUID, datetime, str, dict[str, Any]]
_EVENT_CODEC = TableCodec(EVENTS)
_EVENT_COLUMNS = [c for c in _EVENT_CODEC.columns if c != "received_at"]


@dataclass(frozen=True)
class ImportResult:
    source_device: str
    exported_at: str
    inserted: int
    updated: int
    unchanged: int
    events: int
    conflicts: int
    files: int


@dataclass
class _Parsed:
    device: str
    exported_at: str
    received: dict[str, str]
    tables: dict[str, list[dict[str, Any]]]
    events: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    blobs: dict[str, bytes]


def import_bundle(
    db: Database,
    source: Path,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
    backup: bool = True,
) -> ImportResult:
    progress = progress or Progress()
    progress.report(0, 4, "read")
    parsed = parse_bundle(read_bundle(source, passphrase))
    progress.check()
    if backup and db.sqlite_path is not None:
        backup_database(db, reason="before-exchange-import")
    progress.report(1, 4, "files")
    files = sum(write_blob(db, sha, data) for sha, data in parsed.blobs.items())
    progress.check()
    progress.report(2, 4, "merge")
    try:
        with db.engine.begin() as conn:
            result = _merge(conn, db, parsed, progress)
            progress.check()  # a cancel here rolls everything back
    except IntegrityError as exc:
        raise ImportFormatError(
            "교환 파일이 이 데이터베이스에 없는 항목을 참조합니다. 상대편에서 전체를 내보내 다시 시도하십시오 "
            "(--since 없이). 아무것도 가져오지 않았습니다.",
            "The exchange file refers to records this database does not have. Ask for a full export "
            f"(without --since) and try again. Nothing was imported. ({str(exc.orig).splitlines()[0]})",
        ) from exc
    progress.report(4, 4, "done")
    return ImportResult(files=files, **result)


# -- checking ------------------------------------------------------------------


def parse_bundle(content: BundleContent) -> _Parsed:
    doc = content.manifest
    if doc.get("format") != FORMAT:
        raise ImportFormatError(
            "Partnership Desk 교환 파일이 아닙니다.", "This is not a Partnership Desk exchange file."
        )
    if doc.get("format_version") != FORMAT_VERSION:
        raise ImportFormatError(
            f"지원하지 않는 교환 파일 버전입니다: {doc.get('format_version')}",
            f"Unsupported exchange file version {doc.get('format_version')!r}; expected {FORMAT_VERSION}.",
        )
    device, exported_at, received = doc.get("device_id"), doc.get("exported_at"), doc.get("received", {})
    if not isinstance(device, str) or not isinstance(exported_at, str) or not isinstance(received, dict):
        raise ImportFormatError(
            "교환 파일의 머리글이 잘못되었습니다.", "The exchange file's header is malformed."
        )
    tables_doc = doc.get("tables")
    if not isinstance(tables_doc, dict) or set(tables_doc) - {t.name for t in ENTITY_TABLES}:
        raise ImportFormatError(
            "교환 파일의 표 목록이 잘못되었습니다.", "The exchange file's tables are malformed."
        )
    tables = {t.name: _parse_table(TableCodec(t), tables_doc.get(t.name)) for t in ENTITY_TABLES}
    # A file of an earlier version names one-language fields in its history and conflicts too.
    events = [modern_event(e) for e in _parse_table(_EVENT_CODEC, doc.get("events"), columns=_EVENT_COLUMNS)]
    conflicts = [
        c for row in _parse_table(TableCodec(CONFLICTS), doc.get("conflicts")) for c in modern_conflicts(row)
    ]
    for sha, data in content.blobs.items():
        if hashlib.sha256(data).hexdigest() != sha:
            raise ImportFormatError(
                f"교환 파일의 첨부파일이 손상되었습니다: {sha[:12]}",
                f"An attachment in the file is damaged: {sha[:12]}",
            )
    received_ok = {str(k): str(v) for k, v in received.items() if isinstance(v, str)}
    return _Parsed(device, exported_at, received_ok, tables, events, conflicts, dict(content.blobs))


def _parse_table(codec: TableCodec, block: Any, columns: list[str] | None = None) -> list[dict[str, Any]]:
    if block is None:
        return []
    if not isinstance(block, dict) or not isinstance(block.get("rows"), list):
        raise ImportFormatError(
            f"교환 파일의 '{codec.table.name}' 항목이 잘못되었습니다.",
            f"The exchange file's '{codec.table.name}' entry is malformed.",
        )
    wanted = columns or codec.columns
    padding = [None] * (len(codec.columns) - len(wanted))
    older = None
    if block.get("columns") != wanted:
        # An earlier version's columns (one-language texts, no time zone), else refused.
        older = old_row_reader(codec.table, block.get("columns")) if columns is None else None
        if older is None:
            codec.check_header(block.get("columns"))
    rows: list[dict[str, Any]] = []
    seen: set[Any] = set()
    for number, raw in enumerate(block["rows"], 1):
        if older is not None:
            raw = older(raw)
        row = codec.parse(raw + padding if isinstance(raw, list) else raw, number)
        if row["id"] in seen:
            raise ImportFormatError(
                f"{codec.table.name} #{number}: 같은 ID가 두 번 있습니다.",
                f"{codec.table.name} #{number}: duplicate id.",
            )
        seen.add(row["id"])
        rows.append(row)
    return rows


# -- merging -------------------------------------------------------------------


def _merge(conn: Connection, db: Database, parsed: _Parsed, progress: Progress) -> dict[str, Any]:
    now, own_device = clock.now(), db.device_id
    incoming_events: dict[uuid.UUID, list[EventTuple]] = defaultdict(list)
    for ev in parsed.events:
        incoming_events[ev["entity_id"]].append((ev["id"], ev["occurred_at"], ev["device_id"], ev["changes"]))
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    detected: dict[uuid.UUID, dict[str, Any]] = {}
    written: dict[str, list[dict[str, Any]]] = {}
    for table in ENTITY_TABLES:
        progress.check()
        written[table.name] = _merge_table(
            conn, table, parsed.tables[table.name], incoming_events, counts, detected
        )
    _refresh_search(conn, written)
    events = _insert_missing(conn, EVENTS, [{**e, "received_at": now} for e in parsed.events])
    _record_history_less(conn, written, incoming_events, db, now)
    new_conflicts = _merge_conflicts(conn, parsed.conflicts, detected)
    meta_put_max(conn, RECEIVED + parsed.device, parsed.exported_at)
    if own_device in parsed.received:
        meta_put_max(conn, PEER_HAS + parsed.device, parsed.received[own_device])
    return {
        "source_device": parsed.device,
        "exported_at": parsed.exported_at,
        "events": events,
        "conflicts": new_conflicts,
        **counts,
    }


def _merge_table(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    incoming_events: dict[uuid.UUID, list[EventTuple]],
    counts: dict[str, int],
    detected: dict[uuid.UUID, dict[str, Any]],
) -> list[dict[str, Any]]:
    """Merge one table's rows; returns the rows inserted or changed."""
    if not rows:
        return []
    local: dict[uuid.UUID, dict[str, Any]] = {}
    for part in chunks([r["id"] for r in rows]):
        for found in conn.execute(select(table).where(table.c.id.in_(part))):
            local[found.id] = normalize(dict(found._mapping))
    new = [r for r in rows if r["id"] not in local]
    changed = [r for r in rows if r["id"] in local and local[r["id"]] != r]
    counts["unchanged"] += len(rows) - len(new) - len(changed)
    if new:
        fast_insert(conn, table, _parents_first(table, new), AUDITED_OPTIONS)  # their events come along
        counts["inserted"] += len(new)
    if not changed:
        return new
    local_events: dict[uuid.UUID, list[EventTuple]] = defaultdict(list)
    for part in chunks([r["id"] for r in changed]):
        stmt = select(
            EVENTS.c.id, EVENTS.c.occurred_at, EVENTS.c.device_id, EVENTS.c.changes, EVENTS.c.entity_id
        )
        for ev in conn.execute(stmt.where(EVENTS.c.entity_id.in_(part))):
            # Edits recorded here before this database was upgraded name the old fields.
            changes = modern_changes(table.name, ev.changes)
            local_events[ev.entity_id].append((ev.id, ev.occurred_at, ev.device_id, changes))
    merged_rows: list[dict[str, Any]] = []
    for row in changed:
        mine = local[row["id"]]
        merged = merge_record(
            table.name,
            mine,
            row,
            local_events.get(row["id"], []),
            incoming_events.get(row["id"], []),
            detected,
        )
        if merged != mine:
            merged_rows.append(merged)
    if merged_rows:
        names = [c.name for c in table.columns if c.name != "id"]
        change = (
            update(table)
            .where(table.c.id == bindparam("m_id"))
            .values({n: bindparam(f"m_{n}") for n in names})
        )
        rows_out = [{f"m_{k}": v for k, v in r.items()} for r in merged_rows]
        conn.execute(change, rows_out, execution_options=AUDITED_OPTIONS)  # merged from the events
        counts["updated"] += len(merged_rows)
    counts["unchanged"] += len(changed) - len(merged_rows)
    return new + merged_rows


def _record_history_less(
    conn: Connection,
    written: dict[str, list[dict[str, Any]]],
    incoming_events: dict[uuid.UUID, list[EventTuple]],
    db: Database,
    now: datetime,
) -> None:
    """A record written here with no history on either side (the peer wrote it around its history)
    gets a "create" event, so that it shows in ``history`` and has field clocks from now on."""
    candidates = {
        r["id"]: (name, r) for name, rows in written.items() for r in rows if r["id"] not in incoming_events
    }
    if not candidates:
        return
    known: set[uuid.UUID] = set()
    for part in chunks(list(candidates)):
        known.update(conn.scalars(select(EVENTS.c.entity_id).where(EVENTS.c.entity_id.in_(part)).distinct()))
    changes = [
        created(name, ident, row, row.get("version") or 1)
        for ident, (name, row) in candidates.items()
        if ident not in known
    ]
    record_changes(conn, changes, actor=db.actor, device_id=db.device_id, now=now)


def merge_record(
    kind: str,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    my_events: list[EventTuple],
    their_events: list[EventTuple],
    detected: dict[uuid.UUID, dict[str, Any]],
) -> dict[str, Any]:
    """The merged record; the same whichever side is ``mine`` (field by field, latest edit wins)."""
    my_clocks, their_clocks = field_clocks(my_events), field_clocks(their_events)
    my_ids = {str(e[0]) for e in my_events}
    their_ids = {str(e[0]) for e in their_events}
    merged = dict(mine)
    for name, value in theirs.items():
        if name in RECORD_BOOKKEEPING or mine[name] == value:
            continue
        mc, tc = my_clocks.get(name, NO_CLOCK), their_clocks.get(name, NO_CLOCK)
        take_theirs = _order(value) > _order(mine[name]) if mc == tc else tc > mc
        if take_theirs:
            merged[name] = value
        if mc != NO_CLOCK and tc != NO_CLOCK and mc[2] not in their_ids and tc[2] not in my_ids:
            win, lose = (tc, mc) if take_theirs else (mc, tc)
            win_value, lose_value = (value, mine[name]) if take_theirs else (mine[name], value)
            conflict = _conflict(kind, mine["id"], name, win, lose, win_value, lose_value)
            detected[conflict["id"]] = conflict
    merged["created_at"] = min(mine["created_at"], theirs["created_at"])
    merged["updated_at"] = max(mine["updated_at"], theirs["updated_at"])
    merged["version"] = max(mine["version"], theirs["version"])
    return merged


# Search documents are kept by root record; children name their root.
_SEARCH_ROOT = {
    "amendment": ("agreement", "agreement_id"),
    "membership": ("contact", "contact_id"),
    "agenda_item": ("meeting", "meeting_id"),
    "decision": ("meeting", "meeting_id"),
    "action_item": ("meeting", "meeting_id"),
}
_SEARCH_KINDS = ("agreement", "organization", "contact", "meeting", "commitment", "attachment")


def _refresh_search(conn: Connection, written: dict[str, list[dict[str, Any]]]) -> None:
    """The merge bypasses the ORM, so it updates the search index itself, in its transaction."""

    keys: dict[str, set[uuid.UUID]] = defaultdict(set)
    for name, rows in written.items():
        if name in _SEARCH_KINDS:
            keys[name].update(r["id"] for r in rows)
        elif name in _SEARCH_ROOT:
            root, column = _SEARCH_ROOT[name]
            keys[root].update(r[column] for r in rows)
    if keys:
        refresh(conn, dict(keys))


def _order(value: Any) -> str:
    return json.dumps(dump_value(value), sort_keys=True, ensure_ascii=False)


def _conflict(
    kind: str, ident: uuid.UUID, name: str, win: Clock, lose: Clock, win_value: Any, lose_value: Any
) -> dict[str, Any]:
    return {
        "id": conflict_id(kind, ident, name, win[2], lose[2]),
        "entity_kind": kind,
        "entity_id": ident,
        "field": name,
        "winner_value": _order(win_value),
        "loser_value": _order(lose_value),
        "winner_event_id": uuid.UUID(win[2]),
        "loser_event_id": uuid.UUID(lose[2]),
        "winner_device": win[1],
        "loser_device": lose[1],
        "winner_at": win[0],
        "loser_at": lose[0],
        "detected_at": max(win[0], lose[0]),
        "reversed_at": None,
        "reversed_by": "",
    }


def _merge_conflicts(
    conn: Connection, incoming: list[dict[str, Any]], detected: dict[uuid.UUID, dict[str, Any]]
) -> int:
    """Conflicts travel too: every database ends with the same list; a reversal is kept."""
    _modernise_conflicts(conn)
    rows = {**detected, **{c["id"]: c for c in incoming}}
    if not rows:
        return 0
    local: dict[uuid.UUID, dict[str, Any]] = {}
    for part in chunks(list(rows)):
        for found in conn.execute(select(CONFLICTS).where(CONFLICTS.c.id.in_(part))):
            local[found.id] = dict(found._mapping)
    new = [r for ident, r in rows.items() if ident not in local]
    fast_insert(conn, CONFLICTS, new)
    for ident, row in rows.items():
        mine = local.get(ident)
        if mine is None or row["reversed_at"] is None:
            continue
        if mine["reversed_at"] is None or (row["reversed_at"], row["reversed_by"]) > (
            mine["reversed_at"],
            mine["reversed_by"],
        ):
            conn.execute(
                update(CONFLICTS)
                .where(CONFLICTS.c.id == ident)
                .values(reversed_at=row["reversed_at"], reversed_by=row["reversed_by"])
            )
    return len([r for r in new if r["id"] in detected])


def _modernise_conflicts(conn: Connection) -> None:
    """Conflicts recorded here before migration 0011 name a one-language field: they become the
    conflicts on its halves, as a file of that version is read, so that a peer's copy of one (read
    that way) does not list it twice."""
    names = sorted({name for fields in OLD_FIELDS.values() for name in fields})
    found = [dict(r._mapping) for r in conn.execute(select(CONFLICTS).where(CONFLICTS.c.field.in_(names)))]
    old = [r for r in found if r["field"] in OLD_FIELDS.get(r["entity_kind"], ())]
    if not old:
        return
    conn.execute(delete(CONFLICTS).where(CONFLICTS.c.id.in_([r["id"] for r in old])))
    halves = {c["id"]: c for r in old for c in modern_conflicts(r)}
    known = set(conn.scalars(select(CONFLICTS.c.id).where(CONFLICTS.c.id.in_(list(halves)))))
    fast_insert(conn, CONFLICTS, [c for ident, c in halves.items() if ident not in known])


def _insert_missing(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    existing: set[Any] = set()
    for part in chunks([r["id"] for r in rows]):
        existing.update(conn.scalars(select(table.c.id).where(table.c.id.in_(part))))
    new = [r for r in rows if r["id"] not in existing]
    fast_insert(conn, table, new)
    return len(new)


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Order rows that refer to rows of the same table (carried-over action items)."""
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not own:
        return rows
    pending = {r["id"]: r for r in rows}
    out: list[dict[str, Any]] = []
    while pending:
        ready = [r for r in pending.values() if all(r[c] not in pending or r[c] == r["id"] for c in own)]
        if not ready:  # a cycle: let the database refuse it
            ready = list(pending.values())
        for r in ready:
            out.append(r)
            del pending[r["id"]]
    return out
