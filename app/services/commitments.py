"""Commitments: what each party undertook, and how far it has got."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.dto import CommitmentInput, CommitmentQuery, CommitmentView
from app.errors import ValidationError
from app.models import Agreement, Commitment, Organization, Party
from app.progress import Progress
from app.services.agreement_filter import selected_ids
from app.services.queries import chunks, column_sort_keys, count_of, packed_ids, text_filter
from app.services.records import apply, check_version, get_live, restore_record, soft_delete, to_dto
from app.services.validation import bilingual

SORTABLE = {"due_on", "title_ko", "title_en", "status", "updated_at"}


def commitment_values(s: Session, data: CommitmentInput) -> dict[str, object]:
    get_live(s, Agreement, data.agreement_id)
    if data.party_id is not None:
        party = get_live(s, Party, data.party_id)
        if party.agreement_id != data.agreement_id:
            raise ValidationError(
                "party_id",
                "이행 과제의 담당 참여기관은 같은 협약의 참여기관이어야 합니다.",
                "The commitment's party must be a party to the same agreement.",
            )
    return {
        "agreement_id": data.agreement_id,
        "party_id": data.party_id,
        **bilingual(data, "title", ("이행 과제", "Commitment"), required=True, max_length=500),
        **bilingual(data, "description", ("내용", "Description"), multiline=True),
        "due_on": data.due_on,
        "status": data.status,
    }


def commitment_rows() -> Select[Commitment, Agreement, Organization]:
    """Live commitments of live agreements, with their agreement and (if any) party organization."""
    return (
        select(Commitment, Agreement, Organization)
        .join(Agreement, Agreement.id == Commitment.agreement_id)
        .outerjoin(Party, Party.id == Commitment.party_id)
        .outerjoin(Organization, Organization.id == Party.organization_id)
        .where(Commitment.deleted_at.is_(None), Agreement.deleted_at.is_(None))
    )


def commitment_view(obj: Commitment, agreement: Agreement, org: Organization | None) -> CommitmentView:
    return to_dto(
        CommitmentView,
        obj,
        agreement_title_ko=agreement.title_ko,
        agreement_title_en=agreement.title_en,
        organization_id=org.id if org else None,
        organization_name_ko=org.name_ko if org else "",
        organization_name_en=org.name_en if org else "",
    )


def _one(s: Session, ident: UUID) -> CommitmentView:
    row = s.execute(commitment_rows().where(Commitment.id == ident)).one()
    return commitment_view(*row)


def create_commitment(db: Database, data: CommitmentInput) -> CommitmentView:
    with db.session() as s:
        obj = Commitment(**commitment_values(s, data))
        s.add(obj)
        s.flush()
        return _one(s, obj.id)


def update_commitment(
    db: Database, ident: UUID, data: CommitmentInput, expected_version: int | None = None
) -> CommitmentView:
    with db.session() as s:
        obj = get_live(s, Commitment, ident)
        check_version(obj, expected_version)
        apply(obj, commitment_values(s, data))
        s.flush()
        return _one(s, ident)


def get_commitment(db: Database, ident: UUID) -> CommitmentView:
    with db.session() as s:
        get_live(s, Commitment, ident)
        return _one(s, ident)


def delete_commitment(db: Database, ident: UUID, expected_version: int | None = None) -> None:
    with db.session() as s:
        soft_delete(s, get_live(s, Commitment, ident), expected_version)


def restore_commitment(db: Database, ident: UUID) -> CommitmentView:
    with db.session() as s:
        restore_record(s, Commitment, ident)
        s.flush()
        return _one(s, ident)


def _query(query: CommitmentQuery) -> Select[Commitment, Agreement, Organization]:
    stmt = commitment_rows()
    if query.text:
        stmt = stmt.where(
            text_filter(
                query.text,
                Commitment.title_ko,
                Commitment.title_en,
                Commitment.description_ko,
                Commitment.description_en,
            )
        )
    if query.agreement_id:
        stmt = stmt.where(Commitment.agreement_id == query.agreement_id)
    if query.agreements is not None:
        stmt = stmt.where(Commitment.agreement_id.in_(selected_ids(query.agreements)))
    if query.organization_id:
        stmt = stmt.where(Party.organization_id == query.organization_id)
    # With an agreement filter, the agreement index is the narrow path. SQLite would
    # otherwise prefer the (status, due_on) index and scan every overdue commitment,
    # so those columns are then compared through coalesce(), which no index matches.
    narrow = query.agreement_id is not None or query.agreements is not None
    status = func.coalesce(Commitment.status, Commitment.status) if narrow else Commitment.status
    due_on = func.coalesce(Commitment.due_on, Commitment.due_on) if narrow else Commitment.due_on
    if query.statuses:
        stmt = stmt.where(status.in_(query.statuses))
    if query.due_before:
        stmt = stmt.where(due_on <= query.due_before)
    if query.due_from:
        stmt = stmt.where(due_on >= query.due_from)
    return stmt


def _order(s: Session, query: CommitmentQuery) -> list[Any]:
    sort = query.sort if query.sort in SORTABLE else "due_on"
    return column_sort_keys(s.get_bind().dialect.name, Commitment, sort, query.descending, Commitment.id)


def commitments_in(s: Session, query: CommitmentQuery | None = None) -> list[CommitmentView]:
    """``list_commitments`` in an open session."""
    query = query or CommitmentQuery()
    stmt = _query(query).order_by(*_order(s, query)).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return [commitment_view(*row) for row in s.execute(stmt)]


def commitment_ids(
    db: Database, query: CommitmentQuery | None = None, progress: Progress | None = None
) -> bytes:
    """The ids of the commitments ``query`` selects, in its order, packed (``queries.packed_ids``):
    all, or the first ``query.limit``. Cancelling ``progress`` stops the read."""
    query = query or CommitmentQuery()
    with db.session() as s:
        stmt = _query(query).order_by(*_order(s, query)).limit(query.limit)
        return packed_ids(s, stmt, Commitment.id, progress)


def commitments_by_id(db: Database, ids: Sequence[UUID]) -> list[CommitmentView]:
    """The list rows of the live commitments among ``ids`` (deleted and unknown ones left out)."""
    with db.session() as s:
        out: list[CommitmentView] = []
        for chunk in chunks(ids):
            out.extend(
                commitment_view(*row) for row in s.execute(commitment_rows().where(Commitment.id.in_(chunk)))
            )
        return out


def list_commitments(db: Database, query: CommitmentQuery | None = None) -> list[CommitmentView]:
    with db.session() as s:
        return commitments_in(s, query)


def count_commitments(db: Database, query: CommitmentQuery | None = None) -> int:
    with db.session() as s:
        return count_of(s, _query(query or CommitmentQuery()))


def commitments_of_agreement_in(s: Session, agreement_id: UUID) -> list[CommitmentView]:
    """``list_commitments_for_agreement`` in an open session."""
    stmt = _query(CommitmentQuery(agreement_id=agreement_id)).order_by(
        Party.position.is_(None), Party.position, Commitment.due_on.is_(None), Commitment.due_on
    )
    return [commitment_view(*row) for row in s.execute(stmt)]


def list_commitments_for_agreement(db: Database, agreement_id: UUID) -> list[CommitmentView]:
    """Grouped by party (in the parties' order), then by due date."""
    with db.session() as s:
        return commitments_of_agreement_in(s, agreement_id)


def commitments_of_organization_in(s: Session, organization_id: UUID) -> list[CommitmentView]:
    """``list_commitments_for_organization`` in an open session."""
    return commitments_in(s, CommitmentQuery(organization_id=organization_id))


def list_commitments_for_organization(db: Database, organization_id: UUID) -> list[CommitmentView]:
    with db.session() as s:
        return commitments_of_organization_in(s, organization_id)
