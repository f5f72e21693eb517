"""Keeping the data safe: backups, restore, the check of a database file and its repair."""

from __future__ import annotations

from app.backup import BackupInfo, auto_backup_if_due, backup_before_import, backup_database, list_backups
from app.health import HealthReport, check_database
from app.recovery import (
    check_on_start,
    finish_interrupted_work,
    newest_good_backup,
    quick_check,
    restore_backup,
)

__all__ = [
    "BackupInfo",
    "HealthReport",
    "auto_backup_if_due",
    "backup_before_import",
    "backup_database",
    "check_database",
    "check_on_start",
    "finish_interrupted_work",
    "list_backups",
    "newest_good_backup",
    "quick_check",
    "restore_backup",
]
