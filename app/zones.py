"""Time zones: a meeting is held in one, and its times are typed, shown and printed in it.

Instants are stored in UTC. A meeting keeps the IANA name of its zone (``Asia/Seoul``
unless it is held abroad), so that "14:00" means 14:00 where the meeting is, on any
computer, and a briefing prints the same text whatever zone the computer is set to.
The zones come from :mod:`zoneinfo`, which on Windows (no system database) reads the
``tzdata`` package.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import ValidationError

HOME = "Asia/Seoul"  # the ministry's zone: the default of every meeting, and of briefings

# Zones offered first when choosing a meeting's zone: (IANA name, Korean, English).
COMMON: tuple[tuple[str, str, str], ...] = (
    ("Asia/Seoul", "서울", "Seoul"),
    ("Asia/Tokyo", "도쿄", "Tokyo"),
    ("Asia/Shanghai", "베이징·상하이", "Beijing, Shanghai"),
    ("Asia/Taipei", "타이베이", "Taipei"),
    ("Asia/Singapore", "싱가포르", "Singapore"),
    ("Asia/Ho_Chi_Minh", "하노이·호찌민", "Hanoi, Ho Chi Minh City"),
    ("Asia/Kolkata", "뉴델리", "New Delhi"),
    ("Asia/Dubai", "두바이", "Dubai"),
    ("Europe/London", "런던", "London"),
    ("Europe/Brussels", "브뤼셀", "Brussels"),
    ("Europe/Paris", "파리", "Paris"),
    ("Europe/Berlin", "베를린", "Berlin"),
    ("Europe/Amsterdam", "암스테르담", "Amsterdam"),
    ("America/New_York", "워싱턴·뉴욕", "Washington, New York"),
    ("America/Chicago", "시카고", "Chicago"),
    ("America/Los_Angeles", "샌프란시스코·로스앤젤레스", "San Francisco, Los Angeles"),
    ("Australia/Sydney", "시드니", "Sydney"),
    ("UTC", "협정 세계시", "Coordinated Universal Time"),
)
_NAMES = {name: (ko, en) for name, ko, en in COMMON}


@cache
def _iana_names() -> frozenset[str]:
    """The IANA zone names as the ``tzdata`` package lists them: the same on every computer.

    Not whatever the system's zone folder holds: on Linux it also has ``localtime`` (this
    computer's own zone), ``posixrules`` and the ``posix/`` and ``right/`` copies, which
    Windows has not; a meeting saved in ``localtime`` would be printed in the zone of
    whichever computer opens it.
    """
    return frozenset(resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())


@cache
def _zone(name: str) -> ZoneInfo | None:
    if name not in _iana_names():  # also every path: "../x", "/etc/localtime", "C:\\x"
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def check_zone(name: str, field: str = "time_zone") -> str:
    """``name`` if it is a known IANA zone, else a ValidationError naming ``field``."""
    if _zone(name) is None:
        raise ValidationError(
            field,
            f"알 수 없는 시간대입니다: {name!r} (예: Asia/Seoul, America/New_York)",
            f"Unknown time zone: {name!r} (for example Asia/Seoul, America/New_York)",
        )
    return name


def zone(name: str) -> ZoneInfo:
    """The zone called ``name``; a name that is not one (an old or foreign file) reads as HOME."""
    return _zone(name) or ZoneInfo(HOME)


def in_zone(instant: datetime, name: str) -> datetime:
    """``instant`` (aware) as wall-clock time in the zone ``name``."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime given; use an aware datetime")
    return instant.astimezone(zone(name))


def at(day: date, clock_time: time, name: str) -> datetime:
    """The instant at ``clock_time`` on ``day`` in the zone ``name`` (what a person types)."""
    return datetime.combine(day, clock_time.replace(tzinfo=None), tzinfo=zone(name))


def to_utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)


def label(name: str, lang: str = "ko") -> str:
    """A zone as a person reads it: "서울 (Asia/Seoul)", "Washington, New York (America/New_York)"."""
    names = _NAMES.get(name)
    if names is None:
        return name
    return f"{names[0] if lang == 'ko' else names[1]} ({name})"


def abbreviation(instant: datetime, name: str) -> str:
    """The zone's short name at ``instant`` ("KST", "EDT"), else its UTC offset ("+07")."""
    local = in_zone(instant, name)
    short = local.tzname() or ""
    if short and short[0] not in "+-":
        return short
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def differs_from_computer(instant: datetime, name: str) -> bool:
    """Whether the zone ``name`` shows ``instant`` at another wall-clock time than this computer."""
    return in_zone(instant, name).utcoffset() != instant.astimezone().utcoffset()


def differs_from_home(instant: datetime, name: str) -> bool:
    """Whether ``name`` is off Korea's time at ``instant`` (a briefing then names the zone)."""
    return in_zone(instant, name).utcoffset() != in_zone(instant, HOME).utcoffset()
