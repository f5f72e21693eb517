"""Agreement briefing: what an official needs to know about one agreement."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from app.dto import AgreementDetail, CommitmentView
from app.enums import CommitmentStatus, PartyRole
from app.services.briefings import AgreementBriefingData, FollowUpContact
from reports.document import (
    Block,
    DataTable,
    Document,
    Heading,
    Items,
    KeyValueTable,
    Paragraph,
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


def build(data: AgreementBriefingData, ctx: BriefContext) -> Document:
    w = Words(ctx.lang)
    today = ctx.today
    d = data.detail
    rec = d.record
    title = rec.title(w.lang)
    other = rec.title_en if w.lang == "ko" else rec.title_ko
    blocks: list[Block] = []
    second = other if other and other != title else ""  # the name in the other language, in the title box
    blocks += overview(w, d)
    names = {n.party_id: w.name(n.name_ko, n.name_en) for n in data.signatories}
    blocks += parties(w, d, names)
    blocks += commitments(w, d.commitments, today)
    blocks.append(Heading(w("amendments")))
    if d.amendments:
        blocks.append(
            DataTable(
                header=(w("amended_on"), w("amendment"), w("summary"), w("effect")),
                rows=tuple((w.day(a.amended_on), a.title, a.summary, a.effect) for a in d.amendments),
                widths=(1.4, 2.2, 3.5, 2),
            )
        )
    else:
        blocks.append(Paragraph(w("none"), "note"))
    blocks.append(Heading(w("meetings")))
    blocks.append(meeting_items(w, data))
    blocks.append(Heading(w("open_action_items")))
    rows, marked = action_rows(w, data.open_actions, today, origins=_origins(data))
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
        subtitle="\n".join(x for x in (second, subtitle) if x),
        blocks=blocks,
        summary=[key_points(w, data, today)],
        keywords=rec.tags,
    )


def _origins(data: AgreementBriefingData) -> dict[UUID, tuple[str, int]]:
    return {k: (o.meeting_title, o.carried) for k, o in data.origins.items()}


def key_points(w: Words, data: AgreementBriefingData, today: date) -> Items:
    """핵심 요약: status and dates, parties, commitments, action items, the next meeting."""
    d = data.detail
    rec = d.record
    lead = [p.organization_name(w.lang) for p in d.parties if p.role == PartyRole.LEAD]
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
        entries.append((1, w("next_meeting", title=m.title, when=w.when(m.starts_at))))
    elif data.recent_meetings:
        r = data.recent_meetings[0].record
        entries.append((1, w("last_meeting", title=r.title, when=w.when(r.starts_at))))
    return Items(tuple(entries))


def meeting_items(w: Words, data: AgreementBriefingData) -> Items | Paragraph:
    """□ the meeting (date, place), ○ its decisions; the next meetings first."""
    entries: list[tuple[int, str]] = []
    for m in data.upcoming_meetings:
        where = f", {m.place}" if m.place else ""
        entries.append((1, f"{m.title} ({w.when(m.starts_at)}{where}) · {w('upcoming_meeting')}"))
    for md in data.recent_meetings:
        r = md.record
        where = f", {r.place}" if r.place else ""
        entries.append((1, f"{r.title} ({w.span(r.starts_at, r.ends_at)}{where})"))
        entries += [(2, x.text) for x in md.decisions]
    return Items(tuple(entries)) if entries else Paragraph(w("none"), "note")


def overview(w: Words, d: AgreementDetail) -> list[Block]:
    rec = d.record
    rows = [
        (w("reference"), rec.reference_no or "-"),
        (w("kind"), rec.agreement_kind.label(w.lang)),
        (w("status"), rec.status.label(w.lang)),
        (w("signed"), w.day(rec.signed_on, weekday=True)),
        (w("effective"), w.day(rec.effective_on, weekday=True)),
        (w("expires"), w.day(rec.expires_on, weekday=True)),
        (w("place_of_signing"), rec.place or "-"),
        (w("parties"), str(len(d.parties))),
    ]
    if rec.tags:
        rows.append((w("tags"), ", ".join(rec.tags)))
    blocks: list[Block] = [Heading(w("overview")), KeyValueTable(tuple(rows))]
    if rec.summary:
        blocks += [Heading(w("summary"), 2), lines_as_items(rec.summary)]
    return blocks


def parties(w: Words, d: AgreementDetail, names: dict[UUID, str]) -> list[Block]:
    rows = []
    for p in d.parties:
        name = names.get(p.id) or p.signatory_name
        signer = " ".join(x for x in (name, f"({p.signatory_title})" if p.signatory_title else "") if x)
        note = []
        if p.joined_on:
            note.append(f"{w('joined')} {w.day(p.joined_on)}")
        if p.withdrew_on:
            note.append(f"{w('withdrew')} {w.day(p.withdrew_on)}")
        signed = w.day(p.signed_on)
        rows.append(
            (
                p.organization_name(w.lang),
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
    groups: dict[str, list[CommitmentView]] = {}
    for c in items:
        groups.setdefault(w.name(c.organization_name_ko, c.organization_name_en) or w("no_party"), []).append(
            c
        )
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
        text = f"{c.title}\n{c.description}" if c.description else c.title
        row: tuple[str, ...] = (text, w.day(c.due_on), status)
        if with_party:
            row = (w.name(c.organization_name_ko, c.organization_name_en) or w("no_party"), *row)
        if with_agreement:
            row = (w.name(c.agreement_title_ko, c.agreement_title_en), *row)
        rows.append(row)
    return tuple(rows), frozenset(marked)


def contacts(w: Words, people: tuple[FollowUpContact, ...]) -> list[Block]:
    rows = tuple(
        (
            w.name(p.position.organization_name_ko, p.position.organization_name_en),
            w.name(p.position.contact_name_ko, p.position.contact_name_en),
            " / ".join(x for x in (p.position.title, p.position.department) if x) or "-",
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
