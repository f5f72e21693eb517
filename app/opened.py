"""Copies handed to the computer's own programs: attachments and briefings opened "with Hangul".

The operating system picks the program by the file's extension, and a program may keep the
file open (Windows: locked) as long as it likes. So each opening gets a copy of its own, with
the original file name, read-only (editing it cannot be mistaken for editing the record), in
a folder of this process under the temporary folder:

    %TEMP%/partnership-desk-opened/<process folder>/<one folder per opening>/<original name>

The process folder holds a lock while the program runs; it is removed when the program ends,
and a folder whose program has ended without removing it (a crash, a file still open in
Word at the end) is removed at the next start. Opening twice makes a second copy instead of
replacing the first, which Acrobat or Word may hold.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import stat
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import StorageError
from app.lock import DatabaseLock, DatabaseLockedError

ROOT_NAME = "partnership-desk-opened"
_OWNER = "owner"  # <process folder>/owner.lock: held while the program runs

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


class _Session:
    folder: Path | None = None
    lock: DatabaseLock | None = None


_session = _Session()


def root() -> Path:
    return Path(tempfile.gettempdir()) / ROOT_NAME


def safe_name(filename: str) -> str:
    """``filename`` as a name Windows accepts, extension kept (it chooses the program)."""
    name = _UNSAFE.sub("_", Path(filename.replace("\\", "/")).name).strip().rstrip(". ")
    if not name:
        name = "file"
    if _RESERVED.match(name):
        name = "_" + name
    if len(name) > 150:  # the path stays under Windows' 260 characters
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 150 - len(suffix) - 1] + dot + suffix) if dot and len(suffix) < 20 else name[:150]
    return name


def _folder() -> Path:
    if _session.folder is None:
        base = root()
        base.mkdir(parents=True, exist_ok=True)
        folder = base / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        folder.mkdir(mode=0o700)
        _session.lock = DatabaseLock.acquire(folder / _OWNER)
        _session.folder = folder
        atexit.register(remove_own_copies)
    return _session.folder


def write_copy(filename: str, data: bytes) -> Path:
    """A new read-only file named ``filename`` holding ``data``, for another program to open."""
    folder = _folder() / uuid.uuid4().hex[:8]
    folder.mkdir(mode=0o700)
    target = folder / safe_name(filename)
    with target.open("xb") as out:
        out.write(data)
    target.chmod(stat.S_IREAD)  # Windows: the read-only attribute
    return target


def copy_file(filename: str, source: Path) -> Path:
    """A new read-only copy of ``source`` named ``filename``."""
    folder = _folder() / uuid.uuid4().hex[:8]
    folder.mkdir(mode=0o700)
    target = folder / safe_name(filename)
    shutil.copyfile(source, target)
    target.chmod(stat.S_IREAD)
    return target


def remove_own_copies() -> None:
    """Remove this process's copies (at exit); a file another program still holds stays for the next start."""
    folder, lock = _session.folder, _session.lock
    _session.folder = _session.lock = None
    if lock is not None:
        lock.release()
    if folder is not None:
        _remove(folder)


def remove_stale_copies() -> int:
    """Remove the copies of programs that have ended (at start); the folders removed are counted."""
    base = root()
    if not base.is_dir():
        return 0
    removed = 0
    for folder in base.iterdir():
        if not folder.is_dir() or folder == _session.folder:
            continue
        try:
            DatabaseLock.acquire(folder / _OWNER).release()
        except DatabaseLockedError:
            continue  # that program still runs
        except (StorageError, OSError):
            continue  # not ours to judge (another user's, or unreadable)
        if _remove(folder):
            removed += 1
    return removed


def _remove(folder: Path) -> bool:
    def writable_then_again(function: Callable[[str], object], path: str, _exc: Any) -> None:
        try:
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
            function(path)
        except OSError:
            pass  # held open by another program (Windows): removed at a later start

    shutil.rmtree(folder, onerror=writable_then_again)
    return not folder.exists()
