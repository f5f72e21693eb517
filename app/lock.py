"""One writer per SQLite database: an exclusive lock on ``<database>.lock``.

The operating system drops the lock when the process ends, even when it is
killed, so a stale lock file never blocks the next start. ``fcntl`` on POSIX,
``msvcrt`` on Windows.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from app.errors import StorageError


class DatabaseLockedError(StorageError):
    """Another Partnership Desk already has the database open for writing."""


class DatabaseLock:
    def __init__(self, path: Path, handle: IO[bytes]) -> None:
        self.path = path
        self._handle: IO[bytes] | None = handle

    @staticmethod
    def lock_path(database: Path) -> Path:
        return database.with_name(database.name + ".lock")

    @classmethod
    def acquire(cls, database: Path) -> DatabaseLock:
        path = cls.lock_path(database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)
            handle = os.fdopen(fd, "a+b")
        except OSError as exc:
            raise StorageError(
                f"잠금 파일을 만들 수 없습니다: {path} ({exc.strerror})",
                f"Cannot create the lock file {path}: {exc.strerror}",
            ) from exc
        try:
            _lock(handle)
        except OSError:
            try:
                handle.seek(0)
                text = handle.read(100).decode("ascii", "replace").strip()
            except OSError:  # Windows: the locked byte cannot be read
                text = ""
            handle.close()
            holder = _live_holder(text)
            which_ko = f"(프로세스 {holder})" if holder else ""
            which_en = f" (process {holder})" if holder else ""
            raise DatabaseLockedError(
                f"다른 Partnership Desk{which_ko}가 이 데이터베이스를 사용 중입니다: {database}. "
                "그 프로그램을 닫은 뒤 다시 시도하십시오.",
                f"Another Partnership Desk{which_en} is using this database: {database}. "
                "Close it and try again.",
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode("ascii"))
        handle.flush()
        return cls(path, handle)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _live_holder(text: str) -> int | None:
    """The process id written in the lock file, when that process still runs.

    The lock is held (the operating system says so), but the id may be stale: written by a
    process that has ended while another one it started (sharing the handle) holds on.
    """
    if not text.isdigit():
        return None
    import psutil  # cross-platform; only when the lock is refused

    pid = int(text)
    try:
        return pid if psutil.pid_exists(pid) else None
    except (OSError, psutil.Error):
        return None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
