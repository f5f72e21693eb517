"""The installation: where the data lives, the settings, the language, writing files.

Light on purpose (no SQLAlchemy): the desktop program reads these before its first paint.
"""

from __future__ import annotations

from app import __version__ as VERSION
from app.atomic import atomic_write_bytes, atomic_write_text
from app.i18n import Language, current_language, set_language
from app.paths import (
    HOME_ENV,
    AppPaths,
    app_paths,
    choose_next_home,
    database_url,
    default_home,
    documents_dir,
    resources_dir,
    sqlite_file,
)
from app.settings import load_settings, save_settings

__all__ = [
    "HOME_ENV",
    "VERSION",
    "AppPaths",
    "Language",
    "app_paths",
    "atomic_write_bytes",
    "atomic_write_text",
    "choose_next_home",
    "current_language",
    "database_url",
    "default_home",
    "documents_dir",
    "load_settings",
    "resources_dir",
    "save_settings",
    "set_language",
    "sqlite_file",
]
