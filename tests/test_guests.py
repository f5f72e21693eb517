"""Meeting guests: an attendee who is no contact, kept through briefings, archive, exchange and
the migration, and turned into a contact later."""

from __future__ import annotations

import uuid
from pathlib import Path

import factories
import pytest
from exchange_helpers import open_laptop
from sqlalchemy import text

from app.archive import export_archive, import_archive
from app.db import Database
from app.dto import AttendeeInput
from app.errors import ValidationError
from app.exchange.export import export_bundle
from app.exchange.merge import import_bundle
from app.migrate import upgrade
from app.paths import AppPaths, app_paths
from app.services import contacts, meetings
from app.services.meeting_parts import guest_to_contact
from app.services.opening import open_database
from reports.templates.common import Words
from reports.templates.meeting import attendee_table

GUEST = AttendeeInput(
    guest_name_en="Anna Weber", guest_organization_en="Example Fraunhofer Institute", title_en="Director"
)


def test_a_guest_is_an_attendee_without_a_contact(db: Database) -> None:
    meeting = factories.meeting(db, "실무협의회")
    person = factories.person(db, "한지윤", "Jiyoon Han")
    meetings.add_attendee(db, meeting.id, AttendeeInput(contact_id=person.id))
    guest = meetings.add_attendee(db, meeting.id, GUEST)
    assert guest.is_guest and guest.contact_id is None
    shown = meetings.meeting_detail(db, meeting.id).attendees
    assert [(a.contact_name_en, a.organization_name_en, a.title_en) for a in shown] == [
        ("Jiyoon Han", "", ""),
        ("Anna Weber", "Example Fraunhofer Institute", "Director"),
    ]
    # Typed in English only: the Korean side is empty, not a copy (the UI marks it as English).
    assert (shown[1].contact_name_ko, shown[1].organization_name_ko, shown[1].title_ko) == ("", "", "")
    assert [c.name_ko or c.name_en for c in contacts.list_contacts(db)] == ["한지윤"]  # no contact made


def test_a_guest_needs_a_name(db: Database) -> None:
    meeting = factories.meeting(db)
    with pytest.raises(ValidationError) as caught:
        meetings.add_attendee(db, meeting.id, AttendeeInput(guest_organization_en="Somewhere"))
    assert caught.value.field == "guest_name_ko"
    assert caught.value.message("ko") == "손님의 이름을 한글 또는 영문으로 입력하십시오."
    assert caught.value.message("en") == "Enter the guest's name in Korean or English."
    with pytest.raises(ValidationError) as long:
        meetings.add_attendee(db, meeting.id, AttendeeInput(guest_name_ko="가" * 201))
    assert long.value.field == "guest_name_ko"
    with pytest.raises(ValidationError) as long:
        meetings.add_attendee(db, meeting.id, AttendeeInput(guest_name_en="A" * 201))
    assert long.value.field == "guest_name_en"


def test_a_guest_named_in_both_languages_keeps_both(db: Database) -> None:
    meeting = factories.meeting(db)
    guest = meetings.add_attendee(
        db,
        meeting.id,
        AttendeeInput(
            guest_name_ko="안나 베버",
            guest_name_en="Anna Weber",
            guest_organization_ko="프라운호퍼 연구소",
            guest_organization_en="Example Fraunhofer Institute",
            title_ko="소장",
            title_en="Director",
        ),
    )
    assert (guest.contact_name_ko, guest.contact_name_en) == ("안나 베버", "Anna Weber")
    assert (guest.guest_name_ko, guest.guest_name_en) == ("안나 베버", "Anna Weber")
    assert (guest.organization_name_ko, guest.organization_name_en) == (
        "프라운호퍼 연구소",
        "Example Fraunhofer Institute",
    )
    assert (guest.title("ko"), guest.title("en")) == ("소장", "Director")


def test_briefings_list_the_guest(db: Database) -> None:
    meeting = factories.meeting(db)
    meetings.add_attendee(db, meeting.id, GUEST)
    detail = meetings.meeting_detail(db, meeting.id)
    table = attendee_table(Words("en"), detail.record, detail.attendees, with_presence=True)
    assert table.rows[0][:3] == ("Anna Weber", "Example Fraunhofer Institute", "Director")


def test_a_guest_becomes_a_contact_at_the_organization_of_that_name(db: Database) -> None:
    meeting = factories.meeting(db)
    institute = factories.org(db, "프라운호퍼 연구소", "Example Fraunhofer Institute")
    guest = meetings.add_attendee(db, meeting.id, GUEST)
    made = guest_to_contact(db, guest.id)
    assert not made.is_guest and made.organization_id == institute.id
    assert (made.title_ko, made.title_en) == ("", "Director")
    assert (made.guest_name_ko, made.guest_name_en, made.guest_organization_en) == ("", "", "")
    person = contacts.get_contact(db, made.contact_id)  # type: ignore[arg-type]
    assert (person.name_ko, person.name_en) == ("", "Anna Weber")
    (position,) = contacts.memberships_of_contact(db, person.id)
    assert (position.organization_id, position.title_ko, position.title_en) == (institute.id, "", "Director")
    with pytest.raises(ValidationError):
        guest_to_contact(db, guest.id)


