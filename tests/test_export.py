"""Exports read back with independent readers: csv, openpyxl, vobject, icalendar."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.dto import (
    ActionItemInput,
    AgreementInput,
    CommitmentInput,
    ContactInput,
    ContactQuery,
    MeetingInput,
    MembershipInput,
    OrganizationInput,
)
from app.models import Contact, Meeting
from app.services import agreements, commitments, contacts, meetings, organizations
from app.transfer.contacts_import import import_contacts
from app.transfer.export import export_list, neutralise
from app.transfer.ical import import_meetings
from cli import main

DANGEROUS = ['=HYPERLINK("http://example.com","x")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]


@pytest.fixture
def people(db: Database) -> Database:
    org = organizations.create_organization(db, OrganizationInput(name_ko="SK하이닉스", name_en="SK hynix"))
    for i, notes in enumerate(DANGEROUS):
        c = contacts.create_contact(
            db, ContactInput(name_ko=f"최유나{i}", email=f"yuna{i}@example.com", notes="x")
        )
        with db.session() as s:  # notes as a file might bring them, past the form's checks
            s.get(Contact, c.id).notes = notes  # type: ignore[union-attr]
    c = contacts.create_contact(
        db, ContactInput(name_ko="박서준", name_en="Seojun Park", mobile="-12", phone="+82 2 000 0000")
    )
    contacts.add_membership(db, MembershipInput(c.id, org.id, title="부장", department="PKG개발"))
    return db


def test_neutralise() -> None:
    assert [neutralise(v) for v in DANGEROUS] == ["'" + v for v in DANGEROUS]
    assert [neutralise(v) for v in ("-12", "+3.5", "1e5", "정상", "a=b")] == [
        "-12",
        "+3.5",
        "1e5",
        "정상",
        "a=b",
    ]


def test_csv_has_bom_korean_and_no_live_formulas(people: Database, tmp_path: Path) -> None:
    dest = tmp_path / "contacts.csv"
    assert export_list(people, "contacts", "csv", dest) == 7
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["Name (Korean)", "Name (English)", "Organization"]
    park = next(r for r in rows if r[0] == "박서준")
    assert park[1:9] == ["Seojun Park", "SK하이닉스", "부장", "PKG개발", "", "'+82 2 000 0000", "-12", ""]
    notes = sorted(r[8] for r in rows[1:] if r[0].startswith("최유나"))
    assert notes == sorted("'" + v for v in DANGEROUS)
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for r in rows for cell in r)


def test_xlsx_keeps_formulas_as_text(people: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    dest = tmp_path / "contacts.xlsx"
    export_list(people, "contacts", "xlsx", dest)
    sheet = load_workbook(dest).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2))
    by_name = {r[0].value: r for r in rows}
    assert by_name["박서준"][2].value == "SK하이닉스"
    for i, text in enumerate(DANGEROUS):
        cell = by_name[f"최유나{i}"][8]
        assert cell.data_type == "s"  # text, shown as typed, never run
        assert cell.value.replace("\r", "") == text.replace("\r", "")
    assert all(c.data_type != "f" for r in rows for c in r)


def test_lists_honour_the_filter(people: Database, tmp_path: Path) -> None:
    dest = tmp_path / "filtered.csv"
    assert export_list(people, "contacts", "csv", dest, ContactQuery(text="박서", limit=1, offset=0)) == 1
    assert (
        export_list(people, "contacts", "csv", dest, ContactQuery(text="최유나", limit=2)) == 6
    )  # paging ignored


def test_every_list_exports_to_csv_and_xlsx(demo_sqlite: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for kind in ("agreements", "organizations", "contacts", "meetings", "commitments"):
        n = export_list(demo_sqlite, kind, "csv", tmp_path / f"{kind}.csv")
        assert n > 0, kind
        assert export_list(demo_sqlite, kind, "xlsx", tmp_path / f"{kind}.xlsx") == n
        sheet = load_workbook(tmp_path / f"{kind}.xlsx").active
        assert sheet is not None and sheet.max_row == n + 1
    rows = list(csv.reader((tmp_path / "agreements.csv").open(encoding="utf-8-sig")))
    assert any(r[0] == "반도체 첨단 패키징 기술개발 협력 협약" and r[5] == "2023-08-29" for r in rows)


def unfold(text: str) -> list[str]:
    """vCard/iCalendar content lines with folding undone (RFC 6350 3.2), without a library."""
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def test_vcard_parses_independently_and_reimports_without_duplicates(db: Database, tmp_path: Path) -> None:
    import vobject

    org = organizations.create_organization(db, OrganizationInput(name_ko="SK하이닉스"))
    park = contacts.create_contact(
        db,
        ContactInput(
            name_ko="박서준", name_en="Seojun Park", email="seojun@example.com", mobile="010-0000-0000"
        ),
    )
    contacts.add_membership(db, MembershipInput(park.id, org.id, title="부장", department="PKG개발"))
    for i in range(5):
        contacts.create_contact(db, ContactInput(name_ko=f"최유나{i}", notes="\tcmd\n=1+2; 둘째 줄, 쉼표"))
    contacts.create_contact(db, ContactInput(name_en="Grace Choi", phone="+82 2 000 0000"))
    people = db
    dest = tmp_path / "contacts.vcf"
    export_list(people, "contacts", "vcf", dest)
    text = dest.read_bytes().decode("utf-8")  # CRLF line ends, as RFC 6350 requires
    lines = unfold(text)
    assert lines.count("BEGIN:VCARD") == 7 and lines.count("VERSION:3.0") == 7
    assert "ORG:SK하이닉스;PKG개발" in lines and "TITLE:부장" in lines and "FN:박서준" in lines
    assert "N:박;서준;;;" in lines
    cards = list(vobject.readComponents(text))
    park = next(c for c in cards if c.fn.value == "박서준")
    assert park.org.value == ["SK하이닉스", "PKG개발"] and park.title.value == "부장"
    before = people.engine.connect().execute(select(func.count()).select_from(Contact)).scalar()
    report = import_contacts(people, dest)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 7)
    assert people.engine.connect().execute(select(func.count()).select_from(Contact)).scalar() == before


@pytest.fixture
def calendar_db(any_db: Database) -> Database:
    a = agreements.create_agreement(any_db, AgreementInput(title_ko="반도체 첨단 패키징 협약"))
    commitments.create_commitment(
        any_db, CommitmentInput(agreement_id=a.id, title="테스트베드 구축", due_on=date(2024, 6, 30))
    )
    m = meetings.create_meeting(
        any_db,
        MeetingInput(
            title="1차 실무협의",
            starts_at=datetime(2023, 9, 12, 5, 0, tzinfo=UTC),
            ends_at=datetime(2023, 9, 12, 7, 0, tzinfo=UTC),
            place="세종청사 6동",
            summary="공급망 점검; 다음 회의: 10월",
        ),
    )
    meetings.add_action_item(any_db, m.id, ActionItemInput(title="예산안 초안", due_on=date(2023, 10, 1)))
    meetings.create_meeting(any_db, MeetingInput(title="일정 미정 회의"))  # no time: not in a calendar
    return any_db


def test_icalendar_parses_with_stable_uids_and_reimports(calendar_db: Database, tmp_path: Path) -> None:
    from icalendar import Calendar

    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert export_list(calendar_db, "meetings", "ics", first) == 2
    export_list(calendar_db, "meetings", "ics", second)
    assert first.read_bytes() == second.read_bytes()  # same UIDs, stamps and sequence: a calendar updates
    cal = Calendar.from_ical(first.read_bytes())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    meeting = next(e for uid, e in events.items() if uid.startswith("meeting-"))
    assert str(meeting["summary"]) == "1차 실무협의" and str(meeting["location"]) == "세종청사 6동"
    assert meeting.decoded("dtstart") == datetime(2023, 9, 12, 5, 0, tzinfo=UTC)
    action = next(e for uid, e in events.items() if uid.startswith("action-"))
    assert action.decoded("dtstart") == date(2023, 10, 1) and str(action["summary"]) == "Action: 예산안 초안"
    with calendar_db.session() as s:
        ids = set(s.scalars(select(Meeting.id)))
    report = import_meetings(calendar_db, first)
    assert (report.created, report.updated, report.unchanged, report.invalid) == (0, 0, 2, 0)
    with calendar_db.session() as s:
        assert set(s.scalars(select(Meeting.id))) == ids
    # Edited in a calendar program and imported back: the same meeting is updated.
    (tmp_path / "c.ics").write_bytes(first.read_bytes().replace("세종청사 6동".encode(), "서울청사".encode()))
    report = import_meetings(calendar_db, tmp_path / "c.ics")
    assert (report.created, report.updated) == (0, 1)
    assert [m.place for m in meetings.list_meetings(calendar_db) if m.title == "1차 실무협의"] == ["서울청사"]


def test_commitment_deadlines_as_all_day_events(calendar_db: Database, tmp_path: Path) -> None:
    from icalendar import Calendar

    dest = tmp_path / "due.ics"
    assert export_list(calendar_db, "commitments", "ics", dest) == 1
    [event] = Calendar.from_ical(dest.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == date(2024, 6, 30) and event.decoded("dtend") == date(2024, 7, 1)
    assert str(event["summary"]) == "Due: 테스트베드 구축"
    assert str(event["uid"]).startswith("commitment-") and "DTSTART;VALUE=DATE:20240630" in unfold(
        dest.read_bytes().decode()
    )


def test_foreign_calendar_events_import_once(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "outlook.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008000000001@example.com\r\n"
        b"DTSTAMP:20230901T000000Z\r\nDTSTART:20230915T010000Z\r\nDTEND:20230915T020000Z\r\n"
        b"SUMMARY:\xed\x95\x9c\xeb\xaf\xb8 \xed\x98\x91\xec\x9d\x98\r\nLOCATION:Online\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:bad-1@example.com\r\nDTSTAMP:20230901T000000Z\r\nDTSTART:20230915T010000Z\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    report = import_meetings(db, path)
    assert [(p.row, p.field) for p in report.problems] == [(2, "title")] and not report.written
    from app.transfer.report import ImportOptions

    options = ImportOptions(kind="meetings", skip_invalid=True)
    assert import_meetings(db, path, options).created == 1
    assert import_meetings(db, path, options).created == 0
    assert [m.title for m in meetings.list_meetings(db)] == ["한미 협의"]


def test_cli_export(people: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "out.xlsx"
    assert main(["--db", people.url, "export", "contacts", "--format", "xlsx", "-o", str(dest)]) == 0
    assert "Exported 7 contacts" in capsys.readouterr().out
    assert dest.exists()
    assert main(["--db", people.url, "export", "organizations", "--format", "vcf", "-o", str(dest)]) == 1
    assert "Only contacts export as vCard" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exported_contact_lists_import_back_unchanged(
    demo_sqlite: Database, tmp_path: Path, fmt: str, lang: str
) -> None:
    from app.i18n import set_language

    set_language(lang)
    dest = tmp_path / f"contacts.{fmt}"
    n = export_list(demo_sqlite, "contacts", fmt, dest)
    report = import_contacts(demo_sqlite, dest)
    assert (report.created, report.updated, report.unchanged, report.invalid) == (0, 0, n, 0)
    assert "uid" in report.mapping.values() and "name_ko" in report.mapping.values()
