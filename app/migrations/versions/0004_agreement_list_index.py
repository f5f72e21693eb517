"""agreement list index: live agreements by signing date

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 05:20:00

The agreements list opens sorted by signing date and pages through the live rows
(``deleted_at IS NULL``). A partial index on (signed_on, id) over the live rows
lets the database read a page, even one far down the list, from the index alone
instead of sorting the whole table (benchmarks: list_open, memory).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_agreement_live_signed_on",
        "agreement",
        ["signed_on", "id"],
        unique=False,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )


def downgrade() -> None:
    op.drop_index("ix_agreement_live_signed_on", table_name="agreement")
