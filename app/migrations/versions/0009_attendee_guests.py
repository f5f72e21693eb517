"""meeting guests: an attendee without a contact (name, organization and title as text)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 22:30:00

A guest at a meeting is recorded without creating a contact: ``attendee.contact_id`` may be
empty, and the guest's name and organization are kept as text (``guest_name``,
``guest_organization``; the title stays in ``title``). Every attendee already recorded is a
contact and keeps it; the new columns are empty for them (server default ''), so nothing is
lost.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


# The table is rebuilt on SQLite; its foreign keys' tables need not be read for that (reading
# ``contact`` printed SQLAlchemy's warnings about its expression indexes to every user).
_REFLECT = {"resolve_fks": False}


def upgrade() -> None:
    with op.batch_alter_table("attendee", reflect_kwargs=_REFLECT) as batch:
        batch.alter_column("contact_id", existing_type=sa.Uuid(), nullable=True)
        batch.add_column(sa.Column("guest_name", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("guest_organization", sa.String(300), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("attendee", reflect_kwargs=_REFLECT) as batch:
        batch.drop_column("guest_organization")
        batch.drop_column("guest_name")
        batch.alter_column("contact_id", existing_type=sa.Uuid(), nullable=False)
