"""Counterpart briefing: what to read before meeting an organization."""

from __future__ import annotations

from datetime import date

from app.services.briefings import CounterpartBriefingData
from reports.document import Block, BulletList, DataTable, Document, Heading, KeyValueTable, Paragraph
from reports.templates.agreement import commitment_rows
from reports.templates.common import Words, action_header, action_rows, document


def build(data: CounterpartBriefingData, lang: str, today: date, classification: str | None) -> Document:
    w = Words(lang)
    d = data.detail
    rec = d.record
    title = rec.name(w.lang)
    other = rec.name_en if w.lang == "ko" else rec.name_ko
    blocks: list[Block] = []
    if other and other != title:
        blocks.append(Paragraph(other, "lead"))
    rows = [
        (w("org_kind"), rec.org_kind.label(w.lang)),
        (w("short_name"), rec.short_name or "-"),
        (w("country"), rec.country or "-"),
        (w("website"), rec.website or "-"),
    ]
    blocks += [Heading(w("counterpart_profile")), KeyValueTable(tuple(rows))]
    if rec.notes:
        blocks += [Heading(w("notes"), 2), Paragraph(rec.notes)]

    roles = {p.agreement_id: p for p in data.parties}
    agreement_rows = []
    for a in d.agreements:
        party = roles.get(a.id)
        agreement_rows.append(
            (
                a.title(w.lang),
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
            header=(w("name"), w("position_title"), w("department"), w("period")),
            rows=tuple(
                (
                    w.name(m.contact_name_ko, m.contact_name_en),
                    m.title or "-",
                    m.department or "-",
                    w.day(m.started_on),
                )
                for m in current
            ),
            widths=(2, 2, 2.5, 1.6),
            empty_text=w("none"),
        ),
    ]

    blocks.append(Heading(w("recent_meetings")))
    if not data.recent_meetings:
        blocks.append(Paragraph(w("none"), "note"))
    for md in data.recent_meetings:
        r = md.record
        blocks.append(Heading(r.title, 2))
        blocks.append(KeyValueTable(((w("date_time"), w.when(r.starts_at)), (w("place"), r.place or "-"))))
        if md.decisions:
            blocks.append(Paragraph(w("decisions"), "label"))
            blocks.append(BulletList(tuple(x.text for x in md.decisions), numbered=True))

    arows, amarked = action_rows(w, data.open_actions, today)
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
    return document(
        w,
        kind_key="counterpart_briefing",
        title=title,
        subtitle=" · ".join(x for x in (w("counterpart_briefing"), rec.org_kind.label(w.lang)) if x),
        today=today,
        classification=classification,
        blocks=blocks,
    )
