"""Opening an installation's database: the one way for the program, the CLI and the tests.

:func:`open_database` takes the writer's lock when asked, builds the engine (SQLite in
WAL mode with ``synchronous=FULL`` so a kill at any moment leaves the last committed
state, SQLCipher under a passphrase, PostgreSQL as is), hooks the history, field
clocks and search index into every session, migrates after a backup, and sets the
device id and the attachment key of an encrypted database.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app import audit
from app.backup import read_only_uri, writable_folder
from app.crypto_db import (
    ATTACHMENT_KEY,
    SQLITE_HEADER,
    apply_key,
    create_owner_only,
    dbapi,
    looks_encrypted,
    new_attachment_key,
    wrong_passphrase,
)
from app.db import BUSY_TIMEOUT_MS, Database, first_line, storage_error
from app.errors import StorageError
from app.lock import DatabaseLock
from app.migrate import upgrade_to_head
from app.models import Meta
from app.paths import AppPaths, app_paths, database_url
from app.recovery import finish_on_start
from app.search import index as search_index
from app.settings import load_settings

# SQLite's page cache per connection for the desktop program (SQLite's default is 2 MiB): the lists
# read a page of rows at a time and the OS caches the file anyway; each pooled connection keeps its own.
PROGRAM_PAGE_CACHE_KIB = 512


def open_database(
    db: str | None = None,
    *,
    paths: AppPaths | None = None,
    migrate: bool = True,
    backup_before_migrate: bool = True,
    passphrase: str | None = None,
    lock: bool = False,
    page_cache_kib: int | None = None,
) -> Database:
    """Open (and migrate) a database; ``passphrase`` for SQLCipher, ``lock`` to be its one writer.

    ``page_cache_kib`` sets SQLite's page cache of each connection (plain SQLite files only).
    """
    paths = paths or app_paths()
    url = database_url(db, paths)
    held = _take_lock(url) if lock else None
    try:
        _finish_interrupted_work(paths, url, locked=held is not None)
        engine = create_database_engine(url, passphrase)
    except BaseException:
        if held is not None:
            held.release()
        raise
    database = Database(engine, paths, url)
    database.lock = held
    database.actor = str(load_settings(paths).get("user_name") or "") or database.actor  # who, in history
    database.encrypted = bool(passphrase) and database.is_sqlite
    database.passphrase = passphrase if database.encrypted else None
    try:
        database.install_session_hooks(audit.install)
        database.install_session_hooks(search_index.install)
        if migrate:
            upgrade_to_head(database, backup=backup_before_migrate)
        if page_cache_kib is not None and database.is_sqlite and not database.encrypted:
            _set_page_cache(engine, page_cache_kib)  # after migrating: a migration has SQLite's default
        database.device_id = _device_id(database)
        if database.encrypted:
            database.blob_key = _attachment_key(database)
    except BaseException:
        database.close()
        raise
    return database


def _device_id(database: Database) -> str:
    if "meta" not in database.table_names():  # opened without migrating (check, tests): nothing yet
        return ""
    with database.session() as s:
        row = s.get(Meta, "device_id")
        if row is None:
            row = Meta(key="device_id", value=uuid.uuid4().hex)
            s.add(row)
        return row.value


def _attachment_key(database: Database) -> bytes:
    key = database.meta_get(ATTACHMENT_KEY)
    if not key:  # created encrypted: attachments are sealed from the start
        key = new_attachment_key().hex()
        database.meta_set(ATTACHMENT_KEY, key)
    return bytes.fromhex(key)


def _finish_interrupted_work(paths: AppPaths, url: str, *, locked: bool) -> None:
    database = make_url(url).database or ""
    if make_url(url).get_backend_name() == "sqlite" and database and database != ":memory:":
        finish_on_start(paths, Path(database), locked=locked)


def _take_lock(url: str) -> DatabaseLock | None:
    database = make_url(url).database or ""
    if make_url(url).get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return DatabaseLock.acquire(Path(database))


def _set_page_cache(engine: Engine, kib: int) -> None:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA cache_size=-{int(kib)}")
        cursor.close()

    event.listen(engine, "connect", on_connect)
    engine.dispose()  # the connections opened so far (file check, migration) reconnect with it


# -- engines -------------------------------------------------------------------


def create_database_engine(url: str, passphrase: str | None = None) -> Engine:
    """An engine for ``url`` that has connected once: SQLite files are checked first."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, passphrase)
    try:
        engine = create_engine(url, pool_pre_ping=True)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (DBAPIError, ImportError) as exc:
        where = parsed.render_as_string(hide_password=True)
        raise StorageError(
            f"데이터베이스 서버에 연결할 수 없습니다: {where} ({first_line(exc)})",
            f"Cannot connect to the database server {where}: {first_line(exc)}",
        ) from exc
    return engine


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


