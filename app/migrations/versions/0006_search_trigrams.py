"""search index: three-letter grams for ASCII words

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 06:30:00

The SQLite FTS5 index now holds three-character grams where a word runs in ASCII
letters and digits (two-character grams elsewhere, so two-syllable Korean terms
are still found), and the grams of names and titles carry a mark of their own, so
that a search for title matches reads only those (``app/search/terms.py``). The
table is unchanged but its grams are not, so on SQLite the old entries are dropped
here and the index is built again on first use (the flag in ``meta``, as in 0003),
by the code of that day. PostgreSQL (pg_trgm on the folded text) is unchanged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # A contentless table can only forget a row given the grams it indexed: start empty.
    op.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    if bind.execute(sa.text("SELECT 1 FROM search_document LIMIT 1")).first():
        op.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index_stale', '1')")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    if bind.execute(sa.text("SELECT 1 FROM search_document LIMIT 1")).first():
        op.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index_stale', '1')")
