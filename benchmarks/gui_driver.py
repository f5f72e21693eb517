"""Run in a subprocess: the program (or a bare window) until its first paint, then report.

``python -m benchmarks.gui_driver MODE [--db PATH]`` with MODE one of
``ours-startup``, ``bare-startup``, ``ours-memory``, ``bare-memory``. The driver
creates the ``QApplication`` itself (the program reuses an existing one) and
watches it with an event filter, so first paint is seen the same way in the program
and in the bare window, without a hook in the program. It prints one JSON line:
the wall-clock time of the first paint of a main window, and the peak RSS.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

SCROLL_TIMEOUT_S = 900


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's, as of fork)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux, bytes on macOS


def report(**values: Any) -> None:
    sys.stdout.write(json.dumps({**values, "peak_rss_mb": peak_rss_mb()}) + "\n")
    sys.stdout.flush()


class FirstPaint(QObject):
    """Calls ``then(window)`` once, at the first paint of a main window (or a widget in it)."""

    def __init__(self, then: Any) -> None:
        super().__init__()
        self.then = then
        self.seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint and hasattr(obj, "window"):
            window = obj.window()
            if isinstance(window, QMainWindow) and window.isVisible():
                self.seen = True
                painted = time.time()
                QTimer.singleShot(0, lambda: self.then(window, painted))
        return False


def finish_startup(_window: QMainWindow, painted: float) -> None:
    report(painted=painted)
    os._exit(0)  # the measurement is done; skip tearing down Qt and the database


def scroll_agreements(window: QMainWindow, painted: float) -> None:
    """Open the agreements list and scroll it to the end, page by page, as a user would."""
    if not getattr(window, "ready", True):  # painted before its database was open: wait for it
        QTimer.singleShot(10, lambda: scroll_agreements(window, painted))
        return
    window.show_view("agreement")  # type: ignore[attr-defined]
    lst = window.list_view("agreement")  # type: ignore[attr-defined]
    view = lst.findChild(QTableView, "agreement_table") or lst.findChild(QTableView)
    if view is None:
        report(error="no table in the agreements list")
        os._exit(1)
    model = view.model()
    while hasattr(model, "sourceModel"):
        model = model.sourceModel()
    started = time.time()
    from app.services.agreements import count_agreements

    total = count_agreements(window.ctx.db)  # type: ignore[attr-defined]

    def tick() -> None:
        view.scrollToBottom()
        if model.rowCount() >= total:
            report(painted=painted, rows=model.rowCount(), scroll_s=time.time() - started)
            os._exit(0)
        if time.time() - started > SCROLL_TIMEOUT_S:
            report(error=f"scrolling stopped at {model.rowCount()} of {total} rows")
            os._exit(1)
        if model.canFetchMore(view.rootIndex()):
            model.fetchMore(view.rootIndex())
        QTimer.singleShot(1, tick)

    tick()


def main(argv: list[str]) -> int:
    mode = argv[0]
    app = QApplication(sys.argv[:1])
    then = finish_startup if mode.endswith("startup") else scroll_agreements
    if mode == "bare-memory":
        then = finish_startup
    watcher = FirstPaint(then)
    app.installEventFilter(watcher)
    if mode.startswith("bare"):
        window = QMainWindow()
        window.show()
        return app.exec()
    from cli import main as program

    return program(["--db", argv[argv.index("--db") + 1]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