def test_a_guest_named_in_both_languages_becomes_a_contact_named_in_both(any_db: Database) -> None:
    """The organization is found by either of its names: here the Korean one typed is not known."""
    meeting = factories.meeting(any_db)
    institute = factories.org(any_db, "프라운호퍼 연구소", "Example Fraunhofer Institute")
    guest = meetings.add_attendee(
        any_db,
        meeting.id,
        AttendeeInput(
            guest_name_ko="안나 베버",
            guest_name_en="Anna Weber",
            guest_organization_ko="프라운호퍼",
            guest_organization_en="Example Fraunhofer Institute",
            title_ko="소장",
            title_en="Director",
        ),
    )
    made = guest_to_contact(any_db, guest.id)
    assert (made.contact_name_ko, made.contact_name_en) == ("안나 베버", "Anna Weber")
    assert (made.organization_id, made.organization_name_ko) == (institute.id, "프라운호퍼 연구소")
    person = contacts.get_contact(any_db, made.contact_id)  # type: ignore[arg-type]
    assert (person.name_ko, person.name_en) == ("안나 베버", "Anna Weber")
    (position,) = contacts.memberships_of_contact(any_db, person.id)
    assert (position.title_ko, position.title_en) == ("소장", "Director")
    # No organization of either name: the contact is made, the organization stays the guest's text.
    other = meetings.add_attendee(
        any_db, meeting.id, AttendeeInput(guest_name_ko="김손님", guest_organization_ko="없는 기관")
    )
    alone = guest_to_contact(any_db, other.id)
    assert (alone.organization_id, alone.organization_name_ko, alone.guest_organization_ko) == (
        None,
        "없는 기관",
        "없는 기관",
    )
    assert contacts.memberships_of_contact(any_db, alone.contact_id) == []  # type: ignore[arg-type]


def test_the_archive_and_an_exchange_carry_the_guest(db: Database, tmp_path: Path) -> None:
    meeting = factories.meeting(db, "교환 회의")
    guest = meetings.add_attendee(db, meeting.id, GUEST)
    export_archive(db, tmp_path / "all.json", include_files=False)
    with open_database(str(tmp_path / "copy.sqlite3"), paths=app_paths(tmp_path / "copy-home")) as copy:
        import_archive(copy, tmp_path / "all.json")
        (back,) = meetings.meeting_detail(copy, meeting.id).attendees
        assert (back.id, back.contact_id, back.guest_name_en, back.guest_organization_en, back.title_en) == (
            guest.id,
            None,
            "Anna Weber",
            "Example Fraunhofer Institute",
            "Director",
        )
        assert (back.guest_name_ko, back.guest_organization_ko, back.title_ko) == ("", "", "")
    export_bundle(db, tmp_path / "changes.pdx")
    laptop = open_laptop(tmp_path, "laptop")
    try:
        import_bundle(laptop, tmp_path / "changes.pdx", backup=False)
        (there,) = meetings.meeting_detail(laptop, meeting.id).attendees
        assert there.is_guest and there.contact_name_en == "Anna Weber" and there.title_en == "Director"
    finally:
        laptop.close()


T = "2024-01-02 03:04:05.000006"


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_upgrade_from_0008_keeps_the_attendees(
    kind: str, paths: AppPaths, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_url") if kind == "postgresql" else None
    old = open_database(url, paths=paths, migrate=False)
    ids = {n: uuid.uuid4() for n in ("meeting", "contact", "attendee")}
    sqlite = kind == "sqlite"

    def u(name: str) -> str:
        return ids[name].hex if sqlite else str(ids[name])

    try:
        upgrade(old, "0008")
        with old.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO meeting (id, created_at, updated_at, version, title, place, online_url,"
                    " summary) VALUES (:id, :t, :t, 1, '실무협의회', '엘타워', '', '')"
                ),
                {"id": u("meeting"), "t": T},
            )
            conn.execute(
                text(
                    "INSERT INTO contact (id, created_at, updated_at, version, name_ko, name_en, email, phone,"
                    " mobile, notes) VALUES (:id, :t, :t, 1, '한지윤', 'Jiyoon Han', '', '', '', '')"
                ),
                {"id": u("contact"), "t": T},
            )
            conn.execute(
                text(
                    "INSERT INTO attendee (id, created_at, updated_at, version, meeting_id, contact_id, title,"
                    " attended) VALUES (:id, :t, :t, 2, :m, :c, '과장', :yes)"
                ),
                {"id": u("attendee"), "t": T, "m": u("meeting"), "c": u("contact"), "yes": True},
            )
    finally:
        old.close()
    with open_database(url, paths=paths) as db:
        (kept,) = meetings.meeting_detail(db, ids["meeting"]).attendees
        assert (
            kept.id,
            kept.contact_id,
            kept.contact_name_ko,
            kept.title_ko,
            kept.title_en,
            kept.version,
        ) == (
            ids["attendee"],
            ids["contact"],
            "한지윤",
            "과장",
            "",
            2,
        )
        assert (kept.guest_name_ko, kept.guest_name_en, kept.guest_organization_ko) == ("", "", "")
        guest = meetings.add_attendee(db, ids["meeting"], GUEST)  # the new column takes a guest
        assert guest.is_guest
