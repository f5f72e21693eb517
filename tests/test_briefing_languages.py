"""One language per briefing (issue 13): an English briefing has no Hangul, a Korean one no English
sentence, except a missing translation, printed in the other language with its tag and listed by
``missing_translations`` (and by ``brief`` on stderr). Meeting times are in the meeting's zone,
everything else in Korea's, the same whatever zone the computer is set to."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from uuid import UUID

import bilingual_data
import pytest
from language_check import english_sentences, hangul_lines
from report_reader import demo_ids, docx_all_text, read_docx, read_hwpx, read_pdf, squash
from zoned_cli import run_in_zone

from app import zones
from app.db import Database
from app.dto import AgendaItemInput, MeetingInput
from app.enums import Confidentiality
from app.paths import app_paths
from app.progress import Progress
from app.services import meetings
from app.services.opening import open_database
from cli import main
from reports import BriefingRequest, Marking, build_document, generate_briefing, missing_translations
from reports.templates import BRIEFING_TYPES, types_for
from reports.templates.common import marking_in

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"agreement": "agreement", "organization": "organization", "meeting": None, "portfolio": None}


def every_briefing(ids: object) -> list[tuple[str, UUID | None, str]]:
    """(target, id, type key) for every briefing kind of every target (``types_for``)."""
    out = []
    for target in ("agreement", "organization", "meeting", "portfolio"):
        for kind in types_for(target):
            if target == "meeting":
                ident = getattr(ids, "upcoming_meeting" if kind.key == "premeeting" else "held_meeting")
            elif target == "portfolio":
                ident = None
            else:
                ident = getattr(ids, target)
            out.append((target, ident, kind.key))
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The reference data, complete in both languages (app.demo)."""
    from app.demo import load_demo
    from app.paths import app_paths

    database = open_database(paths=app_paths(tmp_path_factory.mktemp("languages-demo")))
    load_demo(database)
    yield database
    database.close()


@pytest.fixture
def small(db: Database) -> tuple[Database, bilingual_data.Ids]:
    return db, bilingual_data.build(db)


