"""Starting the desktop program: fonts, translation, database, main window, crash reports.

Kept lean: only Qt widgets and the core's light modules load at start; views,
dialogs and services are imported when first needed.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import AppPaths, app_paths, resources_dir
from ui.i18n import install_translator, tr

FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
# Files up to this size are checked before they are opened (a fraction of a second);
# bigger ones in the background once the window shows, so that start-up stays quick.
CHECK_AT_START_BYTES = 64 * 1024 * 1024


def register_fonts(app: QApplication) -> str:
    """Register the bundled Korean font and put it behind the system font as a fallback."""
    family = ""
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else ""
    if family:
        font = QFont(app.font())
        base = font.family()
        families = [f for f in (base, family) if f]
        font.setFamilies(families)
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)
        app.setFont(font)  # every widget falls back to the bundled font for Hangul
    return family


def choose_language(paths: AppPaths, requested: str | None) -> str:
    from app.i18n import set_language
    from app.settings import load_settings

    lang = requested or str(load_settings(paths).get("language") or "") or None
    return set_language(lang)


def install_excepthook(paths: AppPaths) -> None:
    """Anything that escapes becomes a crash report in the data folder and a plain message."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        from app.crash import write_crash_report

        exc.__traceback__ = tb
        try:
            where = tr("A report was saved to {path}.").format(path=write_crash_report(paths, exc, "gui"))
        except OSError:
            where = tr("The report could not be saved.")
        sys.stderr.write(f"partnership-desk: unexpected error: {kind.__name__}: {exc}\n")
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                tr("Partnership Desk"),
                tr("Something unexpected went wrong. Your saved records are safe.")
                + "\n\n"
                + f"{kind.__name__}: {exc}\n\n"
                + where,
            )

    sys.excepthook = hook


def _database_file(args: Any, paths: AppPaths) -> Path | None:
    from sqlalchemy.engine import make_url

    from app.paths import database_url

    url = make_url(database_url(getattr(args, "db", None), paths))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _ask_passphrase() -> str | None:
    try:
        from ui.dialogs.passphrase_dialog import ask_passphrase
    except ImportError:
        QMessageBox.critical(
            None,
            tr("Cannot open the database"),
            tr("The database is encrypted. Start Partnership Desk with --passphrase-file FILE."),
        )
        return None
    answer: str | None = ask_passphrase(None, confirm=False)
    return answer


