"""The one source of "now" and "today".

Everything that needs the current time asks this module: record timestamps, due and
overdue, the dashboard's windows, briefings, backup names, the sample data. The
program runs on the system clock; tests set another (``use(SteppingClock(...))``) so
that no test depends on the real date or on sleeping to order two events.

``now()`` is an aware UTC datetime; ``today()`` is the calendar day on this computer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware (any zone)."""
        ...


class SystemClock:
    """The computer's clock: what the program uses."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class SteppingClock:
    """A clock that starts at a given instant and moves ``step`` forward each time it is read.

    Every reading is later than the one before, whatever the computer's clock resolution,
    and the sequence is the same on every run: two edits made one after the other are
    ordered without sleeping. ``advance`` moves it on, as days passing would.
    """

    def __init__(self, start: datetime, step: timedelta = timedelta(milliseconds=1)) -> None:
        if start.tzinfo is None:
            raise ValueError("the clock's start must be timezone-aware")
        self._next = start.astimezone(UTC)
        self._step = step

    def now(self) -> datetime:
        current = self._next
        self._next = current + self._step
        return current

    def advance(self, delta: timedelta) -> None:
        self._next += delta

    def set(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("the clock must be set to a timezone-aware instant")
        self._next = instant.astimezone(UTC)


_current: Clock = SystemClock()


def now() -> datetime:
    """The current instant in UTC."""
    return _current.now().astimezone(UTC)


def local_now() -> datetime:
    """The current instant in this computer's time zone."""
    return _current.now().astimezone()


def today() -> date:
    """Today's date on this computer's calendar."""
    return local_now().date()


def current() -> Clock:
    return _current


def set_clock(clock: Clock) -> Clock:
    """Make ``clock`` the source of "now" and return the one it replaces."""
    global _current
    previous, _current = _current, clock
    return previous


@contextmanager
def use(clock: Clock) -> Iterator[Clock]:
    """``with use(SteppingClock(start)):`` runs the block on that clock, then restores the previous one."""
    previous = set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(previous)
