"""The child collections written one way, and briefings read as one snapshot."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from factories import agreement, meeting, org, party, person
from sqlalchemy.orm import Session

from app.db import Database
from app.dto import AgendaItemInput, AttendeeInput, DecisionInput
from app.errors import ValidationError
from app.services import agreements, briefings, meetings


def test_positions_follow_the_live_rows_and_reorder_numbers_them(any_db: Database) -> None:
    a = agreement(any_db)
    first, second, third = (party(any_db, a.id, org(any_db, f"기관{i}").id) for i in range(3))
    agreements.remove_party(any_db, third.id)
    fourth = party(any_db, a.id, org(any_db, "기관4").id)
    assert fourth.position == 2  # after the highest live position
    ordered = agreements.reorder_parties(any_db, a.id, [fourth.id, first.id, second.id])
    assert [(p.id, p.position) for p in ordered] == [(fourth.id, 0), (first.id, 1), (second.id, 2)]
    with pytest.raises(ValidationError, match="The list of parties changed"):
        agreements.reorder_parties(any_db, a.id, [first.id, second.id])

    m = meeting(any_db)
    items = [meetings.add_agenda_item(any_db, m.id, AgendaItemInput(title_ko=t)) for t in ("가", "나")]
    assert [i.position for i in items] == [0, 1]
    assert [d.position for d in (meetings.add_decision(any_db, m.id, DecisionInput(text_ko="결정")),)] == [0]


def test_a_briefing_reads_in_one_session(any_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    a = agreement(any_db)
    o = org(any_db)
    party(any_db, a.id, o.id)
    m = meeting(any_db, starts_at=datetime(2024, 3, 12, 1, tzinfo=UTC), agreement_ids=(a.id,))
    meetings.add_attendee(any_db, m.id, AttendeeInput(contact_id=person(any_db).id))
    opened: list[Session] = []
    session = any_db.session

    @contextlib.contextmanager
    def counted() -> Iterator[Session]:
        with session() as s:
            opened.append(s)
            yield s

    monkeypatch.setattr(any_db, "session", counted)
    data = briefings.agreement_briefing(any_db, a.id)
    assert len(opened) == 1
    assert [r.record.id for r in data.recent_meetings] == [m.id]
    briefings.meeting_briefing(any_db, m.id)
    assert len(opened) == 2
    counterpart = briefings.counterpart_briefing(any_db, o.id)
    assert len(opened) == 3
    assert [p.agreement_id for p in counterpart.parties] == [a.id]
    briefings.portfolio(any_db)
    assert len(opened) == 4
