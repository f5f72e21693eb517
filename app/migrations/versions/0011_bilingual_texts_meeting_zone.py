"""every text a person reads in Korean and English; a meeting's time zone

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 01:00:00

Meetings, agenda items, decisions, action items, commitments, amendments, positions,
signatories, attendees' titles and guests, and an agreement's place and summary had one
text field, so the English side printed Korean and the Korean side English. Each such
column ``x`` becomes ``x_ko`` (renamed in place: its data and indexes stay) beside a new
``x_en``. A value moves to the English column when it is Latin-script only; a value that
holds both (an agreement summary with a Korean and an English paragraph) is split by
paragraph: the paragraphs with Hangul stay Korean, the Latin-only ones go to English, and
nothing is lost (:func:`split_by_script`, the same rule as ``app.text.split_by_script``
of this revision).

A meeting gets its time zone (an IANA name, ``Asia/Seoul`` for every meeting already
recorded): its instants stay in UTC and are shown and printed in that zone.

The list sort indexes of the renamed text columns (0010) are replaced by one per
language, each falling back to the other language as the lists do. Search documents get
an English title, and the index is built again on first use.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# (table, column, type): each becomes column_ko (renamed) and column_en (new).
SPLIT: tuple[tuple[str, str, sa.types.TypeEngine[str]], ...] = (
    ("agreement", "place", sa.String(300)),
    ("agreement", "summary", sa.Text()),
    ("membership", "title", sa.String(200)),
    ("membership", "department", sa.String(200)),
    ("party", "signatory_name", sa.String(200)),
    ("party", "signatory_title", sa.String(200)),
    ("amendment", "title", sa.String(500)),
    ("amendment", "summary", sa.Text()),
    ("amendment", "effect", sa.Text()),
    ("commitment", "title", sa.String(500)),
    ("commitment", "description", sa.Text()),
    ("meeting", "title", sa.String(500)),
    ("meeting", "place", sa.String(300)),
    ("meeting", "summary", sa.Text()),
    ("attendee", "title", sa.String(200)),
    ("attendee", "guest_name", sa.String(200)),
    ("attendee", "guest_organization", sa.String(300)),
    ("agenda_item", "title", sa.String(500)),
    ("agenda_item", "discussion", sa.Text()),
    ("decision", "text", sa.Text()),
    ("action_item", "title", sa.String(500)),
)

_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_LATIN = re.compile("[A-Za-z]")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def split_by_script(value: str) -> tuple[str, str]:
    """(Korean, English) of a one-language text: Latin-only text is English, text with
    Hangul Korean; a text with both kinds of paragraph is split by paragraph."""
    if not value.strip():
        return value, ""
    if not _HANGUL.search(value):
        return ("", value) if _LATIN.search(value) else (value, "")
    paragraphs = [p for p in _PARAGRAPHS.split(value) if p.strip()]
    english = [p for p in paragraphs if _LATIN.search(p) and not _HANGUL.search(p)]
    if not english:
        return value, ""
    korean = [p for p in paragraphs if p not in english]
    return "\n\n".join(p.strip() for p in korean), "\n\n".join(p.strip() for p in english)


HANGUL_RANGES = (("\u1100", "\u1200"), ("\u3130", "\u3190"), ("\uac00", "\ud7b0"))

# The 0010 sort indexes on columns this revision renames, and their replacements:
# (table, column, fallback column, Hangul first).
OLD_SORTS = (("meeting", "title"), ("meeting", "place"), ("commitment", "title"), ("membership", "title"))
NEW_SORTS = (
    ("meeting", "title_ko", "title_en", True),
    ("meeting", "title_en", "title_ko", False),
    ("meeting", "place_ko", "place_en", True),
    ("meeting", "place_en", "place_ko", False),
    ("commitment", "title_ko", "title_en", True),
    ("commitment", "title_en", "title_ko", False),
    ("membership", "title_ko", "title_en", True),
    ("membership", "title_en", "title_ko", False),
)


def text_terms(dialect: str, column: str, fallback: str | None, hangul_first: bool) -> list[tuple[str, bool]]:
    """The text sort terms of ``app.services.queries.sort_terms`` of this revision, word for word."""
    value = f"coalesce({column}, '')"
    if fallback is not None:
        value = f"coalesce(nullif({value}, ''), coalesce({fallback}, ''))"
    if dialect == "postgresql":
        value = f'({value}) COLLATE "C"'
    hangul = " OR ".join(f"{value} >= '{low}' AND {value} < '{high}'" for low, high in HANGUL_RANGES)
    first, other = (0, 1) if hangul_first else (1, 0)
    group = f"CASE WHEN {value} = '' THEN 2 WHEN ({hangul}) THEN {first} ELSE {other} END"
    folded = f"lower({value})"
    if dialect == "postgresql":
        folded = f'({folded}) COLLATE "C"'
    return [(group, False), (folded, True), (value, True)]


def sort_indexes(dialect: str, sorts: tuple[tuple[str, str, str | None, bool], ...]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement), ascending and descending, as 0010 makes them."""
    out = []
    for table, column, fallback, hangul_first in sorts:
        terms = text_terms(dialect, column, fallback, hangul_first)
        for descending in (False, True):
            parts = [f"({sql}){' DESC' if follows and descending else ''}" for sql, follows in terms]
            parts.append(f"id{' DESC' if descending else ''}")
            name = f"ix_{table}_live_sort_{column}{'_desc' if descending else ''}"
            out.append(
                (name, f"CREATE INDEX {name} ON {table} ({', '.join(parts)}) WHERE deleted_at IS NULL")
            )
    return out


