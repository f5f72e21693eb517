"""Files written by the previous version (one text field per title, place, summary...) import into
both languages: the JSON archive, exchange files (rows, history and conflicts with the old field
names), the contacts list and the calendar. ``tests/data/previous_version`` says how they were made.

Each old text is read as migration 0011 read the stored ones (``split_by_script``): Hangul is
Korean, Latin-only text English, a text with both kinds of paragraph split between them.
"""

from __future__ import annotations

import json
import uuid
import warnings
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from exchange_helpers import open_laptop, snapshot
from sqlalchemy import select

from app import clock
from app.archive import import_archive
from app.db import Database
from app.dto import MeetingInput
from app.errors import ValidationError
from app.exchange import export_bundle, import_bundle, list_conflicts, reverse_conflict
from app.exchange.common import ENTITY_TABLES
from app.migrate import upgrade
from app.models import (
    SPLIT_IN_0011,
    ActionItem,
    AgendaItem,
    Amendment,
    Attendee,
    AuditEvent,
    Commitment,
    Conflict,
    Decision,
    Membership,
    Party,
)
from app.paths import app_paths
from app.search import search
from app.services import meetings
from app.services.opening import open_database
from app.transfer.contacts_import import import_contacts
from app.transfer.ical import import_meetings

OLD = Path(__file__).parent / "data" / "previous_version"
MEETING = (
    "실무협의회 (1차)",
    "",
    "세종청사 6동",
    "",
    "첫 회의: 추진 체계 확정",
    "First meeting: the working structure was agreed.",
)


def _rows(db: Database, model: type[Any], *columns: str) -> set[tuple[Any, ...]]:
    with db.session() as s:
        return {tuple(getattr(r, c) for c in columns) for r in s.scalars(select(model))}


def _meeting(db: Database) -> tuple[str, ...]:
    [m] = meetings.list_meetings(db)
    r = meetings.get_meeting(db, m.id)
    return (r.title_ko, r.title_en, r.place_ko, r.place_en, r.summary_ko, r.summary_en)


def _old_fields_named(db: Database) -> list[tuple[str, str]]:
    """(table, field) of every event or conflict that still names a field split in 0011."""
    with db.session() as s:
        events = [(e.entity_kind, k) for e in s.scalars(select(AuditEvent)) for k in e.changes]
        conflicts = [(c.entity_kind, c.field) for c in s.scalars(select(Conflict))]
    return [(t, f) for t, f in events + conflicts if f in SPLIT_IN_0011.get(t, ())]


def test_an_archive_of_the_previous_version_imports_into_both_languages(any_db: Database) -> None:
    report = import_archive(any_db, OLD / "archive.json")
    assert report.created["meeting"] == 1 and report.created["audit_event"] > 10
    assert _meeting(any_db) == MEETING  # the Korean paragraph Korean, the English one English
    [m] = meetings.list_meetings(any_db)
    assert m.time_zone == "Asia/Seoul" and m.starts_at == datetime(2026, 3, 10, 5, 0, tzinfo=UTC)
    assert _rows(any_db, Membership, "title_ko", "title_en", "department_ko", "department_en") == {
        ("과장", "", "반도체과", ""),
        ("", "Director", "", "Business Development"),
    }
    assert _rows(
        any_db, Party, "signatory_name_ko", "signatory_name_en", "signatory_title_ko", "signatory_title_en"
    ) == {
        ("홍길동", "", "장관", ""),
        ("", "Daniel Kim", "", "Director"),
    }
    assert _rows(any_db, Amendment, "title_ko", "summary_ko", "effect_ko", "effect_en") == {
        ("1차 변경", "기간 연장", "2027년까지", "")
    }
    assert _rows(any_db, Commitment, "title_ko", "description_ko", "description_en") == {
        ("테스트베드 구축", "", "Testbed for advanced packaging")
    }
    guests = _rows(any_db, Attendee, "guest_name_en", "guest_organization_en", "title_en")
    assert ("Grace Lee", "Example Institute", "Senior Researcher") in guests
    assert _rows(any_db, AgendaItem, "title_ko", "discussion_ko") == {("추진 체계", "분과별 간사 지정")}
    assert _rows(any_db, Decision, "text_ko", "text_en") == {("분기별 회의 개최", "")}
    assert _rows(any_db, ActionItem, "title_ko", "title_en") == {("", "Draft the work plan")}
    assert _old_fields_named(any_db) == []  # the history names the new fields
    assert [h.kind for h in search(any_db, "working structure")] == ["meeting"]

    again = import_archive(any_db, OLD / "archive.json")
    assert again.changed == 0


