"""The non-JSON branches of ``partnership-desk export`` and ``import``: lists as CSV, XLSX, vCard, iCalendar."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.errors import ValidationError
from app.services import transfer
from app.services.transfer import LIST_KINDS, ImportOptions, parse_limits, run_import
from cli.common import open_db


def export_list(args: argparse.Namespace) -> int:
    kind = transfer.list_kind(args.target)
    if kind not in LIST_KINDS:
        raise ValidationError(
            "kind",
            f"내보낼 목록을 지정하십시오: {', '.join(LIST_KINDS)}",
            f"Give a list to export: {', '.join(LIST_KINDS)} (or FILE.json for the whole database).",
        )
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "csv")
    if not args.output:
        raise ValidationError(
            "output", "-o 로 저장할 파일을 지정하십시오.", "Give the output file with -o FILE."
        )
    with open_db(args) as db:
        count = transfer.export_list(db, kind, fmt, Path(args.output))
    what = "calendar entries" if fmt == "ics" else kind
    print(f"Exported {count} {what} to {args.output}")
    return 0


def import_file(args: argparse.Namespace) -> int:
    path = Path(args.file)
    kind = args.kind or ("meetings" if path.suffix.lower() == ".ics" else "contacts")
    options = ImportOptions(
        kind=kind, dry_run=args.dry_run, skip_invalid=args.skip_invalid, limits=parse_limits(args.limit)
    )
    with open_db(args, lock=not args.dry_run) as db:
        report = run_import(db, path, options)
    for problem in report.problems:
        print(f"{path.name}: {problem.describe(report.unit)}", file=sys.stderr)
    print(report.summary())
    if report.unused:
        print(report.unused_text())
    if report.organizations_created or report.memberships_created:
        verb = "would be " if not report.written else ""
        print(
            f"Organizations {verb}created: {report.organizations_created}; positions {verb}added: {report.memberships_created}"
        )
    return 1 if report.problems and not args.skip_invalid else 0
