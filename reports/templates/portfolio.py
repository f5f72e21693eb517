"""Portfolio overview: all agreements (or a filtered set) at a glance."""

from __future__ import annotations

from app.dto import AgreementSummary
from app.enums import AgreementStatus
from app.services.briefings import PortfolioData
from reports import palette
from reports.document import BarChart, Block, DataTable, Document, Heading, Items, KeyValueTable, Paragraph
from reports.templates.agreement import commitment_rows
from reports.templates.bilingual import agreement_ref
from reports.templates.common import BriefContext, Words, document

MAX_YEARS = 12  # older years are folded into the first column


def build(data: PortfolioData, ctx: BriefContext) -> Document:
    w = Words(ctx.lang)
    today = ctx.today
    statuses = list(AgreementStatus)
    counts = {s: sum(1 for a in data.agreements if a.status == s) for s in statuses}
    rows = [(s.label(w.lang), str(counts[s])) for s in statuses]
    rows.append((w("total"), str(len(data.agreements))))
    blocks: list[Block] = [
        Heading(w("filter")),
        Paragraph(filter_text(w, data)),
        Heading(w("status_counts")),
        KeyValueTable(tuple(rows)),
        Heading(w("by_year")),
        chart(w, data),
    ]

    blocks += [
        Heading(w("expiring")),
        Paragraph(w("expiring_note", days=data.horizon_days), "note"),
        DataTable(
            header=(w("title"), w("reference"), w("status"), w("expires")),
            rows=tuple(
                (title_of(w, a), a.reference_no or "-", a.status.label(w.lang), w.day(a.expires_on))
                for a in data.expiring
            ),
            widths=(5, 2, 1.4, 1.6),
            empty_text=w("none"),
        ),
        Heading(w("overdue_commitments")),
    ]
    if data.overdue_commitments:
        crows, marked = commitment_rows(w, list(data.overdue_commitments), today, with_agreement=True)
        blocks.append(
            DataTable(
                header=(w("agreement"), w("commitment"), w("due"), w("status")),
                rows=crows,
                widths=(3, 4, 1.6, 1.7),
                highlight=marked,
            )
        )
    else:
        blocks.append(Paragraph(w("none"), "note"))

    blocks += [
        Heading(w("filtered_agreements" if data.filtered else "all_agreements")),
        DataTable(
            header=(w("title"), w("reference"), w("status"), w("signed"), w("expires"), w("party_count")),
            rows=tuple(
                (
                    title_of(w, a),
                    a.reference_no or "-",
                    a.status.label(w.lang),
                    w.day(a.signed_on),
                    w.day(a.expires_on),
                    str(a.party_count),
                )
                for a in data.agreements
            ),
            widths=(112, 112, 80, 69, 69, 40),
            empty_text=w("none"),
        ),
    ]
    summary = Items(
        (
            (1, f"{w('filter')}: {filter_text(w, data)}"),
            (1, w("agreement_count", n=len(data.agreements))),
            (2, ", ".join(f"{s.label(w.lang)} {counts[s]}" for s in statuses if counts[s])),
            (1, f"{w('expiring')}: {len(data.expiring)}"),
            (1, f"{w('overdue_commitments')}: {len(data.overdue_commitments)}"),
        )
    )
    return document(
        w,
        ctx,
        kind_key="portfolio_overview",
        title=w("portfolio_overview"),
        subtitle=f"{w('agreement_count', n=len(data.agreements))} · {w.day(today, weekday=True)}",
        blocks=blocks,
        summary=[summary],
    )


def title_of(w: Words, a: AgreementSummary) -> str:
    return w.pick(a.title_ko, a.title_en, agreement_ref(a.id, a.title_ko, a.title_en), "agreement.title")


def filter_text(w: Words, data: PortfolioData) -> str:
    """What the portfolio is of: ``상태: 발효 중, 체결 · 태그: 반도체`` or all agreements."""
    q = data.query
    if q is None or not data.filtered:
        return w("no_filter")
    parts = []
    if q.statuses:
        parts.append(w("status_is", v=", ".join(s.label(w.lang) for s in q.statuses)))
    if q.kinds:
        parts.append(f"{w('kind')}: {', '.join(k.label(w.lang) for k in q.kinds)}")
    if q.organization_id is not None:
        ko, en = data.filter_organization
        parts.append(w("party_is", v=w.org(q.organization_id, ko, en) or str(q.organization_id)))
    if q.tag:
        parts.append(w("tag_is", v=q.tag))
    if q.text:
        parts.append(w("text_is", v=q.text))
    if q.signed_from or q.signed_to:
        parts.append(f"{w('signed')}: {w.tenure(q.signed_from, q.signed_to)}")
    if q.expires_from or q.expires_to:
        parts.append(f"{w('expires')}: {w.tenure(q.expires_from, q.expires_to)}")
    return " · ".join(parts) or w("no_filter")


def chart(w: Words, data: PortfolioData) -> BarChart:
    years = sorted({a.signed_on.year for a in data.agreements if a.signed_on is not None})
    folded = years[: max(0, len(years) - MAX_YEARS + 1)] if len(years) > MAX_YEARS else []
    shown = years[len(folded) :]
    categories = ([f"~{folded[-1]}"] if folded else []) + [str(y) for y in shown]
    unsigned = any(a.signed_on is None for a in data.agreements)
    if unsigned:
        categories.append(w("unsigned"))

    def column(year: int | None) -> int:
        if year is None:
            return len(categories) - 1
        if folded and year <= folded[-1]:
            return 0
        return (1 if folded else 0) + shown.index(year)

    present = [s for s in AgreementStatus if any(a.status == s for a in data.agreements)]
    series = []
    for s in present:
        values = [0] * len(categories)
        for a in data.agreements:
            if a.status == s:
                values[column(a.signed_on.year if a.signed_on else None)] += 1
        series.append((s.label(w.lang), tuple(values)))
    return BarChart(
        title=w("by_year"),
        categories=tuple(categories),
        series=tuple(series),
        total_label=w("total"),
        colors=tuple(palette.STATUS[s.value] for s in present),
    )
