"""iCalendar out (meetings as events, commitment and action-item deadlines as all-day
events) and in (meetings). UIDs derive from record ids (``meeting-<id>@partnership-desk``),
so importing an export again into a calendar, or into Partnership Desk, updates
instead of duplicating; ``SEQUENCE`` follows the record's version and ``DTSTAMP``
its last change, so two exports of unchanged data are identical.
"""

from __future__ import annotations

import re
import uuid
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


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    dt = value.dt
    if isinstance(dt, datetime):
        return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    if isinstance(dt, date):
        return datetime.combine(dt, time(0, 0), tzinfo=UTC)
    return None


def preview_events(path: Path, limit: int) -> list[list[str]]:
    """(title, start, place) of the first events, for the import wizard's preview."""
    from icalendar import Calendar

    try:
        cal = Calendar.from_ical(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        raise ImportFormatError(
            f"iCalendar 파일이 아닙니다: {path}", f"Not an iCalendar file: {path} ({exc})"
        ) from exc
    rows = []
    for event in list(cal.walk("VEVENT"))[:limit]:
        start = _when(event.get("dtstart"))
        when = start.astimezone().strftime("%Y-%m-%d %H:%M") if start else ""
        rows.append([str(event.get("summary", "")), when, str(event.get("location", ""))])
    return rows


def import_meetings(
    db: Database, path: Path, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import the events of an iCalendar file as meetings (deadline entries we wrote are skipped)."""
    from icalendar import Calendar
    from sqlalchemy import select

    options = options or ImportOptions(kind="meetings")
    progress = progress or Progress()
    try:
        cal = Calendar.from_ical(Path(path).read_bytes())
    except OSError as exc:
        raise ImportFormatError(
            f"파일을 읽을 수 없습니다: {path}", f"Cannot read {path}: {exc.strerror}"
        ) from exc
    except ValueError as exc:
        raise ImportFormatError(
            f"iCalendar 파일이 아닙니다: {path}", f"Not an iCalendar file: {path} ({exc})"
        ) from exc
    events = [c for c in cal.walk("VEVENT")]
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
                starts_at=_when(event.get("dtstart")),
                ends_at=_when(event.get("dtend")),
                place=str(event.get("location", "")),
                online_url=str(event.get("url", "")),
                summary=str(event.get("description", "")),
            )
            planned.append((parsed[1] if parsed else None, meeting_values(data)))
    with db.session() as s:
        for ident, values in planned:
            progress.check()
            obj = s.get(Meeting, ident) if ident else None
            if obj is None:
                obj = s.scalar(
                    select(Meeting).where(
                        Meeting.title == values["title"],
                        Meeting.starts_at == values["starts_at"],
                        Meeting.deleted_at.is_(None),
                    )
                )
            if obj is None:
                upsert.create(s, Meeting(id=ident or uuid.uuid4(), **values))
            elif obj.deleted_at is not None:  # deleted here, still in the calendar: brought back
                upsert.created += 1
                obj.deleted_at = None
                apply(obj, values)
            else:
                upsert.update(s, obj, {k: v for k, v in values.items() if v not in ("", None)})
        if not upsert.written:
            s.rollback()
    return upsert.report("ics", len(events))
