"""Contacts (people) and their memberships in organizations over time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Select, case, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.db import Database
from app.dto import (
    ContactDetail,
    ContactInput,
    ContactQuery,
    ContactRecord,
    ContactSummary,
    MembershipInput,
    MembershipView,
)
from app.models import Contact, Membership, Organization
from app.progress import Progress
from app.services import attachments, meetings
from app.services.children import ChildRows
from app.services.queries import (
    chunks,
    count_of,
    id_text,
    packed_ids,
    sort_column,
    sort_keys,
    text_filter,
    unpack_ids,
)
from app.services.records import (
    delete_children,
    get_live,
    get_record,
    insert_record,
    restore_children,
    restore_record,
    soft_delete,
    to_dto,
    update_record,
)
from app.services.validation import bilingual, bilingual_pair, check_email, check_order, clean_text

MEMBERSHIPS = ChildRows(Contact, Membership, "contact_id")
SORTABLE = {"name_ko", "name_en", "email", "updated_at", "organization_name_ko", "title_ko", "title_en"}
_OTHER_TITLE = {"title_ko": "title_en", "title_en": "title_ko"}


def contact_values(data: ContactInput) -> dict[str, object]:
    name_ko, name_en = bilingual_pair(
        data.name_ko,
        data.name_en,
        "name",
        ("이름", "Name"),
        ("이름을 한글 또는 영문으로 입력하십시오.", "Enter the person's name in Korean or English."),
        200,
    )
    return {
        "name_ko": name_ko,
        "name_en": name_en,
        "email": check_email(data.email),
        "phone": clean_text(data.phone, "phone", "전화", "Phone", max_length=60),
        "mobile": clean_text(data.mobile, "mobile", "휴대전화", "Mobile", max_length=60),
        "notes": clean_text(data.notes, "notes", "메모", "Notes", multiline=True),
    }


def to_record(obj: Contact) -> ContactRecord:
    return to_dto(ContactRecord, obj)


def create_contact(db: Database, data: ContactInput) -> ContactRecord:
    return insert_record(db, Contact, contact_values(data), to_record)


def update_contact(
    db: Database, ident: UUID, data: ContactInput, expected_version: int | None = None
) -> ContactRecord:
    return update_record(db, Contact, ident, contact_values(data), expected_version, to_record)


def get_contact(db: Database, ident: UUID) -> ContactRecord:
    return get_record(db, Contact, ident, to_record)


def _current_membership_id() -> Any:
    """A correlated subquery: each contact's current membership (latest start, started and not ended)."""
    today = clock.today()
    return (
        select(Membership.id)
        .where(
            Membership.contact_id == Contact.id,
            Membership.deleted_at.is_(None),
            or_(Membership.started_on.is_(None), Membership.started_on <= today),
            or_(Membership.ended_on.is_(None), Membership.ended_on >= today),
        )
        .order_by(Membership.started_on.desc().nulls_last(), Membership.id)
        .limit(1)
        .correlate(Contact)
        .scalar_subquery()
    )


def _query(query: ContactQuery) -> Select[Contact, str, str, str, str]:
    m = aliased(Membership)
    org = aliased(Organization)
    stmt = (
        select(
            Contact,
            org.name_ko.label("organization_name_ko"),
            org.name_en.label("organization_name_en"),
            m.title_ko.label("title_ko"),
            m.title_en.label("title_en"),
        )
        .select_from(Contact)
        .outerjoin(m, m.id == _current_membership_id())
        .outerjoin(org, org.id == m.organization_id)
        .where(Contact.deleted_at.is_(None))
    )
    if query.text:
        stmt = stmt.where(
            text_filter(query.text, Contact.name_ko, Contact.name_en, Contact.email, org.name_ko, org.name_en)
        )
    if query.organization_id is not None:
        stmt = stmt.where(_in_organization(query.organization_id))
    return stmt


def _in_organization(organization_id: UUID) -> Any:
    # IN (by the indexed organization), not a correlated EXISTS tested on every contact.
    members = select(Membership.contact_id).where(
        Membership.organization_id == organization_id, Membership.deleted_at.is_(None)
    )
    return Contact.id.in_(members)


