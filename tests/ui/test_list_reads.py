"""A list's read of every id never holds up other work and stops when it is of no use.

At ministry scale the list reads every id of a sorted query for tens of seconds after
showing its first screen. That read runs on the runner's read threads (a briefing or a
save does not queue behind it), is cancelled when a new sort or filter replaces its
query, and is cancelled rather than waited for when the program quits. The program's
threaded runner, a real SQLite file; the slow read is a list service whose read of
every id waits until it is cancelled (the database side is tests/test_cancel_reads.py).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator, Sequence
from typing import Any
from uuid import UUID, uuid4

import pytest
from PySide6.QtWidgets import QApplication

from app.db import Database
from app.dto import AgreementQuery, AgreementSummary
from app.progress import Cancelled, Progress
from ui.context import UiContext
from ui.models.lazy import Column, LazyTableModel
from ui.runner import Runner

TIMEOUT = 10_000
IDS = [uuid4() for _ in range(3)]


class SlowService:
    """Every id of a query sorted by "title_ko" comes only when cancelled; anything else at once."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.cancelled: list[str] = []

    def ids_fn(self, db: Database, query: AgreementQuery, progress: Progress | None = None) -> bytes:
        if query.limit is None and query.sort == "title_ko":
            assert progress is not None
            self.started.set()
            stopped = threading.Event()
            progress.when_cancelled(stopped.set)
            if not stopped.wait(60):
                raise AssertionError("the read of every id was never cancelled")
            self.cancelled.append(query.sort)
            raise Cancelled()
        return b"".join(i.bytes for i in IDS)

    def rows_fn(self, db: Database, ids: Sequence[UUID]) -> list[AgreementSummary]:
        return []


@pytest.fixture
def threaded(qtbot, db: Database, make_ctx) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    ctx = make_ctx(db, "en")
    ctx.runner = Runner(db.paths)
    yield ctx
    ctx.runner.wait()
    QApplication.processEvents()


def _model(ctx: UiContext, service: SlowService) -> LazyTableModel[Any, Any]:
    columns = [Column("Title", lambda r: r.title_ko, "title_ko"), Column("Signed", lambda r: "", "signed_on")]
    return LazyTableModel(ctx, columns, service, AgreementQuery(sort="title_ko"))


def test_a_new_sort_cancels_the_read_of_the_old_ones_ids(qtbot, threaded: UiContext) -> None:  # type: ignore[no-untyped-def]
    service = SlowService()
    model = _model(threaded, service)
    model.refresh(first=True)
    assert service.started.wait(10)
    model.set_query(dataclasses.replace(model.query, sort="signed_on"))
    qtbot.waitUntil(lambda: service.cancelled == ["title_ko"] and model.rowCount() == 3, timeout=TIMEOUT)
    assert not model.is_loading


def test_other_work_does_not_wait_behind_reads_of_every_id(qtbot, threaded: UiContext) -> None:  # type: ignore[no-untyped-def]
    services = [SlowService(), SlowService()]
    models = [_model(threaded, s) for s in services]
    for model, service in zip(models, services, strict=True):
        model.refresh()
        assert service.started.wait(10)
    # Both read threads are busy; a save or a briefing still runs at once on the work threads.
    done: list[int] = []
    threaded.runner.run(lambda: 42, on_done=done.append)
    qtbot.waitUntil(lambda: done == [42], timeout=TIMEOUT)
    for model in models:
        model.stop_reading()
    qtbot.waitUntil(lambda: all(s.cancelled for s in services), timeout=TIMEOUT)


def test_quitting_cancels_a_read_of_every_id_instead_of_waiting_for_it(qtbot, threaded: UiContext) -> None:  # type: ignore[no-untyped-def]
    service = SlowService()
    model = _model(threaded, service)
    model.refresh()
    assert service.started.wait(10)
    assert threaded.runner.wait(20_000)  # returns when the read is cancelled, far before its 60 s
    assert service.cancelled == ["title_ko"]
