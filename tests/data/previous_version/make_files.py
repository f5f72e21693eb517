"""Writes the files in this folder with the PREVIOUS version of Partnership Desk (commit 7209451,
schema 0010: one text field per title, place, summary...), as a laptop not yet upgraded would.

Not run by the tests (the files are committed); to make them again:

    mkdir -p /tmp/prev && git archive 7209451 | tar -x -C /tmp/prev
    cd /tmp/prev && /path/to/.venv/bin/python /path/to/tests/data/previous_version/make_files.py OUT_DIR

Two laptops, L and L2, on a fixed clock (March 2026). L records an agreement, people and a
meeting with its minutes, then writes ``archive.json`` (the JSON archive) and ``full.pdx``
(a full exchange file). L2 imports ``full.pdx``; both then edit, L2 later than L, the same
agenda item's title (a conflict on the old field ``title``); L also edits the meeting's
title, moves its place to English, edits the decision and a position's title, then imports
L2's changes and writes ``edits.pdx`` (what changed since 11 March: rows, their field-level
history with the old field names, and the conflict). ``contacts_ko.csv``/``contacts_en.csv``
are L's contacts list as that version exported it (one 직위/Title and 부서/Department column)
and ``meetings.ics`` its meetings (SUMMARY without a language, times in UTC), both written
right after ``archive.json``.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the previous version's checkout

from app import clock
from app.archive import export_archive
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AgreementInput,
    AmendmentInput,
    AttendeeInput,
    CommitmentInput,
    ContactInput,
    MeetingInput,
    MembershipInput,
    OrganizationInput,
    PartyInput,
)
from app.enums import OrgKind, PartyRole
from app.exchange import export_bundle, import_bundle
from app.i18n import set_language
from app.paths import app_paths
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import open_database
from app.transfer.export import export_list

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
work = out / "work"
clock.set_clock(clock.SteppingClock(datetime(2026, 3, 10, 1, 0, tzinfo=UTC)))

laptop = open_database(str(work / "l.sqlite3"), paths=app_paths(work / "home-l"))
laptop.actor = "laptop-l"
motie = organizations.create_organization(
    laptop,
    OrganizationInput(
        name_ko="산업통상자원부", name_en="Ministry of Trade, Industry and Energy", org_kind=OrgKind.MINISTRY
    ),
)
osat = organizations.create_organization(
    laptop,
    OrganizationInput(
        name_ko="예시 글로벌 OSAT", name_en="Example Global OSAT Ltd.", org_kind=OrgKind.COMPANY
    ),
)
han = contacts.create_contact(
    laptop, ContactInput(name_ko="한지윤", name_en="Jiyoon Han", email="jiyoon.han@example.com")
)
han_position = contacts.add_membership(
    laptop, MembershipInput(han.id, motie.id, title="과장", department="반도체과")
)
kim = contacts.create_contact(laptop, ContactInput(name_en="Daniel Kim", email="daniel.kim@example.com"))
contacts.add_membership(
    laptop, MembershipInput(kim.id, osat.id, title="Director", department="Business Development")
)

deal = agreements.create_agreement(
    laptop,
    AgreementInput(
        title_ko="예시 첨단 패키징 협력 협약",
        title_en="Example advanced packaging cooperation agreement",
        signed_on=date(2026, 3, 2),
        place="엘타워",
        summary="첨단 패키징 공동 연구를 추진한다.\n\nThe parties pursue joint research on advanced packaging.",
    ),
)
agreements.add_party(
    laptop,
    deal.id,
    PartyInput(motie.id, role=PartyRole.LEAD, signatory_name="홍길동", signatory_title="장관"),
)
agreements.add_party(
    laptop,
    deal.id,
    PartyInput(osat.id, signatory_name="Daniel Kim", signatory_title="Director"),
)
agreements.add_amendment(
    laptop,
    AmendmentInput(
        deal.id, amended_on=date(2026, 3, 9), title="1차 변경", summary="기간 연장", effect="2027년까지"
    ),
)
commitments.create_commitment(
    laptop,
    CommitmentInput(
        deal.id,
        title="테스트베드 구축",
        description="Testbed for advanced packaging",
        due_on=date(2026, 12, 31),
    ),
)

minutes = meetings.create_meeting(
    laptop,
    MeetingInput(
        title="실무협의회 (1차)",
        starts_at=datetime(2026, 3, 10, 5, 0, tzinfo=UTC),  # 14:00 in Seoul
        ends_at=datetime(2026, 3, 10, 7, 0, tzinfo=UTC),
        place="세종청사 6동",
        summary="첫 회의: 추진 체계 확정\n\nFirst meeting: the working structure was agreed.",
        agreement_ids=(deal.id,),
    ),
)
meetings.add_attendee(laptop, minutes.id, AttendeeInput(contact_id=han.id))
meetings.add_attendee(
    laptop,
    minutes.id,
    AttendeeInput(guest_name="Grace Lee", guest_organization="Example Institute", title="Senior Researcher"),
)
agenda = meetings.add_agenda_item(
    laptop, minutes.id, AgendaItemInput(title="추진 체계", discussion="분과별 간사 지정")
)
decision = meetings.add_decision(laptop, minutes.id, "분기별 회의 개최")
meetings.add_action_item(
    laptop,
    minutes.id,
    ActionItemInput(title="Draft the work plan", owner_contact_id=han.id, due_on=date(2026, 4, 1)),
)

export_archive(laptop, out / "archive.json")
export_bundle(laptop, out / "full.pdx")
for lang in ("ko", "en"):  # the lists, with the headers of each language
    set_language(lang)
    export_list(laptop, "contacts", "csv", out / f"contacts_{lang}.csv")
export_list(laptop, "meetings", "ics", out / "meetings.ics")

second = open_database(str(work / "l2.sqlite3"), paths=app_paths(work / "home-l2"))
second.actor = "laptop-l2"
import_bundle(second, out / "full.pdx", backup=False)

clock.current().set(datetime(2026, 3, 12, 1, 0, tzinfo=UTC))  # type: ignore[attr-defined]
record = meetings.get_meeting(laptop, minutes.id)
meetings.update_meeting(
    laptop,
    minutes.id,
    MeetingInput(
        title="실무협의회 (1차 회의)",
        starts_at=record.starts_at,
        ends_at=record.ends_at,
        place="Sejong Government Complex, Building 6",
        summary=record.summary,
        agreement_ids=record.agreement_ids,
    ),
    record.version,
)
meetings.update_decision(laptop, decision.id, "분기별 회의 개최 (차기: 6월)")
contacts.update_membership(
    laptop, han_position.id, MembershipInput(han.id, motie.id, title="팀장", department="반도체과")
)
meetings.update_agenda_item(
    laptop, agenda.id, AgendaItemInput(title="추진 체계 확정", discussion="분과별 간사 지정")
)

clock.current().set(datetime(2026, 3, 12, 2, 0, tzinfo=UTC))  # type: ignore[attr-defined]
meetings.update_agenda_item(
    second, agenda.id, AgendaItemInput(title="추진 체계 및 일정", discussion="분과별 간사 지정")
)
export_bundle(second, work / "l2.pdx")
import_bundle(laptop, work / "l2.pdx", backup=False)

clock.current().set(datetime(2026, 3, 12, 3, 0, tzinfo=UTC))  # type: ignore[attr-defined]
export_bundle(laptop, out / "edits.pdx", since=datetime(2026, 3, 11, tzinfo=UTC))
laptop.close()
second.close()
assert clock.now() - datetime(2026, 3, 12, 3, 0, tzinfo=UTC) < timedelta(hours=1)
