"""The English offered for a Korean title (app/titles.py): the usual renderings, the kind of
organization, spacing, units in front, and nothing offered for what is not a known title."""

from __future__ import annotations

import pytest

from app.enums import OrgKind
from app.services.titles import english_title, normalise


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("장관", "Minister"),
        ("차관", "Vice Minister"),
        ("제1차관", "First Vice Minister"),
        ("실장", "Director-General"),
        ("국장", "Director-General"),
        ("심의관", "Deputy Director-General"),
        ("과장", "Director"),
        ("서기관", "Deputy Director"),
        ("사무관", "Deputy Director"),
        ("주무관", "Officer"),
        ("대표이사", "CEO"),
        ("사장", "President"),
        ("부사장", "Executive Vice President"),
        ("전무", "Senior Vice President"),
        ("상무", "Vice President"),
        ("이사", "Director"),
        ("부장", "General Manager"),
        ("차장", "Deputy General Manager"),
        ("팀장", "Team Leader"),
        ("책임연구원", "Principal Researcher"),
        ("선임연구원", "Senior Researcher"),
        ("연구원", "Researcher"),
        ("원장", "President"),
        ("센터장", "Center Director"),
        ("교수", "Professor"),
        ("회장", "Chairman"),
    ],
)
def test_the_usual_english_of_a_korean_title(korean: str, english: str) -> None:
    assert english_title(korean) == english


def test_the_same_word_in_a_ministry_and_in_a_company() -> None:
    assert english_title("과장", OrgKind.MINISTRY) == "Director"
    assert english_title("과장", OrgKind.COMPANY) == "Manager"
    assert english_title("과장", OrgKind.PUBLIC_AGENCY) == "Manager"  # KOTRA's ranks are a company's
    assert english_title("차장", OrgKind.MINISTRY) == "Deputy Commissioner"  # 특허청 차장
    assert english_title("차장", OrgKind.COMPANY) == "Deputy General Manager"
    assert english_title("실장", OrgKind.COMPANY) == "Head of Office"
    assert english_title("상무", OrgKind.COMPANY) == english_title("상무") == "Vice President"


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("  과장 ", "Director"),
        ("대표 이사", "CEO"),
        ("선임 연구원", "Senior Researcher"),
        ("대표이사 사장", "President and CEO"),
        ("대표이사  사장", "President and CEO"),
        ("과장(반도체과)", "Director"),
        ("1등 서기관", "First Secretary"),
        ("\u110c\u1161\u11bc\u1100\u116a\u11ab", "Minister"),  # 장관 typed decomposed (a Mac's file)
    ],
)
def test_spacing_brackets_and_decomposed_hangul_are_normalised(korean: str, english: str) -> None:
    assert english_title(korean) == english


def test_normalise() -> None:
    assert normalise("  대표이사 \t 사장 ") == "대표이사 사장"
    assert normalise("과장(반도체과)") == "과장"


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("반도체과장", "Director"),  # the unit's English is not guessed: the base title
        ("무역투자실장", "Director-General"),
        ("반도체정책관", "Director-General"),
        ("연구소장", "Director"),
        ("산업통상자원부 장관", "Minister"),
        ("삼성전자 상무", "Vice President"),
        ("부국장", "Deputy Director-General"),
        ("부팀장", "Deputy Team Leader"),
        ("부산지사장", "Branch Manager"),  # not a deputy: 부산 is the place
        ("장관 직무대행", "Acting Minister"),
        ("전 장관", "Former Minister"),
        ("실장 겸 대변인", "Director-General and Spokesperson"),
    ],
)
def test_compound_titles_give_their_base_title(korean: str, english: str) -> None:
    assert english_title(korean) == english


@pytest.mark.parametrize("text", ["", "   ", "Director", "반도체연구원", "홍길동", "담당", "실장 겸 홍길동"])
def test_nothing_is_offered_for_what_is_not_a_known_title(text: str) -> None:
    assert english_title(text) == ""