# The name sorts' ORDER BY terms, written out so that they match the expression indexes of
# migration 0007 word for word (SQLite uses an index on an expression only for the same
# expression, with no bound parameters). The same order as ``sort_keys`` gives for a text
# column with a fallback: Hangul-first (or English-first) group, blanks last; then the name
# folded to lower case, then the name itself, by code point.
_NAME = "coalesce(nullif(coalesce({p}, ''), ''), coalesce({f}, ''))"
_HANGUL = (
    "({v} >= '\u1100' AND {v} < '\u1200' OR {v} >= '\u3130' AND {v} < '\u3190'"
    " OR {v} >= '\uac00' AND {v} < '\ud7b0')"
)


def name_sort_sql(dialect: str, primary: str, fallback: str, hangul_first: bool) -> tuple[str, str, str]:
    """(group, folded, value) SQL for sorting contacts by ``primary`` (``fallback`` where blank)."""
    value = _NAME.format(p=primary, f=fallback)
    if dialect == "postgresql":
        value = f'({value}) COLLATE "C"'
    first, other = (0, 1) if hangul_first else (1, 0)
    group = f"CASE WHEN {value} = '' THEN 2 WHEN {_HANGUL.format(v=value)} THEN {first} ELSE {other} END"
    folded = f"lower({value})"
    if dialect == "postgresql":
        folded = f'({folded}) COLLATE "C"'
    return group, folded, value


_NAME_SORTS = {"name_ko": ("name_ko", "name_en", True), "name_en": ("name_en", "name_ko", False)}


def _name_keys(dialect: str, sort: str, descending: bool) -> list[Any]:
    primary, fallback, hangul_first = _NAME_SORTS[sort]
    group, folded, value = tuple[Any, ...](
        literal_column(t)
        for t in name_sort_sql(dialect, f"contact.{primary}", f"contact.{fallback}", hangul_first)
    )
    # The groups keep their places when descending: only the names within them reverse.
    return [group.asc(), *(t.desc() if descending else t.asc() for t in (folded, value))]


def _sort(
    db: Database, query: ContactQuery, stmt: Select[Contact, str, str, str, str]
) -> tuple[list[Any], bool]:
    """ORDER BY terms for ``query``, and whether they need the current-membership columns."""
    sort = query.sort if query.sort in SORTABLE else "name_ko"
    dialect = db.engine.dialect.name
    if sort in _NAME_SORTS:
        return _name_keys(dialect, sort, query.descending), False
    cols = {c.name: c for c in stmt.selected_columns}
    column = getattr(Contact, sort) if hasattr(Contact, sort) else cols[sort]
    fallback = (
        cols["organization_name_en"]
        if sort == "organization_name_ko"
        else cols[_OTHER_TITLE[sort]]
        if sort in _OTHER_TITLE
        else None
    )
    joined = sort in _POSITION_SORTS
    keys = sort_keys(
        dialect,
        column,
        query.descending,
        fallback=fallback,
        hangul_first=sort != "title_en",
        tiebreak=None if joined else Contact.id,
    )
    if joined:  # ties as ``_ids_by_position`` breaks them: the organization, then the position
        position = cols["title_ko"].element.table.c.id
        organization = cols["organization_name_ko"].element.table.c.id
        keyed = or_(func.coalesce(column, "") != "", func.coalesce(fallback, "") != "")
        if sort == "organization_name_ko":
            org_tie = case((keyed, organization))
            keys += [org_tie.desc() if query.descending else org_tie.asc(), case((keyed, position)).asc()]
        else:
            tie = case((keyed, position))
            keys.append(tie.desc() if query.descending else tie.asc())
    return keys, joined


def _ordered_ids(db: Database, query: ContactQuery) -> Select[Any]:
    """The ids of the contacts ``query`` selects, in its order (no page)."""
    stmt = _query(query)
    keys, joined = _sort(db, query, stmt)
    base = stmt if joined or query.text else _contacts_only(query)
    last = [Contact.id] if joined or query.sort in _NAME_SORTS or query.sort not in SORTABLE else []
    return base.with_only_columns(Contact.id).order_by(*keys, *last)


def list_contacts(db: Database, query: ContactQuery | None = None) -> list[ContactSummary]:
    """A page of contacts with their current positions.

    The page's ids come first, from the contacts alone where the sort and filter allow
    (an index walk for the name sorts); the current memberships are then looked up for
    those ids only, in one query.
    """
    query = query or ContactQuery()
    ids_stmt = _ordered_ids(db, query).offset(query.offset)
    if query.limit is not None:
        ids_stmt = ids_stmt.limit(query.limit)
    with db.session() as s:
        if _walks(query):
            upto = None if query.limit is None else query.offset + query.limit
            ids = unpack_ids(_ids_by_position(s, db.engine.dialect.name, replace(query, limit=upto)))
            ids = ids[query.offset :]
        else:
            ids = list(s.scalars(ids_stmt))
        rows = {c.id: c for c in _summaries_in(s, ids)}
        return [rows[i] for i in ids if i in rows]