def _check_and_offer_restore(paths: AppPaths, file: Path, passphrase: str | None) -> bool:
    """False when the database is damaged and the user did not restore a backup."""
    from app.recovery import check_on_start, restore_backup

    check = check_on_start(paths, file, passphrase=passphrase)
    if check.ok:
        return True
    message = check.message.get() if check.message else check.problem
    if check.newest_good_backup is None:
        QMessageBox.critical(None, tr("The database is damaged"), message)
        return False
    answer = QMessageBox.question(
        None,
        tr("The database is damaged"),
        message + "\n\n" + tr("Restore the backup now? The current file is kept in the backups folder."),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore_backup(paths, check.newest_good_backup.path, file, passphrase=passphrase)
    return True


def open_database(args: Any, paths: AppPaths) -> Any:
    """Open the database as its one writer, asking for the passphrase of an encrypted file.

    Returns None when the user gave up (cancelled the passphrase or a restore).
    """
    from app.crypto_db import looks_encrypted
    from app.db import Database

    passphrase: str | None = None
    if getattr(args, "passphrase_file", None):
        from app.crypto_db import read_passphrase_file

        passphrase = read_passphrase_file(Path(args.passphrase_file))
    file = _database_file(args, paths)
    encrypted = file is not None and looks_encrypted(file)
    asked = 0
    while True:
        if passphrase is None and encrypted:
            passphrase = _ask_passphrase()
            asked += 1
            if passphrase is None:
                return None
        if encrypted and file is not None and not _passphrase_opens(file, passphrase):
            # A wrong passphrase reads as noise: ask again rather than call the file damaged.
            from app.crypto_db import wrong_passphrase

            if not asked or asked >= 3:
                raise wrong_passphrase(file)
            QMessageBox.warning(None, tr("Cannot open the database"), str(wrong_passphrase(file)))
            passphrase = None
            continue
        small = file is not None and file.exists() and file.stat().st_size <= CHECK_AT_START_BYTES
        if small and file is not None and not _check_and_offer_restore(paths, file, passphrase):
            return None
        return Database.open(getattr(args, "db", None), paths=paths, passphrase=passphrase, lock=True)


def _passphrase_opens(file: Path, passphrase: str | None) -> bool:
    """True when ``passphrase`` reads the encrypted file's schema (a wrong one cannot)."""
    from app.crypto_db import open_encrypted

    if passphrase is None:
        return False
    try:
        with open_encrypted(file, passphrase) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception:  # sqlcipher3's DatabaseError: not a database (with this key)
        return False
    return True


def run_gui(args: Any) -> int:
    home = getattr(args, "home", None)
    paths = app_paths(Path(home) if home else None)
    with contextlib.suppress(OSError):  # reported by Database.open below if it matters
        paths.ensure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Partnership Desk")
    app.setOrganizationName("PartnershipDesk")
    register_fonts(app)
    lang = choose_language(paths, getattr(args, "lang", None))
    install_translator(app, lang)
    app.setApplicationDisplayName(tr("Partnership Desk"))
    icon = resources_dir() / "icons" / "partnership-desk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_excepthook(paths)

    from app.errors import DomainError

    try:
        db = open_database(args, paths)
        if db is None:
            return 1
    except DomainError as exc:
        QMessageBox.critical(None, tr("Cannot open the database"), str(exc))
        return 1
    except Exception as exc:  # unexpected: report, do not show a traceback
        from app.crash import write_crash_report

        try:
            where = str(write_crash_report(paths, exc, "opening the database"))
        except OSError:
            where = "-"
        QMessageBox.critical(
            None,
            tr("Cannot open the database"),
            tr("The database could not be opened: {error}\nA report was saved to {path}.").format(
                error=f"{type(exc).__name__}: {exc}", path=where
            ),
        )
        return 1

    controller = Controller(app, db, paths, lang)
    controller.start()
    code = app.exec()
    db.close()
    return int(code)


class Controller:
    """Owns the context and the main window; rebuilds the window when the language changes."""

    def __init__(self, app: QApplication, db: Any, paths: AppPaths, lang: str) -> None:
        from app.settings import load_settings
        from ui.context import UiContext
        from ui.runner import Runner

        self.app = app
        self.runner = Runner(paths)
        self.ctx = UiContext(
            db=db, paths=paths, runner=self.runner, language=lang, settings=load_settings(paths)
        )
        self.window: Any = None

    def start(self, view: str | None = None) -> Any:
        from ui.main_window import MainWindow

        window = MainWindow(self.ctx)
        window.language_changed.connect(self.switch_language)
        window.settings_saved.connect(lambda: self.install_lock(self.window))
        self.window = window
        window.show()
        window.show_view(view or window.last_view())
        QTimer.singleShot(0, window.check_empty)
        if view is None:
            QTimer.singleShot(2000, self.daily_backup)
            QTimer.singleShot(1000, self.background_check)
        self.install_lock(window)
        return window

    def install_lock(self, window: Any) -> None:
        """Hide the window after the idle time chosen in Settings (if any)."""
        try:
            from ui.idle_lock import install_idle_lock
        except ImportError:
            return
        old = getattr(self, "idle_lock", None)
        if old is not None:
            self.app.removeEventFilter(old)
        self.idle_lock = install_idle_lock(self.ctx, window)

    def background_check(self) -> None:
        """A big database file is checked after start; a problem is reported plainly."""
        db = self.ctx.db
        file = db.sqlite_path if db.is_sqlite else None
        if file is None or not file.exists() or file.stat().st_size <= CHECK_AT_START_BYTES:
            return
        from app.recovery import quick_check

        def report(problem: str | None) -> None:
            if problem is not None and self.window is not None:
                QMessageBox.warning(
                    self.window,
                    tr("The database is damaged"),
                    tr(
                        "A check of the database found a problem: {problem}. Keep working only to copy "
                        "what you need; then restore a backup (File → Backups…)."
                    ).format(problem=problem),
                )

        self.runner.run(quick_check, file, getattr(db, "passphrase", None), on_done=report)

    def daily_backup(self) -> None:
        """A backup when the newest is older than a day, in the background."""
        from app.backup import auto_backup_if_due

        self.runner.run(auto_backup_if_due, self.ctx.db, on_error=lambda _exc: None)

    def switch_language(self, lang: str) -> None:
        old = self.window
        view = old.current_view() if old is not None else None
        if old is not None:
            old.save_layout()
        install_translator(self.app, lang)
        self.ctx.language = lang
        self.start(view)
        if old is not None:
            old.hide()
            old.deleteLater()
