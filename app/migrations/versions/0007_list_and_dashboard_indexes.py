"""indexes for the contacts list's name sorts and the dashboard's deadlines

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 06:40:00

The contacts list sorts by name with Hangul names first (가나다 order), the others by
their folded name, blanks last, and an English-only person by the English name
(``app/services/contacts.py``, ``name_sort_sql``). Those keys are expressions, so the
database sorted all 500,000 contacts for every page. These partial indexes over the
live contacts hold the keys, for the Korean and the English name sort, each ascending
and descending (descending keeps the groups in place, so it is an index of its own).
The expressions are the service's, word for word: SQLite uses an index on an
expression only for the same expression. The trailing columns make the SQLite index
covering, so a page deep in the list is read from the index alone.

The dashboard's overdue and due-soon rows are the earliest active commitments and
open action items in a date range. With only single-column indexes the database
gathered and sorted every overdue row (about 200,000 of each in the benchmark data);
(status, due_on, id) and (status, due_on, created_at) give them in order, status by
status, so a page of 50 stops after 50 index entries.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# (index name, primary column, fallback column, Hangul first)
SORTS = (("name_ko", "name_ko", "name_en", True), ("name_en", "name_en", "name_ko", False))
HANGUL = (("\u1100", "\u1200"), ("\u3130", "\u3190"), ("\uac00", "\ud7b0"))


def _terms(dialect: str, primary: str, fallback: str, hangul_first: bool) -> tuple[str, str, str]:
    """The same text as ``app.services.contacts.name_sort_sql`` of this revision."""
    value = f"coalesce(nullif(coalesce({primary}, ''), ''), coalesce({fallback}, ''))"
    if dialect == "postgresql":
        value = f'({value}) COLLATE "C"'
    hangul = " OR ".join(f"{value} >= '{low}' AND {value} < '{high}'" for low, high in HANGUL)
    first, other = (0, 1) if hangul_first else (1, 0)
    group = f"CASE WHEN {value} = '' THEN 2 WHEN ({hangul}) THEN {first} ELSE {other} END"
    folded = f"lower({value})"
    if dialect == "postgresql":
        folded = f'({folded}) COLLATE "C"'
    return group, folded, value


def upgrade() -> None:
    op.create_index("ix_commitment_status_due_on", "commitment", ["status", "due_on", "id"], unique=False)
    op.create_index(
        "ix_action_item_status_due_on", "action_item", ["status", "due_on", "created_at"], unique=False
    )
    dialect = op.get_bind().dialect.name
    for name, primary, fallback, hangul_first in SORTS:
        group, folded, value = _terms(dialect, primary, fallback, hangul_first)
        for suffix, direction in (("", ""), ("_desc", " DESC")):
            op.execute(
                f"CREATE INDEX ix_contact_live_{name}_sort{suffix} ON contact"
                f" (({group}), ({folded}){direction}, ({value}){direction}, id, name_ko, name_en, deleted_at)"
                " WHERE deleted_at IS NULL"
            )


def downgrade() -> None:
    for name, *_ in SORTS:
        for suffix in ("", "_desc"):
            op.execute(f"DROP INDEX ix_contact_live_{name}_sort{suffix}")
    op.drop_index("ix_action_item_status_due_on", table_name="action_item")
    op.drop_index("ix_commitment_status_due_on", table_name="commitment")
