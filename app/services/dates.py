"""Reading the dates and times people type, and writing them the way the program shows them.

Accepted dates: ``2023-08-29``, ``2023. 8. 29.`` (also with a weekday, ``2023. 8. 29.(화)``),
``2023.08.29``, ``2023/8/29``, ``20230829``, ``23. 8. 29.``, ``230829``, ``2023년 8월 29일``,
``29 Aug 2023``, ``Aug 29, 2023``, ``29 August 2023`` and ``29/08/2023`` (day first, as in
``29 Aug 2023``; month first only when the day could not be a month: ``08/29/2023``).
Accepted times: ``14:00``, ``1400``, ``14``, ``14시``, ``14시 30분``, ``오후 2시``,
``오후 2시 30분``, ``2 pm``, ``2:30 PM``. A two-digit year is 1970–2069.

Nothing here guesses from a part of a date: ``3`` is not a date (it is refused with a message
in Korean and English), and an empty text is no date at all.

A date and time is typed and shown as the wall-clock time of a zone: a meeting's own
(``zone="Europe/Brussels"``: ``14:00`` is 14:00 in Brussels, whatever this computer's zone),
else this computer's.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from app import clock, zones
from app.errors import ValidationError

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LONG_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_NAMES = {name.lower(): i + 1 for i, name in enumerate(MONTHS_EN)}
_MONTH_NAMES.update({name.lower(): i + 1 for i, name in enumerate(_LONG_MONTHS)})
_MONTH_NAMES["sept"] = 9
_WEEKDAYS_KO = "월화수목금토일"

_NUMERIC = re.compile(r"^(\d{2}|\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?$")
_COMPACT = re.compile(r"^(\d{8}|\d{6})$")
_KOREAN = re.compile(r"^(\d{2}|\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})$")
_DAY_NAME_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s*[- ]\s*([A-Za-z]{3,9}\.?)\s*[-, ]\s*(\d{4})$")
_NAME_DAY_YEAR = re.compile(r"^([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})$")
_WEEKDAY_SUFFIX = re.compile(
    r"\s*\(\s*[월화수목금토일]\s*\)\s*$|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)

_TIME_COLON = re.compile(r"^(\d{1,2})\s*[:.]\s*(\d{2})$")
_TIME_DIGITS = re.compile(r"^(\d{1,4})$")
_TIME_KOREAN = re.compile(r"^(?:(오전|오후)\s*)?(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분|\s*반)?$")
_TIME_AMPM = re.compile(r"^(\d{1,2})(?:\s*[:.]\s*(\d{2}))?\s*([ap])\.?\s*m\.?$", re.IGNORECASE)
_TIME_KOREAN_COLON = re.compile(r"^(오전|오후)\s*(\d{1,2})(?:\s*[:.]\s*(\d{2}))?$")


class UnreadableDate(ValidationError):
    """A text that is not a date (or time) the program can read, with what would be."""


def today() -> date:
    """Today's date, from the program's clock (what a calendar opens at when it knows nothing else)."""
    return clock.today()


def now() -> datetime:
    """The current instant (aware, UTC), from the program's clock."""
    return clock.now()


def format_date(value: date, lang: str = "ko") -> str:
    """``2023. 8. 29.`` in Korean, ``29 Aug 2023`` in English."""
    if lang == "ko":
        return f"{value.year}. {value.month}. {value.day}."
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def format_time(value: time) -> str:
    """24-hour ``14:00``."""
    return f"{value.hour:02d}:{value.minute:02d}"


def format_datetime(value: datetime, lang: str = "ko", zone: str | None = None) -> str:
    """``2023. 9. 19. 14:00`` / ``19 Sep 2023 14:00``: an aware value as the wall-clock time of
    ``zone`` (an IANA name), else of this computer's zone."""
    if value.tzinfo is not None:
        value = zones.in_zone(value, zone) if zone else value.astimezone()
    return f"{format_date(value.date(), lang)} {format_time(value.time())}"


