"""A :class:`~reports.document.Document` as an A4 PDF (ReportLab platypus).

Every piece of record text is escaped where it enters Paragraph markup; the
NanumGothic fonts are registered once and embedded (subset) in every file; the
header carries the title and marking, the footer "page x of y" (numbering canvas)
and the generation date; sections become PDF bookmarks.
"""

from __future__ import annotations

import io
import threading
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph

from app.paths import resources_dir
from app.progress import Progress
from app.text import strip_xml_illegal
from reports import document as d
from reports import palette

FONT = "NanumGothic"
FONT_BOLD = "NanumGothic-Bold"
PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#" + palette.INK)
NAVY = colors.HexColor("#" + palette.NAVY)
GREY = colors.HexColor("#" + palette.GREY)
RULE = colors.HexColor("#" + palette.RULE)
HEAD_BG = colors.HexColor("#" + palette.HEAD_BG)
LABEL_BG = colors.HexColor("#" + palette.LABEL_BG)
OVERDUE_BG = colors.HexColor("#" + palette.OVERDUE_BG)
OVERDUE_INK = colors.HexColor("#" + palette.OVERDUE_INK)
MARKING = colors.HexColor("#" + palette.MARKING)
SERIES_COLORS = ["#" + c for c in palette.SERIES]

CHART_H = 62 * mm
SMALL_TABLE = 6  # data rows: a table this small is kept whole on one page
TAIL = 4  # rows (the legend counts) that a split table carries onto its last page, at least


def _glue(flowables: list[Flowable]) -> list[Flowable]:
    """Put a keep-with-next flowable (a heading) into the KeepTogether that follows it.

    ReportLab's keepWithNext does not reach into a KeepTogether (a container), so a heading
    before a small table, kept whole, could end a page alone."""
    out: list[Flowable] = []
    for f in reversed(flowables):
        nxt = out[-1] if out else None
        if isinstance(nxt, KeepTogether) and f.getKeepWithNext():
            f.__dict__["keepWithNext"] = 0
            out[-1] = KeepTogether([f, *nxt._content])
        else:
            out.append(f)
    return out[::-1]


def _long_table(block: d.Block | None) -> bool:
    return isinstance(block, d.DataTable) and len(block.rows) > SMALL_TABLE


