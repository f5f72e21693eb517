"""Opening the database for the desktop program, after the window's first paint.

Asks for the passphrase of an encrypted file, checks a small file and offers to restore
a backup when it is damaged (GUI thread), opens it as the one writer (on a worker), and
afterwards keeps it: the daily backup and the background check of a big file. Imported
after the first paint: what it needs (backups, SQLCipher, recovery) is not needed to show
the window.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import DomainError
from app.services.backups import (
    auto_backup_if_due,
    check_on_start,
    finish_interrupted_work,
    quick_check,
    restore_backup,
)
from app.services.crash_reports import write_crash_report
from app.services.installation import AppPaths, database_url
from app.services.security import looks_encrypted, open_encrypted, read_passphrase_file, wrong_passphrase
from ui.context import UiContext
from ui.dialogs import passphrase_dialog
from ui.i18n import tr

if TYPE_CHECKING:  # named for the types only: app.db loads SQLAlchemy
    from app.services.opening import Database

# Files up to this size are checked before they are opened (a fraction of a second);
# bigger ones in the background once the window shows, so that start-up stays quick.
CHECK_AT_START_BYTES = 64 * 1024 * 1024


def _database_file(args: argparse.Namespace, paths: AppPaths) -> Path | None:
    raw = database_url(getattr(args, "db", None), paths)
    scheme, sep, rest = raw.partition("://")
    if sep and scheme.split("+")[0] == "sqlite" and rest.startswith("/") and "?" not in rest:
        # The plain form ``sqlite:///path`` is read without importing SQLAlchemy (start-up time).
        database = unquote(rest[1:])  # as SQLAlchemy reads it: "%25" is "%"
        return Path(database) if database and database != ":memory:" else None
    from sqlalchemy.engine import make_url  # lazy: start-up paints before SQLAlchemy loads

    url = make_url(raw)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _ask_passphrase(parent: QWidget | None = None) -> str | None:
    return passphrase_dialog.ask_passphrase(parent, confirm=False)


def _check_and_offer_restore(
    paths: AppPaths, file: Path, passphrase: str | None, parent: QWidget | None = None
) -> bool:
    """False when the database is damaged and the user did not restore a backup."""
    check = check_on_start(paths, file, passphrase=passphrase)
    if check.ok:
        return True
    message = check.message.get() if check.message else check.problem
    if check.newest_good_backup is None:
        QMessageBox.critical(parent, tr("The database is damaged"), message)
        return False
    answer = QMessageBox.question(
        parent,
        tr("The database is damaged"),
        message + "\n\n" + tr("Restore the backup now? The current file is kept in the backups folder."),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore_backup(paths, check.newest_good_backup.path, file, passphrase=passphrase)
    return True


class GaveUp(Exception):
    """The user cancelled the passphrase or did not restore a damaged database."""


def prepare_open(args: argparse.Namespace, paths: AppPaths, parent: QWidget | None = None) -> str | None:
    """The GUI part of opening: ask for the passphrase of an encrypted file, check a small file.

    Returns the passphrase (None for a plain file); raises :class:`GaveUp` when the user gave up.
    """
    passphrase: str | None = None
    if getattr(args, "passphrase_file", None):
        passphrase = read_passphrase_file(Path(args.passphrase_file))
    file = _database_file(args, paths)
    if file is not None:  # a killed encrypt/rekey is finished (or undone) before the file is judged
        finish_interrupted_work(paths, file)
    encrypted = file is not None and looks_encrypted(file)
    asked = 0
    while True:
        if passphrase is None and encrypted:
            passphrase = _ask_passphrase(parent)
            asked += 1
            if passphrase is None:
                raise GaveUp
        if encrypted and file is not None and not _passphrase_opens(file, passphrase):
            # A wrong passphrase reads as noise: ask again rather than call the file damaged.
            if not asked or asked >= 3:
                raise wrong_passphrase(file)
            QMessageBox.warning(parent, tr("Cannot open the database"), str(wrong_passphrase(file)))
            passphrase = None
            continue
        small = file is not None and file.exists() and file.stat().st_size <= CHECK_AT_START_BYTES
        if small and file is not None and not _check_and_offer_restore(paths, file, passphrase, parent):
            raise GaveUp
        return passphrase


def open_prepared(args: argparse.Namespace, paths: AppPaths, passphrase: str | None) -> Database:
    """Open the database as its one writer (no dialogs: runs on a worker at start)."""
    from app.services import opening  # lazy: start-up paints before SQLAlchemy loads

    return opening.open_database(
        getattr(args, "db", None),
        paths=paths,
        passphrase=passphrase,
        lock=True,
        page_cache_kib=opening.PROGRAM_PAGE_CACHE_KIB,
    )


def open_database(
    args: argparse.Namespace, paths: AppPaths, parent: QWidget | None = None
) -> Database | None:
    """Open the database as its one writer, asking for the passphrase of an encrypted file.

    Returns None when the user gave up (cancelled the passphrase or a restore).
    """
    try:
        passphrase = prepare_open(args, paths, parent)
    except GaveUp:
        return None
    return open_prepared(args, paths, passphrase)


def report_open_failure(paths: AppPaths, exc: BaseException, parent: QWidget | None = None) -> None:
    """Say plainly why the database could not be opened (a crash report for the unexpected)."""
    if isinstance(exc, DomainError):
        QMessageBox.critical(parent, tr("Cannot open the database"), str(exc))
        return
    try:
        where = str(write_crash_report(paths, exc, "opening the database"))
    except OSError:
        where = "-"
    QMessageBox.critical(
        parent,
        tr("Cannot open the database"),
        tr("The database could not be opened: {error}\nA report was saved to {path}.").format(
            error=f"{type(exc).__name__}: {exc}", path=where
        ),
    )


def _passphrase_opens(file: Path, passphrase: str | None) -> bool:
    """True when ``passphrase`` reads the encrypted file's schema (a wrong one cannot)."""
    if passphrase is None:
        return False
    try:
        with open_encrypted(file, passphrase) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception:  # sqlcipher3's DatabaseError: not a database (with this key)
        return False
    return True


def check_in_background(ctx: UiContext, parent: QWidget | None) -> None:
    """A big database file is checked after start; a problem is reported plainly."""
    db = ctx.database
    file = db.sqlite_path if db.is_sqlite else None
    if file is None or not file.exists() or file.stat().st_size <= CHECK_AT_START_BYTES:
        return

    def report(problem: str | None) -> None:
        if problem is not None:
            QMessageBox.warning(
                parent,
                tr("The database is damaged"),
                tr(
                    "A check of the database found a problem: {problem}. Keep working only to copy "
                    "what you need; then restore a backup (File → Backups…)."
                ).format(problem=problem),
            )

    ctx.runner.run(quick_check, file, db.passphrase, on_done=report)


def daily_backup(ctx: UiContext) -> None:
    """A backup when the newest is older than a day, in the background."""
    ctx.runner.run(auto_backup_if_due, ctx.database, on_error=lambda _exc: None)
