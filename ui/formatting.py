"""How dates, times and sizes are shown: ``2023. 8. 29.`` in Korean, ``29 Aug 2023`` in English."""

from __future__ import annotations

from datetime import date, datetime

from app.services import time_zones as zones

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_KO = "월화수목금토일"


def format_date(value: date | None, lang: str = "ko", *, weekday: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if lang == "ko":
        text = f"{value.year}. {value.month}. {value.day}."
        return f"{text}({_WEEKDAYS_KO[value.weekday()]})" if weekday else text
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime | None, lang: str = "ko", *, weekday: bool = False) -> str:
    """Date and 24-hour time, in local time."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        try:
            value = value.astimezone()
        except (OverflowError, ValueError):  # too near the year 1 or 9999 for the local zone
            return f"{format_date(value.date(), lang, weekday=weekday)} {value:%H:%M} UTC"
    return f"{format_date(value.date(), lang, weekday=weekday)} {value:%H:%M}"


def format_meeting_time(
    value: datetime | None, zone_name: str, lang: str = "ko", *, weekday: bool = False
) -> str:
    """A meeting's date and time in its own zone, the zone named when this computer's differs:
    ``2026. 12. 8. 14:00`` in Seoul on a computer in Seoul, ``8 Dec 2026 09:00 EST`` for a
    meeting in Washington."""
    if value is None:
        return ""
    try:
        local = zones.in_zone(value, zone_name)
    except (OverflowError, ValueError):
        return format_datetime(value, lang, weekday=weekday)
    text = f"{format_date(local.date(), lang, weekday=weekday)} {local:%H:%M}"
    if zones.differs_from_computer(value, zone_name):
        text += f" {zones.abbreviation(value, zone_name)}"
    return text


def format_size(size: int) -> str:
    step = 1024.0
    amount = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if amount < step or unit == "GB":
            return f"{amount:.0f} {unit}" if unit == "B" else f"{amount:.1f} {unit}"
        amount /= step
    return f"{size} B"


def safe_url(url: str) -> str:
    """A database URL as it may be shown: without its password."""
    from sqlalchemy.engine import make_url  # lazy: start-up paints before SQLAlchemy loads

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def qt_date_format(lang: str) -> str:
    """The QDateEdit display format matching :func:`format_date`."""
    return "yyyy. M. d." if lang == "ko" else "d MMM yyyy"
