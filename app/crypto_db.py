"""Encryption at rest: SQLCipher databases and sealed attachment files.

A database is encrypted with SQLCipher (the ``sqlcipher3`` module) under a
passphrase; without it the file reads as noise. Attachments of an encrypted
database are sealed with AES-256-GCM under a random key kept inside the encrypted
database (meta ``attachment_key``), so changing the passphrase never rewrites them.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.atomic import atomic_write_text
from app.errors import StorageError
from app.i18n import Text
from app.lock import DatabaseLock
from app.progress import Progress

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


def passphrase_file_warning(path: Path) -> Text | None:
    """A warning when others than its owner may read the passphrase file (POSIX permissions)."""
    if os.name != "posix":
        return None  # Windows: the file has the user's folder's ACL
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return None
    if not mode & 0o044:
        return None
    who_ko, who_en = (
        ("모든 사용자", "every user") if mode & 0o004 else ("같은 그룹의 사용자", "users of its group")
    )
    return Text(
        ko=f"경고: 암호 파일을 {who_ko}가 읽을 수 있습니다: {path}. 'chmod 600 {path}'로 막으십시오.",
        en=f"warning: the passphrase file {path} can be read by {who_en}; restrict it with 'chmod 600 {path}'.",
    )


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


def export_copy(
    source: Path,
    dest: Path,
    *,
    source_key: str | None,
    dest_key: str,
    then: Callable[[Any], None] | None = None,
) -> None:
    """Write ``source`` (plain, or under ``source_key``) as a new file ``dest`` under ``dest_key``.

    The copy is reopened with ``dest_key`` and checked; ``then`` runs on that connection first.
    """
    dest.unlink(missing_ok=True)
    create_owner_only(dest)  # SQLCipher fills the empty file; it keeps these permissions
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
        # A temporary copy: a half-written one is thrown away, so no journal and no syncs while it
        # is written; it is synced once, whole, below.
        conn.execute("PRAGMA target.journal_mode = OFF")
        conn.execute("PRAGMA target.synchronous = OFF")
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute("DETACH DATABASE target")
    with open_encrypted(dest, dest_key) as check:
        if then is not None:
            then(check)
        verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok":
        dest.unlink(missing_ok=True)
        raise StorageError(
            f"암호화한 사본의 무결성 검사에 실패했습니다: {verdict}",
            f"The encrypted copy failed its integrity check: {verdict}",
        )
    with dest.open("rb+") as handle:
        os.fsync(handle.fileno())


def create_owner_only(path: Path) -> None:
    """An empty new file only its owner may read (0600 on POSIX; the user's own ACL on Windows)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)


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
#
# Both are journaled, so a kill at any moment leaves either the old state or, after the next
# start, the new one, never a mix. First every new file is written beside its target as a
# temporary file (the database, each backup, each attachment), after the journal has listed
# them all; a kill then rolls back (the temporaries are deleted). When all are written and
# synced, the journal says "commit" and the temporaries are renamed over their targets; a kill
# then rolls forward (the remaining renames need no passphrase). ``finish_interrupted`` does
# either at the next start; the journal is deleted last.

JOURNAL_SUFFIX = ".crypto-journal"
PREPARE, COMMIT = "prepare", "commit"


def journal_path(database: Path) -> Path:
    return database.with_name(f".{database.name}{JOURNAL_SUFFIX}")


def _tmp_for(target: Path, op: str) -> Path:
    return target.with_name(f".{target.name}.{op}.tmp")


@dataclass(frozen=True)
class CryptoChange:
    """What ``encrypt_database`` or ``rekey_database`` changed."""

    backups: int
    attachments: int


@dataclass(frozen=True)
class _Move:
    tmp: Path
    target: Path
    kind: str  # "database", "backup" or "attachment"


def _write_journal(database: Path, op: str, state: str, moves: list[_Move]) -> None:
    doc = {
        "op": op,
        "state": state,
        "moves": [{"tmp": str(m.tmp), "target": str(m.target), "kind": m.kind} for m in moves],
    }
    atomic_write_text(journal_path(database), json.dumps(doc, ensure_ascii=False, indent=1))


def _read_journal(database: Path) -> tuple[str, str, list[_Move]] | None:
    path = journal_path(database)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        moves = [_Move(Path(m["tmp"]), Path(m["target"]), str(m["kind"])) for m in doc["moves"]]
        return str(doc["op"]), str(doc["state"]), moves
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        # Unreadable: written atomically, so only damage makes it so. The temporaries of a
        # prepare are recognisable by name; rolling back is the safe guess.
        raise StorageError(
            f"중단된 암호화 작업의 기록을 읽을 수 없습니다: {path}",
            f"Cannot read the record of an interrupted encryption: {path} ({exc})",
        ) from exc


@dataclass(frozen=True)
class Interrupted:
    """An encrypt or rekey that a previous run did not finish, and what was done about it."""

    op: str
    finished: bool  # True: rolled forward to the new passphrase; False: rolled back


def finish_interrupted(database: Path) -> Interrupted | None:
    """Roll an interrupted encrypt/rekey back or forward; the caller holds the database's lock."""
    journal = _read_journal(database)
    if journal is None:
        _drop_stray_temps(database)
        return None
    op, state, moves = journal
    if state == COMMIT:
        _apply(moves)
    else:
        for move in moves:
            move.tmp.unlink(missing_ok=True)
    journal_path(database).unlink(missing_ok=True)
    return Interrupted(op=op, finished=state == COMMIT)


def _drop_stray_temps(database: Path) -> None:
    """A database temporary left by a kill before its journal existed (or by an older version)."""
    for op in ("encrypt", "rekey"):
        _tmp_for(database, op).unlink(missing_ok=True)


def _apply(moves: list[_Move]) -> None:
    for move in moves:  # the database last: until it is replaced, the old passphrase still opens it
        if not move.tmp.exists():
            continue  # renamed before the kill
        if move.kind == "database":
            replace_database(move.tmp, move.target)
        else:
            os.replace(move.tmp, move.target)


def encrypt_database(
    database: Path,
    passphrase: str,
    *,
    backups: Path,
    attachments: Path,
    progress: Progress | None = None,
) -> CryptoChange:
    """Encrypt a plain database file in place, with its backups and attachment files.

    Existing backups are encrypted under the same passphrase and attachment files are
    sealed, so no plain copy stays behind in the data folders.
    """
    with DatabaseLock.acquire(database):
        finish_interrupted(database)
        if not is_plain_sqlite(database):
            raise StorageError(
                f"이미 암호화되었거나 SQLite 데이터베이스가 아닙니다: {database}",
                f"{database} is already encrypted, or it is not a SQLite database.",
            )
        plain_backups = [b for b in _backup_files(backups) if is_plain_sqlite(b)]
        files = [a for a in _attachment_files(attachments) if not _is_sealed(a)]
        moves = [_Move(_tmp_for(b, "encrypt"), b, "backup") for b in plain_backups] + [
            _Move(_tmp_for(a, "encrypt"), a, "attachment") for a in files
        ]
        moves.append(_Move(_tmp_for(database, "encrypt"), database, "database"))
        key = new_attachment_key()

        def prepare(step: Callable[[str], None]) -> None:
            db_tmp = moves[-1].tmp

            def keep_key(conn: Any) -> None:
                conn.execute("DELETE FROM meta WHERE key = ?", (ATTACHMENT_KEY,))
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (ATTACHMENT_KEY, key.hex()))

            export_copy(database, db_tmp, source_key=None, dest_key=passphrase, then=keep_key)
            step("database")
            for move in moves[:-1]:
                if move.kind == "backup":
                    _convert_backup(move.target, move.tmp, None, passphrase)
                else:
                    _write_synced(move.tmp, seal_blob(key, move.target.read_bytes()))
                step(move.target.name)

        _journaled(database, "encrypt", moves, prepare, progress)
    return CryptoChange(backups=len(plain_backups), attachments=len(files))