def test_the_archive_and_the_exchange_file_of_the_previous_version_read_alike(
    db: Database, tmp_path: Path
) -> None:
    other = open_laptop(tmp_path, "other")
    import_bundle(db, OLD / "full.pdx")
    import_archive(other, OLD / "archive.json")
    history = (AuditEvent.id, AuditEvent.entity_kind, AuditEvent.changes)
    for table in ("meeting", "membership", "party", "attendee", "agenda_item", "decision", "action_item"):
        assert snapshot(db)[table] == snapshot(other)[table], table
    with db.session() as s, other.session() as t:
        assert sorted(map(str, s.execute(select(*history)))) == sorted(map(str, t.execute(select(*history))))
    report = import_archive(db, OLD / "archive.json")
    assert [k for k, n in report.updated.items() if n] == ["audit_event"]  # only their time of arrival
    other.close()


def test_exchange_files_of_the_previous_version_merge_field_by_field(
    db: Database, tmp_path: Path, test_clock: clock.SteppingClock
) -> None:
    first = import_bundle(db, OLD / "full.pdx")
    assert (first.inserted, first.conflicts) == (18, 0)
    assert _meeting(db) == MEETING
    # Here, after the files were written, and without having seen the laptop's edits of 12 March:
    # the meeting's title is edited in both languages.
    test_clock.set(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    [m] = meetings.list_meetings(db)
    r = meetings.get_meeting(db, m.id)
    edit = MeetingInput(
        title_ko="실무협의회 제1차",
        title_en="Working group, 1st meeting",
        starts_at=r.starts_at,
        ends_at=r.ends_at,
        place_ko=r.place_ko,
        summary_ko=r.summary_ko,
        summary_en=r.summary_en,
        agreement_ids=r.agreement_ids,
    )
    meetings.update_meeting(db, m.id, edit, r.version)

    result = import_bundle(db, OLD / "edits.pdx")
    # The laptop's edit of the one-language title was an edit of the Korean title: the later
    # Korean edit (here) wins, and the pair is a conflict on title_ko; the English title, which
    # the laptop did not touch, stays. Its place, moved to English, arrives as such.
    assert _meeting(db) == (
        "실무협의회 제1차",
        "Working group, 1st meeting",
        "",
        "Sejong Government Complex, Building 6",
        MEETING[4],
        MEETING[5],
    )
    assert _rows(db, Decision, "text_ko") == {("분기별 회의 개최 (차기: 6월)",)}
    assert ("팀장", "", "반도체과") in _rows(db, Membership, "title_ko", "title_en", "department_ko")
    assert _rows(db, AgendaItem, "title_ko", "title_en") == {("추진 체계 및 일정", "")}
    conflicts = {(c.kind, c.field, c.winner_value, c.loser_value): c for c in list_conflicts(db)}
    assert set(conflicts) == {
        ("meeting", "title_ko", "실무협의회 제1차", "실무협의회 (1차 회의)"),  # found by this merge
        ("agenda_item", "title_ko", "추진 체계 및 일정", "추진 체계 확정"),  # between two old laptops
    }
    assert result.conflicts == 1
    assert _old_fields_named(db) == []

    again = import_bundle(db, OLD / "edits.pdx")
    assert (again.inserted, again.updated, again.events, again.conflicts) == (0, 0, 0, 0)
    reverse_conflict(db, conflicts[("agenda_item", "title_ko", "추진 체계 및 일정", "추진 체계 확정")].id)
    assert _rows(db, AgendaItem, "title_ko") == {("추진 체계 확정",)}

    # A second new database, given everything by this one and back, ends the same.
    other = open_laptop(tmp_path, "other")
    export_bundle(db, tmp_path / "a.pdx")
    import_bundle(other, tmp_path / "a.pdx")
    import_bundle(other, OLD / "edits.pdx")  # the old file again, in another order: nothing new
    export_bundle(other, tmp_path / "b.pdx")
    import_bundle(db, tmp_path / "b.pdx")
    assert snapshot(other) == snapshot(db)
    other.close()


def test_an_exchange_file_in_the_other_order_gives_the_same_data(db: Database, tmp_path: Path) -> None:
    """The delta first, then the full file: merged by field clocks, the result is the same."""
    other = open_laptop(tmp_path, "other")
    import_bundle(db, OLD / "full.pdx")
    import_bundle(db, OLD / "edits.pdx")
    with pytest.raises(Exception, match="refers to records"):  # the delta alone lacks the meeting
        import_bundle(other, OLD / "edits.pdx")
    import_bundle(other, OLD / "full.pdx")
    import_bundle(other, OLD / "edits.pdx")
    assert snapshot(other) == snapshot(db)
    other.close()


@pytest.mark.parametrize("name", ["contacts_ko.csv", "contacts_en.csv"])
def test_the_contacts_list_of_the_previous_version_imports_by_script(db: Database, name: str) -> None:
    report = import_contacts(db, OLD / name)
    assert (report.created, report.invalid, report.unused) == (2, 0, ())
    assert _rows(db, Membership, "title_ko", "title_en", "department_ko", "department_en") == {
        ("과장", "", "반도체과", ""),
        ("", "Director", "", "Business Development"),
    }


@pytest.mark.parametrize("name", ["contacts_ko.csv", "contacts_en.csv"])
def test_the_previous_versions_contacts_list_matches_its_archive(db: Database, name: str) -> None:
    """The list read by script gives what the archive gives: importing it changes nothing."""
    import_archive(db, OLD / "archive.json")
    report = import_contacts(db, OLD / name)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


def test_the_calendar_of_the_previous_version_imports(db: Database) -> None:
    report = import_meetings(db, OLD / "meetings.ics")
    assert (report.created, report.invalid) == (1, 0)
    assert _meeting(db) == MEETING
    [m] = meetings.list_meetings(db)
    # Times in UTC name no zone: the meeting is in Korea's, at 14:00 there.
    assert (m.time_zone, m.starts_at) == ("Asia/Seoul", datetime(2026, 3, 10, 5, 0, tzinfo=UTC))


def test_the_previous_versions_calendar_matches_its_archive(db: Database) -> None:
    import_archive(db, OLD / "archive.json")
    report = import_meetings(db, OLD / "meetings.ics")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)  # the meeting; the deadline
    assert _meeting(db) == MEETING


