"""Lists sort, filter and page in SQL, with the same results on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pg_server
import pytest
from factories import agreement, commitment, meeting, member, org, party, person, scratch_database

from app.db import Database
from app.dto import (
    AgreementQuery,
    CommitmentQuery,
    ContactQuery,
    MeetingQuery,
    OrganizationQuery,
)
from app.enums import AgreementKind, AgreementStatus, CommitmentStatus, OrgKind
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import open_database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def orgs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Organizations for the read-only tests below, once per kind of database."""
    with scratch_database(request.param, tmp_path_factory.mktemp("orgs")) as any_db:
        _add_orgs(any_db)
        yield any_db


def _add_orgs(any_db: Database) -> None:
    # Inserted out of order on purpose; "LG화학" starts with Latin letters, one body has only an English name.
    org(
        any_db, "한국반도체산업협회", "Korea Semiconductor Industry Association", org_kind=OrgKind.ASSOCIATION
    )
    org(any_db, "LG화학", "LG Chem", org_kind=OrgKind.COMPANY)
    org(any_db, "", "Example Global OSAT", org_kind=OrgKind.FOREIGN_BODY, country="SG")
    org(any_db, "가온칩스", "Gaonchips", org_kind=OrgKind.COMPANY)
    org(any_db, "산업통상자원부", "Ministry of Trade, Industry and Energy", org_kind=OrgKind.MINISTRY)
    org(any_db, "", "apple research", org_kind=OrgKind.FOREIGN_BODY, country="US")
    org(any_db, "나노종합기술원", "", org_kind=OrgKind.RESEARCH_INSTITUTE)


def names(db: Database, **kw: object) -> list[str]:
    return [o.name_ko or o.name_en for o in organizations.list_organizations(db, OrganizationQuery(**kw))]  # type: ignore[arg-type]


def test_korean_names_sort_in_ganada_order_and_english_only_names_after(orgs: Database) -> None:
    assert names(orgs) == [
        "가온칩스",
        "나노종합기술원",
        "산업통상자원부",
        "한국반도체산업협회",
        "apple research",
        "Example Global OSAT",
        "LG화학",
    ]
    # Descending reverses the names within each group; Hangul names stay first.
    assert names(orgs, descending=True) == [
        "한국반도체산업협회",
        "산업통상자원부",
        "나노종합기술원",
        "가온칩스",
        "LG화학",
        "Example Global OSAT",
        "apple research",
    ]


def test_english_sort_puts_latin_names_first_case_insensitively(orgs: Database) -> None:
    found = organizations.list_organizations(orgs, OrganizationQuery(sort="name_en"))
    assert [o.name_en or o.name_ko for o in found] == [
        "apple research",
        "Example Global OSAT",
        "Gaonchips",
        "Korea Semiconductor Industry Association",
        "LG Chem",
        "Ministry of Trade, Industry and Energy",
        "나노종합기술원",
    ]


def test_organization_sort_by_kind_follows_the_declared_order(orgs: Database) -> None:
    found = organizations.list_organizations(orgs, OrganizationQuery(sort="org_kind"))
    kinds = [o.org_kind for o in found]
    order = list(OrgKind)
    assert kinds == sorted(kinds, key=order.index)
    assert kinds[0] == OrgKind.MINISTRY


def test_organization_paging_and_text_filter(orgs: Database) -> None:
    everything = names(orgs)
    pages = [names(orgs, offset=i, limit=3) for i in range(0, 9, 3)]
    assert [n for page in pages for n in page] == everything
    assert pages[2] == everything[6:]
    assert names(orgs, text="반도체") == ["한국반도체산업협회"]
    assert names(orgs, text="osat") == ["Example Global OSAT"]
    assert names(orgs, text="%") == []  # LIKE wildcards are literal
    assert organizations.count_organizations(orgs, OrganizationQuery(text="산업")) == 2


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def portfolio(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, object]]:
    """Four agreements for the read-only tests below, once per kind of database."""
    with scratch_database(request.param, tmp_path_factory.mktemp("portfolio")) as any_db:
        yield _add_portfolio(any_db)


