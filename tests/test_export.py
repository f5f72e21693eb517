"""Exports read back with independent readers: csv, openpyxl, vobject, icalendar."""

from __future__ import annotations

import csv
import io
import time as time_module
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from exchange_helpers import open_laptop
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
from app.models import Contact, Meeting, Membership
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
    contacts.add_membership(
        db,
        MembershipInput(c.id, org.id, title_ko="부장", title_en="General Manager", department_ko="PKG개발"),
    )
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
    assert rows[0] == [
        "Name (Korean)", "Name (English)", "Organization", "Title (Korean)", "Title (English)",
        "Department (Korean)", "Department (English)", "E-mail", "Phone", "Mobile", "Notes", "ID",
    ]  # fmt: skip
    park = next(r for r in rows if r[0] == "박서준")
    # The organization in the list's language; the position in both.
    assert park[1:11] == [
        "Seojun Park", "SK hynix", "부장", "General Manager", "PKG개발", "", "", "'+82 2 000 0000", "-12", "",
    ]  # fmt: skip
    notes = sorted(r[10] for r in rows[1:] if r[0].startswith("최유나"))
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
    assert [c.value for c in by_name["박서준"][2:5]] == ["SK hynix", "부장", "General Manager"]
    for i, text in enumerate(DANGEROUS):
        cell = by_name[f"최유나{i}"][10]
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
    contacts.add_membership(db, MembershipInput(park.id, org.id, title_ko="부장", department_ko="PKG개발"))
    for i in range(5):
        contacts.create_contact(db, ContactInput(name_ko=f"최유나{i}", notes="\tcmd\n=1+2; 둘째 줄, 쉼표"))
    contacts.create_contact(db, ContactInput(name_en="Grace Choi", phone="+82 2 000 0000"))
    people = db
    dest = tmp_path / "contacts.vcf"
    export_list(people, "contacts", "vcf", dest)
    text = dest.read_bytes().decode("utf-8")  # CRLF line ends, as RFC 6350 requires
    lines = unfold(text)
    assert lines.count("BEGIN:VCARD") == 7 and lines.count("VERSION:3.0") == 7
    assert "ORG;LANGUAGE=ko:SK하이닉스;PKG개발" in lines and "TITLE;LANGUAGE=ko:부장" in lines
    assert "FN:박서준" in lines
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
        any_db, CommitmentInput(agreement_id=a.id, title_ko="테스트베드 구축", due_on=date(2024, 6, 30))
    )
    m = meetings.create_meeting(
        any_db,
        MeetingInput(
            title_ko="1차 실무협의",
            starts_at=datetime(2023, 9, 12, 5, 0, tzinfo=UTC),
            ends_at=datetime(2023, 9, 12, 7, 0, tzinfo=UTC),
            place_ko="세종청사 6동",
            summary_ko="공급망 점검; 다음 회의: 10월",
        ),
    )
    meetings.add_action_item(any_db, m.id, ActionItemInput(title_ko="예산안 초안", due_on=date(2023, 10, 1)))
    meetings.create_meeting(any_db, MeetingInput(title_ko="일정 미정 회의"))  # no time: not in a calendar
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
    assert meeting["summary"].params["LANGUAGE"] == "ko"  # the English is missing: the Korean, tagged so
    assert meeting.decoded("dtstart") == datetime(2023, 9, 12, 5, 0, tzinfo=UTC)
    assert "DTSTART;TZID=Asia/Seoul:20230912T140000" in unfold(first.read_bytes().decode())
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Seoul"]
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
    assert [m.place_ko for m in meetings.list_meetings(calendar_db) if m.title_ko == "1차 실무협의"] == [
        "서울청사"
    ]


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
    assert [(p.row, p.field) for p in report.problems] == [(2, "title_ko")] and not report.written
    from app.transfer.report import ImportOptions

    options = ImportOptions(kind="meetings", skip_invalid=True)
    assert import_meetings(db, path, options).created == 1
    assert import_meetings(db, path, options).created == 0
    assert [(m.title_ko, m.title_en, m.time_zone) for m in meetings.list_meetings(db)] == [
        ("한미 협의", "", "Asia/Seoul")
    ]


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


@pytest.fixture
def computer_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Sets this computer's zone (TZ) for the test, then puts it back."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time_module.tzset()

    yield use
    monkeypatch.undo()
    time_module.tzset()


