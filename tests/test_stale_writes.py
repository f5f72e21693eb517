"""Optimistic locking: a stale write raises ConflictError and never overwrites a newer one."""

from __future__ import annotations

from datetime import date

import pytest
from factories import agreement, commitment, meeting, org, person

from app.db import Database
from app.dto import (
    AgreementInput,
    CommitmentInput,
    ContactInput,
    MeetingInput,
    OrganizationInput,
)
from app.enums import AgreementStatus
from app.errors import ConflictError
from app.models import Organization
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import open_database


def test_stale_expected_version_is_refused(any_db: Database) -> None:
    rec = org(any_db, "심텍", "Symtec")
    organizations.update_organization(any_db, rec.id, OrganizationInput(name_ko="심텍", name_en="Simmtech"))
    with pytest.raises(ConflictError) as err:
        organizations.update_organization(
            any_db, rec.id, OrganizationInput(name_ko="심텍", name_en="SIMMTECH"), expected_version=1
        )
    assert (err.value.expected, err.value.actual) == (1, 2)
    assert "organization was changed elsewhere" in str(err.value)
    assert "(version 1 → 2)" in str(err.value)
    assert "버전 1 → 2" in err.value.message("ko")
    assert organizations.get_organization(any_db, rec.id).name_en == "Simmtech"


def test_every_update_and_delete_checks_the_version(any_db: Database) -> None:
    o = org(any_db)
    c = person(any_db)
    a = agreement(any_db)
    k = commitment(any_db, a.id)
    m = meeting(any_db)
    stale = 0  # no record is ever at version 0
    calls = [
        lambda: organizations.update_organization(any_db, o.id, OrganizationInput(name_ko="x"), stale),
        lambda: organizations.delete_organization(any_db, o.id, stale),
        lambda: contacts.update_contact(any_db, c.id, ContactInput(name_ko="x"), stale),
        lambda: contacts.delete_contact(any_db, c.id, stale),
        lambda: agreements.update_agreement(any_db, a.id, AgreementInput(title_ko="x"), stale),
        lambda: agreements.change_status(any_db, a.id, AgreementStatus.NEGOTIATING, stale),
        lambda: agreements.delete_agreement(any_db, a.id, stale),
        lambda: commitments.update_commitment(
            any_db, k.id, CommitmentInput(agreement_id=a.id, title_ko="x"), stale
        ),
        lambda: commitments.delete_commitment(any_db, k.id, stale),
        lambda: meetings.update_meeting(any_db, m.id, MeetingInput(title_ko="x"), stale),
        lambda: meetings.delete_meeting(any_db, m.id, stale),
    ]
    for call in calls:
        with pytest.raises(ConflictError):
            call()
    assert organizations.get_organization(any_db, o.id).version == 1
    assert agreements.get_agreement(any_db, a.id).title_ko == "반도체 협력 협약"
    assert meetings.count_meetings(any_db) == 1


def test_current_expected_version_succeeds_and_bumps(any_db: Database) -> None:
    a = agreement(any_db)
    a2 = agreements.change_status(any_db, a.id, AgreementStatus.NEGOTIATING, expected_version=1)
    assert a2.version == 2
    a3 = agreements.update_agreement(
        any_db,
        a.id,
        AgreementInput(title_ko="새 제목", status=AgreementStatus.NEGOTIATING),
        expected_version=2,
    )
    assert a3.version == 3
    agreements.delete_agreement(any_db, a.id, expected_version=3)
    assert agreements.count_agreements(any_db) == 0


def test_racing_writers_the_second_update_is_refused_not_lost(any_db: Database) -> None:
    """Both read version 1; the first saves; the second's UPDATE matches no row and is refused."""
    rec = org(any_db, "하나마이크론", "Hana Micron")
    with pytest.raises(ConflictError) as err, any_db.session() as slow:
        mine = slow.get(Organization, rec.id)
        assert mine is not None and mine.version == 1
        # Meanwhile another window saves its change and commits.
        organizations.update_organization(
            any_db, rec.id, OrganizationInput(name_ko="하나마이크론", notes="먼저 저장")
        )
        mine.notes = "나중에 저장"
        slow.flush()
    assert "changed elsewhere" in str(err.value)
    after = organizations.get_organization(any_db, rec.id)
    assert (after.notes, after.version) == ("먼저 저장", 2)


def test_racing_writers_on_two_connections_to_one_file(db: Database, paths: object) -> None:
    """The same race between two programs opened on the same SQLite file."""
    rec = org(db, "프로텍", "Protec")
    other = open_database(str(db.sqlite_path), paths=db.paths)
    try:
        with pytest.raises(ConflictError), other.session() as slow:
            mine = slow.get(Organization, rec.id)
            assert mine is not None
            organizations.update_organization(
                db, rec.id, OrganizationInput(name_ko="프로텍", short_name="PT")
            )
            mine.short_name = "PROTEC"
        assert organizations.get_organization(other, rec.id).short_name == "PT"
    finally:
        other.close()


def test_membership_and_item_versions(any_db: Database) -> None:
    from app.dto import MembershipInput

    o = org(any_db)
    c = person(any_db)
    m = contacts.add_membership(
        any_db, MembershipInput(contact_id=c.id, organization_id=o.id, title_ko="과장")
    )
    contacts.update_membership(
        any_db,
        m.id,
        MembershipInput(contact_id=c.id, organization_id=o.id, title_ko="국장"),
        expected_version=1,
    )
    with pytest.raises(ConflictError):
        contacts.update_membership(
            any_db,
            m.id,
            MembershipInput(
                contact_id=c.id, organization_id=o.id, title_ko="실장", ended_on=date(2030, 1, 1)
            ),
            expected_version=1,
        )
    assert contacts.memberships_of_contact(any_db, c.id)[0].title_ko == "국장"