def _add_portfolio(any_db: Database) -> dict[str, object]:
    motie = org(any_db, "산업통상자원부")
    keit = org(any_db, "한국산업기술평가관리원")
    rows = [
        (
            "다 협약",
            "C agreement",
            "REF-3",
            AgreementStatus.IN_FORCE,
            date(2023, 8, 29),
            date(2027, 1, 1),
            AgreementKind.MOU,
        ),
        ("가 협약", "A agreement", "REF-1", AgreementStatus.DRAFT, None, None, AgreementKind.AGREEMENT),
        (
            "나 협약",
            "B agreement",
            "REF-2",
            AgreementStatus.SIGNED,
            date(2024, 4, 16),
            date(2026, 1, 1),
            AgreementKind.CONTRACT,
        ),
        ("", "D only English", "", AgreementStatus.NEGOTIATING, None, None, AgreementKind.TREATY),
    ]
    made = {}
    for ko, en, ref, status, signed, expires, kind in rows:
        rec = agreement(
            any_db,
            ko,
            status=status,
            signed_on=signed,
            title_en=en,
            reference_no=ref,
            expires_on=expires,
            agreement_kind=kind,
            tags=("반도체", "R&D") if ko in ("가 협약", "다 협약") else ("예시",),
        )
        made[en] = rec
    party(any_db, made["C agreement"].id, motie.id)  # type: ignore[attr-defined]
    party(any_db, made["C agreement"].id, keit.id)  # type: ignore[attr-defined]
    party(any_db, made["B agreement"].id, keit.id)  # type: ignore[attr-defined]
    return {"db": any_db, "motie": motie, "keit": keit}


def titles(db: Database, **kw: object) -> list[str]:
    return [a.title_en for a in agreements.list_agreements(db, AgreementQuery(**kw))]  # type: ignore[arg-type]


SORT_CASES = [
    ("title_ko", False, ["A agreement", "B agreement", "C agreement", "D only English"]),
    ("title_ko", True, ["C agreement", "B agreement", "A agreement", "D only English"]),
    ("title_en", False, ["A agreement", "B agreement", "C agreement", "D only English"]),
    ("reference_no", False, ["A agreement", "B agreement", "C agreement", "D only English"]),
    ("status", False, ["A agreement", "D only English", "B agreement", "C agreement"]),
    ("status", True, ["C agreement", "B agreement", "D only English", "A agreement"]),
    ("agreement_kind", False, ["C agreement", "A agreement", "D only English", "B agreement"]),
    ("signed_on", True, ["B agreement", "C agreement", "A agreement", "D only English"]),
    ("signed_on", False, ["C agreement", "B agreement", "A agreement", "D only English"]),
    ("expires_on", False, ["B agreement", "C agreement", "A agreement", "D only English"]),
    ("expires_on", True, ["C agreement", "B agreement", "A agreement", "D only English"]),
]


def test_agreements_sort_by_each_column(portfolio: dict[str, object]) -> None:
    db = portfolio["db"]
    assert isinstance(db, Database)
    for sort, descending, expected in SORT_CASES:
        got = titles(db, sort=sort, descending=descending)
        if sort in ("signed_on", "expires_on"):
            # Agreements without the date come last in both directions; among them, any order.
            assert got[:2] == expected[:2] and set(got[2:]) == set(expected[2:]), (sort, descending)
        else:
            assert got == expected, (sort, descending)


def test_agreements_sort_by_updated_at(portfolio: dict[str, object]) -> None:
    db = portfolio["db"]
    assert isinstance(db, Database)
    got = agreements.list_agreements(db, AgreementQuery(sort="updated_at", descending=False))
    assert [a.updated_at for a in got] == sorted(a.updated_at for a in got)


