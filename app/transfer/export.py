"""Exporting lists: CSV (UTF-8 with BOM) and XLSX of any list, vCard 3.0, iCalendar.

Lists honour the query the program shows (its filter and sort; paging is ignored).
Every text kept in two languages has two columns ("직위(한글)"/"직위(영문)", "Title (Korean)"/
"Title (English)"), as names always had; a record named in one column (a contact's
organization, a commitment's agreement) is named in the list's language. Meeting times are
written as the meeting's wall-clock time beside its zone; other times in Korea's (HOME),
never the computer's zone. Text a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return, apart from plain numbers) is neutralised: in CSV with a
leading apostrophe, in XLSX by storing the cell as text. Files are written
atomically.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import clock
from app.atomic import atomic_open, atomic_write_bytes
from app.dto import (
    AgreementQuery,
    CommitmentQuery,
    ContactQuery,
    MeetingQuery,
    OrganizationQuery,
    display_name,
)
from app.enums import RecordKind
from app.errors import ValidationError
from app.i18n import current_language
from app.models import Contact, Membership
from app.progress import Progress
from app.services.agreements import list_agreements
from app.services.commitments import list_commitments
from app.services.contacts import list_contacts
from app.services.meetings import list_meetings
from app.services.organizations import list_organizations
from app.text import strip_xml_illegal
from app.transfer.ical import calendar_bytes, wall_clock
from app.transfer.queries import unpaged
from app.transfer.vcard import CardOut, write_vcards
from app.zones import HOME, in_zone

if TYPE_CHECKING:
    from app.db import Database

LIST_KINDS = tuple(kind.plural for kind in RecordKind)
FORMATS = ("csv", "xlsx", "vcf", "ics")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def list_kind(kind: str) -> str:
    """The list name for ``kind`` ("agreement" or "agreements": "agreements"); an unknown word as it is."""
    try:
        return RecordKind.parse(kind).plural
    except ValueError:
        return kind


def neutralise(value: str) -> str:
    """``value`` made safe for a CSV cell: formulas get a leading apostrophe."""
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


@dataclasses.dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[object]]


def _label(ko: str, en: str) -> str:
    return ko if current_language() == "ko" else en


def _pair(ko: str, en: str) -> list[str]:
    """The headers of a text's two columns: "직위(한글)", "직위(영문)" / "Title (Korean)", "Title (English)"."""
    return [_label(f"{ko}(한글)", f"{en} (Korean)"), _label(f"{ko}(영문)", f"{en} (English)")]


def _named(ko: str, en: str) -> str:
    """A record named in one column: in the list's language, else the other."""
    return display_name(ko, en, current_language())


def _cell(value: object) -> object:
    if value is None:
        return ""
    if hasattr(value, "label") and callable(value.label):
        return str(value.label())
    if isinstance(value, datetime) and value.tzinfo is not None:
        return wall_clock(value, HOME).replace(tzinfo=None)  # never the computer's zone
    return value


def list_table(db: Database, kind: str, query: object | None = None) -> Table:
    """The rows of a list as the program shows them (current filter), with headers."""
    builder = _TABLES.get(list_kind(kind))
    if builder is None:
        raise ValidationError(
            "kind",
            f"내보낼 수 없는 목록입니다: {kind}",
            f"Cannot export '{kind}': choose one of {', '.join(LIST_KINDS)}.",
        )
    return builder(db, query)


def _agreements(db: Database, query: object | None) -> Table:
    rows = list_agreements(db, unpaged(query, AgreementQuery))
    headers = [
        _label("협약명", "Title (Korean)"), _label("영문 협약명", "Title (English)"),
        _label("관리번호", "Reference"), _label("유형", "Kind"), _label("상태", "Status"),
        _label("서명일", "Signed"), _label("만료일", "Expires"), _label("참여기관 수", "Parties"), "ID",
    ]  # fmt: skip
    return Table(
        headers,
        [
            [r.title_ko, r.title_en, r.reference_no, r.agreement_kind, r.status, r.signed_on, r.expires_on,
             r.party_count, str(r.id)]
            for r in rows
        ],
    )  # fmt: skip


def _organizations(db: Database, query: object | None) -> Table:
    rows = list_organizations(db, unpaged(query, OrganizationQuery))
    headers = [
        _label("기관명", "Name (Korean)"), _label("영문명", "Name (English)"), _label("약칭", "Short name"),
        _label("유형", "Kind"), _label("국가", "Country"), _label("웹사이트", "Website"), _label("메모", "Notes"), "ID",
    ]  # fmt: skip
    return Table(
        headers,
        [
            [r.name_ko, r.name_en, r.short_name, r.org_kind, r.country, r.website, r.notes, str(r.id)]
            for r in rows
        ],
    )


def contact_rows(db: Database, query: object | None) -> list[CardOut]:
    """The contacts of a list, each with their current position: the rows and the cards an export writes."""
    from sqlalchemy import or_, select

    summaries = list_contacts(db, unpaged(query, ContactQuery))
    ids = [c.id for c in summaries]
    details: dict[Any, Any] = {}
    departments: dict[Any, tuple[str, str]] = {}
    today = clock.today()
    with db.session() as s:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in s.execute(
                select(Contact.id, Contact.phone, Contact.mobile, Contact.notes).where(Contact.id.in_(chunk))
            ):
                details[row.id] = row
            # The current position, chosen as the contact list chooses it (latest start first).
            for contact_id, department_ko, department_en in s.execute(
                select(Membership.contact_id, Membership.department_ko, Membership.department_en)
                .where(
                    Membership.contact_id.in_(chunk),
                    Membership.deleted_at.is_(None),
                    or_(Membership.ended_on.is_(None), Membership.ended_on >= today),
                )
                .order_by(Membership.started_on.desc().nulls_last(), Membership.id)
            ):
                departments.setdefault(contact_id, (department_ko, department_en))
    return [
        CardOut(
            c.id, c.name_ko, c.name_en, c.email, details[c.id].phone, details[c.id].mobile, details[c.id].notes,
            c.organization_name_ko, c.organization_name_en, c.title_ko, c.title_en,
            *departments.get(c.id, ("", "")),
        )
        for c in summaries
    ]  # fmt: skip


