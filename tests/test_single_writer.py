"""One writer per SQLite database: a second program says so; a killed one leaves no stale lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.lock import DatabaseLock, DatabaseLockedError
from app.paths import AppPaths
from app.services.opening import open_database
from cli import main


def test_a_second_writer_is_refused_clearly(paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    first = open_database(paths=paths, lock=True)
    with pytest.raises(DatabaseLockedError, match=f"process {os.getpid()}"):
        open_database(paths=paths, lock=True)
    assert main(["demo"]) == 1
    assert "Another Partnership Desk" in capsys.readouterr().err
    first.close()
    assert main(["demo"]) == 0


def test_reading_commands_work_while_the_program_holds_the_lock(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    capsys.readouterr()
    program = open_database(paths=paths, lock=True)  # as the desktop program holds it
    try:
        assert main(["list", "agreements", "--json"]) == 0
        assert '"id"' in capsys.readouterr().out
        assert main(["search", "하이닉스"]) == 0
        assert main(["backup", str(tmp_path / "copy.sqlite3")]) == 0
        assert (tmp_path / "copy.sqlite3").stat().st_size > 0
        assert main(["export", str(tmp_path / "all.json")]) == 0
        capsys.readouterr()
        # Writing commands are refused, with the reason.
        assert main(["import", str(tmp_path / "all.json")]) == 1
        assert "Another Partnership Desk" in capsys.readouterr().err
    finally:
        program.close()


def test_the_lock_of_a_killed_process_is_released(paths: AppPaths, tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from app.lock import DatabaseLock\n"
        "held = DatabaseLock.acquire(Path(sys.argv[1])); print('locked', flush=True); sys.stdin.readline()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(paths.database)],
        stdin=subprocess.PIPE,  # held open: the child waits on it until it is killed
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"locked"
    with pytest.raises(DatabaseLockedError):
        DatabaseLock.acquire(paths.database)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    DatabaseLock.acquire(paths.database).release()  # the dead process's lock is gone at once
