"""search index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 05:10:00

The folded text of every record (``search_document``) and, per database:
SQLite gets a contentless FTS5 table of overlapping bigrams (``app/search/terms.py``
explains why bigrams, not trigrams); PostgreSQL gets a pg_trgm GIN index on the
folded text (LIKE '%word%' uses it). A database that already holds records gets
its index on first use after the upgrade (flag in ``meta``), by code that knows
the schema of that day.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_document",
        sa.Column("doc_no", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True,
                  nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_kind", sa.String(length=40), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("folded_heading", sa.Text(), nullable=False),
        sa.Column("folded_body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("doc_no", name=op.f("pk_search_document")),
        sa.UniqueConstraint("record_id", name=op.f("uq_search_document_record_id")),
    )  # fmt: skip
    with op.batch_alter_table("search_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_document_kind"), ["kind"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(kind, heading, body, tokenize='ascii', content='')"
        )
    elif bind.dialect.name == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
        # Without it, search still works (LIKE on the folded text), only slower.
        try:
            with bind.begin_nested():
                op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError:
            pass  # not allowed here; an administrator can add it and run check --repair
        if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first():
            op.execute(
                "CREATE INDEX ix_search_document_folded_trgm ON search_document "
                "USING gin ((folded_heading || ' ' || folded_body) gin_trgm_ops)"
            )
    tables = ("agreement", "organization", "contact", "meeting", "commitment", "attachment")
    if any(bind.execute(sa.text(f"SELECT 1 FROM {t} LIMIT 1")).first() for t in tables):
        op.execute("INSERT INTO meta (key, value) VALUES ('search_index_stale', '1')")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DELETE FROM meta WHERE key = 'search_index_stale'")
    op.drop_table("search_document")
