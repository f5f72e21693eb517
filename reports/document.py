"""The neutral document model: what a briefing says, not how it looks.

Templates build a :class:`Document` from service DTOs; renderers (``reports.pdf``,
``reports.docx``) turn it into bytes. Text here is plain text (never markup): each
renderer escapes it where it enters its own format. No Qt, no database, no format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.dto import MissingTranslation


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = section, 2 = subsection, 3 = minor heading


@dataclass(frozen=True)
class Paragraph:
    text: str  # may contain newlines
    style: str = "body"  # body | note (small, grey) | lead (slightly larger)


@dataclass(frozen=True)
class KeyValueTable:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DataTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths; empty = equal
    highlight: frozenset[int] = frozenset()  # row indices to mark (overdue)
    empty_text: str = ""  # shown instead of the table when there are no rows
    group_starts: frozenset[int] = frozenset()  # rows that start a group (a rule above them)


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Items:
    """개조식 items: (level, text), level 1 = □, 2 = ○, 3 = -, 4 = · (in English •, –, ·, ·)."""

    items: tuple[tuple[int, str], ...]


ITEM_MARKS = {"ko": ("□", "○", "-", "·"), "en": ("•", "–", "·", "·")}


def item_mark(lang: str, level: int) -> str:
    marks = ITEM_MARKS["ko" if lang == "ko" else "en"]
    return marks[max(1, min(len(marks), level)) - 1]


@dataclass(frozen=True)
class BarChart:
    """Counts by category, one bar per series in each category."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]  # (series name, one count per category)
    total_label: str = "Total"
    colors: tuple[str, ...] = ()  # hex RGB per series (fixed per status); empty: the palette in order


@dataclass(frozen=True)
class Signatory:
    role: str  # e.g. "작성" / "Recorded by"
    organization: str = ""
    name: str = ""


@dataclass(frozen=True)
class SignatureBlock:
    signatories: tuple[Signatory, ...]
    signature_label: str = "Signature"
    date_label: str = "Date"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (
    Heading
    | Paragraph
    | KeyValueTable
    | DataTable
    | BulletList
    | Items
    | BarChart
    | SignatureBlock
    | PageBreak
)


@dataclass(frozen=True)
class Document:
    title: str
    lang: str  # ko | en
    generated_on: date
    subtitle: str = ""
    author: str = "Partnership Desk"
    subject: str = ""
    keywords: tuple[str, ...] = ()
    classification: str | None = None  # marking on every page, e.g. 대외비 / RESTRICTED
    page_label: str = "Page {page} of {pages}"  # footer, with {page} and {pages}
    generated_label: str = ""  # footer, e.g. "Generated 27 Nov 2026"
    highlight_note: str = ""  # explains the highlighted rows, shown with them
    masthead: str = ""  # under the title: "2026. 12. 2.(수)  반도체과  담당 홍길동 (☎ 044-000-0000)"
    summary_label: str = ""  # 핵심 요약 / Summary
    summary: tuple[Items | Paragraph, ...] = ()  # the box first on page 1
    declassify: str = ""  # 예고문: when the marking is lowered, printed after the body
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    # Texts printed in the other language (tagged [KO]/[EN]) and the legend saying so, under the date line.
    missing: tuple[MissingTranslation, ...] = ()
    missing_settings: tuple[str, ...] = ()  # Settings printed in the other language: "department_en"
    missing_note: str = ""

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def text_items(self) -> list[str]:
        """Every piece of visible text, for checks and search."""
        out = [
            self.title,
            self.subtitle,
            self.masthead,
            self.missing_note,
            self.summary_label,
            self.declassify,
        ]
        for b in (*self.summary, *self.blocks):
            if isinstance(b, Heading | Paragraph):
                out.append(b.text)
            elif isinstance(b, KeyValueTable):
                out += [t for row in b.rows for t in row]
            elif isinstance(b, DataTable):
                out += list(b.header) + [t for row in b.rows for t in row]
            elif isinstance(b, BulletList):
                out += list(b.items)
            elif isinstance(b, Items):
                out += [t for _, t in b.items]
            elif isinstance(b, BarChart):
                out += [b.title, *b.categories, *(name for name, _ in b.series)]
            elif isinstance(b, SignatureBlock):
                out += [t for s in b.signatories for t in (s.role, s.organization, s.name)]
        return [t for t in out if t]


def split_page_label(label: str) -> list[str | int]:
    """``"Page {page} of {pages}"`` as text pieces and field markers (0 = page, 1 = pages)."""
    parts: list[str | int] = []
    rest = label
    while rest:
        i_page, i_pages = rest.find("{page}"), rest.find("{pages}")
        candidates = [(i, tok) for i, tok in ((i_page, "{page}"), (i_pages, "{pages}")) if i >= 0]
        if not candidates:
            parts.append(rest)
            break
        i, tok = min(candidates)
        if i:
            parts.append(rest[:i])
        parts.append(0 if tok == "{page}" else 1)
        rest = rest[i + len(tok) :]
    return parts