def _sqlite_engine(url: str, passphrase: str | None = None) -> Engine:
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
    read_only = bool(database) and database != ":memory:" and not writable_folder(Path(database))
    if read_only:
        engine = _read_only_engine(Path(database), passphrase)
    elif passphrase:
        engine = _sqlcipher_engine(url, passphrase)
    else:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _read_only_pragmas if read_only else _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master"))
    except DBAPIError as exc:  # OperationalError, and DatabaseError for a damaged file
        engine.dispose()
        if passphrase and "not a database" in first_line(exc):
            raise wrong_passphrase(Path(database)) from exc
        raise storage_error(exc, Path(database)) from exc
    return engine


def _read_only_engine(path: Path, passphrase: str | None) -> Engine:
    """A database in a folder that cannot be written (read-only media or share): reading works.

    See :func:`app.backup.read_only_uri`.
    """
    uri = read_only_uri(path)
    module: Any = dbapi() if passphrase else sqlite3

    def connect() -> Any:
        conn = module.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        if passphrase:
            apply_key(conn, passphrase)
        return conn

    return create_engine("sqlite://", creator=connect, module=module)


def _read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    previous = dbapi_conn.isolation_level
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA query_only=ON")
    cur.close()
    dbapi_conn.isolation_level = previous


def _sqlcipher_engine(url: str, passphrase: str) -> Engine:
    """The same SQLite dialect over SQLCipher; the key is the first statement of a connection."""
    engine = create_engine(url, module=dbapi(), connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", lambda conn, _record: apply_key(conn, passphrase))
    return engine


def _check_sqlite_file(path: Path, *, encrypted: bool = False) -> None:
    """Refuse a file that exists but is not a SQLite database, before SQLite touches it."""
    if not path.exists():
        try:
            # Created here, empty (SQLite takes an empty file for a new database), so that only its
            # owner may read it; SQLite gives its -wal and -shm files the same permissions.
            create_owner_only(path)
        except FileExistsError:
            pass
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
    if encrypted and header == SQLITE_HEADER:
        raise StorageError(
            f"이 데이터베이스는 암호화되어 있지 않습니다: {path}. 암호 없이 열거나 'encrypt' 명령으로 암호화하십시오.",
            f"The database {path} is not encrypted. Open it without a passphrase, or encrypt it with 'encrypt'.",
        )
    if header and header != SQLITE_HEADER and not encrypted:
        if looks_encrypted(path):
            raise StorageError(
                f"데이터베이스가 암호화되어 있습니다: {path}. --passphrase-file로 암호를 지정하십시오.",
                f"The database {path} is encrypted. Give its passphrase with --passphrase-file.",
            )
        raise StorageError(
            f"Partnership Desk 데이터베이스가 아니거나 손상된 파일입니다: {path}",
            f"{path} is not a Partnership Desk database, or it is damaged.",
        )


__all__ = ["PROGRAM_PAGE_CACHE_KIB", "Database", "create_database_engine", "open_database"]
