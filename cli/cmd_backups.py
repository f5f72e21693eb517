"""backups (list) and restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.errors import StorageError
from app.services.backups import list_backups, newest_good_backup, restore_backup
from app.services.installation import AppPaths, app_paths, database_url, sqlite_file
from cli.common import passphrase_from, print_json, print_table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backups", help="list the backups in the backups folder, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", help="restore a backup (the current database is backed up first)")
    p.add_argument("backup", help="a backup file (see 'backups'), or NEWEST for the newest good one")
    p.set_defaults(handler=cmd_restore)


def _paths(args: argparse.Namespace) -> tuple[object, Path]:
    paths = app_paths(Path(args.home) if getattr(args, "home", None) else None)
    file = sqlite_file(database_url(getattr(args, "db", None), paths))
    if file is None:
        raise StorageError(
            "PostgreSQL 데이터베이스는 서버의 백업 도구로 백업하고 복원하십시오.",
            "Back up and restore a PostgreSQL database with the server's own tools.",
        )
    return paths, file


def cmd_backups(args: argparse.Namespace) -> int:
    paths = app_paths(Path(args.home) if getattr(args, "home", None) else None)
    rows = list_backups(paths.backups)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(f"No backups in {paths.backups}.")
        return 0
    print_table(
        [
            [
                b.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                b.reason,
                f"{b.size / 1024:,.0f} KB",
                str(b.path),
            ]
            for b in rows
        ],
        ["When", "Reason", "Size", "File"],
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    paths, database = _paths(args)
    assert isinstance(paths, AppPaths)
    passphrase = passphrase_from(args)
    if args.backup.upper() == "NEWEST":
        good = newest_good_backup(paths, passphrase)
        if good is None:
            raise StorageError("쓸 수 있는 백업이 없습니다.", f"No usable backup in {paths.backups}.")
        source = good.path
    else:
        source = Path(args.backup)
        if not source.is_file():
            raise StorageError(f"백업 파일이 없습니다: {source}", f"No such backup file: {source}")
    kept = restore_backup(paths, source, database, passphrase=passphrase)
    print(f"Restored {database} from {source}. The previous state was kept in {kept}.")
    return 0
