"""What each kind of record contributes to the search index.

Documents are built with Core queries on the caller's connection, so the index is
written inside the transaction that changed the record.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import Connection, select

from app.models import (
    ActionItem,
    AgendaItem,
    Agreement,
    Amendment,
    Attachment,
    Commitment,
    Contact,
    Decision,
    Meeting,
    Membership,
    Organization,
)

KINDS: tuple[str, ...] = ("agreement", "organization", "contact", "meeting", "commitment", "attachment")
CHUNK = 500


@dataclass(frozen=True)
class Doc:
    record_id: UUID
    kind: str
    title: str  # shown as the hit's title: the Korean one (empty when it has none)
    heading: str  # names and titles, weighted higher
    body: str
    parent_kind: str = ""
    parent_id: UUID | None = None
    title_en: str = ""  # the English title (empty when it has none): English search results show it


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _join(*parts: str, sep: str = " ") -> str:
    return sep.join(p.strip() for p in parts if p and p.strip())


def chunks(ids: Sequence[UUID], size: int = CHUNK) -> Iterator[Sequence[UUID]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def contact_doc(
    ident: UUID,
    name_ko: str,
    name_en: str,
    email: str,
    phone: str,
    mobile: str,
    notes: str,
    positions: Iterable[tuple[str, ...]] = (),
) -> Doc:
    """A contact's document; ``positions`` are (organization ko, en, titles and departments in both)."""
    lines = [_join(email, phone, mobile)]
    lines += [
        _join(
            _join(ko, en, sep=" / "),
            *(_join(a, b, sep=" / ") for a, b in zip(rest[::2], rest[1::2], strict=True)),
            sep=" · ",
        )
        for ko, en, *rest in positions
    ]
    lines.append(notes)
    return _doc(ident, "contact", name_ko, name_en, _join(name_ko, name_en), _join(*lines, sep="\n"))


def _doc(
    ident: UUID,
    kind: str,
    title_ko: str,
    title_en: str,
    heading: str,
    body: str,
    parent_kind: str = "",
    parent_id: UUID | None = None,
) -> Doc:
    """A document titled in both languages (as recorded: a missing one stays empty)."""
    return Doc(ident, kind, _nfc(title_ko), heading, body, parent_kind, parent_id, title_en=_nfc(title_en))


def build(conn: Connection, kind: str, ids: Sequence[UUID]) -> list[Doc]:
    """Documents of the live records of ``kind`` among ``ids`` (deleted ones are left out)."""
    out: list[Doc] = []
    for part in chunks(list(ids)):
        out.extend(_BUILDERS[kind](conn, part))
    return out


def _agreements(conn: Connection, ids: Sequence[UUID]) -> list[Doc]:
    amendments: dict[UUID, list[str]] = defaultdict(list)
    for row in conn.execute(
        select(
            Amendment.agreement_id, Amendment.title_ko, Amendment.title_en, Amendment.summary_ko,
            Amendment.summary_en, Amendment.effect_ko, Amendment.effect_en,
        ).where(Amendment.agreement_id.in_(ids), Amendment.deleted_at.is_(None))
    ):  # fmt: skip
        amendments[row[0]].append(_join(*row[1:], sep="\n"))
    rows = conn.execute(
        select(
            Agreement.id, Agreement.title_ko, Agreement.title_en, Agreement.reference_no,
            Agreement.place_ko, Agreement.place_en, Agreement.summary_ko, Agreement.summary_en,
            Agreement.tags,
        ).where(Agreement.id.in_(ids), Agreement.deleted_at.is_(None))
    )  # fmt: skip
    return [
        _doc(
            r.id,
            "agreement",
            r.title_ko,
            r.title_en,
            _join(r.title_ko, r.title_en),
            _join(
                r.reference_no,
                r.place_ko,
                r.place_en,
                r.summary_ko,
                r.summary_en,
                " ".join(r.tags.strip(",").split(",")),
                *amendments[r.id],
                sep="\n",
            ),
        )
        for r in rows
    ]


def _organizations(conn: Connection, ids: Sequence[UUID]) -> list[Doc]:
    rows = conn.execute(
        select(
            Organization.id, Organization.name_ko, Organization.name_en, Organization.short_name,
            Organization.website, Organization.notes,
        ).where(Organization.id.in_(ids), Organization.deleted_at.is_(None))
    )  # fmt: skip
    return [
        _doc(
            r.id,
            "organization",
            r.name_ko,
            r.name_en,
            _join(r.name_ko, r.name_en, r.short_name),
            _join(r.website, r.notes, sep="\n"),
        )
        for r in rows
    ]


