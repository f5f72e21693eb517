"""Reading typed dates and times (app/services/dates.py): every accepted form, refusals, round trips."""

from __future__ import annotations

import time as time_module
from collections.abc import Iterator
from datetime import UTC, date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.dates import (
    UnreadableDate,
    format_date,
    format_datetime,
    format_time,
    parse_date,
    parse_datetime,
    parse_time,
)
from app.services.time_zones import COMMON
from ui.formatting import format_date as shown_date
from ui.formatting import format_datetime as shown_datetime

AUG_29 = date(2023, 8, 29)


@pytest.mark.parametrize(
    "text",
    [
        "2023-08-29",
        "2023-8-29",
        "2023. 8. 29.",
        "2023. 8. 29",
        "2023.08.29",
        "2023.8.29.",
        "2023/08/29",
        "20230829",
        "23. 8. 29.",
        "230829",
        "2023년 8월 29일",
        "2023. 8. 29.(화)",
        "  2023. 8. 29.  ",
        "29 Aug 2023",
        "29 August 2023",
        "29-Aug-2023",
        "Aug 29, 2023",
        "August 29 2023",
        "aug 29, 2023",
        "Tue, 29 Aug 2023",
        "29/08/2023",  # day first, as 29 Aug 2023 (it gave 22 Dec 2026)
        "29.08.2023",
        "08/29/2023",  # only the month-first reading is a date
    ],
)
def test_every_usual_form_of_a_date_is_read(text: str) -> None:
    assert parse_date(text) == AUG_29


def test_an_ambiguous_slash_date_is_day_first() -> None:
    assert parse_date("03/08/2023") == date(2023, 8, 3)


def test_two_digit_years_are_1970_to_2069() -> None:
    assert parse_date("69. 1. 2.") == date(2069, 1, 2)
    assert parse_date("70. 1. 2.") == date(1970, 1, 2)


def test_empty_is_no_date() -> None:
    assert parse_date("") is None
    assert parse_date("   ") is None
    assert parse_time("") is None
    assert parse_datetime(" ") is None


@pytest.mark.parametrize(
    "text",
    [
        "3",
        "2023",
        "202308",
        "29/08",
        "2023. 13. 1.",
        "2023-02-30",
        "0000-01-01",
        "abc",
        "29 Foo 2023",
        "8. 29.",
    ],
)
def test_what_is_not_a_whole_date_is_refused_with_both_messages(text: str) -> None:
    # "3" gave the year 3026 before; now it is an error the form shows.
    with pytest.raises(UnreadableDate) as caught:
        parse_date(text, "due_on", ("기한", "Due"))
    assert caught.value.field == "due_on"
    assert caught.value.message("ko").startswith("기한: 날짜로 읽을 수 없습니다")
    assert text.strip() in caught.value.message("en")
    assert caught.value.message("en").startswith("Due:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00", time(14, 0)),
        ("1400", time(14, 0)),
        ("14", time(14, 0)),
        ("930", time(9, 30)),
        ("14.30", time(14, 30)),
        ("14시", time(14, 0)),
        ("14시 30분", time(14, 30)),
        ("오후 2시", time(14, 0)),
        ("오후 2시 30분", time(14, 30)),
        ("오후 2시반", time(14, 30)),
        ("오전 9시", time(9, 0)),
        ("오후 12시", time(12, 0)),
        ("오전 12시", time(0, 0)),
        ("오후 2:30", time(14, 30)),
        ("2 pm", time(14, 0)),
        ("2:30 PM", time(14, 30)),
        ("12 am", time(0, 0)),
    ],
)
def test_times_are_read(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "2400", "1260", "오후 13시", "13 pm", "14:5", "two"])
def test_impossible_times_are_refused(text: str) -> None:
    with pytest.raises(UnreadableDate) as caught:
        parse_time(text, "starts_at", ("시작", "Starts"))
    assert "14:00" in caught.value.message("ko") and "14:00" in caught.value.message("en")


@pytest.mark.parametrize(
    "text",
    [
        "2023. 9. 19. 14:00",
        "2023-09-19 14:00",
        "2023-09-19T14:00",
        "2023. 9. 19. 오후 2시",
        "20230919 1400",
        "19 Sep 2023 14:00",
        "Sep 19, 2023 2 pm",
        "2023. 9. 19.(화) 14:00",
    ],
)
def test_date_and_time_together(text: str) -> None:
    assert parse_datetime(text) == datetime(2023, 9, 19, 14, 0).astimezone()


