"""history: each change to a record, and restoring a previous value."""

from __future__ import annotations

import argparse

from app.services.history import history, restore_value
from cli.common import open_db, parse_id, print_json, print_table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help="show each change to a record; --restore puts back a previous value")
    p.add_argument("kind", help="agreement, organization, contact, meeting, commitment, party, ...")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--restore",
        nargs=2,
        metavar=("EVENT_ID", "FIELD"),
        help="put back FIELD's value from before the change EVENT_ID",
    )
    p.set_defaults(handler=cmd_history)


def cmd_history(args: argparse.Namespace) -> int:
    ident = parse_id(args.id, args.kind)
    with open_db(args, lock=bool(args.restore)) as db:
        if args.restore:
            event_id, field = args.restore
            restore_value(db, args.kind, ident, parse_id(event_id, "change"), field)
            print(f"Restored {field} of {args.kind} {ident} to its value before change {event_id}.")
            return 0
        entries = history(db, args.kind, ident)
    if args.json:
        print_json(entries)
        return 0
    rows: list[list[str]] = []
    for e in entries:
        when = e.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        fields = sorted(e.changes.items()) or [("", [None, None])]
        for number, (field, values) in enumerate(fields):
            before, after = [*list(values), None, None][:2]
            head = [str(e.id), when, e.actor, e.action] if number == 0 else ["", "", "", ""]
            rows.append([*head, field, _short(before), _short(after)])
    print_table(rows, ["Change", "When", "By", "Action", "Field", "Before", "After"])
    return 0


def _short(value: object) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"
