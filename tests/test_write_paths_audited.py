"""Every way a record is written leaves its history and its field clocks (issue 16).

The history (``AuditEvent``) is what ``history`` shows, and its events are the field
clocks an exchange merges by: a write that leaves none does not travel, and two laptops
editing the same field never see a conflict. Each write path is tested here as a person
uses it, on real database files (and on PostgreSQL where the path is the same there).
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pg_server
import pytest
from factories import agreement, meeting, org, person

from app import clock
from app.db import Database
from app.dto import AgreementInput, ContactInput, MeetingInput, OrganizationInput
from app.paths import AppPaths
from app.services import agreements, contacts, meetings, organizations
from app.services.opening import open_database
from cli import main

pytestmark = pytest.mark.dates  # edits are ordered by the clock: run again with the date moved


@pytest.fixture(params=["sqlite", "postgresql"])
def laptops(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two databases, as two laptops would hold them: SQLite files, or two PostgreSQL databases."""
    if request.param == "sqlite":
        yield str(tmp_path / "laptop-a.sqlite3"), str(tmp_path / "laptop-b.sqlite3")
        return
    with pg_server.new_database() as a, pg_server.new_database() as b:
        yield a, b


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def history(capsys: pytest.CaptureFixture[str], db: str, kind: str, ident: UUID) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(cli(capsys, "--db", db, "history", kind, str(ident), "--json"))
    return entries


def edited_archive(
    capsys: pytest.CaptureFixture[str], db: str, folder: Path, table: str, ident: UUID, **values: Any
) -> Path:
    """``export FILE.json`` of ``db``, with ``values`` written into one row as a person would edit the file."""
    source, edited = folder / "export.json", folder / "edited.json"
    cli(capsys, "--db", db, "export", str(source))
    doc = json.loads(source.read_text(encoding="utf-8"))
    (row,) = [r for r in doc["tables"][table] if r["id"] == str(ident)]
    row.update(values)
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return edited


def test_an_archive_edit_travels_shows_in_history_and_meets_a_concurrent_edit(
    laptops: tuple[str, str],
    paths: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    test_clock: clock.SteppingClock,
) -> None:
    a, b = laptops
    bundle = tmp_path / "a-to-b.pdx"
    with open_database(a, paths=paths) as db:
        rec = agreement(db, "반도체 협력 협약", summary_ko="처음 요약")
    cli(capsys, "--db", a, "exchange", "export", str(bundle))
    assert "1 new" in cli(capsys, "--db", b, "exchange", "import", str(bundle))
    test_clock.advance(timedelta(minutes=5))

    # Laptop A: the title and the summary are changed by importing an edited archive.
    edited = edited_archive(
        capsys, a, tmp_path, "agreement", rec.id, title_ko="첨단 패키징 협약", summary_ko="고친 요약"
    )
    assert "0 new, 1 updated" in cli(capsys, "--db", a, "import", str(edited))
    entries = history(capsys, a, "agreement", rec.id)
    assert entries[-1]["action"] == "update"
    assert entries[-1]["changes"] == {
        "title_ko": ["반도체 협력 협약", "첨단 패키징 협약"],
        "summary_ko": ["처음 요약", "고친 요약"],
    }
    test_clock.advance(timedelta(minutes=5))

    # Laptop B, not knowing of it, changes the same title through the program.
    with open_database(b, paths=paths) as db:
        agreements.update_agreement(
            db, rec.id, AgreementInput(title_ko="출장지 제목", summary_ko="처음 요약")
        )
    test_clock.advance(timedelta(minutes=5))

    cli(capsys, "--db", a, "exchange", "export", str(bundle))
    out = cli(capsys, "--db", b, "exchange", "import", str(bundle))
    assert "1 updated" in out and "1 new conflicts" in out
    with open_database(b, paths=paths) as db:
        got = agreements.get_agreement(db, rec.id)
    assert got.summary_ko == "고친 요약"  # the archive edit arrived
    assert got.title_ko == "출장지 제목"  # the later of the two title edits is kept
    changes_on_b = [e["changes"] for e in history(capsys, b, "agreement", rec.id)]
    assert {
        "title_ko": ["반도체 협력 협약", "첨단 패키징 협약"],
        "summary_ko": ["처음 요약", "고친 요약"],
    } in (changes_on_b)
    conflicts = json.loads(cli(capsys, "--db", b, "conflicts", "--json"))
    assert [(c["field"], c["winner_value"], c["loser_value"]) for c in conflicts] == [
        ("title_ko", "출장지 제목", "첨단 패키징 협약")
    ]

    # And back: laptop A ends with the same record and the same conflict.
    back = tmp_path / "b-to-a.pdx"
    cli(capsys, "--db", b, "exchange", "export", str(back))
    cli(capsys, "--db", a, "exchange", "import", str(back))
    with open_database(a, paths=paths) as db:
        assert agreements.get_agreement(db, rec.id).title_ko == "출장지 제목"
    assert [c["field"] for c in json.loads(cli(capsys, "--db", a, "conflicts", "--json"))] == ["title_ko"]