def test_a_time_alone_is_on_the_given_day_and_otherwise_refused() -> None:
    assert parse_datetime("16:00", day=date(2023, 9, 19)) == datetime(2023, 9, 19, 16).astimezone()
    with pytest.raises(UnreadableDate):
        parse_datetime("16:00")


def test_a_date_without_its_time_asks_for_the_time() -> None:
    with pytest.raises(UnreadableDate) as caught:
        parse_datetime("2023. 9. 19.", "starts_at", ("시작", "Starts"))
    assert caught.value.message("ko") == "시작: 시각도 입력하십시오. 예: 2023. 9. 19. 14:00"
    assert "add the time" in caught.value.message("en")


def test_the_core_formats_as_the_program_shows() -> None:
    assert format_date(AUG_29, "ko") == "2023. 8. 29." == shown_date(AUG_29, "ko")
    assert format_date(AUG_29, "en") == "29 Aug 2023" == shown_date(AUG_29, "en")
    assert format_time(time(9, 5)) == "09:05"
    moment = datetime(2023, 9, 19, 14, 0).astimezone()
    assert format_datetime(moment, "ko") == "2023. 9. 19. 14:00" == shown_datetime(moment, "ko")


days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))  # four-digit years
langs = st.sampled_from(["ko", "en"])


@pytest.mark.slow
@given(day=days, lang=langs)
def test_a_shown_date_reads_back_as_itself(day: date, lang: str) -> None:
    assert parse_date(format_date(day, lang)) == day
    assert parse_date(shown_date(day, lang)) == day
    assert parse_date(shown_date(day, lang, weekday=True)) == day
    assert parse_date(day.isoformat()) == day


@pytest.mark.slow
@given(
    moment=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 12, 31)),
    lang=langs,
)
def test_a_shown_date_and_time_reads_back_as_itself(moment: datetime, lang: str) -> None:
    local = moment.replace(second=0, microsecond=0).astimezone()
    assert parse_datetime(format_datetime(local, lang)) == local
    assert parse_datetime(shown_datetime(local, lang)) == local


@pytest.fixture
def computer_in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's zone is New York for the test (then back to what it was)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


def test_a_time_typed_in_the_meetings_zone_is_that_zones_wall_clock(computer_in_new_york: None) -> None:
    seoul = parse_datetime("2023. 9. 19. 14:00", zone="Asia/Seoul")
    assert seoul == datetime(2023, 9, 19, 5, 0, tzinfo=UTC)  # 14:00 KST, not 14:00 in New York
    brussels = parse_datetime("2023. 9. 19. 14:00", zone="Europe/Brussels")
    assert brussels == datetime(2023, 9, 19, 12, 0, tzinfo=UTC)  # CEST, summer time
    winter = parse_datetime("2023. 12. 19. 14:00", zone="Europe/Brussels")
    assert winter == datetime(2023, 12, 19, 13, 0, tzinfo=UTC)  # CET
    alone = parse_datetime("16:00", day=date(2023, 9, 19), zone="Asia/Seoul")
    assert alone == datetime(2023, 9, 19, 7, 0, tzinfo=UTC)
    # Without a zone the computer's, as before (and as the computer is in New York here):
    assert parse_datetime("2023. 9. 19. 14:00") == datetime(2023, 9, 19, 18, 0, tzinfo=UTC)


def test_a_time_is_shown_in_the_zone_asked_for_whatever_the_computers(computer_in_new_york: None) -> None:
    instant = datetime(2023, 9, 19, 5, 0, tzinfo=UTC)
    assert format_datetime(instant, "ko", zone="Asia/Seoul") == "2023. 9. 19. 14:00"
    assert format_datetime(instant, "en", zone="Europe/Brussels") == "19 Sep 2023 07:00"
    assert format_datetime(instant, "ko") == "2023. 9. 19. 01:00"  # New York's, without a zone


@pytest.mark.parametrize("zone", [name for name, _ko, _en in COMMON])
def test_a_shown_time_reads_back_in_its_zone(zone: str) -> None:
    for instant in (
        datetime(2023, 9, 19, 5, 0, tzinfo=UTC),
        datetime(2024, 1, 31, 23, 30, tzinfo=UTC),
        datetime(2026, 6, 30, 14, 15, tzinfo=UTC),
    ):
        for lang in ("ko", "en"):
            assert parse_datetime(format_datetime(instant, lang, zone=zone), zone=zone) == instant
