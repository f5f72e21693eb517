"""Start-up: the main window paints before the database is opened, and everything works after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.paths import AppPaths
from app.services.opening import open_database


def _controller(paths: AppPaths) -> Any:
    from ui.app import Controller
    from ui.i18n import install_translator
    from ui.runner import SyncRunner

    app = QApplication.instance()
    install_translator(app, "en")
    controller = Controller(app, None, paths, "en")
    controller.runner = controller.ctx.runner = SyncRunner(paths)
    return controller


class _Paints(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window = window
        self.seen: list[bool] = []  # whether the database was open at each paint

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.window() is self.window:
            self.seen.append(self.window.ctx.db is not None)
        return False


def test_the_window_paints_loading_before_the_database_opens(qtbot, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    demo = open_database(paths=paths)
    from app.demo import load_demo

    load_demo(demo)
    demo.close()
    controller = _controller(paths)
    opened: list[bool] = []
    controller.open_database = lambda args: (
        opened.append(True) or type(controller).open_database(controller, args)
    )
    window = controller.start()
    qtbot.addWidget(window)
    assert window.ctx.db is None and not window.ready
    assert window.stack.currentWidget() is window.loading
    assert window.loading_page.text() == "Loading…"
    assert [window.nav.item(i).text() for i in range(6)] == [
        "Dashboard",
        "Agreements",
        "Organizations",
        "Contacts",
        "Meetings",
        "Commitments",
    ]
    assert not window.new_action.isEnabled() and not window.search.isEnabled()
    assert window.new_action.shortcut().isEmpty()  # keys come right after the first paint
    paints = _Paints(window)
    QApplication.instance().installEventFilter(paints)
    try:
        controller.open_after_first_paint(SimpleNamespace(db=None, passphrase_file=None))
        qtbot.waitUntil(lambda: window.ready, timeout=5000)
    finally:
        QApplication.instance().removeEventFilter(paints)
    assert opened == [True]
    assert paints.seen and paints.seen[0] is False  # the first frame came before the database
    assert "sqlalchemy" in sys.modules
    assert window.stack.currentWidget() is window.dashboard
    assert window.current_view() == "dashboard"
    assert window.new_action.isEnabled() is False  # the dashboard has no "new"
    assert window.search.isEnabled()
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    window.go_to("agreement")
    lst = window.current_list()
    assert lst is not None and lst.model.rowCount() > 0
    assert window.welcome is None  # demo data: no welcome page
    window.close()
    assert controller.finish(0) == 0


def test_a_view_chosen_while_loading_is_shown_once_open(qtbot, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    controller = _controller(paths)
    window = controller.start()
    qtbot.addWidget(window)
    window.go_to("contact")  # Ctrl+4 while the database opens
    assert window.stack.currentWidget() is window.loading
    controller.open_database(SimpleNamespace(db=None, passphrase_file=None))
    assert window.ready and window.current_view() == "contact"
    controller.finish(0)


def test_welcome_page_after_opening_an_empty_database(qtbot, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    controller = _controller(paths)
    window = controller.start()
    qtbot.addWidget(window)
    controller.open_database(SimpleNamespace(db=None, passphrase_file=None))
    qtbot.waitUntil(lambda: window.welcome is not None, timeout=3000)
    assert window.stack.currentWidget() is window.welcome
    assert any("sample" in label.text().lower() for label in window.welcome.findChildren(QLabel))
    controller.finish(0)


def test_a_database_held_by_another_program_is_refused_plainly(qtbot, paths: AppPaths, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    holder = open_database(paths=paths, lock=True)
    try:
        controller = _controller(paths)
        shown: list[str] = []
        monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
        exits: list[int] = []
        controller.app = SimpleNamespace(exit=exits.append, removeEventFilter=lambda _f: None)
        window = controller.start()
        qtbot.addWidget(window)
        controller.open_database(SimpleNamespace(db=None, passphrase_file=None))
        assert exits == [1] and controller.finish(0) == 1
        assert shown and "Traceback" not in shown[0]
        assert window.ctx.db is None and not window.isVisible()
    finally:
        holder.close()


def test_a_damaged_database_offers_the_backup(qtbot, paths: AppPaths, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.opening

    controller = _controller(paths)
    offered: list[Path] = []

    def refuse(_paths: AppPaths, file: Path, _passphrase: str | None, _parent: Any = None) -> bool:
        offered.append(file)
        return False  # damaged, and the user did not restore

    monkeypatch.setattr(ui.opening, "_check_and_offer_restore", refuse)
    open_database(paths=paths).close()
    exits: list[int] = []
    controller.app = SimpleNamespace(exit=exits.append, removeEventFilter=lambda _f: None)
    window = controller.start()
    qtbot.addWidget(window)
    controller.open_database(SimpleNamespace(db=None, passphrase_file=None))
    assert offered == [paths.database] and exits == [1]
    assert window.ctx.db is None


def test_the_program_starts_and_opens_its_database_in_a_process(paths: AppPaths, tmp_path: Path) -> None:
    """The real start-up (worker thread and all): the window paints, then the database opens."""
    script = tmp_path / "start.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "def check():\n"
        "    w = next((w for w in app.topLevelWidgets() if hasattr(w, 'ready')), None)\n"
        "    if w is not None and w.ready and w.welcome is not None:\n"
        "        print('welcome', w.windowTitle(), flush=True)\n"
        "        w.close()\n"
        "        return\n"
        "    QTimer.singleShot(20, check)\n"
        "QTimer.singleShot(0, check)\n"
        "QTimer.singleShot(30000, lambda: app.exit(3))\n"
        "from cli import main\n"
        "sys.exit(main([]))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "welcome Partnership Desk" in done.stdout  # an empty database: the welcome page
    assert paths.database.exists()


def test_the_first_paint_loads_neither_sqlalchemy_nor_the_report_libraries(
    paths: AppPaths, tmp_path: Path
) -> None:
    """The start-up path, from the command's module to the painted window, in a fresh process.

    Modules on this path import the core's database modules (and SQLAlchemy) only inside
    the functions that run after the first paint, each marked ``# lazy:``.
    """
    script = tmp_path / "first_paint.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "qt = QApplication(sys.argv[:1])\n"
        "import cli\n"
        "from app.paths import app_paths\n"
        "from ui.app import Controller, choose_language, register_fonts\n"
        "paths = app_paths(Path(sys.argv[1]))\n"
        "register_fonts(qt)\n"
        "window = Controller(qt, None, paths, choose_language(paths, 'en')).start()\n"
        "window.repaint()\n"
        "qt.processEvents()\n"
        "assert window.isVisible() and not window.ready\n"
        "heavy = ('sqlalchemy', 'reportlab', 'docx', 'openpyxl', 'vobject', 'icalendar', 'pypdf')\n"
        "print('loaded:', ' '.join(m for m in heavy if m in sys.modules))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script), str(paths.home)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "loaded:", done.stdout
