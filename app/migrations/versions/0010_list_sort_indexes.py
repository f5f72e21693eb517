"""indexes for sorting every list by every column

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 22:30:00

A list shows its first rows as soon as the database has them in order (then reads every
id of the query, ``ui/models/lazy.py``). Sorted by an expression (Hangul names first,
case folded, blanks last; a status in its declared order; a date with the undated last),
the database sorted the whole table first: seconds for 100,000 agreements, 400,000
commitments or 500,000 contacts. These partial indexes over the live rows hold the sort
terms of each sortable column with the id last, in both directions where the terms do
not all reverse together (a group stays in place when descending), so that the first
rows come from an index walk on SQLite and PostgreSQL alike. The terms are the
service's (``app.services.queries.sort_terms`` of this revision), word for word: an
index on an expression serves only the same expression, and a bound parameter is not
a literal. The contacts' name sorts have theirs since 0007.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

HANGUL = (("\u1100", "\u1200"), ("\u3130", "\u3190"), ("\uac00", "\ud7b0"))
AGREEMENT_STATUS = ("draft", "negotiating", "signed", "in_force", "expired", "terminated")
AGREEMENT_KIND = ("mou", "agreement", "treaty", "contract")
ORG_KIND = (
    "ministry",
    "public_agency",
    "company",
    "association",
    "research_institute",
    "university",
    "foreign_body",
    "other",
)
COMMITMENT_STATUS = ("planned", "in_progress", "done", "dropped")

# (table, column, kind, fallback column, Hangul first, enumeration values)
SORTS: tuple[tuple[str, str, str, str | None, bool, Sequence[str]], ...] = (
    ("agreement", "title_ko", "text", "title_en", True, ()),
    ("agreement", "title_en", "text", "title_ko", False, ()),
    ("agreement", "reference_no", "text", None, True, ()),
    ("agreement", "status", "enum", None, True, AGREEMENT_STATUS),
    ("agreement", "agreement_kind", "enum", None, True, AGREEMENT_KIND),
    ("agreement", "signed_on", "date", None, True, ()),
    ("agreement", "expires_on", "date", None, True, ()),
    ("agreement", "updated_at", "plain", None, True, ()),
    ("organization", "name_ko", "text", "name_en", True, ()),
    ("organization", "name_en", "text", "name_ko", False, ()),
    ("organization", "short_name", "text", None, True, ()),
    ("organization", "org_kind", "enum", None, True, ORG_KIND),
    ("organization", "country", "text", None, True, ()),
    ("organization", "updated_at", "plain", None, True, ()),
    ("contact", "email", "text", None, True, ()),
    ("membership", "title", "text", None, True, ()),  # the contacts list by current title
    ("contact", "updated_at", "plain", None, True, ()),
    ("meeting", "starts_at", "date", None, True, ()),
    ("meeting", "title", "text", None, True, ()),
    ("meeting", "place", "text", None, True, ()),
    ("meeting", "updated_at", "plain", None, True, ()),
    ("commitment", "due_on", "date", None, True, ()),
    ("commitment", "title", "text", None, True, ()),
    ("commitment", "status", "enum", None, True, COMMITMENT_STATUS),
    ("commitment", "updated_at", "plain", None, True, ()),
)


def terms(
    dialect: str, column: str, kind: str, fallback: str | None, hangul_first: bool, values: Sequence[str]
) -> list[tuple[str, bool]]:
    """The same text as ``app.services.queries.sort_terms`` of this revision."""
    if kind == "enum":
        whens = " ".join(f"WHEN '{v}' THEN {rank}" for rank, v in enumerate(values))
        return [(f"CASE {column} {whens} ELSE {len(values)} END", True)]
    if kind == "date":
        return [(f"({column} IS NULL)", False), (column, True)]
    if kind == "plain":
        return [(column, True)]
    value = f"coalesce({column}, '')"
    if fallback is not None:
        value = f"coalesce(nullif({value}, ''), coalesce({fallback}, ''))"
    if dialect == "postgresql":
        value = f'({value}) COLLATE "C"'
    hangul = " OR ".join(f"{value} >= '{low}' AND {value} < '{high}'" for low, high in HANGUL)
    first, other = (0, 1) if hangul_first else (1, 0)
    group = f"CASE WHEN {value} = '' THEN 2 WHEN ({hangul}) THEN {first} ELSE {other} END"
    folded = f"lower({value})"
    if dialect == "postgresql":
        folded = f'({folded}) COLLATE "C"'
    return [(group, False), (folded, True), (value, True)]


def indexes(dialect: str) -> list[tuple[str, str, str]]:
    """(name, table, CREATE INDEX statement) of every sort index."""
    out = []
    for table, column, kind, fallback, hangul_first, values in SORTS:
        sort = terms(dialect, column, kind, fallback, hangul_first, values)
        # A descending sort reads the ascending index backwards when every term reverses.
        directions = [False] if all(follows for _sql, follows in sort) else [False, True]
        for descending in directions:
            parts = [
                f"{sql if sql.isidentifier() else f'({sql})'}{' DESC' if follows and descending else ''}"
                for sql, follows in [*sort, ("id", True)]
            ]
            name = f"ix_{table}_live_sort_{column}{'_desc' if descending else ''}"
            out.append(
                (
                    name,
                    table,
                    f"CREATE INDEX {name} ON {table} ({', '.join(parts)}) WHERE deleted_at IS NULL",
                )
            )
    return out


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for _name, _table, statement in indexes(dialect):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, _table, _statement in indexes(dialect):
        op.execute(f"DROP INDEX {name}")
