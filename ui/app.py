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
        app.setFont(font)
        for script in (QFontDatabase.WritingSystem.Korean,):
            _ = script  # the family list above covers Hangul for every widget
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


def open_database(args: Any, paths: AppPaths) -> Any:
    from app.db import Database

    return Database.open(getattr(args, "db", None), paths=paths)


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
        self.window = window
        window.show()
        window.show_view(view or window.last_view())
        QTimer.singleShot(0, window.check_empty)
        return window

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
