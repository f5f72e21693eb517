"""The 보고서 form: the date line from Settings, 개조식 items, ``- 1 -``, the marking twice a page,
and no heading left as the last line of a page (read from the PDF's text positions)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from report_reader import demo_ids, squash

from app.db import Database
from app.services.settings import BriefingAuthor
from cli import main
from reports import BriefingRequest, build_document
from reports.document import Heading

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)

BODY_TOP, BODY_BOTTOM = 842 - 24 * 72 / 25.4, 22 * 72 / 25.4  # the frame of pdf.py, in points


def _lines(data: bytes) -> list[list[tuple[float, str]]]:
    """Per page, the text lines of the body (header and footer left out), top to bottom."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found: dict[float, str] = {}

        def visit(
            text: str, cm: object, tm: list[float], *_: object, found: dict[float, str] = found
        ) -> None:
            if text.strip():
                y = round(float(tm[5]) * float(cm[3]) + float(cm[5]), 0)  # type: ignore[index]
                found[y] = found.get(y, "") + text

        page.extract_text(visitor_text=visit)
        pages.append(sorted(((y, t) for y, t in found.items()), reverse=True))
    return pages


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> None:
    code = main(list(argv))
    _, err = capsys.readouterr()
    assert (code, err) == (0, "")


def test_korean_agreement_briefing_has_the_form(
    demo_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    _run(capsys, "settings", "set", "department", "반도체과")
    _run(capsys, "settings", "set", "author", "홍길동")
    _run(capsys, "settings", "set", "phone", "044-000-0000")
    ids = demo_ids(demo_sqlite)
    out = tmp_path / "brief.pdf"
    _run(
        capsys,
        "brief",
        "agreement",
        str(ids.agreement),
        "--lang",
        "ko",
        "--classification",
        "대외비",
        "-o",
        str(out),
    )
    data = out.read_bytes()
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) >= 2

    first = pages[0]
    line = re.search(
        r"(\d{4})\. (\d{1,2})\. (\d{1,2})\.\(([월화수목금토일])\)\s+반도체과\s+담당 홍길동 \(☎ 044-000-0000\)",
        first,
    )
    assert line, first[:400]
    assert "□" in first and "○" in first
    assert "핵심 요약" in first and "Ⅰ. 개요" in first
    for number, text in enumerate(pages, start=1):
        assert f"- {number} -" in text, f"page {number}: no page number"
        assert text.count("대외비") >= 2, f"page {number}: the marking not at top and bottom"

    headings = {
        squash(b.text)
        for b in build_document(
            demo_sqlite, BriefingRequest("agreement", ids.agreement, lang="ko", classification="대외비")
        ).blocks
        if isinstance(b, Heading)
    }
    for number, lines in enumerate(_lines(data), start=1):
        body = [t for y, t in lines if BODY_BOTTOM - 2 < y < BODY_TOP + 2]
        assert body, f"page {number}: no body text"
        assert squash(body[-1]) not in headings, f"page {number} ends with the heading {body[-1]!r}"


def test_marking_follows_the_language_and_declassification_is_printed(
    demo_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    ids = demo_ids(demo_sqlite)
    out = tmp_path / "brief.pdf"
    _run(
        capsys,
        "brief",
        "agreement",
        str(ids.agreement),
        "--lang",
        "en",
        "--classification",
        "대외비",
        "--declassify",
        "31 Dec 2027: unclassified",
        "-o",
        str(out),
    )
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert all(p.count("RESTRICTED") >= 2 and "대외비" not in p for p in pages)
    assert "Declassification: 31 Dec 2027: unclassified" in pages[0]
    assert re.search(r"Page 1 of \d+", pages[0])


KINDS = {  # briefing type -> (target, DemoIds attribute)
    "agreement": ("agreement", "agreement"),
    "counterpart": ("organization", "organization"),
    "premeeting": ("meeting", "upcoming_meeting"),
    "minutes": ("meeting", "held_meeting"),
    "portfolio": ("portfolio", None),
}


AUTHOR = BriefingAuthor(
    department_ko="반도체과",
    department_en="Semiconductor Division",
    author_ko="홍길동",
    author_en="Gildong Hong",
    phone="044-000-0000",
    our_organization="산업통상자원부",
)


@pytest.mark.parametrize("settings", ["set", "empty"])
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_no_page_ends_with_a_heading(demo_sqlite: Database, kind: str, lang: str, settings: str) -> None:
    from app.progress import Progress
    from reports import generate_briefing

    target, attr = KINDS[kind]
    ident = getattr(demo_ids(demo_sqlite), attr) if attr else None
    author = AUTHOR if settings == "set" else BriefingAuthor()
    marking = "대외비" if lang == "ko" else "RESTRICTED"
    request = BriefingRequest(target, ident, lang=lang, key=kind, classification=marking, author=author)
    headings = {squash(b.text) for b in build_document(demo_sqlite, request).blocks if isinstance(b, Heading)}
    for number, lines in enumerate(_lines(generate_briefing(demo_sqlite, request, Progress())), start=1):
        body = [t for y, t in lines if BODY_BOTTOM - 2 < y < BODY_TOP + 2]
        assert body and squash(body[-1]) not in headings, f"page {number} ends with the heading {body[-1]!r}"
