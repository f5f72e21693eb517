"""Automatic backups: daily on start, before exchange imports; rotation; a movable folder; the CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import org

from app import clock
from app.backup import auto_backup_if_due, list_backups, rotate
from app.db import Database
from app.exchange import export_bundle, import_bundle
from app.paths import AppPaths
from app.services.opening import open_database
from app.settings import save_settings
from cli import main

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)


def _fake(folder: Path, when: datetime, reason: str = "daily") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{reason}-{when.strftime('%Y%m%d-%H%M%S-%f')}.sqlite3"
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path: Path) -> None:
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    for hours in range(0, 24 * 400, 6):  # four a day for more than a year
        _fake(tmp_path, now - timedelta(hours=hours))
    rotate(tmp_path)
    kept = list_backups(tmp_path)
    assert kept[0].created_at == now  # the newest always stays
    last_day = [b for b in kept if now - b.created_at < timedelta(days=1)]
    assert len(last_day) == 4  # everything of the last day
    older = [b for b in kept if now - b.created_at >= timedelta(days=1)]
    assert len(older) == len({b.created_at.date() for b in older})  # then one a day at most
    recent = {b.created_at.date() for b in kept if now - b.created_at < timedelta(days=7)}
    assert len(recent) == 7
    assert 12 <= len({(b.created_at.year, b.created_at.month) for b in kept}) <= 13
    assert len(kept) <= 4 + 7 + 4 + 12
    oldest = min(b.created_at for b in kept)
    assert now - oldest > timedelta(days=300)


def test_daily_backup_only_when_the_last_is_older_than_a_day(
    db: Database, test_clock: clock.SteppingClock
) -> None:
    first = auto_backup_if_due(db)
    assert first is not None and first.exists()
    test_clock.advance(timedelta(hours=23))
    assert auto_backup_if_due(db) is None
    test_clock.advance(timedelta(hours=1, minutes=1))
    assert auto_backup_if_due(db) is not None


def test_an_exchange_import_is_preceded_by_a_backup(db: Database, paths: AppPaths, tmp_path: Path) -> None:
    org(db)
    export_bundle(db, tmp_path / "x.pdx")
    before = len(list_backups(paths.backups))
    import_bundle(db, tmp_path / "x.pdx")
    assert [b.reason for b in list_backups(paths.backups)][:1] == ["before-exchange-import"]
    assert len(list_backups(paths.backups)) == before + 1


def test_the_backups_folder_can_be_moved(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "usb-disk" / "pd-backups"
    save_settings(paths, {"backups_dir": str(elsewhere)})
    assert main(["demo"]) == 0  # the first start of the day makes a backup
    assert main(["backup"]) == 0
    capsys.readouterr()
    assert main(["backups", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) >= 2
    assert all(Path(b["path"]).parent == elsewhere for b in listed)
    assert main(["backups"]) == 0
    assert "daily" in capsys.readouterr().out


def test_json_and_csv_imports_are_preceded_by_a_backup(paths: AppPaths, tmp_path: Path) -> None:
    from app.archive import export_archive

    with open_database(paths=paths) as db:
        org(db)
        export_archive(db, tmp_path / "all.json")
    csv = tmp_path / "contacts.csv"
    csv.write_text("name,email\n김하늘,ha@example.com\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "all.json")]) == 0
    assert main(["import", str(csv)]) == 0
    reasons = [b.reason for b in list_backups(paths.backups)]
    assert reasons.count("before-import") == 2
