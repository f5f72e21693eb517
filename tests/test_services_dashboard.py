"""The demo data and the dashboard built on it, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest
from factories import scratch_database

from app import clock
from app.db import Database
from app.demo import REFERENCE_NO, load_demo
from app.dto import AgreementQuery, ContactQuery
from app.enums import ActionStatus, AgreementStatus, PartyRole
from app.services import agreements, contacts, dashboard, meetings, organizations
from app.text import has_hangul
from app.zones import in_zone

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)

PARTIES_KO = [
    "산업통상자원부",
    "삼성전자",
    "SK하이닉스",
    "LG화학",
    "하나마이크론",
    "프로텍",
    "사피온코리아",
    "심텍",
    "차세대지능형반도체사업단",
    "한국반도체산업협회",
    "한국산업기술평가관리원",
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The demo loaded once per database for this module's tests, which only read it."""
    with scratch_database(request.param, tmp_path_factory.mktemp("demo")) as database:
        assert load_demo(database) is True
        yield database


def _reference(db: Database) -> agreements.AgreementSummary:
    (ref,) = [a for a in agreements.list_agreements(db) if a.reference_no == REFERENCE_NO]
    return ref


def test_demo_has_the_reference_agreement_with_its_eleven_parties(demo: Database) -> None:
    ref = _reference(demo)
    detail = agreements.agreement_detail(demo, ref.id)
    r = detail.record
    assert (r.title_ko, r.signed_on, r.status) == (
        "반도체 첨단 패키징 기술개발 협력 협약",
        date(2023, 8, 29),
        AgreementStatus.IN_FORCE,
    )
    assert (r.place_ko, r.place_en) == ("엘타워, 서울", "Eltower, Seoul")
    assert r.summary_ko and r.summary_en and not has_hangul(r.summary_en)
    assert [p.organization_name_ko for p in detail.parties] == PARTIES_KO
    assert detail.parties[0].role == PartyRole.LEAD
    assert all(p.signed_on == date(2023, 8, 29) and p.signatory_name_ko for p in detail.parties)
    assert all(p.signatory_name_en and not has_hangul(p.signatory_name_en) for p in detail.parties)
    assert all(p.signatory_title_ko and p.signatory_title_en for p in detail.parties)
    titles = " ".join(c.title_ko for c in detail.commitments)
    for words in ("R&D", "미국·EU", "OSAT", "생태계"):
        assert words in titles
    titles_en = " ".join(c.title_en for c in detail.commitments)
    for words in ("R&D", "US and EU", "OSAT", "Ecosystem"):
        assert words in titles_en
    assert not has_hangul(titles_en)
    assert len(detail.meetings) >= 4
    assert agreements.count_agreements(demo) >= 6
    statuses = {a.status for a in agreements.list_agreements(demo)}
    assert statuses == set(AgreementStatus)


def test_demo_people_are_fictional(demo: Database) -> None:
    people = contacts.list_contacts(demo, ContactQuery())
    assert len(people) >= 11
    assert all(p.email.endswith("@example.com") for p in people)


def test_demo_loads_once(demo: Database) -> None:
    before = (agreements.count_agreements(demo), organizations.count_organizations(demo))
    assert load_demo(demo) is False
    assert (agreements.count_agreements(demo), organizations.count_organizations(demo)) == before


def test_demo_carries_the_open_action_item_into_the_upcoming_meeting(demo: Database) -> None:
    items = meetings.list_action_items(demo)
    carried = [i for i in items if i.carried_from_id is not None]
    assert len(carried) == 1
    origin = next(i for i in items if i.id == carried[0].carried_from_id)
    assert origin.status == ActionStatus.CARRIED_OVER
    assert carried[0].status == ActionStatus.OPEN
    assert carried[0].meeting_starts_at is not None and origin.meeting_starts_at is not None
    assert carried[0].meeting_starts_at > origin.meeting_starts_at


def test_dashboard_on_the_demo_data(demo: Database) -> None:
    today = clock.today()
    board = dashboard.dashboard(demo, today)
    assert [(c.title_ko, c.title_en) for c in board.overdue_commitments] == [
        (
            "미국·EU 반도체 연구기관 및 글로벌 OSAT 기업과 협력체계 구축",
            "Collaboration system with US and EU semiconductor research centres and global OSATs",
        )
    ]
    assert all(c.overdue for c in board.overdue_commitments)
    assert [c.title_ko for c in board.due_soon_commitments] == ["첨단 패키징 신규 R&D 사업 추진 (정부 투자)"]
    assert [a.title_ko for a in board.overdue_actions] == ["해외 연구기관 협력 후보 목록 작성"]
    assert board.overdue_actions[0].carried_from_id is not None
    assert [a.title_ko for a in board.due_soon_actions] == [
        "OSAT 전문기업 지원 방안 정리",
        "협력 양해각서 문안 검토",
    ]
    assert board.due_soon_actions[1].title("en") == "Review the text of the cooperation MOU"
    assert [a.reference_no for a in board.expiring_agreements] == ["DEMO-2024-US-03"]
    assert [(m.title_ko, m.title_en) for m in board.upcoming_meetings] == [
        ("첨단 패키징 협약 실무협의회 (4차)", "Advanced packaging agreement: working council (4th)")
    ]
    assert board.upcoming_meetings[0].open_action_count == 1
    upcoming = board.upcoming_meetings[0]
    assert upcoming.starts_at is not None and upcoming.time_zone == "Asia/Seoul"
    assert in_zone(upcoming.starts_at, upcoming.time_zone).time() == time(14, 0)  # on any computer
    kinds = {c.kind for c in board.recent_changes}
    assert len(board.recent_changes) == 15 and kinds <= {
        "agreement",
        "organization",
        "contact",
        "meeting",
        "commitment",
    }
    assert len({c.id for c in board.recent_changes}) == 15


