"""export and import: the whole database as JSON (other formats: app.transfer)."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import Any

from app.cli.common import open_db
from app.errors import DomainError


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
    p.set_defaults(handler=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    if args.format in (None, "json") and args.output is None:
        from app.archive import export_archive

        dest = Path(args.target)
        with open_db(args) as db:
            counts = export_archive(db, dest)
        print(f"Exported {sum(counts.values())} rows to {dest}")
        return 0
    return int(_transfer().export_list(args))


def cmd_import(args: argparse.Namespace) -> int:
    from app.backup import backup_before_import

    source = Path(args.file)
    if source.suffix.lower() == ".json" and args.kind is None:
        from app.archive import apply_archive, read_archive

        archive = read_archive(source)  # the whole file is checked before the database is opened
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
    return int(_transfer().import_file(args))


def _transfer() -> Any:
    """The list import/export module (CSV, XLSX, vCard, iCalendar), imported by name."""
    try:
        return importlib.import_module("app.transfer.cli")
    except ModuleNotFoundError as exc:
        if exc.name not in ("app.transfer", "app.transfer.cli"):
            raise
        raise DomainError(
            "이 형식의 가져오기/내보내기는 아직 지원하지 않습니다. JSON 파일(FILE.json)을 사용하십시오.",
            "Importing or exporting this format is not available yet. Use a JSON file (FILE.json).",
        ) from None
