"""Killing real writer processes at measured points never leaves a damaged database or half an import.

Each round copies a prepared database and starts a real writer on it
(``tests/kill_child.py``: an exchange import or a JSON import through the real
command line entry point, or a stream of single saves). The child counts the write
statements (INSERT/UPDATE/DELETE) its engines are about to run and stops at a chosen
one, or after the command has returned; the parent SIGKILLs it there. The parent then
checks ``integrity_check`` and that the data equals a committed state: all of an
import or none of it, or a whole number of saves.

The kill points come from a first run that measures the number of writes N (that run
is also the kill after the command returned), so every round lands where it was
aimed, whatever the machine's load. For each import kind the test requires that both
outcomes were seen: "none" (killed at the first write) and "all" (killed after the
return). A timing-based kill could pass without ever reaching one side; this one
cannot (``test_both_sides_check_fails_when_one_side_is_missing``).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from child_kill import kill_when_it_says
from exchange_helpers import snapshot
from kill_child import SAVES

from app.archive import export_archive, import_archive
from app.db import Database
from app.dto import OrganizationInput
from app.exchange import export_bundle, import_bundle
from app.paths import app_paths
from app.services import organizations
from app.services.opening import open_database

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "kill_child.py"
RANDOM_POINTS = 3  # per kind, besides the first and last writes and the return
IMPORTS = ("exchange", "json")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

Snapshot = dict[str, list[tuple[Any, ...]]]


def _db(path: Path, home: Path) -> Database:
    return open_database(str(path), paths=app_paths(home))


def _prepare(tmp: Path) -> dict[str, Snapshot]:
    """A base database, a bundle and a JSON archive of 2,000 organizations, and the expected results.

    2,000 so that an import's transaction outgrows SQLite's page cache: its late kills
    leave uncommitted pages in the WAL, which the next opening must discard.
    """
    source = _db(tmp / "source.sqlite3", tmp / "home-source")
    with source.session() as s:
        from app.models import Organization

        s.add_all(Organization(name_ko=f"교환 기관 {i:05d}", notes="메모 " * 20) for i in range(2000))
    export_bundle(source, tmp / "bundle.pdx")
    export_archive(source, tmp / "archive.json")
    source.close()
    base = _db(tmp / "base.sqlite3", tmp / "home-base")
    organizations.create_organization(base, OrganizationInput(name_ko="처음부터 있던 기관"))
    expected = {"before": snapshot(base)}
    base.close()
    for kind in IMPORTS:
        shutil.copy(tmp / "base.sqlite3", tmp / f"after-{kind}.sqlite3")
        done = _db(tmp / f"after-{kind}.sqlite3", tmp / f"home-{kind}")
        if kind == "exchange":
            import_bundle(done, tmp / "bundle.pdx", backup=False)
        else:
            import_archive(done, tmp / "archive.json")
        expected[kind] = snapshot(done)
        done.close()
    return expected


# -- running and killing a writer ----------------------------------------------------


def _kill_at(kind: str, pause: int | str, tmp: Path) -> tuple[Path, Path, str]:
    """Run a writer on a fresh copy of the base, SIGKILL it where it paused; its db, home and line."""
    label = f"{kind}-{pause}"
    db_path, home, log = tmp / f"victim-{label}.sqlite3", tmp / f"home-victim-{label}", tmp / f"{label}.log"
    shutil.copy(tmp / "base.sqlite3", db_path)
    wanted = "finished" if pause == "end" else "paused"
    line = kill_when_it_says([str(CHILD), kind, str(db_path), str(home), str(tmp), str(pause)], log, wanted)
    return db_path, home, line


# -- judging what a killed writer left ------------------------------------------------


def _assert_sound(db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _import_outcome(
    kind: str, pause: int | str, killed: tuple[Path, Path, str], expected: dict[str, Snapshot]
) -> str:
    """What an import killed at ``pause`` left: "none" or "all" of it, never a part."""
    db_path, home, _ = killed
    _assert_sound(db_path)
    db = _db(db_path, home)
    try:
        state = snapshot(db)
    finally:
        db.close()
    if state == expected["before"]:
        return "none"
    assert state == expected[kind], f"{kind} killed at {pause}: the import left a partial state"
    return "all"


def _saved_count(db_path: Path, home: Path) -> int:
    """How many single saves are there; they form a prefix and each has its history entry."""
    _assert_sound(db_path)
    db = _db(db_path, home)
    try:
        names = sorted(
            o.name_ko for o in organizations.list_organizations(db) if o.name_ko.startswith("저장")
        )
        assert names == [f"저장 {i:06d}" for i in range(len(names))]  # a prefix: no save half-done
        with db.engine.connect() as conn:
            orphans = conn.exec_driver_sql(
                "SELECT count(*) FROM organization o WHERE NOT EXISTS "
                "(SELECT 1 FROM audit_event e WHERE e.entity_id = o.id)"
            ).scalar()
        assert orphans == 0  # every saved record has its history entry (same transaction)
    finally:
        db.close()
    return len(names)


def _assert_both_sides_seen(outcomes: dict[str, set[str]]) -> None:
    """Every import kind was killed at least once before its commit and once after it."""
    for kind, seen in outcomes.items():
        assert "none" in seen, f"{kind}: no kill landed before the commit (outcomes {sorted(seen)})"
        assert "all" in seen, f"{kind}: no kill landed after the commit (outcomes {sorted(seen)})"


def _spread(rng: random.Random, low: int, high: int) -> list[int]:
    """A few distinct write numbers in low..high (inclusive), sorted."""
    return sorted(rng.sample(range(low, high + 1), min(RANDOM_POINTS, max(0, high - low + 1))))


# -- the tests ------------------------------------------------------------------------


def test_both_sides_check_fails_when_one_side_is_missing() -> None:
    # What the timing-based version could not tell apart: kills that all landed on one side.
    with pytest.raises(AssertionError, match="after the commit"):
        _assert_both_sides_seen({"exchange": {"none"}, "json": {"none", "all"}})
    with pytest.raises(AssertionError, match="before the commit"):
        _assert_both_sides_seen({"exchange": {"none", "all"}, "json": {"all"}})
    _assert_both_sides_seen({"exchange": {"none", "all"}, "json": {"none", "all"}})


@pytest.mark.slow
def test_killed_writers_leave_sound_databases_with_a_committed_state(tmp_path: Path) -> None:
    expected = _prepare(tmp_path)
    rng = random.Random(7)
    outcomes: dict[str, set[str]] = {}
    for kind in IMPORTS:
        # The measuring run, killed after the command returned: its commit must hold.
        killed = _kill_at(kind, "end", tmp_path)
        writes = int(killed[2].split()[1])
        assert writes >= 2, f"{kind}: only {writes} write statements counted"
        seen = {"end": _import_outcome(kind, "end", killed, expected)}
        # The first write (nothing may be there), the last one (just before the commit)
        # and a few in between.
        for k in [1, *_spread(rng, 2, writes - 1), writes]:
            seen[str(k)] = _import_outcome(kind, k, _kill_at(kind, k, tmp_path), expected)
        assert seen["1"] == "none", f"{kind}: killed at the first write, yet data is there: {seen}"
        assert seen["end"] == "all", (
            f"{kind}: killed after the command returned, yet nothing is there: {seen}"
        )
        outcomes[kind] = set(seen.values())
    _assert_both_sides_seen(outcomes)
    _check_saves(tmp_path, rng)


def _check_saves(tmp: Path, rng: random.Random) -> None:
    """Single saves killed at measured writes: exactly the saves finished before the kill are there."""
    db_path, home, line = _kill_at("saves", "end", tmp)
    writes = int(line.split()[1])
    assert _saved_count(db_path, home) == SAVES
    assert writes % SAVES == 0, f"{writes} writes for {SAVES} saves: not the same number per save"
    per_save = writes // SAVES
    # The first write, the first one after the first commit, a few later ones, the last one.
    for k in [1, per_save + 1, *_spread(rng, per_save + 2, writes - 1), writes]:
        db_path, home, _ = _kill_at("saves", k, tmp)
        saved = _saved_count(db_path, home)
        # Killed before write k: the saves whose writes all ran have committed, the next one has not.
        assert saved == (k - 1) // per_save, f"killed at write {k} of {writes}: {saved} saves"
        if k > per_save:  # a later kill point: at least one save had committed
            assert saved >= 1
