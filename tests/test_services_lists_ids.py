"""The lists' ordered ids and rows by id, on SQLite and PostgreSQL, with writes between the reads.

A list is the ordered ids of its query (``*_ids``, packed 16 bytes each) and rows read by
id for what is shown (``*_by_id``). Whatever is written between the two reads, a row
read by id is that record or nothing (deleted): never the record that moved into its
place. A write is told, by record kind, to whoever watches the database
(``app.services.changes``), once it is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from factories import agreement, commitment, meeting, member, org, party, person

from app.db import Database
from app.dto import AgreementQuery, CommitmentQuery, ContactQuery, MeetingQuery, OrganizationQuery
from app.enums import AgreementStatus, CommitmentStatus, RecordKind
from app.services import agreements, changes, commitments, contacts, meetings, organizations
from app.services.queries import unpack_ids


def _portfolio(db: Database) -> None:
    samsung = org(db, "삼성전자", "Samsung Electronics")
    ksia = org(db, "한국반도체산업협회", "KSIA")
    org(db, "", "Example Global OSAT")
    people = [
        person(db, "한지윤", "Jiyoon Han", email="jiyoon.han@example.com"),
        person(db, "강도현", "Dohyun Kang", email="dohyun.kang@example.com"),
        person(db, "", "Alex Morgan", email="alex.morgan@example.com"),
    ]
    member(db, people[0].id, ksia.id, "본부장")
    member(db, people[1].id, samsung.id, "이사")
    start = datetime(2024, 3, 12, 1, tzinfo=UTC)
    for i, title in enumerate(["나 협약", "가 협약", "다 협약"]):
        a = agreement(db, title, AgreementStatus.SIGNED, signed_on=date(2023, 1, 1) + timedelta(days=40 * i))
        p = party(db, a.id, samsung.id)
        commitment(db, a.id, f"과제 {title}", due_on=date(2026, 1, 1) - timedelta(days=i), party_id=p.id)
        commitment(db, a.id, f"둘째 과제 {title}", status=CommitmentStatus.DONE)
        meeting(db, f"회의 {title}", starts_at=start + timedelta(days=i), place_ko=["세종", "서울", ""][i])
    # In English only: sorted by the Korean columns, they fall back to their English texts.
    meeting(
        db, "", title_en="Working-level meeting", place_en="Brussels", starts_at=start - timedelta(days=9)
    )
    commitment(db, a.id, "", title_en="Joint testbed", due_on=date(2025, 6, 30))


# (ids, rows by id, the page reader the lists used before, a query per sortable column)
Lister = tuple[
    Callable[[Database, Any], bytes],
    Callable[[Database, Sequence[UUID]], list[Any]],
    Callable[[Database, Any], list[Any]],
    list[Any],
]


def _listers() -> dict[str, Lister]:
    def both(make: Callable[..., Any], sorts: Sequence[str]) -> list[Any]:
        return [make(sort=s, descending=d) for s in sorts for d in (False, True)]

    return {
        "agreement": (
            agreements.agreement_ids,
            agreements.agreements_by_id,
            agreements.list_agreements,
            both(AgreementQuery, sorted(agreements.SORTABLE)),
        ),
        "organization": (
            organizations.organization_ids,
            organizations.organizations_by_id,
            organizations.list_organizations,
            both(OrganizationQuery, sorted(organizations.SORTABLE)),
        ),
        "contact": (
            contacts.contact_ids,
            contacts.contacts_by_id,
            contacts.list_contacts,
            both(ContactQuery, sorted(contacts.SORTABLE)),
        ),
        "meeting": (
            meetings.meeting_ids,
            meetings.meetings_by_id,
            meetings.list_meetings,
            both(MeetingQuery, sorted(meetings.SORTABLE)),
        ),
        "commitment": (
            commitments.commitment_ids,
            commitments.commitments_by_id,
            commitments.list_commitments,
            both(CommitmentQuery, sorted(commitments.SORTABLE)),
        ),
    }


def test_ids_come_in_the_lists_order_for_every_sort_and_rows_by_id_match(any_db: Database) -> None:
    _portfolio(any_db)
    for kind, (ids_fn, rows_fn, list_fn, queries) in _listers().items():
        for query in queries:
            listed = list_fn(any_db, query)
            ids = unpack_ids(ids_fn(any_db, query))
            assert ids == [r.id for r in listed], (kind, query.sort, query.descending)
            by_id = {r.id: r for r in rows_fn(any_db, list(reversed(ids)))}
            assert [by_id[i] for i in ids] == listed, kind


def test_rows_read_by_id_after_writes_are_the_same_records_or_gone(any_db: Database) -> None:
    _portfolio(any_db)
    query = AgreementQuery(sort="title_ko", descending=False)
    ids = unpack_ids(agreements.agreement_ids(any_db, query))
    first, second = ids[0], ids[1]
    # Between reading the ids and the rows: the first is deleted, one is added in front of all.
    agreements.delete_agreement(any_db, first)
    added = agreement(any_db, "가")
    rows = {r.id: r for r in agreements.agreements_by_id(any_db, ids)}
    assert first not in rows  # gone: shown as such, never replaced by the record now first
    assert rows[second].title_ko == "나 협약"
    assert added.id not in rows
    # The next read of the ids has the new order.
    assert unpack_ids(agreements.agreement_ids(any_db, query))[0] == added.id
    # Filters apply to the ids as to the list.
    signed = unpack_ids(agreements.agreement_ids(any_db, AgreementQuery(statuses=(AgreementStatus.SIGNED,))))
    assert added.id not in signed and second in signed


def test_rows_by_id_reads_many_ids_in_chunks(any_db: Database) -> None:
    for i in range(1203):
        org(any_db, f"기관 {i:04d}", f"Body {i:04d}")
    ids = unpack_ids(organizations.organization_ids(any_db, OrganizationQuery()))
    assert len(ids) == 1203
    assert {o.id for o in organizations.organizations_by_id(any_db, ids)} == set(ids)


def test_a_committed_write_tells_its_kinds_a_rolled_back_one_nothing(any_db: Database) -> None:
    told: list[frozenset[RecordKind]] = []
    changes.watch(any_db, told.append)
    samsung = org(any_db, "삼성전자")
    assert told == [frozenset({RecordKind.ORGANIZATION})]
    someone = person(any_db, "한지윤")
    member(any_db, someone.id, samsung.id)  # a membership counts for its contact
    assert told[-2:] == [frozenset({RecordKind.CONTACT})] * 2
    a = agreement(any_db)
    party(any_db, a.id, samsung.id)
    assert told[-1] == frozenset({RecordKind.AGREEMENT})
    agreements.delete_agreement(any_db, a.id)  # its children too
    assert RecordKind.AGREEMENT in told[-1]
    count = len(told)
    agreements.list_agreements(any_db)  # a read tells nothing
    try:
        with any_db.session() as s:
            from app.models import Organization

            s.add(Organization(name_ko="롤백", name_en=""))
            s.flush()
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert len(told) == count


def test_the_first_ids_of_a_sort_are_the_start_of_all_of_them(any_db: Database) -> None:
    """A list shows the first rows of a new sort at once: they must be the start of the whole list."""
    _portfolio(any_db)
    samsung = organizations.list_organizations(any_db, OrganizationQuery(text="삼성"))[0]
    for name in ("이서연", "박준호", "최유진"):  # three more at one organization: ties within it
        member(any_db, person(any_db, name).id, samsung.id, "선임")
    left = person(any_db, "정민수")
    member(any_db, left.id, samsung.id, "전 과장", started_on=date(2020, 1, 1), ended_on=date(2021, 1, 1))
    for kind, (ids_fn, _rows_fn, _list_fn, queries) in _listers().items():
        for query in queries:
            every = ids_fn(any_db, query)
            for n in (1, 2, 3, 5):
                first = ids_fn(any_db, replace(query, limit=n))
                assert first == every[: 16 * n], (kind, query.sort, query.descending, n)
    by_org = contacts.contacts_by_id(
        any_db, unpack_ids(contacts.contact_ids(any_db, ContactQuery(sort="organization_name_ko")))
    )
    order = {c.id: c for c in by_org}
    names = [
        order[i].organization_name_ko
        for i in unpack_ids(contacts.contact_ids(any_db, ContactQuery(sort="organization_name_ko")))
    ]
    assert (
        names == ["삼성전자"] * 4 + ["한국반도체산업협회"] + [""] * 2
    )  # 정민수 left: no current organization
