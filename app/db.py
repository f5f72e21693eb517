"""An open Partnership Desk database: its engine, its sessions and its meta values.

:class:`Database` is the handle the services take. It is opened (lock, engine,
migrations, session hooks) by :func:`app.services.opening.open_database`.
"""

from __future__ import annotations

import contextlib
import getpass
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.errors import ConflictError, StorageError, is_stale_snapshot
from app.lock import DatabaseLock
from app.models import Meta
from app.paths import AppPaths

BUSY_TIMEOUT_MS = 10_000


class Database:
    """An open Partnership Desk database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine, paths: AppPaths, url: str) -> None:
        self.engine = engine
        self.paths = paths
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.actor = _default_actor()
        self.device_id = ""
        self.blob_key: bytes | None = None  # set for an encrypted database: seals attachments
        self.encrypted = False
        self.passphrase: str | None = None  # kept for backups of an encrypted database
        self.lock: DatabaseLock | None = None

    def install_session_hooks(self, install: Callable[[sessionmaker[Session]], None]) -> None:
        """Let ``install`` listen to every session of this database (history, search index...)."""
        install(self._sessions)

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        return Path(database) if database and database != ":memory:" else None

    # -- sessions --------------------------------------------------------------

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        session = self._sessions()
        session.info["actor"] = self.actor
        session.info["device_id"] = self.device_id
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError.lost_race(exc) from exc
        except (OperationalError, DatabaseError) as exc:
            session.rollback()
            if is_stale_snapshot(exc):
                raise ConflictError("record", "?") from exc
            raise storage_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # -- facts -----------------------------------------------------------------

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def meta_get(self, key: str) -> str | None:
        with self.session() as s:
            return s.scalar(select(Meta.value).where(Meta.key == key))

    def meta_set(self, key: str, value: str) -> None:
        with self.session() as s:
            row = s.get(Meta, key)
            if row is None:
                s.add(Meta(key=key, value=value))
            else:
                row.value = value


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no name is known
        return "unknown"


def storage_error(exc: Exception, path: Path | None = None) -> StorageError:
    """A database error in words a person can act on (damaged file, no write permission...)."""
    detail = first_line(exc)
    where = f" ({path})" if path else ""
    damaged = ("not a database", "malformed", "file is encrypted")
    if isinstance(getattr(exc, "orig", None), sqlite3.DatabaseError) and any(d in detail for d in damaged):
        return StorageError(
            f"데이터베이스 파일이 손상되었습니다{where}. 백업에서 복원하십시오.",
            f"The database file is damaged{where}. Restore it from a backup.",
        )
    if "readonly" in detail or "read-only" in detail or "unable to open" in detail:
        return StorageError(
            f"데이터베이스에 쓸 수 없습니다{where}: {detail}. 폴더 권한을 확인하십시오.",
            f"Cannot write the database{where}: {detail}. Check the folder's permissions.",
        )
    return StorageError(f"데이터베이스 오류{where}: {detail}", f"Database error{where}: {detail}")


def first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


__all__ = ["Database"]
