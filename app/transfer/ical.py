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

from app.dto import CommitmentQuery, MeetingInput, MeetingQuery
from app.errors import ImportFormatError, ValidationError
from app.i18n import current_language
from app.models import ActionItem, Meeting
from app.progress import Progress
from app.services.commitments import list_commitments
from app.services.meetings import list_meetings, meeting_values
from app.services.records import apply
from app.transfer.limits import DEFAULT_LIMITS, ImportLimits, LimitExceeded, check_rows, read_bounded
from app.transfer.queries import unpaged
from app.transfer.report import ImportOptions, ImportReport
from app.transfer.upsert import Upsert

if TYPE_CHECKING:
    from app.db import Database

DOMAIN = "partnership-desk"
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
    ko = current_language() == "ko"
    if kind == "meetings":
        cal, count = _meetings_calendar(db, query, ko)
    elif kind == "commitments":
        cal, count = _commitments_calendar(db, query, ko)
    else:
        raise ValidationError(
            "format",
            "iCalendar로는 회의와 이행 과제만 내보낼 수 있습니다.",
            "Only meetings and commitments export as iCalendar.",
        )
    return cal.to_ical(), count


def _meetings_calendar(db: Database, query: object | None, ko: bool) -> tuple[Any, int]:
    from icalendar import Event
    from sqlalchemy import select

    ids = [m.id for m in list_meetings(db, unpaged(query, MeetingQuery))]
    cal = _calendar("회의" if ko else "Meetings")
    count = 0
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
                event.add("summary", m.title)
                event.add("dtstart", m.starts_at.astimezone(UTC))
                event.add("dtend", (m.ends_at or m.starts_at + timedelta(hours=1)).astimezone(UTC))
                if m.place:
                    event.add("location", m.place)
                if m.online_url:
                    event.add("url", m.online_url)
                if m.summary:
                    event.add("description", m.summary)
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
                title = f"{'조치사항' if ko else 'Action'}: {a.title}"
                cal.add_component(
                    _deadline(
                        "action", a.id, a.version, a.updated_at, title, a.due_on, meetings[a.meeting_id].title
                    )
                )
                count += 1
    return cal, count


def _commitments_calendar(db: Database, query: object | None, ko: bool) -> tuple[Any, int]:
    rows = [c for c in list_commitments(db, unpaged(query, CommitmentQuery)) if c.due_on is not None]
    cal = _calendar("이행 과제 기한" if ko else "Commitment deadlines")
    for c in rows:
        assert c.due_on is not None
        agreement = c.agreement_title_ko or c.agreement_title_en
        title = f"{'기한' if ko else 'Due'}: {c.title}"
        cal.add_component(
            _deadline("commitment", c.id, c.version, c.updated_at, title, c.due_on,
                      "\n".join(p for p in (agreement, c.description) if p))
        )  # fmt: skip
    return cal, len(rows)


# -- import ------------------------------------------------------------------------

# Meetings are dated within these years: an event at 0001-01-01 or 9999-12-31 is refused, as
# such a time shown in a time zone ahead of or behind UTC falls outside what Python can hold.
MIN_YEAR, MAX_YEAR = 1900, 2199


def _when(event: Any, name: str, field: str) -> datetime | None:
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
    if isinstance(dt, datetime):
        value = dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    elif isinstance(dt, date):
        value = datetime.combine(dt, time(0, 0), tzinfo=UTC)
    else:
        return None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(
            field,
            f"{name.upper()}의 연도 {value.year}는 가져올 수 없습니다 ({MIN_YEAR}–{MAX_YEAR}년만 가능).",
            f"{name.upper()} is in the year {value.year}: meetings are dated between {MIN_YEAR} and {MAX_YEAR}.",
        )
    return value


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
    """(title, start, place) of the first events, for the import wizard's preview."""
    rows = []
    for event in read_calendar(path, limits)[:limit]:
        try:
            start = _when(event, "dtstart", "starts_at")
            when = start.astimezone().strftime("%Y-%m-%d %H:%M") if start else ""
        except ValidationError as exc:
            when = str(exc)
        rows.append([str(event.get("summary", "")), when, str(event.get("location", ""))])
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
    planned: list[tuple[uuid.UUID | None, dict[str, object]]] = []
    for number, event in enumerate(events, start=1):
        parsed = parse_uid(str(event.get("uid", "")))
        if parsed and parsed[0] != "meeting":
            upsert.unchanged += 1  # a deadline we exported: it lives on its commitment or action item
            continue
        with upsert.row(number):
            data = MeetingInput(
                title=str(event.get("summary", "")),
                starts_at=_when(event, "dtstart", "starts_at"),
                ends_at=_when(event, "dtend", "ends_at"),
                place=str(event.get("location", "")),
                online_url=str(event.get("url", "")),
                summary=str(event.get("description", "")),
            )
            planned.append((parsed[1] if parsed else None, meeting_values(data)))
    with db.session() as s, s.no_autoflush:
        # The meetings the file may refer to, loaded in batches up front: one query per event
        # flushed (and re-indexed) the session every time (5,000 events took 104 s).
        by_id: dict[uuid.UUID, Meeting] = {}
        ids = sorted({ident for ident, _ in planned if ident}, key=str)
        for chunk in _chunks(ids):
            by_id.update((m.id, m) for m in s.scalars(select(Meeting).where(Meeting.id.in_(chunk))))
        by_key: dict[tuple[object, object], Meeting] = {}
        titles = sorted({str(values["title"]) for _, values in planned})
        for chunk in _chunks(titles):
            query = select(Meeting).where(Meeting.title.in_(chunk), Meeting.deleted_at.is_(None))
            for m in s.scalars(query.order_by(Meeting.created_at, Meeting.id)):
                by_key.setdefault((m.title, m.starts_at), m)
        for done, (ident, values) in enumerate(planned, start=1):
            if done % 500 == 0:
                progress.check()
                progress.report(done, len(planned), "checking")
            obj = by_id.get(ident) if ident else None
            if obj is None:
                obj = by_key.get((values["title"], values["starts_at"]))
            if obj is None:
                obj = upsert.create(s, Meeting(id=ident or uuid.uuid4(), **values))
                by_id[obj.id] = obj
                by_key.setdefault((obj.title, obj.starts_at), obj)
            elif obj.deleted_at is not None:  # deleted here, still in the calendar: brought back
                upsert.created += 1
                obj.deleted_at = None
                apply(obj, values)
            else:
                upsert.update(s, obj, {k: v for k, v in values.items() if v not in ("", None)})
        if upsert.written:
            s.flush()
        else:
            s.rollback()
    return upsert.report("ics", len(events))


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
