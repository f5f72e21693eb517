"""export and import: the whole database as JSON (lists in other formats: cli.transfer_lists)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.services.backups import backup_before_import
from app.services.transfer import (
    DEFAULT_LIMITS,
    LIMIT_NAMES,
    apply_archive,
    export_archive,
    parse_limits,
    read_archive,
)
from cli import transfer_lists
from cli.common import open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export the whole database (FILE.json) or a list (KIND --format ...)")
    p.add_argument("target", help="FILE.json for the whole database, or a kind: contacts, organizations, ...")
    p.add_argument("--format", choices=["json", "csv", "xlsx", "vcf", "ics"], default=None)
    p.add_argument("-o", "--output", help="output file (with KIND)")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "import", help="import FILE.json (merge by id) or contacts/organizations from CSV, XLSX, vCard"
    )
    p.add_argument("file")
    p.add_argument("--kind", choices=["contacts", "organizations", "agreements", "meetings"], default=None)
    p.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows, report the others")
    p.add_argument(
        "--limit",
        action="append",
        metavar="NAME=N",
        help=f"raise an import limit for this file ({', '.join(f'{n}={getattr(DEFAULT_LIMITS, n)}' for n in LIMIT_NAMES)}); repeatable",
    )
    p.set_defaults(handler=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    if args.format in (None, "json") and args.output is None:
        dest = Path(args.target)
        with open_db(args) as db:
            counts = export_archive(db, dest)
        print(f"Exported {sum(counts.values())} rows to {dest}")
        return 0
    return int(transfer_lists.export_list(args))


def cmd_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    limits = parse_limits(args.limit)  # a mistyped --limit is refused before anything is read
    if source.suffix.lower() == ".json" and args.kind is None:
        archive = read_archive(source, limits)  # the whole file is checked before the database is opened
        with open_db(args, lock=not args.dry_run) as db:
            backup_before_import(db, dry_run=args.dry_run)
            report = apply_archive(db, archive, dry_run=args.dry_run)
        if args.dry_run:
            print(f"Checked {source}: it would give {report.summary()}. Nothing was written.")
        else:
            print(f"Imported {source}: {report.summary()}.")
        return 0
    if not args.dry_run:
        with open_db(args, lock=True) as db:
            backup_before_import(db)
    return int(transfer_lists.import_file(args))
