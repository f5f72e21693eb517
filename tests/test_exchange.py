"""Exchange bundles between databases: merge by id, tombstones, files, conflicts, SQLite ↔ PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from exchange_helpers import open_laptop, snapshot
from factories import meeting, member, org, person

from app import clock
from app.db import Database
from app.dto import MeetingInput, MembershipInput, OrganizationInput
from app.errors import ImportFormatError, ValidationError
from app.exchange import export_bundle, import_bundle, list_conflicts, resolve_since, reverse_conflict
from app.exchange.common import SINCE_MARGIN
from app.services import contacts, meetings, organizations
from app.services.attachments import add_attachment, attachment_file

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)


def _sync(a: Database, b: Database, folder: Path) -> None:
    export_bundle(a, folder / "a.pdx")
    import_bundle(b, folder / "a.pdx")
    export_bundle(b, folder / "b.pdx")
    import_bundle(a, folder / "b.pdx")


def _rename(db: Database, ident: object, **changes: str) -> None:
    rec = organizations.get_organization(db, ident)  # type: ignore[arg-type]
    data = OrganizationInput(
        name_ko=changes.get("name_ko", rec.name_ko),
        name_en=changes.get("name_en", rec.name_en),
        notes=changes.get("notes", rec.notes),
        org_kind=rec.org_kind,
    )
    organizations.update_organization(db, rec.id, data)


def test_bundle_carries_everything_and_a_second_import_changes_nothing(
    demo_sqlite: Database, tmp_path: Path
) -> None:
    other = open_laptop(tmp_path, "other")
    result = export_bundle(demo_sqlite, tmp_path / "all.pdx")
    assert result.records > 50
    first = import_bundle(other, tmp_path / "all.pdx")
    assert first.inserted == result.records
    assert snapshot(other) == snapshot(demo_sqlite)
    again = import_bundle(other, tmp_path / "all.pdx")
    assert (again.inserted, again.updated, again.events) == (0, 0, 0)
    assert snapshot(other) == snapshot(demo_sqlite)
    other.close()


def test_exchange_between_sqlite_and_postgresql_both_ways(
    demo_sqlite: Database, pg_db: Database, tmp_path: Path
) -> None:
    export_bundle(demo_sqlite, tmp_path / "s.pdx")
    import_bundle(pg_db, tmp_path / "s.pdx")
    mine = org(pg_db, "서버에서 만든 기관", "Made on the server")
    export_bundle(pg_db, tmp_path / "p.pdx")
    import_bundle(demo_sqlite, tmp_path / "p.pdx")
    assert organizations.get_organization(demo_sqlite, mine.id).name_en == "Made on the server"
    assert snapshot(pg_db) == snapshot(demo_sqlite)


def test_deletion_travels_as_a_tombstone(db: Database, tmp_path: Path) -> None:
    other = open_laptop(tmp_path, "other")
    rec = org(db, "삭제될 기관")
    _sync(db, other, tmp_path)
    organizations.delete_organization(other, rec.id)
    _sync(db, other, tmp_path)
    assert [o.id for o in organizations.list_organizations(db)] == []
    assert snapshot(db) == snapshot(other)
    other.close()


def test_concurrent_edits_of_one_field_become_a_conflict_that_can_be_reversed(
    db: Database, tmp_path: Path, test_clock: clock.SteppingClock
) -> None:
    other = open_laptop(tmp_path, "other")
    rec = org(db, "원래 이름", notes="")
    _sync(db, other, tmp_path)
    _rename(db, rec.id, name_ko="사무국의 이름", notes="사무국 메모")
    test_clock.advance(timedelta(minutes=5))  # the second edit is made later
    _rename(other, rec.id, name_ko="출장지의 이름")  # later: wins
    _sync(db, other, tmp_path)
    for side in (db, other):
        got = organizations.get_organization(side, rec.id)
        assert got.name_ko == "출장지의 이름"
        assert got.notes == "사무국 메모"  # different fields both survive
    assert snapshot(db) == snapshot(other)
    conflicts = list_conflicts(db)
    assert [(c.field, c.winner_value, c.loser_value) for c in conflicts] == [
        ("name_ko", "출장지의 이름", "사무국의 이름")
    ]
    assert [c.id for c in list_conflicts(other)] == [conflicts[0].id]

    reverse_conflict(db, conflicts[0].id)
    assert organizations.get_organization(db, rec.id).name_ko == "사무국의 이름"
    with pytest.raises(ValidationError):
        reverse_conflict(db, conflicts[0].id)
    _sync(db, other, tmp_path)
    assert organizations.get_organization(other, rec.id).name_ko == "사무국의 이름"
    assert list_conflicts(other)[0].reversed_at is not None
    assert snapshot(db) == snapshot(other)
    other.close()


def test_attachments_travel_with_their_files(db: Database, tmp_path: Path) -> None:
    other = open_laptop(tmp_path, "other")
    rec = org(db, "첨부 기관")
    source = tmp_path / "minutes.txt"
    source.write_bytes("회의록 원본".encode())
    att = add_attachment(db, "organization", rec.id, source)
    result = export_bundle(db, tmp_path / "x.pdx")
    assert result.files == 1
    assert import_bundle(other, tmp_path / "x.pdx").files == 1
    assert attachment_file(other, att.id).read_bytes() == "회의록 원본".encode()
    other.close()


def test_since_last_sends_only_what_the_peer_lacks(db: Database, tmp_path: Path) -> None:
    other = open_laptop(tmp_path, "other")
    for i in range(5):
        org(db, f"기관 {i}")
    assert resolve_since(db, "LAST") is None  # no exchange yet: everything
    _sync(db, other, tmp_path)
    _sync(db, other, tmp_path)  # now the peer has told us what it holds
    since = resolve_since(db, "LAST")
    assert since is not None
    assert abs((clock.now() - SINCE_MARGIN - since).total_seconds()) < 30  # what the peer acknowledged
    with pytest.raises(ValidationError):
        resolve_since(db, "yesterday")
    before = clock.now()
    newest = org(db, "새 기관")
    result = export_bundle(db, tmp_path / "delta.pdx", since=before)
    assert result.records == 1
    import_bundle(other, tmp_path / "delta.pdx")
    assert organizations.get_organization(other, newest.id).name_ko == "새 기관"
    assert snapshot(other) == snapshot(db)
    other.close()


def test_a_bundle_of_another_kind_is_refused(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "x.pdx"
    bad.write_text("not a zip at all")
    with pytest.raises(ImportFormatError, match="not a Partnership Desk exchange file"):
        import_bundle(db, bad)


def _edit_meeting(db: Database, ident: object, **changes: str) -> None:
    r = meetings.get_meeting(db, ident)  # type: ignore[arg-type]
    data = MeetingInput(
        title_ko=r.title_ko, title_en=r.title_en, starts_at=r.starts_at, ends_at=r.ends_at,
        time_zone=r.time_zone, place_ko=r.place_ko, place_en=r.place_en, summary_ko=r.summary_ko,
        summary_en=r.summary_en, agreement_ids=r.agreement_ids,
    )  # fmt: skip
    meetings.update_meeting(db, r.id, replace(data, **changes), r.version)  # type: ignore[arg-type]


def _edit_position(db: Database, ident: object, **changes: str) -> None:
    [p] = [m for m in contacts.contact_detail(db, ident).memberships]  # type: ignore[arg-type]
    data = MembershipInput(
        p.contact_id, p.organization_id, title_ko=p.title_ko, title_en=p.title_en,
        department_ko=p.department_ko, department_en=p.department_en,
    )  # fmt: skip
    contacts.update_membership(db, p.id, replace(data, **changes), p.version)


def test_bilingual_edits_merge_per_language_both_ways_with_conflicts_per_field(
    db: Database, tmp_path: Path, test_clock: clock.SteppingClock
) -> None:
    other = open_laptop(tmp_path, "other")
    m = meeting(db, "실무협의회", time_zone="Asia/Seoul")
    who = person(db, "한지윤", "Jiyoon Han")
    member(db, who.id, org(db, "산업통상자원부").id, "과장")
    _sync(db, other, tmp_path)
    _edit_meeting(db, m.id, title_en="Working group", summary_ko="사무국 메모")
    _edit_position(db, who.id, title_en="Director")
    test_clock.advance(timedelta(minutes=5))  # the other laptop's edits are later
    _edit_meeting(
        other,
        m.id,
        title_ko="실무협의회 (본회의)",
        title_en="Working Group Meeting",
        time_zone="Europe/Brussels",
    )
    _edit_position(other, who.id, department_ko="반도체과")
    _sync(db, other, tmp_path)
    for side in (db, other):
        got = meetings.get_meeting(side, m.id)
        # Korean edited on one side only, English on both: the later English wins.
        assert (got.title_ko, got.title_en, got.summary_ko, got.time_zone) == (
            "실무협의회 (본회의)", "Working Group Meeting", "사무국 메모", "Europe/Brussels",
        )  # fmt: skip
        [p] = contacts.contact_detail(side, who.id).memberships
        assert (p.title_ko, p.title_en, p.department_ko) == ("과장", "Director", "반도체과")
    assert snapshot(db) == snapshot(other)
    conflicts = list_conflicts(db)
    assert [(c.kind, c.field, c.winner_value, c.loser_value) for c in conflicts] == [
        ("meeting", "title_en", "Working Group Meeting", "Working group")
    ]
    assert [c.id for c in list_conflicts(other)] == [conflicts[0].id]
    assert (conflicts[0].label("ko"), conflicts[0].label("en")) == (
        "실무협의회 (본회의)",
        "Working Group Meeting",
    )
    reverse_conflict(db, conflicts[0].id)
    _sync(db, other, tmp_path)
    assert meetings.get_meeting(other, m.id).title_en == "Working group"
    assert meetings.get_meeting(other, m.id).title_ko == "실무협의회 (본회의)"  # the Korean edit stays
    assert snapshot(db) == snapshot(other)
    other.close()