def test_agreement_filters(portfolio: dict[str, object]) -> None:
    db, keit, motie = portfolio["db"], portfolio["keit"], portfolio["motie"]
    assert isinstance(db, Database)
    assert titles(db, text="나 협") == ["B agreement"]
    assert titles(db, text="ref-3") == ["C agreement"]
    assert titles(db, text="english") == ["D only English"]
    assert titles(db, tag="반도체", sort="title_ko", descending=False) == ["A agreement", "C agreement"]
    assert titles(db, tag="R&D", sort="title_ko", descending=False) == ["A agreement", "C agreement"]
    assert titles(db, tag="반도") == []  # whole tags only
    assert titles(db, organization_id=keit.id, sort="title_ko", descending=False) == [
        "B agreement",
        "C agreement",
    ]  # type: ignore[attr-defined]
    assert titles(db, organization_id=motie.id) == ["C agreement"]  # type: ignore[attr-defined]
    assert titles(
        db, statuses=(AgreementStatus.DRAFT, AgreementStatus.SIGNED), sort="title_ko", descending=False
    ) == [
        "A agreement",
        "B agreement",
    ]
    assert titles(db, kinds=(AgreementKind.TREATY,)) == ["D only English"]
    assert titles(db, signed_from=date(2024, 1, 1)) == ["B agreement"]
    assert titles(db, signed_to=date(2024, 1, 1)) == ["C agreement"]
    assert agreements.count_agreements(db, AgreementQuery(tag="반도체")) == 2
    counts = {a.title_en: a.party_count for a in agreements.list_agreements(db)}
    assert counts == {"A agreement": 0, "B agreement": 1, "C agreement": 2, "D only English": 0}


def test_agreement_paging_is_stable(portfolio: dict[str, object]) -> None:
    db = portfolio["db"]
    assert isinstance(db, Database)
    whole = titles(db, sort="title_ko")
    assert titles(db, sort="title_ko", limit=2) + titles(db, sort="title_ko", offset=2, limit=2) == whole
    assert titles(db, sort="title_ko", offset=10) == []


def test_contacts_sort_filter_and_page(any_db: Database) -> None:
    samsung = org(any_db, "삼성전자", "Samsung Electronics")
    ksia = org(any_db, "한국반도체산업협회", "KSIA")
    a = person(any_db, "한지윤", "Jiyoon Han", email="jiyoon.han@example.com")
    b = person(any_db, "강도현", "Dohyun Kang", email="dohyun.kang@example.com")
    c = person(any_db, "", "Alex Morgan", email="alex.morgan@example.com")
    d = person(any_db, "박서준", "Seojun Park")
    member(any_db, a.id, ksia.id, "본부장")
    member(any_db, b.id, samsung.id, "이사")
    member(any_db, d.id, samsung.id, "상무")

    def listed(**kw: object) -> list[str]:
        return [x.name_ko or x.name_en for x in contacts.list_contacts(any_db, ContactQuery(**kw))]  # type: ignore[arg-type]

    assert listed() == ["강도현", "박서준", "한지윤", "Alex Morgan"]
    assert listed(sort="name_en") == ["Alex Morgan", "강도현", "한지윤", "박서준"]
    assert listed(sort="email") == ["Alex Morgan", "강도현", "한지윤", "박서준"]
    # No organization (Alex Morgan) sorts last in both directions.
    by_org = contacts.list_contacts(any_db, ContactQuery(sort="organization_name_ko"))
    assert [x.organization_name_ko for x in by_org] == ["삼성전자", "삼성전자", "한국반도체산업협회", ""]
    by_org = contacts.list_contacts(any_db, ContactQuery(sort="organization_name_ko", descending=True))
    assert [x.organization_name_ko for x in by_org] == ["한국반도체산업협회", "삼성전자", "삼성전자", ""]
    assert listed(sort="title_ko") == ["한지윤", "박서준", "강도현", "Alex Morgan"]
    assert listed(text="삼성") == ["강도현", "박서준"]
    assert listed(text="MORGAN") == ["Alex Morgan"]
    assert listed(organization_id=samsung.id) == ["강도현", "박서준"]
    assert listed(limit=2, offset=1) == ["박서준", "한지윤"]
    assert contacts.count_contacts(any_db, ContactQuery(text="example.com")) == 3
    assert c.id in {x.id for x in contacts.list_contacts(any_db)}


