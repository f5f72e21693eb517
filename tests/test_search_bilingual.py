"""Search in both languages: a query in either language finds the record, whose hit carries both
titles; ``hit.title(lang)`` marks a title shown in the other language (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from factories import agreement, commitment, meeting, member, org, person

from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AmendmentInput,
    DecisionInput,
    MeetingInput,
    MembershipInput,
    Shown,
)
from app.search import SearchHit, search
from app.services import agreements, attachments, contacts, meetings


def found(db: Database, query: str, kind: str | None = None) -> list[tuple[str, str]]:
    """The hits of ``query`` as (Korean title, English title)."""
    return [(h.title_ko, h.title_en) for h in search(db, query, kinds=(kind,) if kind else None)]


def only(db: Database, query: str, kind: str | None = None) -> SearchHit:
    (hit,) = search(db, query, kinds=(kind,) if kind else None)
    return hit


def test_a_meeting_is_found_by_its_korean_and_by_its_english_title(any_db: Database) -> None:
    m = meeting(any_db, "실무협의회", title_en="Working-level meeting")
    for query in ("실무", "협의회", "working", "WORKING-LEVEL", "level meeting", "실무 working"):
        hit = only(any_db, query)
        assert (hit.kind, hit.id, hit.title_ko, hit.title_en) == (
            "meeting",
            m.id,
            "실무협의회",
            "Working-level meeting",
        )
    assert hit.title("en") == Shown("Working-level meeting", "en", missing=False)
    assert hit.title("ko") == Shown("실무협의회", "ko", missing=False)
    assert found(any_db, "실무 plenary") == []  # every word must occur, in either language


def test_a_meeting_is_found_by_the_english_of_its_place_minutes_agenda_decisions_and_actions(
    any_db: Database,
) -> None:
    m = meeting(any_db, "실무협의회", place_en="Eltower, Seoul", summary_en="Supply chain review")
    meetings.add_agenda_item(
        any_db,
        m.id,
        AgendaItemInput(title_ko="인력양성", title_en="Skills", discussion_en="New master's course"),
    )
    meetings.add_decision(any_db, m.id, DecisionInput(text_ko="분기별 개최", text_en="Meet every quarter"))
    action = meetings.add_action_item(any_db, m.id, ActionItemInput(title_en="Draft the budget"))
    for query in ("eltower", "supply chain", "skills", "master", "quarter", "budget", "분기별"):
        assert found(any_db, query) == [("실무협의회", "")], query
    meetings.remove_action_item(any_db, action.id)
    assert found(any_db, "budget") == []
    # The title changed to English only: the hit follows, with no Korean title.
    meetings.update_meeting(
        any_db, m.id, MeetingInput(title_en="Working group", summary_en="Supply chain review")
    )
    assert found(any_db, "supply") == [("", "Working group")]
    assert found(any_db, "실무") == [] and found(any_db, "eltower") == []  # the place was not kept either


def test_a_contact_is_found_by_the_title_and_department_in_either_language(any_db: Database) -> None:
    ministry = org(any_db, "산업통상자원부", "Ministry of Trade, Industry and Energy")
    c = person(any_db, "이서연", "Seoyeon Lee", email="seoyeon.lee@example.com")
    contacts.add_membership(
        any_db,
        MembershipInput(
            contact_id=c.id,
            organization_id=ministry.id,
            title_ko="국장",
            title_en="Director General",
            department_ko="통상정책국",
            department_en="Trade Policy Bureau",
        ),
    )
    for query in ("Director", "director general", "국장", "통상정책", "trade policy", "국장 director"):
        assert found(any_db, query, "contact") == [("이서연", "Seoyeon Lee")], query
    hit = only(any_db, "director", "contact")
    assert "«Director»" in hit.snippet
    # The position's English title changes: the contact is found by the new one only.
    (position,) = contacts.memberships_of_contact(any_db, c.id)
    contacts.update_membership(
        any_db,
        position.id,
        MembershipInput(contact_id=c.id, organization_id=ministry.id, title_ko="국장", title_en="Ambassador"),
    )
    assert found(any_db, "ambassador", "contact") == [("이서연", "Seoyeon Lee")]
    assert found(any_db, "director", "contact") == [] and found(any_db, "trade policy", "contact") == []


def test_a_commitment_is_found_by_its_english_description(any_db: Database) -> None:
    a = agreement(any_db, "반도체 협력 협약", title_en="Semiconductor cooperation agreement")
    commitment(
        any_db,
        a.id,
        "테스트베드 구축",
        title_en="Testbed",
        description_ko="첨단 장비 도입",
        description_en="Advanced equipment for chiplet packaging",
    )
    assert found(any_db, "chiplet") == [("테스트베드 구축", "Testbed")]
    assert found(any_db, "장비 도입") == [("테스트베드 구축", "Testbed")]
    assert only(any_db, "chiplet").parent_id == a.id


def test_an_agreement_is_found_by_the_english_of_its_summary_place_and_amendments(any_db: Database) -> None:
    a = agreement(
        any_db, "반도체 협력 협약", summary_ko="첨단 패키징 협력", summary_en="Cooperation on advanced packaging",
        place_en="Eltower, Seoul",
    )  # fmt: skip
    agreements.add_amendment(
        any_db, AmendmentInput(agreement_id=a.id, title_ko="1차 변경", summary_en="Term extended")
    )
    for query in ("packaging", "패키징", "eltower", "extended"):
        assert found(any_db, query, "agreement") == [("반도체 협력 협약", "")], query


def test_a_title_in_one_language_is_marked_where_the_other_is_wanted(
    any_db: Database, tmp_path: Path
) -> None:
    org(any_db, "하나마이크론")
    org(any_db, "", "Example Global OSAT")
    org(any_db, "SK하이닉스", "SK hynix")
    korean, english, both = only(any_db, "마이크론"), only(any_db, "osat"), only(any_db, "hynix")
    assert (korean.title_ko, korean.title_en) == ("하나마이크론", "")
    assert korean.title("ko") == Shown("하나마이크론", "ko", missing=False)
    assert korean.title("en") == Shown(
        "하나마이크론", "ko", missing=True
    )  # Korean, shown for English: marked
    assert (english.title_ko, english.title_en) == ("", "Example Global OSAT")
    assert english.title("ko") == Shown("Example Global OSAT", "en", missing=True)
    assert english.title("en") == Shown("Example Global OSAT", "en", missing=False)
    assert both.title("ko") == Shown("SK하이닉스", "ko") and both.title("en") == Shown("SK hynix", "en")
    # A file's name is the same in either language: never marked.
    file = tmp_path / "서명본.pdf"
    file.write_bytes(b"%PDF-1.4")
    attachments.add_attachment(any_db, "agreement", agreement(any_db).id, file)
    scan = only(any_db, "서명본", "attachment")
    assert scan.title("en") == Shown("서명본.pdf", "en", missing=False)


def test_every_kind_of_hit_carries_both_titles(any_db: Database) -> None:
    o = org(any_db, "가상기술원", "Example Institute")
    c = person(any_db, "가상인물", "Example Person")
    member(any_db, c.id, o.id, "가상직위", title_en="Example Title")
    a = agreement(any_db, "가상 협약", title_en="Example agreement")
    commitment(any_db, a.id, "가상 과제", title_en="Example commitment")
    meeting(any_db, "가상 회의", title_en="Example meeting")
    hits = {h.kind: (h.title_ko, h.title_en) for h in search(any_db, "가상")}
    assert hits == {
        "agreement": ("가상 협약", "Example agreement"),
        "organization": ("가상기술원", "Example Institute"),
        "contact": ("가상인물", "Example Person"),
        "meeting": ("가상 회의", "Example meeting"),
        "commitment": ("가상 과제", "Example commitment"),
    }
    assert {h.kind: (h.title_ko, h.title_en) for h in search(any_db, "example")} == hits
