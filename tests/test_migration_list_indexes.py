"""Migration 0007 (contacts' name sort indexes, dashboard deadline indexes) upgrades a database with data.

Also checks that the contacts list and the dashboard really read those indexes on SQLite:
an index on an expression is used only for the very same expression, so a change on one
side (service or migration) alone would quietly bring back a sort of every contact.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from app.db import Database
from app.dto import ContactQuery
from app.migrate import upgrade
from app.paths import AppPaths
from app.services import contacts
from app.services.opening import open_database

T = "2024-01-02 03:04:05.000006"
NAMES = [("한지윤", "Jiyoon Han"), ("", "alex Morgan"), ("강도현", ""), ("", ""), ("박서준", "Seojun Park")]
CONTACT_INDEXES = {f"ix_contact_live_{n}_sort{s}" for n in ("name_ko", "name_en") for s in ("", "_desc")}


def _old_database(url: str | None, paths: AppPaths) -> None:
    old = open_database(url, paths=paths, migrate=False)
    try:
        upgrade(old, "0006")
        sqlite = old.engine.dialect.name == "sqlite"
        with old.engine.begin() as conn:
            for ko, en in NAMES:
                ident = uuid.uuid4()
                conn.execute(
                    text(
                        "INSERT INTO contact (id, created_at, updated_at, version, name_ko, name_en, email,"
                        " phone, mobile, notes) VALUES (:id, :t, :t, 1, :ko, :en, '', '', '', '')"
                    ),
                    {"id": ident.hex if sqlite else str(ident), "t": T, "ko": ko, "en": en},
                )
    finally:
        old.close()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_upgrade_keeps_contacts_in_order_and_adds_the_indexes(
    kind: str, paths: AppPaths, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_url") if kind == "postgresql" else None
    _old_database(url, paths)
    with open_database(url, paths=paths) as db:
        assert _index_names(db, "contact") >= CONTACT_INDEXES  # on expressions: not reflected
        assert "ix_commitment_status_due_on" in _index_names(db, "commitment")
        assert "ix_action_item_status_due_on" in _index_names(db, "action_item")

        def names(**kw: object) -> list[str]:
            q = ContactQuery(**kw)  # type: ignore[arg-type]
            return [c.name_ko or c.name_en for c in contacts.list_contacts(db, q)]

        assert names() == ["강도현", "박서준", "한지윤", "alex Morgan", ""]
        assert names(descending=True) == ["한지윤", "박서준", "강도현", "alex Morgan", ""]
        # By English name (case-folded), then the Korean-only names, blanks last.
        assert names(sort="name_en") == ["alex Morgan", "한지윤", "박서준", "강도현", ""]
        assert names(sort="name_en", descending=True) == ["박서준", "한지윤", "alex Morgan", "강도현", ""]
        assert names(offset=1, limit=2) == ["박서준", "한지윤"]
        assert contacts.count_contacts(db) == 5


def _index_names(db: Database, table: str) -> set[str]:
    if db.engine.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"
    else:
        sql = "SELECT indexname FROM pg_indexes WHERE tablename = :t"
    with db.engine.connect() as conn:
        return {row[0] for row in conn.execute(text(sql), {"t": table})}


def _plan(db: Database, sql: str) -> str:
    with db.engine.connect() as conn:
        return " | ".join(str(row[-1]) for row in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))


@pytest.mark.parametrize("sort", ["name_ko", "name_en"])
@pytest.mark.parametrize("descending", [False, True])
def test_contact_name_sorts_read_their_index(db: Database, sort: str, descending: bool) -> None:
    query = ContactQuery(sort=sort, descending=descending, offset=10, limit=200)
    keys, joined = contacts._sort(db, query, contacts._query(query))
    assert not joined
    stmt = (
        contacts._contacts_only(query)
        .with_only_columns(contacts.Contact.id)
        .order_by(*keys, contacts.Contact.id)
        .offset(10)
        .limit(200)
    )
    plan = _plan(db, str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True})))
    suffix = "_desc" if descending else ""
    assert f"COVERING INDEX ix_contact_live_{sort}_sort{suffix}" in plan
    assert "TEMP B-TREE" not in plan
