"""Korean titles and ranks with their usual English: what a title's English box is offered.

When a title is typed in Korean (과장, 대표이사, 책임연구원 ...) and its English box is empty, the
program offers the English a Korean ministry or company usually gives it (Director, CEO,
Principal Researcher ...); the person sees it and can change or clear it. The list follows
the project's glossary ("Titles and ranks").

The same word is a different rank in government and in a company (과장: Director of a ministry's
division, Manager in a company), so the English depends on the kind of organization when it is
known. A title with its unit in front (반도체과장, 무역투자실장, 연구소장) is offered its base
title's English (Director, Director-General, Director): the unit's own English is not guessed.
"""

from __future__ import annotations

import re
import unicodedata

from app.enums import OrgKind
from app.text import has_hangul

# Korean -> English, as the ministry's own English usually renders it. Where a company or a
# public agency uses the word for another rank, COMPANY says so; where a ministry or its
# agencies do, MINISTRY.
COMMON: dict[str, str] = {
    # government
    "장관": "Minister",
    "차관": "Vice Minister",
    "제1차관": "First Vice Minister",
    "제2차관": "Second Vice Minister",
    "차관보": "Assistant Minister",
    "실장": "Director-General",
    "국장": "Director-General",
    "정책관": "Director-General",
    "기획관": "Director-General",
    "심의관": "Deputy Director-General",
    "과장": "Director",
    "팀장": "Team Leader",
    "서기관": "Deputy Director",
    "사무관": "Deputy Director",
    "주무관": "Officer",
    "주사": "Officer",
    "대변인": "Spokesperson",
    "비서실장": "Chief of Staff",
    "비서관": "Secretary",
    "청장": "Commissioner",
    "위원장": "Chairperson",
    "부위원장": "Vice Chairperson",
    "위원": "Member",
    "대사": "Ambassador",
    "총영사": "Consul General",
    "영사": "Consul",
    "참사관": "Counsellor",
    "1등서기관": "First Secretary",
    "2등서기관": "Second Secretary",
    "사무총장": "Secretary-General",
    "사무차장": "Deputy Secretary-General",
    "사무국장": "Secretary General",
    # agencies, institutes, associations
    "원장": "President",
    "부원장": "Vice President",
    "이사장": "Chairman",
    "회장": "Chairman",
    "부회장": "Vice Chairman",
    "단장": "Executive Director",
    "본부장": "Head of Division",
    "센터장": "Center Director",
    "소장": "Director",
    "연구원": "Researcher",
    "선임연구원": "Senior Researcher",
    "책임연구원": "Principal Researcher",
    "수석연구원": "Chief Researcher",
    "연구위원": "Research Fellow",
    "선임연구위원": "Senior Research Fellow",
    "고문": "Advisor",
    # universities
    "총장": "President",
    "부총장": "Vice President",
    "학장": "Dean",
    "학과장": "Department Chair",
    "교수": "Professor",
    "부교수": "Associate Professor",
    "조교수": "Assistant Professor",
    "초빙교수": "Visiting Professor",
    "겸임교수": "Adjunct Professor",
    "연구교수": "Research Professor",
    "명예교수": "Professor Emeritus",
    # companies
    "대표이사": "CEO",
    "대표": "CEO",
    "대표이사사장": "President and CEO",
    "대표이사회장": "Chairman and CEO",
    "사장": "President",
    "부사장": "Executive Vice President",
    "전무": "Senior Vice President",
    "전무이사": "Senior Vice President",
    "상무": "Vice President",
    "상무이사": "Vice President",
    "이사": "Director",
    "사외이사": "Outside Director",
    "감사": "Auditor",
    "부장": "General Manager",
    "차장": "Deputy General Manager",
    "대리": "Assistant Manager",
    "주임": "Associate",
    "사원": "Staff",
    "그룹장": "Group Leader",
    "파트장": "Part Leader",
    "지사장": "Branch Manager",
    "지점장": "Branch Manager",
    "지부장": "Branch Manager",
}

# In a company or a public agency (공공기관 such as KOTRA use company ranks).
COMPANY: dict[str, str] = {
    "과장": "Manager",
    "실장": "Head of Office",
}

# In a ministry or one of its agencies (청): 특허청 차장 is the Commissioner's deputy.
MINISTRY: dict[str, str] = {
    "차장": "Deputy Commissioner",
}

_ACTING = ("직무대행", "직무대리")  # 장관 직무대행: Acting Minister
_FORMER = ("전", "前")  # 전 장관: Former Minister
_TOGETHER = "겸"  # 실장 겸 대변인: both titles
_BRACKETS = re.compile(r"\([^)]*\)|\[[^]]*\]")
_SPACES = re.compile(r"\s+")


def normalise(title: str) -> str:
    """A title as compared: composed Hangul, one space between words, no unit in brackets
    (``과장(반도체과)`` is ``과장``)."""
    text = unicodedata.normalize("NFC", title)
    text = _BRACKETS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _table(kind: OrgKind | None) -> dict[str, str]:
    if kind in (OrgKind.COMPANY, OrgKind.PUBLIC_AGENCY):
        return {**COMMON, **COMPANY}
    if kind == OrgKind.MINISTRY:
        return {**COMMON, **MINISTRY}
    return COMMON


def _word(word: str, table: dict[str, str]) -> str:
    """One title written without spaces: known as it is, else by its deputy form (부국장),
    else by the longest known head-of-unit or official title it ends with (반도체과장: 과장,
    반도체정책관: 정책관). Other endings are not read: 반도체연구원 may be an institute."""
    if word in table:
        return table[word]
    if word.startswith("부") and word[1:] in table and word[-1] in "장관인":
        return f"Deputy {table[word[1:]]}"  # 부국장, 부팀장, 부센터장, 부대변인
    for end in sorted((t for t in table if len(t) >= 2 and t[-1] in "장관"), key=len, reverse=True):
        if word.endswith(end) and has_hangul(word[: -len(end)]):
            return table[end]  # 반도체과장, 무역투자실장, 연구소장, 산업통상자원부장관
    return ""


def _one(title: str, table: dict[str, str]) -> str:
    words = title.split(" ")
    if words[-1] in _ACTING and len(words) > 1:
        base = _one(" ".join(words[:-1]), table)
        return f"Acting {base}" if base else ""
    for acting in _ACTING:
        if len(words) == 1 and title.endswith(acting) and len(title) > len(acting):
            base = _one(title[: -len(acting)], table)
            return f"Acting {base}" if base else ""
    if words[0] in _FORMER and len(words) > 1:
        base = _one(" ".join(words[1:]), table)
        return f"Former {base}" if base else ""
    joined = "".join(words)
    if joined in table:  # 대표이사 사장, 1등 서기관
        return table[joined]
    found = _word(joined, table)
    if found or len(words) == 1:
        return found
    return _word(words[-1], table)  # 산업통상자원부 장관, 삼성전자 상무


def english_title(korean: str, kind: OrgKind | None = None) -> str:
    """The usual English of a Korean title, for an organization of ``kind`` when known;
    "" when the title is not one the program knows (or has no Hangul: nothing to offer)."""
    title = normalise(korean)
    if not title or not has_hangul(title):
        return ""
    table = _table(kind)
    parts = [p.strip() for p in title.split(f" {_TOGETHER} ")]
    english = [_one(p, table) for p in parts if p]
    if not english or not all(english):
        return ""
    return " and ".join(english)
