"""The sample data loads whole or not at all, and only once; every text in it is in Korean and
English, and its meetings are at their hours where they are held, whatever the computer's zone."""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from zoned_cli import run_in_zone

from app import clock
from app.db import Database
from app.demo import PARTIES, REFERENCE_NO, _Builder, load_demo
from app.dto import AgreementQuery
from app.models import BILINGUAL, ENTITY_BY_TABLE
from app.services import agreements, contacts, meetings, organizations
from app.text import has_hangul
from app.zones import in_zone

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)


def test_an_interrupted_load_leaves_nothing_and_can_run_again(
    any_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def power_cut(self: _Builder, ref: object) -> None:
        raise KeyboardInterrupt  # as a kill in the middle of the meetings

    with monkeypatch.context() as m:
        m.setattr(_Builder, "minutes", power_cut)
        with pytest.raises(KeyboardInterrupt):
            load_demo(any_db)
    assert organizations.count_organizations(any_db) == 0
    assert contacts.count_contacts(any_db) == 0

    assert load_demo(any_db) is True
    assert load_demo(any_db) is False
    names = [o.name_ko for o in organizations.list_organizations(any_db)]
    assert len(names) == len(set(names))
    assert {p[1] for p in PARTIES} <= set(names)
    ref = agreements.list_agreements(any_db, AgreementQuery(text=REFERENCE_NO))
    assert len(ref) == 1 and ref[0].party_count == 11


# -- every text in both languages -------------------------------------------------------

# Korean fields without Hangul that are right as they are: names and codes written in Latin
# letters in Korean too. Empty: every Korean text of the demo has Hangul today.
LATIN_IN_KOREAN: set[str] = set()
FIVE_ENGLISH_WORDS = re.compile(r"(?:[A-Za-z][\w'’&-]*[\s,;:]+){4}[A-Za-z]")


def _texts(db: Database) -> dict[str, list[tuple[str, str, str]]]:
    """(field, Korean, English) of every live row, by table: read back through the ORM."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    with db.session() as s:
        for table, fields in BILINGUAL.items():
            cls = ENTITY_BY_TABLE[table]
            rows = s.scalars(select(cls).where(cls.deleted_at.is_(None))).all()
            found[table] = [
                (field, getattr(row, f"{field}_ko"), getattr(row, f"{field}_en"))
                for row in rows
                for field in fields
            ]
    return found


def test_every_text_of_the_demo_is_in_korean_and_in_english(demo_db: Database) -> None:
    texts = _texts(demo_db)
    problems: list[str] = []
    filled: set[str] = set()
    for table, values in texts.items():
        for field, ko, en in values:
            where = f"{table}.{field}"
            if not (ko or en):
                continue
            filled.add(where)
            if not ko or not en:
                problems.append(f"{where}: only {'Korean' if ko else 'English'}: {ko or en!r}")
            if has_hangul(en):
                problems.append(f"{where}: Hangul in the English text {en!r}")
            if ko and not has_hangul(ko) and ko not in LATIN_IN_KOREAN:
                problems.append(f"{where}: no Hangul in the Korean text {ko!r}")
            if FIVE_ENGLISH_WORDS.search(ko):
                problems.append(f"{where}: an English sentence in the Korean text {ko!r}")
    assert not problems, "\n".join(problems)
    # Every kind of text a person reads is filled somewhere, so the checks above had something to check
    # (party.signatory_name is the linked contact's name, kept on the contact).
    expected = {f"{t}.{f}" for t, fields in BILINGUAL.items() for f in fields} - {"party.signatory_name"}
    assert expected - filled == set()


def test_the_agreement_summaries_are_one_language_each(demo_db: Database) -> None:
    """The reference summary was once "Korean paragraph, English paragraph" in one field."""
    for a in agreements.list_agreements(demo_db):
        record = agreements.get_agreement(demo_db, a.id)
        assert record.summary_ko and record.summary_en, a.reference_no
        assert "\n\n" not in record.summary_ko and "\n\n" not in record.summary_en
    ref = agreements.list_agreements(demo_db, AgreementQuery(text=REFERENCE_NO))[0]
    record = agreements.get_agreement(demo_db, ref.id)
    assert (record.place_ko, record.place_en) == ("엘타워, 서울", "Eltower, Seoul")
    assert "Ministry of Trade, Industry and Energy" in record.summary_en


def test_the_demo_positions_have_the_usual_english_titles(demo_db: Database) -> None:
    ref = agreements.list_agreements(demo_db, AgreementQuery(text=REFERENCE_NO))[0]
    parties = agreements.agreement_detail(demo_db, ref.id).parties
    motie = parties[0]
    assert (motie.signatory_name("en"), motie.signatory_title("en")) == ("Jiyoon Han", "Director")
    assert (motie.signatory_name("ko"), motie.signatory_title("ko")) == ("한지윤", "과장")
    assert all(p.signatory_title_ko and p.signatory_title_en for p in parties)


# -- times in the zone where each meeting is held ---------------------------------------


def test_the_demo_meetings_are_at_their_hours_where_they_are_held(demo_db: Database) -> None:
    found = {m.title_en: m for m in meetings.list_meetings(demo_db)}
    upcoming = next(m for m in found.values() if "(4차)" in m.title_ko)
    assert upcoming.time_zone == "Asia/Seoul"
    assert upcoming.starts_at is not None and upcoming.starts_at.utcoffset() == timedelta(0)
    assert upcoming.starts_at.time() == time(5, 0)  # 14:00 in Seoul
    local = in_zone(upcoming.starts_at, "Asia/Seoul")
    assert (local.time(), local.date()) == (time(14, 0), clock.today() + timedelta(days=14))
    record = meetings.get_meeting(demo_db, upcoming.id)
    assert record.ends_at is not None and in_zone(record.ends_at, "Asia/Seoul").time() == time(16, 0)

    abroad = [m for m in found.values() if m.time_zone != "Asia/Seoul"]
    assert [(m.time_zone, m.place_en) for m in abroad] == [
        (
            "America/New_York",
            "Main conference room, Example Advanced Packaging Research Center (Albany, New York)",
        )
    ]
    workshop = abroad[0]
    assert workshop.starts_at is not None
    assert in_zone(workshop.starts_at, "America/New_York").replace(tzinfo=None) == datetime(
        2025, 10, 14, 9, 0
    )
    assert in_zone(workshop.starts_at, "Asia/Seoul").replace(tzinfo=None) == datetime(2025, 10, 14, 22, 0)
    in_order = sorted((m for m in found.values() if m.starts_at), key=lambda m: m.starts_at or 0)
    assert [m.title_en for m in in_order][
        -3:
    ] == [  # the editor offers the workshop to carry the 3rd's items to
        "Advanced packaging agreement: progress review (3rd)",
        "Korea–US joint research workshop on advanced packaging",
        "Advanced packaging agreement: working council (4th)",
    ]
    guests = [a for a in meetings.meeting_detail(demo_db, workshop.id).attendees if a.is_guest]
    assert [(g.guest_name_ko, g.guest_name_en) for g in guests] == [("제니퍼 리", "Jennifer Lee")]


def _cli(home: Path, tz: str, *args: str) -> str:
    """``partnership-desk --home HOME ARGS`` in a child process whose computer is set to ``tz``."""
    done = run_in_zone(home, tz, *args)
    assert done.returncode == 0 and not done.stderr, done.stderr
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("tz", ["UTC", "America/New_York", "Asia/Seoul"])
def test_the_upcoming_meeting_is_at_14_00_in_seoul_whatever_the_computers_zone(
    tmp_path: Path, tz: str
) -> None:
    """With TZ=Asia/Seoul the demo used to print the upcoming meeting at 23:00-01:00."""
    assert "Loaded the reference data." in _cli(tmp_path, tz, "demo")
    rows = json.loads(_cli(tmp_path, tz, "list", "meetings", "--json"))
    upcoming = next(m for m in rows if "(4차)" in m["title_ko"])
    assert upcoming["time_zone"] == "Asia/Seoul"
    assert upcoming["starts_at"].endswith("T05:00:00+00:00")  # 14:00 KST, stored in UTC
    workshop = next(m for m in rows if m["time_zone"] == "America/New_York")
    assert workshop["starts_at"] == "2025-10-14T13:00:00+00:00"  # 09:00 EDT

    table = _cli(tmp_path, tz, "--lang", "en", "list", "meetings").splitlines()
    cells = {row[0]: row[1:] for row in (re.split(r"\s{2,}", line) for line in table[1:])}
    seoul = "" if tz == "Asia/Seoul" else " KST (Asia/Seoul)"  # named when the computer's differs
    assert cells[upcoming["id"]] == [
        f"{upcoming['starts_at'][:10]} 14:00{seoul}",
        "Advanced packaging agreement: working council (4th)",
        "KSIA meeting room",
    ]
    new_york = "" if tz == "America/New_York" else " EDT (America/New_York)"
    assert cells[workshop["id"]][:2] == [
        f"2025-10-14 09:00{new_york}",
        "Korea–US joint research workshop on advanced packaging",
    ]

    shown = _cli(tmp_path, tz, "--lang", "ko", "show", "meeting", upcoming["id"]).splitlines()
    assert f"starts_at: {upcoming['starts_at'][:10]} 14:00{seoul}" in shown
    assert any(x.startswith("ends_at: ") and x.split()[2] == "16:00" for x in shown)
    assert "time_zone: 서울 (Asia/Seoul)" in shown
