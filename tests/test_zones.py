"""Time zones: a meeting is held in one, its times are typed and shown in it, on any computer.

Nothing here depends on the computer's zone: ``make test`` runs the suite under one ``TZ``;
run this file under others too (``TZ=America/New_York``, ``TZ=Asia/Seoul``), which must give
the same results. The one test about the computer's zone sets ``TZ`` itself.
"""

from __future__ import annotations

import os
import time as time_module
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from factories import meeting, member, org, person

from app import zones
from app.db import Database
from app.dto import ActionItemInput, AttendeeInput, MeetingInput, MeetingQuery
from app.errors import ValidationError
from app.services import meetings, time_zones
from app.text import has_hangul

NEW_YORK, SEOUL, BRUSSELS = "America/New_York", "Asia/Seoul", "Europe/Brussels"


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Mars/Olympus",  # made up
        "Asia/Seol",  # a typo
        "",
        " Asia/Seoul",
        "Asia/Seoul/",
        "asia/seoul",  # zone names are written as IANA writes them
        "KST",  # an abbreviation, not a zone
        "../etc/passwd",  # paths
        "/etc/localtime",
        "/usr/share/zoneinfo/Asia/Seoul",
        "Asia/../Asia/Seoul",
        "Asia\\Seoul",
        "C:\\Windows\\System32",
        "America",  # a folder of the zone database
        "zone.tab",  # a file in it that is no zone
        "Asia/Seoul\x00",
    ],
)
def test_check_zone_refuses_a_made_up_or_path_like_name(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        zones.check_zone(name)
    err = caught.value
    assert err.field == "time_zone"
    assert err.message("ko").startswith("알 수 없는 시간대입니다") and "Asia/Seoul" in err.message("ko")
    assert err.message("en").startswith("Unknown time zone") and "America/New_York" in err.message("en")
    assert repr(name) in err.message("en")  # what was given, quoted (a blank or a stray space shows)
    with pytest.raises(ValidationError) as other:
        zones.check_zone(name, "meeting_zone")
    assert other.value.field == "meeting_zone"


@pytest.mark.parametrize("name", ["localtime", "posixrules", "right/Asia/Seoul", "posix/Asia/Seoul"])
def test_check_zone_refuses_names_only_this_computers_zone_folder_has(name: str) -> None:
    """A system's zone folder holds more than the zones: "localtime" is the computer's own zone, so a
    meeting saved in it would be printed in whatever zone the computer that opens it is set to."""
    with pytest.raises(ValidationError):
        zones.check_zone(name)
    instant = datetime(2026, 7, 1, 5, 0, tzinfo=UTC)
    assert zones.in_zone(instant, name).utcoffset() == timedelta(hours=9)  # read as Korea's, as any bad name


@pytest.mark.parametrize(
    "name", [SEOUL, NEW_YORK, BRUSSELS, "UTC", "Asia/Kathmandu", "Etc/GMT+5", "US/Eastern"]
)
def test_check_zone_accepts_iana_zones(name: str) -> None:
    assert zones.check_zone(name) == name


def test_the_common_zones_are_real_zones_named_in_both_languages() -> None:
    assert zones.COMMON[0][0] == zones.HOME == SEOUL
    for name, ko, en in zones.COMMON:
        assert zones.check_zone(name) == name
        assert has_hangul(ko) and not has_hangul(en), name
        assert zones.label(name, "ko") == f"{ko} ({name})" and zones.label(name, "en") == f"{en} ({name})"
    assert len({name for name, _ko, _en in zones.COMMON}) == len(zones.COMMON)
    assert zones.label("Europe/Vienna", "en") == zones.label("Europe/Vienna", "ko") == "Europe/Vienna"


def test_the_front_ends_reach_the_same_functions() -> None:
    for name in time_zones.__all__:
        assert getattr(time_zones, name) is getattr(zones, name), name


# -- instants and wall-clock times --------------------------------------------------------------


def test_at_is_the_wall_clock_time_in_the_zone_across_a_daylight_saving_change() -> None:
    # New York moved its clocks from 02:00 EST to 03:00 EDT on Sunday 8 March 2026.
    before = zones.at(date(2026, 3, 7), time(14, 0), NEW_YORK)
    after = zones.at(date(2026, 3, 9), time(14, 0), NEW_YORK)
    assert before.astimezone(UTC) == datetime(2026, 3, 7, 19, 0, tzinfo=UTC)  # UTC-5
    assert after.astimezone(UTC) == datetime(2026, 3, 9, 18, 0, tzinfo=UTC)  # UTC-4
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=47)  # two days less an hour
    assert zones.at(date(2026, 3, 8), time(1, 30), NEW_YORK).astimezone(UTC).hour == 6
    assert zones.at(date(2026, 3, 8), time(3, 30), NEW_YORK).astimezone(UTC).hour == 7
    # And back on 1 November 2026.
    assert zones.at(date(2026, 11, 2), time(14, 0), NEW_YORK).astimezone(UTC) == datetime(
        2026, 11, 2, 19, 0, tzinfo=UTC
    )
    # Seoul has no daylight saving time: 14:00 is 05:00 UTC all year.
    for day in (date(2026, 1, 15), date(2026, 7, 15)):
        assert zones.at(day, time(14, 0), SEOUL).astimezone(UTC) == datetime.combine(day, time(5, 0), UTC)