@pytest.fixture
def washington(db: Database) -> Database:
    """A meeting held in Washington, recorded in both languages."""
    meetings.create_meeting(
        db,
        MeetingInput(
            title_ko="한미 공급망 협의",
            title_en="Korea-US supply chain consultation",
            starts_at=datetime(2026, 3, 10, 14, 0, tzinfo=UTC),  # 10:00 in Washington (EDT)
            ends_at=datetime(2026, 3, 10, 16, 0, tzinfo=UTC),
            time_zone="America/New_York",
            place_ko="주미 대사관",
            place_en="Embassy of Korea, Washington",
            summary_ko="공급망 점검",
            summary_en="Supply chain review",
        ),
    )
    return db


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_icalendar_meeting_in_its_own_zone_and_language_with_the_other_as_alternative(
    washington: Database, tmp_path: Path, computer_zone: Callable[[str], None], lang: str
) -> None:
    from icalendar import Calendar

    from app.i18n import set_language

    set_language(lang)
    outputs = []
    for zone in ("UTC", "Asia/Seoul", "America/Los_Angeles"):
        computer_zone(zone)
        export_list(washington, "meetings", "ics", tmp_path / "m.ics")
        outputs.append((tmp_path / "m.ics").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]  # whatever the computer's zone
    lines = unfold(outputs[0].decode())
    # Outlook and Google show it at 10:00 Washington time from the TZID and its VTIMEZONE.
    assert "DTSTART;TZID=America/New_York:20260310T100000" in lines
    assert "DTEND;TZID=America/New_York:20260310T120000" in lines
    cal = Calendar.from_ical(outputs[0])
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["America/New_York"]
    [event] = cal.walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
    other = "ko" if lang == "en" else "en"
    texts = {
        "ko": ("한미 공급망 협의", "주미 대사관", "공급망 점검"),
        "en": ("Korea-US supply chain consultation", "Embassy of Korea, Washington", "Supply chain review"),
    }
    assert (str(event["summary"]), event["summary"].params["LANGUAGE"]) == (texts[lang][0], lang)
    assert (str(event["location"]), event["location"].params["LANGUAGE"]) == (texts[lang][1], lang)
    alternative = str(event["x-partnership-desk-summary"])
    assert (alternative, event["x-partnership-desk-summary"].params["LANGUAGE"]) == (texts[other][0], other)
    # The description, which every calendar program keeps, shows the other language too.
    heading = "—— 한국어 ——" if other == "ko" else "—— English ——"
    place = ("장소: " if other == "ko" else "Place: ") + texts[other][1]
    assert str(event["description"]) == "\n".join(
        [texts[lang][2], "", heading, texts[other][0], place, texts[other][2]]
    )

    fresh = open_laptop(tmp_path, "fresh")
    report = import_meetings(fresh, tmp_path / "m.ics")
    assert (report.created, report.invalid) == (1, 0)
    [m] = meetings.list_meetings(fresh)
    got = meetings.get_meeting(fresh, m.id)
    assert (got.title_ko, got.title_en, got.place_ko, got.place_en, got.summary_ko, got.summary_en) == (
        texts["ko"][0], texts["en"][0], texts["ko"][1], texts["en"][1], texts["ko"][2], texts["en"][2],
    )  # fmt: skip
    assert (got.time_zone, got.starts_at, got.ends_at) == (
        "America/New_York",
        datetime(2026, 3, 10, 14, 0, tzinfo=UTC),
        datetime(2026, 3, 10, 16, 0, tzinfo=UTC),
    )
    again = import_meetings(washington, tmp_path / "m.ics")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    fresh.close()


