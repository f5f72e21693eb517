"""Consistent copies of a SQLite database, made while the program may be running.

Uses SQLite's online backup API into a temporary file, verifies it with
``integrity_check``, then renames it into place, so a backup is either whole or absent.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import StorageError

if TYPE_CHECKING:
    from app.db import Database

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def backup_database(database: Database, dest: Path | None = None, *, reason: str = "manual") -> Path:
    """Copy the open SQLite database to ``dest`` (or the backups folder) and return the path."""
    source = database.sqlite_path
    if source is None:
        raise StorageError(
            "PostgreSQL 데이터베이스는 서버의 백업 도구(pg_dump)로 백업하십시오.",
            "Back up a PostgreSQL database with the server's own tools (pg_dump).",
        )
    if dest is None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        dest = database.paths.backups / f"{_SAFE.sub('-', reason)}-{stamp}.sqlite3"
    elif dest.is_dir():
        dest = dest / f"partnership-desk-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.sqlite3"
    return copy_sqlite(source, dest)


def copy_sqlite(source: Path, dest: Path) -> Path:
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"백업 폴더를 만들 수 없습니다: {dest.parent} ({exc.strerror})",
            f"Cannot create the backup folder {dest.parent}: {exc.strerror}",
        ) from exc
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with (
            contextlib.closing(sqlite3.connect(source)) as src,
            contextlib.closing(sqlite3.connect(tmp)) as dst,
        ):
            src.backup(dst)
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
    except sqlite3.Error as exc:
        raise StorageError(
            f"백업을 만들 수 없습니다: {exc}",
            f"Cannot make the backup: {exc}",
        ) from exc
    except OSError as exc:
        raise StorageError(
            f"백업 파일을 쓸 수 없습니다: {dest} ({exc.strerror})",
            f"Cannot write the backup file {dest}: {exc.strerror}",
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dest
