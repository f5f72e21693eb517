"""One clock: every "now" and "today" of the program comes from ``app.clock``, which tests set."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from factories import agreement, commitment

from app import clock
from app.db import Database
from app.services import commitments, dashboard, history

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_READS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today")}


def _system_clock_reads(path: Path) -> list[int]:
    """The lines of ``path`` that read the computer's clock directly."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if (name, node.func.attr) in SYSTEM_READS or (name, node.func.attr) == ("time", "time"):
                found.append(node.lineno)
    return found


def test_only_the_clock_module_reads_the_system_clock() -> None:
    sources = [p for top in ("app", "reports", "ui", "cli") for p in (ROOT / top).rglob("*.py")]
    reads = [
        f"{p.relative_to(ROOT)}:{line}"
        for p in sources
        if p != ROOT / "app" / "clock.py"
        for line in _system_clock_reads(p)
    ]
    assert reads == []


def test_no_sql_reads_the_database_servers_clock() -> None:
    """libfaketime moves this process's clock, not a PostgreSQL server's: SQL must not ask it."""
    server_now = ("func.now(", "current_timestamp", "current_date", "localtimestamp", "'now'", '"now"')
    sources = [p for top in ("app", "reports") for p in (ROOT / top).rglob("*.py") if p.name != "clock.py"]
    hits = [
        f"{p.relative_to(ROOT)}: {word}"
        for p in sources
        for word in server_now
        if word in p.read_text(encoding="utf-8").lower()
    ]
    assert hits == []


def test_the_guard_sees_a_system_clock_read(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from datetime import date, datetime\nx = date.today()\ny = datetime.now()\n", encoding="utf-8"
    )
    assert _system_clock_reads(sample) == [2, 3]


def test_a_stepping_clock_moves_forward_on_every_reading() -> None:
    start = datetime(2031, 2, 28, 23, 59, 59, 999_000, tzinfo=UTC)
    ticking = clock.SteppingClock(start)
    first, second = ticking.now(), ticking.now()
    assert (first, second) == (start, start + timedelta(milliseconds=1))
    ticking.advance(timedelta(days=1))
    assert ticking.now() == start + timedelta(days=1, milliseconds=2)
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.SteppingClock(datetime(2031, 1, 1))


def test_use_sets_the_clock_for_a_block_and_restores_it() -> None:
    before = clock.current()
    with clock.use(clock.SteppingClock(datetime(2040, 1, 1, 12, tzinfo=UTC))):
        assert clock.now().year == 2040
    assert clock.current() is before


def test_records_and_history_are_stamped_by_the_clock(db: Database, test_clock: clock.SteppingClock) -> None:
    test_clock.set(datetime(2031, 2, 28, 3, 0, tzinfo=UTC))
    made = agreement(db, "시계 협약")
    assert made.created_at.date() == date(2031, 2, 28)
    (change,) = history.recent_changes(db, limit=1)
    assert change.occurred_at.date() == date(2031, 2, 28)


def test_overdue_and_the_dashboard_follow_the_clock(db: Database, test_clock: clock.SteppingClock) -> None:
    a = agreement(db)
    task = commitment(db, a.id, "기한 있는 과제", due_on=clock.today() + timedelta(days=2))
    assert not commitments.get_commitment(db, task.id).overdue
    assert [c.id for c in dashboard.dashboard(db).due_soon_commitments] == [task.id]
    test_clock.advance(timedelta(days=3))
    assert commitments.get_commitment(db, task.id).overdue
    board = dashboard.dashboard(db)
    assert board.today == clock.today()
    assert [c.id for c in board.overdue_commitments] == [task.id]
