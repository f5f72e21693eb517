"""Storage: where the database lives, how SQLite is set up, backups, refusing damaged files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from factories import org
from sqlalchemy import text

from app.atomic import atomic_write_bytes
from app.backup import backup_database
from app.db import Database
from app.errors import StorageError
from app.paths import AppPaths, app_paths, database_url
from app.services import organizations
from app.services.opening import PROGRAM_PAGE_CACHE_KIB, open_database


def test_sqlite_runs_with_wal_full_sync_foreign_keys_and_a_busy_timeout(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_the_program_opens_with_a_smaller_page_cache(paths: AppPaths) -> None:
    def cache_size(db: Database) -> int:
        with db.engine.connect() as conn:
            return int(conn.execute(text("PRAGMA cache_size")).scalar_one())

    with open_database(paths=paths) as plain:
        default = cache_size(plain)
    with open_database(paths=paths, lock=True, page_cache_kib=PROGRAM_PAGE_CACHE_KIB) as program:
        assert cache_size(program) == -PROGRAM_PAGE_CACHE_KIB != default


def test_foreign_keys_are_enforced(any_db: Database) -> None:
    import uuid

    from sqlalchemy.exc import IntegrityError

    def key() -> str:
        return uuid.uuid4().hex if any_db.is_sqlite else str(uuid.uuid4())

    with pytest.raises(IntegrityError), any_db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO membership (id, contact_id, organization_id, title_ko, title_en, department_ko,"
                " department_en, created_at, updated_at, version)"
                " VALUES (:id, :c, :o, '', '', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
            ),
            {"id": key(), "c": key(), "o": key()},
        )


def test_where_the_database_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = app_paths(tmp_path / "home")
    assert (
        database_url(None, paths)
        == "sqlite:///" + (tmp_path / "home" / "partnership-desk.sqlite3").as_posix()
    )
    monkeypatch.setenv("PARTNERSHIP_DESK_DB", str(tmp_path / "env.sqlite3"))
    assert database_url(None, paths).endswith("/env.sqlite3")
    assert database_url(str(tmp_path / "arg.sqlite3"), paths).endswith("/arg.sqlite3")  # --db wins
    assert database_url("postgresql+psycopg://u@h/db", paths) == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("PARTNERSHIP_DESK_HOME", str(tmp_path / "from-env"))
    assert app_paths().home == tmp_path / "from-env"


def test_backup_is_a_consistent_copy_while_writing(db: Database, tmp_path: Path) -> None:
    for i in range(20):
        org(db, f"기관 {i:02d}")
    with db.session() as s:
        # An open write transaction elsewhere does not end up in the copy, nor block it.
        from app.models import Organization

        s.add(Organization(name_ko="아직 저장 안 됨"))
        s.flush()
        dest = backup_database(db, tmp_path / "copy.sqlite3")
    with sqlite3.connect(dest) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        names = {r[0] for r in conn.execute("SELECT name_ko FROM organization")}
    assert len(names) == 20 and "아직 저장 안 됨" not in names
    assert not list(tmp_path.glob(".copy.sqlite3*"))
    with open_database(str(dest), paths=db.paths) as copy:
        assert organizations.count_organizations(copy) == 20


def test_default_backup_goes_to_the_backups_folder(db: Database, paths: AppPaths) -> None:
    org(db)
    made = backup_database(db, reason="manual test")
    assert made.parent == paths.backups and made.name.startswith("manual-test-")


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04 a zip file, not a database" * 50,
        "데이터베이스가 아닌 텍스트".encode() * 100,
    ],
)
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    tmp_path = tmp_path / "folder"
    tmp_path.mkdir()
    path = tmp_path / "not-a-db.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StorageError) as err:
        open_database(str(path), paths=app_paths(tmp_path))
    assert str(path) in str(err.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-db.sqlite3"]


def test_a_truncated_database_is_refused_untouched(db: Database, tmp_path: Path) -> None:
    for i in range(50):
        org(db, f"기관 {i}", notes="메모 " * 200)
    source = db.sqlite_path
    assert source is not None
    db.close()
    damaged = tmp_path / "truncated.sqlite3"
    damaged.write_bytes(source.read_bytes()[: 3 * 4096 + 100])
    before = damaged.read_bytes()
    with (
        pytest.raises(StorageError, match="damaged"),
        open_database(str(damaged), paths=app_paths(tmp_path)) as broken,
    ):
        organizations.list_organizations(broken)
    assert damaged.read_bytes() == before


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path: Path) -> None:
    tmp_path = tmp_path / "folder"
    target = tmp_path / "out.json"
    atomic_write_bytes(target, b"first")
    from app.atomic import atomic_open

    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"first"
    assert os.listdir(tmp_path) == ["out.json"]
