"""iCalendar out (meetings as events, commitment and action-item deadlines as all-day
events) and in (meetings). UIDs derive from record ids (``meeting-<id>@partnership-desk``),
so importing an export again into a calendar, or into Partnership Desk, updates
instead of duplicating; ``SEQUENCE`` follows the record's version and ``DTSTAMP``
its last change, so two exports of unchanged data are identical.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.dto import CommitmentQuery, MeetingInput, MeetingQuery, Shown, display_name, shown
from app.errors import ImportFormatError, ValidationError
from app.i18n import current_language
from app.models import ActionItem, Meeting
from app.progress import Progress
from app.services.commitments import list_commitments
from app.services.meetings import list_meetings, meeting_values
from app.services.records import apply
from app.transfer.fields import by_language
from app.transfer.limits import DEFAULT_LIMITS, ImportLimits, LimitExceeded, check_rows, read_bounded
from app.transfer.queries import unpaged
from app.transfer.report import ImportOptions, ImportReport
from app.transfer.upsert import Upsert
from app.zones import HOME, at, check_zone, in_zone

if TYPE_CHECKING:
    from app.db import Database

DOMAIN = "partnership-desk"
# The other language of SUMMARY, LOCATION and DESCRIPTION, for our own import (X- properties
# are kept by some calendar programs, dropped by others); DESCRIPTION also shows it, after
# one of these headings, since every calendar program keeps and shows the description.
ALT = "x-partnership-desk-"
ALT_HEADINGS = {"ko": "—— 한국어 ——", "en": "—— English ——"}
_UID = re.compile(r"^(meeting|action|commitment)-([0-9a-f-]{36})@" + DOMAIN + "$", re.IGNORECASE)


def uid_for(kind: str, ident: uuid.UUID) -> str:
    return f"{kind}-{ident}@{DOMAIN}"


def parse_uid(uid: str) -> tuple[str, uuid.UUID] | None:
    m = _UID.match(uid.strip())
    return (m.group(1).lower(), uuid.UUID(m.group(2))) if m else None


def _calendar(name: str) -> Any:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//Partnership Desk//Partnership Desk//KO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def _deadline(kind: str, ident: uuid.UUID, version: int, stamp: datetime, title: str, due: date,
              description: str) -> Any:  # fmt: skip
    from icalendar import Event

    event = Event()
    event.add("uid", uid_for(kind, ident))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("sequence", max(version - 1, 0))
    event.add("summary", title)
    event.add("dtstart", due)
    event.add("dtend", due + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("categories", [kind])
    if description:
        event.add("description", description)
    return event


def calendar_bytes(db: Database, kind: str, query: object | None = None) -> tuple[bytes, int]:
    """The calendar of a meetings or commitments list; returns (bytes, number of entries)."""
    lang = current_language()
    if kind == "meetings":
        cal, count = _meetings_calendar(db, query, lang)
    elif kind == "commitments":
        cal, count = _commitments_calendar(db, query, lang)
    else:
        raise ValidationError(
            "format",
            "iCalendar로는 회의와 이행 과제만 내보낼 수 있습니다.",
            "Only meetings and commitments export as iCalendar.",
        )
    return cal.to_ical(), count


def wall_clock(instant: datetime, zone_name: str) -> datetime:
    """``instant`` in the meeting's zone; in UTC when that falls outside what Python can hold (a
    meeting stored at 9999-12-31 23:00 UTC, before imports refused such dates, is in year 10000 in
    Seoul)."""
    try:
        return in_zone(instant, zone_name)
    except OverflowError:
        return instant.astimezone(UTC)


def _an_hour_later(instant: datetime) -> datetime:
    """Where a meeting with no end ends in a calendar (at its start if that is the last hour Python holds)."""
    try:
        return instant + timedelta(hours=1)
    except OverflowError:
        return instant


def _other(lang: str) -> str:
    return "en" if lang == "ko" else "ko"


def _add_text(event: Any, name: str, ko: str, en: str, lang: str) -> Shown:
    """``name`` in ``lang`` (else the other language), tagged with the language it is in; the
    other language's text, when there are both, as ``X-PARTNERSHIP-DESK-<name>``."""
    main = shown(ko, en, lang)
    if main.text:
        event.add(name, main.text, parameters={"LANGUAGE": main.lang})
        if ko and en:
            other = _other(main.lang)
            event.add(ALT + name, en if other == "en" else ko, parameters={"LANGUAGE": other})
    return main


