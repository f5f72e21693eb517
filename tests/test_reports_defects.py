"""The smaller defects of issue 14, each as a reader would see it."""

from __future__ import annotations

import re

import pytest
from report_reader import demo_ids, read_pdf, squash

from app.db import Database
from app.dto import AgreementQuery
from app.enums import AgreementStatus
from app.progress import Progress
from reports import BriefingRequest, build_document, generate_briefing
from reports.document import BarChart
from reports.palette import STATUS

pytestmark = pytest.mark.dates


def _pdf(db: Database, request: BriefingRequest) -> str:
    return read_pdf(generate_briefing(db, request, Progress())).text


def test_minutes_say_meeting_overview_once(demo_sqlite: Database) -> None:
    text = _pdf(
        demo_sqlite, BriefingRequest("meeting", demo_ids(demo_sqlite).held_meeting, lang="ko", key="minutes")
    )
    assert squash(text).count("회의개요") == 1


def test_one_upcoming_meeting_is_not_called_upcoming_meetings(demo_sqlite: Database) -> None:
    text = _pdf(demo_sqlite, BriefingRequest("agreement", demo_ids(demo_sqlite).agreement, lang="en"))
    assert "(Upcoming meetings)" not in text and "Upcoming meeting" in text


def test_country_by_name_and_tenure_as_a_range(demo_sqlite: Database) -> None:
    ids = demo_ids(demo_sqlite)
    ko = _pdf(demo_sqlite, BriefingRequest("organization", ids.organization, lang="ko"))
    en = _pdf(demo_sqlite, BriefingRequest("organization", ids.organization, lang="en"))
    assert "대한민국" in ko and "Republic of Korea" in en
    assert not re.search(r"(국가|Country)\s*KR\b", ko + en)
    assert re.search(r"\d{4}\. \d{1,2}\. \d{1,2}\. ~", ko) and re.search(r"\d{4} ~", en)


def test_portfolio_states_its_filter(demo_sqlite: Database) -> None:
    query = AgreementQuery(statuses=(AgreementStatus.NEGOTIATING,))
    text = _pdf(demo_sqlite, BriefingRequest("portfolio", lang="ko", portfolio_filter=query))
    assert "상태: 협의 중" in text
    assert "전체 협약 (조건 없음)" in _pdf(demo_sqlite, BriefingRequest("portfolio", lang="ko"))


def _chart_colours(db: Database, query: AgreementQuery | None) -> dict[str, str]:
    doc = build_document(db, BriefingRequest("portfolio", lang="en", portfolio_filter=query))
    chart = next(b for b in doc.blocks if isinstance(b, BarChart))
    return {name: colour for (name, _), colour in zip(chart.series, chart.colors, strict=True)}


def test_a_status_keeps_its_colour_whatever_the_filter(demo_sqlite: Database) -> None:
    everything = _chart_colours(demo_sqlite, None)
    negotiating = _chart_colours(
        demo_sqlite, AgreementQuery(statuses=(AgreementStatus.NEGOTIATING, AgreementStatus.IN_FORCE))
    )
    assert negotiating["Under negotiation"] == everything["Under negotiation"] == STATUS["negotiating"]
    assert everything["In force"] == STATUS["in_force"] and STATUS["in_force"] not in ("A5A5A5", "5F6368")


def test_times_are_ranges_with_a_tilde_and_dates_have_weekdays(demo_sqlite: Database) -> None:
    text = _pdf(demo_sqlite, BriefingRequest("meeting", demo_ids(demo_sqlite).upcoming_meeting, lang="ko"))
    assert re.search(r"\d{2}:\d{2}~\d{2}:\d{2}", text) and "–" not in text
    assert len(re.findall(r"\d{4}\. \d{1,2}\. \d{1,2}\.\([월화수목금토일]\)", text)) >= 3


def test_word_chart_bars_are_to_scale(demo_sqlite: Database) -> None:
    from report_reader import read_docx

    from reports.docx import BAR_CELLS

    data = generate_briefing(demo_sqlite, BriefingRequest("portfolio", lang="en", format="docx"), Progress())
    word = read_docx(data).document
    chart = next(t for t in word.tables if t.rows[0].cells[-1].text == "" and len(t.columns) > BAR_CELLS)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    shaded = []
    totals = []
    for row in chart.rows[1:]:
        cells = [c._tc for c in row.cells][-BAR_CELLS:]
        shaded.append(sum(1 for tc in cells if tc.find(f"{w}tcPr/{w}shd") is not None))
        totals.append(int(row.cells[len(chart.columns) - BAR_CELLS - 1].text))
    top = max(totals)
    assert shaded == [round(t * BAR_CELLS / top) for t in totals]