class _Table(Table):  # type: ignore[misc]
    """A table whose head and tail rows stay together, unless that is impossible on a fresh page."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        kept: list[Any] = self.__dict__.get("_nosplitCmds", [])
        if parts or availHeight < 0.8 * (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM):
            return parts
        # On a fresh page and still no way: rows too tall to keep together (or taller than a
        # page). Split anywhere, inside a row too, rather than fail.
        self._nosplitCmds, self.splitInRow = [], 1
        try:
            return list(super().split(availWidth, availHeight))
        finally:
            self._nosplitCmds, self.splitInRow = kept, 0


# Cells that hold plain strings (even empty ones) would otherwise select Helvetica.
_CELL_FONT: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 9)]

_fonts_lock = threading.Lock()
_fonts_ready: list[bool] = []


def register_fonts() -> None:
    """Register the bundled Korean fonts with ReportLab, once per process."""
    if _fonts_ready:
        return
    with _fonts_lock:
        if _fonts_ready:
            return
        folder = resources_dir() / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(folder / "NanumGothic.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "NanumGothicBold.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        # Charts start every drawing in the default font; make that ours, so no
        # unembedded Helvetica ends up in the file.
        # The same for table cells that hold no paragraph (list bullets, empty cells).
        from reportlab.graphics import shapes
        from reportlab.platypus import tables

        shapes.STATE_DEFAULTS["fontName"] = FONT
        tables.CellStyle.fontname = FONT
        _fonts_ready.append(True)


def markup(text: str) -> str:
    """Plain record text as safe Paragraph markup: escaped, newlines kept."""
    clean = strip_xml_illegal(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return escape(clean).replace("\n", "<br/>")


def plain(text: str) -> str:
    """Text for canvas strings and PDF metadata: no XML-illegal characters, one line."""
    return " ".join(strip_xml_illegal(text).split())


# -- styles --------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=15.5, textColor=INK, spaceAfter=5)
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=19, leading=26, textColor=NAVY, spaceAfter=4
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10.5, textColor=GREY, spaceAfter=2),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13.5,
            leading=19,
            textColor=NAVY,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11.2,
            leading=16,
            textColor=NAVY,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=FONT_BOLD, fontSize=10.2, leading=15, spaceBefore=6, keepWithNext=1
        ),
        "masthead": ParagraphStyle(
            "masthead", parent=base, fontSize=9.5, leading=13, textColor=INK, alignment=TA_RIGHT, spaceAfter=3
        ),
        "declassify": ParagraphStyle(
            "declassify",
            parent=base,
            fontSize=8.5,
            leading=12,
            textColor=MARKING,
            alignment=TA_RIGHT,
            spaceAfter=4,
        ),
        "box_label": ParagraphStyle(
            "box_label",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=NAVY,
            spaceAfter=2,
        ),
        "title_box": ParagraphStyle(
            "title_box",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=18,
            leading=25,
            textColor=NAVY,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        "subtitle_box": ParagraphStyle(
            "subtitle_box",
            parent=base,
            fontSize=10,
            leading=14,
            textColor=GREY,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        "body": base,
        "lead": ParagraphStyle("lead", parent=base, fontSize=11, leading=16.5, textColor=GREY, spaceAfter=8),
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=13.5, textColor=GREY),
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=9.5,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=13, spaceAfter=0),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=FONT_BOLD, fontSize=9, leading=13, spaceAfter=0
        ),
        "cell_overdue": ParagraphStyle(
            "cell_overdue", parent=base, fontSize=9, leading=13, textColor=OVERDUE_INK
        ),
        "bullet": ParagraphStyle("bullet", parent=base, spaceAfter=2),
        **{
            f"item{n}": ParagraphStyle(
                f"item{n}",
                parent=base,
                fontSize=10.5 if n == 1 else 10,
                leading=16 if n == 1 else 15,
                bulletFontName=FONT,
                bulletFontSize=10.5 if n == 1 else 10,
                bulletIndent=(n - 1) * 5 * mm,
                leftIndent=(n - 1) * 5 * mm + 5 * mm,
                spaceBefore=4 if n == 1 else 1,
                spaceAfter=1,
            )
            for n in (1, 2, 3, 4)
        },
        "chart_caption": ParagraphStyle(
            "chart_caption", parent=base, fontSize=8.5, textColor=GREY, alignment=TA_CENTER
        ),
    }


class _Heading(RLParagraph):  # type: ignore[misc]
    """A heading paragraph that knows its bookmark."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(markup(text), style)
        self.outline_text = plain(text)[:200] or "-"
        self.outline_level = level
        self.outline_key = key


class _DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, doc: d.Document, progress: Progress | None) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=plain(doc.title),
            author=plain(doc.author),
            subject=plain(doc.subject),
            creator="Partnership Desk",
            keywords=[plain(k) for k in doc.keywords],
            lang=doc.lang,
        )
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._progress = progress
        self._last_level = -1

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            # Outline levels may only go one deeper at a time.
            level = min(flowable.outline_level, self._last_level + 1)
            self._last_level = level
            if self._last_level == 0 and flowable.outline_key == "s1":
                self.canv.showOutline()
            self.canv.bookmarkPage(flowable.outline_key)
            self.canv.addOutlineEntry(flowable.outline_text, flowable.outline_key, level=level, closed=False)
        if self._progress is not None:
            self._progress.check()


def _numbered_canvas(doc: d.Document) -> type[Canvas]:
    """A canvas that draws header and footer once the page count is known."""
    title = plain(doc.title)
    marking = plain(doc.classification or "")
    generated = plain(doc.generated_label)
    pieces = d.split_page_label(doc.page_label)

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Never the built-in Helvetica: it would be an unembedded font in the file.
            kwargs["initialFontName"] = FONT
            kwargs["initialFontSize"] = 10
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, page: int, pages: int) -> None:
            """The marking centred at the top and the bottom, ``- 1 -`` centred below the rule."""
            self.saveState()
            top = PAGE_H - 14 * mm
            side_w = FRAME_W / 2 - 22 * mm if marking else FRAME_W
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            self.drawString(MARGIN_X, top, _fit(title, FONT, 8, side_w))
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)
            bottom = 12 * mm
            self.line(MARGIN_X, bottom + 4.5 * mm, PAGE_W - MARGIN_X, bottom + 4.5 * mm)
            self.drawString(MARGIN_X, bottom, _fit(generated, FONT, 8, side_w))
            label = "".join(str(page) if p == 0 else str(pages) if p == 1 else str(p) for p in pieces)
            self.setFont(FONT, 9.5)
            self.setFillColor(INK)
            self.drawCentredString(PAGE_W / 2, bottom, label)
            if marking:
                self.setFillColor(MARKING)
                self.setFont(FONT_BOLD, 11)
                text = _fit(marking, FONT_BOLD, 11, 40 * mm)
                self.drawCentredString(PAGE_W / 2, PAGE_H - 10 * mm, text)
                self.drawCentredString(PAGE_W / 2, 6 * mm, text)
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width`` (header and footer lines)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