def alternative_block(m: Meeting, lang: str) -> str:
    """The other language's title, place and minutes, as DESCRIPTION carries them ("" if none)."""
    other = _other(lang)
    parts = [
        (label, texts[other])
        for label, texts in (
            ("", {"ko": m.title_ko, "en": m.title_en}),
            ("장소: " if other == "ko" else "Place: ", {"ko": m.place_ko, "en": m.place_en}),
            ("", {"ko": m.summary_ko, "en": m.summary_en}),
        )
        if texts[lang] and texts[other]  # shown in the wanted language, and there is another
    ]
    if not parts:
        return ""
    return "\n".join([ALT_HEADINGS[other], *(label + text for label, text in parts)])


def _meetings_calendar(db: Database, query: object | None, lang: str) -> tuple[Any, int]:
    from icalendar import Event
    from sqlalchemy import select

    ids = [m.id for m in list_meetings(db, unpaged(query, MeetingQuery))]
    cal = _calendar("회의" if lang == "ko" else "Meetings")
    count = 0
    days: list[date] = []
    with db.session() as s:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            meetings = {m.id: m for m in s.scalars(select(Meeting).where(Meeting.id.in_(chunk)))}
            for ident in chunk:
                m = meetings[ident]
                if m.starts_at is None:
                    continue
                event = Event()
                event.add("uid", uid_for("meeting", m.id))
                event.add("dtstamp", m.updated_at.astimezone(UTC))
                event.add("sequence", max(m.version - 1, 0))
                _add_text(event, "summary", m.title_ko, m.title_en, lang)
                # In the meeting's zone (TZID and its VTIMEZONE): a calendar shows the local time.
                begins = wall_clock(m.starts_at, m.time_zone)
                ends = wall_clock(m.ends_at or _an_hour_later(m.starts_at), m.time_zone)
                event.add("dtstart", begins)
                event.add("dtend", ends)
                event.add(ALT + "time-zone", m.time_zone)  # a UTC time says Z, not that it was chosen
                days += [begins.date(), ends.date()]
                _add_text(event, "location", m.place_ko, m.place_en, lang)
                if m.online_url:
                    event.add("url", m.online_url)
                minutes = shown(m.summary_ko, m.summary_en, lang)
                block = alternative_block(m, lang)
                description = "\n\n".join(p for p in (minutes.text, block) if p)
                if description:
                    event.add(
                        "description",
                        description,
                        parameters={"LANGUAGE": minutes.lang if minutes.text else _other(lang)},
                    )
                    if m.summary_ko and m.summary_en:
                        other = _other(minutes.lang)
                        event.add(ALT + "description", m.summary_en if other == "en" else m.summary_ko,
                                  parameters={"LANGUAGE": other})  # fmt: skip
                cal.add_component(event)
                count += 1
            actions = s.scalars(
                select(ActionItem)
                .where(
                    ActionItem.meeting_id.in_(chunk),
                    ActionItem.deleted_at.is_(None),
                    ActionItem.due_on.is_not(None),
                )
                .order_by(ActionItem.due_on, ActionItem.id)
            )
            for a in actions:
                assert a.due_on is not None
                owner = meetings[a.meeting_id]
                title = f"{'조치사항' if lang == 'ko' else 'Action'}: {display_name(a.title_ko, a.title_en, lang)}"
                cal.add_component(
                    _deadline(
                        "action", a.id, a.version, a.updated_at, title, a.due_on,
                        display_name(owner.title_ko, owner.title_en, lang),
                    )
                )  # fmt: skip
                count += 1
    if days:  # each zone's rules over the years of its meetings and the next (a meeting moved later)
        cal.add_missing_timezones(date(min(days).year, 1, 1), date(min(max(days).year + 2, 9999), 1, 1))
    return cal, count


