"""``python -m benchmarks.list_sort [--scale 1.0 | --db FILE] [--all-ids]``: every list sorted by every column.

What a person waits for after clicking a column's header: the first ids of the new
order (``ui.models.lazy.FIRST_IDS``) and the first screen of rows read by id, through
the same service functions the lists use. Side by side, in the same process and
alternately, a bare ``sqlite3`` query of the same table ordered by the raw column
(``ORDER BY column, id LIMIT 200``: no Hangul-first order, no blanks last, no
fallback name): the floor of what a sort costs. The goal is 200 ms for the first
screen at full scale (500,000 contacts). ``--all-ids`` also times reading every id of
the query, which the list does after the first screen is shown.

The database is the generated one (``benchmarks.generate``), or ``--db FILE``, which is
migrated to the program's schema first, as the program would.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.dto import AgreementQuery, CommitmentQuery, ContactQuery, MeetingQuery, OrganizationQuery
from app.paths import app_paths
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import open_database
from app.services.queries import unpack_ids
from benchmarks import generate
from benchmarks.harness import compare

GOAL_MS = 200.0
FIRST_IDS = 400  # as ui.models.lazy.FIRST_IDS (not imported: that would load Qt)
FIRST_SCREEN = 200


@dataclass(frozen=True)
class ListUnderTest:
    kind: str
    ids: Callable[[Any, Any], bytes]
    rows: Callable[[Any, Sequence[Any]], list[Any]]
    query: Callable[..., Any]
    sorts: Sequence[str]
    table: str
    raw: dict[str, tuple[str, str]]  # sort -> (table, column) of the bare query, when not on ``table``


LISTS = (
    ListUnderTest(
        "agreement",
        agreements.agreement_ids,
        agreements.agreements_by_id,
        AgreementQuery,
        sorted(agreements.SORTABLE),
        "agreement",
        {},
    ),
    ListUnderTest(
        "organization",
        organizations.organization_ids,
        organizations.organizations_by_id,
        OrganizationQuery,
        sorted(organizations.SORTABLE),
        "organization",
        {},
    ),
    ListUnderTest(
        "contact",
        contacts.contact_ids,
        contacts.contacts_by_id,
        ContactQuery,
        sorted(contacts.SORTABLE),
        "contact",
        {
            "organization_name_ko": ("organization", "name_ko"),
            "title_ko": ("membership", "title_ko"),
            "title_en": ("membership", "title_en"),
        },
    ),
    ListUnderTest(
        "meeting",
        meetings.meeting_ids,
        meetings.meetings_by_id,
        MeetingQuery,
        sorted(meetings.SORTABLE),
        "meeting",
        {},
    ),
    ListUnderTest(
        "commitment",
        commitments.commitment_ids,
        commitments.commitments_by_id,
        CommitmentQuery,
        sorted(commitments.SORTABLE),
        "commitment",
        {},
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.list_sort", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 500,000 contacts (default)")
    parser.add_argument(
        "--db", type=Path, help="this SQLite file instead of the generated one (migrated first)"
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--all-ids", action="store_true", help="also time reading every id of each sort")
    parser.add_argument("--only", nargs="*", default=[], help="only these lists (agreement, contact, ...)")
    args = parser.parse_args(argv)
    path = args.db or generate.ensure_database(scale=args.scale)
    home = Path(str(path) + ".home")
    db = open_database(str(path), paths=app_paths(home), backup_before_migrate=False)
    bare = sqlite3.connect(str(path))
    worst = 0.0
    print(f"{path}  (goal: first screen under {GOAL_MS:.0f} ms)")
    head = f"{'list':12} {'column':22} {'order':5} {'rows':>9} {'first screen':>13} {'bare sqlite3':>13} {'ratio':>6}"
    print(head + ("  " + f"{'all ids':>9}" if args.all_ids else ""))
    try:
        for lst in LISTS:
            if args.only and lst.kind not in args.only:
                continue
            for sort in lst.sorts:
                for descending in (False, True):
                    query = lst.query(sort=sort, descending=descending)
                    table, column = lst.raw.get(sort, (lst.table, sort))
                    direction = "DESC" if descending else "ASC"
                    sql = (
                        f"SELECT * FROM {table} WHERE deleted_at IS NULL"
                        f" ORDER BY {column} {direction}, id {direction} LIMIT {FIRST_SCREEN}"
                    )

                    def ours(lst: ListUnderTest = lst, query: Any = query) -> None:
                        first = unpack_ids(lst.ids(db, replace(query, limit=FIRST_IDS)))
                        lst.rows(db, first[:FIRST_SCREEN])

                    def baseline(sql: str = sql) -> None:
                        bare.execute(sql).fetchall()

                    mine, theirs = compare(ours, baseline, args.repeats)
                    worst = max(worst, mine)
                    rows, every = "", ""
                    if args.all_ids:
                        started = time.perf_counter()
                        rows = f"{len(lst.ids(db, replace(query, limit=None))) // 16:,}"
                        every = f"  {(time.perf_counter() - started) * 1000:6.0f} ms"
                    print(
                        f"{lst.kind:12} {sort:22} {direction.lower():5} {rows:>9}"
                        f" {mine * 1000:10.0f} ms {theirs * 1000:10.0f} ms {mine / theirs if theirs else 0:6.2f}"
                        + every,
                        flush=True,
                    )
    finally:
        bare.close()
        db.close()
    print(f"slowest first screen: {worst * 1000:.0f} ms ({'met' if worst * 1000 < GOAL_MS else 'NOT met'})")
    return 0 if worst * 1000 < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
