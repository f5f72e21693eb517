"""Encryption at rest: SQLCipher databases and sealed attachment files.

A database is encrypted with SQLCipher (the ``sqlcipher3`` module) under a
passphrase; without it the file reads as noise. Attachments of an encrypted
database are sealed with AES-256-GCM under a random key kept inside the encrypted
database (meta ``attachment_key``), so changing the passphrase never rewrites them.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.atomic import atomic_write_bytes
from app.errors import StorageError
from app.lock import DatabaseLock

SQLITE_HEADER = b"SQLite format 3\x00"
BLOB_MAGIC = b"PDBLOB1\x00"
ATTACHMENT_KEY = "attachment_key"


def looks_encrypted(path: Path) -> bool:
    """True when ``path`` reads as noise in whole pages, as a SQLCipher file does.

    SQLCipher writes a random salt where SQLite writes its header, and every page
    is ciphertext, so the first page has near-maximal byte entropy.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if size < 1024 or size % 512 or head.startswith(SQLITE_HEADER):
        return False
    counts = Counter(head)
    entropy = -sum(n / len(head) * math.log2(n / len(head)) for n in counts.values())
    return entropy > 7.5


def read_passphrase_file(path: Path) -> str:
    """The passphrase in ``path``: its first line, without the line end."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(
            f"암호 파일을 읽을 수 없습니다: {path}", f"Cannot read the passphrase file {path}: {exc}"
        ) from exc
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase:
        raise StorageError(f"암호 파일이 비어 있습니다: {path}", f"The passphrase file {path} is empty.")
    return passphrase


# -- SQLCipher -----------------------------------------------------------------


def dbapi() -> Any:
    from sqlcipher3 import dbapi2

    return dbapi2


def key_statement(passphrase: str, pragma: str = "key") -> str:
    return f"PRAGMA {pragma} = '" + passphrase.replace("'", "''") + "'"


def apply_key(dbapi_conn: Any, passphrase: str) -> None:
    """First statement on a new connection: quiet logging, then the key."""
    cur = dbapi_conn.cursor()
    with contextlib.suppress(Exception):
        cur.execute("PRAGMA cipher_log_level = NONE")
    cur.execute(key_statement(passphrase))
    cur.close()


def wrong_passphrase(path: Path | None) -> StorageError:
    where = f": {path}" if path else ""
    return StorageError(
        f"암호가 틀렸거나 암호화된 Partnership Desk 데이터베이스가 아닙니다{where}",
        f"Wrong passphrase, or not an encrypted Partnership Desk database{where}.",
    )


@contextlib.contextmanager
def open_encrypted(path: Path, passphrase: str) -> Iterator[Any]:
    """A raw SQLCipher connection with the key checked (wrong key → StorageError)."""
    conn = dbapi().connect(str(path), isolation_level=None)
    try:
        apply_key(conn, passphrase)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception as exc:
            raise wrong_passphrase(path) from exc
        yield conn
    finally:
        conn.close()


def is_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def export_copy(source: Path, dest: Path, *, source_key: str | None, dest_key: str) -> None:
    """Write ``source`` (plain, or under ``source_key``) as a new file ``dest`` under ``dest_key``."""
    dest.unlink(missing_ok=True)
    if source_key is None:
        with contextlib.closing(sqlite3.connect(source)) as plain:
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn = dbapi().connect(str(source), isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        ctx: Any = contextlib.closing(conn)
    else:
        ctx = open_encrypted(source, source_key)
    with ctx as conn:
        conn.execute("ATTACH DATABASE ? AS target KEY ?", (str(dest), dest_key))
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute("DETACH DATABASE target")
    with open_encrypted(dest, dest_key) as check:
        verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok":
        dest.unlink(missing_ok=True)
        raise StorageError(
            f"암호화한 사본의 무결성 검사에 실패했습니다: {verdict}",
            f"The encrypted copy failed its integrity check: {verdict}",
        )
    with dest.open("rb+") as handle:
        os.fsync(handle.fileno())


def replace_database(new: Path, target: Path) -> None:
    """Move ``new`` over ``target``, dropping ``target``'s stale WAL files first."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(new, target)