def _bundle(name: str) -> dict[str, Any]:
    with zipfile.ZipFile(OLD / name) as z:
        return json.loads(z.read("bundle.json"))  # type: ignore[no-any-return]


def _sqlite_value(column: sa.Column[Any], value: Any) -> Any:
    """A JSON value as the previous version stored it in SQLite."""
    kind = str(column.type).upper()
    if value is None:
        return None
    if kind == "CHAR(32)":  # a UUID, stored as hex
        return uuid.UUID(value).hex
    if kind == "DATETIME":
        return datetime.fromisoformat(value).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if kind == "JSON":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _laptop_before_the_upgrade(path: Path, paths: Any) -> None:
    """The laptop that wrote the files, as the previous version left it (schema 0010): the rows and
    history of archive.json, then its edits of 12 March (the rows and history of edits.pdx)."""
    old = open_database(str(path), paths=paths, migrate=False)
    upgrade(old, "0010")
    with old.engine.begin() as conn:
        tables = sa.MetaData()
        with warnings.catch_warnings():  # the expression indexes (sorts) are not needed here
            warnings.simplefilter("ignore", sa.exc.SAWarning)
            tables.reflect(conn)

        def put(name: str, row: dict[str, Any]) -> None:
            table = tables.tables[name]
            values = {k: _sqlite_value(table.c[k], v) for k, v in row.items()}
            if conn.execute(sa.text(f"SELECT 1 FROM {name} WHERE id = :id"), values).first():
                sets = ", ".join(f"{n} = :{n}" for n in values if n != "id")
                conn.execute(sa.text(f"UPDATE {name} SET {sets} WHERE id = :id"), values)
            else:
                names, marks = ", ".join(values), ", ".join(f":{n}" for n in values)
                conn.execute(sa.text(f"INSERT INTO {name} ({names}) VALUES ({marks})"), values)

        archive = json.loads((OLD / "archive.json").read_text(encoding="utf-8"))
        for table in tables.sorted_tables:
            for row in archive["tables"].get(table.name, []):
                put(table.name, row)
        edits = _bundle("edits.pdx")
        for name, block in edits["tables"].items():
            for raw in block["rows"]:
                put(name, dict(zip(block["columns"], raw, strict=True)))
        for raw in edits["events"]["rows"]:
            put("audit_event", dict(zip(edits["events"]["columns"], raw, strict=True)))
        for raw in edits["conflicts"]["rows"]:
            put("conflict", dict(zip(edits["conflicts"]["columns"], raw, strict=True)))
    old.close()