def _summaries_in(s: Session, ids: Sequence[UUID]) -> list[ContactSummary]:
    """The list rows of the live contacts among ``ids``, with their current positions."""
    out: list[ContactSummary] = []
    for chunk in chunks(ids):
        page = _query(ContactQuery()).where(Contact.id.in_(chunk))
        for c, org_ko, org_en, title_ko, title_en in s.execute(page):
            out.append(
                ContactSummary(
                    id=c.id,
                    version=c.version,
                    name_ko=c.name_ko,
                    name_en=c.name_en,
                    email=c.email,
                    phone=c.mobile or c.phone,
                    organization_name_ko=org_ko or "",
                    organization_name_en=org_en or "",
                    title_ko=title_ko or "",
                    title_en=title_en or "",
                    updated_at=c.updated_at,
                )
            )
    return out


def contact_ids(db: Database, query: ContactQuery | None = None, progress: Progress | None = None) -> bytes:
    """The ids of the contacts ``query`` selects, in its order, packed (``queries.packed_ids``):
    all, or the first ``query.limit``. Cancelling ``progress`` stops the read."""
    query = query or ContactQuery()
    with db.session() as s:
        if _walks(query):
            return _ids_by_position(s, db.engine.dialect.name, query)
        return packed_ids(s, _ordered_ids(db, query).limit(query.limit), Contact.id, progress)


_POSITION_SORTS = ("organization_name_ko", "title_ko", "title_en")


def _walks(query: ContactQuery) -> bool:
    """Whether the first rows of ``query`` come from walking the positions' keys (``_ids_by_position``).

    Only for the first rows: reading every id that way takes longer than one sorted query
    (at 500,000 contacts about 98 s against 20 s), which gives the same order.
    """
    return (
        query.sort in _POSITION_SORTS
        and not query.text
        and query.organization_id is None
        and query.limit is not None
    )


def _ids_by_position(s: Session, dialect: str, query: ContactQuery) -> bytes:
    """``contact_ids`` by the current position's organization or title (no filter).

    The organizations (or the positions, for the title) are walked in the order of their
    sort index (migration 0008), each keeping the contacts whose current position it is,
    so the first rows need a few hundred index entries, not every contact's current
    position sorted; ties by the position (a contact has one current position). The
    contacts with no such key (no current position, or a blank one) follow, by id.
    """
    current = _current_membership_id()
    if query.sort == "organization_name_ko":
        keyed = or_(
            func.coalesce(Organization.name_ko, "") != "", func.coalesce(Organization.name_en, "") != ""
        )
        first = _ids_by_organization(s, dialect, query, current, keyed)
        has_key = (
            select(Membership.id)
            .join(Organization, Organization.id == Membership.organization_id)
            .where(Membership.id == current, Organization.deleted_at.is_(None), keyed)
        )
    else:
        column, fallback, hangul_first = sort_column(Membership, query.sort)
        keyed = or_(func.coalesce(column, "") != "", func.coalesce(fallback, "") != "")
        walk = (
            select(Contact.id)
            .select_from(Membership)
            .join(Contact, Contact.id == Membership.contact_id)
            .where(
                Membership.deleted_at.is_(None), Contact.deleted_at.is_(None), keyed, Membership.id == current
            )
            .order_by(
                *sort_keys(
                    dialect,
                    column,
                    query.descending,
                    fallback=fallback,
                    hangul_first=hangul_first,
                    tiebreak=Membership.id,
                )
            )
        )
        first = packed_ids(s, walk.limit(query.limit), Contact.id)
        has_key = select(Membership.id).where(Membership.id == current, keyed)
    if query.limit is not None and len(first) // 16 >= query.limit:
        return first
    rest = select(Contact.id).where(Contact.deleted_at.is_(None), ~has_key.exists()).order_by(Contact.id)
    more = None if query.limit is None else query.limit - len(first) // 16
    return first + packed_ids(s, rest.limit(more), Contact.id)


_ORGANIZATIONS_AT_MOST = 2000  # organizations whose current members are read at once


