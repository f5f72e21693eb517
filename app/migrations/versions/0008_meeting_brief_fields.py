"""the meeting's pre-meeting brief: purpose, key issues, our position / talking points

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 22:20:00

A pre-meeting brief (회의자료) states why the meeting is held (배경·목적), what is at
stake (주요 쟁점) and what we will say (우리측 입장 / 말씀자료), each in Korean and in
English. Six text columns on ``meeting``, empty for the meetings already recorded
(server default ''), so an old row reads as "nothing recorded" and loses nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = ("purpose_ko", "purpose_en", "issues_ko", "issues_en", "talking_points_ko", "talking_points_en")


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
