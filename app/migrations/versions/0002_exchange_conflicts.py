"""exchange: conflicts table, arrival time of exchanged audit events

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 05:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entity_kind", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("winner_value", sa.Text(), nullable=False),
        sa.Column("loser_value", sa.Text(), nullable=False),
        sa.Column("winner_event_id", sa.Uuid(), nullable=True),
        sa.Column("loser_event_id", sa.Uuid(), nullable=True),
        sa.Column("winner_device", sa.String(length=64), nullable=False),
        sa.Column("loser_device", sa.String(length=64), nullable=False),
        sa.Column("winner_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("loser_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reversed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reversed_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict")),
    )
    op.create_index(op.f("ix_conflict_entity_id"), "conflict", ["entity_id"], unique=False)
    op.create_index(op.f("ix_conflict_detected_at"), "conflict", ["detected_at"], unique=False)
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index(batch.f("ix_audit_event_received_at"), ["received_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_index(batch.f("ix_audit_event_received_at"))
        batch.drop_column("received_at")
    op.drop_index(op.f("ix_conflict_detected_at"), table_name="conflict")
    op.drop_index(op.f("ix_conflict_entity_id"), table_name="conflict")
    op.drop_table("conflict")
