"""action items by meeting and status

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 05:40:00

Every meetings list (and each agreement briefing) counts a meeting's open action
items. With only single-column indexes SQLite chose the status index and read every
open item of the database for each meeting; (meeting_id, status) answers the count
from a few index entries.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_action_item_meeting_status", "action_item", ["meeting_id", "status"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_action_item_meeting_status", table_name="action_item")