# -- blocks --------------------------------------------------------------------


class _Builder:
    def __init__(self, doc: d.Document) -> None:
        self.doc = doc
        self.st = _styles()
        self.headings = 0

    def story(self) -> list[Flowable]:
        doc = self.doc
        out: list[Flowable] = [self.title_box()]
        if doc.masthead:
            out.append(RLParagraph(markup(doc.masthead), self.st["masthead"]))
        if doc.declassify:  # 예고문 on the first page, under the date line
            out.append(RLParagraph(markup(doc.declassify), self.st["declassify"]))
        if doc.missing_note:  # what the [KO]/[EN] tags mean, when the document has any
            out.append(RLParagraph(markup(doc.missing_note), self.st["note"]))
        out.append(Spacer(1, 4))
        if doc.summary:
            out.append(self.summary_box())
        blocks = doc.blocks
        for i, block in enumerate(blocks):
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, d.Heading) and _long_table(after):
                out += self.heading(block, glued=False)  # the table's first rows hold together
            elif isinstance(block, d.Heading) and isinstance(after, d.BarChart | d.SignatureBlock):
                # A drawing or the signatures stay whole: the heading needs their room too.
                out += [CondPageBreak(CHART_H + 25 * mm), *self.heading(block, glued=True)]
            else:
                out += self.block(block)
        return _glue(out)

    def title_box(self) -> Table:
        """The title in a double-ruled box, the kind of briefing under it."""
        cells: list[Flowable] = [RLParagraph(markup(self.doc.title), self.st["title_box"])]
        if self.doc.subtitle:
            cells.append(RLParagraph(markup(self.doc.subtitle), self.st["subtitle_box"]))
        table = Table([[cells]], colWidths=[FRAME_W], hAlign="CENTER", splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    *_CELL_FONT,
                    ("BOX", (0, 0), (-1, -1), 1.6, NAVY),
                    ("INNERGRID", (0, 0), (-1, -1), 0, colors.white),
                    ("TOPPADDING", (0, 0), (-1, -1), 9),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ]
            )
        )
        table.spaceAfter = 5
        return table

    def summary_box(self) -> Flowable:
        """핵심 요약: a shaded box with its label, first on page 1."""
        inner: list[Flowable] = [RLParagraph(markup(self.doc.summary_label), self.st["box_label"])]
        for part in self.doc.summary:
            inner += self.items(part) if isinstance(part, d.Items) else self.block(part)
        table = Table([[inner]], colWidths=[FRAME_W], hAlign="LEFT", splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    *_CELL_FONT,
                    ("BOX", (0, 0), (-1, -1), 0.9, NAVY),
                    ("BACKGROUND", (0, 0), (-1, -1), LABEL_BG),
                    ("TOPPADDING", (0, 0), (-1, -1), 7),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                    ("LEFTPADDING", (0, 0), (-1, -1), 9),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ]
            )
        )
        table.spaceAfter = 6
        return KeepTogether([table])

    def items(self, b: d.Items) -> list[Flowable]:
        """개조식: □ / ○ / - / · with hanging indents."""
        out: list[Flowable] = []
        for level, text in b.items:
            style = self.st[f"item{max(1, min(4, level))}"]
            out.append(RLParagraph(markup(text), style, bulletText=d.item_mark(self.doc.lang, level)))
        if out:
            out.append(Spacer(1, 4))
        return out

    def block(self, b: d.Block) -> list[Flowable]:
        if isinstance(b, d.Heading):
            return self.heading(b, glued=True)
        if isinstance(b, d.Paragraph):
            style = self.st.get(b.style, self.st["body"])
            para = RLParagraph(markup(b.text), style)
            return [CondPageBreak(24 * mm), para] if b.style == "label" else [para]
        if isinstance(b, d.KeyValueTable):
            return [self.key_values(b)]
        if isinstance(b, d.DataTable):
            return self.data_table(b)
        if isinstance(b, d.BulletList):
            return [self.bullets(b)]
        if isinstance(b, d.Items):
            return self.items(b)
        if isinstance(b, d.BarChart):
            return [self.chart(b)]
        if isinstance(b, d.SignatureBlock):
            return [self.signatures(b)]
        if isinstance(b, d.PageBreak):
            return [RLPageBreak()]
        raise TypeError(f"unknown block {type(b).__name__}")

    def heading(self, b: d.Heading, *, glued: bool) -> list[Flowable]:
        """A heading kept with what follows it. Before a long table it is not glued to the whole
        table (a page-long table would move and leave half a page blank): it starts a new page
        unless the room left holds it, the table's header and its first rows (kept together)."""
        self.headings += 1
        level = max(1, min(3, b.level))
        room = {1: 42 * mm, 2: 34 * mm, 3: 28 * mm}[level] if glued else 58 * mm
        style = self.st[f"h{level}"]
        if not glued:
            style = ParagraphStyle(f"{style.name}_free", parent=style, keepWithNext=0)
        return [CondPageBreak(room), _Heading(b.text, style, level - 1, f"s{self.headings}")]

    def cell(self, text: str, style: str = "cell") -> RLParagraph:
        return RLParagraph(markup(text) if text else "", self.st[style])

    def key_values(self, b: d.KeyValueTable) -> Flowable:
        rows = [[self.cell(k, "cell_head"), self.cell(v)] for k, v in b.rows]
        table = Table(rows, colWidths=[FRAME_W * 0.26, FRAME_W * 0.74], splitInRow=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, NAVY),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.8, NAVY),
                    ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        table.spaceAfter = 8
        return table if len(b.rows) > SMALL_TABLE else KeepTogether([table])

    def data_table(self, b: d.DataTable) -> list[Flowable]:
        if not b.rows:
            return [RLParagraph(markup(b.empty_text or "-"), self.st["note"])] if b.empty_text else []
        columns = len(b.header)
        weights = list(b.widths) if len(b.widths) == columns else [1.0] * columns
        widths = [FRAME_W * w / sum(weights) for w in weights]
        data: list[list[Any]] = [[self.cell(h, "cell_head") for h in b.header]]
        for i, row in enumerate(b.rows):
            style = "cell_overdue" if i in b.highlight else "cell"
            cells = list(row[:columns]) + [""] * (columns - len(row))
            data.append([self.cell(c, style) for c in cells])
        commands: list[tuple[Any, ...]] = [
            *_CELL_FONT,
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, NAVY),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, NAVY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ]
        for i in b.highlight:
            if 0 <= i < len(b.rows):
                commands.append(("BACKGROUND", (0, i + 1), (-1, i + 1), OVERDUE_BG))
        for i in b.group_starts:
            if 0 < i < len(b.rows):
                commands.append(("LINEABOVE", (0, i + 1), (-1, i + 1), 0.7, NAVY))
        rows = len(data) - 1
        if b.highlight and self.doc.highlight_note:
            # The legend is the table's last row: it never stands alone on a page.
            data.append(
                [RLParagraph(markup(self.doc.highlight_note), self.st["note"])] + [""] * (columns - 1)
            )
            last = len(data) - 1
            commands += [
                ("SPAN", (0, last), (-1, last)),
                ("LINEBELOW", (0, last), (-1, last), 0, colors.white),
                ("LINEBELOW", (0, last - 1), (-1, last - 1), 0.8, NAVY),
                ("TOPPADDING", (0, last), (-1, last), 3),
            ]
        if rows > SMALL_TABLE:
            # No page holds only the header and a row, nor a tail of one to three rows (or the legend).
            commands.append(("NOSPLIT", (0, 0), (-1, min(2, len(data) - 1))))
            commands.append(("NOSPLIT", (0, -TAIL), (-1, -1)))  # from the end: split pieces keep it
        table = _Table(data, colWidths=widths, repeatRows=1, splitInRow=0, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        table.spaceAfter = 4
        out: list[Flowable] = [table if rows > SMALL_TABLE else KeepTogether([table])]
        out.append(Spacer(1, 6))
        return out

    def bullets(self, b: d.BulletList) -> ListFlowable:
        items = [ListItem(RLParagraph(markup(t), self.st["bullet"]), leftIndent=16) for t in b.items]
        return ListFlowable(
            items,
            bulletType="1" if b.numbered else "bullet",
            start=None if b.numbered else "•",
            bulletFontName=FONT,
            bulletFontSize=9.5,
            leftIndent=16,
            bulletFormat="%s." if b.numbered else None,
            spaceAfter=6,
        )

    def chart(self, b: d.BarChart) -> Flowable:
        if not b.categories or not b.series:
            return RLParagraph("-", self.st["note"])
        height = CHART_H
        drawing = Drawing(FRAME_W, height)
        chart = VerticalBarChart()
        chart.x, chart.y = 12 * mm, 12 * mm
        chart.width = FRAME_W - 55 * mm
        chart.height = height - 18 * mm
        chart.data = [list(values) for _, values in b.series]
        top = max([sum(values[i] for _, values in b.series) for i in range(len(b.categories))] + [1])
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = top + 1
        chart.valueAxis.valueStep = max(1, (top + 1) // 5)
        chart.valueAxis.labels.fontName = FONT
        chart.valueAxis.labels.fontSize = 8
        chart.valueAxis.strokeColor = RULE
        chart.valueAxis.gridStrokeColor = colors.HexColor("#" + palette.GRID)
        chart.valueAxis.visibleGrid = 1
        chart.categoryAxis.categoryNames = [plain(c) for c in b.categories]
        chart.categoryAxis.labels.fontName = FONT
        chart.categoryAxis.labels.fontSize = 8
        chart.categoryAxis.strokeColor = RULE
        # Stacked: one bar per year, its segments the statuses.
        chart.categoryAxis.style = "stacked"
        chart.groupSpacing = 10
        chart.barWidth = 10
        chart.barLabelFormat = lambda v: str(int(v)) if v else ""
        chart.barLabels.fontName = FONT_BOLD
        chart.barLabels.fontSize = 7.5
        chart.barLabels.fillColor = colors.white
        chart.barLabels.boxTarget = "mid"
        series_colors = ["#" + c for c in b.colors] if len(b.colors) == len(b.series) else SERIES_COLORS
        for i in range(len(b.series)):
            color = colors.HexColor(series_colors[i % len(series_colors)])
            chart.bars[i].fillColor = color
            chart.bars[i].strokeColor = color
        drawing.add(chart)
        legend = Legend()
        legend.x = chart.x + chart.width + 8 * mm
        legend.y = chart.y + chart.height
        legend.fontName = FONT
        legend.fontSize = 8.5
        legend.alignment = "right"
        legend.boxAnchor = "nw"
        legend.columnMaximum = 10
        legend.colorNamePairs = [
            (colors.HexColor(series_colors[i % len(series_colors)]), plain(name))
            for i, (name, _) in enumerate(b.series)
        ]
        drawing.add(legend)
        drawing.add(String(0, 0, "", fontName=FONT, fontSize=1))
        return KeepTogether([drawing, Spacer(1, 6)])

    def signatures(self, b: d.SignatureBlock) -> Table:
        rows = []
        for s in b.signatories:
            who = " ".join(x for x in (s.organization, s.name) if x)
            rows.append(
                [
                    self.cell(s.role, "cell_head"),
                    self.cell(who),
                    self.cell(f"{b.signature_label}:"),
                    "",
                    self.cell(f"{b.date_label}:"),
                    "",
                ]
            )
        widths = [w * FRAME_W for w in (0.14, 0.22, 0.12, 0.24, 0.09, 0.19)]
        table = Table(rows, colWidths=widths, rowHeights=[16 * mm] * len(rows), hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    *_CELL_FONT,
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LINEBELOW", (3, 0), (3, -1), 0.6, INK),
                    ("LINEBELOW", (5, 0), (5, -1), 0.6, INK),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return KeepTogether([Spacer(1, 4), table])


def render_pdf(doc: d.Document, progress: Progress | None = None) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    template = _DocTemplate(buffer, doc, progress)
    template.build(_Builder(doc).story(), canvasmaker=_numbered_canvas(doc))
    return buffer.getvalue()
