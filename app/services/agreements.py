"""Agreements, their lifecycle, parties and amendments."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.dto import (
    AgreementDetail,
    AgreementInput,
    AgreementQuery,
    AgreementRecord,
    AgreementSummary,
    AmendmentInput,
    AmendmentView,
    PartyInput,
    PartyView,
)
from app.enums import AGREEMENT_TRANSITIONS, AgreementStatus
from app.errors import ValidationError
from app.models import (
    Agreement,
    Amendment,
    Commitment,
    Contact,
    MeetingAgreement,
    Organization,
    Party,
)
from app.progress import Progress
from app.services import commitments, meetings
from app.services.agreement_filter import agreement_filter
from app.services.children import ChildRows
from app.services.queries import chunks, column_sort_keys, count_of, packed_ids
from app.services.records import (
    attachments_in,
    check_version,
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
from app.services.validation import (
    bilingual,
    bilingual_pair,
    check_order,
    clean_text,
    normalize_tags,
    split_tags,
)

SORTABLE = {
    "title_ko",
    "title_en",
    "reference_no",
    "status",
    "agreement_kind",
    "signed_on",
    "expires_on",
    "updated_at",
}
PARTIES = ChildRows(Agreement, Party, "agreement_id", ordered=True)
AMENDMENTS = ChildRows(Agreement, Amendment, "agreement_id")
_NEEDS_SIGNING_DATE = {AgreementStatus.SIGNED, AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED}


def agreement_values(data: AgreementInput) -> dict[str, object]:
    title_ko, title_en = bilingual_pair(
        data.title_ko,
        data.title_en,
        "title",
        ("협약명", "Title"),
        ("협약명을 한글 또는 영문으로 입력하십시오.", "Enter the agreement's title in Korean or English."),
        500,
    )
    check_order(
        data.signed_on,
        data.effective_on,
        "effective_on",
        "서명일은 발효일보다 늦을 수 없습니다.",
        "The signing date cannot be later than the date it comes into force.",
    )
    check_order(
        data.effective_on or data.signed_on,
        data.expires_on,
        "expires_on",
        "만료일은 발효일(또는 서명일)보다 빠를 수 없습니다.",
        "The expiry date cannot be before the date it comes into force (or was signed).",
    )
    if data.status in _NEEDS_SIGNING_DATE and data.signed_on is None:
        raise ValidationError(
            "signed_on",
            f"'{data.status.label('ko')}' 상태의 협약에는 서명일이 필요합니다.",
            f"An agreement that is '{data.status.label('en')}' needs a signing date.",
        )
    return {
        "title_ko": title_ko,
        "title_en": title_en,
        "reference_no": clean_text(
            data.reference_no, "reference_no", "관리번호", "Reference", max_length=100
        ),
        "agreement_kind": data.agreement_kind,
        "status": data.status,
        "signed_on": data.signed_on,
        "effective_on": data.effective_on,
        "expires_on": data.expires_on,
        **bilingual(data, "place", ("체결 장소", "Place of signing"), max_length=300),
        **bilingual(data, "summary", ("개요", "Summary"), multiline=True, max_length=100_000),
        "confidentiality": data.confidentiality,
        "tags": normalize_tags(data.tags),
    }


def check_transition(current: AgreementStatus, new: AgreementStatus) -> None:
    if new != current and new not in AGREEMENT_TRANSITIONS[current]:
        allowed_ko = ", ".join(s.label("ko") for s in AGREEMENT_TRANSITIONS[current]) or "없음"
        allowed_en = ", ".join(s.label("en") for s in AGREEMENT_TRANSITIONS[current]) or "none"
        raise ValidationError(
            "status",
            f"'{current.label('ko')}' 상태에서 '{new.label('ko')}'(으)로 바꿀 수 없습니다. 가능한 상태: {allowed_ko}.",
            f"An agreement that is '{current.label('en')}' cannot become '{new.label('en')}'. "
            f"Possible: {allowed_en}.",
        )


def to_record(obj: Agreement) -> AgreementRecord:
    return to_dto(AgreementRecord, obj, tags=split_tags(obj.tags))


def create_agreement(db: Database, data: AgreementInput) -> AgreementRecord:
    return insert_record(db, Agreement, agreement_values(data), to_record)


def update_agreement(
    db: Database, ident: UUID, data: AgreementInput, expected_version: int | None = None
) -> AgreementRecord:
    def lifecycle(obj: Agreement) -> None:
        check_transition(obj.status, data.status)

    return update_record(db, Agreement, ident, agreement_values(data), expected_version, to_record, lifecycle)


def change_status(
    db: Database, ident: UUID, status: AgreementStatus, expected_version: int | None = None
) -> AgreementRecord:
    with db.session() as s:
        obj = get_live(s, Agreement, ident)
        check_version(obj, expected_version)
        check_transition(obj.status, status)
        if status in _NEEDS_SIGNING_DATE and obj.signed_on is None:
            raise ValidationError(
                "signed_on",
                f"'{status.label('ko')}' 상태로 바꾸려면 먼저 서명일을 입력하십시오.",
                f"Enter the signing date before marking the agreement '{status.label('en')}'.",
            )
        obj.status = status
        s.flush()
        return to_record(obj)


def allowed_statuses(current: AgreementStatus) -> list[AgreementStatus]:
    return [current, *sorted(AGREEMENT_TRANSITIONS[current], key=list(AgreementStatus).index)]


def get_agreement(db: Database, ident: UUID) -> AgreementRecord:
    return get_record(db, Agreement, ident, to_record)


def _party_count() -> ScalarSelect[int]:
    return (
        select(func.count(Party.id))
        .where(Party.agreement_id == Agreement.id, Party.deleted_at.is_(None))
        .correlate(Agreement)
        .scalar_subquery()
    )


def list_agreements(db: Database, query: AgreementQuery | None = None) -> list[AgreementSummary]:
    with db.session() as s:
        return agreements_in(s, query)


def _order(s: Session, query: AgreementQuery) -> list[Any]:
    """The ORDER BY terms of ``query``'s sort (the id last, so that equal keys keep one order)."""
    sort = query.sort if query.sort in SORTABLE else "signed_on"
    return column_sort_keys(s.get_bind().dialect.name, Agreement, sort, query.descending, Agreement.id)


