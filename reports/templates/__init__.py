"""The registry of briefing types: how to gather each one's data and build its document.

Adding a briefing type means one template module and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar
from uuid import UUID

from app.db import Database
from app.dto import AgreementQuery
from app.errors import ValidationError
from app.progress import Progress
from app.services import briefings
from app.services.briefings import (
    AgreementBriefingData,
    CounterpartBriefingData,
    MeetingBriefingData,
    PortfolioData,
)
from reports.document import Document
from reports.templates import agreement, meeting, minutes, organization, portfolio
from reports.templates.common import BriefContext

DataT = TypeVar("DataT")


class Briefing(Protocol):
    """A kind of briefing, whatever data it gathers: what the program and the command line see."""

    @property
    def key(self) -> str: ...  # agreement | counterpart | premeeting | minutes | portfolio

    @property
    def target(
        self,
    ) -> str: ...  # the kind of record it is about: agreement | organization | meeting | portfolio

    @property
    def name_ko(self) -> str: ...

    @property
    def name_en(self) -> str: ...

    def name(self, lang: str) -> str: ...

    def document(
        self,
        db: Database,
        target_id: UUID | None,
        query: AgreementQuery | None,
        *,
        context: BriefContext,
        progress: Progress,
    ) -> Document: ...


@dataclass(frozen=True)
class BriefingType(Generic[DataT]):
    """Gathers its ``DataT`` from the services and builds its document from it."""

    key: str
    target: str
    name_ko: str
    name_en: str
    gather: Callable[[Database, UUID | None, AgreementQuery | None, BriefContext], DataT]
    build: Callable[[DataT, BriefContext], Document]

    def name(self, lang: str) -> str:
        return self.name_ko if lang == "ko" else self.name_en

    def document(
        self,
        db: Database,
        target_id: UUID | None,
        query: AgreementQuery | None,
        *,
        context: BriefContext,
        progress: Progress,
    ) -> Document:
        data = self.gather(db, target_id, query, context)
        progress.check()
        progress.report(1, 3)
        return self.build(data, context)


def _need(ident: UUID | None) -> UUID:
    if ident is None:
        raise ValidationError(
            "target_id", "대상 ID가 필요합니다.", "This briefing needs the id of its record."
        )
    return ident


def _agreement(
    db: Database, ident: UUID | None, _: AgreementQuery | None, ctx: BriefContext
) -> AgreementBriefingData:
    return briefings.agreement_briefing(db, _need(ident))


def _organization(
    db: Database, ident: UUID | None, _: AgreementQuery | None, ctx: BriefContext
) -> CounterpartBriefingData:
    return briefings.counterpart_briefing(db, _need(ident))


def _meeting(
    db: Database, ident: UUID | None, _: AgreementQuery | None, ctx: BriefContext
) -> MeetingBriefingData:
    return briefings.meeting_briefing(db, _need(ident), ctx.author.our_organization)


def _portfolio(
    db: Database, _: UUID | None, query: AgreementQuery | None, ctx: BriefContext
) -> PortfolioData:
    return briefings.portfolio(db, query, ctx.today)


BRIEFING_TYPES: dict[str, Briefing] = {
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


def types_for(target: str) -> list[Briefing]:
    """The briefing types about one kind of record, the usual one first."""
    return [t for t in BRIEFING_TYPES.values() if t.target == target]
