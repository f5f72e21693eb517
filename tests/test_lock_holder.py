"""The "database in use" message names the process that holds the lock only while it is running."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.lock import DatabaseLock, DatabaseLockedError
from app.paths import AppPaths

pytestmark = pytest.mark.slow  # real processes: the holder, and one that has ended
ROOT = Path(__file__).resolve().parent.parent
HOLD = (
    "import sys; from pathlib import Path; from app.lock import DatabaseLock; "
    "l = DatabaseLock.acquire(Path(sys.argv[1])); print('held', flush=True); sys.stdin.readline()"
)


def test_a_running_holder_is_named(paths: AppPaths) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(paths.database)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={"PYTHONPATH": str(ROOT), "SYSTEMROOT": "C:\\Windows"},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        with pytest.raises(DatabaseLockedError, match=f"process {holder.pid}\\)"):
            DatabaseLock.acquire(paths.database)
    finally:
        holder.kill()
        holder.wait(30)
    DatabaseLock.acquire(paths.database).release()  # the lock went with the process


@pytest.mark.skipif(sys.platform == "win32", reason="holds the lock through a second handle (flock)")
def test_a_stale_process_id_is_not_named(paths: AppPaths) -> None:
    import fcntl

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(30)
    lock_file = DatabaseLock.lock_path(paths.database)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock_file.write_text(str(dead.pid), encoding="ascii")  # written by a process that has ended...
    with lock_file.open("rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # ... while another holds the lock
        with pytest.raises(DatabaseLockedError) as refused:
            DatabaseLock.acquire(paths.database)
    message = str(refused.value)
    assert str(dead.pid) not in message
    assert "Another Partnership Desk is using this database" in message
