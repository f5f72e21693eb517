"""What a committed write changed, told to whoever watches the database (the program's lists).

:func:`watch` listens to every session of a database: the rows a transaction inserts,
updates or deletes (through the ORM or an ORM-enabled bulk statement) are gathered by
record kind, and once the transaction commits, ``on_change`` gets the kinds, from the
thread that wrote. A rolled-back transaction tells nothing. Child rows count for the
record they belong to: a membership for its contact, a party for its agreement, an
attendee for its meeting. Every way of writing goes through a session (editor saves,
deletions and their undo, import, exchange, conflict reversal, the demo), so this is
the one path by which a write anywhere reaches the lists.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from app.db import Database
from app.enums import RecordKind

# The tables whose rows a list shows or counts, by the record they belong to.
KIND_OF_TABLE: dict[str, RecordKind] = {
    "agreement": RecordKind.AGREEMENT,
    "party": RecordKind.AGREEMENT,
    "amendment": RecordKind.AGREEMENT,
    "organization": RecordKind.ORGANIZATION,
    "contact": RecordKind.CONTACT,
    "membership": RecordKind.CONTACT,
    "meeting": RecordKind.MEETING,
    "meeting_agreement": RecordKind.MEETING,
    "attendee": RecordKind.MEETING,
    "agenda_item": RecordKind.MEETING,
    "decision": RecordKind.MEETING,
    "action_item": RecordKind.MEETING,
    "commitment": RecordKind.COMMITMENT,
}
_KEY = "pd_changed_kinds"
OnChange = Callable[[frozenset[RecordKind]], object]


def _note(session: Session, table: str | None) -> None:
    kind = KIND_OF_TABLE.get(table or "")
    if kind is not None:
        session.info.setdefault(_KEY, set()).add(kind)


def _table_of(obj: object) -> str | None:
    return getattr(type(obj), "__tablename__", None)


def watch(db: Database, on_change: OnChange) -> None:
    """Call ``on_change(kinds)`` after each committed transaction of ``db`` that wrote records."""

    def after_flush(session: Session, _context: object) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            _note(session, _table_of(obj))

    def on_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            mapper = state.bind_mapper
            _note(state.session, mapper.local_table.name if mapper is not None else None)  # type: ignore[attr-defined]

    def after_commit(session: Session) -> None:
        kinds = session.info.pop(_KEY, None)
        if kinds:
            on_change(frozenset(kinds))

    def after_rollback(session: Session) -> None:
        session.info.pop(_KEY, None)

    def install(factory: sessionmaker[Session]) -> None:
        event.listen(factory, "after_flush", after_flush)
        event.listen(factory, "do_orm_execute", on_execute)
        event.listen(factory, "after_commit", after_commit)
        event.listen(factory, "after_soft_rollback", lambda s, _t: after_rollback(s))

    db.install_session_hooks(install)
