"""The one place that runs long work off the GUI thread.

``runner.run(fn, *args, on_done=..., on_error=..., title=...)`` calls ``fn(*args)`` on a
worker thread (passing ``progress=`` when ``fn`` takes it) and delivers the result or
the error back on the GUI thread. With a ``title`` a progress dialog with a Cancel
button appears if the work takes longer than a moment. Domain errors reach
``on_error`` (or a plain message box); anything unexpected is written as a crash
report to the data folder and the message says where.

Tests use :class:`SyncRunner`, which runs the same way but in the calling thread.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6 import QtCore
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from app.errors import DomainError
from app.progress import Cancelled, Progress
from app.services.installation import AppPaths

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

T = TypeVar("T")
# What the callbacks return is not used: a lambda may end in a call that returns something.
Failed = Callable[[BaseException], object]


def _takes_progress(fn: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


class Job(QObject):
    """One piece of work; its signals arrive on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.progress = Progress(on_report=lambda d, t, label: self.progressed.emit(d, t, label))
        self._fn = fn
        self._args = args
        self._kwargs = dict(kwargs)
        if _takes_progress(fn):
            self._kwargs["progress"] = self.progress
        self.finished_ok = False
        self.background_read = False

    def cancel(self) -> None:
        self.progress.cancel()

    def execute(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.failed.emit(exc)
        else:
            self.finished_ok = True
            self.succeeded.emit(result)


class _Task(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self.job.execute()


class Runner(QObject):
    """Runs work on a thread pool and reports back on the GUI thread."""

    queued = True  # results reach the callbacks through the GUI thread's event loop

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        # The lists' reads of every id of a query (tens of seconds at ministry scale) have
        # their own threads: they never hold up a briefing, an import or a save.
        self.reads = QThreadPool(self)
        self.reads.setMaxThreadCount(2)
        self._jobs: set[Job] = set()

    @property
    def connection(self) -> Qt.ConnectionType:
        # ``QtCore.Qt`` looked up when used, not imported: PySide builds the whole ``Qt`` namespace
        # on first touch (about 12 ms), which the main window's first paint does without.
        kind = QtCore.Qt.ConnectionType
        return kind.QueuedConnection if self.queued else kind.DirectConnection

    def run(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], object] | None = None,
        on_error: Failed | None = None,
        on_cancel: Callable[[], object] | None = None,
        title: str = "",
        parent: QWidget | None = None,
        background_read: bool = False,
        **kwargs: Any,
    ) -> Job:
        """``background_read``: a read the user does not wait on (a list's every id), run on the
        read threads; cancel the returned job when its result is no longer wanted."""
        job = Job(fn, args, kwargs)
        job.background_read = background_read
        self._jobs.add(job)
        dialog = self._progress_dialog(job, title, parent) if title else None

        def finish() -> None:
            self._jobs.discard(job)
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()

        def done(result: T) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if on_error is not None and isinstance(exc, DomainError):
                on_error(exc)
            else:
                self.report_error(exc, parent)

        def cancelled() -> None:
            finish()
            if on_cancel is not None:
                on_cancel()

        job.succeeded.connect(done, self.connection)
        job.failed.connect(failed, self.connection)
        job.cancelled.connect(cancelled, self.connection)
        self._start(job)
        return job

    def _start(self, job: Job) -> None:
        (self.reads if job.background_read else self.pool).start(_Task(job))

    def _progress_dialog(self, job: Job, title: str, parent: QWidget | None) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)

        def update(done: int, total: int, label: str) -> None:
            if not isValid(dialog):  # a report queued before the job finished and the dialog went
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if label:
                dialog.setLabelText(label)

        job.progressed.connect(update, QtCore.Qt.ConnectionType.QueuedConnection)
        return dialog

    def report_error(self, exc: BaseException, parent: QWidget | None = None) -> None:
        """Show a plain message; anything unexpected also becomes a crash report."""
        if isinstance(exc, DomainError):
            QMessageBox.warning(parent, self.tr("Partnership Desk"), str(exc))
            return
        # lazy: only when a task crashed (start-up time)
        from app.services.crash_reports import write_crash_report

        try:
            path = write_crash_report(self.paths, exc, context="background task")
            where = self.tr("A report was saved to {path}.").format(path=str(path))
        except OSError:
            where = self.tr("The report could not be saved.")
        QMessageBox.critical(
            parent,
            self.tr("Partnership Desk"),
            self.tr("Something went wrong and the task was stopped. Nothing was half-saved.")
            + "\n\n"
            + f"{type(exc).__name__}: {exc}\n\n"
            + where,
        )

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the running work (at quit); the background reads are cancelled, not waited for."""
        for job in list(self._jobs):
            if job.background_read:
                job.cancel()
        return self.pool.waitForDone(msecs) and self.reads.waitForDone(msecs)


class SyncRunner(Runner):
    """Runs each job at once in the calling thread (for tests); same callbacks, same errors."""

    queued = False

    def _start(self, job: Job) -> None:
        job.execute()
