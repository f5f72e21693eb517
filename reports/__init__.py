"""Briefings: documents for officials, as PDF, Word or Hangul, in Korean or English.

``generate_briefing(db, request, progress)`` gathers the data through
``app.services``, builds a neutral :class:`reports.document.Document` with the
briefing type's template and renders it. ReportLab, python-docx and python-hwpx are
imported only when rendering, so importing this package stays cheap and Qt-free.

A briefing is in one language. A text its record has only in the other language is
printed tagged ([KO]/[EN]); ``missing_translations(db, request)`` lists those texts
before the document is made, from building the same document (no rendering).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from app import clock, zones
from app.atomic import atomic_write_bytes
from app.dto import MissingTranslation
from app.errors import ValidationError
from app.progress import Progress
from app.services.meetings import get_meeting
from app.services.settings import BriefingAuthor
from reports.templates import BRIEFING_TYPES, types_for
from reports.templates.common import MARKINGS, BriefContext, Marking, marking_in

if TYPE_CHECKING:
    from app.db import Database
    from app.dto import AgreementQuery
    from reports.document import Document
    from reports.templates import Briefing

TARGETS = ("agreement", "organization", "meeting", "portfolio")
FORMATS = ("pdf", "docx", "hwpx")
LANGUAGES = ("ko", "en")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "hwpx": "application/hwp+zip",
}


@dataclass(frozen=True)
class BriefingRequest:
    target: str  # the kind of record it is about: agreement | organization | meeting | portfolio
    target_id: UUID | None = None  # None for the portfolio
    lang: str = "ko"
    format: str = "pdf"
    # The marking on every page, printed in the briefing's language: a Marking gives both; a known
    # marking typed in one language (대외비, RESTRICTED, 내부용 ...) is printed as its counterpart.
    classification: str | Marking | None = None
    portfolio_filter: AgreementQuery | None = None
    key: str | None = None  # a BRIEFING_TYPES key; None: the usual one for ``target``
    today: date | None = None  # the generation date (tests); None: today in Korea (zones.HOME)
    author: BriefingAuthor = field(default_factory=BriefingAuthor)  # department, author, phone (Settings)
    declassify: str = ""  # 예고문, e.g. "2027. 12. 31. 일반으로 재분류"


def check_request(request: BriefingRequest) -> None:
    if request.target not in TARGETS:
        raise ValidationError(
            "target",
            f"알 수 없는 브리핑 대상입니다: {request.target}",
            f"Unknown briefing target: {request.target}",
        )
    if request.format not in FORMATS:
        raise ValidationError(
            "format", f"지원하지 않는 형식입니다: {request.format}", f"Unsupported format: {request.format}"
        )
    if request.lang not in LANGUAGES:
        raise ValidationError(
            "lang", f"지원하지 않는 언어입니다: {request.lang}", f"Unsupported language: {request.lang}"
        )
    if request.target != "portfolio" and request.target_id is None:
        raise ValidationError(
            "target_id", "대상 ID가 필요합니다.", "This briefing needs the id of its record."
        )


def briefing_type(db: Database, request: BriefingRequest) -> Briefing:
    """The briefing type for ``request``: a meeting yet to come gets a pre-meeting brief."""

    check_request(request)
    if request.key is not None:
        chosen = BRIEFING_TYPES.get(request.key)
        if chosen is None or chosen.target != request.target:
            raise ValidationError(
                "key",
                f"'{request.target}'에 대한 브리핑 유형이 아닙니다: {request.key}",
                f"Not a briefing type for a {request.target}: {request.key}",
            )
        return chosen
    if request.target == "meeting" and request.target_id is not None:
        starts = get_meeting(db, request.target_id).starts_at
        held = starts is not None and (starts if starts.tzinfo else starts.replace(tzinfo=UTC)) < clock.now()
        return BRIEFING_TYPES["minutes" if held else "premeeting"]
    return types_for(request.target)[0]


def build_document(db: Database, request: BriefingRequest, progress: Progress | None = None) -> Document:
    check_request(request)
    progress = progress or Progress()
    briefing = briefing_type(db, request)
    progress.report(0, 3, briefing.name(request.lang))
    context = BriefContext(
        lang=request.lang,
        today=request.today or briefing_day(),
        classification=request.classification,
        author=request.author,
        declassify=request.declassify,
    )
    return briefing.document(
        db, request.target_id, request.portfolio_filter, context=context, progress=progress
    )


def briefing_day() -> date:
    """Today in Korea: a briefing is dated the same whatever zone the computer is set to."""
    return zones.in_zone(clock.now(), zones.HOME).date()


def missing_translations(db: Database, request: BriefingRequest) -> tuple[MissingTranslation, ...]:
    """The texts ``request``'s briefing would print in the other language, tagged, each with its
    record to open: exactly the ones the document tags, since they come from building it."""
    return build_document(db, request).missing


def render(document: Document, fmt: str, progress: Progress | None = None) -> bytes:
    """The document as ``fmt`` (pdf, docx or hwpx) bytes."""
    if fmt == "pdf":
        from reports.pdf import render_pdf

        return render_pdf(document, progress)
    if fmt == "docx":
        from reports.docx import render_docx

        return render_docx(document, progress)
    if fmt == "hwpx":
        from reports.hwpx import render_hwpx

        return render_hwpx(document, progress)
    raise ValidationError("format", f"지원하지 않는 형식입니다: {fmt}", f"Unsupported format: {fmt}")


def generate_briefing(db: Database, request: BriefingRequest, progress: Progress) -> bytes:
    """Gather, build and render one briefing; raises Cancelled when the user stops it."""
    document = build_document(db, request, progress)
    progress.check()
    progress.report(2, 3)
    data = render(document, request.format, progress)
    progress.report(3, 3)
    return data


@dataclass(frozen=True)
class BriefingResult:
    """A briefing made for the program's preview: the PDF to show and the file to save."""

    request: BriefingRequest
    title: str
    pdf: bytes  # for the preview (the file itself when the format is PDF)
    data: bytes  # the file in the chosen format
    missing: tuple[MissingTranslation, ...] = ()  # texts printed in the other language, tagged