def _drop_indexes(names: list[str]) -> None:
    for name in names:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    _drop_indexes([f"ix_{t}_live_sort_{c}{suffix}" for t, c in OLD_SORTS for suffix in ("", "_desc")])
    for table, column, kind in SPLIT:
        op.execute(f"ALTER TABLE {table} RENAME COLUMN {column} TO {column}_ko")
        op.add_column(table, sa.Column(f"{column}_en", kind, nullable=False, server_default=""))
    op.add_column(
        "meeting", sa.Column("time_zone", sa.String(64), nullable=False, server_default="Asia/Seoul")
    )

    by_table: dict[str, list[str]] = {}
    for table, column, _kind in SPLIT:
        by_table.setdefault(table, []).append(column)
    for table, columns in by_table.items():
        ko = [f"{c}_ko" for c in columns]
        select = sa.text(f"SELECT id, {', '.join(ko)} FROM {table}").execution_options(yield_per=5000)
        rows = bind.execute(select)
        assignments = ", ".join(f"{c}_ko = :{c}_ko, {c}_en = :{c}_en" for c in columns)
        update = sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id")
        changed = []
        for row in rows:  # streamed; only the rows that change are kept
            values: dict[str, object] = {"id": row[0]}
            moved = False
            for column, value in zip(columns, row[1:], strict=True):
                korean, english = split_by_script(value or "")
                values[f"{column}_ko"], values[f"{column}_en"] = korean, english
                moved = moved or english != ""
            if moved:
                changed.append(values)
        for start in range(0, len(changed), 1000):
            bind.execute(update, changed[start : start + 1000])

    for _name, statement in sort_indexes(dialect, NEW_SORTS):
        op.execute(statement)

    # Search hits are titled in the reader's language: the index is built again on first use.
    op.add_column("search_document", sa.Column("title_en", sa.Text(), nullable=False, server_default=""))
    if bind.execute(sa.text("SELECT 1 FROM search_document LIMIT 1")).first():
        op.execute("DELETE FROM meta WHERE key = 'search_index_stale'")
        op.execute("INSERT INTO meta (key, value) VALUES ('search_index_stale', '1')")


def downgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    _drop_indexes([name for name, _statement in sort_indexes(dialect, NEW_SORTS)])
    op.execute("ALTER TABLE search_document DROP COLUMN title_en")
    op.execute("ALTER TABLE meeting DROP COLUMN time_zone")
    for table, column, _kind in reversed(SPLIT):
        # One text again: the Korean, then the English as its own paragraph.
        bind.execute(
            sa.text(
                f"UPDATE {table} SET {column}_ko = CASE WHEN {column}_ko = '' THEN {column}_en "
                f"ELSE {column}_ko || :gap || {column}_en END WHERE {column}_en <> ''"
            ),
            {"gap": "\n\n"},
        )
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}_en")
        op.execute(f"ALTER TABLE {table} RENAME COLUMN {column}_ko TO {column}")
    old = tuple((t, c, None, True) for t, c in OLD_SORTS)
    for _name, statement in sort_indexes(dialect, old):
        op.execute(statement)