def _moment(day: date, clock_time: time, zone: str | None) -> datetime:
    """The instant at ``clock_time`` on ``day`` in ``zone``, else in this computer's zone."""
    if zone:
        return zones.at(day, clock_time, zone)
    return datetime.combine(day, clock_time).astimezone()


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= year <= 9999:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _read_date(text: str) -> date | None:
    text = _WEEKDAY_SUFFIX.sub("", text.strip()).strip()
    if m := _NUMERIC.match(text) or _KOREAN.match(text):
        return _make_date(_year(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _COMPACT.match(text):
        digits = m.group(1)
        cut = len(digits) - 4
        return _make_date(_year(digits[:cut]), int(digits[cut : cut + 2]), int(digits[cut + 2 :]))
    if m := _DAY_MONTH_YEAR.match(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if second > 12 >= first:  # 08/29/2023: only the month-first reading is a date
            first, second = second, first
        return _make_date(year, second, first)
    if m := _DAY_NAME_YEAR.match(text):
        month = _MONTH_NAMES.get(m.group(2).lower().rstrip("."))
        return None if month is None else _make_date(int(m.group(3)), month, int(m.group(1)))
    if m := _NAME_DAY_YEAR.match(text):
        month = _MONTH_NAMES.get(m.group(1).lower().rstrip("."))
        return None if month is None else _make_date(int(m.group(3)), month, int(m.group(2)))
    return None


def _read_time(text: str) -> time | None:
    text = text.strip()
    hour: int
    minute = 0
    if m := _TIME_COLON.match(text):
        hour, minute = int(m.group(1)), int(m.group(2))
    elif m := _TIME_DIGITS.match(text):
        digits = m.group(1)
        if len(digits) <= 2:
            hour = int(digits)
        else:
            hour, minute = int(digits[:-2]), int(digits[-2:])
    elif m := _TIME_KOREAN.match(text):
        hour = int(m.group(2))
        minute = int(m.group(3)) if m.group(3) else (30 if text.endswith("반") else 0)
        if m.group(1) is not None:
            hour = _twelve_hour(hour, m.group(1) == "오후")
    elif m := _TIME_KOREAN_COLON.match(text):
        hour = _twelve_hour(int(m.group(2)), m.group(1) == "오후")
        minute = int(m.group(3) or 0)
    elif m := _TIME_AMPM.match(text):
        hour = _twelve_hour(int(m.group(1)), m.group(3).lower() == "p")
        minute = int(m.group(2) or 0)
    else:
        return None
    if hour < 0 or not 0 <= hour <= 23 or not 0 <= minute <= 59:
        return None
    return time(hour, minute)


def _twelve_hour(hour: int, afternoon: bool) -> int:
    if not 1 <= hour <= 12:
        return -1
    return hour % 12 + (12 if afternoon else 0)


def _date_error(field: str, label: tuple[str, str], text: str) -> UnreadableDate:
    ko, en = label
    return UnreadableDate(
        field,
        f"{ko}: 날짜로 읽을 수 없습니다(‘{text}’). 예: 2023. 8. 29. 또는 2023-08-29",
        f"{en}: ‘{text}’ is not a date. For example: 29 Aug 2023 or 2023-08-29",
    )


def parse_date(text: str, field: str = "date", label: tuple[str, str] = ("날짜", "Date")) -> date | None:
    """The date ``text`` names; None for an empty text; :class:`UnreadableDate` for anything else."""
    if not text.strip():
        return None
    value = _read_date(text)
    if value is None:
        raise _date_error(field, label, text.strip())
    return value


def parse_time(text: str, field: str = "time", label: tuple[str, str] = ("시각", "Time")) -> time | None:
    """The time ``text`` names (24-hour, or 오전/오후, am/pm); None for an empty text."""
    if not text.strip():
        return None
    value = _read_time(text)
    if value is None:
        ko, en = label
        raise UnreadableDate(
            field,
            f"{ko}: 시각으로 읽을 수 없습니다(‘{text.strip()}’). 예: 14:00, 1400, 오후 2시",
            f"{en}: ‘{text.strip()}’ is not a time. For example: 14:00, 1400 or 2 pm",
        )
    return value


def parse_datetime(
    text: str,
    field: str = "datetime",
    label: tuple[str, str] = ("일시", "Date and time"),
    day: date | None = None,
    zone: str | None = None,
) -> datetime | None:
    """A date and time (``2023. 9. 19. 14:00``, ``2023-09-19T14:00``, ``2023. 9. 19. 오후 2시``) as
    the wall-clock time of ``zone`` (an IANA name: a meeting's), else of this computer's zone;
    None for an empty text. A time alone (``16:00``) is on ``day`` when one is given (a meeting's
    end on the day it starts)."""
    stripped = text.strip()
    if not stripped:
        return None
    alone = _read_time(stripped) if day is not None else None
    if day is not None and alone is not None:
        return _moment(day, alone, zone)
    tokens = re.sub(r"(?<=\d)T(?=\d)", " ", stripped).split()
    for cut in range(len(tokens) - 1, 0, -1):
        day = _read_date(" ".join(tokens[:cut]))
        moment = _read_time(" ".join(tokens[cut:])) if day is not None else None
        if day is not None and moment is not None:
            return _moment(day, moment, zone)
    ko, en = label
    if _read_date(stripped) is not None:
        raise UnreadableDate(
            field,
            f"{ko}: 시각도 입력하십시오. 예: {stripped} 14:00",
            f"{en}: add the time too, for example: {stripped} 14:00",
        )
    raise UnreadableDate(
        field,
        f"{ko}: 일시로 읽을 수 없습니다(‘{stripped}’). 예: 2023. 9. 19. 14:00",
        f"{en}: ‘{stripped}’ is not a date and time. For example: 19 Sep 2023 14:00",
    )


def weekday_ko(value: date) -> str:
    return _WEEKDAYS_KO[value.weekday()]
