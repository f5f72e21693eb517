"""Pre-meeting brief (회의자료): overview, purpose, issues, our position, who comes, background."""

from __future__ import annotations

from app.dto import AgreementRef, AttendeeView, MeetingRecord
from app.services.briefings import MeetingBriefingData
from reports.document import Block, DataTable, Document, Heading, Items, KeyValueTable, Paragraph
from reports.templates.agreement import commitment_rows, meeting_place, meeting_title, ref_of
from reports.templates.bilingual import RecordRef, agreement_ref, meeting_ref
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
    ref = meeting_ref(r.id, r.title_ko, r.title_en)
    title = meeting_title(w, r)
    summary = [summary_items(w, data)]
    blocks: list[Block] = [Heading(w("meeting_overview")), meeting_facts(w, r, d.agreements)]
    for key, text in (
        ("purpose", purpose(w, r)),
        ("issues", w.pick(r.issues_ko, r.issues_en, ref, "meeting.issues")),
        ("talking_points", w.pick(r.talking_points_ko, r.talking_points_en, ref, "meeting.talking_points")),
    ):
        blocks.append(Heading(w(key)))
        blocks.append(lines_as_items(text) if text.strip() else Paragraph(w("none_recorded"), "note"))
    blocks.append(Heading(w("agenda")))
    if d.agenda:
        blocks.append(
            Items(tuple((1, w.pick(a.title_ko, a.title_en, ref, "agenda_item.title")) for a in d.agenda))
        )
    else:
        blocks.append(Paragraph(w("none"), "note"))
    blocks.append(Heading(w("attendees")))
    blocks += sides(w, r, d.attendees, data.our_organization_ids, with_presence=False)

    blocks.append(Heading(w("background")))
    if not data.agreements:
        blocks.append(Paragraph(w("none"), "note"))
    for a in data.agreements:
        rec = a.record
        blocks.append(Heading(w.pick(rec.title_ko, rec.title_en, ref_of(rec), "agreement.title"), 2))
        parties = ", ".join(
            w.org(p.organization_id, p.organization_name_ko, p.organization_name_en) for p in a.parties
        )
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
        background = w.pick(rec.summary_ko, rec.summary_en, ref_of(rec), "agreement.summary")
        if background.strip():
            blocks.append(lines_as_items(background))
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

    arows, amarked = action_rows(w, data.open_actions, today, origins=data.origins)
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
        title=title,
        subtitle=f"{w('premeeting_brief')} · {w.span(r.starts_at, r.ends_at, r.time_zone)}",
        blocks=blocks,
        summary=summary,
    )


def purpose(w: Words, r: MeetingRecord) -> str:
    """배경·목적; when none is recorded in either language, the meeting's summary stands for it."""
    ref = meeting_ref(r.id, r.title_ko, r.title_en)
    if r.purpose_ko or r.purpose_en:
        return w.pick(r.purpose_ko, r.purpose_en, ref, "meeting.purpose")
    return w.pick(r.summary_ko, r.summary_en, ref, "meeting.summary")


def summary_items(w: Words, data: MeetingBriefingData) -> Items:
    """핵심 요약: when and where, what for, the first issues, the open items."""
    r = data.detail.record
    ref = meeting_ref(r.id, r.title_ko, r.title_en)
    entries: list[tuple[int, str]] = [(1, f"{w('date_time')}: {w.span(r.starts_at, r.ends_at, r.time_zone)}")]
    place = meeting_place(w, r)
    if place:
        entries.append((2, f"{w('place')}: {place}"))
    first = _first_lines(purpose(w, r), 1)
    entries += [(1, f"{w('purpose')}: {first[0]}")] if first else []
    issues = w.pick(r.issues_ko, r.issues_en, ref, "meeting.issues")
    entries += [(1, f"{w('issues')}: {x}") for x in _first_lines(issues, 2)]
    entries.append((1, w("n_open_actions", n=len(data.open_actions))))
    return Items(tuple(entries))


def _first_lines(text: str, n: int) -> list[str]:
    lines = [x.strip().lstrip("□■•*○◦-–· ").strip() for x in text.splitlines()]
    return [x for x in lines if x][:n]


def meeting_facts(w: Words, r: MeetingRecord, agreements: tuple[AgreementRef, ...]) -> KeyValueTable:
    rows = [
        (w("date_time"), w.span(r.starts_at, r.ends_at, r.time_zone)),
        (w("place"), meeting_place(w, r) or "-"),
    ]
    if r.online_url:
        rows.append((w("online"), r.online_url))
    names = [
        w.pick(a.title_ko, a.title_en, agreement_ref(a.id, a.title_ko, a.title_en), "agreement.title")
        for a in agreements
    ]
    if names:
        rows.append((w("agreement"), "\n".join(names)))
    return KeyValueTable(tuple(rows))


def sides(
    w: Words,
    r: MeetingRecord,
    attendees: tuple[AttendeeView, ...],
    ours: frozenset[object],
    *,
    with_presence: bool,
) -> list[Block]:
    """Attendees under 우리측 and 상대측 when our organization is set; one table otherwise."""
    if not ours or not attendees:
        return [attendee_table(w, r, attendees, with_presence=with_presence)]
    mine = tuple(a for a in attendees if a.organization_id in ours)
    theirs = tuple(a for a in attendees if a.organization_id not in ours)
    return [
        Heading(w("our_side"), 3),
        attendee_table(w, r, mine, with_presence=with_presence),
        Heading(w("their_side"), 3),
        attendee_table(w, r, theirs, with_presence=with_presence),
    ]


def attendee_name(w: Words, a: AttendeeView, meeting: RecordRef) -> str:
    """A contact's name (the contact to open), or a guest's as typed on the meeting."""
    if a.contact_id is not None:
        return w.person(a.contact_id, a.contact_name_ko, a.contact_name_en)
    return w.pick(a.contact_name_ko, a.contact_name_en, meeting, "attendee.guest_name")


def attendee_organization(w: Words, a: AttendeeView, meeting: RecordRef) -> str:
    if a.organization_id is not None:
        return w.org(a.organization_id, a.organization_name_ko, a.organization_name_en)
    return w.pick(a.organization_name_ko, a.organization_name_en, meeting, "attendee.guest_organization")


def attendee_table(
    w: Words, r: MeetingRecord, attendees: tuple[AttendeeView, ...], *, with_presence: bool
) -> DataTable:
    header: tuple[str, ...] = (w("name"), w("organization"), w("position_title"))
    rows: list[tuple[str, ...]] = []
    meeting_ko, meeting_en = r.title_ko, r.title_en
    for a in attendees:
        meeting = meeting_ref(a.meeting_id, meeting_ko, meeting_en)
        row: tuple[str, ...] = (
            attendee_name(w, a, meeting),
            attendee_organization(w, a, meeting) or "-",
            w.pick(a.title_ko, a.title_en, meeting, "attendee.title") or "-",
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
