"""Every briefing type for the reference agreement, in Korean and English, as PDF and DOCX, read back."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from report_reader import DemoIds, demo_ids, read_docx, read_pdf

from app.db import Database
from app.progress import Cancelled, Progress
from app.services.opening import open_database
from reports import BriefingRequest, generate_briefing
from reports.templates import BRIEFING_TYPES

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)

# What a reader must find in each briefing: (type, lang) -> texts.
EXPECTED: dict[tuple[str, str], list[str]] = {
    ("agreement", "ko"): [
        "반도체 첨단 패키징 기술개발 협력 협약",
        "협약 브리핑",
        "참여기관",
        "주관기관",
        "서명기관",
        "이행 과제",
        "기한 경과",
        "변경 협약",
        "Ⅴ. 회의",
        "□",
        "○",
        "핵심 요약",
        "미결 조치사항",
        "연락처",
        "발효 중",
        "2023. 8. 29.",
        "산업통상자원부",
        "한지윤 (과장)",
    ],
    ("agreement", "en"): [
        "Agreement on cooperation for semiconductor advanced packaging technology development",
        "Agreement briefing",
        "Parties",
        "Lead",
        "Signatory",
        "Commitments",
        "Overdue",
        "Amendments",
        "V. Meetings",
        "Summary",
        "Open action items",
        "Contacts for follow-up",
        "In force",
        "29 Aug 2023",
        "Ministry of Trade, Industry and Energy",
        "Jiyoon Han (Director)",  # the title at signing in English (it read "(과장)")
    ],
    ("counterpart", "ko"): [
        "한국반도체산업협회",
        "기관 브리핑",
        "함께한 협약",
        "담당자",
        "배준호",
        "미결 조치사항",
    ],
    ("counterpart", "en"): [
        "Korea Semiconductor Industry Association",
        "Counterpart briefing",
        "Our agreements with them",
        "People we deal with",
        "Junho Bae",
        "Association",
    ],
    ("premeeting", "ko"): [
        "실무협의회 (4차)",
        "회의 사전 자료",
        "안건",
        "참석자",
        "관련 협약 현황",
        "점검할 미결 조치사항",
    ],
    ("premeeting", "en"): [
        "Advanced packaging agreement: working council (4th)",
        "Pre-meeting brief",
        "Agenda",
        "Attendees",
        "Background on linked agreements",
        "Open action items to chase",
    ],
    ("minutes", "ko"): [
        "이행 점검회의 (3차)",
        "회의록",
        "참석자",
        "안건",
        "결정사항",
        "조치사항",
        "서명",
        "작성",
        "확인",
    ],
    ("minutes", "en"): [
        "Advanced packaging agreement: progress review (3rd)",
        "Minutes record",
        "Attendees",
        "Decisions",
        "Action items",
        "Signatures",
        "Recorded by",
        "Approved by",
    ],
    ("portfolio", "ko"): [
        "협약 현황",
        "상태별 협약 수",
        "만료 예정 협약",
        "기한 경과 이행 과제",
        "협약 목록",
        "협의 중",
    ],
    ("portfolio", "en"): [
        "Portfolio overview",
        "Agreements by status",
        "Upcoming expiries",
        "Overdue commitments",
        "All agreements",
        "Under negotiation",
    ],
}

TARGET = {
    "agreement": ("agreement", "agreement"),
    "counterpart": ("organization", "organization"),
    "premeeting": ("meeting", "upcoming_meeting"),
    "minutes": ("meeting", "held_meeting"),
    "portfolio": ("portfolio", None),
}
MARKING = {"ko": "대외비", "en": "RESTRICTED"}
PAGE_LABEL = {"ko": "- {page} -", "en": "Page {page} of {pages}"}


def request_for(ids: DemoIds, key: str, lang: str, fmt: str, marking: str | None = None) -> BriefingRequest:
    kind, attr = TARGET[key]
    target: UUID | None = getattr(ids, attr) if attr else None
    return BriefingRequest(
        target=kind, target_id=target, lang=lang, format=fmt, classification=marking, key=key
    )


@pytest.fixture(scope="module")
def shared_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One demo database for the read-only rendering tests of this module (loading takes a second)."""
    from app.demo import load_demo
    from app.paths import app_paths

    database = open_database(paths=app_paths(tmp_path_factory.mktemp("briefings-home")))
    load_demo(database)
    yield database
    database.close()


