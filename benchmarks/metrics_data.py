"""Reading metrics: the agreements list and search, against raw SQL on the same file."""

from __future__ import annotations

import functools
import importlib
import re
import sqlite3
import statistics
import unicodedata
from collections.abc import Callable
from typing import Any

from app.services.opening import open_database
from benchmarks.harness import Context, NotAvailable, Result, compare, percentile, timed

FIRST_SCREEN = 200  # the list model's page: what the first screen shows and holds

# The same rows as the agreements list, sorted by signing date (newest first, undated last; equal
# dates by id in the same direction, as the list's sort does), written as one would by hand.
RAW_LIST_SQL = """
SELECT a.id, a.version, a.title_ko, a.title_en, a.reference_no, a.agreement_kind, a.status,
       a.signed_on, a.expires_on,
       (SELECT count(*) FROM party p WHERE p.agreement_id = a.id AND p.deleted_at IS NULL),
       a.updated_at
FROM agreement a
WHERE a.deleted_at IS NULL
ORDER BY a.signed_on DESC NULLS LAST, a.id DESC
LIMIT ?
"""


def open_bench_database(ctx: Context) -> Any:
    from app.paths import app_paths

    return open_database(str(ctx.db_path), paths=app_paths(ctx.workdir / "home"), backup_before_migrate=False)


def raw_connection(ctx: Context) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{ctx.db_path}?mode=ro", uri=True)


def list_open(ctx: Context) -> Result:
    from app.dto import AgreementQuery
    from app.services.agreements import list_agreements

    db = open_bench_database(ctx)
    conn = raw_connection(ctx)
    query = AgreementQuery(sort="signed_on", descending=True, offset=0, limit=FIRST_SCREEN)
    try:
        ours_rows = [r.id.hex for r in list_agreements(db, query)]
        raw_rows = [r[0] for r in conn.execute(RAW_LIST_SQL, (FIRST_SCREEN,))]
        if ours_rows != raw_rows:
            raise AssertionError("the service and the raw query disagree on the first screen of agreements")
        ours, base = compare(
            lambda: list_agreements(db, query),
            lambda: conn.execute(RAW_LIST_SQL, (FIRST_SCREEN,)).fetchall(),
            repeats=ctx.repeats * 2,
        )
    finally:
        conn.close()
        db.close()
    return Result("list_open", 5.0, "s", ours, base, notes={"rows": FIRST_SCREEN})


# -- search ------------------------------------------------------------------------

QUERIES = [
    # common Korean, 2-syllable Korean, rare Korean, English common/rare, mixed, names
    "반도체",
    "수소",
    "협약",
    "로봇",
    "철강",
    "표준화 로드맵",
    "시범사업",
    "인력양성",
    "칩렛",
    "유리기판 인터포저",
    "초전도 추진체",
    "저궤도 검사장비",
    "그린수소 셀",
    "디지털트윈",
    "공급망",
    "핵심광물",
    "실무협의회",
    "테스트베드",
    "부산",
    "세종",
    "hydrogen",
    "semiconductor",
    "pilot project",
    "chiplet",
    "HBM interposer",
    "superconducting propulsion",
    "glass substrate",
    "digital twin platform",
    "roadmap",
    "supply chain",
    "workforce",
    "Busan",
    "Hanbit",
    "Kim",
    "반도체 semiconductor",
    "수소 hydrogen",
    "첨단 패키징",
    "산업통상자원부",
    "엘타워",
    "OSAT",
]


def search(ctx: Context) -> Result:
    try:
        module = importlib.import_module("app.search")
        kinds: tuple[str, ...] = importlib.import_module("app.search.documents").KINDS
    except ImportError as exc:
        raise NotAvailable("app.search has not landed") from exc
    run: Callable[..., Any] = module.search
    db = open_bench_database(ctx)
    conn = raw_connection(ctx)
    limit = 50
    try:
        ours_times: list[float] = []
        base_times: list[float] = []
        missing = 0
        for q in QUERIES:
            hits = run(db, q, limit=limit)
            raw = raw_fts_matches(conn, q, kinds, limit)
            missing += len({h.id.hex for h in hits} - {r[0] for r in raw})
            ours_times.append(timed(functools.partial(run, db, q, limit=limit)))
            base_times.append(timed(functools.partial(raw_fts_matches, conn, q, kinds, limit)))
    finally:
        conn.close()
        db.close()
    if missing:
        raise AssertionError(f"the service found {missing} records that the raw FTS query did not")
    return Result(
        "search",
        2.0,
        "s",
        percentile(ours_times, 95),
        percentile(base_times, 95),
        absolute_goal=0.050,
        notes={"queries": len(QUERIES), "median_ours": statistics.median(ours_times)},
    )


_WORD = re.compile(r"[^\W_]+")


def raw_fts_matches(conn: sqlite3.Connection, query: str, kinds: tuple[str, ...], limit: int) -> list[Any]:
    """The candidates the service ranks, by the same walks of the index: per kind, the newest records
    holding every word in their name or title, then, when those are fewer than the limit, anywhere.
    The FTS5 query text is the index's own gram encoding (``app.search.terms.fts_query``)."""
    from app.search.terms import fts_query

    words = list(dict.fromkeys(_WORD.findall(unicodedata.normalize("NFKC", query).casefold())))
    long = [w for w in words if len(w) > 1]
    short = [f"%{w}%" for w in words if len(w) == 1]  # one letter: no gram, so LIKE (as the service)
    like = "".join(" AND (d.folded_heading LIKE ? OR d.folded_body LIKE ?)" for _ in short)
    rows: list[Any] = []
    for kind in kinds:
        found = 0
        for headings_only in (True, False):
            got = conn.execute(
                "SELECT d.record_id, d.kind, d.title, d.heading, d.body FROM search_fts"
                " JOIN search_document d ON d.doc_no = search_fts.rowid"
                f" WHERE search_fts MATCH ?{like} ORDER BY search_fts.rowid DESC LIMIT ?",
                (
                    fts_query(long, kind, headings_only=headings_only),
                    *(p for w in short for p in (w, w)),
                    limit,
                ),
            ).fetchall()
            rows += got
            found += len(got)
            if found >= limit:
                break
    return rows