# -- each write path: its edit is ordered after what it knew, so it travels and wins -------------
#
# Laptop B's clock runs an hour ahead. B edits a field, laptop A imports B's exchange and then
# edits the same field (later, as A saw it) through the path under test, with A's own clock an
# hour behind B's. A's edit must still be the latest edit of the field, on both laptops: the
# path has to write an event (history) ordered after every edit A knew of (the field clock).


def _service_edit(db: Database, kind: str, ident: UUID, **changes: Any) -> None:
    get, update, input_type = SERVICES[kind]
    rec = get(db, ident)
    names = [f.name for f in dataclasses.fields(input_type)]
    values = {n: getattr(rec, n) for n in names if hasattr(rec, n)}
    update(db, ident, input_type(**{**values, **changes}))


SERVICES: dict[str, tuple[Any, Any, Any]] = {
    "contact": (contacts.get_contact, contacts.update_contact, ContactInput),
    "organization": (organizations.get_organization, organizations.update_organization, OrganizationInput),
    "agreement": (agreements.get_agreement, agreements.update_agreement, AgreementInput),
    "meeting": (meetings.get_meeting, meetings.update_meeting, MeetingInput),
}


def _rewrite_csv(path: Path, column: str, value: str) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def _rewrite_xlsx(path: Path, column: str, value: str) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index(column) + 1, value=value)
    book.save(path)


def _edit_by_list_file(kind: str, fmt: str, column: str) -> Any:
    def edit(capsys: pytest.CaptureFixture[str], db: str, folder: Path, ident: UUID, value: str) -> None:
        path = folder / f"{kind}.{fmt}"
        cli(capsys, "--db", db, "export", kind, "--format", fmt, "-o", str(path))
        if fmt == "csv":
            _rewrite_csv(path, column, value)
        elif fmt == "xlsx":
            _rewrite_xlsx(path, column, value)
        else:  # vCard or iCalendar: the value of the line of ``column`` (its parameters, LANGUAGE=..., kept)
            lines = path.read_text(encoding="utf-8").splitlines()
            lines = [
                f"{line.split(':', 1)[0]}:{value}" if line.startswith((column + ":", column + ";")) else line
                for line in lines
            ]
            path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        assert "1 updated" in cli(capsys, "--db", db, "import", str(path), "--kind", kind)

    return edit


def _edit_by_archive(field: str) -> Any:
    def edit(capsys: pytest.CaptureFixture[str], db: str, folder: Path, ident: UUID, value: str) -> None:
        table = next(k for k, (get, _u, _i) in SERVICES.items() if _owns(get, db, ident))
        edited = edited_archive(capsys, db, folder, table, ident, **{field: value})
        assert "0 new, 1 updated" in cli(capsys, "--db", db, "import", str(edited))

    return edit


def _owns(get: Any, db: str, ident: UUID) -> bool:
    from app.errors import NotFoundError

    with open_database(db) as opened:
        try:
            get(opened, ident)
        except NotFoundError:
            return False
        return True


def _edit_by_service(kind: str, field: str) -> Any:
    def edit(capsys: pytest.CaptureFixture[str], db: str, folder: Path, ident: UUID, value: str) -> None:
        with open_database(db) as opened:
            _service_edit(opened, kind, ident, **{field: value})

    return edit


def _new_record(db: Database, kind: str) -> UUID:
    if kind == "contact":
        return person(db, "한지윤", "Han Jiyun", email="jiyun.han@example.com", phone="02-0000-0000").id
    if kind == "organization":
        return org(db, "가상기술원", "Example Institute").id
    if kind == "agreement":
        return agreement(db, "가상 협력 협약", reference_no="EX-2026-001").id
    starts = clock.now().replace(microsecond=0) + timedelta(days=3)
    return meeting(db, "실무협의회", starts_at=starts, ends_at=starts + timedelta(hours=1)).id


# (kind, field, how the field is written on laptop A)
PATHS = {
    "service": ("organization", "notes", _edit_by_service("organization", "notes")),
    "json-archive": ("organization", "notes", _edit_by_archive("notes")),
    "contacts-csv": ("contact", "phone", _edit_by_list_file("contacts", "csv", "Phone")),
    "contacts-xlsx": ("contact", "phone", _edit_by_list_file("contacts", "xlsx", "Phone")),
    "contacts-vcard": ("contact", "email", _edit_by_list_file("contacts", "vcf", "EMAIL;TYPE=INTERNET")),
    "organizations-csv": ("organization", "notes", _edit_by_list_file("organizations", "csv", "Notes")),
    "agreements-csv": ("agreement", "title_en", _edit_by_list_file("agreements", "csv", "Title (English)")),
    "meetings-ics": ("meeting", "title_ko", _edit_by_list_file("meetings", "ics", "SUMMARY")),
}
VALUES = {"phone": ("02-1111-1111", "02-2222-2222"), "email": ("b@example.com", "a@example.com")}


