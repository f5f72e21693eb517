"""The JSON archive: lossless export, all-or-nothing and idempotent import, on both databases."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from factories import agreement, meeting, org, person
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.archive import FORMAT, apply_archive, export_archive, import_archive, read_archive
from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AgreementInput,
    ContactInput,
    DecisionInput,
    OrganizationInput,
)
from app.errors import ImportFormatError
from app.models import AuditEvent
from app.paths import AppPaths
from app.services import agreements, attachments, commitments, contacts, meetings, organizations
from app.services.opening import open_database
from cli.common import to_jsonable

NFD = unicodedata.normalize("NFD", "한국반도체산업협회")
TRICKY = {
    "markup": "R&D <b>협력</b> & a < b > c \"quoted\" 'single' ]]> {{x}} %s",
    "emoji": "협약 체결 \U0001f91d\U0001f1f0\U0001f1f7 👩‍💻",
    "nfd": NFD,
    "arabic": "اتفاقية التعاون في مجال أشباه الموصلات",
    "hebrew": "הסכם שיתוף פעולה",
    "mixed": "Samsung 삼성 سامسونج ‏שלום‎ ‮reversed‬",
}


def everything(db: Database) -> dict[str, Any]:
    """What every list and detail shows, as plain JSON values."""
    out: dict[str, Any] = {
        "agreements": agreements.list_agreements(db),
        "organizations": organizations.list_organizations(db),
        "contacts": contacts.list_contacts(db),
        "meetings": meetings.list_meetings(db),
        "commitments": commitments.list_commitments(db),
        "actions": meetings.list_action_items(db),
    }
    out["details"] = [agreements.agreement_detail(db, a.id) for a in out["agreements"]]
    out["meeting_details"] = [meetings.meeting_detail(db, m.id) for m in out["meetings"]]
    out["contact_details"] = [contacts.contact_detail(db, c.id) for c in out["contacts"]]
    return to_jsonable(out)  # type: ignore[no-any-return]


def audit_count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data exported once; tests import it instead of loading the demo again."""
    from app.demo import load_demo
    from app.paths import app_paths

    folder = tmp_path_factory.mktemp("demo-archive")
    with open_database(paths=app_paths(folder / "home")) as source:
        load_demo(source)
        export_archive(source, folder / "demo.json")
    return folder / "demo.json"


@pytest.fixture
def demo_copy(any_db: Database, demo_archive: Path) -> Database:
    import_archive(any_db, demo_archive)
    return any_db


@pytest.fixture
def demo_small(db: Database, demo_archive: Path) -> Database:
    import_archive(db, demo_archive)
    return db


@pytest.fixture
def fresh(tmp_path: Path) -> Database:
    """A second, empty SQLite database with its own data folder."""
    from app.paths import app_paths

    other = app_paths(tmp_path / "other-home")
    database = open_database(paths=other)
    yield database  # type: ignore[misc]
    database.close()