def _contacts(conn: Connection, ids: Sequence[UUID]) -> list[Doc]:
    positions: dict[UUID, list[tuple[str, ...]]] = defaultdict(list)
    for row in conn.execute(
        select(
            Membership.contact_id, Organization.name_ko, Organization.name_en, Membership.title_ko,
            Membership.title_en, Membership.department_ko, Membership.department_en,
        )
        .join(Organization, Organization.id == Membership.organization_id)
        .where(Membership.contact_id.in_(ids), Membership.deleted_at.is_(None))
        .order_by(Membership.started_on.desc().nulls_last())
    ):  # fmt: skip
        positions[row[0]].append(tuple(row[1:]))
    rows = conn.execute(
        select(
            Contact.id, Contact.name_ko, Contact.name_en, Contact.email, Contact.phone, Contact.mobile,
            Contact.notes,
        ).where(Contact.id.in_(ids), Contact.deleted_at.is_(None))
    )  # fmt: skip
    return [
        contact_doc(r.id, r.name_ko, r.name_en, r.email, r.phone, r.mobile, r.notes, positions[r.id])
        for r in rows
    ]


def _meetings(conn: Connection, ids: Sequence[UUID]) -> list[Doc]:
    minutes: dict[UUID, list[str]] = defaultdict(list)
    parts = (
        select(
            AgendaItem.meeting_id,
            AgendaItem.title_ko,
            AgendaItem.title_en,
            AgendaItem.discussion_ko,
            AgendaItem.discussion_en,
            AgendaItem.position,
        )
        .where(AgendaItem.meeting_id.in_(ids), AgendaItem.deleted_at.is_(None))
        .order_by(AgendaItem.position),
        select(Decision.meeting_id, Decision.text_ko, Decision.text_en, Decision.position)
        .where(Decision.meeting_id.in_(ids), Decision.deleted_at.is_(None))
        .order_by(Decision.position),
        select(ActionItem.meeting_id, ActionItem.title_ko, ActionItem.title_en)
        .where(ActionItem.meeting_id.in_(ids), ActionItem.deleted_at.is_(None))
        .order_by(ActionItem.due_on),
    )
    for stmt in parts:
        for row in conn.execute(stmt):
            minutes[row[0]].append(_join(*(v for v in row[1:] if isinstance(v, str)), sep="\n"))
    rows = conn.execute(
        select(
            Meeting.id, Meeting.title_ko, Meeting.title_en, Meeting.place_ko, Meeting.place_en,
            Meeting.summary_ko, Meeting.summary_en,
        ).where(Meeting.id.in_(ids), Meeting.deleted_at.is_(None))
    )  # fmt: skip
    return [
        _doc(
            r.id,
            "meeting",
            r.title_ko,
            r.title_en,
            _join(r.title_ko, r.title_en),
            _join(r.place_ko, r.place_en, r.summary_ko, r.summary_en, *minutes[r.id], sep="\n"),
        )
        for r in rows
    ]


def _commitments(conn: Connection, ids: Sequence[UUID]) -> list[Doc]:
    rows = conn.execute(
        select(
            Commitment.id, Commitment.title_ko, Commitment.title_en, Commitment.description_ko,
            Commitment.description_en, Commitment.agreement_id,
        ).where(Commitment.id.in_(ids), Commitment.deleted_at.is_(None))
    )  # fmt: skip
    return [
        _doc(
            r.id,
            "commitment",
            r.title_ko,
            r.title_en,
            _join(r.title_ko, r.title_en),
            _join(r.description_ko, r.description_en, sep="\n"),
            "agreement",
            r.agreement_id,
        )
        for r in rows
    ]


def _attachments(conn: Connection, ids: Sequence[UUID]) -> list[Doc]:
    rows = conn.execute(
        select(
            Attachment.id, Attachment.filename, Attachment.description, Attachment.owner_kind,
            Attachment.owner_id,
        ).where(Attachment.id.in_(ids), Attachment.deleted_at.is_(None))
    )  # fmt: skip
    return [
        Doc(
            r.id,
            "attachment",
            _nfc(r.filename),
            r.filename,
            r.description,
            r.owner_kind,
            r.owner_id,
            title_en=_nfc(r.filename),  # a file's name is the same in both languages
        )
        for r in rows
    ]


_BUILDERS = {
    "agreement": _agreements,
    "organization": _organizations,
    "contact": _contacts,
    "meeting": _meetings,
    "commitment": _commitments,
    "attachment": _attachments,
}

ROOT_MODEL = {
    "agreement": Agreement,
    "organization": Organization,
    "contact": Contact,
    "meeting": Meeting,
    "commitment": Commitment,
    "attachment": Attachment,
}