@pytest.mark.parametrize("path", list(PATHS))
def test_an_edit_by_each_write_path_is_history_and_the_latest_edit_everywhere(
    path: str,
    paths: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    test_clock: clock.SteppingClock,
) -> None:
    kind, field, edit_on_a = PATHS[path]
    b_value, a_value = VALUES.get(field, ("B가 고친 값", "A가 고친 값"))
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    bundle = tmp_path / "bundle.pdx"
    with open_database(a, paths=paths) as db:
        ident = _new_record(db, kind)
    cli(capsys, "--db", a, "exchange", "export", str(bundle))
    cli(capsys, "--db", b, "exchange", "import", str(bundle))

    test_clock.advance(timedelta(hours=1))  # laptop B's clock is an hour ahead
    with open_database(b, paths=paths) as db:
        _service_edit(db, kind, ident, **{field: b_value})
    cli(capsys, "--db", b, "exchange", "export", str(bundle))
    test_clock.advance(timedelta(minutes=-55))  # back on laptop A, five minutes after the start
    assert "1 updated" in cli(capsys, "--db", a, "exchange", "import", str(bundle))

    edit_on_a(capsys, a, tmp_path, ident, a_value)  # A knows B's edit and changes the field again

    entries = history(capsys, a, kind, ident)
    assert entries[-1]["changes"][field] == [b_value, a_value], entries[-1]
    cli(capsys, "--db", a, "exchange", "export", str(bundle))
    cli(capsys, "--db", b, "exchange", "import", str(bundle))
    for laptop in (a, b):
        with open_database(laptop, paths=paths) as db:
            assert getattr(SERVICES[kind][0](db, ident), field) == a_value, laptop
        assert [e["changes"].get(field) for e in history(capsys, laptop, kind, ident)][-1] == [
            b_value,
            a_value,
        ]
    assert json.loads(cli(capsys, "--db", b, "conflicts", "--json")) == []  # A's edit knew of B's


def _laptops_sharing(
    capsys: pytest.CaptureFixture[str], paths: AppPaths, folder: Path, notes: str = "처음 메모"
) -> tuple[str, str, UUID]:
    a, b = str(folder / "a.sqlite3"), str(folder / "b.sqlite3")
    with open_database(a, paths=paths) as db:
        ident = org(db, "가상기술원", "Example Institute", notes=notes).id
    bundle = folder / "first.pdx"
    cli(capsys, "--db", a, "exchange", "export", str(bundle))
    cli(capsys, "--db", b, "exchange", "import", str(bundle))
    return a, b, ident


def _exchange(capsys: pytest.CaptureFixture[str], source: str, dest: str, folder: Path) -> str:
    bundle = folder / "bundle.pdx"
    cli(capsys, "--db", source, "exchange", "export", str(bundle))
    return cli(capsys, "--db", dest, "exchange", "import", str(bundle))


def _notes(paths: AppPaths, db: str, ident: UUID) -> str:
    with open_database(db, paths=paths) as opened:
        return organizations.get_organization(opened, ident).notes


def test_a_value_restored_from_history_is_the_latest_edit_everywhere(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], test_clock: clock.SteppingClock
) -> None:
    a, b, ident = _laptops_sharing(capsys, paths, tmp_path)
    test_clock.advance(timedelta(hours=1))  # laptop B's clock is an hour ahead
    with open_database(b, paths=paths) as db:
        _service_edit(db, "organization", ident, notes="B가 고친 메모")
    test_clock.advance(timedelta(minutes=-55))
    _exchange(capsys, b, a, tmp_path)
    b_edit = history(capsys, a, "organization", ident)[-1]
    cli(capsys, "--db", a, "history", "organization", str(ident), "--restore", b_edit["id"], "notes")
    assert history(capsys, a, "organization", ident)[-1]["changes"] == {
        "notes": ["B가 고친 메모", "처음 메모"]
    }
    _exchange(capsys, a, b, tmp_path)
    assert _notes(paths, a, ident) == _notes(paths, b, ident) == "처음 메모"