def rekey_database(
    database: Path, old: str, new: str, *, backups: Path, progress: Progress | None = None
) -> CryptoChange:
    """Change the passphrase of an encrypted database and of its backups.

    A backup under the old passphrase (or a plain one) is converted with the database in
    one journaled change; a backup that neither opens stays as it is (``check`` names it).
    """
    with DatabaseLock.acquire(database):
        finish_interrupted(database)
        with open_encrypted(database, old):
            pass  # wrong passphrase: refused before anything is written
        convert: list[tuple[Path, str | None]] = []
        for path in _backup_files(backups):
            if is_plain_sqlite(path):
                convert.append((path, None))
            elif opens_with(path, old):
                convert.append((path, old))
        moves = [_Move(_tmp_for(b, "rekey"), b, "backup") for b, _ in convert]
        moves.append(_Move(_tmp_for(database, "rekey"), database, "database"))

        def prepare(step: Callable[[str], None]) -> None:
            export_copy(database, moves[-1].tmp, source_key=old, dest_key=new)
            step("database")
            for (path, key), move in zip(convert, moves, strict=False):
                _convert_backup(path, move.tmp, key, new)
                step(path.name)

        _journaled(database, "rekey", moves, prepare, progress)
    return CryptoChange(backups=len(convert), attachments=0)