def test_dashboard_moves_with_the_date(demo: Database) -> None:
    later = clock.today() + timedelta(days=40)
    board = dashboard.dashboard(demo, later)
    overdue = {c.title_ko for c in board.overdue_commitments}
    assert "첨단 패키징 신규 R&D 사업 추진 (정부 투자)" in overdue
    expired_soon = agreements.list_agreements(demo, AgreementQuery(statuses=(AgreementStatus.EXPIRED,)))
    assert [a.reference_no for a in expired_soon] == ["DEMO-2019-HR-04"]


def test_expiring_agreements_are_found_behind_many_long_expired_ones(any_db: Database) -> None:
    from factories import agreement

    today = clock.today()
    for i in range(12):
        agreement(
            any_db, f"오래전 만료 {i:02d}", status=AgreementStatus.IN_FORCE, expires_on=date(2024, 1, 1 + i)
        )
    soon = agreement(
        any_db, "곧 만료", status=AgreementStatus.IN_FORCE, expires_on=today + timedelta(days=10)
    )
    agreement(any_db, "나중 만료", status=AgreementStatus.IN_FORCE, expires_on=today + timedelta(days=200))
    board = dashboard.dashboard(any_db, today, limit=2)
    assert [a.id for a in board.expiring_agreements] == [soon.id]
    found = agreements.list_agreements(
        any_db, AgreementQuery(expires_from=today, expires_to=today + timedelta(days=90))
    )
    assert [a.id for a in found] == [soon.id]


def test_due_soon_items_are_found_behind_many_overdue_ones(any_db: Database) -> None:
    from factories import agreement, commitment, meeting

    from app.dto import ActionItemInput

    today = clock.today()
    a = agreement(any_db)
    m = meeting(any_db)
    for i in range(6):
        commitment(any_db, a.id, f"지난 과제 {i}", due_on=today - timedelta(days=100 + i))
        meetings.add_action_item(
            any_db, m.id, ActionItemInput(title_ko=f"지난 조치 {i}", due_on=today - timedelta(days=50 + i))
        )
    commitment(any_db, a.id, "곧 할 과제", due_on=today + timedelta(days=3))
    commitment(any_db, a.id, "오늘 할 과제", due_on=today)
    meetings.add_action_item(
        any_db, m.id, ActionItemInput(title_ko="곧 할 조치", due_on=today + timedelta(days=5))
    )
    board = dashboard.dashboard(any_db, today, limit=2)
    assert [c.title_ko for c in board.overdue_commitments] == ["지난 과제 5", "지난 과제 4"]
    assert [c.title_ko for c in board.due_soon_commitments] == ["오늘 할 과제", "곧 할 과제"]
    assert [x.title_ko for x in board.overdue_actions] == ["지난 조치 5", "지난 조치 4"]
    assert [x.title_ko for x in board.due_soon_actions] == ["곧 할 조치"]


@pytest.mark.parametrize("days", [-400, 0, 40, 400])
def test_dashboard_deadlines_are_the_lists_first_rows(demo: Database, days: int) -> None:
    """The dashboard reads its deadlines status by status; they are what the lists show first."""
    from app.dto import CommitmentQuery
    from app.services import commitments

    today = clock.today() + timedelta(days=days)
    soon, yesterday = today + timedelta(days=30), today - timedelta(days=1)
    active = dashboard.ACTIVE
    for limit in (1, 2, 50):
        board = dashboard.dashboard(demo, today, limit=limit)
        overdue = commitments.list_commitments(
            demo, CommitmentQuery(statuses=active, due_before=yesterday, sort="due_on", limit=limit)
        )
        due = commitments.list_commitments(
            demo,
            CommitmentQuery(statuses=active, due_from=today, due_before=soon, sort="due_on", limit=limit),
        )
        assert list(board.overdue_commitments) == overdue
        assert list(board.due_soon_commitments) == due
        late = meetings.list_action_items(demo, open_only=True, due_before=yesterday, limit=limit)
        near = meetings.list_action_items(demo, open_only=True, due_from=today, due_before=soon, limit=limit)
        assert list(board.overdue_actions) == late
        assert list(board.due_soon_actions) == near


def test_recent_changes_are_labelled_in_both_languages(demo: Database) -> None:
    from app.services import history

    ref = _reference(demo)
    recent = {c.id: c for c in history.recent_changes(demo, limit=100)}
    change = recent[ref.id]
    assert change.label("ko") == change.label_ko == ref.title_ko
    assert change.label("en") == change.label_en == ref.title_en != ref.title_ko
