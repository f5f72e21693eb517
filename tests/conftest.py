"""Shared fixtures: a temporary home for every test, SQLite and PostgreSQL databases.

``QT_QPA_PLATFORM=offscreen`` is set before anything can load Qt. PostgreSQL tests
use the server named by ``PARTNERSHIP_DESK_TEST_PG`` (``make test`` starts one);
with ``PARTNERSHIP_DESK_REQUIRE_PG=1`` (as in CI) a missing server fails the run
instead of skipping those tests.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("PARTNERSHIP_DESK_DB", None)

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import Database
from app.i18n import set_language
from app.paths import AppPaths, app_paths

PG_ENV = "PARTNERSHIP_DESK_TEST_PG"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data home; nothing touches the real user folders."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("PARTNERSHIP_DESK_HOME", str(folder))
    monkeypatch.delenv("PARTNERSHIP_DESK_DB", raising=False)
    set_language("en")
    return folder


@pytest.fixture
def paths(home: Path) -> AppPaths:
    return app_paths(home)


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    """A fresh SQLite database file in the temporary home."""
    database = Database.open(paths=paths)
    yield database
    database.close()


def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("PARTNERSHIP_DESK_REQUIRE_PG"):
        pytest.fail(f"{PG_ENV} is not set but PARTNERSHIP_DESK_REQUIRE_PG is: PostgreSQL tests must run")
    return None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    admin = _pg_admin_url()
    if admin is None:
        pytest.skip(f"PostgreSQL not available: set {PG_ENV} (make test starts a server)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"pdtest_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def pg_db(pg_url: str, paths: AppPaths) -> Iterator[Database]:
    database = Database.open(pg_url, paths=paths)
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, paths: AppPaths) -> Iterator[Database]:
    """The same test on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        database = Database.open(paths=paths)
        yield database
        database.close()
    else:
        url = request.getfixturevalue("pg_url")
        database = Database.open(url, paths=paths)
        yield database
        database.close()


@pytest.fixture
def demo_db(any_db: Database) -> Database:
    """Either database with the reference agreement and its fictional surroundings loaded."""
    from app.demo import load_demo

    load_demo(any_db)
    return any_db


@pytest.fixture
def demo_sqlite(db: Database) -> Database:
    from app.demo import load_demo

    load_demo(db)
    return db