def _summary_columns() -> list[Any]:
    # Only the summary's columns, not whole ORM objects: a list page costs little more than its rows.
    return [_party_count() if name == "party_count" else getattr(Agreement, name) for name in _SUMMARY]


def agreements_in(s: Session, query: AgreementQuery | None = None) -> list[AgreementSummary]:
    """``list_agreements`` in an open session."""
    query = query or AgreementQuery()
    keys = _order(s, query)
    columns = _summary_columns()
    stmt = agreement_filter(query).with_only_columns(*columns).order_by(*keys).offset(query.offset)
    if query.limit is not None:
        # Page the ids first (an index-only scan for the date sorts), then load that page's rows:
        # a deep OFFSET (a list scrolled far down) then skips index entries, not whole rows
        # with their party counts.
        page = agreement_filter(query).with_only_columns(Agreement.id).order_by(*keys)
        page = page.offset(query.offset).limit(query.limit).correlate(None)
        stmt = select(*columns).where(Agreement.id.in_(page)).order_by(*keys)
    return [AgreementSummary(*row) for row in s.execute(stmt)]


def agreement_ids(
    db: Database, query: AgreementQuery | None = None, progress: Progress | None = None
) -> bytes:
    """The ids of the agreements ``query`` selects, in its order, packed (``queries.packed_ids``):
    every one, or the first ``query.limit`` (its offset is not used). Cancelling ``progress``
    stops the read."""
    query = query or AgreementQuery()
    with db.session() as s:
        stmt = agreement_filter(query).order_by(*_order(s, query)).limit(query.limit)
        return packed_ids(s, stmt, Agreement.id, progress)


def agreements_by_id(db: Database, ids: Sequence[UUID]) -> list[AgreementSummary]:
    """The list rows of the live agreements among ``ids`` (deleted and unknown ones left out)."""
    with db.session() as s:
        out: list[AgreementSummary] = []
        for chunk in chunks(ids):
            stmt = select(*_summary_columns()).where(Agreement.id.in_(chunk), Agreement.deleted_at.is_(None))
            out.extend(AgreementSummary(*row) for row in s.execute(stmt))
        return out


_SUMMARY = [f.name for f in dataclasses.fields(AgreementSummary)]


def count_agreements(db: Database, query: AgreementQuery | None = None) -> int:
    with db.session() as s:
        return count_of(s, agreement_filter(query or AgreementQuery()))