def _texts(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        pdf = read_pdf(data)
        return "\n".join([*pdf.pages, *pdf.outline, *pdf.metadata.values()])
    if fmt == "docx":
        view = read_docx(data)
        props = view.document.core_properties
        return "\n".join([docx_all_text(view), props.title, props.subject, props.author, props.keywords])
    hwpx = read_hwpx(data)
    return "\n".join([hwpx.text, *hwpx.metadata.values()])


# -- the checker itself ----------------------------------------------------------------


def test_the_english_sentence_checker_finds_sentences_and_passes_names_and_numbers() -> None:
    sentence = "The Ministry and ten semiconductor companies agreed to cooperate on packaging."
    assert english_sentences(f"협약 개요\n{sentence}\n끝") == [sentence[:-1] + "."]
    assert english_sentences("참여기관: set up a collaboration system with US research centres")
    assert english_sentences("Draw up the list of candidate partners")  # five words, lower case inside
    for fine in (
        "산업통상자원부 (Ministry of Trade, Industry and Energy)",  # a proper name
        "Example Advanced Packaging Research Center (Albany, New York)",
        "관리번호 MOTIE-2023-0829 · EX-2024-007 · R&D",  # reference numbers, tags
        "담당 jiyoon.han@example.com https://example.com/a/b?c=d 2026. 12. 2.(수)",
        "09:00~11:00 (현지 시각 EDT, 워싱턴·뉴욕) SK hynix LG Chem",  # zone names, short names
        "four words only here",
    ):
        assert english_sentences(fine) == [], fine


def test_the_hangul_checker() -> None:
    assert hangul_lines("Agreement\n협약 briefing\nEnd") == ["협약 briefing"]
    assert hangul_lines("Agreement · ㅋ") == ["Agreement · ㅋ"]  # jamo too
    assert hangul_lines("Korea–US workshop · 14:00~16:00 · ☎ 044") == []


# -- the demo, every kind, every format --------------------------------------------------


@pytest.mark.parametrize("fmt", ["pdf", "docx", "hwpx"])
def test_english_briefings_of_the_demo_have_no_hangul(demo: Database, fmt: str) -> None:
    found = {}
    for target, ident, key in every_briefing(demo_ids(demo)):
        request = BriefingRequest(target, ident, lang="en", format=fmt, key=key, classification="대외비")
        assert missing_translations(demo, request) == ()
        text = _texts(generate_briefing(demo, request, Progress()), fmt)
        assert "RESTRICTED" in text and BRIEFING_TYPES[key].name("en") in text
        if lines := hangul_lines(text):
            found[key] = lines
    assert not found, found


@pytest.mark.parametrize("fmt", ["pdf", "docx", "hwpx"])
def test_korean_briefings_of_the_demo_have_no_english_sentence(demo: Database, fmt: str) -> None:
    found = {}
    for target, ident, key in every_briefing(demo_ids(demo)):
        request = BriefingRequest(target, ident, lang="ko", format=fmt, key=key, classification="RESTRICTED")
        assert missing_translations(demo, request) == ()
        text = _texts(generate_briefing(demo, request, Progress()), fmt)
        assert "대외비" in text and BRIEFING_TYPES[key].name("ko") in text
        if sentences := english_sentences(text):
            found[key] = sentences
    assert not found, found


def test_the_korean_agreement_briefing_no_longer_carries_the_english_title_or_summary(demo: Database) -> None:
    ids = demo_ids(demo)
    doc = build_document(demo, BriefingRequest("agreement", ids.agreement, lang="ko"))
    text = "\n".join(doc.text_items())
    assert "Agreement on cooperation for semiconductor" not in text  # the old subtitle
    assert "The Ministry of Trade, Industry and Energy and ten" not in text  # the old English paragraph
    assert "반도체 첨단 패키징" in doc.title


# -- time zones ------------------------------------------------------------------------


@pytest.mark.slow
def test_the_same_meeting_brief_whatever_the_computers_zone(tmp_path: Path) -> None:
    """Under TZ=Asia/Seoul the demo's upcoming meeting used to print 23:00~01:00 (astimezone)."""
    home = tmp_path / "home"
    assert run_in_zone(home, "UTC", "demo").returncode == 0
    db = open_database(paths=app_paths(home))
    try:
        upcoming = demo_ids(db).upcoming_meeting
    finally:
        db.close()
    texts = {}
    for tz in ("UTC", "Asia/Seoul", "America/New_York"):
        out = tmp_path / f"{tz.replace('/', '_')}.pdf"
        done = run_in_zone(home, tz, "brief", "meeting", str(upcoming), "--lang", "ko", "-o", str(out))
        assert done.returncode == 0 and done.stderr == "", done.stderr
        texts[tz] = read_pdf(out.read_bytes()).text
    assert texts["UTC"] == texts["Asia/Seoul"] == texts["America/New_York"]
    assert "14:00~16:00" in texts["UTC"] and "23:00" not in texts["UTC"]


def test_a_meeting_abroad_prints_its_own_time_with_the_zone_named(
    small: tuple[Database, bilingual_data.Ids],
) -> None:
    db, ids = small
    en = read_pdf(generate_briefing(db, BriefingRequest("meeting", ids.held_meeting, lang="en"), Progress()))
    ko = read_pdf(generate_briefing(db, BriefingRequest("meeting", ids.held_meeting, lang="ko"), Progress()))
    starts = meetings.get_meeting(db, ids.held_meeting).starts_at
    assert starts is not None
    # EST or EDT by the meeting's date (relative to today: make test-dates moves it into summer).
    abbr = zones.abbreviation(starts, "America/New_York")
    assert en.has(f"09:00~11:30 ({abbr}, America/New_York)")  # held at 09:00 in Washington
    assert ko.has(f"09:00~11:30 (현지 시각 {abbr}, 워싱턴·뉴욕)")
    in_seoul = f"{zones.in_zone(starts, zones.HOME):%H:%M}"  # 23:00 (22:00 in summer) in Seoul
    assert in_seoul not in en.text and in_seoul not in ko.text
    # A meeting in Seoul names no zone: Korea's time is the briefing's own.
    upcoming = read_pdf(
        generate_briefing(db, BriefingRequest("meeting", ids.upcoming_meeting, lang="en"), Progress())
    )
    assert upcoming.has("14:00~16:00") and "Asia/Seoul" not in upcoming.text and "KST" not in upcoming.text


def test_summer_time_abroad_is_named_as_such(small: tuple[Database, bilingual_data.Ids]) -> None:
    from datetime import datetime

    db, ids = small
    held = meetings.get_meeting(db, ids.held_meeting)
    july = datetime(2026, 7, 1, 13, 0, tzinfo=__import__("datetime").UTC)  # 09:00 EDT
    meetings.update_meeting(
        db, held.id, replace(_input(held), starts_at=july, ends_at=None), expected_version=held.version
    )
    doc = build_document(db, BriefingRequest("meeting", ids.held_meeting, lang="en", key="minutes"))
    assert "Wed 1 Jul 2026 09:00 (EDT, America/New_York)" in "\n".join(doc.text_items())


def _input(r: object) -> MeetingInput:
    """A meeting's record as the input that saves it unchanged."""
    fields = MeetingInput.__dataclass_fields__
    return MeetingInput(**{name: getattr(r, name) for name in fields})


# -- missing translations ---------------------------------------------------------------


def test_a_missing_english_text_is_printed_in_korean_tagged_and_listed(
    small: tuple[Database, bilingual_data.Ids], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, ids = small
    held = meetings.get_meeting(db, ids.held_meeting)
    meetings.update_meeting(db, held.id, replace(_input(held), title_en=""), expected_version=held.version)
    agenda = next(a for a in meetings.meeting_detail(db, held.id).agenda if a.id == ids.agenda_item)
    meetings.update_agenda_item(
        db, agenda.id, AgendaItemInput(title_ko=agenda.title_ko, discussion_ko=agenda.discussion_ko)
    )
    request = BriefingRequest("meeting", held.id, lang="en", key="minutes")

    listed = missing_translations(db, request)
    assert [(m.kind, m.id, m.field_en, m.text) for m in listed] == [
        ("meeting", held.id, "Meeting title (English)", "공동연구 점검회의 (1차)"),
        ("meeting", held.id, "Agenda item (English)", "연구 일정 점검"),
        ("meeting", held.id, "Agenda item discussion (English)", "1단계 과제 일정 확인"),
    ]
    assert listed[1].field_ko == "안건 (영문)" and listed[1].record_en == "공동연구 점검회의 (1차)"

    for fmt in ("pdf", "docx", "hwpx"):
        text = _texts(generate_briefing(db, replace(request, format=fmt), Progress()), fmt)
        for m in listed:
            assert squash(f"{m.text} [KO]") in squash(text), (fmt, m.text)
        assert squash("[KO]: no English text has been recorded yet") in squash(text), fmt
        others = [line for line in hangul_lines(text) if "[KO]" not in line]
        assert others == [], (fmt, others)  # every Hangul line is a tagged one

    # The Korean briefing of the same meeting is whole: nothing tagged, nothing listed.
    assert missing_translations(db, replace(request, lang="ko")) == ()

    out = tmp_path / "minutes.pdf"
    code = main(["brief", "meeting", str(held.id), "--lang", "en", "--type", "minutes", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and out.exists()
    assert "3 text(s) have no English; the briefing prints the Korean, marked [KO]:" in captured.err
    assert "Agenda item (English): 연구 일정 점검" in captured.err
    assert f"partnership-desk show meeting {held.id}" in captured.err
    assert "[KO]" not in captured.out


def test_the_list_is_exactly_what_the_document_tags(small: tuple[Database, bilingual_data.Ids]) -> None:
    """Every English text gone: each briefing lists texts, prints each of them tagged, and prints
    nothing else in Korean and no tag that is not listed."""
    from sqlalchemy import select

    from app.models import BILINGUAL, ENTITY_BY_TABLE

    db, ids = small
    with db.session() as s:  # through the ORM, as an edit: the history records it
        for table, fields in BILINGUAL.items():
            for row in s.scalars(select(ENTITY_BY_TABLE[table])):
                for f in fields:
                    setattr(row, f"{f}_en", "")
    for target, ident, key in every_briefing(ids):
        request = BriefingRequest(target, ident, lang="en", key=key)
        doc = build_document(db, request)
        listed = missing_translations(db, request)
        assert listed and listed == doc.missing, key
        kinds = {m.kind for m in listed}
        assert kinds <= {"agreement", "organization", "contact", "meeting", "commitment"}, kinds
        assert doc.missing_note.startswith("[KO]: no English text"), key
        text = "\n".join(t for t in doc.text_items() if t != doc.missing_note)
        lines = {x.strip().removeprefix("- ") for m in listed for x in m.text.split("\n") if x.strip()}
        for line in sorted(lines, key=len, reverse=True):  # an item's "- " is its mark, not its text
            assert f"{line} [KO]" in text, (key, line)  # every listed text is printed, tagged
            text = text.replace(f"{line} [KO]", "")
        assert "[KO]" not in text, (key, text)  # no tagged text that is not listed
        assert hangul_lines(text) == [], key  # and no Korean printed untagged


def test_listing_the_missing_texts_renders_nothing(small: tuple[Database, bilingual_data.Ids]) -> None:
    """Cheap: it builds the document (the data gathered once) and imports no renderer."""
    db, ids = small
    code = (
        "import sys, uuid\nfrom pathlib import Path\n"
        "from app.services.opening import open_database\n"
        "from app.paths import app_paths\n"
        "from reports import BriefingRequest, missing_translations\n"
        f"db = open_database(paths=app_paths(Path({str(db.paths.home)!r})))\n"
        f"missing_translations(db, BriefingRequest('agreement', uuid.UUID({str(ids.agreement)!r}), lang='en'))\n"
        "print(','.join(m for m in ('reportlab', 'docx', 'hwpx') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


# -- markings and metadata ---------------------------------------------------------------


def test_markings_in_the_documents_language() -> None:
    assert marking_in("대외비", "en") == "RESTRICTED" and marking_in("RESTRICTED", "ko") == "대외비"
    assert marking_in("restricted", "ko") == "대외비"
    assert marking_in("내부용", "en") == "INTERNAL" and marking_in("INTERNAL", "ko") == "내부용"
    assert marking_in("3급비밀", "en") == "CONFIDENTIAL" and marking_in("SECRET", "ko") == "Ⅱ급비밀"
    assert marking_in("비밀", "en") == "SECRET"
    assert marking_in(Marking.of(Confidentiality.RESTRICTED), "en") == "RESTRICTED"
    assert marking_in(Marking("사내 한정", "COMPANY ONLY"), "en") == "COMPANY ONLY"
    assert marking_in(Marking("사내 한정", "COMPANY ONLY"), "ko") == "사내 한정"
    assert marking_in("Embargo until 9 Dec", "ko") == "Embargo until 9 Dec"  # unknown: as given
    assert marking_in("  ", "ko") is None


def test_an_english_briefing_marked_in_korean_prints_the_english_marking(
    small: tuple[Database, bilingual_data.Ids],
) -> None:
    db, ids = small
    for given, shown in (("내부용", "INTERNAL"), (Marking("사내 한정", "COMPANY ONLY"), "COMPANY ONLY")):
        request = BriefingRequest("agreement", ids.agreement, lang="en", format="docx", classification=given)
        view = read_docx(generate_briefing(db, request, Progress()))
        header = docx_all_text(view)
        assert header.count(shown) >= 2 and not hangul_lines(header)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_file_properties_are_in_the_documents_language(
    small: tuple[Database, bilingual_data.Ids], lang: str
) -> None:
    from app.services.settings import BriefingAuthor

    db, ids = small
    author = BriefingAuthor(author_ko="홍길동", author_en="Gildong Hong", department_ko="반도체과")
    request = BriefingRequest("agreement", ids.agreement, lang=lang, author=author)
    title = {
        "ko": "첨단 패키징 공동연구 협약(예시)",
        "en": "Example agreement on joint research in advanced packaging",
    }
    pdf = read_pdf(generate_briefing(db, replace(request, format="pdf"), Progress())).metadata
    assert (pdf["/Title"], pdf["/Subject"]) == (title[lang], BRIEFING_TYPES["agreement"].name(lang))
    assert pdf["/Author"] == ("홍길동" if lang == "ko" else "Gildong Hong")
    assert pdf["/Keywords"] == ("반도체, R&D" if lang == "ko" else "R&D")  # a Hangul tag has no English
    props = read_docx(
        generate_briefing(db, replace(request, format="docx"), Progress())
    ).document.core_properties
    assert (props.title, props.subject, props.keywords) == (title[lang], pdf["/Subject"], pdf["/Keywords"])
    assert props.language == ("ko-KR" if lang == "ko" else "en-GB")
    meta = read_hwpx(generate_briefing(db, replace(request, format="hwpx"), Progress())).metadata
    assert meta["title"] == title[lang] and meta["language"] == lang and meta["subject"] == pdf["/Subject"]
    assert meta["creator"] == pdf["/Author"] and meta["keyword"] == pdf["/Keywords"]
    if lang == "en":
        assert not hangul_lines("\n".join([*pdf.values(), *meta.values(), props.title, props.author]))


def test_settings_missing_in_english_are_tagged_and_named(
    small: tuple[Database, bilingual_data.Ids], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, ids = small
    assert main(["settings", "set", "department", "반도체과"]) == 0
    capsys.readouterr()
    out = tmp_path / "b.pdf"
    assert main(["brief", "agreement", str(ids.agreement), "--lang", "en", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Setting department_en" in err and "partnership-desk settings set department_en" in err
    assert read_pdf(out.read_bytes()).has("반도체과 [KO]")


def test_a_missing_korean_text_is_printed_in_english_tagged_in_a_korean_briefing(
    small: tuple[Database, bilingual_data.Ids],
) -> None:
    db, ids = small
    agenda = next(a for a in meetings.meeting_detail(db, ids.held_meeting).agenda if a.id == ids.agenda_item)
    meetings.update_agenda_item(
        db, agenda.id, AgendaItemInput(title_en=agenda.title_en, discussion_ko=agenda.discussion_ko)
    )
    request = BriefingRequest("meeting", ids.held_meeting, lang="ko", key="minutes", format="hwpx")
    listed = missing_translations(db, request)
    assert [(m.kind, m.field_ko, m.field_en, m.text) for m in listed] == [
        ("meeting", "안건 (국문)", "Agenda item (Korean)", "Research schedule")
    ]
    hwpx = read_hwpx(generate_briefing(db, request, Progress()))
    assert hwpx.has("Research schedule [EN]") and hwpx.has("[EN]: 국문 내용이 아직 입력되지 않아")
