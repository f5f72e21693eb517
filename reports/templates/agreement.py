"""Agreement briefing: what an official needs to know about one agreement."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from app.dto import (
    AgreementDetail,
    AgreementRecord,
    CommitmentView,
    MeetingDetail,
    MeetingRecord,
    MeetingSummary,
    MembershipView,
)
from app.enums import CommitmentStatus, PartyRole
from app.services.briefings import AgreementBriefingData, FollowUpContact, SignatoryName
from app.text import has_hangul
from reports.document import (
    Block,
    DataTable,
    Document,
    Heading,
    Items,
    KeyValueTable,
    Paragraph,
)
from reports.templates.bilingual import (
    RecordRef,
    agreement_ref,
    commitment_ref,
    contact_ref,
    meeting_ref,
)
from reports.templates.common import (
    BriefContext,
    Words,
    action_header,
    action_rows,
    document,
    is_overdue,
    lines_as_items,
)


def ref_of(rec: AgreementRecord) -> RecordRef:
    return agreement_ref(rec.id, rec.title_ko, rec.title_en)


def build(data: AgreementBriefingData, ctx: BriefContext) -> Document:
    w = Words(ctx.lang)
    today = ctx.today
    d = data.detail
    rec = d.record
    ref = ref_of(rec)
    title = w.pick(rec.title_ko, rec.title_en, ref, "agreement.title")
    blocks: list[Block] = []
    summary = [key_points(w, data, today)]  # the box comes first: its texts are tagged first
    blocks += overview(w, d)
    blocks += parties(w, d, {n.party_id: n for n in data.signatories})
    blocks += commitments(w, d.commitments, today)
    blocks.append(Heading(w("amendments")))
    if d.amendments:
        blocks.append(
            DataTable(
                header=(w("amended_on"), w("amendment"), w("summary"), w("effect")),
                rows=tuple(
                    (
                        w.day(a.amended_on),
                        w.pick(a.title_ko, a.title_en, ref, "amendment.title"),
                        w.pick(a.summary_ko, a.summary_en, ref, "amendment.summary"),
                        w.pick(a.effect_ko, a.effect_en, ref, "amendment.effect"),
                    )
                    for a in d.amendments
                ),
                widths=(1.4, 2.2, 3.5, 2),
            )
        )
    else:
        blocks.append(Paragraph(w("none"), "note"))
    blocks.append(Heading(w("meetings")))
    blocks.append(meeting_items(w, data))
    blocks.append(Heading(w("open_action_items")))
    rows, marked = action_rows(w, data.open_actions, today, origins=data.origins)
    blocks.append(
        DataTable(
            header=action_header(w),
            rows=rows,
            widths=(3, 1.8, 1.55, 1.5, 2.4),
            highlight=marked,
            empty_text=w("none"),
        )
    )
    blocks += contacts(w, data.contacts)
    subtitle = " · ".join(
        x for x in (w("agreement_briefing"), rec.reference_no, rec.status.label(w.lang)) if x
    )
    return document(
        w,
        ctx,
        kind_key="agreement_briefing",
        title=title,
        subtitle=subtitle,
        blocks=blocks,
        summary=summary,
        keywords=tags_in(rec.tags, w.lang),
    )


def tags_in(tags: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The tags a briefing in ``lang`` prints: an English one leaves out the tags written in
    Hangul (a tag is one word in one language, with no translation to take instead)."""
    return tags if lang == "ko" else tuple(t for t in tags if not has_hangul(t))


def meeting_title(w: Words, m: MeetingSummary | MeetingRecord) -> str:
    return w.pick(m.title_ko, m.title_en, meeting_ref(m.id, m.title_ko, m.title_en), "meeting.title")


def meeting_place(w: Words, m: MeetingSummary | MeetingRecord) -> str:
    return w.pick(m.place_ko, m.place_en, meeting_ref(m.id, m.title_ko, m.title_en), "meeting.place")


