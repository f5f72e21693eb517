"""What needs attention now: deadlines, expiries, meetings, recent changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.db import Database
from app.dto import AgreementQuery, CommitmentQuery, Dashboard, MeetingQuery
from app.enums import AgreementStatus, CommitmentStatus
from app.services import agreements, commitments, history, meetings

ACTIVE = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)


def dashboard(db: Database, today: date | None = None, *, limit: int = 50) -> Dashboard:
    today = today or date.today()
    soon = today + timedelta(days=30)
    yesterday = today - timedelta(days=1)
    # Overdue and due-soon are asked for separately, so that many overdue rows never hide the next ones.
    overdue = commitments.list_commitments(
        db, CommitmentQuery(statuses=ACTIVE, due_before=yesterday, sort="due_on", limit=limit)
    )
    due_soon = commitments.list_commitments(
        db, CommitmentQuery(statuses=ACTIVE, due_from=today, due_before=soon, sort="due_on", limit=limit)
    )
    late_actions = meetings.list_action_items(db, open_only=True, due_before=yesterday, limit=limit)
    next_actions = meetings.list_action_items(
        db, open_only=True, due_from=today, due_before=soon, limit=limit
    )
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
    now = datetime.now(UTC)
    upcoming = meetings.list_meetings(
        db, MeetingQuery(starts_from=now, starts_to=now + timedelta(days=60), descending=False, limit=limit)
    )
    return Dashboard(
        overdue_commitments=tuple(overdue),
        due_soon_commitments=tuple(due_soon),
        overdue_actions=tuple(late_actions),
        due_soon_actions=tuple(next_actions),
        expiring_agreements=tuple(expiring),
        upcoming_meetings=tuple(upcoming),
        recent_changes=tuple(history.recent_changes(db, limit=15)),
    )
