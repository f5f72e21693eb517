"""Migrations: a database of the first schema, with data in it, opens at head with nothing lost.

The data goes in with raw SQL at revision 0001 (the services speak the newest schema),
and comes out through the services after ``open_database`` migrated it to head,
whatever head is by then.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import Database
from app.dto import ContactQuery
from app.errors import SchemaTooNewError, StorageError
from app.migrate import current_revision, head_revision, upgrade
from app.paths import AppPaths
from app.services import agreements, commitments, contacts, history, meetings, organizations
from app.services.opening import open_database

IDS = {
    name: uuid.uuid4()
    for name in ("org", "org2", "contact", "member", "agr", "party", "com", "meet", "att", "act")
}
T = "2024-01-02 03:04:05.000006"


def _rows(dialect: str) -> list[tuple[str, dict[str, object]]]:
    def u(name: str) -> str:
        return IDS[name].hex if dialect == "sqlite" else str(IDS[name])

    common = "id, created_at, updated_at, version"
    base = {"t": T}
    return [
        (
            f"INSERT INTO organization ({common}, name_ko, name_en, short_name, org_kind, country, website, notes)"
            " VALUES (:id, :t, :t, 3, '산업통상자원부', 'Ministry of Trade, Industry and Energy', 'MOTIE',"
            " 'ministry', 'KR', '', 'R&D <b> \U0001f91d')",
            {**base, "id": u("org")},
        ),
        (
            f"INSERT INTO organization ({common}, name_ko, name_en, short_name, org_kind, country, website, notes)"
            " VALUES (:id, :t, :t, 1, '', 'Example Global OSAT', '', 'foreign_body', 'SG', '', '')",
            {**base, "id": u("org2")},
        ),
        (
            f"INSERT INTO contact ({common}, name_ko, name_en, email, phone, mobile, notes)"
            " VALUES (:id, :t, :t, 1, '한지윤', 'Jiyoon Han', 'jiyoon.han@example.com', '', '', '')",
            {**base, "id": u("contact")},
        ),
        (
            f"INSERT INTO membership ({common}, contact_id, organization_id, title, department, started_on)"
            " VALUES (:id, :t, :t, 1, :c, :o, '과장', '반도체과', '2021-03-02')",
            {**base, "id": u("member"), "c": u("contact"), "o": u("org")},
        ),
        (
            f"INSERT INTO agreement ({common}, title_ko, title_en, reference_no, agreement_kind, status,"
            " signed_on, effective_on, place, summary, confidentiality, tags)"
            " VALUES (:id, :t, :t, 2, '반도체 첨단 패키징 기술개발 협력 협약', '', 'OLD-1', 'agreement',"
            " 'in_force', '2023-08-29', '2023-08-29', '엘타워', '요약', 'public', ',반도체,R&D,')",
            {**base, "id": u("agr")},
        ),
        (
            f"INSERT INTO party ({common}, agreement_id, organization_id, role, position, signatory_contact_id,"
            " signatory_name, signatory_title, signed_on)"
            " VALUES (:id, :t, :t, 1, :a, :o, 'lead', 0, :c, '', '과장', '2023-08-29')",
            {**base, "id": u("party"), "a": u("agr"), "o": u("org"), "c": u("contact")},
        ),
        (
            f"INSERT INTO commitment ({common}, agreement_id, party_id, title, description, due_on, status)"
            " VALUES (:id, :t, :t, 1, :a, :p, '첨단 패키징 신규 R&D 사업 추진', '', '2026-12-31', 'in_progress')",
            {**base, "id": u("com"), "a": u("agr"), "p": u("party")},
        ),
        (
            f"INSERT INTO meeting ({common}, title, starts_at, place, online_url, summary)"
            " VALUES (:id, :t, :t, 1, '실무협의회 (1차)', '2023-10-17 05:00:00', '세종', '', '회의록')",
            {**base, "id": u("meet")},
        ),
        (
            f"INSERT INTO attendee ({common}, meeting_id, contact_id, organization_id, title, attended)"
            " VALUES (:id, :t, :t, 1, :m, :c, :o, '과장', :yes)",
            {**base, "id": u("att"), "m": u("meet"), "c": u("contact"), "o": u("org"), "yes": True},
        ),
        (
            f"INSERT INTO action_item ({common}, meeting_id, title, owner_contact_id, due_on, status, commitment_id)"
            " VALUES (:id, :t, :t, 1, :m, '수요조사 설문 배포', :c, '2023-11-30', 'open', :k)",
            {**base, "id": u("act"), "m": u("meet"), "c": u("contact"), "k": u("com")},
        ),
        (
            "INSERT INTO audit_event (id, occurred_at, actor, device_id, entity_kind, entity_id, action, version,"
            " changes) VALUES (:id, :t, '정수빈', 'dev', 'organization', :e, 'update', 3,"
            ' \'{"name_en": ["MOTIE", "Ministry of Trade, Industry and Energy"]}\')',
            {**base, "id": uuid.uuid4().hex if dialect == "sqlite" else str(uuid.uuid4()), "e": u("org")},
        ),
    ]


def _build_first_schema(url: str | None, paths: AppPaths) -> None:
    old = open_database(url, paths=paths, migrate=False)
    try:
        upgrade(old, "0001")
        assert current_revision(old) == "0001"
        with old.engine.begin() as conn:
            for sql, params in _rows(old.engine.dialect.name):
                conn.execute(text(sql), params)
    finally:
        old.close()


def _assert_everything_is_there(db: Database) -> None:
    assert current_revision(db) == head_revision()
    org = organizations.get_organization(db, IDS["org"])
    assert (org.name_ko, org.version, org.notes) == ("산업통상자원부", 3, "R&D <b> \U0001f91d")
    assert org.created_at.year == 2024 and org.created_at.tzinfo is not None
    assert [o.name_en for o in organizations.list_organizations(db)][-1] == "Example Global OSAT"
    (person,) = contacts.list_contacts(db, ContactQuery())
    assert (person.name_ko, person.organization_name_ko, person.title()) == (
        "한지윤",
        "산업통상자원부",
        "과장",
    )
    detail = agreements.agreement_detail(db, IDS["agr"])
    assert detail.record.tags == ("반도체", "R&D")
    assert detail.record.signed_on == date(2023, 8, 29)
    assert [(p.organization_name_ko, p.signatory_name()) for p in detail.parties] == [
        ("산업통상자원부", "한지윤")
    ]
    assert [c.title_ko for c in detail.commitments] == ["첨단 패키징 신규 R&D 사업 추진"]
    assert commitments.get_commitment(db, IDS["com"]).organization_name_ko == "산업통상자원부"
    m = meetings.meeting_detail(db, IDS["meet"])
    assert [a.contact_name_ko for a in m.attendees] == ["한지윤"]
    assert [(i.title_ko, i.commitment_title_ko) for i in m.action_items] == [
        ("수요조사 설문 배포", "첨단 패키징 신규 R&D 사업 추진")
    ]
    events = history.history(db, "organization", IDS["org"])
    assert [(e.actor, e.action) for e in events] == [("정수빈", "update")]
    # The upgraded database takes new writes as usual.
    from factories import person as new_person

    new_person(db, "오세훈")
    assert contacts.count_contacts(db) == 2


def test_sqlite_first_schema_with_data_upgrades_without_loss_and_with_a_backup(paths: AppPaths) -> None:
    _build_first_schema(None, paths)
    assert not paths.backups.exists() or not list(paths.backups.iterdir())
    with open_database(paths=paths) as db:
        _assert_everything_is_there(db)
    backups = list(paths.backups.glob("pre-migration-0001-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT name_ko FROM organization WHERE name_ko != ''").fetchall() == [
            ("산업통상자원부",)
        ]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Opening again at head makes no further backup.
    open_database(paths=paths).close()
    assert len(list(paths.backups.iterdir())) == 1


def test_postgresql_first_schema_with_data_upgrades_without_loss(pg_url: str, paths: AppPaths) -> None:
    _build_first_schema(pg_url, paths)
    with open_database(pg_url, paths=paths) as db:
        _assert_everything_is_there(db)


def _stamp(db: Database, revision: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})


def test_sqlite_database_from_a_newer_program_is_refused_and_untouched(paths: AppPaths) -> None:
    with open_database(paths=paths) as db:
        from factories import org

        org(db)
        _stamp(db, "9999_future")
    path = paths.database
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as err:
        open_database(paths=paths)
    assert "newer Partnership Desk (schema 9999_future)" in str(err.value)
    assert "file was not changed" in str(err.value)
    assert path.read_bytes() == before
    assert not paths.backups.exists() or not list(paths.backups.iterdir())


def test_postgresql_database_from_a_newer_program_is_refused(pg_url: str, paths: AppPaths) -> None:
    with open_database(pg_url, paths=paths) as db:
        _stamp(db, "9999_future")
    with pytest.raises(SchemaTooNewError):
        open_database(pg_url, paths=paths)
    with open_database(pg_url, paths=paths, migrate=False) as db:
        assert current_revision(db) == "9999_future"


def test_another_programs_sqlite_database_is_refused_and_keeps_its_data(
    tmp_path: Path, paths: AppPaths
) -> None:
    foreign = tmp_path / "places.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.com/')")
    with pytest.raises(StorageError) as err:
        open_database(str(foreign), paths=paths)
    assert "not a Partnership Desk database" in str(err.value) and "moz_places" in str(err.value)
    with sqlite3.connect(foreign) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["moz_places"]
        assert conn.execute("SELECT url FROM moz_places").fetchall() == [("https://example.com/",)]


def test_another_programs_postgresql_database_is_refused(pg_url: str, paths: AppPaths) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)"))
    engine.dispose()
    with pytest.raises(StorageError, match="invoices"):
        open_database(pg_url, paths=paths)