def test_at_ignores_a_zone_the_time_already_carries() -> None:
    typed = time(14, 0, tzinfo=UTC)  # a widget's time may come with one: the meeting's zone decides
    assert zones.at(date(2026, 6, 1), typed, SEOUL).astimezone(UTC) == datetime(2026, 6, 1, 5, 0, tzinfo=UTC)


def test_in_zone_shows_an_instant_as_the_wall_clock_of_the_zone() -> None:
    instant = datetime(2026, 6, 1, 5, 0, tzinfo=UTC)
    assert zones.in_zone(instant, SEOUL).replace(tzinfo=None) == datetime(2026, 6, 1, 14, 0)
    assert zones.in_zone(instant, NEW_YORK).replace(tzinfo=None) == datetime(2026, 6, 1, 1, 0)
    assert zones.in_zone(instant, "Asia/Kathmandu").replace(tzinfo=None) == datetime(2026, 6, 1, 10, 45)
    assert zones.in_zone(instant, NEW_YORK) == instant  # the same instant
    # A name that is no zone (an old or foreign file) reads as Korea's time, never the computer's.
    assert zones.in_zone(instant, "Nowhere/Zone").replace(tzinfo=None) == datetime(2026, 6, 1, 14, 0)
    with pytest.raises(ValueError, match="naive"):
        zones.in_zone(datetime(2026, 6, 1, 5, 0), SEOUL)


def test_at_and_in_zone_go_there_and_back() -> None:
    for name in (SEOUL, NEW_YORK, BRUSSELS, "Australia/Sydney"):
        for day in (date(2026, 1, 10), date(2026, 4, 5), date(2026, 10, 4), date(2026, 12, 31)):
            instant = zones.at(day, time(9, 30), name)
            local = zones.in_zone(instant, name)
            assert (local.date(), local.time()) == (day, time(9, 30)), (name, day)


def test_abbreviation_is_the_zones_short_name_else_its_offset() -> None:
    summer, winter = datetime(2026, 7, 1, 5, tzinfo=UTC), datetime(2026, 1, 15, 5, tzinfo=UTC)
    assert zones.abbreviation(summer, SEOUL) == zones.abbreviation(winter, SEOUL) == "KST"
    assert (zones.abbreviation(summer, NEW_YORK), zones.abbreviation(winter, NEW_YORK)) == ("EDT", "EST")
    assert (zones.abbreviation(summer, BRUSSELS), zones.abbreviation(winter, BRUSSELS)) == ("CEST", "CET")
    assert zones.abbreviation(summer, "UTC") == "UTC"
    # Zones whose database abbreviation is only a number ("+04") read as an offset from UTC.
    assert zones.abbreviation(summer, "Asia/Dubai") == "UTC+04:00"
    assert zones.abbreviation(summer, "Asia/Kathmandu") == "UTC+05:45"
    assert zones.abbreviation(summer, "America/Sao_Paulo") == "UTC-03:00"
    assert zones.abbreviation(summer, "Pacific/Marquesas") == "UTC-09:30"


def test_differs_from_home_is_a_different_clock_from_koreas() -> None:
    instant = datetime(2026, 7, 1, 5, tzinfo=UTC)
    assert not zones.differs_from_home(instant, SEOUL)
    assert not zones.differs_from_home(instant, "Asia/Tokyo")  # the same clock: nothing to name
    assert zones.differs_from_home(instant, NEW_YORK)
    assert zones.differs_from_home(instant, "UTC")
    assert zones.differs_from_home(instant, "Asia/Shanghai")  # an hour behind


@pytest.fixture
def computer_in() -> Iterator[Callable[[str], None]]:
    """Set this computer's zone (``TZ``) for the test, and put it back after."""
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time_module.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time_module.tzset()


def test_differs_from_computer_follows_the_computers_zone(computer_in: Callable[[str], None]) -> None:
    set_zone = computer_in
    instant = datetime(2026, 7, 1, 5, tzinfo=UTC)
    set_zone(NEW_YORK)
    assert not zones.differs_from_computer(instant, NEW_YORK)
    assert zones.differs_from_computer(instant, SEOUL)
    set_zone(SEOUL)
    assert zones.differs_from_computer(instant, NEW_YORK)
    assert not zones.differs_from_computer(instant, SEOUL)
    assert not zones.differs_from_computer(instant, "Asia/Tokyo")  # the same clock


# -- meetings ----------------------------------------------------------------------------------