# -- attachments ---------------------------------------------------------------


def new_attachment_key() -> bytes:
    return os.urandom(32)


def seal_blob(key: bytes | None, data: bytes) -> bytes:
    if key is None:
        return data
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return BLOB_MAGIC + nonce + AESGCM(key).encrypt(nonce, data, BLOB_MAGIC)


def open_blob(key: bytes | None, data: bytes) -> bytes:
    """Plain content of a stored file; files stored before encryption are returned as they are."""
    if not data.startswith(BLOB_MAGIC):
        return data
    if key is None:
        raise StorageError(
            "첨부파일이 암호화되어 있습니다. 데이터베이스를 암호로 여십시오.",
            "The attachment is encrypted; open the database with its passphrase.",
        )
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = data[len(BLOB_MAGIC) : len(BLOB_MAGIC) + 12]
    try:
        return AESGCM(key).decrypt(nonce, data[len(BLOB_MAGIC) + 12 :], BLOB_MAGIC)
    except InvalidTag:
        raise StorageError(
            "암호화된 첨부파일이 손상되었거나 다른 데이터베이스의 것입니다.",
            "An encrypted attachment is damaged or belongs to another database.",
        ) from None


# -- encrypting and re-keying a database file ----------------------------------


def encrypt_database(database: Path, passphrase: str, *, backups: Path, attachments: Path) -> tuple[int, int]:
    """Encrypt a plain database file in place; returns (backups, attachments) encrypted too.

    Existing backups are encrypted under the same passphrase and attachment files are
    sealed, so no plain copy stays behind in the data folders.
    """

    if not is_plain_sqlite(database):
        raise StorageError(
            f"이미 암호화되었거나 SQLite 데이터베이스가 아닙니다: {database}",
            f"{database} is already encrypted, or it is not a SQLite database.",
        )
    with DatabaseLock.acquire(database):
        tmp = database.with_name(f".{database.name}.encrypt.tmp")
        try:
            export_copy(database, tmp, source_key=None, dest_key=passphrase)
            key = new_attachment_key()
            with open_encrypted(tmp, passphrase) as conn:
                conn.execute("DELETE FROM meta WHERE key = ?", (ATTACHMENT_KEY,))
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (ATTACHMENT_KEY, key.hex()))
            replace_database(tmp, database)
        finally:
            tmp.unlink(missing_ok=True)
        sealed = _seal_attachments(attachments, key)
        converted = _convert_backups(backups, None, passphrase)
    return converted, sealed


def rekey_database(database: Path, old: str, new: str, *, backups: Path) -> int:
    """Change the passphrase of an encrypted database (and of its backups); returns backups changed."""

    with DatabaseLock.acquire(database):
        with open_encrypted(database, old):
            pass  # wrong passphrase: refused before anything is written
        tmp = database.with_name(f".{database.name}.rekey.tmp")
        try:
            export_copy(database, tmp, source_key=old, dest_key=new)
            replace_database(tmp, database)
        finally:
            tmp.unlink(missing_ok=True)
        return _convert_backups(backups, old, new)


def _convert_backups(folder: Path, old: str | None, new: str) -> int:
    count = 0
    for path in sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []:
        if old is None and not is_plain_sqlite(path):
            continue
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            export_copy(path, tmp, source_key=old, dest_key=new)
        except (StorageError, Exception):  # a backup under another passphrase stays as it is
            tmp.unlink(missing_ok=True)
            continue
        os.replace(tmp, path)
        count += 1
    return count


def _seal_attachments(folder: Path, key: bytes) -> int:
    count = 0
    for path in folder.glob("*/*") if folder.is_dir() else []:
        if not path.is_file() or path.name.startswith("."):
            continue
        data = path.read_bytes()
        if data.startswith(BLOB_MAGIC):
            continue
        atomic_write_bytes(path, seal_blob(key, data))
        count += 1
    return count