def _ids_by_organization(s: Session, dialect: str, query: ContactQuery, current: Any, keyed: Any) -> bytes:
    """The contacts with a current organization, by its name, a batch of organizations at a time."""
    keys = sort_keys(
        dialect,
        Organization.name_ko,
        query.descending,
        fallback=Organization.name_en,
        tiebreak=Organization.id,
    )
    organizations = (
        select(id_text(s, Organization.id).label("organization"))
        .where(Organization.deleted_at.is_(None), keyed)
        .order_by(*keys)
    )
    out = bytearray()
    offset, size = 0, 32
    while query.limit is None or len(out) // 16 < query.limit:
        batch = list(s.scalars(organizations.offset(offset).limit(size)))  # as hex digits
        if not batch:
            break
        offset += len(batch)
        size = min(2 * size, _ORGANIZATIONS_AT_MOST)  # few for the first rows, more for the rest
        place = {o: i for i, o in enumerate(batch)}
        members = list(
            s.execute(
                select(
                    id_text(s, Membership.organization_id).label("organization"),
                    id_text(s, Membership.id).label("position"),
                    id_text(s, Contact.id).label("contact"),
                )
                .join(Contact, Contact.id == Membership.contact_id)
                .where(
                    Membership.organization_id.in_([UUID(hex=o) for o in batch]),
                    Membership.deleted_at.is_(None),
                    Contact.deleted_at.is_(None),
                    Membership.id == current,
                )
            )
        )
        members.sort(key=lambda row: (place[row[0]], row[1]))
        out += bytes.fromhex("".join(row[2] for row in members))
    return bytes(out if query.limit is None else out[: 16 * query.limit])


def contacts_by_id(db: Database, ids: Sequence[UUID]) -> list[ContactSummary]:
    """The list rows of the live contacts among ``ids`` (deleted and unknown ones left out)."""
    with db.session() as s:
        return _summaries_in(s, ids)


def _contacts_only(query: ContactQuery) -> Select[Contact]:
    """``_query`` without the current-membership join (for filters that do not need it)."""
    stmt = select(Contact).where(Contact.deleted_at.is_(None))
    if query.organization_id is not None:
        stmt = stmt.where(_in_organization(query.organization_id))
    return stmt


def count_contacts(db: Database, query: ContactQuery | None = None) -> int:
    # The join to the current membership is an outer join to at most one row: it never
    # changes the count, so it is left out unless the text filter looks at the organization.
    query = query or ContactQuery()
    stmt = _query(query) if query.text else _contacts_only(query)
    with db.session() as s:
        return count_of(s, stmt.with_only_columns(Contact.id))


def delete_contact(db: Database, ident: UUID, expected_version: int | None = None) -> None:
    with db.session() as s:
        when = soft_delete(s, get_live(s, Contact, ident), expected_version)
        delete_children(s, select(Membership).where(Membership.contact_id == ident), when)


def restore_contact(db: Database, ident: UUID) -> ContactRecord:
    with db.session() as s:
        obj, when = restore_record(s, Contact, ident)
        restore_children(s, select(Membership).where(Membership.contact_id == ident), when)
        s.flush()
        return to_record(obj)


# -- memberships ---------------------------------------------------------------


def membership_values(s: Session, data: MembershipInput) -> dict[str, object]:
    get_live(s, Contact, data.contact_id)
    get_live(s, Organization, data.organization_id)
    check_order(
        data.started_on,
        data.ended_on,
        "ended_on",
        "재직 종료일은 시작일보다 빠를 수 없습니다.",
        "The end date cannot be before the start date.",
    )
    return {
        "contact_id": data.contact_id,
        "organization_id": data.organization_id,
        **bilingual(data, "title", ("직위", "Title"), max_length=200),
        **bilingual(data, "department", ("부서", "Department"), max_length=200),
        "started_on": data.started_on,
        "ended_on": data.ended_on,
    }


def add_membership(db: Database, data: MembershipInput) -> MembershipView:
    with db.session() as s:
        return _membership_view(s, MEMBERSHIPS.add(s, data.contact_id, lambda _: membership_values(s, data)))


def update_membership(
    db: Database, ident: UUID, data: MembershipInput, expected_version: int | None = None
) -> MembershipView:
    with db.session() as s:
        obj = MEMBERSHIPS.update(s, ident, expected_version, lambda _: membership_values(s, data))
        return _membership_view(s, obj)


