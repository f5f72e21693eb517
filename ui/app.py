"""Starting the desktop program: fonts, translation, main window, database, crash reports.

Kept lean: only Qt widgets and the core's light modules load at start. The main
window paints first (side bar and a "Loading…" page); right after its first paint
the database is opened (passphrase, damage check and restore offer on the GUI
thread, SQLAlchemy and the open itself on a worker), then the views appear. What
reaches the database (views, services) is imported after the first paint.
"""

from __future__ import annotations

import argparse
import contextlib
import linecache
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import DomainError, FileInUseError
from app.services.installation import (
    AppPaths,
    Language,
    app_paths,
    load_settings,
    resources_dir,
    set_language,
)
from app.services.opened_files import remove_own_copies, remove_stale_copies
from ui.context import UiContext
from ui.i18n import install_translator, tr
from ui.main_window import MainWindow
from ui.runner import Runner

if TYPE_CHECKING:  # named for the types only: app.db loads SQLAlchemy; ui.idle_lock loads after the paint
    from app.services.opening import Database
    from ui.idle_lock import IdleLock

FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")


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


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def program_icon() -> QIcon:
    """The program's icon (``resources/icons``, drawn by ``tools/windows/make_icon.py``), every size as PNG.

    PNG rather than the SVG: it needs no image-format plugin, on Windows neither.
    """
    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"partnership-desk-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


def choose_language(paths: AppPaths, requested: str | None) -> Language:
    lang = requested or str(load_settings(paths).get("language") or "") or None
    return set_language(lang)


def install_excepthook(paths: AppPaths) -> None:
    """Anything that escapes becomes a crash report in the data folder and a plain message."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        if isinstance(exc, PermissionError) and not isinstance(exc, DomainError) and exc.filename:
            exc = FileInUseError(exc.filename, reading=True)  # a file another program holds (Windows)
        if isinstance(exc, DomainError):  # said plainly: what to do, no crash report
            _say(f"partnership-desk: {exc}")
            if QApplication.instance() is not None:
                QMessageBox.warning(None, tr("Partnership Desk"), str(exc))
            return
        # lazy: only when something crashed (start-up time)
        from app.services.crash_reports import write_crash_report

        try:
            where = tr("A report was saved to {path}.").format(path=write_crash_report(paths, exc, "gui"))
        except OSError:
            where = tr("The report could not be saved.")
        _say(f"partnership-desk: unexpected error: {kind.__name__}: {exc}")
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


def _quietly(task: Callable[[], object]) -> None:
    """Housekeeping that must never stop the program (a copy still open elsewhere stays)."""
    with contextlib.suppress(OSError):
        task()


def _say(line: str) -> None:
    """A line on stderr when there is one: a windowed Windows build has none (``sys.stderr is None``)."""
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError, UnicodeError):
        stream.write(line + "\n")
        stream.flush()


def run_gui(args: argparse.Namespace) -> int:
    home = getattr(args, "home", None)
    paths = app_paths(Path(home) if home else None)
    with contextlib.suppress(OSError):  # reported by open_database below if it matters
        paths.ensure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Partnership Desk")
    app.setOrganizationName("PartnershipDesk")
    register_fonts(app)
    lang = choose_language(paths, getattr(args, "lang", None))
    install_translator(app, lang)
    app.setApplicationDisplayName(tr("Partnership Desk"))
    app.setWindowIcon(program_icon())
    install_excepthook(paths)

    # Copies a previous run handed to Hangul, Word or Acrobat (attachments, briefings) go now.
    QTimer.singleShot(3000, lambda: _quietly(remove_stale_copies))
    controller = Controller(app, None, paths, lang)
    controller.start()
    controller.open_after_first_paint(args)
    code = app.exec()
    return controller.finish(int(code))


class _FirstPaint(QObject):
    """Calls ``then`` once, after the window's first paint has been put on the screen."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then
        self.done = False
        _application().installEventFilter(self)  # the window's or any child's paint
        # Should no paint come (a platform that never exposes the window), open anyway.
        QTimer.singleShot(1000, self.fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            not self.done
            and event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and obj.window() is self.window
        ):
            # Queued: runs after this paint and its flush to the screen, never inside it.
            QTimer.singleShot(0, self.fire)
        return False

    def fire(self) -> None:
        if self.done:
            return
        self.done = True
        _application().removeEventFilter(self)
        self.then()


def _application() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None, "a window is shown, so the application exists"
    return app


