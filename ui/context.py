"""What every window and dialog needs: the open database, paths, the runner, the language.

``db`` is an opaque handle passed to ``app.services`` functions; the UI never opens
a session or touches an ORM object. It is None while the main window shows
"Loading…"; views and dialogs exist only once it is open, and reach it as
:attr:`UiContext.database`.

A write anywhere reaches the lists through one signal, :attr:`UiContext.records_changed`
(the record kinds written): every transaction the program commits on the database is
reported by ``app.services.changes`` (watched from the first use of
:attr:`UiContext.database`, again after a restore opens a new one), and what changes a
database without a transaction (a restore) calls :meth:`UiContext.notify_changed`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.enums import RecordKind
from app.services.installation import AppPaths, Language
from ui.runner import Runner

if TYPE_CHECKING:  # named for the types only: app.db loads SQLAlchemy, which start-up does without
    from app.services.opening import Database


class RecordSignals(QObject):
    """The context's signal; emitted from any thread, received on the GUI thread (queued)."""

    records_changed = Signal(object)  # frozenset[RecordKind]: the kinds of record written


@dataclass
class UiContext:
    db: Database | None
    paths: AppPaths
    runner: Runner
    language: Language = "ko"  # the UI language, also the default for names and dates
    settings: dict[str, Any] = field(default_factory=dict)
    signals: RecordSignals = field(default_factory=RecordSignals)
    _watched: Database | None = field(default=None, repr=False, compare=False)

    @property
    def database(self) -> Database:
        """The open database."""
        if self.db is None:
            raise RuntimeError("the database is not open yet")
        if self._watched is not self.db:
            self._watch(self.db)
        return self.db

    def _watch(self, db: Database) -> None:
        # lazy: loads SQLAlchemy, which the first paint does without
        from app.services.changes import watch

        self._watched = db
        watch(db, self.signals.records_changed.emit)

    @property
    def records_changed(self) -> Any:
        """The signal ``records_changed(kinds)``: a frozenset of :class:`RecordKind`."""
        return self.signals.records_changed

    def notify_changed(self, kinds: Iterable[RecordKind] = ()) -> None:
        """Tell the lists that records of ``kinds`` (all kinds if none) changed."""
        self.signals.records_changed.emit(frozenset(kinds) or frozenset(RecordKind))