def word_title(doc: object) -> Any:
    """The title paragraph: the first cell of the title box (the first table)."""
    return doc.document.tables[0].rows[0].cells[0].paragraphs[0]  # type: ignore[attr-defined]


@pytest.fixture
def ids(shared_demo: Database) -> DemoIds:
    return demo_ids(shared_demo)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("key", list(TARGET))
def test_pdf_reads_as_a_briefing(shared_demo: Database, ids: DemoIds, key: str, lang: str) -> None:
    data = generate_briefing(shared_demo, request_for(ids, key, lang, "pdf", MARKING[lang]), Progress())
    pdf = read_pdf(data)
    missing = [t for t in EXPECTED[(key, lang)] if not pdf.has(t)]
    assert not missing, f"not in the PDF: {missing}"

    # Fonts: all embedded, the Korean font used, nothing else (no unembedded Helvetica).
    assert pdf.fonts and all(embedded for _, embedded in pdf.fonts), pdf.fonts
    assert all("NanumGothic" in name for name, _ in pdf.fonts), pdf.fonts

    # Every page: "page x of y" and the marking.
    total = len(pdf.pages)
    for number, text in enumerate(pdf.pages, start=1):
        label = PAGE_LABEL[lang].format(page=number, pages=total)
        assert label in text, f"page {number}: no '{label}'"
        assert MARKING[lang] in text, f"page {number}: no marking"

    # Metadata and bookmarks.
    kind_name = BRIEFING_TYPES[key].name(lang)
    assert pdf.metadata["/Subject"] == kind_name
    assert pdf.metadata["/Author"]
    assert pdf.metadata["/Title"] and pdf.has(pdf.metadata["/Title"])
    assert len(pdf.outline) >= 3
    first_heading = {"ko": {"portfolio": "Ⅰ. 선택 조건"}, "en": {"portfolio": "I. Filter"}}
    assert first_heading[lang].get(key, pdf.outline[0]) == pdf.outline[0]
    for entry in pdf.outline:
        assert pdf.has(entry), entry


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("key", list(TARGET))
def test_docx_uses_word_styles(shared_demo: Database, ids: DemoIds, key: str, lang: str) -> None:
    data = generate_briefing(shared_demo, request_for(ids, key, lang, "docx", MARKING[lang]), Progress())
    doc = read_docx(data)
    missing = [t for t in EXPECTED[(key, lang)] if not doc.has(t)]
    assert not missing, f"not in the DOCX: {missing}"

    styles = {style for style, _ in doc.headings}
    assert "Heading 1" in styles
    title_box = word_title(doc)
    assert title_box.style.name == "Title" and doc.has(title_box.text)
    assert doc.table_styles and set(doc.table_styles) <= {"Table Grid", "Normal Table"}
    assert "Table Grid" in doc.table_styles

    # Korean shows in Word: the East Asian font is set on Normal and on the headings.
    word = doc.document
    # 맑은 고딕, which every Korean Windows has (not the bundled NanumGothic, which Word lacks).
    w_ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for name in ("Normal", "Heading 1", "Title"):
        fonts = word.styles[name].element.rPr.rFonts
        assert fonts.get(f"{w_ns}eastAsia") == "맑은 고딕"
        assert fonts.get(f"{w_ns}ascii") == "Malgun Gothic"

    # Header: marking; footer: PAGE and NUMPAGES fields and the date.
    assert MARKING[lang] in doc.header_xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", doc.footer_xml)
    if lang == "en":
        assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", doc.footer_xml)
    assert ("작성일" if lang == "ko" else "Generated") in doc.footer_xml
    assert MARKING[lang] in doc.footer_xml

    props = word.core_properties
    assert props.title and doc.has(props.title)
    assert props.subject == BRIEFING_TYPES[key].name(lang)
    assert props.author == "Partnership Desk"
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_no_marking_when_not_asked(shared_demo: Database, ids: DemoIds) -> None:
    pdf = read_pdf(generate_briefing(shared_demo, request_for(ids, "agreement", "en", "pdf"), Progress()))
    assert "RESTRICTED" not in pdf.text and "대외비" not in pdf.text
    doc = read_docx(generate_briefing(shared_demo, request_for(ids, "agreement", "en", "docx"), Progress()))
    assert "RESTRICTED" not in doc.header_xml


