"""The one place that decides where Partnership Desk keeps its files.

Order of precedence: an explicit ``--db`` (handled by the caller), the
``PARTNERSHIP_DESK_DB`` variable for the database, the ``PARTNERSHIP_DESK_HOME``
variable for everything, then the platform's user data folder (platformdirs): on Windows
the local one (``AppData\\Local``, not synced at log-on like ``AppData\\Roaming``; a folder
an older version left in the roaming profile is moved once). Files a person saves (exports,
exchange files, briefings) are offered in the Documents folder (:func:`documents_dir`).
Everything is a :class:`pathlib.Path`; no other module builds data paths by hand.
The backups folder may be moved in Settings: that one entry of ``settings.json`` is read
here; :mod:`app.settings` reads and writes the file through :meth:`AppPaths.stored_settings`.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from app.atomic import atomic_write_text

APP_NAME = "PartnershipDesk"
APP_AUTHOR = "PartnershipDesk"
HOME_ENV = "PARTNERSHIP_DESK_HOME"
DB_ENV = "PARTNERSHIP_DESK_DB"
DB_FILENAME = "partnership-desk.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    """Folders and files of one installation (one data home)."""

    home: Path

    @property
    def database(self) -> Path:
        return self.home / DB_FILENAME

    @property
    def attachments(self) -> Path:
        return self.home / "attachments"

    @property
    def backups(self) -> Path:
        override = self.stored_settings().get("backups_dir")
        return Path(str(override)) if override else self.home / "backups"

    @property
    def settings_file(self) -> Path:
        return self.home / "settings.json"

    @property
    def crash_reports(self) -> Path:
        return self.home / "crash-reports"

    @property
    def exchange_state(self) -> Path:
        return self.home / "exchange"

    def stored_settings(self) -> dict[str, Any]:
        """The settings file as stored (read on each call: Settings may change it meanwhile)."""
        try:
            raw = json.loads(self.settings_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}

    @property
    def documents(self) -> Path:
        """Where files a person saves are offered first (exports, exchange files, briefings)."""
        return documents_dir()

    def ensure(self) -> AppPaths:
        for folder in (self.home, self.attachments):
            folder.mkdir(parents=True, exist_ok=True)
        return self


HOME_POINTER = "data-folder.txt"  # in the platform's folder: where the data lives from the next start


def platform_home() -> Path:
    """The platform's data folder: on Windows ``%LOCALAPPDATA%\\PartnershipDesk\\PartnershipDesk``.

    Versions before 0.2 kept it in the roaming profile: such a folder is moved here once (a
    rename on the same disk; else copied whole, then renamed into place, so a half copy is
    never used). While it cannot be moved (another Partnership Desk has it open) it is used
    where it is.
    """
    from platformdirs import user_data_path

    local = user_data_path(APP_NAME, APP_AUTHOR, roaming=False)
    roaming = user_data_path(APP_NAME, APP_AUTHOR, roaming=True)
    if roaming == local or local.exists() or not roaming.is_dir():
        return local
    try:
        _move_folder(roaming, local)
    except OSError:
        return roaming
    return local


def _move_folder(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(source, target)
        return
    except OSError:
        if not source.is_dir() or target.exists():
            raise
    partial = target.with_name(target.name + ".moving")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(source, partial)  # another disk (a redirected profile): copy, then rename
    os.rename(partial, target)
    shutil.rmtree(source, ignore_errors=True)


def documents_dir() -> Path:
    """The user's Documents folder (platformdirs; the home folder where there is none)."""
    from platformdirs import user_documents_path

    folder = user_documents_path()
    return folder if folder.is_dir() else Path.home()


def default_home() -> Path:
    """``PARTNERSHIP_DESK_HOME``, else the folder chosen in Settings, else the platform's."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    base = platform_home()
    try:
        chosen = (base / HOME_POINTER).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        chosen = ""
    return Path(chosen).expanduser() if chosen else base


def choose_next_home(folder: Path | None) -> Path:
    """Use ``folder`` for the data from the next start (None: the platform's folder again)."""
    base = platform_home()
    base.mkdir(parents=True, exist_ok=True)
    pointer = base / HOME_POINTER
    if folder is None or folder.expanduser().absolute() == base:
        pointer.unlink(missing_ok=True)
    else:
        atomic_write_text(pointer, str(folder.expanduser().absolute()) + "\n")
    return default_home()


def app_paths(home: Path | None = None) -> AppPaths:
    return AppPaths(home=(home or default_home()).expanduser().absolute())


def database_url(db: str | None, paths: AppPaths) -> str:
    """The SQLAlchemy URL for ``--db`` (a file path or a URL), else the default file."""
    value = db or os.environ.get(DB_ENV)
    if not value:
        return sqlite_url(paths.database)
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser().absolute())


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file, escaped: ``%``, ``#`` or ``?`` in a folder name stay part of the path.

    The text ``sqlalchemy.engine.URL.create("sqlite", database=...)`` renders (the same quoting),
    made without loading SQLAlchemy: the program reads it before its first paint.
    """
    return "sqlite:///" + quote(path.as_posix(), safe=" +/")


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (unescaped), or None for another database."""
    from sqlalchemy.engine import make_url  # lazy: the program paints before SQLAlchemy loads

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