def agreements_of_organization(db: Database, organization_id: UUID) -> list[AgreementSummary]:
    return list_agreements(db, AgreementQuery(organization_id=organization_id))


def delete_agreement(db: Database, ident: UUID, expected_version: int | None = None) -> None:
    with db.session() as s:
        when = soft_delete(s, get_live(s, Agreement, ident), expected_version)
        for model in (Party, Amendment, Commitment, MeetingAgreement):
            delete_children(s, select(model).where(model.agreement_id == ident), when)


def restore_agreement(db: Database, ident: UUID) -> AgreementRecord:
    with db.session() as s:
        obj, when = restore_record(s, Agreement, ident)
        for model in (Party, Amendment, Commitment, MeetingAgreement):
            restore_children(s, select(model).where(model.agreement_id == ident), when)
        s.flush()
        return to_record(obj)


def agreement_detail(db: Database, ident: UUID) -> AgreementDetail:
    with db.session() as s:
        return agreement_detail_in(s, ident)


def agreement_detail_in(s: Session, ident: UUID) -> AgreementDetail:
    """An agreement with its parties, commitments, amendments, files and meetings, in one session."""
    record = to_record(get_live(s, Agreement, ident))
    return AgreementDetail(
        record=record,
        parties=tuple(parties_in(s, ident)),
        commitments=tuple(commitments.commitments_of_agreement_in(s, ident)),
        amendments=tuple(amendments_in(s, ident)),
        attachments=tuple(attachments_in(s, "agreement", [ident])[ident]),
        meetings=tuple(meetings.meetings_of_agreement_in(s, ident)),
    )


# -- parties -------------------------------------------------------------------


def _party_values(s: Session, data: PartyInput) -> dict[str, object]:
    get_live(s, Organization, data.organization_id)
    if data.signatory_contact_id is not None:
        get_live(s, Contact, data.signatory_contact_id)
    check_order(
        data.joined_on or data.signed_on,
        data.withdrew_on,
        "withdrew_on",
        "탈퇴일은 서명일(또는 추가 참여일)보다 빠를 수 없습니다.",
        "The withdrawal date cannot be before the party signed or joined.",
    )
    return {
        "organization_id": data.organization_id,
        "role": data.role,
        "signatory_contact_id": data.signatory_contact_id,
        **bilingual(data, "signatory_name", ("서명자", "Signed by"), max_length=200),
        **bilingual(data, "signatory_title", ("서명 당시 직위", "Title at signing"), max_length=200),
        "signed_on": data.signed_on,
        "joined_on": data.joined_on,
        "withdrew_on": data.withdrew_on,
    }


def _refuse_duplicate(s: Session, agreement_id: UUID, organization_id: UUID, party_id: UUID | None) -> None:
    """An organization is a party to an agreement once (``party_id``: the party being edited)."""
    stmt = select(Party.id).where(
        Party.agreement_id == agreement_id,
        Party.organization_id == organization_id,
        Party.deleted_at.is_(None),
    )
    if party_id is not None:
        stmt = stmt.where(Party.id != party_id)
    if s.scalar(stmt.limit(1)) is not None:
        raise ValidationError(
            "organization_id",
            "이 기관은 이미 이 협약의 참여기관입니다.",
            "This organization is already a party to this agreement.",
        )


def add_party(db: Database, agreement_id: UUID, data: PartyInput) -> PartyView:
    def values(_: Agreement) -> dict[str, object]:
        checked = _party_values(s, data)
        _refuse_duplicate(s, agreement_id, data.organization_id, None)
        return checked

    with db.session() as s:
        return _party_view(s, PARTIES.add(s, agreement_id, values))


def add_parties(db: Database, agreement_id: UUID, parties: Sequence[PartyInput]) -> list[PartyView]:
    """Several parties in one write: all of them, in order, or none (a bad row refuses the lot,
    and nothing typed is lost: the caller still has every row)."""
    with db.session() as s:
        added = []
        for data in parties:

            def values(_: Agreement, data: PartyInput = data) -> dict[str, object]:
                checked = _party_values(s, data)
                _refuse_duplicate(s, agreement_id, data.organization_id, None)
                return checked

            added.append(PARTIES.add(s, agreement_id, values))
            s.flush()  # the next row's duplicate check sees this one
        return [_party_view(s, obj) for obj in added]