def test_commitments_sort_and_filter(any_db: Database) -> None:
    a = agreement(any_db, "가 협약")
    o = org(any_db)
    p = party(any_db, a.id, o.id)
    commitment(any_db, a.id, "나 과제", due_on=date(2026, 1, 1), status=CommitmentStatus.DONE)
    commitment(
        any_db, a.id, "가 과제", due_on=date(2025, 1, 1), status=CommitmentStatus.PLANNED, party_id=p.id
    )
    commitment(any_db, a.id, "다 과제", status=CommitmentStatus.IN_PROGRESS)

    def listed(**kw: object) -> list[str]:
        return [x.title_ko for x in commitments.list_commitments(any_db, CommitmentQuery(**kw))]  # type: ignore[arg-type]

    assert listed() == ["가 과제", "나 과제", "다 과제"]  # by due date, undated last
    assert listed(descending=True) == ["나 과제", "가 과제", "다 과제"]
    assert listed(sort="title_ko", descending=True) == ["다 과제", "나 과제", "가 과제"]
    assert listed(sort="status") == ["가 과제", "다 과제", "나 과제"]
    assert listed(statuses=(CommitmentStatus.DONE,)) == ["나 과제"]
    assert listed(due_before=date(2025, 6, 1)) == ["가 과제"]
    assert listed(organization_id=o.id) == ["가 과제"]
    assert listed(text="다 ") == ["다 과제"]
    assert listed(limit=1, offset=1) == ["나 과제"]


def test_meetings_sort_and_filter(any_db: Database) -> None:
    a = agreement(any_db)
    c = person(any_db)
    start = datetime(2024, 3, 12, 1, tzinfo=UTC)
    meeting(any_db, "나 회의", starts_at=start, place_ko="세종", agreement_ids=(a.id,))
    meeting(any_db, "가 회의", starts_at=start + timedelta(days=30), place_ko="서울")
    m3 = meeting(any_db, "다 회의", place_ko="")

    from app.dto import AttendeeInput

    meetings.add_attendee(any_db, m3.id, AttendeeInput(contact_id=c.id))

    def listed(**kw: object) -> list[str]:
        return [x.title_ko for x in meetings.list_meetings(any_db, MeetingQuery(**kw))]  # type: ignore[arg-type]

    assert listed() == ["가 회의", "나 회의", "다 회의"]  # newest first, undated last
    assert listed(descending=False) == ["나 회의", "가 회의", "다 회의"]
    assert listed(sort="title_ko") == ["다 회의", "나 회의", "가 회의"]  # descending is the default
    assert [
        x.place_ko for x in meetings.list_meetings(any_db, MeetingQuery(sort="place_ko", descending=False))
    ] == [
        "서울",
        "세종",
        "",
    ]
    assert listed(agreement_id=a.id) == ["나 회의"]
    assert listed(contact_id=c.id) == ["다 회의"]
    assert listed(text="회의", starts_from=start + timedelta(days=1)) == ["가 회의"]
    assert listed(starts_to=start) == ["나 회의"]
    assert meetings.count_meetings(any_db, MeetingQuery(text="회의")) == 3


def test_order_does_not_depend_on_the_postgresql_servers_locale(db: Database, pg_admin_url: str) -> None:
    """A server whose databases sort by ICU rules (en-US, ko-KR) lists in the same order as SQLite."""
    names = ["apple", "Apple", "가나", "가 나", "LG화학", "lg", "Zebra", "하나", "_x", "a-b", "ab"]
    for name in names:
        org(db, name if any("가" <= ch <= "힣" for ch in name) else "", name)
    expected = [o.name_en for o in organizations.list_organizations(db)]
    for locale in ("en-US", "ko-KR"):
        icu = f"ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE '{locale}' LOCALE 'C.UTF-8'"
        with pg_server.new_database(options=icu) as url, open_database(url, paths=db.paths) as pg:
            for n in names:
                org(pg, n if any("가" <= ch <= "힣" for ch in n) else "", n)
            for descending in (False, True):
                for sort in ("name_ko", "name_en"):
                    query = OrganizationQuery(sort=sort, descending=descending)
                    assert [o.name_en for o in organizations.list_organizations(pg, query)] == [
                        o.name_en for o in organizations.list_organizations(db, query)
                    ], (locale, sort, descending)
            assert [o.name_en for o in organizations.list_organizations(pg)] == expected
