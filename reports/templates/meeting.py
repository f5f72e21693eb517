"""Pre-meeting brief (회의자료): overview, purpose, issues, our position, who comes, background."""

from __future__ import annotations

from app.dto import AgreementRef, AttendeeView, MeetingRecord
from app.services.briefings import MeetingBriefingData
from reports.document import Block, DataTable, Document, Heading, Items, KeyValueTable, Paragraph
from reports.templates.agreement import commitment_rows
from reports.templates.common import (
    BriefContext,
    Words,
    action_header,
    action_rows,
    document,
    lines_as_items,
)


def build(data: MeetingBriefingData, ctx: BriefContext) -> Document:
    w = Words(ctx.lang)
    today = ctx.today
    d = data.detail
    r = d.record
    blocks: list[Block] = [Heading(w("meeting_overview")), meeting_facts(w, r, d.agreements)]
    for key, text in (
        ("purpose", r.purpose(w.lang) or r.summary),
        ("issues", r.issues(w.lang)),
        ("talking_points", r.talking_points(w.lang)),
    ):
        blocks.append(Heading(w(key)))
        blocks.append(lines_as_items(text) if text.strip() else Paragraph(w("none_recorded"), "note"))
    blocks.append(Heading(w("agenda")))
    if d.agenda:
        blocks.append(Items(tuple((1, a.title) for a in d.agenda)))
    else:
        blocks.append(Paragraph(w("none"), "note"))
    blocks.append(Heading(w("attendees")))
    blocks += sides(w, d.attendees, data.our_organization_ids, with_presence=False)

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
                    (w("signed"), w.day(rec.signed_on, weekday=True)),
                    (w("expires"), w.day(rec.expires_on)),
                    (w("parties"), parties or "-"),
                )
            )
        )
        if rec.summary:
            blocks.append(lines_as_items(rec.summary))
        if a.commitments:
            rows, marked = commitment_rows(w, list(a.commitments), today, with_party=True)
            blocks.append(Heading(w("commitments"), 3))
            blocks.append(
                DataTable(
                    header=(w("party"), w("commitment"), w("due"), w("status")),
                    rows=rows,
                    widths=(2.2, 4.6, 1.5, 1.7),
                    highlight=marked,
                )
            )

    origins = {k: (o.meeting_title, o.carried) for k, o in data.origins.items()}
    arows, amarked = action_rows(w, data.open_actions, today, origins=origins)
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
        ctx,
        kind_key="premeeting_brief",
        title=r.title,
        subtitle=f"{w('premeeting_brief')} · {w.span(r.starts_at, r.ends_at)}",
        blocks=blocks,
        summary=[summary_items(w, data)],
    )


def summary_items(w: Words, data: MeetingBriefingData) -> Items:
    """핵심 요약: when and where, what for, the first issues, the open items."""
    r = data.detail.record
    entries: list[tuple[int, str]] = [(1, f"{w('date_time')}: {w.span(r.starts_at, r.ends_at)}")]
    if r.place:
        entries.append((2, f"{w('place')}: {r.place}"))
    purpose = _first_lines(r.purpose(w.lang) or r.summary, 1)
    entries += [(1, f"{w('purpose')}: {purpose[0]}")] if purpose else []
    entries += [(1, f"{w('issues')}: {x}") for x in _first_lines(r.issues(w.lang), 2)]
    entries.append((1, w("n_open_actions", n=len(data.open_actions))))
    return Items(tuple(entries))


def _first_lines(text: str, n: int) -> list[str]:
    lines = [x.strip().lstrip("□■•*○◦-–· ").strip() for x in text.splitlines()]
    return [x for x in lines if x][:n]


def meeting_facts(w: Words, r: MeetingRecord, agreements: tuple[AgreementRef, ...]) -> KeyValueTable:
    rows = [(w("date_time"), w.span(r.starts_at, r.ends_at)), (w("place"), r.place or "-")]
    if r.online_url:
        rows.append((w("online"), r.online_url))
    names = [w.name(a.title_ko, a.title_en) for a in agreements]
    if names:
        rows.append((w("agreement"), "\n".join(names)))
    return KeyValueTable(tuple(rows))


def sides(
    w: Words, attendees: tuple[AttendeeView, ...], ours: frozenset[object], *, with_presence: bool
) -> list[Block]:
    """Attendees under 우리측 and 상대측 when our organization is set; one table otherwise."""
    if not ours or not attendees:
        return [attendee_table(w, attendees, with_presence=with_presence)]
    mine = tuple(a for a in attendees if a.organization_id in ours)
    theirs = tuple(a for a in attendees if a.organization_id not in ours)
    return [
        Heading(w("our_side"), 3),
        attendee_table(w, mine, with_presence=with_presence),
        Heading(w("their_side"), 3),
        attendee_table(w, theirs, with_presence=with_presence),
    ]


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
