"""Consistent copies of a SQLite database, made while the program may be running.

Uses SQLite's online backup API into a temporary file, verifies it with
``integrity_check``, then renames it into place, so a backup is either whole or absent.
An encrypted database is copied with SQLCipher under the same key, so its backups
are encrypted too. Backups in the backups folder are rotated: the newest of each of
the last 7 days, 4 weeks and 12 months are kept, and all of the last day.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import clock
from app.atomic import atomic_write_text
from app.crypto_db import apply_key, create_owner_only, dbapi
from app.errors import StorageError
from app.progress import Progress

if TYPE_CHECKING:
    from app.db import Database

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_NAME = re.compile(r"^(?P<reason>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite3$")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
AUTO_INTERVAL = timedelta(days=1)
KEEP_ALL = timedelta(days=1)  # every backup this close to the newest is kept (before each import)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size: int


def backup_database(
    database: Database,
    dest: Path | None = None,
    *,
    reason: str = "manual",
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Copy the open SQLite database to ``dest`` (or the backups folder) and return the path.

    ``dest`` must be a folder, a new file, or (with ``force``) an existing regular file that
    is not the database itself.
    """
    source = database.sqlite_path
    if source is None:
        raise StorageError(
            "PostgreSQL 데이터베이스는 서버의 백업 도구(pg_dump)로 백업하십시오.",
            "Back up a PostgreSQL database with the server's own tools (pg_dump).",
        )
    rotated = dest is None
    if dest is None:
        stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
        dest = database.paths.backups / f"{_SAFE.sub('-', reason)}-{stamp}.sqlite3"
    else:
        if dest.is_dir():
            dest = dest / f"partnership-desk-{clock.now().strftime('%Y%m%d-%H%M%S')}.sqlite3"
        check_destination(dest, source, force=force)
    # The backups folder's temporaries are found by name at the next start; others are noted.
    outside = dest.parent.resolve() != database.paths.backups.resolve()
    pending = _register_temp(database.paths.home, _temp_of(dest)) if outside else None
    try:
        path = copy_sqlite(source, dest, passphrase=database.passphrase, progress=progress)
    finally:
        if pending is not None:
            pending.unlink(missing_ok=True)
    if rotated:
        rotate(database.paths.backups)
    return path


def check_destination(dest: Path, database: Path, *, force: bool = False) -> None:
    """Refuse a backup over a device or folder, over the database or its files, or over a file."""
    for own in (database, *(Path(f"{database}{s}") for s in ("-wal", "-shm", "-journal", ".lock"))):
        with contextlib.suppress(OSError):
            if dest.exists() and own.exists() and os.path.samefile(dest, own):
                raise StorageError(
                    f"백업 위치가 사용 중인 데이터베이스 파일입니다: {dest}. 다른 파일이나 폴더를 지정하십시오.",
                    f"The backup destination {dest} is the database in use. Give another file or folder.",
                )
    if not dest.exists():
        return
    if not dest.is_file():
        raise StorageError(
            f"백업 위치가 일반 파일이 아닙니다: {dest}. 새 파일 이름이나 폴더를 지정하십시오.",
            f"The backup destination {dest} is not a regular file. Give a new file name or a folder.",
        )
    if not force:
        raise StorageError(
            f"백업 위치에 이미 파일이 있습니다: {dest}. 덮어쓰려면 --force를 지정하십시오.",
            f"{dest} already exists. Give --force to overwrite it, or another name.",
        )


# Backups written outside the backups folder leave their temporary file there when killed; each
# is noted in the data folder while it is written, so the next start can delete it.
PENDING_DIR = ".pending-temporaries"


