"""The pre-meeting brief of the demo's upcoming meeting reads as a 회의자료: purpose, issues,
talking points, attendees under 우리측 and 상대측, and where each open item was assigned."""

from __future__ import annotations

import pytest
from report_reader import demo_ids, read_docx, read_pdf, squash

from app.db import Database
from app.progress import Progress
from app.services.settings import BriefingAuthor
from reports import BriefingRequest, generate_briefing

pytestmark = pytest.mark.dates

OURS = BriefingAuthor(department_ko="반도체과", author_ko="홍길동", our_organization="산업통상자원부")


def _pdf_text(db: Database, lang: str, author: BriefingAuthor = OURS) -> str:
    ids = demo_ids(db)
    request = BriefingRequest("meeting", ids.upcoming_meeting, lang=lang, key="premeeting", author=author)
    return read_pdf(generate_briefing(db, request, Progress())).text


def _between(text: str, start: str, end: str) -> str:
    flat = squash(text)
    begin = flat.index(squash(start))
    stop = flat.find(squash(end), begin)
    return flat[begin : stop if stop >= 0 else len(flat)]


def test_korean_premeeting_brief_has_purpose_issues_talking_points_and_sides(demo_sqlite: Database) -> None:
    text = _pdf_text(demo_sqlite, "ko")
    for expected in (
        "배경·목적",
        "이월된 조치사항과 차년도 R&D 사업 계획을 확정",
        "주요 쟁점",
        "해외 연구기관 협력 후보 선정 기준",
        "우리측 입장·말씀자료",
        "해외 협력 후보 목록은 연내 확정",
        "우리측",
        "상대측",
    ):
        assert squash(expected) in squash(text), expected
    ours = _between(text, "우리측\n", "상대측")
    theirs = _between(text, "상대측", "관련 협약 현황")
    assert "산업통상자원부" in ours and "한국반도체산업협회" not in ours
    assert "한국반도체산업협회" in theirs and "산업통상자원부" not in theirs
    # The item carried over from the second meeting names that meeting, not the upcoming one.
    chase = _between(text, "점검할 미결 조치사항", "\x00")
    assert squash("후속 실무협의회 (2차)") in chase and squash("이월 1회") in chase


def test_english_premeeting_brief_in_docx(demo_sqlite: Database) -> None:
    ids = demo_ids(demo_sqlite)
    request = BriefingRequest(
        "meeting", ids.upcoming_meeting, lang="en", format="docx", key="premeeting", author=OURS
    )
    doc = read_docx(generate_briefing(demo_sqlite, request, Progress()))
    for expected in (
        "Purpose and background",
        "settle the action items carried over",
        "Key issues",
        "Our position and talking points",
        "Fix the list of overseas partners this year",
        "Our side",
        "Their side",
        "carried over 1×",
    ):
        assert doc.has(expected), expected


def test_without_our_organization_the_attendees_are_one_list(demo_sqlite: Database) -> None:
    text = _pdf_text(demo_sqlite, "ko", BriefingAuthor())
    assert "상대측" not in text and "참석자" in text
