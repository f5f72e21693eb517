"""At start: is the database sound? If not, offer the newest good backup.

``check_on_start`` runs SQLite's ``quick_check`` before the program uses the file;
the UI shows :attr:`StartupCheck.message` and, when a good backup exists, offers
``restore_backup``. Restoring first keeps a copy of the current (maybe damaged)
file in the backups folder, so nothing is ever thrown away.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import clock
from app.backup import BackupInfo, copy_sqlite, list_backups, pending_temps
from app.crypto_db import (
    Interrupted,
    apply_key,
    create_owner_only,
    dbapi,
    finish_interrupted,
    journal_path,
    replace_database,
)
from app.errors import StorageError
from app.i18n import Text
from app.lock import DatabaseLock
from app.paths import AppPaths


@dataclass(frozen=True)
class StartupCheck:
    ok: bool
    database: Path
    problem: str = ""  # SQLite's own words, for the details
    message: Text | None = None  # what to tell the user
    newest_good_backup: BackupInfo | None = None


def check_on_start(
    paths: AppPaths, database: Path | None = None, *, passphrase: str | None = None
) -> StartupCheck:
    path = database or paths.database
    if not path.exists() or path.stat().st_size == 0:
        return StartupCheck(ok=True, database=path)
    problem = quick_check(path, passphrase)
    if problem is None:
        return StartupCheck(ok=True, database=path)
    good = newest_good_backup(paths, passphrase)
    if good is None:
        message = Text(
            ko=f"데이터베이스가 손상되었습니다: {path} ({problem}). 쓸 수 있는 백업이 없습니다. "
            "파일을 그대로 두고 관리자에게 문의하십시오.",
            en=f"The database is damaged: {path} ({problem}). No usable backup was found. "
            "Leave the file as it is and ask for help.",
        )
    else:
        when = good.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        message = Text(
            ko=f"데이터베이스가 손상되었습니다: {path} ({problem}). {when}의 백업으로 복원할 수 있습니다.",
            en=f"The database is damaged: {path} ({problem}). It can be restored from the backup of {when}.",
        )
    return StartupCheck(ok=False, database=path, problem=problem, message=message, newest_good_backup=good)


def quick_check(path: Path, passphrase: str | None = None, *, full: bool = False) -> str | None:
    """``None`` when the file is sound, else what is wrong."""
    pragma = "PRAGMA integrity_check" if full else "PRAGMA quick_check"
    try:
        with contextlib.closing(_connect_ro(path, passphrase)) as conn:
            rows = [r[0] for r in conn.execute(pragma).fetchall()]
    except Exception as exc:  # sqlite3.DatabaseError and sqlcipher3's twin
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None if rows == ["ok"] else "; ".join(str(r) for r in rows[:3])


def _connect_ro(path: Path, passphrase: str | None) -> Any:
    # Not mode=ro: a WAL database without its -shm file could not be opened read-only.
    if passphrase is None:
        import sqlite3

        return sqlite3.connect(path)

    conn = dbapi().connect(str(path))
    apply_key(conn, passphrase)
    return conn


def newest_good_backup(paths: AppPaths, passphrase: str | None = None) -> BackupInfo | None:
    for backup in list_backups(paths.backups):
        if quick_check(backup.path, passphrase, full=True) is None:
            return backup
    return None


def restore_backup(
    paths: AppPaths, backup: Path, database: Path | None = None, *, passphrase: str | None = None
) -> Path:
    """Replace the database with ``backup``; returns where the previous file was kept.

    The database must not be open (the lock is taken here). The backup is checked
    before anything is touched.
    """

    target = database or paths.database
    problem = quick_check(backup, passphrase, full=True)
    if problem is not None:
        raise StorageError(
            f"백업 파일이 손상되었거나 열 수 없습니다: {backup} ({problem})",
            f"The backup {backup} is damaged or cannot be opened: {problem}",
        )
    with DatabaseLock.acquire(target):
        kept = _keep_current(paths, target, passphrase)
        tmp = target.with_name(f".{target.name}.restore.tmp")
        tmp.unlink(missing_ok=True)
        try:
            create_owner_only(tmp)
            with backup.open("rb") as source, tmp.open("r+b") as handle:
                shutil.copyfileobj(source, handle, 1 << 20)
                handle.flush()
                os.fsync(handle.fileno())

            replace_database(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(
                f"백업을 복원할 수 없습니다: {exc.strerror}", f"Cannot restore the backup: {exc.strerror}"
            ) from exc
    return kept


def _keep_current(paths: AppPaths, target: Path, passphrase: str | None) -> Path:
    """Back up the current file first: a verified copy when sound, the raw files when damaged."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
    if not target.exists():
        return target
    if quick_check(target, passphrase) is None:
        return copy_sqlite(target, paths.backups / f"before-restore-{stamp}.sqlite3", passphrase=passphrase)
    damaged = paths.backups / f"damaged-{stamp}"
    damaged.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{target}{suffix}")
        if source.exists():
            shutil.copy2(source, damaged / (target.name + suffix))
    return damaged


# -- leftovers of interrupted work ---------------------------------------------


def leftover_temps(paths: AppPaths, database: Path) -> list[Path]:
    """Temporary files a killed backup, restore, encrypt or rekey left behind (none while it runs)."""
    temps = list(database.parent.glob(f".{database.name}.*.tmp"))
    with contextlib.suppress(OSError):
        temps += paths.backups.glob(".*.tmp")
    with contextlib.suppress(OSError):
        temps += paths.attachments.glob("*/.*.tmp")
    temps += [temp for _note, temp in pending_temps(paths.home)]
    # SQLite's own journal beside a temporary copy it was writing
    found = [Path(f"{t}{suffix}") for t in temps for suffix in ("", "-journal", "-wal", "-shm")]
    return sorted({p for p in found if p.is_file()})


def finish_on_start(paths: AppPaths, database: Path, *, locked: bool) -> Interrupted | None:
    """Before the database is opened: finish or roll back an interrupted encrypt/rekey and delete
    the temporary files killed work left. Only under the database's lock (``locked``: the caller
    holds it; otherwise it is taken for the moment, and nothing is done while another
    Partnership Desk holds it, since that one may be the one writing them)."""
    if not journal_path(database).exists() and not leftover_temps(paths, database):
        for note, _temp in pending_temps(paths.home):  # their backups ended, or were killed before
            with contextlib.suppress(OSError):
                note.unlink()
        return None
    if locked:
        return _finish(paths, database)
    try:
        lock = DatabaseLock.acquire(database)
    except StorageError:  # in use, or a read-only folder: left for the next writer
        return None
    with lock:
        return _finish(paths, database)


def finish_interrupted_work(paths: AppPaths, database: Path) -> Interrupted | None:
    """Before looking at the database file (is it encrypted?): finish what a killed run left.

    ``open_database`` does this too; a front end that inspects the file first calls it before.
    """
    return finish_on_start(paths, database, locked=False)


def _finish(paths: AppPaths, database: Path) -> Interrupted | None:
    done = finish_interrupted(database)
    for temp in leftover_temps(paths, database):
        with contextlib.suppress(OSError):
            temp.unlink()
    for note, _temp in pending_temps(paths.home):
        with contextlib.suppress(OSError):
            note.unlink()
    return done
