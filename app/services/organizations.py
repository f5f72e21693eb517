"""Organizations: ministries, agencies, companies and the rest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.db import Database
from app.dto import (
    AgreementQuery,
    OrganizationDetail,
    OrganizationInput,
    OrganizationQuery,
    OrganizationRecord,
)
from app.errors import ValidationError
from app.models import Membership, Organization, Party
from app.progress import Progress
from app.services import agreements, commitments, contacts, meetings
from app.services.queries import chunks, count_of, packed_ids, sort_keys, text_filter
from app.services.records import (
    attachments_in,
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
from app.services.validation import bilingual_pair, clean_text

SORTABLE = {"name_ko", "name_en", "short_name", "org_kind", "country", "updated_at"}


def organization_values(data: OrganizationInput) -> dict[str, object]:
    name_ko, name_en = bilingual_pair(
        data.name_ko,
        data.name_en,
        "name",
        ("기관명", "Name"),
        ("기관명을 한글 또는 영문으로 입력하십시오.", "Enter the organization's name in Korean or English."),
        300,
    )
    country = clean_text(data.country, "country", "국가", "Country", max_length=2).upper() or "KR"
    if len(country) != 2 or not country.isascii() or not country.isalpha():
        raise ValidationError(
            "country",
            "국가는 두 글자 국가 코드로 입력하십시오 (예: KR, US).",
            "Country is a two-letter code (KR, US...).",
        )
    return {
        "name_ko": name_ko,
        "name_en": name_en,
        "short_name": clean_text(data.short_name, "short_name", "약칭", "Short name", max_length=100),
        "org_kind": data.org_kind,
        "country": country,
        "website": clean_text(data.website, "website", "웹사이트", "Website", max_length=500),
        "notes": clean_text(data.notes, "notes", "메모", "Notes", multiline=True),
    }


def to_record(obj: Organization) -> OrganizationRecord:
    return to_dto(OrganizationRecord, obj)


def create_organization(db: Database, data: OrganizationInput) -> OrganizationRecord:
    return insert_record(db, Organization, organization_values(data), to_record)


def update_organization(
    db: Database, ident: UUID, data: OrganizationInput, expected_version: int | None = None
) -> OrganizationRecord:
    return update_record(db, Organization, ident, organization_values(data), expected_version, to_record)


def get_organization(db: Database, ident: UUID) -> OrganizationRecord:
    return get_record(db, Organization, ident, to_record)


def _query(query: OrganizationQuery) -> Select[Organization]:
    stmt = select(Organization).where(Organization.deleted_at.is_(None))
    if query.text:
        stmt = stmt.where(
            text_filter(query.text, Organization.name_ko, Organization.name_en, Organization.short_name)
        )
    if query.org_kind is not None:
        stmt = stmt.where(Organization.org_kind == query.org_kind)
    return stmt


def _order(dialect: str, query: OrganizationQuery) -> list[Any]:
    sort = query.sort if query.sort in SORTABLE else "name_ko"
    fallback = {"name_ko": Organization.name_en, "name_en": Organization.name_ko}.get(sort)
    keys = sort_keys(
        dialect,
        getattr(Organization, sort),
        query.descending,
        fallback=fallback,
        hangul_first=sort != "name_en",
        tiebreak=Organization.id,
    )
    return keys


def list_organizations(db: Database, query: OrganizationQuery | None = None) -> list[OrganizationRecord]:
    query = query or OrganizationQuery()
    stmt = _query(query).order_by(*_order(db.engine.dialect.name, query))
    stmt = stmt.offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with db.session() as s:
        return [to_record(o) for o in s.scalars(stmt)]


def organization_ids(
    db: Database, query: OrganizationQuery | None = None, progress: Progress | None = None
) -> bytes:
    """The ids of the organizations ``query`` selects, in its order, packed (``queries.packed_ids``):
    all, or the first ``query.limit``. Cancelling ``progress`` stops the read."""
    query = query or OrganizationQuery()
    with db.session() as s:
        stmt = _query(query).order_by(*_order(db.engine.dialect.name, query)).limit(query.limit)
        return packed_ids(s, stmt, Organization.id, progress)


def organizations_by_id(db: Database, ids: Sequence[UUID]) -> list[OrganizationRecord]:
    """The live organizations among ``ids`` (deleted and unknown ones left out)."""
    with db.session() as s:
        out: list[OrganizationRecord] = []
        for chunk in chunks(ids):
            stmt = select(Organization).where(Organization.id.in_(chunk), Organization.deleted_at.is_(None))
            out.extend(to_record(o) for o in s.scalars(stmt))
        return out


def count_organizations(db: Database, query: OrganizationQuery | None = None) -> int:
    with db.session() as s:
        return count_of(s, _query(query or OrganizationQuery()))


def delete_organization(db: Database, ident: UUID, expected_version: int | None = None) -> None:
    with db.session() as s:
        obj = get_live(s, Organization, ident)
        in_use = s.scalar(
            select(Party.id).where(Party.organization_id == ident, Party.deleted_at.is_(None)).limit(1)
        )
        if in_use is not None:
            raise ValidationError(
                "id",
                "이 기관은 협약의 참여기관입니다. 먼저 협약에서 참여기관을 제거하십시오.",
                "This organization is a party to an agreement. Remove it from the agreement first.",
            )
        when = soft_delete(s, obj, expected_version)
        delete_children(s, select(Membership).where(Membership.organization_id == ident), when)


def restore_organization(db: Database, ident: UUID) -> OrganizationRecord:
    with db.session() as s:
        obj, when = restore_record(s, Organization, ident)
        restore_children(s, select(Membership).where(Membership.organization_id == ident), when)
        s.flush()
        return to_record(obj)


def organization_detail(db: Database, ident: UUID) -> OrganizationDetail:
    with db.session() as s:
        return organization_detail_in(s, ident)


def organization_detail_in(s: Session, ident: UUID) -> OrganizationDetail:
    """An organization with its people, agreements, commitments, meetings and files, in one session."""
    record = to_record(get_live(s, Organization, ident))
    return OrganizationDetail(
        record=record,
        people=tuple(contacts.memberships_in(s, Membership.organization_id == ident)),
        agreements=tuple(agreements.agreements_in(s, AgreementQuery(organization_id=ident))),
        commitments=tuple(commitments.commitments_of_organization_in(s, ident)),
        meetings=tuple(meetings.meetings_of_organization_in(s, ident)),
        attachments=tuple(attachments_in(s, "organization", [ident])[ident]),
    )