def test_meeting_default_type_follows_the_date(shared_demo: Database, ids: DemoIds) -> None:
    from reports import briefing_type

    assert briefing_type(shared_demo, BriefingRequest("meeting", ids.upcoming_meeting)).key == "premeeting"
    assert briefing_type(shared_demo, BriefingRequest("meeting", ids.held_meeting)).key == "minutes"


def test_overdue_commitment_is_marked(shared_demo: Database, ids: DemoIds) -> None:
    from reports import build_document
    from reports.document import DataTable

    for lang, commitment, action, overdue in (
        ("en", "US and EU semiconductor research centres", "candidate overseas research partners", "Overdue"),
        ("ko", "미국·EU 반도체 연구기관", "해외 연구기관 협력 후보 목록 작성", "기한 경과"),
    ):
        doc = build_document(shared_demo, request_for(ids, "agreement", lang, "pdf"))
        marked = [t.rows[i] for t in doc.blocks if isinstance(t, DataTable) for i in t.highlight]
        titles = " ".join(" ".join(row) for row in marked)
        assert commitment in titles  # the demo's overdue commitment
        assert action in titles  # the overdue action item, carried over
        assert all(overdue in " ".join(row) for row in marked)


def test_portfolio_filter(shared_demo: Database) -> None:
    from app.dto import AgreementQuery
    from app.enums import AgreementStatus

    request = BriefingRequest(
        "portfolio", lang="en", portfolio_filter=AgreementQuery(statuses=(AgreementStatus.EXPIRED,))
    )
    pdf = read_pdf(generate_briefing(shared_demo, request, Progress()))
    assert pdf.has("Agreements (filtered)")
    assert pdf.has("Example agreement on system-semiconductor skills")
    assert not pdf.has("Example MOU on next-generation power semiconductors")


def test_progress_and_cancel(shared_demo: Database, ids: DemoIds) -> None:
    seen: list[tuple[int, int]] = []
    progress = Progress(on_report=lambda done, total, _label: seen.append((done, total)))
    generate_briefing(shared_demo, request_for(ids, "agreement", "ko", "pdf"), progress)
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    stopped = Progress()
    stopped.cancel()
    with pytest.raises(Cancelled):
        generate_briefing(shared_demo, request_for(ids, "agreement", "ko", "pdf"), stopped)


def test_briefing_on_both_databases(demo_db: Database) -> None:
    """One briefing per database kind (PostgreSQL when the test server is there)."""
    ids = demo_ids(demo_db)
    pdf = read_pdf(generate_briefing(demo_db, request_for(ids, "agreement", "ko", "pdf"), Progress()))
    assert pdf.has("반도체 첨단 패키징 기술개발 협력 협약") and pdf.has("한국반도체산업협회")
    doc = read_docx(generate_briefing(demo_db, request_for(ids, "minutes", "en", "docx"), Progress()))
    assert doc.has("Decisions")


def test_write_briefing_is_atomic(shared_demo: Database, ids: DemoIds, tmp_path: object) -> None:
    from pathlib import Path

    from app.errors import NotFoundError
    from reports import write_briefing

    target = Path(str(tmp_path)) / "out" / "brief.pdf"
    write_briefing(shared_demo, request_for(ids, "agreement", "en", "pdf"), target)
    before = target.read_bytes()
    assert before.startswith(b"%PDF")
    bad = BriefingRequest("agreement", UUID(int=1), lang="en")
    with pytest.raises(NotFoundError):
        write_briefing(shared_demo, bad, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["brief.pdf"]


def test_importing_reports_stays_light() -> None:
    code = (
        "import sys, reports, reports.templates, reports.document\n"
        "heavy = [m for m in ('reportlab', 'docx', 'PySide6') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_character_has_a_glyph_in_the_korean_font(
    shared_demo: Database, ids: DemoIds, lang: str
) -> None:
    """No empty boxes: each character the briefings print exists in NanumGothic."""
    from reportlab.pdfbase import pdfmetrics

    from reports import build_document
    from reports.pdf import FONT, register_fonts

    register_fonts()
    glyphs = pdfmetrics.getFont(FONT).face.charToGlyph
    for key in TARGET:
        doc = build_document(shared_demo, request_for(ids, key, lang, "pdf", MARKING[lang]))
        text = "".join(doc.text_items()) + doc.page_label + doc.generated_label + doc.highlight_note
        missing = sorted({c for c in text if not c.isspace() and ord(c) not in glyphs})
        assert not missing, f"{key}: no glyph for {missing}"
