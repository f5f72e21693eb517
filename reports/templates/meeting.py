"""Pre-meeting brief: agenda, who comes, background, open items to chase."""

from __future__ import annotations

from datetime import date

from app.dto import AgreementRef, AttendeeView, MeetingRecord
from app.services.briefings import MeetingBriefingData
from reports.document import Block, BulletList, DataTable, Document, Heading, KeyValueTable, Paragraph
from reports.templates.agreement import commitment_rows
from reports.templates.common import Words, action_header, action_rows, document


def build(data: MeetingBriefingData, lang: str, today: date, classification: str | None) -> Document:
    w = Words(lang)
    d = data.detail
    blocks: list[Block] = [Heading(w("meeting_overview")), meeting_facts(w, d.record, d.agreements)]
    blocks.append(Heading(w("agenda")))
    if d.agenda:
        blocks.append(BulletList(tuple(a.title for a in d.agenda), numbered=True))
    else:
        blocks.append(Paragraph(w("none"), "note"))
    blocks += [Heading(w("attendees")), attendee_table(w, d.attendees, with_presence=False)]

    blocks.append(Heading(w("background")))
    if not data.agreements:
        blocks.append(Paragraph(w("none"), "note"))
    for a in data.agreements:
        rec = a.record
        blocks.append(Heading(rec.title(w.lang), 2))
        parties = ", ".join(p.organization_name(w.lang) for p in a.parties)
        blocks.append(
            KeyValueTable(
                (
                    (w("reference"), rec.reference_no or "-"),
                    (w("status"), rec.status.label(w.lang)),
                    (w("signed"), w.day(rec.signed_on)),
                    (w("expires"), w.day(rec.expires_on)),
                    (w("parties"), parties or "-"),
                )
            )
        )
        if rec.summary:
            blocks.append(Paragraph(rec.summary))
        if a.commitments:
            rows, marked = commitment_rows(w, list(a.commitments), today, with_party=True)
            blocks.append(Paragraph(w("commitments"), "label"))
            blocks.append(
                DataTable(
                    header=(w("party"), w("commitment"), w("due"), w("status")),
                    rows=rows,
                    widths=(2.2, 4.6, 1.5, 1.7),
                    highlight=marked,
                )
            )

    arows, amarked = action_rows(w, data.open_actions, today)
    blocks += [
        Heading(w("to_chase")),
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
        kind_key="premeeting_brief",
        title=d.record.title,
        subtitle=f"{w('premeeting_brief')} · {w.when(d.record.starts_at)}",
        today=today,
        classification=classification,
        blocks=blocks,
    )


def meeting_facts(w: Words, r: MeetingRecord, agreements: tuple[AgreementRef, ...]) -> KeyValueTable:
    time = w.when(r.starts_at)
    if r.starts_at is not None and r.ends_at is not None:
        end = r.ends_at.astimezone() if r.ends_at.tzinfo else r.ends_at
        time = f"{time}–{end:%H:%M}"
    rows = [(w("date_time"), time), (w("place"), r.place or "-")]
    if r.online_url:
        rows.append((w("online"), r.online_url))
    names = [w.name(a.title_ko, a.title_en) for a in agreements]
    if names:
        rows.append((w("agreement"), "\n".join(names)))
    return KeyValueTable(tuple(rows))


def attendee_table(w: Words, attendees: tuple[AttendeeView, ...], *, with_presence: bool) -> DataTable:
    header: tuple[str, ...] = (w("name"), w("organization"), w("position_title"))
    rows: list[tuple[str, ...]] = []
    for a in attendees:
        row: tuple[str, ...] = (
            w.name(a.contact_name_ko, a.contact_name_en),
            w.name(a.organization_name_ko, a.organization_name_en) or "-",
            a.title or "-",
        )
        if with_presence:
            row = (*row, w("present") if a.attended else w("absent"))
        rows.append(row)
    if with_presence:
        header = (*header, w("attended"))
    return DataTable(
        header=header,
        rows=tuple(rows),
        widths=(2, 3.4, 2, 1.2) if with_presence else (2, 3.4, 2),
        empty_text=w("none"),
    )
