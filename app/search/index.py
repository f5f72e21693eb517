"""Keeping the search index current: in the writing transaction, and rebuilt on demand.

:func:`install` hooks every session (from ``app.services.opening``): after each flush, the
documents of the records touched by it are rebuilt on the same connection, so the
index commits or rolls back together with the records. Soft-deleted records leave
the index. Bulk writers that bypass the ORM call :func:`refresh` or
:func:`write_documents` themselves.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

from sqlalchemy import Connection, Table, delete, event, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.models import (
    ActionItem,
    AgendaItem,
    Agreement,
    Amendment,
    Attachment,
    Commitment,
    Contact,
    Decision,
    Meeting,
    Membership,
    Meta,
    Organization,
    SearchDocument,
)
from app.search.documents import KINDS, ROOT_MODEL, Doc, build, chunks
from app.search.terms import fold, gram_text

if TYPE_CHECKING:
    from app.db import Database

STALE_KEY = "search_index_stale"
FTS_TABLE = "search_fts"
SKIP = "skip_search_index"

Keys = dict[str, set[UUID]]
DOCS = cast(Table, SearchDocument.__table__)
META = cast(Table, Meta.__table__)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)


def _after_flush(session: Session, _context: object) -> None:
    if session.info.get(SKIP):
        return
    keys = affected(session)
    if keys:
        refresh(session.connection(), keys)


def _parent(obj: Any, attr: str) -> list[UUID]:
    """The current and (when changed) the previous value of a foreign key."""
    hist = inspect(obj).attrs[attr].history
    values = [getattr(obj, attr), *hist.deleted]
    return [v for v in values if v is not None]


def affected(session: Session) -> Keys:
    keys: Keys = defaultdict(set)
    touched = [*session.new, *session.deleted]
    touched += [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    for obj in touched:
        if isinstance(obj, Agreement | Organization | Contact | Meeting | Commitment | Attachment):
            keys[type(obj).kind].add(obj.id)
            if isinstance(obj, Organization) and obj not in session.new:
                state = inspect(obj)
                if state.attrs.name_ko.history.deleted or state.attrs.name_en.history.deleted:
                    keys["contact"].update(
                        session.connection().scalars(
                            select(Membership.contact_id).where(Membership.organization_id == obj.id)
                        )
                    )
        elif isinstance(obj, Amendment):
            keys["agreement"].update(_parent(obj, "agreement_id"))
        elif isinstance(obj, Membership):
            keys["contact"].update(_parent(obj, "contact_id"))
        elif isinstance(obj, AgendaItem | Decision | ActionItem):
            keys["meeting"].update(_parent(obj, "meeting_id"))
    return keys


def refresh(conn: Connection, keys: Keys) -> None:
    """Rebuild the documents of these records (removing those that are gone or deleted)."""
    for kind, ids in keys.items():
        for part in chunks(sorted(ids)):
            remove(conn, part)
            write_documents(conn, build(conn, kind, part))


def remove(conn: Connection, record_ids: Sequence[UUID]) -> None:
    table = DOCS
    if conn.dialect.name == "sqlite":
        old = conn.execute(
            select(table.c.doc_no, table.c.kind, table.c.folded_heading, table.c.folded_body).where(
                table.c.record_id.in_(record_ids)
            )
        ).all()
        if not old:
            return
        # A contentless FTS5 table forgets a row when given the exact values it indexed.
        conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, kind, heading, body) VALUES ('delete', ?, ?, ?, ?)",
            [(r[0], r[1], gram_text(r[2], heading=True), gram_text(r[3])) for r in old],
        )
        conn.execute(delete(table).where(table.c.doc_no.in_([r[0] for r in old])))
        return
    conn.execute(delete(table).where(table.c.record_id.in_(record_ids)))


_DOC_COLUMNS = (
    "doc_no", "record_id", "kind", "parent_kind", "parent_id", "title", "title_en", "heading", "body",
    "folded_heading", "folded_body",
)  # fmt: skip


def _uuid_converter(dialect: Any) -> Any:
    if dialect.name == "sqlite":
        return lambda u: u.hex  # how SQLAlchemy's Uuid is stored on SQLite
    return lambda u: u


def write_documents(conn: Connection, docs: Iterable[Doc]) -> int:
    """Insert the documents (their records have none yet): plain driver ``executemany``, fast enough
    for an import of 100,000 contacts."""
    dialect = conn.dialect
    conv = _uuid_converter(dialect)
    sqlite = dialect.name == "sqlite"
    # On SQLite the writing transaction holds the database's write lock, so max + 1 is ours.
    next_no = (
        int(conn.scalar(text("SELECT coalesce(max(doc_no), 0) FROM search_document")) or 0) + 1
        if sqlite
        else 0
    )
    rows: list[tuple[Any, ...]] = []
    grams: list[tuple[Any, ...]] = []
    for d in docs:
        heading, body = fold(d.heading), fold(d.body)
        parent = conv(d.parent_id) if d.parent_id is not None else None
        row = (
            next_no,
            conv(d.record_id),
            d.kind,
            d.parent_kind,
            parent,
            d.title,
            d.title_en,
            d.heading,
            d.body,
            heading,
            body,
        )
        rows.append(row if sqlite else row[1:])
        if sqlite:
            grams.append((next_no, d.kind, gram_text(heading, heading=True), gram_text(body)))
            next_no += 1
    if not rows:
        return 0
    columns = _DOC_COLUMNS if sqlite else _DOC_COLUMNS[1:]
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        f"INSERT INTO search_document ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})",
        rows,
    )
    if sqlite:
        conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, kind, heading, body) VALUES (?, ?, ?, ?)", grams
        )
    return len(rows)


def rebuild_all(conn: Connection) -> int:
    """Drop every document and index every live record again; returns the count."""
    conn.execute(delete(DOCS))
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")
    count = 0
    for kind in KINDS:
        model = ROOT_MODEL[kind]
        ids = list(conn.scalars(select(model.id).where(model.deleted_at.is_(None)).order_by(model.id)))
        for part in chunks(ids):
            count += write_documents(conn, build(conn, kind, part))
    conn.execute(delete(META).where(META.c.key == STALE_KEY))
    return count


TRGM_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_search_document_folded_trgm ON search_document "
    "USING gin ((folded_heading || ' ' || folded_body) gin_trgm_ops)"
)


def rebuild(db: Database) -> str:
    with db.engine.begin() as conn:
        count = rebuild_all(conn)
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        elif conn.scalar(text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")):
            # Added later by an administrator when the migration could not create the extension.
            conn.exec_driver_sql(TRGM_INDEX)
    return f"search index rebuilt ({count} records)"


# Databases whose index is known to be current: the flag is set only by a migration, which runs
# when a database is opened, so each open database is looked at once (not on every keystroke).
_CURRENT: weakref.WeakSet[Database] = weakref.WeakSet()


def ensure_current(db: Database) -> None:
    """Build the index once after a migration that asked for it (flag set there: 0003, 0006)."""
    if db in _CURRENT:
        return
    with db.engine.connect() as conn:
        stale = conn.scalar(text("SELECT value FROM meta WHERE key = :k"), {"k": STALE_KEY})
    if stale:
        rebuild(db)
    _CURRENT.add(db)