def _commitments_calendar(db: Database, query: object | None, lang: str) -> tuple[Any, int]:
    rows = [c for c in list_commitments(db, unpaged(query, CommitmentQuery)) if c.due_on is not None]
    cal = _calendar("이행 과제 기한" if lang == "ko" else "Commitment deadlines")
    for c in rows:
        assert c.due_on is not None
        agreement = display_name(c.agreement_title_ko, c.agreement_title_en, lang)
        title = f"{'기한' if lang == 'ko' else 'Due'}: {c.title(lang)}"
        cal.add_component(
            _deadline("commitment", c.id, c.version, c.updated_at, title, c.due_on,
                      "\n".join(p for p in (agreement, c.description(lang)) if p))
        )  # fmt: skip
    return cal, len(rows)


# -- import ------------------------------------------------------------------------

# Meetings are dated within these years: an event at 0001-01-01 or 9999-12-31 is refused, as
# such a time shown in a time zone ahead of or behind UTC falls outside what Python can hold.
MIN_YEAR, MAX_YEAR = 1900, 2199


def _when(event: Any, name: str, field: str) -> tuple[datetime, str | None] | None:
    """The instant of ``name`` and the zone the file names for it (its TZID), or None.

    A time with no zone (floating) and a day without a time are read in Korea's time (HOME):
    the people who send this program calendars are in Korea. A UTC time is an exact instant but
    says nothing of where the meeting is, so it names no zone either."""
    if event.get(name) is None:
        return None
    try:
        dt = event.get(name).dt
    except (ValueError, TypeError, AttributeError) as exc:  # icalendar's BrokenCalendarProperty
        raw = str(event.get(name).to_ical() if hasattr(event.get(name), "to_ical") else "")[:60]
        raise ValidationError(
            field,
            f"{name.upper()} 날짜/시각을 읽을 수 없습니다: {raw} (예: 20260315T100000Z)",
            f"{name.upper()} is not a date or time: {raw} (for example 20260315T100000Z)",
        ) from exc
    named: str | None = None
    if isinstance(dt, datetime):
        if dt.tzinfo is None:
            value = at(dt.date(), dt.time(), HOME)
        else:
            value = dt
            key = getattr(dt.tzinfo, "key", None)
            if isinstance(key, str) and key not in ("UTC", "Etc/UTC") and _known_zone(key):
                named = key
    elif isinstance(dt, date):
        value = at(dt, time(0, 0), HOME)
    else:
        return None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(
            field,
            f"{name.upper()}의 연도 {value.year}는 가져올 수 없습니다 ({MIN_YEAR}–{MAX_YEAR}년만 가능).",
            f"{name.upper()} is in the year {value.year}: meetings are dated between {MIN_YEAR} and {MAX_YEAR}.",
        )
    return value, named


def _known_zone(name: str) -> bool:
    try:
        check_zone(name)
    except ValidationError:
        return False
    return True


def _instant(when: tuple[datetime, str | None] | None) -> datetime | None:
    return when[0] if when is not None else None


def _texts(event: Any, name: str) -> tuple[str, str]:
    """(Korean, English) of a text property: by its LANGUAGE, else its script; the other language
    from ``X-PARTNERSHIP-DESK-<name>`` as our files carry it (a description without the other
    language's block that ``alternative_block`` appends)."""
    prop = event.get(name)
    text = str(prop) if prop is not None else ""
    if name == "description":
        text = without_alternative(text)
    ko, en = by_language(text, getattr(prop, "params", {}).get("LANGUAGE")) if text else ("", "")
    alt = event.get(ALT + name)
    if alt is not None and str(alt):
        alt_ko, alt_en = by_language(str(alt), getattr(alt, "params", {}).get("LANGUAGE"))
        ko, en = ko or alt_ko, en or alt_en
    return ko, en


