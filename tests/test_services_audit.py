"""Soft deletion with its cascade and restore, and the audit trail of every write."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from factories import agreement, commitment, meeting, member, org, party, person
from sqlalchemy import select

from app import clock
from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AmendmentInput,
    AttendeeInput,
    DecisionInput,
    OrganizationInput,
)
from app.enums import OrgKind
from app.errors import NotFoundError, ValidationError
from app.models import AgendaItem, Amendment, AuditEvent, Commitment, MeetingAgreement, Membership, Party
from app.services import agreements, commitments, contacts, history, meetings, organizations


def _deleted(db: Database, model: type, **where: object) -> dict[object, bool]:
    with db.session() as s:
        rows = s.scalars(select(model).filter_by(**where)).all()
        return {r.id: r.deleted_at is not None for r in rows}


def test_deleting_an_agreement_deletes_its_children_and_restore_brings_back_exactly_those(
    any_db: Database,
) -> None:
    a = agreement(any_db)
    o1, o2 = org(any_db, "삼성전자"), org(any_db, "SK하이닉스")
    p1, p2 = party(any_db, a.id, o1.id), party(any_db, a.id, o2.id)
    c1 = commitment(any_db, a.id, "과제 1", party_id=p1.id)
    c2 = commitment(any_db, a.id, "과제 2")
    am = agreements.add_amendment(any_db, AmendmentInput(agreement_id=a.id, title_ko="1차 변경"))
    m = meeting(any_db, agreement_ids=(a.id,))
    # Removed earlier, on their own: these must stay removed after the restore.
    agreements.remove_party(any_db, p2.id)
    commitments.delete_commitment(any_db, c2.id)

    agreements.delete_agreement(any_db, a.id)
    assert _deleted(any_db, Party, agreement_id=a.id) == {p1.id: True, p2.id: True}
    assert _deleted(any_db, Commitment, agreement_id=a.id) == {c1.id: True, c2.id: True}
    assert _deleted(any_db, Amendment, agreement_id=a.id) == {am.id: True}
    assert set(_deleted(any_db, MeetingAgreement, agreement_id=a.id).values()) == {True}
    assert agreements.count_agreements(any_db) == 0
    assert meetings.get_meeting(any_db, m.id).agreement_ids == ()
    with pytest.raises(NotFoundError):
        agreements.agreement_detail(any_db, a.id)

    agreements.restore_agreement(any_db, a.id)
    assert _deleted(any_db, Party, agreement_id=a.id) == {p1.id: False, p2.id: True}
    assert _deleted(any_db, Commitment, agreement_id=a.id) == {c1.id: False, c2.id: True}
    assert _deleted(any_db, Amendment, agreement_id=a.id) == {am.id: False}
    detail = agreements.agreement_detail(any_db, a.id)
    assert [p.id for p in detail.parties] == [p1.id]
    assert [c.id for c in detail.commitments] == [c1.id]
    assert meetings.get_meeting(any_db, m.id).agreement_ids == (a.id,)


def test_deleting_a_meeting_cascades_and_restores(any_db: Database) -> None:
    c = person(any_db)
    m = meeting(any_db)
    att = meetings.add_attendee(any_db, m.id, AttendeeInput(contact_id=c.id))
    keep = meetings.add_agenda_item(any_db, m.id, AgendaItemInput(title_ko="안건 1"))
    gone = meetings.add_agenda_item(any_db, m.id, AgendaItemInput(title_ko="안건 2"))
    meetings.add_decision(any_db, m.id, DecisionInput(text_ko="결정"))
    meetings.add_action_item(any_db, m.id, ActionItemInput(title_ko="조치"))
    meetings.remove_agenda_item(any_db, gone.id)
    meetings.delete_meeting(any_db, m.id)
    assert _deleted(any_db, AgendaItem, meeting_id=m.id) == {keep.id: True, gone.id: True}
    assert meetings.list_action_items(any_db) == []
    meetings.restore_meeting(any_db, m.id)
    detail = meetings.meeting_detail(any_db, m.id)
    assert [x.title_ko for x in detail.agenda] == ["안건 1"]
    assert [x.id for x in detail.attendees] == [att.id]
    assert len(detail.decisions) == 1 and len(detail.action_items) == 1


def test_deleting_a_contact_or_organization_takes_memberships_along(any_db: Database) -> None:
    o = org(any_db)
    other = org(any_db, "한국산업기술평가관리원")
    c = person(any_db)
    m1 = member(any_db, c.id, o.id)
    m2 = member(any_db, c.id, other.id, ended_on=date(2020, 1, 1))
    contacts.delete_contact(any_db, c.id)
    assert _deleted(any_db, Membership, contact_id=c.id) == {m1.id: True, m2.id: True}
    assert contacts.memberships_of_organization(any_db, o.id) == []
    contacts.restore_contact(any_db, c.id)
    assert len(contacts.memberships_of_contact(any_db, c.id)) == 2
    organizations.delete_organization(any_db, o.id)
    assert [m.id for m in contacts.memberships_of_contact(any_db, c.id)] == [m2.id]
    organizations.restore_organization(any_db, o.id)
    assert len(contacts.memberships_of_contact(any_db, c.id)) == 2


def test_audit_records_create_update_delete_restore_with_before_and_after(any_db: Database) -> None:
    any_db.actor = "정수빈"
    rec = org(any_db, "심텍", "Symtec", website="https://example.com")
    organizations.update_organization(
        any_db,
        rec.id,
        OrganizationInput(
            name_ko="심텍", name_en="Simmtech", website="https://example.com", org_kind=OrgKind.MINISTRY
        ),
    )
    organizations.delete_organization(any_db, rec.id)
    organizations.restore_organization(any_db, rec.id)

    events = history.history(any_db, "organization", rec.id)
    assert [e.action for e in events] == ["create", "update", "delete", "restore"]
    assert [e.version for e in events] == [1, 2, 3, 4]
    assert {e.actor for e in events} == {"정수빈"}
    create, update, delete, restore = events
    assert create.changes["name_ko"] == [None, "심텍"]
    assert create.changes["org_kind"] == [None, "ministry"]
    assert "notes" not in create.changes  # blank values are not listed
    assert update.changes == {"name_en": ["Symtec", "Simmtech"]}
    assert delete.changes["deleted_at"][0] is None
    assert datetime.fromisoformat(delete.changes["deleted_at"][1]).tzinfo is not None
    assert restore.changes["deleted_at"][1] is None
    assert all(e.occurred_at.tzinfo is not None for e in events)


def test_every_write_leaves_exactly_one_event_per_changed_record(any_db: Database) -> None:
    a = agreement(any_db)
    o = org(any_db)
    p = party(any_db, a.id, o.id)
    with any_db.session() as s:
        before = len(s.scalars(select(AuditEvent)).all())
    agreements.delete_agreement(any_db, a.id)  # agreement + its party
    with any_db.session() as s:
        new = s.scalars(select(AuditEvent).order_by(AuditEvent.occurred_at)).all()[before:]
    assert sorted((e.entity_kind, e.action) for e in new) == [("agreement", "delete"), ("party", "delete")]
    assert {e.entity_id for e in new} == {a.id, p.id}


def test_history_restore_value_puts_back_the_old_value(any_db: Database) -> None:
    rec = org(any_db, "심텍", "Symtec")
    organizations.update_organization(any_db, rec.id, OrganizationInput(name_ko="심텍", name_en="Simmtech"))
    update = history.history(any_db, "organization", rec.id)[1]
    history.restore_value(any_db, "organization", rec.id, update.id, "name_en", expected_version=2)
    assert organizations.get_organization(any_db, rec.id).name_en == "Symtec"
    with pytest.raises(ValidationError):
        history.restore_value(any_db, "organization", rec.id, update.id, "website")
    with pytest.raises(ValidationError):
        history.history(any_db, "planet", rec.id)


def test_recent_changes_lists_live_records_once(any_db: Database) -> None:
    a = agreement(any_db, "가 협약")
    b = agreement(any_db, "나 협약")
    agreements.update_agreement(
        any_db, a.id, agreements.AgreementInput(title_ko="가 협약 (수정)", signed_on=None)
    )
    agreements.delete_agreement(any_db, b.id)
    recent = history.recent_changes(any_db)
    assert [(r.label_ko, r.label_en, r.action) for r in recent] == [("가 협약 (수정)", "", "update")]
    assert recent[0].label("en") == "가 협약 (수정)"  # no English title: the Korean one (the UI marks it)
    assert recent[0].occurred_at <= clock.now()


def test_attachments_follow_their_record_and_its_children(any_db: Database, tmp_path: Path) -> None:
    from app.services import attachments

    a = agreement(any_db)
    c = commitment(any_db, a.id)
    keep_alone = meeting(any_db)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    on_agreement = attachments.add_attachment(any_db, "agreement", a.id, scan)
    on_commitment = attachments.add_attachment(any_db, "commitment", c.id, scan)
    removed_before = attachments.add_attachment(any_db, "agreement", a.id, scan, description="먼저 삭제")
    on_meeting = attachments.add_attachment(any_db, "meeting", keep_alone.id, scan)
    attachments.remove_attachment(any_db, removed_before.id)
    agreements.delete_agreement(any_db, a.id)
    with pytest.raises(NotFoundError):
        attachments.attachment_file(any_db, on_agreement.id)
    with pytest.raises(NotFoundError):
        attachments.attachment_file(any_db, on_commitment.id)
    assert attachments.attachment_file(any_db, on_meeting.id).read_bytes() == b"%PDF-1.4 scan"
    agreements.restore_agreement(any_db, a.id)
    assert [x.id for x in attachments.list_attachments(any_db, "agreement", a.id)] == [on_agreement.id]
    assert [x.id for x in attachments.list_attachments(any_db, "commitment", c.id)] == [on_commitment.id]
    meetings.delete_meeting(any_db, keep_alone.id)
    assert attachments.list_attachments(any_db, "meeting", keep_alone.id) == []
