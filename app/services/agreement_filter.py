"""Which agreements an :class:`AgreementQuery` selects: for the agreement list and for the
lists filtered by agreements (commitments of the selected agreements)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import Select, select

from app.dto import AgreementQuery
from app.models import Agreement, Party
from app.services.queries import like_pattern, text_filter


def agreement_filter(query: AgreementQuery) -> Select[Agreement]:
    """The live agreements that ``query``'s filters select (no order, no page)."""
    stmt = select(Agreement).where(Agreement.deleted_at.is_(None))
    if query.text:
        stmt = stmt.where(
            text_filter(query.text, Agreement.title_ko, Agreement.title_en, Agreement.reference_no)
        )
    if query.statuses:
        stmt = stmt.where(Agreement.status.in_(query.statuses))
    if query.kinds:
        stmt = stmt.where(Agreement.agreement_kind.in_(query.kinds))
    if query.tag:
        # ILIKE: the same matching on both databases (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
        stmt = stmt.where(Agreement.tags.ilike(like_pattern("," + query.tag.strip() + ","), escape="\\"))
    if query.signed_from:
        stmt = stmt.where(Agreement.signed_on >= query.signed_from)
    if query.signed_to:
        stmt = stmt.where(Agreement.signed_on <= query.signed_to)
    if query.expires_from:
        stmt = stmt.where(Agreement.expires_on >= query.expires_from)
    if query.expires_to:
        stmt = stmt.where(Agreement.expires_on <= query.expires_to)
    if query.organization_id:
        # IN (by the indexed organization), not a correlated EXISTS tested on every agreement.
        parties = select(Party.agreement_id).where(
            Party.organization_id == query.organization_id, Party.deleted_at.is_(None)
        )
        stmt = stmt.where(Agreement.id.in_(parties))
    return stmt


def selected_ids(query: AgreementQuery) -> Select[UUID]:
    """The ids of the agreements ``query`` selects (its filters; not its order or page), for a subquery."""
    return agreement_filter(query).with_only_columns(Agreement.id).correlate(None)
