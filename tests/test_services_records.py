"""Create, update, get, list, count, delete and restore for every record kind (both databases)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from factories import agreement, commitment, meeting, member, org, party, person

from app import clock
from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AgreementInput,
    AmendmentInput,
    AttendeeInput,
    CommitmentInput,
    CommitmentQuery,
    ContactInput,
    ContactQuery,
    DecisionInput,
    MeetingInput,
    MembershipInput,
    OrganizationInput,
    OrganizationQuery,
    PartyInput,
)
from app.enums import ActionStatus, AgreementKind, CommitmentStatus, OrgKind, PartyRole
from app.errors import NotFoundError, ValidationError
from app.services import agreements, commitments, contacts, meetings, organizations


def test_organization_lifecycle(any_db: Database) -> None:
    created = org(any_db, "삼성전자", "Samsung Electronics", org_kind=OrgKind.COMPANY, country="kr")
    assert created.version == 1
    assert created.country == "KR"
    assert created.created_at.tzinfo is not None
    got = organizations.get_organization(any_db, created.id)
    assert got == created

    updated = organizations.update_organization(
        any_db,
        created.id,
        OrganizationInput(
            name_ko="삼성전자", name_en="Samsung Electronics Co., Ltd.", org_kind=OrgKind.COMPANY
        ),
        expected_version=1,
    )
    assert updated.version == 2
    assert updated.name_en == "Samsung Electronics Co., Ltd."
    assert updated.updated_at >= created.updated_at

    assert [o.id for o in organizations.list_organizations(any_db)] == [created.id]
    assert organizations.count_organizations(any_db) == 1

    organizations.delete_organization(any_db, created.id)
    assert organizations.list_organizations(any_db) == []
    assert organizations.count_organizations(any_db) == 0
    with pytest.raises(NotFoundError):
        organizations.get_organization(any_db, created.id)

    restored = organizations.restore_organization(any_db, created.id)
    assert restored.name_en == "Samsung Electronics Co., Ltd."
    assert organizations.count_organizations(any_db) == 1


def test_update_without_change_keeps_version(any_db: Database) -> None:
    created = org(any_db, "심텍", "Symtec")
    again = organizations.update_organization(
        any_db, created.id, OrganizationInput(name_ko="심텍", name_en="Symtec", org_kind=OrgKind.MINISTRY)
    )
    assert again.version == 1


def test_organization_in_an_agreement_cannot_be_deleted(any_db: Database) -> None:
    o = org(any_db)
    a = agreement(any_db)
    party(any_db, a.id, o.id)
    with pytest.raises(ValidationError) as err:
        organizations.delete_organization(any_db, o.id)
    assert err.value.field == "id"
    assert "party" in str(err.value)


def test_contact_lifecycle(any_db: Database) -> None:
    c = person(any_db, "정수빈", "Subin Jung", email="subin.jung@example.com", phone="02-0000-0000")
    assert contacts.get_contact(any_db, c.id).email == "subin.jung@example.com"
    u = contacts.update_contact(
        any_db,
        c.id,
        ContactInput(name_ko="정수빈", name_en="Subin Jung", email="sj@example.com"),
        expected_version=1,
    )
    assert (u.version, u.email, u.phone) == (2, "sj@example.com", "")
    assert contacts.count_contacts(any_db) == 1
    assert contacts.find_contact_by_email(any_db, " SJ@example.com ") == u
    contacts.delete_contact(any_db, c.id)
    assert contacts.list_contacts(any_db) == []
    assert contacts.find_contact_by_email(any_db, "sj@example.com") is None
    contacts.restore_contact(any_db, c.id)
    assert [s.id for s in contacts.list_contacts(any_db)] == [c.id]


def test_unknown_ids_raise_not_found(any_db: Database) -> None:
    missing = uuid.uuid4()
    for call in (
        lambda: organizations.get_organization(any_db, missing),
        lambda: contacts.get_contact(any_db, missing),
        lambda: agreements.get_agreement(any_db, missing),
        lambda: commitments.get_commitment(any_db, missing),
        lambda: meetings.get_meeting(any_db, missing),
        lambda: agreements.delete_agreement(any_db, missing),
        lambda: organizations.restore_organization(any_db, missing),
    ):
        with pytest.raises(NotFoundError) as err:
            call()
        assert str(missing) in str(err.value)


def test_restore_of_a_live_record_is_refused(any_db: Database) -> None:
    o = org(any_db)
    with pytest.raises(ValidationError, match="not deleted"):
        organizations.restore_organization(any_db, o.id)


def test_agreement_crud_with_parties_and_amendments(any_db: Database) -> None:
    motie = org(any_db, "산업통상자원부", "Ministry of Trade, Industry and Energy")
    samsung = org(any_db, "삼성전자", "Samsung Electronics", org_kind=OrgKind.COMPANY)
    signer = person(any_db, "한지윤", "Jiyoon Han")
    a = agreements.create_agreement(
        any_db,
        AgreementInput(
            title_ko="반도체 첨단 패키징 기술개발 협력 협약",
            agreement_kind=AgreementKind.AGREEMENT,
            tags=(" 반도체 ", "R&D", "반도체", ""),
        ),
    )
    assert a.tags == ("반도체", "R&D")
    p1 = party(
        any_db, a.id, motie.id, role=PartyRole.LEAD, signatory_contact_id=signer.id, signatory_title_ko="과장"
    )
    p2 = party(any_db, a.id, samsung.id, signatory_name_ko="박서준", signed_on=date(2023, 8, 29))
    assert (p1.position, p2.position) == (0, 1)
    assert (p1.signatory_name_ko, p1.signatory_name_en, p1.signatory_title_ko) == (
        "한지윤",
        "Jiyoon Han",
        "과장",
    )
    assert p1.signatory_name("en") == "Jiyoon Han"
    assert (p2.signatory_name_ko, p2.signatory_name_en) == ("박서준", "")
    with pytest.raises(ValidationError) as dup:
        party(any_db, a.id, samsung.id)
    assert dup.value.field == "organization_id"

    reordered = agreements.reorder_parties(any_db, a.id, [p2.id, p1.id])
    assert [p.organization_name_ko for p in reordered] == ["삼성전자", "산업통상자원부"]
    assert [p.version for p in reordered] == [2, 2]

    changed = agreements.update_party(
        any_db, p2.id, PartyInput(organization_id=samsung.id, role=PartyRole.WITNESS), expected_version=2
    )
    assert changed.role == PartyRole.WITNESS

    amendment = agreements.add_amendment(
        any_db,
        AmendmentInput(
            agreement_id=a.id, amended_on=date(2024, 1, 2), title_ko="1차 변경", effect_ko="기간 연장"
        ),
    )
    assert agreements.update_amendment(
        any_db, amendment.id, AmendmentInput(agreement_id=a.id, title_ko="1차 변경 협약")
    ).title_ko == ("1차 변경 협약")
    with pytest.raises(ValidationError):
        agreements.add_amendment(any_db, AmendmentInput(agreement_id=a.id))

    detail = agreements.agreement_detail(any_db, a.id)
    assert len(detail.parties) == 2
    assert [am.title_ko for am in detail.amendments] == ["1차 변경 협약"]
    assert agreements.list_agreements(any_db)[0].party_count == 2

    agreements.remove_amendment(any_db, amendment.id)
    agreements.remove_party(any_db, p1.id)
    assert agreements.agreement_detail(any_db, a.id).amendments == ()
    assert agreements.list_agreements(any_db)[0].party_count == 1


def test_removing_a_party_keeps_its_commitments_without_owner(any_db: Database) -> None:
    o = org(any_db)
    a = agreement(any_db)
    p = party(any_db, a.id, o.id)
    c = commitment(any_db, a.id, party_id=p.id)
    assert c.organization_name_ko == "산업통상자원부"
    agreements.remove_party(any_db, p.id)
    after = commitments.get_commitment(any_db, c.id)
    assert after.party_id is None and after.organization_name_ko == ""


def test_commitment_crud(any_db: Database) -> None:
    o = org(any_db)
    a = agreement(any_db)
    p = party(any_db, a.id, o.id)
    c = commitment(any_db, a.id, party_id=p.id, due_on=date(2026, 12, 31))
    assert c.agreement_title_ko == "반도체 협력 협약"
    u = commitments.update_commitment(
        any_db,
        c.id,
        CommitmentInput(
            agreement_id=a.id, title_ko="R&D 과제 추진", status=CommitmentStatus.DONE, party_id=p.id
        ),
        expected_version=1,
    )
    assert u.status == CommitmentStatus.DONE and u.due_on is None and u.version == 2
    assert commitments.count_commitments(any_db) == 1
    assert [x.id for x in commitments.list_commitments_for_organization(any_db, o.id)] == [c.id]
    commitments.delete_commitment(any_db, c.id)
    assert commitments.count_commitments(any_db) == 0
    assert commitments.restore_commitment(any_db, c.id).title_ko == "R&D 과제 추진"


def test_commitment_party_must_belong_to_the_agreement(any_db: Database) -> None:
    o = org(any_db)
    a, b = agreement(any_db, "협약 A"), agreement(any_db, "협약 B")
    p = party(any_db, a.id, o.id)
    with pytest.raises(ValidationError) as err:
        commitment(any_db, b.id, party_id=p.id)
    assert err.value.field == "party_id"


def test_meeting_crud_and_minutes(any_db: Database) -> None:
    a = agreement(any_db)
    start = datetime(2025, 6, 24, 6, 0, tzinfo=UTC)
    m = meeting(any_db, starts_at=start, ends_at=start + timedelta(hours=2), agreement_ids=(a.id,))
    assert m.agreement_ids == (a.id,)
    assert meetings.get_meeting(any_db, m.id).starts_at == start

    agenda = meetings.add_agenda_item(
        any_db, m.id, AgendaItemInput(title_ko="이행 점검", discussion_ko="논의\n둘째 줄")
    )
    second = meetings.add_agenda_item(any_db, m.id, AgendaItemInput(title_ko="차기 계획"))
    assert (agenda.position, second.position) == (0, 1)
    assert (
        meetings.update_agenda_item(any_db, agenda.id, AgendaItemInput(title_ko="이행 과제 점검")).version
        == 2
    )
    d = meetings.add_decision(any_db, m.id, DecisionInput(text_ko="분기 1회 개최한다."))
    assert (
        meetings.update_decision(
            any_db, d.id, DecisionInput(text_ko="분기 1회 개최한다 (간사: 협회).")
        ).version
        == 2
    )

    u = meetings.update_meeting(
        any_db, m.id, MeetingInput(title_ko="실무협의회 (1차)", agreement_ids=()), expected_version=1
    )
    assert u.agreement_ids == () and u.title_ko == "실무협의회 (1차)"
    u = meetings.update_meeting(
        any_db, m.id, MeetingInput(title_ko="실무협의회 (1차)", agreement_ids=(a.id,))
    )
    assert u.agreement_ids == (a.id,)

    meetings.remove_agenda_item(any_db, second.id)
    meetings.remove_decision(any_db, d.id)
    detail = meetings.meeting_detail(any_db, m.id)
    assert [x.title_ko for x in detail.agenda] == ["이행 과제 점검"]
    assert detail.decisions == ()
    assert [r.id for r in detail.agreements] == [a.id]
    assert meetings.count_meetings(any_db) == 1
    meetings.delete_meeting(any_db, m.id)
    assert meetings.count_meetings(any_db) == 0
    assert meetings.restore_meeting(any_db, m.id).agreement_ids == (a.id,)


def test_meeting_times_need_a_time_zone(db: Database) -> None:
    """Input validation, before any database work: checked on SQLite only."""
    with pytest.raises(ValidationError) as err:
        meeting(db, starts_at=datetime(2025, 1, 1, 10, 0))
    assert err.value.field == "starts_at"


def test_memberships_history_keeps_former_position(any_db: Database) -> None:
    ksia = org(any_db, "한국반도체산업협회")
    keit = org(any_db, "한국산업기술평가관리원")
    c = person(any_db, "조은비")
    old = member(any_db, c.id, ksia.id, "선임", date(2017, 1, 2))
    # The person moves: the old position ends, a new one starts.
    contacts.end_membership(any_db, old.id, date(2021, 2, 28))
    member(any_db, c.id, keit.id, "책임", date(2021, 3, 2))
    history = contacts.memberships_of_contact(any_db, c.id)
    assert [(m.organization_name_ko, m.title_ko, m.current) for m in history] == [
        ("한국산업기술평가관리원", "책임", True),
        ("한국반도체산업협회", "선임", False),
    ]
    assert contacts.current_membership(any_db, c.id).organization_id == keit.id  # type: ignore[union-attr]
    summary = contacts.list_contacts(any_db)[0]
    assert (summary.organization_name_ko, summary.title_ko) == ("한국산업기술평가관리원", "책임")
    # Both organizations still know the person; the former one lists them as former.
    assert [m.current for m in contacts.memberships_of_organization(any_db, ksia.id)] == [False]
    assert contacts.contact_detail(any_db, c.id).memberships == tuple(history)
    # Filter by organization includes former members.
    assert len(contacts.list_contacts(any_db, ContactQuery(organization_id=ksia.id))) == 1


def test_membership_validation(any_db: Database) -> None:
    o = org(any_db)
    c = person(any_db)
    with pytest.raises(ValidationError) as err:
        contacts.add_membership(
            any_db,
            MembershipInput(
                contact_id=c.id, organization_id=o.id, started_on=date(2024, 1, 1), ended_on=date(2023, 1, 1)
            ),
        )
    assert err.value.field == "ended_on"
    m = member(any_db, c.id, o.id, started_on=date(2024, 1, 1))
    with pytest.raises(ValidationError):
        contacts.end_membership(any_db, m.id, date(2023, 12, 31))
    u = contacts.update_membership(
        any_db,
        m.id,
        MembershipInput(contact_id=c.id, organization_id=o.id, title_ko="국장"),
        expected_version=1,
    )
    assert u.title_ko == "국장" and u.started_on is None
    contacts.remove_membership(any_db, m.id)
    assert contacts.memberships_of_contact(any_db, c.id) == []


def test_attendee_defaults_to_current_organization_and_title(any_db: Database) -> None:
    ksia = org(any_db, "한국반도체산업협회")
    keit = org(any_db, "한국산업기술평가관리원")
    c = person(any_db, "조은비")
    member(any_db, c.id, ksia.id, "선임", date(2017, 1, 2), date(2021, 2, 28))
    member(any_db, c.id, keit.id, "책임", date(2021, 3, 2))
    m = meeting(any_db)
    a = meetings.add_attendee(any_db, m.id, AttendeeInput(contact_id=c.id))
    assert (a.organization_id, a.organization_name_ko, a.title_ko) == (
        keit.id,
        "한국산업기술평가관리원",
        "책임",
    )
    with pytest.raises(ValidationError) as dup:
        meetings.add_attendee(any_db, m.id, AttendeeInput(contact_id=c.id))
    assert dup.value.field == "contact_id"
    # An explicit organization and title are kept as given.
    m2 = meeting(any_db, "2차 회의")
    b = meetings.add_attendee(
        any_db, m2.id, AttendeeInput(contact_id=c.id, organization_id=ksia.id, title_ko="선임")
    )
    assert (b.organization_name_ko, b.title_ko) == ("한국반도체산업협회", "선임")
    # A person without a position attends with no organization.
    nobody = person(any_db, "신예린")
    n = meetings.add_attendee(any_db, m.id, AttendeeInput(contact_id=nobody.id))
    assert (n.organization_id, n.title_ko, n.title_en) == (None, "", "")
    assert meetings.list_meetings(any_db)[0].attendee_count in (1, 2)
    assert {x.title_ko for x in meetings.list_meetings(any_db) if x.attendee_count == 2} == {"실무협의회"}
    meetings.remove_attendee(any_db, n.id)
    assert [x.contact_id for x in meetings.list_attendees(any_db, m.id)] == [c.id]
    # The attendee keeps the organization they had, even after the person moves on.
    assert [x.id for x in meetings.meetings_of_organization(any_db, ksia.id)] == [m2.id]


def test_action_items_and_carry_over(any_db: Database) -> None:
    a = agreement(any_db)
    c = commitment(any_db, a.id)
    owner = person(any_db, "오세훈")
    first = meeting(any_db, "1차", starts_at=datetime(2024, 3, 12, 1, tzinfo=UTC), agreement_ids=(a.id,))
    second = meeting(any_db, "2차", starts_at=datetime(2024, 6, 12, 1, tzinfo=UTC), agreement_ids=(a.id,))
    item = meetings.add_action_item(
        any_db,
        first.id,
        ActionItemInput(
            title_ko="후보 목록 작성", owner_contact_id=owner.id, due_on=date(2024, 5, 1), commitment_id=c.id
        ),
    )
    assert (item.owner_name_ko, item.commitment_title_ko, item.meeting_title_ko) == (
        "오세훈",
        "R&D 과제 추진",
        "1차",
    )
    assert meetings.list_meetings(any_db, None)[-1].open_action_count == 1

    carried = meetings.carry_over(any_db, item.id, second.id)
    assert carried.carried_from_id == item.id
    assert (carried.meeting_id, carried.status, carried.title_ko) == (
        second.id,
        ActionStatus.OPEN,
        "후보 목록 작성",
    )
    assert (carried.owner_contact_id, carried.commitment_id, carried.due_on) == (
        owner.id,
        c.id,
        date(2024, 5, 1),
    )
    old = next(x for x in meetings.list_action_items(any_db, meeting_id=first.id))
    assert old.status == ActionStatus.CARRIED_OVER
    # Only open items carry over, and never into the same meeting.
    with pytest.raises(ValidationError):
        meetings.carry_over(any_db, item.id, second.id)
    with pytest.raises(ValidationError):
        meetings.carry_over(any_db, carried.id, second.id)
    assert [x.id for x in meetings.list_action_items(any_db, open_only=True)] == [carried.id]
    assert [x.id for x in meetings.list_action_items(any_db, contact_id=owner.id, open_only=True)] == [
        carried.id
    ]
    assert len(meetings.list_action_items(any_db, commitment_id=c.id)) == 2
    assert len(meetings.list_action_items(any_db, agreement_id=a.id)) == 2

    done = meetings.update_action_item(
        any_db,
        carried.id,
        ActionItemInput(title_ko="후보 목록 작성", status=ActionStatus.DONE),
        expected_version=1,
    )
    assert done.status == ActionStatus.DONE and done.owner_contact_id is None
    meetings.remove_action_item(any_db, done.id)
    assert meetings.list_action_items(any_db, meeting_id=second.id) == []


def test_lists_hide_records_of_deleted_parents(any_db: Database) -> None:
    a = agreement(any_db)
    commitment(any_db, a.id)
    agreements.delete_agreement(any_db, a.id)
    assert commitments.list_commitments(any_db) == []
    assert commitments.count_commitments(any_db, CommitmentQuery()) == 0


def test_organization_query_by_kind(any_db: Database) -> None:
    org(any_db, "산업통상자원부", org_kind=OrgKind.MINISTRY)
    org(any_db, "삼성전자", org_kind=OrgKind.COMPANY)
    found = organizations.list_organizations(any_db, OrganizationQuery(org_kind=OrgKind.COMPANY))
    assert [o.name_ko for o in found] == ["삼성전자"]


def test_attendee_defaults_to_the_position_held_on_the_meeting_day(any_db: Database) -> None:
    ksia = org(any_db, "한국반도체산업협회")
    keit = org(any_db, "한국산업기술평가관리원")
    c = person(any_db, "조은비")
    member(any_db, c.id, ksia.id, "선임", date(2017, 1, 2), date(2021, 2, 28))
    member(any_db, c.id, keit.id, "책임", date(2021, 3, 2))
    past = meeting(any_db, "2019년 회의", starts_at=datetime(2019, 5, 7, 5, tzinfo=UTC))
    then = meetings.add_attendee(any_db, past.id, AttendeeInput(contact_id=c.id))
    assert (then.organization_name_ko, then.title_ko) == ("한국반도체산업협회", "선임")
    # An organization given without a title takes the title held there, not the current one.
    later = meeting(any_db, "2025년 회의", starts_at=datetime(2025, 5, 7, 5, tzinfo=UTC))
    there = meetings.add_attendee(any_db, later.id, AttendeeInput(contact_id=c.id, organization_id=ksia.id))
    assert (there.organization_name_ko, there.title_ko) == ("한국반도체산업협회", "선임")
    # Before any known position: the current one.
    early = meeting(any_db, "2010년 회의", starts_at=datetime(2010, 1, 1, 5, tzinfo=UTC))
    now = meetings.add_attendee(any_db, early.id, AttendeeInput(contact_id=c.id))
    assert (now.organization_name_ko, now.title_ko) == ("한국산업기술평가관리원", "책임")


def test_a_party_cannot_be_changed_into_a_duplicate(any_db: Database) -> None:
    a = agreement(any_db)
    o1, o2 = org(any_db, "삼성전자"), org(any_db, "SK하이닉스")
    party(any_db, a.id, o1.id)
    p2 = party(any_db, a.id, o2.id)
    with pytest.raises(ValidationError) as err:
        agreements.update_party(any_db, p2.id, PartyInput(organization_id=o1.id))
    assert err.value.field == "organization_id"
    same = agreements.update_party(
        any_db, p2.id, PartyInput(organization_id=o2.id, signatory_name_ko="최유나")
    )
    assert same.signatory_name_ko == "최유나"


def test_a_meeting_links_each_agreement_once(any_db: Database) -> None:
    a = agreement(any_db)
    m = meeting(any_db, agreement_ids=(a.id, a.id))
    assert m.agreement_ids == (a.id,)
    assert meetings.update_meeting(
        any_db, m.id, MeetingInput(title_ko="회의", agreement_ids=(a.id, a.id))
    ).agreement_ids == (a.id,)


def test_find_contact_by_email_is_exact(any_db: Database) -> None:
    person(any_db, "한지윤", email="a_b@example.com")
    assert contacts.find_contact_by_email(any_db, "axb@example.com") is None
    assert contacts.find_contact_by_email(any_db, "%@example.com") is None
    found = contacts.find_contact_by_email(any_db, "A_B@EXAMPLE.COM")
    assert found is not None and found.name_ko == "한지윤"


def test_tag_filter_ignores_case_on_both_databases(any_db: Database) -> None:
    from app.dto import AgreementQuery

    agreement(any_db, tags=("R&D", "반도체"))
    assert agreements.count_agreements(any_db, AgreementQuery(tag="r&d")) == 1
    assert agreements.count_agreements(any_db, AgreementQuery(tag="R&")) == 0


def test_history_puts_values_back_only_where_the_rules_allow(any_db: Database) -> None:
    from app.enums import AgreementStatus
    from app.services import history

    a = agreement(any_db, status=AgreementStatus.SIGNED)
    agreements.change_status(any_db, a.id, AgreementStatus.IN_FORCE)
    event = history.history(any_db, "agreement", a.id)[-1]
    with pytest.raises(ValidationError) as err:  # in force cannot go back to signed
        history.restore_value(any_db, "agreement", a.id, event.id, "status")
    assert err.value.field == "status"
    o = org(any_db, "심텍", "Symtec")
    organizations.update_organization(any_db, o.id, OrganizationInput(name_ko="", name_en="Symtec"))
    blanked = history.history(any_db, "organization", o.id)[-1]
    organizations.update_organization(any_db, o.id, OrganizationInput(name_ko="심텍", name_en="Symtec"))
    renamed = history.history(any_db, "organization", o.id)[-1]
    organizations.update_organization(any_db, o.id, OrganizationInput(name_ko="심텍", name_en=""))
    with pytest.raises(ValidationError):  # both names blank is refused, as in the form
        history.restore_value(any_db, "organization", o.id, renamed.id, "name_ko")
    assert organizations.get_organization(any_db, o.id).name_ko == "심텍"
    del blanked
    organizations.delete_organization(any_db, o.id)
    deleted = history.history(any_db, "organization", o.id)[-1]
    with pytest.raises(NotFoundError):
        history.restore_value(any_db, "organization", o.id, renamed.id, "name_ko")
    organizations.restore_organization(any_db, o.id)
    with pytest.raises(ValidationError):
        history.restore_value(any_db, "organization", o.id, deleted.id, "deleted_at")


def test_a_position_starting_later_is_not_yet_current(any_db: Database) -> None:
    now_at, next_at = org(any_db, "삼성전자"), org(any_db, "SK하이닉스")
    c = person(any_db, "박서준")
    member(any_db, c.id, now_at.id, "상무", date(2021, 3, 2))
    member(any_db, c.id, next_at.id, "부사장", clock.today() + timedelta(days=30))
    assert [m.organization_name_ko for m in contacts.memberships_of_contact(any_db, c.id)] == [
        "삼성전자",
        "SK하이닉스",
    ]
    assert contacts.current_membership(any_db, c.id).organization_name_ko == "삼성전자"  # type: ignore[union-attr]
    assert contacts.list_contacts(any_db)[0].organization_name_ko == "삼성전자"
    m = meeting(any_db)
    assert meetings.add_attendee(any_db, m.id, AttendeeInput(contact_id=c.id)).title_ko == "상무"
