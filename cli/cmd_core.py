"""demo, list, show, delete, check, backup."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from app import dto
from app.enums import Labeled, RecordKind
from app.errors import StorageError
from app.services import agreements, commitments, contacts, meetings, organizations, time_zones
from app.services.backups import backup_database, check_database
from app.services.demo import load_demo
from app.services.installation import Language, app_paths, current_language, database_url
from cli.common import in_language, meeting_time, open_db, parse_id, print_json, print_table, to_jsonable

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
        "contacts": ["ID", "Name", "Organization", "E-mail", "Position"],
        "meetings": ["ID", "Starts", "Title", "Place"],
        "commitments": ["ID", "Status", "Due", "Title"],
    }[kind]


def _row(kind: str, r: Any, lang: Language) -> list[str]:
    if kind == "agreements":
        title = in_language(r.title_ko, r.title_en, lang)
        return [str(r.id), r.status.label(lang), str(r.signed_on or ""), str(r.party_count), title]
    if kind == "organizations":
        return [str(r.id), r.org_kind.label(lang), in_language(r.name_ko, r.name_en, lang)]
    if kind == "contacts":
        org = in_language(r.organization_name_ko, r.organization_name_en, lang)
        title = in_language(r.title_ko, r.title_en, lang)
        return [str(r.id), in_language(r.name_ko, r.name_en, lang), org, r.email, title]
    if kind == "meetings":
        return [
            str(r.id),
            meeting_time(r.starts_at, r.time_zone),
            in_language(r.title_ko, r.title_en, lang),
            in_language(r.place_ko, r.place_en, lang),
        ]
    return [str(r.id), r.status.label(lang), str(r.due_on or ""), in_language(r.title_ko, r.title_en, lang)]


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
        _print_detail(detail, current_language())
    return 0


def _print_detail(detail: Any, lang: Language) -> None:
    """The record's fields, one a line (a text in ``lang``), then each related list."""
    record = getattr(detail, "record", detail)
    for key, value in _fields(record, lang):
        print(f"{key}: {value}")
    if record is detail:
        return
    for field in dataclasses.fields(detail):
        if field.name == "record":
            continue
        items = getattr(detail, field.name)
        print(f"\n{field.name} ({len(items)})")
        for item in items:
            print(f"  - {_item_label(item, lang, field.name)}")


def _fields(record: Any, lang: Language) -> list[tuple[str, str]]:
    """(name, value) of a record's plain fields: a text kept in two languages as one line in
    ``lang`` (tagged when only the other has it); a meeting's times in the meeting's zone."""
    names = [f.name for f in dataclasses.fields(record)]
    zone = getattr(record, "time_zone", None)
    lines: list[tuple[str, str]] = []
    for name in names:
        value = getattr(record, name)
        base = name.removesuffix("_ko")
        if name.endswith("_en") and f"{name.removesuffix('_en')}_ko" in names:
            continue  # printed with its Korean twin
        if name.endswith("_ko") and f"{base}_en" in names:
            lines.append((base, in_language(value, getattr(record, f"{base}_en"), lang)))
        elif zone is not None and name in ("starts_at", "ends_at"):
            lines.append((name, meeting_time(value, zone)))
        elif name == "time_zone":
            lines.append((name, time_zones.label(value, lang)))
        elif isinstance(value, Labeled):
            lines.append((name, value.label(lang)))
        elif not isinstance(value, list | tuple | dict):
            lines.append((name, "" if value is None else str(to_jsonable(value))))
        else:
            lines.append((name, ", ".join(str(to_jsonable(v)) for v in value)))
    return lines


def _item_label(item: Any, lang: Language, listed_as: str = "") -> str:
    """One line for an item of a record's related list (``listed_as``), in ``lang``."""

    def text(name: str) -> str:
        return in_language(getattr(item, f"{name}_ko"), getattr(item, f"{name}_en"), lang)

    def joined(*parts: str) -> str:
        return ", ".join(p for p in parts if p)

    if isinstance(item, dto.PartyView):
        signer = text("signatory_name")
        title = text("signatory_title")
        who = f"{signer} ({title})" if signer and title else signer or title
        return joined(f"{text('organization_name')} [{item.role.label(lang)}]", who)
    if isinstance(item, dto.MembershipView):
        person = "" if listed_as == "memberships" else text("contact_name")  # a contact's own positions
        return joined(person, text("organization_name"), text("department"), text("title"))
    if isinstance(item, dto.AttendeeView):
        if item.is_guest:
            return joined(text("guest_name"), text("guest_organization"), text("title"))
        return joined(text("contact_name"), text("organization_name"), text("title"))
    if isinstance(item, dto.MeetingSummary):
        return joined(meeting_time(item.starts_at, item.time_zone), text("title"))
    if isinstance(item, dto.CommitmentView | dto.ActionItemView):
        due = f"{item.due_on}" if item.due_on else ""
        return joined(text("title"), item.status.label(lang), due)
    if isinstance(item, dto.AmendmentView):
        return joined(str(item.amended_on or ""), text("title") or text("summary"))
    if isinstance(item, dto.DecisionView):
        return text("text")
    if isinstance(item, dto.AttachmentView):
        return item.filename
    for name in ("title", "name"):
        if hasattr(item, f"{name}_ko"):
            return text(name)
    return str(getattr(item, "id", item))


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