def without_alternative(description: str) -> str:
    """A description without the other language's block our export appends."""
    for heading in ALT_HEADINGS.values():
        if description.startswith(heading + "\n") or description == heading:
            return ""
        cut = description.find("\n\n" + heading + "\n")
        if cut < 0 and description.endswith("\n\n" + heading):
            cut = len(description) - len(heading) - 2
        if cut >= 0:
            return description[:cut]
    return description


def _scan(data: bytes, limits: ImportLimits, name: str) -> None:
    """Check nesting, the number of events and the length of each property in one pass over the
    raw lines, before icalendar builds anything."""
    depth = events = properties = 0
    length = 0
    for number, raw in enumerate(_lines(data), start=1):
        line = raw.rstrip(b"\r")
        if line[:1] in (b" ", b"\t"):
            length += len(line)
        else:
            length = len(line)
            if line[:6].upper() == b"BEGIN:":
                properties = 0
            properties += 1  # a component's properties are its columns
            if properties > limits.columns:
                raise LimitExceeded(
                    "columns",
                    limits.columns,
                    f"{name}의 {number:,}번째 줄",
                    f"Line {number:,} of {name} (properties of one entry)",
                )
        if length > limits.cell_chars:
            raise LimitExceeded(
                "cell_chars", limits.cell_chars, f"{name}의 {number:,}번째 줄", f"Line {number:,} of {name}"
            )
        upper = line[:16].upper()
        if upper.startswith(b"BEGIN:"):
            depth += 1
            if depth > limits.depth:
                raise LimitExceeded(
                    "depth", limits.depth, f"{name}의 {number:,}번째 줄", f"Line {number:,} of {name}"
                )
            if upper.strip() == b"BEGIN:VEVENT":
                events += 1
                check_rows(events, limits)
        elif upper.startswith(b"END:"):
            depth = max(depth - 1, 0)


def _lines(data: bytes) -> Iterator[bytes]:
    """The lines of ``data`` one at a time (a list of a 100 MB file's lines would be GBs)."""
    start = 0
    while True:
        end = data.find(b"\n", start)
        if end < 0:
            yield data[start:]
            return
        yield data[start:end]
        start = end + 1


def read_calendar(path: Path, limits: ImportLimits = DEFAULT_LIMITS) -> list[Any]:
    """The VEVENT components of an iCalendar file, checked against the import limits."""
    from icalendar import Calendar

    data = read_bounded(Path(path), limits)
    _scan(data, limits, Path(path).name)
    try:
        cal = Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError) as exc:
        detail = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise ImportFormatError(
            f"iCalendar 파일이 아니거나 손상되었습니다: {Path(path).name} ({detail})",
            f"Not an iCalendar file, or a damaged one: {Path(path).name} ({detail})",
        ) from exc
    return list(cal.walk("VEVENT"))


def preview_events(path: Path, limit: int, limits: ImportLimits = DEFAULT_LIMITS) -> list[list[str]]:
    """The first events as they would be imported, for the import wizard's preview: title in
    Korean and English, start in the meeting's zone (never the computer's), the zone, place in
    Korean and English (``preview.EVENT_FIELDS``)."""
    rows = []
    for event in read_calendar(path, limits)[:limit]:
        when = zone_name = ""
        try:
            start = _when(event, "dtstart", "starts_at")
            if start is not None:
                chosen = str(event.get(ALT + "time-zone", ""))
                zone_name = chosen if _known_zone(chosen) else start[1] or HOME
                when = f"{in_zone(start[0], zone_name):%Y-%m-%d %H:%M}"
        except ValidationError as exc:
            when = str(exc)
        rows.append([*_texts(event, "summary"), when, zone_name, *_texts(event, "location")])
    return rows


