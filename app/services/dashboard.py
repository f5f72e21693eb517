"""What needs attention now: deadlines, expiries, meetings, recent changes."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.dto import ActionItemView, AgreementQuery, CommitmentView, Dashboard, MeetingQuery
from app.enums import ActionStatus, AgreementStatus, CommitmentStatus
from app.models import ActionItem, Commitment
from app.services import agreements, commitments, history, meetings

ACTIVE = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)


def dashboard(db: Database, today: date | None = None, *, limit: int = 50) -> Dashboard:
    today = today or clock.today()
    soon = today + timedelta(days=30)
    yesterday = today - timedelta(days=1)
    # Overdue and due-soon are asked for separately, so that many overdue rows never hide the next ones.
    with db.session() as s:
        overdue = _commitments(s, None, yesterday, limit)
        due_soon = _commitments(s, today, soon, limit)
        late_actions = _open_actions(s, None, yesterday, limit)
        next_actions = _open_actions(s, today, soon, limit)
    expiring = agreements.list_agreements(
        db,
        AgreementQuery(
            statuses=(AgreementStatus.SIGNED, AgreementStatus.IN_FORCE),
            expires_from=today,
            expires_to=today + timedelta(days=90),
            sort="expires_on",
            descending=False,
            limit=limit,
        ),
    )
    now = clock.now()
    upcoming = meetings.list_meetings(
        db, MeetingQuery(starts_from=now, starts_to=now + timedelta(days=60), descending=False, limit=limit)
    )
    return Dashboard(
        today=today,
        overdue_commitments=tuple(overdue),
        due_soon_commitments=tuple(due_soon),
        overdue_actions=tuple(late_actions),
        due_soon_actions=tuple(next_actions),
        expiring_agreements=tuple(expiring),
        upcoming_meetings=tuple(upcoming),
        recent_changes=tuple(history.recent_changes(db, limit=15)),
    )


def _commitments(s: Session, due_from: date | None, due_to: date, limit: int) -> list[CommitmentView]:
    """Active commitments due in [due_from, due_to], earliest first: the commitments list's order.

    One query per status, each read in order from the (status, due_on, id) index
    (migration 0007) and stopped at ``limit``; the first ``limit`` of them all are kept.
    A single query with ``status IN (...)`` sorted every matching row of the database.
    """
    rows: list[CommitmentView] = []
    for status in ACTIVE:
        stmt = commitments.commitment_rows().where(Commitment.status == status, Commitment.due_on <= due_to)
        if due_from is not None:
            stmt = stmt.where(Commitment.due_on >= due_from)
        stmt = stmt.order_by(Commitment.due_on, Commitment.id).limit(limit)
        rows.extend(commitments.commitment_view(*row) for row in s.execute(stmt))
    rows.sort(key=lambda c: (c.due_on or date.max, c.id.hex))
    return rows[:limit]


def _open_actions(s: Session, due_from: date | None, due_to: date, limit: int) -> list[ActionItemView]:
    """Open action items due in [due_from, due_to], earliest first (read from the (status, due_on,
    created_at) index, migration 0007); the same as ``meetings.list_action_items(open_only=True)``."""
    stmt = meetings.action_rows().where(ActionItem.status == ActionStatus.OPEN, ActionItem.due_on <= due_to)
    if due_from is not None:
        stmt = stmt.where(ActionItem.due_on >= due_from)
    stmt = stmt.order_by(ActionItem.due_on, ActionItem.created_at).limit(limit)
    return [meetings.action_view(*row) for row in s.execute(stmt)]
