"""Opening the database: engine, SQLite settings, migrations, sessions.

``Database.open`` is the single entry point. SQLite files run in WAL mode with
``synchronous=FULL`` so a kill at any moment leaves the last committed state;
PostgreSQL is used as is. Migrations run on open, after a backup of the file.
"""

from __future__ import annotations

import contextlib
import getpass
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app import audit
from app.errors import ConflictError, SchemaTooNewError, StorageError, is_stale_snapshot
from app.exchange import clock as exchange_clock
from app.models import Meta
from app.paths import AppPaths, app_paths, database_url

if TYPE_CHECKING:
    from app.lock import DatabaseLock

BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Autocommit mode for PRAGMAs; pysqlite would otherwise defer them in a transaction.
    previous = dbapi_conn.isolation_level
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
    dbapi_conn.isolation_level = previous


def _sqlite_begin(conn: Any) -> None:
    # pysqlite does not emit BEGIN itself in SQLAlchemy's recommended setup; do it here.
    conn.exec_driver_sql("BEGIN")


class Database:
    """An open Partnership Desk database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine, paths: AppPaths, url: str) -> None:
        self.engine = engine
        self.paths = paths
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.actor = self._default_actor()
        self.device_id = ""
        self.blob_key: bytes | None = None  # set for an encrypted database: seals attachments
        self.encrypted = False
        self.passphrase: str | None = None  # kept for backups of an encrypted database
        self.lock: DatabaseLock | None = None
        audit.install(self._sessions)
        exchange_clock.install(self._sessions)  # after audit: orders new edits after known ones
        from app.search.index import install as install_search  # here: app.search imports app.db

        install_search(self._sessions)

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        db: str | None = None,
        *,
        paths: AppPaths | None = None,
        migrate: bool = True,
        backup_before_migrate: bool = True,
        passphrase: str | None = None,
        lock: bool = False,
    ) -> Database:
        """Open (and migrate) a database; ``passphrase`` for SQLCipher, ``lock`` to be its one writer."""
        paths = paths or app_paths()
        url = database_url(db, paths)
        held = _take_lock(url) if lock else None
        try:
            engine = _create_engine(url, paths, passphrase)
        except BaseException:
            if held is not None:
                held.release()
            raise
        database = cls(engine, paths, url)
        database.lock = held
        database.actor = paths.settings_value("user_name") or database.actor  # who, in the history
        database.encrypted = bool(passphrase) and database.is_sqlite
        database.passphrase = passphrase if database.encrypted else None
        try:
            if migrate:
                from app.migrate import upgrade_to_head

                upgrade_to_head(database, backup=backup_before_migrate)
            database.device_id = database._device_id()
            if database.encrypted:
                from app.crypto_db import ATTACHMENT_KEY, new_attachment_key

                key = database.meta_get(ATTACHMENT_KEY)
                if not key:  # created encrypted: attachments are sealed from the start
                    key = new_attachment_key().hex()
                    database.meta_set(ATTACHMENT_KEY, key)
                database.blob_key = bytes.fromhex(key)
        except BaseException:
            database.close()
            raise
        return database

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
            raise _storage_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def read_session(self) -> Session:
        """A session for reads only; the caller closes it (``with db.read_session() as s``)."""
        return self._sessions()

    # -- facts -----------------------------------------------------------------

    def _device_id(self) -> str:
        if "meta" not in self.table_names():  # opened without migrating (check, tests): nothing yet
            return ""
        with self.session() as s:
            row = s.get(Meta, "device_id")
            if row is None:
                row = Meta(key="device_id", value=uuid.uuid4().hex)
                s.add(row)
            return row.value

    @staticmethod
    def _default_actor() -> str:
        try:
            return getpass.getuser()
        except Exception:  # getuser raises various errors when no name is known
            return "unknown"

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


def _take_lock(url: str) -> DatabaseLock | None:
    from app.lock import DatabaseLock

    database = make_url(url).database or ""
    if make_url(url).get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return DatabaseLock.acquire(Path(database))


def _create_engine(url: str, paths: AppPaths, passphrase: str | None = None) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, paths, passphrase)
    try:
        engine = create_engine(url, pool_pre_ping=True)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (DBAPIError, ImportError) as exc:
        raise StorageError(
            f"데이터베이스 서버에 연결할 수 없습니다: {parsed.render_as_string(hide_password=True)} ({_first_line(exc)})",
            f"Cannot connect to the database server {parsed.render_as_string(hide_password=True)}: "
            f"{_first_line(exc)}",
        ) from exc
    return engine


def _sqlite_engine(url: str, paths: AppPaths, passphrase: str | None = None) -> Engine:
    database = make_url(url).database or ""
    if database and database != ":memory:":
        path = Path(database)
        if path.is_dir():
            raise StorageError(
                f"데이터베이스 위치가 폴더입니다: {path}. 파일 경로를 지정하십시오.",
                f"The database location is a folder: {path}. Give a file path.",
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"데이터베이스 폴더를 만들 수 없습니다: {path.parent} ({exc.strerror})",
                f"Cannot create the database folder {path.parent}: {exc.strerror}",
            ) from exc
        _check_sqlite_file(path, encrypted=bool(passphrase))
    if passphrase:
        engine = _sqlcipher_engine(url, passphrase)
    else:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master"))
    except DBAPIError as exc:  # OperationalError, and DatabaseError for a damaged file
        engine.dispose()
        if passphrase and "not a database" in _first_line(exc):
            from app.crypto_db import wrong_passphrase

            raise wrong_passphrase(Path(database)) from exc
        raise _storage_error(exc, Path(database)) from exc
    return engine


def _sqlcipher_engine(url: str, passphrase: str) -> Engine:
    """The same SQLite dialect over SQLCipher; the key is the first statement of a connection."""
    from app.crypto_db import apply_key, dbapi

    engine = create_engine(url, module=dbapi(), connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", lambda conn, _record: apply_key(conn, passphrase))
    return engine


def _check_sqlite_file(path: Path, *, encrypted: bool = False) -> None:
    """Refuse a file that exists but is not a SQLite database, before SQLite touches it."""
    if not path.exists():
        try:
            path.touch()
            path.unlink()
        except OSError as exc:
            raise StorageError(
                f"데이터베이스 파일을 만들 수 없습니다: {path} ({exc.strerror})",
                f"Cannot create the database file {path}: {exc.strerror}",
            ) from exc
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise StorageError(
            f"데이터베이스 파일을 읽을 수 없습니다: {path} ({exc.strerror})",
            f"Cannot read the database file {path}: {exc.strerror}",
        ) from exc
    if encrypted and header == b"SQLite format 3\x00":
        raise StorageError(
            f"이 데이터베이스는 암호화되어 있지 않습니다: {path}. 암호 없이 열거나 'encrypt' 명령으로 암호화하십시오.",
            f"The database {path} is not encrypted. Open it without a passphrase, or encrypt it with 'encrypt'.",
        )
    if header and header != b"SQLite format 3\x00" and not encrypted:
        from app.crypto_db import looks_encrypted  # lazy: only for odd files

        if looks_encrypted(path):
            raise StorageError(
                f"데이터베이스가 암호화되어 있습니다: {path}. --passphrase-file로 암호를 지정하십시오.",
                f"The database {path} is encrypted. Give its passphrase with --passphrase-file.",
            )
        raise StorageError(
            f"Partnership Desk 데이터베이스가 아니거나 손상된 파일입니다: {path}",
            f"{path} is not a Partnership Desk database, or it is damaged.",
        )


def _storage_error(exc: Exception, path: Path | None = None) -> StorageError:
    detail = _first_line(exc)
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


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


__all__ = ["Database", "SchemaTooNewError"]