def import_meetings(
    db: Database, path: Path, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import the events of an iCalendar file as meetings (deadline entries we wrote are skipped)."""
    from sqlalchemy import select

    options = options or ImportOptions(kind="meetings")
    progress = progress or Progress()
    events = read_calendar(path, options.limits)
    upsert = Upsert("meetings", options)
    planned: list[tuple[uuid.UUID | None, dict[str, object], bool]] = []
    for number, event in enumerate(events, start=1):
        parsed = parse_uid(str(event.get("uid", "")))
        if parsed and parsed[0] != "meeting":
            upsert.unchanged += 1  # a deadline we exported: it lives on its commitment or action item
            continue
        with upsert.row(number):
            start = _when(event, "dtstart", "starts_at")
            title_ko, title_en = _texts(event, "summary")
            place_ko, place_en = _texts(event, "location")
            summary_ko, summary_en = _texts(event, "description")
            zone_name = start[1] if start is not None else None
            chosen = str(event.get(ALT + "time-zone", ""))  # the zone our export names, UTC too
            if start is not None and _known_zone(chosen):
                zone_name = chosen
            data = MeetingInput(
                title_ko=title_ko,
                title_en=title_en,
                starts_at=_instant(start),
                ends_at=_instant(_when(event, "dtend", "ends_at")),
                time_zone=zone_name or HOME,
                place_ko=place_ko,
                place_en=place_en,
                online_url=str(event.get("url", "")),
                summary_ko=summary_ko,
                summary_en=summary_en,
            )
            planned.append((parsed[1] if parsed else None, meeting_values(data), zone_name is not None))
    with db.session() as s, s.no_autoflush:
        # The meetings the file may refer to, loaded in batches up front: one query per event
        # flushed (and re-indexed) the session every time (5,000 events took 104 s).
        by_id: dict[uuid.UUID, Meeting] = {}
        ids = sorted({ident for ident, _, _ in planned if ident}, key=str)
        for chunk in _chunks(ids):
            by_id.update((m.id, m) for m in s.scalars(select(Meeting).where(Meeting.id.in_(chunk))))
        # A meeting without our UID is the one with the same title (in either language) and start.
        by_key: dict[tuple[str, object, object], Meeting] = {}
        for lang in ("ko", "en"):
            column = getattr(Meeting, f"title_{lang}")
            titles = sorted({str(values[f"title_{lang}"]) for _, values, _ in planned} - {""})
            for chunk in _chunks(titles):
                query = select(Meeting).where(column.in_(chunk), Meeting.deleted_at.is_(None))
                for m in s.scalars(query.order_by(Meeting.created_at, Meeting.id)):
                    by_key.setdefault((lang, getattr(m, f"title_{lang}"), m.starts_at), m)
        for done, (ident, values, zone_named) in enumerate(planned, start=1):
            if done % 500 == 0:
                progress.check()
                progress.report(done, len(planned), "checking")
            obj = by_id.get(ident) if ident else None
            if obj is None:
                obj = _same_meeting(by_key, values)
            if obj is None:
                obj = upsert.create(s, Meeting(id=ident or uuid.uuid4(), **values))
                by_id[obj.id] = obj
                _remember(by_key, obj)
            elif obj.deleted_at is not None:  # deleted here, still in the calendar: brought back
                upsert.created += 1
                obj.deleted_at = None
                apply(obj, values)
            else:
                # Empty texts never erase; a zone the file does not name never moves the meeting.
                given = {k: v for k, v in values.items() if v not in ("", None)}
                if not zone_named:
                    given.pop("time_zone", None)
                upsert.update(s, obj, given)
        if upsert.written:
            s.flush()
        else:
            s.rollback()
    return upsert.report("ics", len(events))


def _same_meeting(
    by_key: dict[tuple[str, object, object], Meeting], values: dict[str, object]
) -> Meeting | None:
    for lang in ("ko", "en"):
        title = values[f"title_{lang}"]
        if title:
            found = by_key.get((lang, title, values["starts_at"]))
            if found is not None:
                return found
    return None


def _remember(by_key: dict[tuple[str, object, object], Meeting], m: Meeting) -> None:
    for lang in ("ko", "en"):
        title = getattr(m, f"title_{lang}")
        if title:
            by_key.setdefault((lang, title, m.starts_at), m)


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
