"""Minutes record: the formal record of a meeting, with a signature block."""

from __future__ import annotations

from datetime import date

from app.services.briefings import MeetingBriefingData
from reports.document import (
    Block,
    BulletList,
    DataTable,
    Document,
    Heading,
    Paragraph,
    Signatory,
    SignatureBlock,
)
from reports.templates.common import Words, action_header, action_rows, document
from reports.templates.meeting import attendee_table, meeting_facts


def build(data: MeetingBriefingData, lang: str, today: date, classification: str | None) -> Document:
    w = Words(lang)
    d = data.detail
    r = d.record
    blocks: list[Block] = [Heading(w("meeting_overview")), meeting_facts(w, r, d.agreements)]
    if r.summary:
        blocks += [Heading(w("minutes_summary"), 2), Paragraph(r.summary)]
    blocks += [Heading(w("attendees")), attendee_table(w, d.attendees, with_presence=True)]

    blocks.append(Heading(w("agenda")))
    if not d.agenda:
        blocks.append(Paragraph(w("none_recorded"), "note"))
    for i, item in enumerate(d.agenda, start=1):
        blocks.append(Heading(f"{i}. {item.title}", 2))
        blocks.append(
            Paragraph(item.discussion) if item.discussion else Paragraph(w("none_recorded"), "note")
        )

    blocks.append(Heading(w("decisions")))
    if d.decisions:
        blocks.append(BulletList(tuple(x.text for x in d.decisions), numbered=True))
    else:
        blocks.append(Paragraph(w("none_recorded"), "note"))

    rows, marked = action_rows(w, d.action_items, today, with_meeting=False)
    blocks += [
        Heading(w("action_items")),
        DataTable(
            header=action_header(w, with_meeting=False),
            rows=rows,
            widths=(4, 2.2, 1.6, 1.8),
            highlight=marked,
            empty_text=w("none_recorded"),
        ),
    ]

    blocks += [
        Heading(w("signatures")),
        SignatureBlock(
            (Signatory(w("recorded_by")), Signatory(w("approved_by"))),
            signature_label=w("signature"),
            date_label=w("date"),
        ),
    ]
    return document(
        w,
        kind_key="minutes_record",
        title=r.title,
        subtitle=f"{w('minutes_record')} · {w.when(r.starts_at)}",
        today=today,
        classification=classification,
        blocks=blocks,
    )