def _journaled(
    database: Path,
    op: str,
    moves: list[_Move],
    prepare: Callable[[Callable[[str], None]], None],
    progress: Progress | None,
) -> None:
    """Write the journal, the temporaries (``prepare``), commit, rename; roll back on any failure."""
    total = 2 * len(moves) + 1
    done = 0

    def step(label: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress.report(done, total, label)

    try:
        _write_journal(database, op, PREPARE, moves)
        prepare(step)
        _write_journal(database, op, COMMIT, moves)
    except BaseException as exc:
        for move in moves:
            move.tmp.unlink(missing_ok=True)
        journal_path(database).unlink(missing_ok=True)
        if isinstance(exc, StorageError) or not isinstance(exc, Exception):
            raise
        raise _cannot_write(op, exc) from exc
    step("commit")
    for move in moves:
        _apply([move])
        step(move.target.name)
    journal_path(database).unlink(missing_ok=True)


def _cannot_write(op: str, exc: Exception) -> StorageError:
    reason = getattr(exc, "strerror", None) or first_line_of(exc)
    what_ko, what_en = ("암호화", "encrypt") if op == "encrypt" else ("암호 변경", "change the passphrase of")
    return StorageError(
        f"데이터베이스를 {what_ko}할 수 없습니다: {reason}. 디스크 공간과 쓰기 권한을 확인하십시오. "
        "아무것도 바뀌지 않았습니다.",
        f"Cannot {what_en} the database: {reason}. Check the free disk space and write permission. "
        "Nothing was changed.",
    )


def first_line_of(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def opens_with(path: Path, passphrase: str) -> bool:
    try:
        with open_encrypted(path, passphrase):
            return True
    except Exception:  # StorageError, or sqlcipher3's errors for a file that is no database
        return False


def _backup_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.sqlite3") if p.is_file()) if folder.is_dir() else []


def _attachment_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*/*") if p.is_file() and not p.name.startswith("."))


def _is_sealed(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(BLOB_MAGIC)) == BLOB_MAGIC


def _convert_backup(source: Path, tmp: Path, old: str | None, new: str) -> None:
    try:
        export_copy(source, tmp, source_key=old, dest_key=new)
    except StorageError:
        raise
    except Exception as exc:  # a damaged backup: nothing is changed, and the user is told which
        raise StorageError(
            f"백업 파일을 변환할 수 없습니다: {source} ({first_line_of(exc)}). "
            "그 파일을 다른 곳으로 옮기거나 지운 뒤 다시 시도하십시오. 아무것도 바뀌지 않았습니다.",
            f"Cannot convert the backup {source}: {first_line_of(exc)}. "
            "Move it elsewhere or delete it, then try again. Nothing was changed.",
        ) from exc


def _write_synced(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