def test_demo_round_trips_exactly(demo_db: Database, fresh: Database, tmp_path: Path) -> None:
    dest = tmp_path / "archive.json"
    counts = export_archive(demo_db, dest)
    assert counts["agreement"] >= 7 and counts["audit_event"] > 0
    doc = json.loads(dest.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and "반도체 첨단 패키징" in dest.read_text(encoding="utf-8")
    report = import_archive(fresh, dest)
    assert report.created["agreement"] == counts["agreement"]
    assert everything(fresh) == everything(demo_db)
    assert audit_count(fresh) == audit_count(demo_db)


def test_sqlite_to_postgresql_and_back(
    demo_sqlite: Database, pg_url: str, paths: AppPaths, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    export_archive(demo_sqlite, first)
    with open_database(pg_url, paths=paths) as pg:
        import_archive(pg, first)
        assert everything(pg) == everything(demo_sqlite)
        export_archive(pg, second)
    a = json.loads(first.read_text(encoding="utf-8"))
    b = json.loads(second.read_text(encoding="utf-8"))
    assert a["tables"] == b["tables"]


def test_importing_twice_changes_nothing(demo_copy: Database, tmp_path: Path) -> None:
    demo_db = demo_copy
    dest = tmp_path / "archive.json"
    export_archive(demo_db, dest)
    before, events = everything(demo_db), audit_count(demo_db)
    report = import_archive(demo_db, dest)
    assert report.changed == 0 and report.unchanged > 200
    again = import_archive(demo_db, dest)
    assert again.changed == 0
    assert everything(demo_db) == before and audit_count(demo_db) == events


def test_import_merges_by_id(any_db: Database, tmp_path: Path) -> None:
    o = org(any_db, "심텍", "Symtec")
    keep = org(any_db, "프로텍", "Protec")
    dest = tmp_path / "archive.json"
    export_archive(any_db, dest)
    organizations.update_organization(
        any_db, o.id, OrganizationInput(name_ko="심텍 (변경)", name_en="Symtec")
    )
    added = org(any_db, "하나마이크론")
    report = import_archive(any_db, dest)
    assert report.updated["organization"] == 1 and report.created["organization"] == 0
    assert organizations.get_organization(any_db, o.id).name_ko == "심텍"  # the file's value wins
    assert organizations.get_organization(any_db, o.id).version == 3  # an edit made now: a new version
    assert {x.id for x in organizations.list_organizations(any_db)} == {o.id, keep.id, added.id}


def test_tricky_text_round_trips_unchanged(any_db: Database, fresh: Database, tmp_path: Path) -> None:
    long_title = "가" * 500
    long_summary = ("긴 본문 " + TRICKY["markup"] + "\n") * 1_200
    made_orgs = [org(any_db, value, value) for value in TRICKY.values()]
    made_orgs.append(org(any_db, "가" * 300, "A" * 300, notes="x" * 20_000))
    rec = agreements.create_agreement(
        any_db,
        AgreementInput(
            title_ko=long_title,
            title_en=TRICKY["markup"],
            summary_ko=long_summary + TRICKY["arabic"] + "\n\t" + TRICKY["emoji"],
            summary_en=TRICKY["hebrew"] + "\n\n" + TRICKY["emoji"],
            place_ko=TRICKY["mixed"],
            place_en=TRICKY["markup"],
            tags=(TRICKY["nfd"], "R&D", "<b>"),
        ),
    )
    c = contacts.create_contact(
        any_db, ContactInput(name_ko=NFD, name_en=TRICKY["hebrew"], notes=TRICKY["emoji"])
    )
    m = meeting(
        any_db,
        TRICKY["markup"],
        title_en=TRICKY["mixed"],
        summary_ko=long_summary,
        time_zone="Europe/Brussels",
    )
    meetings.add_agenda_item(
        any_db, m.id, AgendaItemInput(title_ko=TRICKY["arabic"], discussion_en=TRICKY["mixed"])
    )
    meetings.add_decision(any_db, m.id, DecisionInput(text_ko=TRICKY["emoji"] + "\n" + NFD, text_en=NFD))
    meetings.add_action_item(any_db, m.id, ActionItemInput(title_en=TRICKY["hebrew"], owner_contact_id=c.id))

    dest = tmp_path / "tricky.json"
    export_archive(any_db, dest)
    import_archive(fresh, dest)
    got = agreements.get_agreement(fresh, rec.id)
    assert got == agreements.get_agreement(any_db, rec.id)
    assert got.title_ko == long_title and got.tags == (NFD, "R&D", "<b>")
    assert unicodedata.is_normalized("NFD", got.tags[0]) and not unicodedata.is_normalized("NFC", got.tags[0])
    assert contacts.get_contact(fresh, c.id).name_ko == NFD
    assert meetings.get_meeting(fresh, m.id) == meetings.get_meeting(any_db, m.id)
    assert meetings.get_meeting(fresh, m.id).time_zone == "Europe/Brussels"
    for o in made_orgs:
        assert organizations.get_organization(fresh, o.id) == o
    assert everything(fresh) == everything(any_db)


def test_attachment_files_travel_in_the_archive(any_db: Database, fresh: Database, tmp_path: Path) -> None:
    a = agreement(any_db)
    scan = tmp_path / "서명본 scan.pdf"
    scan.write_bytes(b"%PDF-1.4 signed scan \x00\xff" * 100)
    att = attachments.add_attachment(any_db, "agreement", a.id, scan, description="서명본")
    dest = tmp_path / "archive.json"
    export_archive(any_db, dest)
    report = import_archive(fresh, dest)
    assert report.files == 1
    assert attachments.attachment_file(fresh, att.id).read_bytes() == scan.read_bytes()
    assert attachments.list_attachments(fresh, "agreement", a.id)[0].filename == "서명본 scan.pdf"


def small(db: Database) -> None:
    """A few related records: enough for every table the bad-row cases touch."""
    from factories import party

    a = agreement(db, "가 협약")
    b = agreement(db, "나 협약")
    motie, samsung = org(db, "산업통상자원부"), org(db, "삼성전자")
    party(db, a.id, motie.id)
    party(db, b.id, samsung.id)
    person(db, "한지윤")
    person(db, "오세훈")


def _export_doc(db: Database, tmp_path: Path) -> dict[str, Any]:
    dest = tmp_path / "base.json"
    export_archive(db, dest)
    return json.loads(dest.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _write(tmp_path: Path, doc: dict[str, Any], name: str = "bad.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


BAD_ROWS: list[tuple[str, str, object, str]] = [
    ("organization", "name_ko", "삼성\x00전자", "control character (U+0000)"),
    ("organization", "short_name", "MOTIE\n", "control character (U+000A)"),
    ("organization", "org_kind", "planet", "bad value for 'org_kind'"),
    ("agreement", "signed_on", "2023-02-30", "bad value for 'signed_on'"),
    ("agreement", "created_at", "2023-02-03T00:00:00", "bad value for 'created_at'"),
    ("agreement", "version", "2", "bad value for 'version'"),
    ("agreement", "id", "not-a-uuid", "bad value for 'id'"),
    ("agreement", "title_ko", "가" * 501, "too long"),
    ("contact", "name_ko", None, "bad value for 'name_ko'"),
]


def test_one_bad_row_changes_nothing(db: Database, tmp_path: Path) -> None:
    small(db)
    before = everything(db)
    for table, column, value, message in BAD_ROWS:
        doc = _export_doc(db, tmp_path)
        # A new record in the file (it would be created) and a changed one (it would be updated) ...
        doc["tables"]["organization"][0]["notes"] = "가져오면 바뀜"
        new_row = dict(doc["tables"]["organization"][1], id="00000000-0000-4000-8000-000000000001")
        doc["tables"]["organization"].append(new_row)
        # ... and one bad row at the end of another table.
        bad = dict(doc["tables"][table][-1])
        bad[column] = value
        doc["tables"][table][-1] = bad
        with pytest.raises(ImportFormatError) as err:
            import_archive(db, _write(tmp_path, doc))
        assert message in str(err.value), (table, column)
        assert f"{table} #{len(doc['tables'][table])}" in str(err.value)
        assert everything(db) == before


def test_a_dangling_reference_changes_nothing(any_db: Database, tmp_path: Path) -> None:
    small(any_db)
    demo_db = any_db
    doc = _export_doc(demo_db, tmp_path)
    doc["tables"]["organization"][0]["notes"] = "가져오면 바뀜"
    doc["tables"]["party"][-1]["organization_id"] = "00000000-0000-4000-8000-00000000abcd"
    doc["tables"]["party"][-1]["id"] = "00000000-0000-4000-8000-00000000abce"
    before = everything(demo_db)
    with pytest.raises(ImportFormatError, match="refers to records"):
        import_archive(demo_db, _write(tmp_path, doc))
    assert everything(demo_db) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[1, 2, 3]", "not a Partnership Desk export"),
        (b'{"format": "something-else", "tables": {}}', "not a Partnership Desk export"),
        (
            b'{"format": "partnership-desk-archive", "format_version": 99, "tables": {}}',
            "Unsupported export version",
        ),
        (
            b'{"format": "partnership-desk-archive", "format_version": 1, "tables": {"planet": []}}',
            "Unknown table",
        ),
        (
            b'{"format": "partnership-desk-archive", "format_version": 1, "tables": {"agreement": {}}}',
            "list of rows",
        ),
        (
            b'{"format": "partnership-desk-archive", "format_version": 1, "tables": {"agreement": [1]}}',
            "object",
        ),
        (
            b'{"format": "partnership-desk-archive", "format_version": 1, "tables": {}, "files": {"ab": "!!"}}',
            "damaged",
        ),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_files_of_the_wrong_shape_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "file.json"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError) as err:
        read_archive(path)
    assert message in str(err.value)
    assert len(str(err.value).splitlines()) == 1


def test_duplicate_ids_are_refused(demo_small: Database, tmp_path: Path) -> None:
    demo_sqlite = demo_small
    doc = _export_doc(demo_sqlite, tmp_path)
    doc["tables"]["contact"].append(doc["tables"]["contact"][0])
    with pytest.raises(ImportFormatError, match="appears twice"):
        read_archive(_write(tmp_path, doc))


def test_rows_pointing_at_later_rows_of_the_same_table_import(
    demo_small: Database, fresh: Database, tmp_path: Path
) -> None:
    demo_db = demo_small
    doc = _export_doc(demo_db, tmp_path)
    # The carried-over action item comes before the one it was carried from.
    items = doc["tables"]["action_item"]
    items.sort(key=lambda r: r["carried_from_id"] is None)
    assert items[0]["carried_from_id"] is not None
    import_archive(fresh, _write(tmp_path, doc))
    assert everything(fresh)["actions"] == everything(demo_db)["actions"]


def test_older_archives_without_newer_columns_import(
    demo_sqlite: Database, fresh: Database, tmp_path: Path
) -> None:
    doc = _export_doc(demo_sqlite, tmp_path)
    for row in doc["tables"]["audit_event"]:
        row.pop("received_at", None)
    for row in doc["tables"]["organization"]:
        row.pop("website")
    import_archive(fresh, _write(tmp_path, doc))
    assert everything(fresh)["organizations"] == everything(demo_sqlite)["organizations"]


def test_dry_run_writes_nothing(demo_small: Database, fresh: Database, tmp_path: Path) -> None:
    demo_sqlite = demo_small
    dest = tmp_path / "archive.json"
    export_archive(demo_sqlite, dest)
    report = apply_archive(fresh, read_archive(dest), dry_run=True)
    assert report.created["agreement"] >= 7
    assert agreements.count_agreements(fresh) == 0 and audit_count(fresh) == 0


def test_search_finds_imported_records(fresh: Database, demo_archive: Path) -> None:
    from app.search import search

    import_archive(fresh, demo_archive)
    hits = search(fresh, "첨단 패키징")
    assert hits


@settings(max_examples=300, deadline=None)
@given(value=st.text(), multiline=st.booleans())
def test_whatever_the_services_store_the_archive_takes_back(value: str, multiline: bool) -> None:
    """Text a form may save must never make its own export unreadable."""
    from app.errors import ValidationError
    from app.text import check_exact_text, check_text

    try:
        stored = check_text(value, "notes", ("메모", "Notes"), multiline=multiline, max_length=20_000)
    except ValidationError:
        return
    assert (
        check_exact_text(stored, "notes", ("메모", "Notes"), multiline=multiline, max_length=20_000) == stored
    )
