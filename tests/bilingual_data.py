"""A small database complete in both languages, for the one-language briefing tests.

Every text a briefing prints exists in Korean and English: an agreement with three parties
(signatories with their titles at signing), an amendment, commitments (one overdue), people
with positions, a meeting held in Washington (its times in New York's zone), its agenda,
decisions and action items (one carried over to the next meeting), a guest, and the next
meeting in Seoul at 14:00~16:00. Fictional: people are at example.com.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from uuid import UUID

from app import clock, zones
from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AgreementInput,
    AmendmentInput,
    AttendeeInput,
    CommitmentInput,
    ContactInput,
    DecisionInput,
    MeetingInput,
    MembershipInput,
    OrganizationInput,
    PartyInput,
)
from app.enums import AgreementKind, AgreementStatus, CommitmentStatus, OrgKind, PartyRole
from app.services import (
    action_items,
    agreements,
    commitments,
    contacts,
    meeting_parts,
    meetings,
    organizations,
)


@dataclass(frozen=True)
class Ids:
    agreement: UUID
    organization: UUID  # the association: a party, at both meetings, owns an action item
    ministry: UUID
    foreign: UUID
    held_meeting: UUID  # in Washington, New York's zone
    upcoming_meeting: UUID  # in Seoul, 14:00~16:00
    agenda_item: UUID
    contact: UUID  # the association's team leader


def build(db: Database) -> Ids:
    today = zones.in_zone(clock.now(), zones.HOME).date()
    org = organizations.create_organization
    motie = org(
        db,
        OrganizationInput(
            name_ko="산업통상자원부",
            name_en="Ministry of Trade, Industry and Energy",
            short_name="MOTIE",
            org_kind=OrgKind.MINISTRY,
        ),
    )
    ksia = org(
        db,
        OrganizationInput(
            name_ko="한국반도체산업협회",
            name_en="Korea Semiconductor Industry Association",
            short_name="KSIA",
            org_kind=OrgKind.ASSOCIATION,
            notes="반도체 업계 의견을 모아 전달\nGathers and passes on the industry's views",
        ),
    )
    lab = org(
        db,
        OrganizationInput(
            name_ko="예시 패키징 연구소",
            name_en="Example Packaging Research Center",
            org_kind=OrgKind.FOREIGN_BODY,
            country="US",
            notes="예시 기관(가상) / Example body (fictional)",
        ),
    )
    people: dict[str, UUID] = {}
    for key, ko, en, where, title, dept in (
        (
            "han",
            "한지윤",
            "Jiyoon Han",
            motie.id,
            ("과장", "Director"),
            ("반도체과", "Semiconductor Division"),
        ),
        (
            "bae",
            "배준호",
            "Junho Bae",
            ksia.id,
            ("팀장", "Team Leader"),
            ("정책지원팀", "Policy Support Team"),
        ),
        (
            "carter",
            "에밀리 카터",
            "Emily Carter",
            lab.id,
            ("소장", "Director"),
            ("연구기획실", "Research Planning"),
        ),
    ):
        contact = contacts.create_contact(
            db, ContactInput(name_ko=ko, name_en=en, email=f"{key}@example.com", phone="02-0000-0000")
        )
        contacts.add_membership(
            db,
            MembershipInput(
                contact_id=contact.id,
                organization_id=where,
                title_ko=title[0],
                title_en=title[1],
                department_ko=dept[0],
                department_en=dept[1],
                started_on=date(2021, 3, 2),
            ),
        )
        people[key] = contact.id

    ref = agreements.create_agreement(
        db,
        AgreementInput(
            title_ko="첨단 패키징 공동연구 협약(예시)",
            title_en="Example agreement on joint research in advanced packaging",
            reference_no="EX-2024-007",
            agreement_kind=AgreementKind.AGREEMENT,
            status=AgreementStatus.IN_FORCE,
            signed_on=date(2024, 5, 14),
            effective_on=date(2024, 5, 14),
            expires_on=today + timedelta(days=120),
            place_ko="정부세종청사",
            place_en="Government Complex Sejong",
            summary_ko="첨단 패키징 공동연구 추진\n- 해외 연구기관과 협력체계 구축",
            summary_en="Joint research on advanced packaging\n- A framework for work with research centres abroad",
            tags=("반도체", "R&D"),
        ),
    )
    party_ids = {}
    for key, org_id, role, person, title in (
        ("motie", motie.id, PartyRole.LEAD, "han", ("과장", "Director")),
        ("ksia", ksia.id, PartyRole.SIGNATORY, "bae", ("팀장", "Team Leader")),
        ("lab", lab.id, PartyRole.SIGNATORY, "carter", ("소장", "Director")),
    ):
        view = agreements.add_party(
            db,
            ref.id,
            PartyInput(
                organization_id=org_id,
                role=role,
                signatory_contact_id=people[person],
                signatory_title_ko=title[0],
                signatory_title_en=title[1],
                signed_on=date(2024, 5, 14),
            ),
        )
        party_ids[key] = view.id
    agreements.add_amendment(
        db,
        AmendmentInput(
            agreement_id=ref.id,
            amended_on=date(2025, 3, 4),
            title_ko="협력 기간 연장",
            title_en="Term extended",
            summary_ko="협력 기간을 1년 연장",
            summary_en="The term of cooperation runs one more year",
            effect_ko="만료일 변경",
            effect_en="New expiry date",
        ),
    )
    late = commitments.create_commitment(
        db,
        CommitmentInput(
            agreement_id=ref.id,
            party_id=party_ids["ksia"],
            title_ko="업계 수요조사 결과 제출",
            title_en="Survey of the industry's needs handed in",
            description_ko="회원사 대상 설문",
            description_en="A questionnaire to member companies",
            due_on=today - timedelta(days=20),
            status=CommitmentStatus.IN_PROGRESS,
        ),
    )
    commitments.create_commitment(
        db,
        CommitmentInput(
            agreement_id=ref.id,
            party_id=party_ids["lab"],
            title_ko="공동 시험평가 계획 수립",
            title_en="A joint test and evaluation plan",
            due_on=today + timedelta(days=60),
        ),
    )

    held_day = today - timedelta(days=30)
    new_york = "America/New_York"
    held = meetings.create_meeting(
        db,
        MeetingInput(
            title_ko="공동연구 점검회의 (1차)",
            title_en="Joint research review (1st)",
            starts_at=zones.to_utc(zones.at(held_day, time(9, 0), new_york)),
            ends_at=zones.to_utc(zones.at(held_day, time(11, 30), new_york)),
            time_zone=new_york,
            place_ko="예시 패키징 연구소 회의실 (워싱턴)",
            place_en="Example Packaging Research Center, meeting room (Washington)",
            summary_ko="연구 일정 점검\n- 시험평가 장비 공동 활용 논의",
            summary_en="The research schedule reviewed\n- Sharing the test equipment discussed",
            agreement_ids=(ref.id,),
        ),
    )
    agenda = meeting_parts.add_agenda_item(
        db,
        held.id,
        AgendaItemInput(
            title_ko="연구 일정 점검",
            title_en="Research schedule",
            discussion_ko="1단계 과제 일정 확인",
            discussion_en="Phase one dates confirmed",
        ),
    )
    meeting_parts.add_decision(
        db, held.id, DecisionInput(text_ko="시험평가 장비 공동 활용", text_en="The test equipment is shared")
    )
    for person, org_id in (("han", motie.id), ("bae", ksia.id), ("carter", lab.id)):
        meeting_parts.add_attendee(
            db, held.id, AttendeeInput(contact_id=people[person], organization_id=org_id)
        )
    meeting_parts.add_attendee(
        db,
        held.id,
        AttendeeInput(
            guest_name_ko="마크 리",
            guest_name_en="Mark Lee",
            guest_organization_ko="예시 장비사",
            guest_organization_en="Example Tools Inc.",
            title_ko="부장",
            title_en="General Manager",
        ),
    )
    chased = action_items.add_action_item(
        db,
        held.id,
        ActionItemInput(
            title_ko="장비 사용 일정표 공유",
            title_en="Equipment schedule shared",
            owner_contact_id=people["bae"],
            owner_organization_id=ksia.id,
            due_on=today - timedelta(days=5),
            commitment_id=late.id,
        ),
    )

    next_day = today + timedelta(days=7)
    upcoming = meetings.create_meeting(
        db,
        MeetingInput(
            title_ko="공동연구 점검회의 (2차)",
            title_en="Joint research review (2nd)",
            starts_at=zones.to_utc(zones.at(next_day, time(14, 0), zones.HOME)),
            ends_at=zones.to_utc(zones.at(next_day, time(16, 0), zones.HOME)),
            place_ko="정부세종청사 회의실",
            place_en="Government Complex Sejong, meeting room",
            agreement_ids=(ref.id,),
            purpose_ko="1단계 성과 점검",
            purpose_en="To review what phase one has delivered",
            issues_ko="장비 공동 활용 비용 분담",
            issues_en="Sharing the cost of the equipment",
            talking_points_ko="비용 분담 원칙 제시",
            talking_points_en="We put forward how the cost is shared",
        ),
    )
    meeting_parts.add_agenda_item(
        db, upcoming.id, AgendaItemInput(title_ko="1단계 성과 보고", title_en="Phase one results")
    )
    for person, org_id in (("han", motie.id), ("bae", ksia.id)):
        meeting_parts.add_attendee(
            db, upcoming.id, AttendeeInput(contact_id=people[person], organization_id=org_id)
        )
    action_items.carry_over(db, chased.id, upcoming.id)
    return Ids(
        agreement=ref.id,
        organization=ksia.id,
        ministry=motie.id,
        foreign=lab.id,
        held_meeting=held.id,
        upcoming_meeting=upcoming.id,
        agenda_item=agenda.id,
        contact=people["bae"],
    )