def produce_briefing(db: Database, request: BriefingRequest, progress: Progress) -> BriefingResult:
    """Build the document once, render the preview and the file (a worker-thread task)."""
    document = build_document(db, request, progress)
    progress.check()
    progress.report(2, 3)
    pdf = render(document, "pdf", progress)
    data = pdf if request.format == "pdf" else render(document, request.format, progress)
    progress.report(3, 3)
    return BriefingResult(request=request, title=document.title, pdf=pdf, data=data, missing=document.missing)


def write_briefing(
    db: Database,
    request: BriefingRequest,
    path: Path,
    progress: Progress | None = None,
    on_missing: Callable[[Document], None] | None = None,
) -> Path:
    """Generate and write atomically to ``path`` (the old file stays if anything fails).

    ``on_missing`` is given the document once it is built, before it is rendered and
    written, when it prints texts in the other language (``document.missing``, and the
    Settings in ``document.missing_settings``): ``brief`` lists them on stderr.
    """
    progress = progress or Progress()
    document = build_document(db, request, progress)
    if on_missing is not None and (document.missing or document.missing_settings):
        on_missing(document)
    progress.check()
    progress.report(2, 3)
    data = render(document, request.format, progress)
    progress.report(3, 3)
    atomic_write_bytes(Path(path), data)
    return Path(path)


def suggested_filename(request: BriefingRequest, title: str = "") -> str:
    key = request.key or {"organization": "counterpart"}.get(request.target, request.target)
    name = BRIEFING_TYPES[key].name(request.lang) if key in BRIEFING_TYPES else request.target
    stem = f"{name} - {title}" if title else name
    safe = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in stem).strip(" .")[:120]
    return f"{safe or 'briefing'}.{request.format}"


__all__ = [
    "FORMATS",
    "MARKINGS",
    "BriefingRequest",
    "BriefingResult",
    "Marking",
    "build_document",
    "check_request",
    "generate_briefing",
    "marking_in",
    "missing_translations",
    "produce_briefing",
    "render",
    "suggested_filename",
    "write_briefing",
]