def _contacts(db: Database, query: object | None) -> Table:
    headers = [
        *_pair("이름", "Name"), _label("소속", "Organization"), *_pair("직위", "Title"), *_pair("부서", "Department"),
        _label("이메일", "E-mail"), _label("전화", "Phone"), _label("휴대전화", "Mobile"), _label("메모", "Notes"), "ID",
    ]  # fmt: skip
    return Table(
        headers,
        [
            [c.name_ko, c.name_en, _named(c.organization_ko, c.organization_en), c.title_ko, c.title_en,
             c.department_ko, c.department_en, c.email, c.phone, c.mobile, c.notes, str(c.id)]
            for c in contact_rows(db, query)
        ],
    )  # fmt: skip


def _meetings(db: Database, query: object | None) -> Table:
    rows = list_meetings(db, unpaged(query, MeetingQuery))
    headers = [
        *_pair("회의명", "Title"), _label("일시", "Starts"), _label("시간대", "Time zone"), *_pair("장소", "Place"),
        _label("참석자 수", "Attendees"), _label("미완료 조치사항", "Open action items"), "ID",
    ]  # fmt: skip
    return Table(
        headers,
        [
            [r.title_ko, r.title_en, _wall_clock(r.starts_at, r.time_zone), _zone_shown(r.starts_at, r.time_zone),
             r.place_ko, r.place_en,
             r.attendee_count, r.open_action_count, str(r.id)]
            for r in rows
        ],
    )  # fmt: skip


def _zone_shown(instant: datetime | None, zone_name: str) -> str:
    """The zone the time beside it is in (UTC for a time its zone cannot hold: see ``wall_clock``)."""
    return "UTC" if instant is not None and _overflows(instant, zone_name) else zone_name


def _overflows(instant: datetime, zone_name: str) -> bool:
    try:
        in_zone(instant, zone_name)
    except OverflowError:
        return True
    return False


def _wall_clock(instant: datetime | None, zone_name: str) -> datetime | None:
    """A meeting's time as it is read where the meeting is held (its zone is in the next column)."""
    return wall_clock(instant, zone_name).replace(tzinfo=None) if instant is not None else None


def _commitments(db: Database, query: object | None) -> Table:
    rows = list_commitments(db, unpaged(query, CommitmentQuery))
    headers = [
        *_pair("이행 과제", "Commitment"), _label("협약", "Agreement"), _label("기관", "Organization"),
        _label("기한", "Due"), _label("상태", "Status"), *_pair("설명", "Description"), "ID",
    ]  # fmt: skip
    return Table(
        headers,
        [
            [r.title_ko, r.title_en, _named(r.agreement_title_ko, r.agreement_title_en),
             _named(r.organization_name_ko, r.organization_name_en), r.due_on, r.status, r.description_ko,
             r.description_en, str(r.id)]
            for r in rows
        ],
    )  # fmt: skip


_TABLES: dict[str, Callable[[Database, object | None], Table]] = {
    "agreements": _agreements,
    "organizations": _organizations,
    "contacts": _contacts,
    "meetings": _meetings,
    "commitments": _commitments,
}


def csv_bytes(table: Table) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_cell(v) for v in row])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def _csv_cell(value: object) -> str:
    value = _cell(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def write_xlsx(table: Table, dest: Path, title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for h in table.headers:
        cell = WriteOnlyCell(sheet, value=h)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        cells: list[object] = []
        for value in row:
            value = _cell(value)
            if isinstance(value, str):
                # Stored as a text cell, a leading "=" is shown, never run.
                cell = WriteOnlyCell(sheet, value=strip_xml_illegal(value))
                cell.data_type = "s"
                cells.append(cell)
            elif isinstance(value, datetime):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd hh:mm"
                cells.append(cell)
            elif isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    with atomic_open(dest) as handle:
        book.save(handle)


def export_list(
    db: Database,
    kind: str,
    fmt: str,
    dest: Path,
    query: object | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the list ``kind`` as ``fmt`` to ``dest``; returns the number of records written."""
    progress = progress or Progress()
    dest = Path(dest)
    kind = list_kind(kind)
    progress.report(0, 0, "reading")
    if fmt in ("csv", "xlsx"):
        table = list_table(db, kind, query)
        progress.check()
        if fmt == "csv":
            atomic_write_bytes(dest, csv_bytes(table))
        else:
            write_xlsx(table, dest, kind)
        count = len(table.rows)
    elif fmt == "vcf":
        if kind != "contacts":
            raise ValidationError(
                "format", "vCard로는 담당자만 내보낼 수 있습니다.", "Only contacts export as vCard."
            )

        rows = contact_rows(db, query)
        atomic_write_bytes(dest, write_vcards(rows))
        count = len(rows)
    elif fmt == "ics":
        data, count = calendar_bytes(db, kind, query)
        atomic_write_bytes(dest, data)
    else:
        raise ValidationError(
            "format", f"지원하지 않는 형식입니다: {fmt}", f"Unknown format {fmt}: use {', '.join(FORMATS)}."
        )
    progress.report(count, count, "done")
    return count


def formats_for(kind: str) -> Sequence[str]:
    extra = {"contacts": ("vcf",), "meetings": ("ics",), "commitments": ("ics",)}.get(list_kind(kind), ())
    return ("csv", "xlsx", *extra)