def update_party(
    db: Database, ident: UUID, data: PartyInput, expected_version: int | None = None
) -> PartyView:
    def values(obj: Party) -> dict[str, object]:
        checked = _party_values(s, data)
        _refuse_duplicate(s, obj.agreement_id, data.organization_id, obj.id)
        return checked

    with db.session() as s:
        return _party_view(s, PARTIES.update(s, ident, expected_version, values))


def remove_party(db: Database, ident: UUID) -> None:
    with db.session() as s:
        PARTIES.remove(s, ident)
        # The party's commitments stay with the agreement, without an owner.
        for commitment in s.scalars(select(Commitment).where(Commitment.party_id == ident)):
            commitment.party_id = None


def reorder_parties(db: Database, agreement_id: UUID, party_ids: list[UUID]) -> list[PartyView]:
    refusal = ValidationError(
        "parties",
        "참여기관 목록이 변경되었습니다. 다시 불러온 후 순서를 정하십시오.",
        "The list of parties changed meanwhile. Reload and order them again.",
    )
    with db.session() as s:
        PARTIES.reorder(s, agreement_id, party_ids, refusal)
    return list_parties(db, agreement_id)


def _party_view(s: Session, obj: Party) -> PartyView:
    org = s.get(Organization, obj.organization_id)
    contact = s.get(Contact, obj.signatory_contact_id) if obj.signatory_contact_id else None
    assert org is not None
    return _to_party_view(obj, org, contact)


def _to_party_view(obj: Party, org: Organization, contact: Contact | None) -> PartyView:
    name_ko, name_en = obj.signatory_name_ko, obj.signatory_name_en
    if contact is not None and (contact.name_ko or contact.name_en):
        name_ko, name_en = contact.name_ko, contact.name_en
    return to_dto(
        PartyView,
        obj,
        organization_name_ko=org.name_ko,
        organization_name_en=org.name_en,
        signatory_name_ko=name_ko,
        signatory_name_en=name_en,
    )


def parties_in(s: Session, agreement_id: UUID) -> list[PartyView]:
    """The live parties of an agreement, in their order, read in session ``s``."""
    stmt = (
        PARTIES.live(agreement_id)
        .add_columns(Organization, Contact)
        .join(Organization, Organization.id == Party.organization_id)
        .outerjoin(Contact, Contact.id == Party.signatory_contact_id)
    )
    return [_to_party_view(p, o, c) for p, o, c in s.execute(stmt)]


def list_parties(db: Database, agreement_id: UUID) -> list[PartyView]:
    with db.session() as s:
        return parties_in(s, agreement_id)


# -- amendments ----------------------------------------------------------------


def _amendment_values(data: AmendmentInput) -> dict[str, object]:
    title = bilingual(data, "title", ("변경 협약명", "Amendment title"), max_length=500)
    summary = bilingual(data, "summary", ("변경 내용", "Summary"), multiline=True)
    if not any(title.values()) and not any(summary.values()):
        raise ValidationError(
            "title_ko",
            "변경 협약의 제목이나 내용을 입력하십시오.",
            "Enter a title or a summary for the amendment.",
        )
    return {
        "agreement_id": data.agreement_id,
        "amended_on": data.amended_on,
        **title,
        **summary,
        **bilingual(data, "effect", ("효력", "Effect"), multiline=True),
    }


def add_amendment(db: Database, data: AmendmentInput) -> AmendmentView:
    values = _amendment_values(data)
    with db.session() as s:
        return to_dto(AmendmentView, AMENDMENTS.add(s, data.agreement_id, lambda _: values))


def update_amendment(
    db: Database, ident: UUID, data: AmendmentInput, expected_version: int | None = None
) -> AmendmentView:
    values = _amendment_values(data)
    with db.session() as s:
        return to_dto(AmendmentView, AMENDMENTS.update(s, ident, expected_version, lambda _: values))


def remove_amendment(db: Database, ident: UUID) -> None:
    with db.session() as s:
        AMENDMENTS.remove(s, ident)


def amendments_in(s: Session, agreement_id: UUID) -> list[AmendmentView]:
    """The live amendments of an agreement, oldest first, read in session ``s``."""
    stmt = AMENDMENTS.live(agreement_id).order_by(None).order_by(Amendment.amended_on, Amendment.created_at)
    return [to_dto(AmendmentView, a) for a in s.scalars(stmt)]


def list_amendments(db: Database, agreement_id: UUID) -> list[AmendmentView]:
    with db.session() as s:
        return amendments_in(s, agreement_id)