def test_a_reversed_conflict_is_the_latest_edit_everywhere(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], test_clock: clock.SteppingClock
) -> None:
    a, b, ident = _laptops_sharing(capsys, paths, tmp_path)
    with open_database(a, paths=paths) as db:
        _service_edit(db, "organization", ident, notes="A가 고친 메모")
    test_clock.advance(timedelta(hours=1))  # laptop B's clock is an hour ahead
    with open_database(b, paths=paths) as db:
        _service_edit(db, "organization", ident, notes="B가 고친 메모")
    test_clock.advance(timedelta(minutes=-55))
    assert "1 new conflicts" in _exchange(capsys, b, a, tmp_path)
    (conflict,) = json.loads(cli(capsys, "--db", a, "conflicts", "--json"))
    assert (conflict["winner_value"], conflict["loser_value"]) == ("B가 고친 메모", "A가 고친 메모")
    cli(capsys, "--db", a, "conflicts", "--reverse", conflict["id"])
    assert history(capsys, a, "organization", ident)[-1]["changes"] == {
        "notes": ["B가 고친 메모", "A가 고친 메모"]
    }
    _exchange(capsys, a, b, tmp_path)
    assert _notes(paths, a, ident) == _notes(paths, b, ident) == "A가 고친 메모"
    assert json.loads(cli(capsys, "--db", b, "conflicts", "--json"))[0]["reversed_at"] is not None


def test_the_demo_arrives_with_its_history(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    cli(capsys, "--db", a, "demo")
    with open_database(a, paths=paths) as db:
        records = {
            "agreement": [r.id for r in agreements.list_agreements(db)],
            "organization": [r.id for r in organizations.list_organizations(db)],
        }
    assert all(records.values())
    _exchange(capsys, a, b, tmp_path)
    for kind, ids in records.items():
        for ident in ids:
            for laptop in (a, b):
                assert history(capsys, laptop, kind, ident)[0]["action"] == "create", (kind, ident)


def test_a_new_record_in_an_archive_gets_its_history(
    any_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record added to an archive by hand (no history in the file) is created with a "create" event."""
    from app.services.transfer import apply_archive, export_archive, read_archive

    rec = org(any_db, "가상기술원", "Example Institute")
    export_archive(any_db, tmp_path / "export.json")
    doc = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    added = dict(doc["tables"]["organization"][0], id=str(uuid4()), name_ko="새 기관", notes="손으로 추가")
    doc["tables"]["organization"].append(added)
    doc["tables"]["audit_event"] = [e for e in doc["tables"]["audit_event"] if e["entity_id"] == str(rec.id)]
    (tmp_path / "added.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = apply_archive(any_db, read_archive(tmp_path / "added.json"))
    assert report.created["organization"] == 1 and report.changed == 1
    from app.services.history import history as record_history

    (entry,) = record_history(any_db, "organization", UUID(added["id"]))
    assert entry.action == "create" and entry.changes["name_ko"] == [None, "새 기관"]
    assert entry.changes["notes"] == [None, "손으로 추가"]
    assert [e.action for e in record_history(any_db, "organization", rec.id)] == ["create"]  # not twice


def test_a_record_table_written_around_the_history_is_refused(any_db: Database) -> None:
    """A program path that writes records with plain SQL statements and no history is a bug: refused."""
    from sqlalchemy import update

    from app.audit import UnauditedWrite
    from app.models import Organization

    rec = org(any_db, "가상기술원", "Example Institute")
    table = Organization.__table__
    with (
        pytest.raises(UnauditedWrite, match="organization written without its history"),
        any_db.engine.begin() as conn,
    ):
        conn.execute(update(table).where(table.c.id == rec.id).values(notes="몰래 고침"))
    with pytest.raises(UnauditedWrite), any_db.session() as s:
        s.execute(update(Organization).where(Organization.id == rec.id).values(notes="몰래 고침"))
    assert organizations.get_organization(any_db, rec.id).notes == ""
    organizations.update_organization(  # the services' way still writes, with its history
        any_db, rec.id, OrganizationInput(name_ko="가상기술원", name_en="Example Institute", notes="고침")
    )
    assert organizations.get_organization(any_db, rec.id).notes == "고침"


def test_a_record_that_arrives_without_any_history_gets_one(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A peer whose record has no history (written by hand, or by an older version around it):
    the exchange that brings it records its "create", and the history goes back with the next one."""
    from sqlalchemy import text

    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    ident = uuid4()
    with open_database(a, paths=paths) as db, db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organization (id, name_ko, name_en, short_name, org_kind, country, website, notes,"
                " created_at, updated_at, version) VALUES (:id, '손으로 넣은 기관', '', '', 'company', 'KR', '',"
                " '', '2026-01-05 09:00:00', '2026-01-05 09:00:00', 1)"
            ),
            {"id": ident.hex},
        )
    assert history(capsys, a, "organization", ident) == []
    assert "1 new" in _exchange(capsys, a, b, tmp_path)
    (entry,) = history(capsys, b, "organization", ident)
    assert entry["action"] == "create" and entry["changes"]["name_ko"] == [None, "손으로 넣은 기관"]
    _exchange(capsys, b, a, tmp_path)
    assert [e["id"] for e in history(capsys, a, "organization", ident)] == [entry["id"]]
