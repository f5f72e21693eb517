"""Contact import and exchange bundles, against raw ``executemany`` and ``json`` of the same rows.

Both sides write into fresh databases with the program's schema. The baselines
write exactly the rows the program wrote (read back from its database before the
baseline's clock starts): records, their audit events and, for the import, the
search index entries, so they do the same work without any of the program's
checking, matching or merging.
"""

from __future__ import annotations

import csv
import functools
import json
import random
import sqlite3
import statistics
from pathlib import Path
from typing import Any

from app.services.opening import open_database
from benchmarks import corpus
from benchmarks.harness import Context, NotAvailable, Result, timed

IMPORT_ROWS = 100_000
EXCHANGE_RECORDS = 10_000
IMPORT_TABLES = ("organization", "contact", "membership", "audit_event", "search_document")
EXCHANGE_TABLES = ("organization", "contact", "membership", "audit_event")


def _fresh(ctx: Context, name: str) -> Any:
    from app.paths import app_paths

    path = ctx.workdir / f"{name}.db"
    return open_database(str(path), paths=app_paths(ctx.workdir / f"home-{name}"))


def _rows(path: Path, tables: tuple[str, ...]) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in tables:
            cur = conn.execute(f"SELECT * FROM {table}")
            out[table] = ([d[0] for d in cur.description], cur.fetchall())
        return out
    finally:
        conn.close()


def _insert_all(path: Path, data: dict[str, tuple[list[str], list[Any]]], fts: list[tuple[Any, ...]]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=FULL")  # as the program's connections
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("BEGIN")
        for table, (cols, rows) in data.items():
            marks = ", ".join("?" * len(cols))
            conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)
        if fts:
            conn.executemany("INSERT INTO search_fts(rowid, kind, heading, body) VALUES (?, ?, ?, ?)", fts)
        conn.execute("COMMIT")
    finally:
        conn.close()


# -- import_contacts -------------------------------------------------------------------

HEADER = ["이름", "영문이름", "소속", "직위", "부서", "이메일", "전화", "휴대폰", "메모"]


