"""encrypt and rekey: the database encrypted at rest (SQLCipher)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.errors import StorageError
from app.services.installation import app_paths, database_url, sqlite_file
from app.services.opening import open_database
from app.services.security import encrypt_database, rekey_database
from cli.common import read_passphrase


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "encrypt", help="encrypt the database (and its backups and attachments) with a passphrase"
    )
    p.add_argument("--passphrase-file", dest="new_passphrase_file", metavar="F", required=True)
    p.set_defaults(handler=cmd_encrypt)

    p = sub.add_parser("rekey", help="change the passphrase of an encrypted database")
    p.add_argument(
        "--passphrase-file", dest="old_passphrase_file", metavar="OLD", help="the current passphrase"
    )
    p.add_argument("--new-passphrase-file", metavar="NEW", required=True)
    p.set_defaults(handler=cmd_rekey)


def _sqlite_file(args: argparse.Namespace) -> tuple[Path, Path, Path]:
    paths = app_paths(Path(args.home) if getattr(args, "home", None) else None)
    file = sqlite_file(database_url(getattr(args, "db", None), paths))
    if file is None:
        raise StorageError(
            "SQLite 데이터베이스 파일만 암호화할 수 있습니다.",
            "Only a SQLite database file can be encrypted.",
        )
    return file, paths.backups, paths.attachments


def cmd_encrypt(args: argparse.Namespace) -> int:
    database, backups, attachments = _sqlite_file(args)
    passphrase = read_passphrase(Path(args.new_passphrase_file))
    if not database.exists():  # a new database: create it, then encrypt it
        open_database(str(database), backup_before_migrate=False).close()
    done = encrypt_database(database, passphrase, backups=backups, attachments=attachments)
    print(
        f"Encrypted {database} ({done.backups} backups and {done.attachments} attachment files too). "
        "Open it with --passphrase-file from now on; without the passphrase the data cannot be recovered."
    )
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    database, backups, _ = _sqlite_file(args)
    old_file = args.old_passphrase_file or getattr(args, "passphrase_file", None)
    if not old_file:
        raise StorageError(
            "현재 암호 파일을 --passphrase-file로 지정하십시오.",
            "Give the current passphrase with --passphrase-file.",
        )
    old = read_passphrase(Path(old_file))
    new = read_passphrase(Path(args.new_passphrase_file))
    done = rekey_database(database, old, new, backups=backups)
    print(f"Changed the passphrase of {database} ({done.backups} backups too).")
    return 0
