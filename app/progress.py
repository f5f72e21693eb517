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
        self._lock = threading.Lock()
        self._on_cancel: list[Callable[[], None]] = []
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
        with self._lock:
            self._cancel.set()
            waiting = list(self._on_cancel)
        for stop in waiting:  # e.g. interrupt the database query the task is waiting on
            stop()

    def when_cancelled(self, stop: Callable[[], None]) -> Callable[[], None]:
        """Call ``stop`` (from the cancelling thread) if the task is cancelled while it is
        registered, or at once if it already is; returns the function that unregisters it."""
        with self._lock:
            already = self._cancel.is_set()
            if not already:
                self._on_cancel.append(stop)
        if already:
            stop()

        def forget() -> None:
            with self._lock:
                if stop in self._on_cancel:
                    self._on_cancel.remove(stop)

        return forget

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()
