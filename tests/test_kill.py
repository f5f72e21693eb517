"""Killing real processes at random moments never leaves a damaged database or half an import.

Each round copies a prepared database, starts a real process that writes to it
(an exchange import, a JSON import, or a stream of single saves), kills it with
SIGKILL after a random delay, and checks ``integrity_check`` and that the data
equals a committed state: all of an import or none of it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from exchange_helpers import snapshot

from app.archive import export_archive
from app.db import Database
from app.dto import OrganizationInput
from app.exchange import export_bundle, import_bundle
from app.paths import app_paths
from app.services import organizations

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 30
BUDGET_S = 50.0
SAVES = (
    "import sys\n"
    "from app.db import Database\n"
    "from app.dto import OrganizationInput\n"
    "from app.paths import app_paths\n"
    "from app.services.organizations import create_organization\n"
    "from pathlib import Path\n"
    "db = Database.open(sys.argv[1], paths=app_paths(Path(sys.argv[2])), lock=True)\n"
    "for i in range(100000):\n"
    "    create_organization(db, OrganizationInput(name_ko=f'저장 {i:06d}'))\n"
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _db(path: Path, home: Path) -> Database:
    return Database.open(str(path), paths=app_paths(home))


def _prepare(tmp: Path) -> dict[str, object]:
    """A base database, a bundle and a JSON archive of 2,000 organizations, and the expected results."""
    source = _db(tmp / "source.sqlite3", tmp / "home-source")
    with source.session() as s:
        from app.models import Organization

        s.add_all(Organization(name_ko=f"교환 기관 {i:05d}", notes="메모 " * 20) for i in range(2000))
    export_bundle(source, tmp / "bundle.pdx")
    export_archive(source, tmp / "archive.json")
    source.close()
    base = _db(tmp / "base.sqlite3", tmp / "home-base")
    organizations.create_organization(base, OrganizationInput(name_ko="처음부터 있던 기관"))
    before = snapshot(base)
    base.close()
    expected: dict[str, object] = {"before": before}
    for kind in ("exchange", "json"):
        shutil.copy(tmp / "base.sqlite3", tmp / f"after-{kind}.sqlite3")
        done = _db(tmp / f"after-{kind}.sqlite3", tmp / f"home-{kind}")
        if kind == "exchange":
            import_bundle(done, tmp / "bundle.pdx", backup=False)
        else:
            from app.archive import import_archive

            import_archive(done, tmp / "archive.json")
        expected[kind] = snapshot(done)
        done.close()
    return expected


def _command(kind: str, db: Path, home: Path, tmp: Path) -> list[str]:
    cli = [sys.executable, "-m", "app", "--db", str(db), "--home", str(home)]
    if kind == "exchange":
        return [*cli, "exchange", "import", str(tmp / "bundle.pdx")]
    if kind == "json":
        return [*cli, "import", str(tmp / "archive.json")]
    return [sys.executable, "-c", SAVES, str(db), str(home)]


def _check_saves(db: Database) -> None:
    names = sorted(o.name_ko for o in organizations.list_organizations(db) if o.name_ko.startswith("저장"))
    assert names == [f"저장 {i:06d}" for i in range(len(names))]  # a prefix: no save half-done
    with db.engine.connect() as conn:
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM organization o WHERE NOT EXISTS "
            "(SELECT 1 FROM audit_event e WHERE e.entity_id = o.id)"
        ).scalar()
    assert orphans == 0  # every saved record has its history entry (same transaction)


@pytest.mark.slow
def test_killed_writers_leave_sound_databases_with_a_committed_state(tmp_path: Path) -> None:
    expected = _prepare(tmp_path)
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    outcomes: dict[str, set[str]] = {"exchange": set(), "json": set(), "saves": set()}
    for round_no in range(ROUNDS):
        if time.monotonic() - started > BUDGET_S:
            break
        kind = ("exchange", "json", "saves")[round_no % 3]
        db_path = tmp_path / f"victim-{round_no}.sqlite3"
        home = tmp_path / f"home-victim-{round_no}"
        shutil.copy(tmp_path / "base.sqlite3", db_path)
        proc = subprocess.Popen(
            _command(kind, db_path, home, tmp_path),
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)

        with sqlite3.connect(db_path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db = _db(db_path, home)
        try:
            if kind == "saves":
                _check_saves(db)
                outcomes[kind].add("ok")
                continue
            state = snapshot(db)
            if state == expected["before"]:
                outcomes[kind].add("none")
            else:
                assert state == expected[kind], f"round {round_no}: {kind} import left a partial state"
                outcomes[kind].add("all")
        finally:
            db.close()
    # The delays reach both sides of the commit at least once for the imports.
    assert outcomes["exchange"] and outcomes["json"] and outcomes["saves"] == {"ok"}