def write_contacts_csv(path: Path, rows: int, orgs_count: int = 0, seed: int = 7) -> None:
    """``rows`` people at ``orgs_count`` organizations (default one per 50 people), each one used."""
    rng = random.Random(seed)
    names = [
        f"{rng.choice(corpus.ORG_STEMS)[0]}{rng.choice(corpus.TOPICS)[0]} {n}"
        for n in range(orgs_count or max(20, rows // 50))
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(rows):
            (sk, se), (g1k, g1e), (g2k, g2e) = (
                rng.choice(corpus.SURNAMES),
                rng.choice(corpus.GIVEN),
                rng.choice(corpus.GIVEN),
            )
            out.writerow(
                [
                    sk + g1k + g2k,
                    f"{(g1e + g2e).capitalize()} {se}",
                    names[i % len(names)],
                    rng.choice(corpus.TITLES),
                    rng.choice(corpus.DEPARTMENTS),
                    f"{g1e}{g2e}.{se.lower()}.{i}@example.org",
                    f"02-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}",
                    f"010-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}",
                    "",
                ]
            )


def import_contacts(ctx: Context) -> Result:
    try:
        from app.transfer.contacts_import import import_contacts as run_import
        from app.transfer.report import ImportOptions
    except ImportError as exc:
        raise NotAvailable("app.transfer (contact import) has not landed") from exc
    from app.progress import Progress

    count = max(200, round(IMPORT_ROWS * ctx.scale)) if ctx.quick else IMPORT_ROWS
    source = ctx.workdir / "contacts.csv"
    write_contacts_csv(source, count)
    ours_db, base_db = _fresh(ctx, "import-ours"), _fresh(ctx, "import-base")
    base_path = base_db.sqlite_path
    base_db.close()
    try:
        report: Any = None

        def ours() -> None:
            nonlocal report
            report = run_import(ours_db, source, ImportOptions(), Progress())

        ours_s = timed(ours)
        if report is None or report.created != count:
            raise AssertionError(f"the importer created {getattr(report, 'created', 0)} of {count} contacts")
        ours_path = ours_db.sqlite_path
        assert ours_path is not None
        written = _rows(ours_path, IMPORT_TABLES)
    finally:
        ours_db.close()
    fts = _search_rows(ours_path)[1]
    assert base_path is not None

    def baseline() -> None:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            parsed = list(csv.reader(handle))
        assert len(parsed) == count + 1
        _insert_all(base_path, written, fts)

    base_s = timed(baseline)
    rows = sum(len(r) for _c, r in written.values()) + len(fts)
    return Result(
        "import_contacts", 3.0, "s", ours_s, base_s, notes={"contacts": count, "rows_written": rows}
    )


# -- exchange ----------------------------------------------------------------------------


def _source_database(ctx: Context, records: int) -> Any:
    """A database with ``records`` new records (people, their positions, organizations), imported."""
    from app.progress import Progress
    from app.transfer.contacts_import import import_contacts as run_import

    people = records * 19 // 40
    source = ctx.workdir / "exchange-people.csv"
    write_contacts_csv(source, people, orgs_count=records - 2 * people, seed=11)
    db = _fresh(ctx, "exchange-source")
    run_import(db, source, None, Progress())
    return db


def exchange(ctx: Context) -> Result:
    try:
        from app.exchange import export_bundle, import_bundle
    except ImportError as exc:
        raise NotAvailable("app.exchange has not landed") from exc
    from app.progress import Progress

    records = max(100, round(EXCHANGE_RECORDS * ctx.scale)) if ctx.quick else EXCHANGE_RECORDS
    source = _source_database(ctx, records)
    source_path = source.sqlite_path
    assert source_path is not None
    targets = [_fresh(ctx, f"exchange-ours-{i}") for i in range(ctx.repeats)]
    bases = [_fresh(ctx, f"exchange-base-{i}") for i in range(ctx.repeats)]
    base_paths = [b.sqlite_path for b in bases]
    for b in bases:
        b.close()
    ours_times: list[float] = []
    base_times: list[float] = []
    derived: tuple[dict[str, tuple[list[str], list[Any]]], list[tuple[Any, ...]]] | None = None
    try:
        for i, target in enumerate(targets):
            bundle = ctx.workdir / f"bundle-{i}.pdx"

            def ours(target: Any = target, bundle: Path = bundle) -> None:
                export_bundle(source, bundle, progress=Progress())
                import_bundle(target, bundle, progress=Progress())

            ours_times.append(timed(ours))
            if derived is None:  # the search entries the import wrote: the baseline writes them too
                derived = _search_rows(target.sqlite_path)
            dest = base_paths[i]
            assert dest is not None
            dump = ctx.workdir / f"baseline-{i}.json"
            base_times.append(timed(functools.partial(_json_round_trip, source_path, dest, dump, derived)))
        with targets[0].engine.connect() as conn:
            arrived = sum(
                int(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() or 0)
                for t in EXCHANGE_TABLES[:3]
            )
        if arrived != records:
            raise AssertionError(f"{arrived} of {records} records arrived through the bundle")
    finally:
        source.close()
        for target in targets:
            target.close()
    notes = {"records": records}
    return Result(
        "exchange", 5.0, "s", statistics.median(ours_times), statistics.median(base_times), notes=notes
    )


def _search_rows(path: Path) -> tuple[dict[str, tuple[list[str], list[Any]]], list[tuple[Any, ...]]]:
    """The search documents in a database, and the FTS rows the program derived from them."""
    from app.search.terms import gram_text

    docs = _rows(path, ("search_document",))
    cols, rows = docs["search_document"]
    at = {c: cols.index(c) for c in ("doc_no", "kind", "folded_heading", "folded_body")}
    fts = [
        (
            r[at["doc_no"]],
            r[at["kind"]],
            gram_text(r[at["folded_heading"]], heading=True),
            gram_text(r[at["folded_body"]]),
        )
        for r in rows
    ]
    return docs, fts


def _json_round_trip(
    source: Path,
    dest: Path,
    dump: Path,
    derived: tuple[dict[str, tuple[list[str], list[Any]]], list[tuple[Any, ...]]],
) -> None:
    """The bare way: read the rows, json.dump them, json.load them, insert them (and the same search rows)."""
    data = _rows(source, EXCHANGE_TABLES)
    with dump.open("w", encoding="utf-8") as handle:
        json.dump({t: {"columns": c, "rows": r} for t, (c, r) in data.items()}, handle, ensure_ascii=False)
    with dump.open(encoding="utf-8") as handle:
        loaded = json.load(handle)
    tables = {t: (v["columns"], [tuple(r) for r in v["rows"]]) for t, v in loaded.items()}
    _insert_all(dest, {**tables, **derived[0]}, derived[1])
