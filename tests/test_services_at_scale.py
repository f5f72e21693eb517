"""Service queries rewritten for ministry-scale data (benchmarks) still return the same records."""

from __future__ import annotations

from datetime import date

import factories as f

from app.db import Database
from app.dto import AgreementQuery, CommitmentQuery
from app.enums import AgreementStatus
from app.services import agreements, commitments


def test_commitments_of_the_agreements_a_filter_selects(any_db: Database) -> None:
    old = f.agreement(any_db, "2019년 협약", AgreementStatus.SIGNED, signed_on=date(2019, 5, 1))
    new = f.agreement(any_db, "2024년 협약", AgreementStatus.SIGNED, signed_on=date(2024, 5, 1))
    f.commitment(any_db, old.id, "오래된 과제")
    f.commitment(any_db, new.id, "새 과제")
    recent = AgreementQuery(signed_from=date(2024, 1, 1), offset=5, limit=1)  # page ignored: a filter
    shown = commitments.list_commitments(any_db, CommitmentQuery(agreements=recent))
    assert [c.title_ko for c in shown] == ["새 과제"]
    assert agreements.count_agreements(any_db, AgreementQuery(signed_from=date(2024, 1, 1))) == 1


def test_pages_of_the_list_join_up_to_the_whole_list(any_db: Database) -> None:
    for n, signed in enumerate([date(2024, 1, 1), None, date(2023, 1, 1), date(2024, 1, 1), None]):
        status = AgreementStatus.SIGNED if signed else AgreementStatus.DRAFT
        f.agreement(any_db, f"협약 {n}", status, signed_on=signed)
    for descending in (True, False):
        whole = agreements.list_agreements(any_db, AgreementQuery(descending=descending))
        pages = [
            a
            for offset in range(0, 6, 2)
            for a in agreements.list_agreements(
                any_db, AgreementQuery(descending=descending, offset=offset, limit=2)
            )
        ]
        assert [a.id for a in pages] == [a.id for a in whole]
        assert [a.signed_on is None for a in whole] == [False, False, False, True, True]  # undated last


def test_meeting_details_in_one_go_equal_one_by_one(demo_db: Database) -> None:
    from app.services import meetings

    ids = [m.id for m in meetings.list_meetings(demo_db)]
    assert ids
    assert meetings.meeting_details(demo_db, ids) == [meetings.meeting_detail(demo_db, i) for i in ids]


def test_overdue_commitments_of_selected_agreements_go_through_the_agreements(db: Database) -> None:
    """With an agreement filter, SQLite must not scan every overdue commitment by status."""
    from datetime import date

    from app.dto import AgreementQuery, CommitmentQuery
    from app.enums import CommitmentStatus
    from app.services import commitments

    query = CommitmentQuery(
        statuses=(CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS),
        due_before=date(2026, 10, 31),
        agreements=AgreementQuery(signed_from=date(2026, 8, 4)),
    )
    stmt = commitments._query(query)
    sql = str(stmt.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))
    with db.engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "ix_commitment_agreement_id" in plan
    assert "ix_commitment_status_due_on" not in plan