def test_a_meeting_is_in_seoul_unless_told_otherwise(any_db: Database) -> None:
    m = meeting(any_db, "실무협의회", starts_at=zones.at(date(2026, 6, 1), time(14, 0), SEOUL))
    assert m.time_zone == SEOUL
    assert m.starts_at == datetime(2026, 6, 1, 5, 0, tzinfo=UTC)


def test_a_meeting_held_abroad_keeps_its_zone_and_its_wall_clock_times(any_db: Database) -> None:
    starts = zones.at(date(2026, 10, 20), time(10, 0), BRUSSELS)
    m = meeting(
        any_db, "브뤼셀 회의", title_en="Brussels meeting", time_zone=BRUSSELS,
        starts_at=starts, ends_at=starts + timedelta(hours=2),
    )  # fmt: skip
    meetings.add_action_item(any_db, m.id, ActionItemInput(title_ko="후속 조치", due_on=date(2026, 11, 1)))
    got = meetings.get_meeting(any_db, m.id)
    assert got.time_zone == BRUSSELS
    assert got.starts_at == datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # CEST, UTC+2
    assert got.starts_at is not None and got.ends_at is not None
    assert zones.in_zone(got.starts_at, got.time_zone).time() == time(10, 0)
    assert zones.in_zone(got.ends_at, got.time_zone).time() == time(12, 0)
    assert [s.time_zone for s in meetings.list_meetings(any_db, MeetingQuery())] == [BRUSSELS]
    assert meetings.meeting_detail(any_db, m.id).record.time_zone == BRUSSELS
    assert [a.meeting_time_zone for a in meetings.list_action_items(any_db, meeting_id=m.id)] == [BRUSSELS]
    # Moved to New York, the same instant: the zone changes, the instant does not.
    moved = meetings.update_meeting(
        any_db,
        m.id,
        MeetingInput(
            title_ko="브뤼셀 회의", time_zone=NEW_YORK, starts_at=got.starts_at, ends_at=got.ends_at
        ),
    )
    assert (moved.time_zone, moved.starts_at, moved.version) == (NEW_YORK, got.starts_at, 2)
    assert zones.in_zone(got.starts_at, moved.time_zone).time() == time(4, 0)


@pytest.mark.parametrize("bad", ["Mars/Olympus", "localtime", "../../etc/passwd", ""])
def test_a_meeting_in_an_unknown_zone_is_refused_on_time_zone(any_db: Database, bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        meeting(any_db, "회의", time_zone=bad)
    assert caught.value.field == "time_zone"
    assert meetings.count_meetings(any_db) == 0
    m = meeting(any_db, "회의", time_zone=NEW_YORK)
    with pytest.raises(ValidationError) as caught:
        meetings.update_meeting(any_db, m.id, MeetingInput(title_ko="회의", time_zone=bad))
    assert caught.value.field == "time_zone"
    assert (meetings.get_meeting(any_db, m.id).time_zone, meetings.get_meeting(any_db, m.id).version) == (
        NEW_YORK,
        1,
    )


def test_an_attendee_takes_the_position_held_on_the_meetings_day_in_the_meetings_zone(
    any_db: Database,
) -> None:
    """A new position from 1 March: a meeting at 00:30 on 1 March in Seoul is held in it (in UTC it
    is still 28 February); one at 20:00 on 28 February in New York is not (in UTC: 1 March)."""
    before, after = org(any_db, "한국반도체산업협회"), org(any_db, "한국산업기술평가관리원")
    c = person(any_db, "조은비", "Eunbi Cho")
    member(
        any_db,
        c.id,
        before.id,
        "선임연구원",
        date(2017, 1, 2),
        date(2026, 2, 28),
        title_en="Senior Researcher",
    )
    member(any_db, c.id, after.id, "책임연구원", date(2026, 3, 1), title_en="Principal Researcher")

    seoul = meeting(any_db, "서울 회의", starts_at=zones.at(date(2026, 3, 1), time(0, 30), SEOUL))
    assert seoul.starts_at is not None and seoul.starts_at.astimezone(UTC).date() == date(2026, 2, 28)
    there = meetings.add_attendee(any_db, seoul.id, AttendeeInput(contact_id=c.id))
    assert (there.organization_id, there.title_ko, there.title_en) == (
        after.id,
        "책임연구원",
        "Principal Researcher",
    )

    new_york = meeting(
        any_db, "뉴욕 회의", time_zone=NEW_YORK, starts_at=zones.at(date(2026, 2, 28), time(20, 0), NEW_YORK)
    )
    assert new_york.starts_at is not None and new_york.starts_at.astimezone(UTC).date() == date(2026, 3, 1)
    then = meetings.add_attendee(any_db, new_york.id, AttendeeInput(contact_id=c.id))
    assert (then.organization_id, then.title_ko, then.title_en) == (
        before.id,
        "선임연구원",
        "Senior Researcher",
    )