FOREIGN = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example Corp//Calendar 1.0//EN
BEGIN:VTIMEZONE
TZID:Europe/Paris
BEGIN:STANDARD
DTSTART:19701025T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700329T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:paris-1@example.com
DTSTAMP:20260301T000000Z
DTSTART;TZID=Europe/Paris:20260415T100000
DTEND;TZID=Europe/Paris:20260415T120000
SUMMARY;LANGUAGE=en:Joint workshop on chiplets
LOCATION:Example Institute\\, Paris
END:VEVENT
BEGIN:VEVENT
UID:floating-1@example.com
DTSTAMP:20260301T000000Z
DTSTART:20260416T140000
SUMMARY:실무 점검 회의
END:VEVENT
BEGIN:VEVENT
UID:utc-1@example.com
DTSTAMP:20260301T000000Z
DTSTART:20260417T010000Z
SUMMARY;LANGUAGE=en-US:한미 화상 회의
DESCRIPTION:안건 정리\\n\\nAgenda agreed.
END:VEVENT
BEGIN:VEVENT
UID:outlook-1@example.com
DTSTAMP:20260301T000000Z
DTSTART;TZID=Korea Standard Time:20260418T090000
SUMMARY:Seminar
END:VEVENT
END:VCALENDAR
"""


def test_icalendar_import_reads_the_zone_and_the_language_of_each_text(db: Database, tmp_path: Path) -> None:
    from app.transfer.preview import read_preview

    path = tmp_path / "foreign.ics"
    path.write_bytes(FOREIGN.replace("\n", "\r\n").encode())
    preview = read_preview(path, "meetings", 2)  # the wizard's preview: as they will be imported
    assert preview.columns == (
        "meeting_title_ko",
        "meeting_title_en",
        "starts_at",
        "time_zone",
        "place_ko",
        "place_en",
    )
    assert preview.rows == (
        (
            "",
            "Joint workshop on chiplets",
            "2026-04-15 10:00",
            "Europe/Paris",
            "",
            "Example Institute, Paris",
        ),
        ("실무 점검 회의", "", "2026-04-16 14:00", "Asia/Seoul", "", ""),
    )
    report = import_meetings(db, path)
    assert (report.created, report.invalid) == (4, 0)
    got = {
        (r.title_ko or r.title_en): r
        for r in (meetings.get_meeting(db, m.id) for m in meetings.list_meetings(db))
    }
    paris = got["Joint workshop on chiplets"]
    assert (paris.title_ko, paris.place_en, paris.time_zone) == (
        "",
        "Example Institute, Paris",
        "Europe/Paris",
    )
    assert paris.starts_at == datetime(2026, 4, 15, 8, 0, tzinfo=UTC)  # 10:00 CEST
    # A floating time is Korea's: 14:00 in Seoul.
    floating = got["실무 점검 회의"]
    assert (floating.time_zone, floating.starts_at) == ("Asia/Seoul", datetime(2026, 4, 16, 5, 0, tzinfo=UTC))
    # UTC is the exact instant, but names no place: shown in Korea's time. A Latin LANGUAGE on a
    # Korean text is the sender's locale: the text is Korean; the description splits by paragraph.
    online = got["한미 화상 회의"]
    assert (online.title_en, online.time_zone) == ("", "Asia/Seoul")
    assert online.starts_at == datetime(2026, 4, 17, 1, 0, tzinfo=UTC)
    assert (online.summary_ko, online.summary_en) == ("안건 정리", "Agenda agreed.")
    # Outlook's Windows zone names.
    assert got["Seminar"].time_zone == "Asia/Seoul" and got["Seminar"].title_en == "Seminar"
    assert got["Seminar"].starts_at == datetime(2026, 4, 18, 0, 0, tzinfo=UTC)


def test_the_meetings_list_has_both_titles_and_times_in_the_meetings_zone(
    washington: Database, tmp_path: Path, computer_zone: Callable[[str], None]
) -> None:
    from app.i18n import set_language

    set_language("ko")
    computer_zone("Asia/Seoul")
    export_list(washington, "meetings", "csv", tmp_path / "seoul.csv")
    computer_zone("UTC")
    export_list(washington, "meetings", "csv", tmp_path / "utc.csv")
    assert (tmp_path / "seoul.csv").read_bytes() == (tmp_path / "utc.csv").read_bytes()
    rows = list(csv.reader((tmp_path / "utc.csv").open(encoding="utf-8-sig")))
    assert rows[0][:7] == [
        "회의명(한글)",
        "회의명(영문)",
        "일시",
        "시간대",
        "장소(한글)",
        "장소(영문)",
        "참석자 수",
    ]
    assert rows[1][:6] == [
        "한미 공급망 협의", "Korea-US supply chain consultation", "2026-03-10 10:00", "America/New_York",
        "주미 대사관", "Embassy of Korea, Washington",
    ]  # fmt: skip


def test_a_vcard_is_in_the_contacts_language_with_the_other_kept(db: Database, tmp_path: Path) -> None:
    import vobject

    hynix = organizations.create_organization(db, OrganizationInput(name_ko="SK하이닉스", name_en="SK hynix"))
    osat = organizations.create_organization(
        db, OrganizationInput(name_ko="예시 글로벌 OSAT", name_en="Example Global OSAT Ltd.")
    )
    park = contacts.create_contact(db, ContactInput(name_ko="박서준", name_en="Seojun Park"))
    contacts.add_membership(
        db,
        MembershipInput(
            park.id, hynix.id, title_ko="부장", title_en="General Manager", department_ko="패키징개발팀",
            department_en="Packaging Development",
        ),
    )  # fmt: skip
    kim = contacts.create_contact(db, ContactInput(name_en="Daniel Kim", email="daniel.kim@example.com"))
    contacts.add_membership(db, MembershipInput(kim.id, osat.id, title_ko="이사", title_en="Director"))
    dest = tmp_path / "contacts.vcf"
    export_list(db, "contacts", "vcf", dest)
    lines = unfold(dest.read_bytes().decode())
    assert "ORG;LANGUAGE=ko:SK하이닉스;패키징개발팀" in lines and "TITLE;LANGUAGE=ko:부장" in lines
    assert "X-PARTNERSHIP-DESK-TITLE;LANGUAGE=en:General Manager" in lines
    assert "X-PARTNERSHIP-DESK-DEPARTMENT;LANGUAGE=en:Packaging Development" in lines
    # A contact with only an English name gets an English card.
    assert "ORG:Example Global OSAT Ltd." in lines and "TITLE;LANGUAGE=en:Director" in lines
    assert "X-PARTNERSHIP-DESK-TITLE;LANGUAGE=ko:이사" in lines
    cards = {c.fn.value: c for c in vobject.readComponents(dest.read_bytes().decode())}
    assert cards["Daniel Kim"].title.value == "Director"

    fresh = open_laptop(tmp_path, "fresh")
    report = import_contacts(fresh, dest)
    assert (report.created, report.invalid, report.unused) == (2, 0, ())
    with fresh.session() as s:
        positions = {
            (m.title_ko, m.title_en, m.department_ko, m.department_en) for m in s.scalars(select(Membership))
        }
    assert positions == {
        ("부장", "General Manager", "패키징개발팀", "Packaging Development"),
        ("이사", "Director", "", ""),
    }
    again = import_contacts(db, dest)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    fresh.close()


def test_a_meeting_held_on_utc_keeps_its_zone_through_a_calendar(db: Database, tmp_path: Path) -> None:
    """A UTC time is written with Z, which other files use for any zone: the zone chosen travels too."""
    meetings.create_meeting(
        db,
        MeetingInput(
            title_en="Online call", starts_at=datetime(2026, 5, 4, 13, 0, tzinfo=UTC), time_zone="UTC"
        ),
    )
    export_list(db, "meetings", "ics", tmp_path / "utc.ics")
    lines = unfold((tmp_path / "utc.ics").read_bytes().decode())
    assert "DTSTART:20260504T130000Z" in lines and "X-PARTNERSHIP-DESK-TIME-ZONE:UTC" in lines
    fresh = open_laptop(tmp_path, "fresh")
    import_meetings(fresh, tmp_path / "utc.ics")
    assert [(m.title_en, m.time_zone, m.starts_at) for m in meetings.list_meetings(fresh)] == [
        ("Online call", "UTC", datetime(2026, 5, 4, 13, 0, tzinfo=UTC))
    ]
    fresh.close()


def test_a_meeting_stored_in_the_year_9999_still_exports(db: Database, tmp_path: Path) -> None:
    """Written before imports refused such dates: in Seoul it would be in the year 10000, which Python
    cannot hold, so it is written in UTC, named as such."""
    from sqlalchemy import text

    meetings.create_meeting(
        db, MeetingInput(title_ko="먼 회의", starts_at=datetime(2026, 3, 10, 1, 0, tzinfo=UTC))
    )
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE meeting SET starts_at = '9999-12-31 23:00:00.000000', ends_at = NULL"))
    assert export_list(db, "meetings", "csv", tmp_path / "far.csv") == 1
    rows = list(csv.reader((tmp_path / "far.csv").open(encoding="utf-8-sig")))
    assert rows[1][:4] == ["먼 회의", "", "9999-12-31 23:00", "UTC"]
    assert export_list(db, "meetings", "ics", tmp_path / "far.ics") == 1
    assert "DTSTART:99991231T230000Z" in unfold((tmp_path / "far.ics").read_bytes().decode())
