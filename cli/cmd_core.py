"""demo, list, show, delete, check, backup."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from app import dto
from app.enums import RecordKind
from app.errors import StorageError
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.backups import backup_database, check_database
from app.services.demo import load_demo
from app.services.installation import app_paths, current_language, database_url
from cli.common import open_db, parse_id, print_json, print_table, to_jsonable

LIST_KINDS = [kind.plural for kind in RecordKind]
SHOW_KINDS = [kind.value for kind in RecordKind]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="load the reference agreement and sample data")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("list", help="list records of one kind")
    p.add_argument("kind", choices=LIST_KINDS)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=_count, default=None, help="at most this many rows")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one record")
    p.add_argument("kind", choices=SHOW_KINDS)
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("delete", help="delete one record (kept as a tombstone for exchange)")
    p.add_argument("kind", choices=SHOW_KINDS)
    p.add_argument("id")
    p.set_defaults(handler=cmd_delete)

    p = sub.add_parser("check", help="check integrity and schema version; exit 1 when unhealthy")
    p.add_argument("--repair", action="store_true", help="rebuild derived data such as the search index")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("backup", help="make a consistent copy of the database")
    p.add_argument("dest", nargs="?", help="file or folder (default: the backups folder)")
    p.add_argument("--force", action="store_true", help="overwrite DEST when it is an existing file")
    p.set_defaults(handler=cmd_backup)


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of rows, not {value!r}")
    return number


def cmd_demo(args: argparse.Namespace) -> int:
    with open_db(args, lock=True) as db:
        loaded = load_demo(db)
    print("Loaded the reference data." if loaded else "The reference data is already loaded.")
    return 0


def _lister(kind: str) -> Any:
    return {
        "agreements": agreements.list_agreements,
        "organizations": organizations.list_organizations,
        "contacts": contacts.list_contacts,
        "meetings": meetings.list_meetings,
        "commitments": commitments.list_commitments,
    }[kind]


def cmd_list(args: argparse.Namespace) -> int:
    queries = {
        "agreements": dto.AgreementQuery,
        "organizations": dto.OrganizationQuery,
        "contacts": dto.ContactQuery,
        "meetings": dto.MeetingQuery,
        "commitments": dto.CommitmentQuery,
    }
    with open_db(args) as db:
        rows = _lister(args.kind)(db, queries[args.kind](limit=args.limit))
    if args.json:
        print_json(rows)
        return 0
    lang = current_language()
    print_table([_row(args.kind, r, lang) for r in rows], _headers(args.kind))
    return 0


def _headers(kind: str) -> list[str]:
    return {
        "agreements": ["ID", "Status", "Signed", "Parties", "Title"],
        "organizations": ["ID", "Kind", "Name"],
        "contacts": ["ID", "Name", "Organization", "E-mail"],
        "meetings": ["ID", "Starts", "Title"],
        "commitments": ["ID", "Status", "Due", "Title"],
    }[kind]


def _local_time(value: datetime | None) -> str:
    """In local time; a time too near the year 1 or 9999 for the local zone is shown in UTC."""
    if value is None:
        return ""
    try:
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    except (OverflowError, ValueError):
        return value.strftime("%Y-%m-%d %H:%M UTC")


def _row(kind: str, r: Any, lang: str) -> list[str]:
    if kind == "agreements":
        return [str(r.id), r.status.label(lang), str(r.signed_on or ""), str(r.party_count), r.title(lang)]
    if kind == "organizations":
        return [str(r.id), r.org_kind.label(lang), r.name(lang)]
    if kind == "contacts":
        org = r.organization_name_ko if lang == "ko" else (r.organization_name_en or r.organization_name_ko)
        name = r.name_ko if lang == "ko" and r.name_ko else (r.name_en or r.name_ko)
        return [str(r.id), name, org, r.email]
    if kind == "meetings":
        return [
            str(r.id),
            _local_time(r.starts_at),
            r.title,
        ]
    return [str(r.id), r.status.label(lang), str(r.due_on or ""), r.title]


def cmd_show(args: argparse.Namespace) -> int:
    ident = parse_id(args.id, args.kind)
    getters = {
        "agreement": agreements.agreement_detail,
        "organization": organizations.organization_detail,
        "contact": contacts.contact_detail,
        "meeting": meetings.meeting_detail,
        "commitment": commitments.get_commitment,
    }
    with open_db(args) as db:
        detail = getters[args.kind](db, ident)
    if args.json:
        print_json(detail)
    else:
        _print_detail(detail)
    return 0


def _print_detail(detail: Any) -> None:
    data = to_jsonable(detail)
    record = data.pop("record", None)
    for key, value in (record or data).items():
        if not isinstance(value, list | dict):
            print(f"{key}: {value}")
    if record is not None:
        for key, value in data.items():
            print(f"\n{key} ({len(value)})")
            for item in value:
                label = next(
                    (
                        item[k]
                        for k in ("organization_name_ko", "contact_name_ko", "title", "text", "filename")
                        if item.get(k)
                    ),
                    item.get("id"),
                )
                print(f"  - {label}")


def cmd_delete(args: argparse.Namespace) -> int:
    ident = parse_id(args.id, args.kind)
    deleters = {
        "agreement": agreements.delete_agreement,
        "organization": organizations.delete_organization,
        "contact": contacts.delete_contact,
        "meeting": meetings.delete_meeting,
        "commitment": commitments.delete_commitment,
    }
    with open_db(args, lock=True) as db:
        deleters[args.kind](db, ident)
    print(f"Deleted {args.kind} {ident}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    _require_existing_file(args)
    with open_db(args, migrate=False) as db:
        report = check_database(db, repair=args.repair)
    for line in report.lines:
        print(line)
    return 0 if report.healthy else 1


def _require_existing_file(args: argparse.Namespace) -> None:
    """Refuse to check a database file that is not there (instead of creating an empty one)."""
    from sqlalchemy.engine import make_url

    paths = app_paths(Path(args.home) if args.home else None)
    url = make_url(database_url(args.db, paths))
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        raise StorageError(
            f"데이터베이스 파일이 없습니다: {url.database}",
            f"There is no database at {url.database}.",
        )


def cmd_backup(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        path = backup_database(db, Path(args.dest) if args.dest else None, force=args.force)
    print(f"Backup written to {path}")
    return 0
