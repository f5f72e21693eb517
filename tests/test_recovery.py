"""A damaged database is detected at start and restored from the newest good backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import org

from app.backup import backup_database, list_backups
from app.errors import StorageError
from app.paths import AppPaths
from app.recovery import check_on_start, restore_backup
from app.services import organizations
from app.services.opening import open_database
from cli import main


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 6)):  # scribble over the first pages after the header
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def _make(paths: AppPaths) -> None:
    with open_database(paths=paths) as db:
        org(db, "백업 전 기관")
        backup_database(db)
        org(db, "백업 후 기관")
        db.engine.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)


def test_a_sound_database_passes(paths: AppPaths) -> None:
    _make(paths)
    assert check_on_start(paths).ok


def test_a_damaged_database_is_reported_and_restored_from_the_newest_good_backup(paths: AppPaths) -> None:
    _make(paths)
    _damage(paths.database)
    check = check_on_start(paths)
    assert not check.ok
    assert check.message is not None and "damaged" in check.message.en and "손상" in check.message.ko
    assert check.newest_good_backup is not None
    kept = restore_backup(paths, check.newest_good_backup.path)
    assert kept.exists()  # the damaged file is kept aside, never thrown away
    assert check_on_start(paths).ok
    with open_database(paths=paths) as db:
        assert [o.name_ko for o in organizations.list_organizations(db)] == ["백업 전 기관"]


def test_a_damaged_backup_is_not_offered_or_restored(paths: AppPaths) -> None:
    _make(paths)
    newest = list_backups(paths.backups)[0].path
    _damage(newest)
    _damage(paths.database)
    assert check_on_start(paths).newest_good_backup is None
    with pytest.raises(StorageError, match="damaged"):
        restore_backup(paths, newest)


def test_restore_from_the_command_line_backs_up_the_current_state_first(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    _make(paths)
    backup = list_backups(paths.backups)[0].path
    assert main(["restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "previous state was kept" in out
    reasons = [b.reason for b in list_backups(paths.backups)]
    assert "before-restore" in reasons
    with open_database(paths=paths) as db:
        assert [o.name_ko for o in organizations.list_organizations(db)] == ["백업 전 기관"]


def test_restore_refuses_while_the_database_is_in_use(paths: AppPaths) -> None:
    _make(paths)
    backup = list_backups(paths.backups)[0].path
    with open_database(paths=paths, lock=True), pytest.raises(StorageError, match="Another Partnership Desk"):
        restore_backup(paths, backup)
