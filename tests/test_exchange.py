"""Exchange bundles between databases: merge by id, tombstones, files, conflicts, SQLite ↔ PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from exchange_helpers import open_laptop, snapshot
from factories import org

from app import clock
from app.db import Database
from app.dto import OrganizationInput
from app.errors import ImportFormatError, ValidationError
from app.exchange import export_bundle, import_bundle, list_conflicts, resolve_since, reverse_conflict
from app.exchange.common import SINCE_MARGIN
from app.services import organizations
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
