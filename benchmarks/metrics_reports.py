"""Briefing PDFs through ``reports`` against bare ReportLab laying out the same document."""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any
from uuid import UUID

from benchmarks.harness import Context, NotAvailable, Result, compare
from benchmarks.metrics_data import open_bench_database, raw_connection

PORTFOLIO_SIZE = 1_000


def _reports() -> Any:
    try:
        module = importlib.import_module("reports")
        importlib.import_module("reports.pdf")
    except ImportError as exc:
        raise NotAvailable("reports (briefing PDFs) has not landed") from exc
    if not hasattr(module, "generate_briefing"):
        raise NotAvailable("reports has no generate_briefing")
    return module


def _measure(ctx: Context, name: str, request_of: Any) -> Result:
    reports = _reports()
    from app.progress import Progress
    from benchmarks import bare_pdf

    db = open_bench_database(ctx)
    try:
        request = request_of(db)
        document = reports.build_document(db, request)  # the baseline's input, built before timing
        ours_pdf = reports.generate_briefing(db, request, Progress())
        bare = bare_pdf.render(document)
        ours, base = compare(
            lambda: reports.generate_briefing(db, request, Progress()),
            lambda: bare_pdf.render(document),
            repeats=3 if len(ours_pdf) > 2_000_000 else max(ctx.repeats, 9 if not ctx.quick else 5),
            warmup=0,  # the runs above were the warm-up
        )
    finally:
        db.close()
    notes = {"ours_bytes": len(ours_pdf), "baseline_bytes": len(bare), "blocks": len(document.blocks)}
    return Result(name, 1.5, "s", ours, base, notes=notes)


def briefing_pdf(ctx: Context) -> Result:
    from app.demo import REFERENCE_NO

    def request(_db: Any) -> Any:
        conn = raw_connection(ctx)
        try:
            row = conn.execute("SELECT id FROM agreement WHERE reference_no = ?", (REFERENCE_NO,)).fetchone()
        finally:
            conn.close()
        if row is None:
            raise NotAvailable("the reference agreement is not in the generated data")
        return _reports().BriefingRequest(
            target="agreement", target_id=UUID(hex=row[0]), lang="ko", today=date(2026, 11, 1)
        )

    return _measure(ctx, "briefing_pdf", request)


def portfolio_pdf(ctx: Context) -> Result:
    from app.dto import AgreementQuery

    def request(_db: Any) -> Any:
        # The signing-date window holding the newest PORTFOLIO_SIZE signed agreements.
        size = max(50, round(PORTFOLIO_SIZE * ctx.scale)) if ctx.quick else PORTFOLIO_SIZE
        conn = raw_connection(ctx)
        try:
            row = conn.execute(
                "SELECT signed_on FROM agreement WHERE signed_on IS NOT NULL AND deleted_at IS NULL "
                "ORDER BY signed_on DESC LIMIT 1 OFFSET ?",
                (size - 1,),
            ).fetchone()
        finally:
            conn.close()
        since = date.fromisoformat(row[0])
        query = AgreementQuery(signed_from=since, sort="signed_on", descending=True)
        return _reports().BriefingRequest(
            target="portfolio", lang="ko", portfolio_filter=query, today=date(2026, 11, 1)
        )

    return _measure(ctx, "portfolio_pdf", request)
