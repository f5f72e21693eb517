"""search: one query over every kind of record."""

from __future__ import annotations

import argparse

from app.services.installation import current_language
from app.services.search import search
from cli.common import in_language, open_db, print_json

KIND_CHOICES = ["agreement", "organization", "contact", "meeting", "commitment", "attachment"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search", help="search agreements, organizations, contacts, meetings, commitments, files"
    )
    p.add_argument("query", nargs="+", help="words to find (each must occur; part of a word is enough)")
    p.add_argument("--kind", action="append", choices=KIND_CHOICES, help="only this kind (repeatable)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument(
        "--json",
        action="store_true",
        help="print an array of hits: kind, id, title (title_ko, title_en), snippet",
    )
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    lang = current_language()
    with open_db(args) as db:
        hits = search(db, query, kinds=tuple(args.kind) if args.kind else None, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "kind": h.kind,
                    "id": h.id,
                    "title": h.title(lang).text,  # in the command's language, else the other one
                    "title_ko": h.title_ko,
                    "title_en": h.title_en,
                    "snippet": h.snippet,
                    "score": h.score,
                }
                | ({"parent_kind": h.parent_kind, "parent_id": h.parent_id} if h.parent_id else {})
                for h in hits
            ]
        )
        return 0
    if not hits:
        print(f"No matches for {query!r}.")
        return 0
    kind = ""
    for hit in hits:
        if hit.kind != kind:
            kind = hit.kind
            print(f"{'' if hit is hits[0] else chr(10)}[{kind}]")
        print(f"  {in_language(hit.title_ko, hit.title_en, lang)}  ({hit.id})")
        print(f"    {hit.snippet}")
    return 0
