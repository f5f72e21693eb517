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
    due = commitments.list_commitments(
        db, CommitmentQuery(statuses=ACTIVE, due_before=soon, sort="due_on", limit=limit * 2)
    )
    actions = meetings.list_action_items(db, open_only=True, due_before=soon, limit=limit * 2)
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
        overdue_commitments=tuple(c for c in due if c.due_on is not None and c.due_on < today)[:limit],
        due_soon_commitments=tuple(c for c in due if c.due_on is not None and c.due_on >= today)[:limit],
        overdue_actions=tuple(a for a in actions if a.due_on is not None and a.due_on < today)[:limit],
        due_soon_actions=tuple(a for a in actions if a.due_on is not None and a.due_on >= today)[:limit],
        expiring_agreements=tuple(expiring),
        upcoming_meetings=tuple(upcoming),
        recent_changes=tuple(history.recent_changes(db, limit=15)),
    )