def _temp_of(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.tmp")


def _register_temp(home: Path, temp: Path) -> Path | None:
    import hashlib

    note = home / PENDING_DIR / (hashlib.sha256(str(temp).encode("utf-8")).hexdigest()[:32] + ".txt")
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(note, str(temp))
    except OSError:  # a read-only data folder: the copy is made all the same
        return None
    return note


def pending_temps(home: Path) -> list[tuple[Path, Path]]:
    """(note, temporary file) of every backup that was being written (and maybe killed)."""
    out: list[tuple[Path, Path]] = []
    with contextlib.suppress(OSError):
        for note in (home / PENDING_DIR).glob("*.txt"):
            with contextlib.suppress(OSError, UnicodeDecodeError):
                out.append((note, Path(note.read_text(encoding="utf-8").strip())))
    return out


def auto_backup_if_due(database: Database) -> Path | None:
    """On start: a backup when the newest one is older than a day (SQLite only)."""
    if database.sqlite_path is None or not database.sqlite_path.exists():
        return None
    now = clock.now()
    newest = list_backups(database.paths.backups)
    if newest and now - newest[0].created_at < AUTO_INTERVAL:
        return None
    return backup_database(database, reason="daily")


def backup_before_import(database: Database, *, dry_run: bool = False) -> Path | None:
    """Before a JSON/CSV/exchange import writes: a backup of a SQLite database (rotated)."""
    if dry_run or database.sqlite_path is None or not database.sqlite_path.exists():
        return None
    return backup_database(database, reason="before-import")


def _connect(path: Path, passphrase: str | None, *, source: bool = False) -> Any:
    module: Any = sqlite3 if passphrase is None else dbapi()
    if source and not writable_folder(path):
        conn = module.connect(read_only_uri(path), uri=True)
    else:
        conn = module.connect(str(path))
    if passphrase is not None:
        apply_key(conn, passphrase)
    return conn


def writable_folder(path: Path) -> bool:
    """Can files be created beside ``path`` (SQLite's -wal and -shm)? Tried, not guessed from modes."""
    if not path.exists():
        return True
    try:
        with tempfile.TemporaryFile(dir=path.parent, prefix=".write-check-"):
            pass
        with path.open("r+b"):
            pass
    except OSError:
        return False
    return True


def read_only_uri(path: Path) -> str:
    """A URI that reads a database in a folder that cannot be written (read-only media or share).

    SQLite opens a WAL database read-only only with its -shm file, which cannot be created
    there; so the file is opened as immutable, unless a -wal file holds changes not yet
    copied into it, which then needs SQLite's read-only WAL reader.
    """
    wal = Path(f"{path}-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    return path.resolve().as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")


COPY_PAGES = 1024  # pages copied per step of the online backup (4 MB at SQLite's default page size)


def copy_sqlite(
    source: Path, dest: Path, *, passphrase: str | None = None, progress: Progress | None = None
) -> Path:
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"백업 폴더를 만들 수 없습니다: {dest.parent} ({exc.strerror})",
            f"Cannot create the backup folder {dest.parent}: {exc.strerror}",
        ) from exc
    tmp = _temp_of(dest)
    try:
        tmp.unlink(missing_ok=True)
        create_owner_only(tmp)  # SQLite fills the empty file and keeps its permissions
        with (
            contextlib.closing(_connect(source, passphrase, source=True)) as src,
            contextlib.closing(_connect(tmp, passphrase)) as dst,
        ):
            if progress is None:
                src.backup(dst)
            else:
                src.backup(
                    dst,
                    pages=COPY_PAGES,
                    progress=lambda _s, left, total: progress.report(total - left, total),
                )
            dst.execute("PRAGMA journal_mode=DELETE")
            verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise StorageError(
                f"백업 사본의 무결성 검사에 실패했습니다: {verdict}",
                f"The backup copy failed its integrity check: {verdict}",
            )
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except StorageError:
        raise
    except OSError as exc:
        raise StorageError(
            f"백업 파일을 쓸 수 없습니다: {dest} ({exc.strerror})",
            f"Cannot write the backup file {dest}: {exc.strerror}",
        ) from exc
    except Exception as exc:  # sqlite3.Error, or the same from sqlcipher3
        if "full" in str(exc):  # SQLITE_FULL: "database or disk is full"
            raise StorageError(
                f"백업 파일을 쓸 수 없습니다: {dest} (디스크 공간 부족). 공간을 비우거나 다른 위치를 지정하십시오.",
                f"Cannot write the backup file {dest}: no space left on the disk. "
                "Free some space or choose another place.",
            ) from exc
        raise StorageError(f"백업을 만들 수 없습니다: {exc}", f"Cannot make the backup: {exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return dest


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    out: list[BackupInfo] = []
    with contextlib.suppress(OSError):
        for path in folder.glob("*.sqlite3"):
            match = _NAME.match(path.name)
            try:
                size = path.stat().st_size
                if match:
                    created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
                    reason = match["reason"]
                else:
                    created = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                    reason = "manual"
            except (OSError, ValueError):
                continue
            out.append(BackupInfo(path=path, created_at=created, reason=reason, size=size))
    return sorted(out, key=lambda b: b.created_at, reverse=True)


def rotate(folder: Path) -> list[Path]:
    """Keep every backup of the last day, then the newest of each of the last 7 days,
    4 weeks and 12 months; delete the rest."""
    backups = list_backups(folder)
    recent = backups[0].created_at - KEEP_ALL if backups else None
    keep = {b.path for b in backups if recent is not None and b.created_at > recent}
    keep |= {b.path for b in _newest_per(backups, lambda d: d.strftime("%Y-%m-%d"), KEEP_DAILY)}
    keep |= {b.path for b in _newest_per(backups, lambda d: d.strftime("%G-W%V"), KEEP_WEEKLY)}
    keep |= {b.path for b in _newest_per(backups, lambda d: d.strftime("%Y-%m"), KEEP_MONTHLY)}
    removed: list[Path] = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def _newest_per(backups: list[BackupInfo], period: Any, count: int) -> Iterator[BackupInfo]:
    seen: set[str] = set()
    for b in backups:  # newest first
        key = period(b.created_at)
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > count:
            return
        yield b