def key_points(w: Words, data: AgreementBriefingData, today: date) -> Items:
    """핵심 요약: status and dates, parties, commitments, action items, the next meeting."""
    d = data.detail
    rec = d.record
    lead = [
        w.org(p.organization_id, p.organization_name_ko, p.organization_name_en)
        for p in d.parties
        if p.role == PartyRole.LEAD
    ]
    parties = w("n_parties", n=len(d.parties)) + (f" ({', '.join(lead)})" if lead else "")
    live = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)
    late = sum(1 for c in d.commitments if is_overdue(c.due_on, c.status, today))
    entries: list[tuple[int, str]] = [
        (
            1,
            w(
                "status_line",
                status=rec.status.label(w.lang),
                signed=w.day(rec.signed_on, weekday=True),
                expires=w.day(rec.expires_on),
            ),
        ),
        (2, parties),
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
    ]
    if data.upcoming_meetings:
        m = data.upcoming_meetings[0]
        when = w.when(m.starts_at, m.time_zone)
        entries.append((1, w("next_meeting", title=meeting_title(w, m), when=when)))
    elif data.recent_meetings:
        r = data.recent_meetings[0].record
        when = w.when(r.starts_at, r.time_zone)
        entries.append((1, w("last_meeting", title=meeting_title(w, r), when=when)))
    return Items(tuple(entries))


def meeting_items(w: Words, data: AgreementBriefingData) -> Items | Paragraph:
    """□ the meeting (date, place), ○ its decisions; the next meetings first."""
    entries: list[tuple[int, str]] = []
    for m in data.upcoming_meetings:
        place = meeting_place(w, m)
        where = f", {place}" if place else ""
        when = w.when(m.starts_at, m.time_zone)
        entries.append((1, f"{meeting_title(w, m)} ({when}{where}) · {w('upcoming_meeting')}"))
    for md in data.recent_meetings:
        entries += held_meeting_items(w, md)
    return Items(tuple(entries)) if entries else Paragraph(w("none"), "note")


def held_meeting_items(w: Words, md: MeetingDetail) -> list[tuple[int, str]]:
    """□ a meeting held (date, place), ○ its decisions."""
    r = md.record
    ref = meeting_ref(r.id, r.title_ko, r.title_en)
    place = meeting_place(w, r)
    where = f", {place}" if place else ""
    entries = [(1, f"{meeting_title(w, r)} ({w.span(r.starts_at, r.ends_at, r.time_zone)}{where})")]
    entries += [(2, w.pick(x.text_ko, x.text_en, ref, "decision.text")) for x in md.decisions]
    return entries


def overview(w: Words, d: AgreementDetail) -> list[Block]:
    rec = d.record
    rows = [
        (w("reference"), rec.reference_no or "-"),
        (w("kind"), rec.agreement_kind.label(w.lang)),
        (w("status"), rec.status.label(w.lang)),
        (w("signed"), w.day(rec.signed_on, weekday=True)),
        (w("effective"), w.day(rec.effective_on, weekday=True)),
        (w("expires"), w.day(rec.expires_on, weekday=True)),
        (w("place_of_signing"), w.pick(rec.place_ko, rec.place_en, ref_of(rec), "agreement.place") or "-"),
        (w("parties"), str(len(d.parties))),
    ]
    tags = tags_in(rec.tags, w.lang)
    if tags:
        rows.append((w("tags"), ", ".join(tags)))
    blocks: list[Block] = [Heading(w("overview")), KeyValueTable(tuple(rows))]
    summary = w.pick(rec.summary_ko, rec.summary_en, ref_of(rec), "agreement.summary")
    if summary.strip():
        blocks += [Heading(w("summary"), 2), lines_as_items(summary)]
    return blocks


def parties(w: Words, d: AgreementDetail, signatories: dict[UUID, SignatoryName]) -> list[Block]:
    """Each party, its role, who signed (with the title at signing) and when."""
    rows = []
    ref = ref_of(d.record)
    for p in d.parties:
        known = signatories.get(p.id)
        if known is not None and known.contact_id is not None:
            person = contact_ref(known.contact_id, known.name_ko, known.name_en)
            name = w.name(known.name_ko, known.name_en, person)
        else:
            name = w.pick(p.signatory_name_ko, p.signatory_name_en, ref, "party.signatory_name")
        title = w.pick(p.signatory_title_ko, p.signatory_title_en, ref, "party.signatory_title")
        signer = " ".join(x for x in (name, f"({title})" if title else "") if x)
        note = []
        if p.joined_on:
            note.append(f"{w('joined')} {w.day(p.joined_on)}")
        if p.withdrew_on:
            note.append(f"{w('withdrew')} {w.day(p.withdrew_on)}")
        signed = w.day(p.signed_on)
        rows.append(
            (
                w.org(p.organization_id, p.organization_name_ko, p.organization_name_en),
                p.role.label(w.lang),
                signer or "-",
                "\n".join([signed, *note]) if note else signed,
            )
        )
    return [
        Heading(w("parties")),
        DataTable(
            header=(w("organization"), w("role"), w("signatory"), w("signed")),
            rows=tuple(rows),
            widths=(3.2, 1.4, 2.6, 1.8),
            empty_text=w("none"),
        ),
    ]


