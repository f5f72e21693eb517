"""A list's long read of every id stops at once when it is cancelled, even mid-sort.

The lists read every id of their query after the first screen (at 500,000 contacts
sorted by organization, tens of seconds). A new sort or filter makes that read
useless: cancelling its progress interrupts the database statement itself (SQLite's
``interrupt()``, PostgreSQL's cancel request), so the worker is free at once.
The tests cancel once the statement is known to be running (no timing guesses).
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from factories import person
from sqlalchemy import text

from app.db import Database
from app.dto import ContactQuery
from app.progress import Cancelled, Progress
from app.services import agreements, contacts, meetings, organizations
from app.services.queries import interruptible

SLOW_SQLITE = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000)"
    " SELECT x FROM c WHERE started() ORDER BY -x LIMIT 1"
)


def _cancel_when(started: threading.Event, progress: Progress) -> threading.Thread:
    def cancel() -> None:
        assert started.wait(60), "the statement never started"
        progress.cancel()

    thread = threading.Thread(target=cancel)
    thread.start()
    return thread


def test_a_running_sqlite_statement_is_interrupted(db: Database) -> None:
    started = threading.Event()
    progress = Progress()
    with db.session() as s:
        raw: Any = s.connection().connection.dbapi_connection

        def mark() -> int:
            started.set()
            return 1

        raw.create_function("started", 0, mark)
        thread = _cancel_when(started, progress)
        begun = time.monotonic()
        with pytest.raises(Cancelled), interruptible(s, progress):
            s.execute(text(SLOW_SQLITE)).all()
        # Counting to 200 million and sorting takes minutes; the interrupt ends it at once.
        assert time.monotonic() - begun < 30
        thread.join()
    # The database is fine afterwards.
    assert contacts.contact_ids(db, ContactQuery()) == b""


def test_a_running_postgresql_statement_is_cancelled(pg_db: Database) -> None:
    started = threading.Event()
    progress = Progress()

    def watch() -> None:  # running once pg_stat_activity shows it
        with pg_db.engine.connect() as conn:
            while not progress.cancelled:
                busy = conn.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(600)%'")
                ).scalar()
                if busy:
                    started.set()
                    return
                conn.rollback()

    watcher = threading.Thread(target=watch)
    watcher.start()
    thread = _cancel_when(started, progress)
    begun = time.monotonic()
    with pg_db.session() as s, pytest.raises(Cancelled), interruptible(s, progress):
        s.execute(text("SELECT pg_sleep(600)"))
    assert time.monotonic() - begun < 60
    thread.join()
    watcher.join()
    assert contacts.contact_ids(pg_db, ContactQuery()) == b""


def test_an_error_that_is_not_a_cancel_still_surfaces(db: Database) -> None:
    with db.session() as s, pytest.raises(Exception, match="no such table"), interruptible(s, Progress()):
        s.execute(text("SELECT * FROM no_such_table"))


def test_reading_ids_with_progress_gives_the_same_ids_and_a_cancelled_read_gives_none(
    any_db: Database,
) -> None:
    for i in range(30):
        person(any_db, f"사람{i:02d}", f"Person {i:02d}")
    for ids_fn, query in (
        (contacts.contact_ids, ContactQuery(sort="title_ko")),
        (contacts.contact_ids, ContactQuery(sort="organization_name_ko")),
        (contacts.contact_ids, ContactQuery(sort="name_en", descending=True)),
        (agreements.agreement_ids, None),
        (organizations.organization_ids, None),
        (meetings.meeting_ids, None),
    ):
        assert ids_fn(any_db, query, progress=Progress()) == ids_fn(any_db, query)  # type: ignore[operator]
        stopped = Progress()
        stopped.cancel()
        with pytest.raises(Cancelled):
            ids_fn(any_db, query, progress=stopped)  # type: ignore[operator]
    assert len(contacts.contact_ids(any_db, ContactQuery(), progress=Progress())) == 30 * 16


def test_progress_calls_what_was_registered_once_and_not_after_it_is_forgotten() -> None:
    calls: list[str] = []
    progress = Progress()
    forget_a = progress.when_cancelled(lambda: calls.append("a"))
    progress.when_cancelled(lambda: calls.append("b"))
    forget_a()
    progress.cancel()
    assert calls == ["b"]
    progress.when_cancelled(lambda: calls.append("late"))  # already cancelled: called at once
    assert calls == ["b", "late"]
