"""The registry of briefing types: how to gather each one's data and build its document.

Adding a briefing type means one template module and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from app.db import Database
from app.dto import AgreementQuery
from app.errors import ValidationError
from app.services import briefings
from reports.document import Document
from reports.templates import agreement, meeting, minutes, organization, portfolio

Gather = Callable[[Database, UUID | None, AgreementQuery | None], Any]
Build = Callable[[Any, str, date, str | None], Document]


@dataclass(frozen=True)
class BriefingType:
    key: str  # agreement | counterpart | premeeting | minutes | portfolio
    target: str  # the kind of record it is about: agreement | organization | meeting | portfolio
    name_ko: str
    name_en: str
    gather: Gather
    build: Build

    def name(self, lang: str) -> str:
        return self.name_ko if lang == "ko" else self.name_en


def _need(ident: UUID | None) -> UUID:
    if ident is None:
        raise ValidationError(
            "target_id", "대상 ID가 필요합니다.", "This briefing needs the id of its record."
        )
    return ident


def _agreement(db: Database, ident: UUID | None, _: AgreementQuery | None) -> Any:
    return briefings.agreement_briefing(db, _need(ident))


def _organization(db: Database, ident: UUID | None, _: AgreementQuery | None) -> Any:
    return briefings.counterpart_briefing(db, _need(ident))


def _meeting(db: Database, ident: UUID | None, _: AgreementQuery | None) -> Any:
    return briefings.meeting_briefing(db, _need(ident))


def _portfolio(db: Database, _: UUID | None, query: AgreementQuery | None) -> Any:
    return briefings.portfolio(db, query)


BRIEFING_TYPES: dict[str, BriefingType] = {
    t.key: t
    for t in (
        BriefingType(
            "agreement", "agreement", "협약 브리핑", "Agreement briefing", _agreement, agreement.build
        ),
        BriefingType(
            "counterpart",
            "organization",
            "기관 브리핑",
            "Counterpart briefing",
            _organization,
            organization.build,
        ),
        BriefingType("premeeting", "meeting", "회의 사전 자료", "Pre-meeting brief", _meeting, meeting.build),
        BriefingType("minutes", "meeting", "회의록", "Minutes record", _meeting, minutes.build),
        BriefingType(
            "portfolio", "portfolio", "협약 현황", "Portfolio overview", _portfolio, portfolio.build
        ),
    )
}


def types_for(target: str) -> list[BriefingType]:
    """The briefing types about one kind of record, the usual one first."""
    return [t for t in BRIEFING_TYPES.values() if t.target == target]
