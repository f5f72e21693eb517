"""Agreement briefing: what an official needs to know about one agreement."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from app.dto import AgreementDetail, CommitmentView
from app.services.briefings import AgreementBriefingData, FollowUpContact
from reports.document import (
    Block,
    BulletList,
    DataTable,
    Document,
    Heading,
    KeyValueTable,
    Paragraph,
)
from reports.templates.common import Words, action_header, action_rows, document, is_overdue


def build(data: AgreementBriefingData, lang: str, today: date, classification: str | None) -> Document:
    w = Words(lang)
    d = data.detail
    rec = d.record
    title = rec.title(w.lang)
    other = rec.title_en if w.lang == "ko" else rec.title_ko
    blocks: list[Block] = []
    if other and other != title:
        blocks.append(Paragraph(other, "lead"))
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
    blocks.append(Heading(w("recent_meetings")))
    if not data.recent_meetings and not data.upcoming_meetings:
        blocks.append(Paragraph(w("none"), "note"))
    for m in data.upcoming_meetings:
        blocks.append(Heading(f"{m.title} ({w('upcoming_meetings')})", 2))
        blocks.append(KeyValueTable(((w("date_time"), w.when(m.starts_at)), (w("place"), m.place or "-"))))
    for md in data.recent_meetings:
        r = md.record
        blocks.append(Heading(r.title, 2))
        blocks.append(KeyValueTable(((w("date_time"), w.when(r.starts_at)), (w("place"), r.place or "-"))))
        if md.decisions:
            blocks.append(Paragraph(w("decisions"), "label"))
            blocks.append(BulletList(tuple(x.text for x in md.decisions), numbered=True))
    blocks.append(Heading(w("open_action_items")))
    rows, marked = action_rows(w, data.open_actions, today)
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
        kind_key="agreement_briefing",
        title=title,
        subtitle=subtitle,
        today=today,
        classification=classification,
        blocks=blocks,
        keywords=rec.tags,
    )


def overview(w: Words, d: AgreementDetail) -> list[Block]:
    rec = d.record
    rows = [
        (w("reference"), rec.reference_no or "-"),
        (w("kind"), rec.agreement_kind.label(w.lang)),
        (w("status"), rec.status.label(w.lang)),
        (w("signed"), w.day(rec.signed_on, weekday=True)),
        (w("effective"), w.day(rec.effective_on)),
        (w("expires"), w.day(rec.expires_on)),
        (w("place_of_signing"), rec.place or "-"),
        (w("parties"), str(len(d.parties))),
    ]
    if rec.tags:
        rows.append((w("tags"), ", ".join(rec.tags)))
    blocks: list[Block] = [Heading(w("overview")), KeyValueTable(tuple(rows))]
    if rec.summary:
        blocks += [Heading(w("summary"), 2), Paragraph(rec.summary)]
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
    for org, group in groups.items():
        blocks.append(Heading(org, 2))
        rows, marked = commitment_rows(w, group, today)
        blocks.append(
            DataTable(
                header=(w("commitment"), w("due"), w("status")),
                rows=rows,
                widths=(5.5, 1.4, 1.6),
                highlight=marked,
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
