"""exchange export/import (offline sync between databases) and conflicts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.services.exchange import (
    export_bundle,
    import_bundle,
    list_conflicts,
    resolve_since,
    reverse_conflict,
)
from cli.common import open_db, parse_id, print_json, print_table, read_passphrase


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("exchange", help="exchange files: carry changes between databases without a network")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    e = actions.add_parser("export", help="write every change (or those since LAST/DATE) to FILE")
    e.add_argument("file")
    e.add_argument(
        "--since", metavar="LAST|DATE", help="LAST: since the last exchange; or a date (default: all)"
    )
    e.add_argument("--peer", metavar="DEVICE_ID", help="with --since LAST: the database the file is for")
    e.add_argument(
        "--passphrase-file", dest="bundle_passphrase_file", metavar="F", help="encrypt with this passphrase"
    )
    e.set_defaults(handler=cmd_export)

    i = actions.add_parser("import", help="merge an exchange FILE into this database")
    i.add_argument("file")
    i.add_argument(
        "--passphrase-file", dest="bundle_passphrase_file", metavar="F", help="the file's passphrase"
    )
    i.set_defaults(handler=cmd_import)

    c = sub.add_parser("conflicts", help="list the conflicts exchanges resolved, or reverse one")
    c.add_argument("--json", action="store_true", help="print JSON")
    c.add_argument("--open", action="store_true", help="only those not reversed")
    c.add_argument("--reverse", metavar="CONFLICT_ID", help="put back the value the conflict overwrote")
    c.set_defaults(handler=cmd_conflicts)


def _bundle_passphrase(args: argparse.Namespace) -> str | None:
    name = getattr(args, "bundle_passphrase_file", None)
    return read_passphrase(Path(name)) if name else None


def cmd_export(args: argparse.Namespace) -> int:
    passphrase = _bundle_passphrase(args)
    with open_db(args) as db:
        since = resolve_since(db, args.since, args.peer)
        result = export_bundle(db, Path(args.file), since=since, passphrase=passphrase)
    what = f"changes since {since.isoformat()}" if since else "all records"
    sealed = ", encrypted" if result.encrypted else ""
    print(
        f"Exported {result.records} records ({what}), {result.events} history entries and "
        f"{result.files} files to {result.path}{sealed}."
    )
    if result.warning is not None:
        print(f"partnership-desk: {result.warning}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    passphrase = _bundle_passphrase(args)
    with open_db(args, lock=True) as db:
        r = import_bundle(db, Path(args.file), passphrase=passphrase)
    print(
        f"Imported from device {r.source_device[:8]}: {r.inserted} new, {r.updated} updated, "
        f"{r.unchanged} unchanged records; {r.events} history entries; {r.files} files; "
        f"{r.conflicts} new conflicts."
    )
    if r.conflicts:
        print("Review them with: partnership-desk conflicts")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_db(args, lock=bool(args.reverse)) as db:
        if args.reverse:
            view = reverse_conflict(db, parse_id(args.reverse, "conflict"))
            print(f"Reversed: {view.kind} {view.record_label} {view.field} is {view.loser_value!r} again.")
            return 0
        rows = list_conflicts(db, include_reversed=not args.open)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No conflicts.")
        return 0
    print_table(
        [
            [
                str(c.id),
                c.detected_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                c.kind,
                c.record_label[:30],
                c.field,
                _short(c.winner_value),
                _short(c.loser_value),
                "reversed" if c.reversed_at else "",
            ]
            for c in rows
        ],
        ["ID", "When", "Kind", "Record", "Field", "Kept", "Overwritten", ""],
    )
    return 0


def _short(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 30 else text[:29] + "…"
