"""Counterpart briefing: what to read before meeting an organization."""

from __future__ import annotations

from app.enums import AgreementStatus, CommitmentStatus
from app.services.briefings import CounterpartBriefingData
from app.text import has_hangul
from reports.document import Block, DataTable, Document, Heading, Items, KeyValueTable, Paragraph
from reports.templates.agreement import commitment_rows, held_meeting_items, position_texts
from reports.templates.bilingual import agreement_ref, organization_ref
from reports.templates.common import (
    BriefContext,
    Words,
    action_header,
    action_rows,
    country_name,
    document,
    is_overdue,
    lines_as_items,
)


def build(data: CounterpartBriefingData, ctx: BriefContext) -> Document:
    w = Words(ctx.lang)
    today = ctx.today
    d = data.detail
    rec = d.record
    ref = organization_ref(rec.id, rec.name_ko, rec.name_en)
    title = w.name(rec.name_ko, rec.name_en, ref)
    blocks: list[Block] = []
    short = rec.short_name if w.lang == "ko" or not has_hangul(rec.short_name) else ""
    rows = [
        (w("org_kind"), rec.org_kind.label(w.lang)),
        (w("short_name"), short or "-"),
        (w("country"), country_name(rec.country, w.lang) if rec.country else "-"),
        (w("website"), rec.website or "-"),
    ]
    blocks += [Heading(w("counterpart_profile")), KeyValueTable(tuple(rows))]
    notes = w.pick(*notes_by_language(rec.notes), ref, "organization.notes")
    if notes.strip():
        blocks += [Heading(w("notes"), 2), lines_as_items(notes)]

    roles = {p.agreement_id: p for p in data.parties}
    agreement_rows = []
    for a in d.agreements:
        party = roles.get(a.id)
        agreement_rows.append(
            (
                w.pick(
                    a.title_ko, a.title_en, agreement_ref(a.id, a.title_ko, a.title_en), "agreement.title"
                ),
                a.reference_no or "-",
                party.role.label(w.lang) if party else "-",
                a.status.label(w.lang),
                w.day(a.signed_on),
                w.day(a.expires_on),
            )
        )
    blocks += [
        Heading(w("our_agreements")),
        DataTable(
            header=(w("title"), w("reference"), w("role"), w("status"), w("signed"), w("expires")),
            rows=tuple(agreement_rows),
            widths=(98, 112, 58, 78, 69, 69),
            empty_text=w("none"),
        ),
    ]

    blocks.append(Heading(w("their_commitments")))
    if d.commitments:
        crow, marked = commitment_rows(w, list(d.commitments), today, with_agreement=True)
        blocks.append(
            DataTable(
                header=(w("agreement"), w("commitment"), w("due"), w("status")),
                rows=crow,
                widths=(2.8, 4, 1.6, 1.7),
                highlight=marked,
            )
        )
    else:
        blocks.append(Paragraph(w("none"), "note"))

    current = [m for m in d.people if m.current]
    blocks += [
        Heading(w("people")),
        DataTable(
            header=(w("name"), w("position_title"), w("department"), w("in_post")),
            rows=tuple(
                (
                    w.person(m.contact_id, m.contact_name_ko, m.contact_name_en),
                    *(x or "-" for x in position_texts(w, m)),
                    w.tenure(m.started_on, m.ended_on),
                )
                for m in current
            ),
            widths=(2, 2, 2.5, 1.6),
            empty_text=w("none"),
        ),
    ]

    blocks.append(Heading(w("recent_meetings")))
    entries: list[tuple[int, str]] = []
    for md in data.recent_meetings:
        entries += held_meeting_items(w, md)
    blocks.append(Items(tuple(entries)) if entries else Paragraph(w("none"), "note"))

    arows, amarked = action_rows(w, data.open_actions, today, origins=data.origins)
    blocks += [
        Heading(w("open_action_items")),
        DataTable(
            header=action_header(w),
            rows=arows,
            widths=(3, 1.8, 1.55, 1.5, 2.4),
            highlight=amarked,
            empty_text=w("none"),
        ),
    ]
    active = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)
    late = sum(1 for c in d.commitments if is_overdue(c.due_on, c.status, today))
    live = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)
    summary = Items(
        (
            (
                1,
                f"{rec.org_kind.label(w.lang)} · {country_name(rec.country, w.lang) if rec.country else '-'}",
            ),
            (
                1,
                f"{w('agreement_count', n=len(d.agreements))} "
                f"({', '.join(s.label(w.lang) for s in active)}: {sum(1 for a in d.agreements if a.status in active)})",
            ),
            (
                1,
                w(
                    "n_commitments",
                    n=len(d.commitments),
                    open=sum(1 for c in d.commitments if c.status in live),
                    late=late,
                ),
            ),
            (1, w("n_open_actions", n=len(data.open_actions))),
        )
    )
    return document(
        w,
        ctx,
        kind_key="counterpart_briefing",
        title=title,
        subtitle=" · ".join(y for y in (w("counterpart_briefing"), rec.org_kind.label(w.lang)) if y),
        blocks=blocks,
        summary=[summary],
    )


def notes_by_language(notes: str) -> tuple[str, str]:
    """(Korean, English) lines of an organization's notes, which are one field: a line in Hangul
    is Korean, a Latin-only line English, and ``가상 기관 / Example body`` is read as one of each."""
    ko: list[str] = []
    en: list[str] = []
    for line in notes.splitlines():
        left, sep, right = line.rpartition(" / ")
        if sep and has_hangul(left) and right.strip() and not has_hangul(right):
            ko.append(left.strip())
            en.append(right.strip())
            continue
        if line.strip():
            (ko if has_hangul(line) else en).append(line.strip())
    return "\n".join(ko), "\n".join(en)
