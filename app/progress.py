"""Progress and cancellation for long work, with no Qt in sight.

A long task is a plain function ``def run(..., progress: Progress) -> Result``.
It calls ``progress.report(done, total, label)`` now and then and
``progress.check()`` at safe points, which raises :class:`Cancelled` once the user
has asked to stop. ``ui/runner.py`` is the only place that moves such a function
to a worker thread; tests call it directly with ``Progress()``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled the task; whatever it was writing was rolled back."""


class Progress:
    def __init__(self, on_report: Callable[[int, int, str], None] | None = None) -> None:
        self._on_report = on_report
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.label = ""

    def report(self, done: int, total: int = 0, label: str = "") -> None:
        self.done, self.total = done, total
        if label:
            self.label = label
        if self._on_report is not None:
            self._on_report(done, total, self.label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()
