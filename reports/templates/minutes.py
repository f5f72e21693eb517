"""Minutes record: the formal record of a meeting, with a signature block."""

from __future__ import annotations

from app.services.briefings import MeetingBriefingData
from reports.document import (
    Block,
    DataTable,
    Document,
    Heading,
    Items,
    Paragraph,
    Signatory,
    SignatureBlock,
)
from reports.templates.agreement import meeting_title
from reports.templates.bilingual import meeting_ref
from reports.templates.common import BriefContext, Words, action_header, action_rows, document, lines_as_items
from reports.templates.meeting import meeting_facts, sides


def build(data: MeetingBriefingData, ctx: BriefContext) -> Document:
    w = Words(ctx.lang)
    today = ctx.today
    d = data.detail
    r = d.record
    ref = meeting_ref(r.id, r.title_ko, r.title_en)
    title = meeting_title(w, r)
    when = w.span(r.starts_at, r.ends_at, r.time_zone)
    decisions = [w.pick(x.text_ko, x.text_en, ref, "decision.text") for x in d.decisions]
    held = sum(1 for a in d.attendees if a.attended)
    summary = Items(
        (
            (1, f"{w('date_time')}: {when}"),
            (2, f"{w('attendees')}: {held}/{len(d.attendees)}"),
            *((1, x) for x in decisions[:3]),
            (1, w("n_open_actions", n=sum(1 for a in d.action_items if a.status.value == "open"))),
        )
    )
    blocks: list[Block] = [Heading(w("meeting_overview")), meeting_facts(w, r, d.agreements)]
    text = w.pick(r.summary_ko, r.summary_en, ref, "meeting.summary")
    if text.strip():
        blocks += [Heading(w("minutes_summary"), 2), lines_as_items(text)]
    blocks.append(Heading(w("attendees")))
    blocks += sides(w, r, d.attendees, data.our_organization_ids, with_presence=True)

    blocks.append(Heading(w("agenda")))
    if not d.agenda:
        blocks.append(Paragraph(w("none_recorded"), "note"))
    for item in d.agenda:
        blocks.append(Heading(w.pick(item.title_ko, item.title_en, ref, "agenda_item.title"), 2))
        discussion = w.pick(item.discussion_ko, item.discussion_en, ref, "agenda_item.discussion")
        blocks.append(
            lines_as_items(discussion) if discussion.strip() else Paragraph(w("none_recorded"), "note")
        )

    blocks.append(Heading(w("decisions")))
    if decisions:
        blocks.append(Items(tuple((1, x) for x in decisions)))
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
        ctx,
        kind_key="minutes_record",
        title=title,
        subtitle=f"{w('minutes_record')} · {when}",
        blocks=blocks,
        summary=[summary],
    )