class Controller:
    """Owns the context and the main window; rebuilds the window when the language changes."""

    def __init__(self, app: QApplication, db: Database | None, paths: AppPaths, lang: Language) -> None:
        self.app = app
        self.runner = Runner(paths)
        self.ctx = UiContext(
            db=db, paths=paths, runner=self.runner, language=lang, settings=load_settings(paths)
        )
        self.window: MainWindow | None = None
        self.exit_code = 0
        self._opened: Database | None = None  # the database, as soon as the worker has opened it
        self.idle_lock: IdleLock | None = None
        self.exchange_file: Path | None = None  # opened from Explorer: offered for import once open

    def start(self, view: str | None = None) -> MainWindow:
        """Show the main window; without a database yet, in its "Loading…" state."""
        window = MainWindow(self.ctx)
        window.language_changed.connect(self.switch_language)
        window.settings_saved.connect(lambda: self.install_lock(window))
        self.window = window
        window.show()
        if self.ctx.db is not None:
            self._ready(view, first=view is None)
        return window

    def _ready(self, view: str | None, first: bool) -> None:
        window = self.window
        assert window is not None
        if view is not None:  # the same view again, after a change of language
            window.show_view(view)
        else:
            window.database_ready()
        QTimer.singleShot(0, window.check_empty)
        if first:
            QTimer.singleShot(2000, self.daily_backup)
            QTimer.singleShot(1000, self.background_check)
        self.install_lock(window)

    # -- opening the database after the first paint -----------------------------

    def open_after_first_paint(self, args: argparse.Namespace) -> None:
        name = getattr(args, "exchange_file", None)
        self.exchange_file = Path(name) if name else None
        window = self.window
        assert window is not None, "start() shows the window first"

        def then() -> None:
            window.install_shortcuts()
            self.open_database(args)

        self._first_paint = _FirstPaint(window, then)

    def open_database(self, args: argparse.Namespace) -> None:
        """Ask what must be asked (GUI thread), then open on a worker; give up plainly on failure."""
        from ui.opening import (  # lazy: after the first paint
            GaveUp,
            open_prepared,
            prepare_open,
            report_open_failure,
        )

        paths = self.ctx.paths
        try:
            passphrase = prepare_open(args, paths, self.window)
        except GaveUp:
            self._give_up()
            return
        except Exception as exc:
            report_open_failure(paths, exc, self.window)
            self._give_up()
            return

        def work() -> Database | Exception:
            try:
                self._opened = open_prepared(args, paths, passphrase)
            except Exception as exc:  # delivered to the GUI thread below, with its own message
                return exc
            return self._opened

        self.runner.run(work, on_done=self._database_opened)

    def _database_opened(self, result: Database | Exception) -> None:
        from ui.opening import report_open_failure  # lazy: after the first paint

        if isinstance(result, BaseException):
            report_open_failure(self.ctx.paths, result, self.window)
            self._give_up()
            return
        self.ctx.db = result
        if self.window is not None:
            self._ready(None, first=True)
            if self.exchange_file is not None:
                QTimer.singleShot(0, self.open_exchange_file)
        # PySide's import hook reads the source of every module imported after it (SQLAlchemy's
        # too) into linecache: some 15 MB nobody needs; tracebacks read it again if they must.
        linecache.clearcache()

    def open_exchange_file(self) -> None:
        """The exchange file the program was opened with (from Explorer), ready to import."""
        from ui.actions import open_exchange  # lazy: after the first paint

        file, self.exchange_file = self.exchange_file, None
        if file is not None and self.window is not None:
            open_exchange(self.ctx, self.window, file)
            self.ctx.notify_changed()

    def _give_up(self) -> None:
        self.exit_code = 1
        if self.window is not None:
            self.window.hide()
        self.app.exit(1)

    def finish(self, code: int) -> int:
        """After the event loop: let a pending open end, close the database."""
        self.runner.wait()
        db = self.ctx.db or self._opened
        if db is not None:
            db.close()
        _quietly(remove_own_copies)  # the copies opened in other programs (also at exit, should this fail)
        return self.exit_code or code

    def install_lock(self, window: MainWindow) -> None:
        """Hide the window after the idle time chosen in Settings (if any)."""
        from ui.idle_lock import install_idle_lock  # lazy: after the first paint

        if self.idle_lock is not None:
            self.app.removeEventFilter(self.idle_lock)
        self.idle_lock = install_idle_lock(self.ctx, window)

    def background_check(self) -> None:
        from ui.opening import check_in_background  # lazy: after the first paint

        check_in_background(self.ctx, self.window)

    def daily_backup(self) -> None:
        from ui.opening import daily_backup  # lazy: after the first paint

        daily_backup(self.ctx)

    def switch_language(self, lang: str) -> None:
        old = self.window
        view = old.current_view() if old is not None else None
        if old is not None:
            old.save_layout()
        install_translator(self.app, lang)
        self.ctx.language = "ko" if lang == "ko" else "en"
        self.start(view)
        if old is not None:
            old.hide()
            old.deleteLater()