def end_membership(db: Database, ident: UUID, ended_on: date | None = None) -> MembershipView:
    """Record that a person left a position (their history stays); by default, today."""
    ended_on = ended_on or clock.today()
    with db.session() as s:
        obj = get_live(s, Membership, ident)
        check_order(
            obj.started_on,
            ended_on,
            "ended_on",
            "재직 종료일은 시작일보다 빠를 수 없습니다.",
            "The end date cannot be before the start date.",
        )
        obj.ended_on = ended_on
        s.flush()
        return _membership_view(s, obj)


def remove_membership(db: Database, ident: UUID) -> None:
    with db.session() as s:
        MEMBERSHIPS.remove(s, ident)


def _membership_view(s: Session, obj: Membership) -> MembershipView:
    contact = s.get(Contact, obj.contact_id)
    org = s.get(Organization, obj.organization_id)
    assert contact is not None and org is not None
    return _view(obj, contact, org)


def _view(obj: Membership, contact: Contact, org: Organization) -> MembershipView:
    return to_dto(
        MembershipView,
        obj,
        contact_name_ko=contact.name_ko,
        contact_name_en=contact.name_en,
        organization_name_ko=org.name_ko,
        organization_name_en=org.name_en,
    )


def memberships_in(s: Session, where: object) -> list[MembershipView]:
    """The live positions matching ``where``, current ones first, then newest first; in session ``s``."""
    stmt = (
        select(Membership, Contact, Organization)
        .join(Contact, Contact.id == Membership.contact_id)
        .join(Organization, Organization.id == Membership.organization_id)
        .where(where, Membership.deleted_at.is_(None), Contact.deleted_at.is_(None))  # type: ignore[arg-type]
    )
    views = [_view(m, c, o) for m, c, o in s.execute(stmt)]
    return sorted(
        views, key=lambda v: (not v.current, -(v.started_on or date.min).toordinal(), v.contact_name_ko)
    )


def _memberships(db: Database, where: object) -> list[MembershipView]:
    with db.session() as s:
        return memberships_in(s, where)


def memberships_of_contact(db: Database, contact_id: UUID) -> list[MembershipView]:
    return _memberships(db, Membership.contact_id == contact_id)


def memberships_of_organization(db: Database, organization_id: UUID) -> list[MembershipView]:
    return _memberships(db, Membership.organization_id == organization_id)


def memberships_of_organizations_in(
    s: Session, organization_ids: Sequence[UUID]
) -> dict[UUID, list[MembershipView]]:
    """The live positions at each of several organizations, in one query; in session ``s``."""
    out: dict[UUID, list[MembershipView]] = {o: [] for o in organization_ids}
    if out:
        for m in memberships_in(s, Membership.organization_id.in_(list(out))):
            out[m.organization_id].append(m)
    return out


def contacts_in(s: Session, ids: Sequence[UUID]) -> dict[UUID, ContactRecord]:
    """``get_contacts`` in an open session."""
    wanted = list(dict.fromkeys(ids))
    out: dict[UUID, ContactRecord] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for obj in s.scalars(select(Contact).where(Contact.id.in_(chunk), Contact.deleted_at.is_(None))):
            out[obj.id] = to_record(obj)
    return out


def get_contacts(db: Database, ids: Sequence[UUID]) -> dict[UUID, ContactRecord]:
    """Live contacts by id in one query; missing and deleted ones are left out."""
    with db.session() as s:
        return contacts_in(s, ids)


def current_membership(db: Database, contact_id: UUID) -> MembershipView | None:
    current = [m for m in memberships_of_contact(db, contact_id) if m.current]
    return current[0] if current else None


def contact_detail(db: Database, ident: UUID) -> ContactDetail:
    return ContactDetail(
        record=get_contact(db, ident),
        memberships=tuple(memberships_of_contact(db, ident)),
        meetings=tuple(meetings.meetings_of_contact(db, ident)),
        action_items=tuple(meetings.action_items_of_contact(db, ident)),
        attachments=tuple(attachments.list_attachments(db, "contact", ident)),
    )


def find_contact_by_email(db: Database, email: str) -> ContactRecord | None:
    with db.session() as s:
        obj = s.scalar(
            select(Contact)
            .where(func.lower(Contact.email) == email.strip().lower(), Contact.deleted_at.is_(None))
            .order_by(Contact.created_at, Contact.id)
            .limit(1)
        )
        return to_record(obj) if obj else None
