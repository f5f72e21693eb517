"""Shared fixtures: the clock, a temporary home for every test, SQLite and PostgreSQL databases.

``QT_QPA_PLATFORM=offscreen`` is set before anything can load Qt.

The clock: the whole session runs on a ``SteppingClock`` that starts at 09:00 today
(local time) and moves one millisecond each time it is read; every test gets its own,
starting at 10:00 the same day, so a test never depends on the time of day, on the real
clock's resolution or on sleeping. "Today" is the system's date, read once here, so the
suite can be run on another date with the system clock moved (``make test-dates`` does it
with libfaketime), or with ``PARTNERSHIP_DESK_TEST_TODAY=2031-02-28``.

PostgreSQL: tests that use it (``pg_url``, ``pg_db``, the ``postgresql`` side of ``any_db``
and ``demo_db``) are marked ``postgres`` automatically and need the server named by
``PARTNERSHIP_DESK_TEST_PG`` (``make test`` starts one); without it they fail, never skip.
``make test-sqlite`` deselects them.

The demo data is built once per session and per database kind, and copied for each test:
the SQLite file is copied, the PostgreSQL database is created from it as a template.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("PARTNERSHIP_DESK_DB", None)

import shutil
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pg_server
import pytest

from app import clock, opened
from app.db import Database
from app.demo import load_demo
from app.i18n import set_language
from app.paths import AppPaths, app_paths
from app.services.opening import open_database


def _session_today() -> date:
    given = os.environ.get("PARTNERSHIP_DESK_TEST_TODAY")
    return date.fromisoformat(given) if given else clock.SystemClock().now().astimezone().date()


TODAY = _session_today()
SESSION_START = datetime.combine(TODAY, time(9, 0)).astimezone()
TEST_START = SESSION_START + timedelta(hours=1)
POSTGRES_FIXTURES = frozenset({"pg_url", "pg_db", "pg_admin_url", "pg_url_module"})


def pytest_configure(config: pytest.Config) -> None:
    clock.set_clock(clock.SteppingClock(SESSION_START))  # module and session fixtures run on it


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that reaches PostgreSQL is marked ``postgres``, whatever fixture brought it there."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if POSTGRES_FIXTURES & set(getattr(item, "fixturenames", ())) or "postgresql" in params.values():
            item.add_marker(pytest.mark.postgres)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many PostgreSQL tests ran, so that a run without the server cannot pass unnoticed."""
    counts: dict[str, int] = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if "postgres" in getattr(report, "keywords", {}) and report.when in ("call", "setup"):
                if outcome == "passed" and report.when == "setup":
                    continue
                counts[outcome] = counts.get(outcome, 0) + 1
    ran = ", ".join(f"{n} {outcome}" for outcome, n in counts.items()) or "none"
    terminalreporter.write_line(f"PostgreSQL tests: {ran}; run on {TODAY.isoformat()} (the tests' today)")


@pytest.fixture(autouse=True)
def test_clock() -> Iterator[clock.SteppingClock]:
    """Each test's own clock, starting at 10:00 today; ``test_clock.advance(...)`` lets time pass."""
    with clock.use(clock.SteppingClock(TEST_START)) as current:
        yield current  # type: ignore[misc]


@pytest.fixture(autouse=True)
def no_opened_copies_left() -> Iterator[None]:
    """Copies opened for another program (app.opened) are removed after each test, as at exit:
    one test's copies folder is not the next test's."""
    yield
    opened.remove_own_copies()


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
    database = open_database(paths=paths)
    yield database
    database.close()


@pytest.fixture
def pg_admin_url() -> str:
    """The test server's maintenance URL, for tests that create databases of their own."""
    return pg_server.admin_url()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    with pg_server.new_database() as url:
        yield url


@pytest.fixture
def pg_db(pg_url: str, paths: AppPaths) -> Iterator[Database]:
    database = open_database(pg_url, paths=paths)
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, paths: AppPaths) -> Iterator[Database]:
    """The same test on a SQLite file and on PostgreSQL."""
    url = None if request.param == "sqlite" else request.getfixturevalue("pg_url")
    database = open_database(url, paths=paths)
    yield database
    database.close()


# -- the demo data, built once per session ---------------------------------------


@pytest.fixture(scope="session")
def demo_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed SQLite file holding the demo data (nothing else writes to it)."""
    paths = app_paths(tmp_path_factory.mktemp("demo-template"))
    with open_database(paths=paths, backup_before_migrate=False) as database:
        assert load_demo(database) is True
    assert not Path(f"{paths.database}-wal").exists()  # closed cleanly: the file is complete
    return paths.database


@pytest.fixture(scope="session")
def demo_pg_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The name of a PostgreSQL database holding the demo data, copied with CREATE DATABASE ... TEMPLATE."""
    with pg_server.new_database() as url:
        paths = app_paths(tmp_path_factory.mktemp("demo-pg-template"))
        database = open_database(url, paths=paths, backup_before_migrate=False)
        try:
            assert load_demo(database) is True
        finally:
            database.close()  # a template must have no connections
        name = url.rsplit("/", 1)[-1]
        yield name


def _demo_copy_sqlite(template: Path, paths: AppPaths) -> Database:
    paths.database.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, paths.database)
    return open_database(paths=paths)


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_db(request: pytest.FixtureRequest, paths: AppPaths) -> Iterator[Database]:
    """Either database with the reference agreement and its fictional surroundings loaded."""
    if request.param == "sqlite":
        database = _demo_copy_sqlite(request.getfixturevalue("demo_sqlite_template"), paths)
        yield database
        database.close()
        return
    with pg_server.new_database(template=request.getfixturevalue("demo_pg_template")) as url:
        database = open_database(url, paths=paths)
        yield database
        database.close()


@pytest.fixture
def demo_sqlite(demo_sqlite_template: Path, paths: AppPaths) -> Iterator[Database]:
    """A SQLite database in the test's home with the demo data."""
    database = _demo_copy_sqlite(demo_sqlite_template, paths)
    yield database
    database.close()