def commitments(w: Words, items: tuple[CommitmentView, ...], today: date) -> list[Block]:
    """Grouped by party, in the service's order (party order, then due date)."""
    blocks: list[Block] = [Heading(w("commitments"))]
    if not items:
        return [*blocks, Paragraph(w("none"), "note")]
    groups: dict[UUID | None, list[CommitmentView]] = {}
    for c in items:
        groups.setdefault(c.organization_id, []).append(c)
    ordered = [c for group in groups.values() for c in group]
    rows, marked = commitment_rows(w, ordered, today, with_party=True)
    shown: list[tuple[str, ...]] = []
    last = ""
    for row in rows:  # the party named once, on its first row
        shown.append(("" if row[0] == last else row[0], *row[1:]))
        last = row[0]
    blocks.append(
        DataTable(
            header=(w("party"), w("commitment"), w("due"), w("status")),
            rows=tuple(shown),
            widths=(2.3, 4.6, 1.4, 1.6),
            highlight=marked,
            group_starts=frozenset(i for i, r in enumerate(shown) if r[0]),
        )
    )
    return blocks


def commitment_rows(
    w: Words,
    items: list[CommitmentView],
    today: date,
    *,
    with_agreement: bool = False,
    with_party: bool = False,
) -> tuple[tuple[tuple[str, ...], ...], frozenset[int]]:
    rows: list[tuple[str, ...]] = []
    marked: set[int] = set()
    for i, c in enumerate(items):
        status = c.status.label(w.lang)
        if is_overdue(c.due_on, c.status, today):
            status = f"{status} · {w('overdue')}"
            marked.add(i)
        ref = commitment_ref(c.id, c.title_ko, c.title_en)
        title = w.pick(c.title_ko, c.title_en, ref, "commitment.title")
        description = w.pick(c.description_ko, c.description_en, ref, "commitment.description")
        text = f"{title}\n{description}" if description else title
        row: tuple[str, ...] = (text, w.day(c.due_on), status)
        if with_party:
            org = w.org(c.organization_id, c.organization_name_ko, c.organization_name_en)
            row = (org or w("no_party"), *row)
        if with_agreement:
            agreement = agreement_ref(c.agreement_id, c.agreement_title_ko, c.agreement_title_en)
            row = (w.pick(c.agreement_title_ko, c.agreement_title_en, agreement, "agreement.title"), *row)
        rows.append(row)
    return tuple(rows), frozenset(marked)


def contacts(w: Words, people: tuple[FollowUpContact, ...]) -> list[Block]:
    rows = tuple(
        (
            w.org(
                p.position.organization_id, p.position.organization_name_ko, p.position.organization_name_en
            ),
            w.person(p.position.contact_id, p.position.contact_name_ko, p.position.contact_name_en),
            " / ".join(x for x in position_texts(w, p.position) if x) or "-",
            "\n".join(x for x in (p.email, p.phone) if x) or "-",
        )
        for p in people
    )
    return [
        Heading(w("contacts")),
        DataTable(
            header=(w("organization"), w("name"), w("position_title"), w("reach")),
            rows=rows,
            widths=(2.6, 1.6, 2.4, 2.8),
            empty_text=w("none"),
        ),
    ]


def position_texts(w: Words, m: MembershipView) -> tuple[str, str]:
    """A position's title and department in the briefing's language (a position is its contact's)."""
    person = contact_ref(m.contact_id, m.contact_name_ko, m.contact_name_en)
    return (
        w.pick(m.title_ko, m.title_en, person, "membership.title"),
        w.pick(m.department_ko, m.department_en, person, "membership.department"),
    )
