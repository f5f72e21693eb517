"""Migration 0010 (an index for each list's sort by each column) upgrades a database with data.

Also checks, on SQLite, that the first rows of every sort of every list are read from an
index, not sorted from the whole table: an index on an expression serves only the very
same expression, so a change on one side (the service's sort terms or the migration)
alone would quietly bring back a sort of every row (seconds at 500,000 contacts).
"""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from factories import agreement, commitment, meeting, member, org, person
from sqlalchemy import event, text

from app.db import Database
from app.dto import AgreementQuery, CommitmentQuery, ContactQuery, MeetingQuery, OrganizationQuery
from app.enums import AgreementStatus, CommitmentStatus
from app.migrate import alembic_config, current_revision, head_revision
from app.paths import AppPaths
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import open_database
from app.services.queries import unpack_ids

MIGRATION = Path(__file__).resolve().parent.parent / "app/migrations/versions/0010_list_sort_indexes.py"


def _migration() -> Any:
    spec = importlib.util.spec_from_file_location("migration_0010", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LISTS: dict[str, tuple[Any, Any, set[str]]] = {
    "agreement": (agreements.agreement_ids, AgreementQuery, agreements.SORTABLE),
    "organization": (organizations.organization_ids, OrganizationQuery, organizations.SORTABLE),
    "contact": (
        contacts.contact_ids,
        ContactQuery,
        contacts.SORTABLE - {"organization_name_ko", "title_ko", "title_en"},
    ),
    "meeting": (meetings.meeting_ids, MeetingQuery, meetings.SORTABLE),
    "commitment": (commitments.commitment_ids, CommitmentQuery, commitments.SORTABLE),
}


# 0010's indexes on the one-language columns that 0011 split in two (replaced there by one per language).
RENAMED_LATER = {
    f"ix_{table}_live_sort_{column}{suffix}"
    for table, column in (
        ("meeting", "title"),
        ("meeting", "place"),
        ("commitment", "title"),
        ("membership", "title"),
    )
    for suffix in ("", "_desc")
}


def _fill(db: Database) -> None:
    ministry = org(db, "산업통상자원부", "Ministry of Trade, Industry and Energy", short_name="산업부")
    company = org(db, "", "Example Global OSAT", country="SG")
    someone = person(db, "한지윤", "Jiyoon Han", email="jiyoon.han@example.com")
    person(db, "", "Alex Morgan", email="alex.morgan@example.com")
    member(db, someone.id, ministry.id, "과장", title_en="Director")
    for i, title in enumerate(["나 협약", "가 협약", "Example MOU"]):
        a = agreement(db, title, AgreementStatus.SIGNED, signed_on=date(2023, 1, 1) + timedelta(days=i))
        commitment(db, a.id, f"과제 {i}", due_on=date(2026, 1, 1) + timedelta(days=i))
        commitment(db, a.id, f"끝난 과제 {i}", status=CommitmentStatus.DONE)
        meeting(db, f"회의 {i}", place_ko=["세종", "", "서울"][i], title_en=["", "Meeting B", ""][i])
    assert company.id


def _orders(db: Database) -> dict[tuple[str, str, bool], list[Any]]:
    out = {}
    for kind, (ids_fn, query, sorts) in LISTS.items():
        for sort in sorted(sorts):
            for descending in (False, True):
                out[kind, sort, descending] = unpack_ids(ids_fn(db, query(sort=sort, descending=descending)))
    return out


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_upgrade_keeps_every_record_and_order_and_adds_the_indexes(
    kind: str, paths: AppPaths, request: pytest.FixtureRequest
) -> None:
    """Records written by today's program, taken back to before 0010 (its downgrade drops the
    indexes and nothing else) and upgraded again: every record and every order is kept.
    (Filled at the head: today's services cannot write an older schema.)"""
    url = request.getfixturevalue("pg_url") if kind == "postgresql" else None
    migration = _migration()
    with open_database(url, paths=paths) as db:
        _fill(db)
        before = _orders(db)
        names = {name for name, _table, _sql in migration.indexes(db.engine.dialect.name)}
    old = open_database(url, paths=paths, migrate=False)
    try:
        cfg = alembic_config()
        with old.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, migration.down_revision)
        assert current_revision(old) == migration.down_revision
        assert not names & _index_names(old)
    finally:
        old.close()
    with open_database(url, paths=paths) as db:
        assert current_revision(db) == head_revision()
        assert names - RENAMED_LATER <= _index_names(db)
        assert _orders(db) == before  # the same records, in the same order, every sort
        assert len(before["contact", "email", False]) == 2
        assert len(before["commitment", "due_on", False]) == 6


def test_every_sort_reads_its_first_rows_from_an_index_on_sqlite(db: Database) -> None:
    _fill(db)
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        for kind, (ids_fn, query, sorts) in LISTS.items():
            for sort in sorted(sorts):
                for descending in (False, True):
                    statements.clear()
                    ids_fn(db, query(sort=sort, descending=descending, limit=400))
                    sql, parameters = next((s, p) for s, p in statements if "LIMIT" in s)
                    plan = _plan(db, sql, parameters)
                    assert "USE TEMP B-TREE" not in plan, (kind, sort, descending, plan)
                    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (kind, sort, plan)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)


def _plan(db: Database, sql: str, parameters: Any) -> str:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, parameters).all()
    return "\n".join(str(row[-1]) for row in rows)


def _index_names(db: Database) -> set[str]:
    if db.engine.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        sql = "SELECT indexname FROM pg_indexes"
    with db.engine.connect() as conn:
        return {row[0] for row in conn.execute(text(sql))}