def test_an_upgraded_laptops_own_edits_from_before_the_upgrade_merge_by_their_new_fields(
    tmp_path: Path, test_clock: clock.SteppingClock
) -> None:
    """Its history still names the old fields (the migration leaves history as written): an exchange
    reads them as the new ones, so a later pre-upgrade edit still wins over an earlier one from elsewhere."""
    laptop_path = tmp_path / "laptop.sqlite3"
    _laptop_before_the_upgrade(laptop_path, app_paths(tmp_path / "home-laptop"))
    laptop = open_database(str(laptop_path), paths=app_paths(tmp_path / "home-laptop"))  # upgraded now
    assert _meeting(laptop)[0] == "실무협의회 (1차 회의)"  # its own edit of 12 March
    assert ("meeting", "title") in _old_fields_named(laptop)

    # The office had the first file only, and renamed the meeting on 11 March: earlier than the laptop.
    office = open_laptop(tmp_path, "office")
    import_bundle(office, OLD / "full.pdx")
    test_clock.set(datetime(2026, 3, 11, 9, 0, tzinfo=UTC))
    [m] = meetings.list_meetings(office)
    r = meetings.get_meeting(office, m.id)
    edit = MeetingInput(
        title_ko="실무협의회 (1차, 사무국)", starts_at=r.starts_at, ends_at=r.ends_at, place_ko=r.place_ko,
        summary_ko=r.summary_ko, summary_en=r.summary_en, agreement_ids=r.agreement_ids,
    )  # fmt: skip
    meetings.update_meeting(office, m.id, edit, r.version)
    test_clock.set(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    export_bundle(office, tmp_path / "office.pdx")
    import_bundle(laptop, tmp_path / "office.pdx")
    export_bundle(laptop, tmp_path / "laptop.pdx")
    import_bundle(office, tmp_path / "laptop.pdx")

    for side in (laptop, office):
        # The laptop's later edit of the old title is an edit of the Korean title: it wins.
        assert _meeting(side)[:4] == (
            "실무협의회 (1차 회의)",
            "",
            "",
            "Sejong Government Complex, Building 6",
        )
        found = {(c.kind, c.field, c.winner_value, c.loser_value) for c in list_conflicts(side)}
        assert found == {
            ("meeting", "title_ko", "실무협의회 (1차 회의)", "실무협의회 (1차, 사무국)"),
            ("agenda_item", "title_ko", "추진 체계 및 일정", "추진 체계 확정"),
        }
    records = [t.name for t in ENTITY_TABLES]
    mine, theirs = snapshot(laptop), snapshot(office)
    assert {t: mine[t] for t in [*records, "conflict"]} == {t: theirs[t] for t in [*records, "conflict"]}
    assert _old_fields_named(office) == []  # what arrived from the laptop reads by the new fields
    laptop.close()
    office.close()


def test_a_conflict_recorded_before_the_upgrade_can_be_reversed(tmp_path: Path) -> None:
    path, paths = tmp_path / "laptop.sqlite3", app_paths(tmp_path / "home-laptop")
    _laptop_before_the_upgrade(path, paths)
    laptop = open_database(str(path), paths=paths)
    [old] = list_conflicts(laptop)
    assert (old.kind, old.field, old.winner_value) == ("agenda_item", "title", "추진 체계 및 일정")
    reverse_conflict(laptop, old.id)  # the Korean half, the one the two values differ in
    assert _rows(laptop, AgendaItem, "title_ko", "title_en") == {("추진 체계 확정", "")}
    with pytest.raises(ValidationError):
        reverse_conflict(laptop, old.id)
    laptop.close()
