"""The PDF baseline: the same text and tables laid out with bare ReportLab platypus.

It takes a finished neutral document (built before timing starts), so it does only
what any ReportLab program must: escape text, make paragraphs and tables with the
same Korean font, draw the chart, number the pages ("page x of y") and write
the PDF. No database, no templates.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reports.document import (
    BarChart,
    BulletList,
    DataTable,
    Document,
    Heading,
    KeyValueTable,
    PageBreak,
    Paragraph,
    SignatureBlock,
)

_FONTS_READY = False


def _fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from app.paths import resources_dir

    fonts = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont("BareGothic", str(fonts / "NanumGothic.ttf")))
    pdfmetrics.registerFont(TTFont("BareGothicBold", str(fonts / "NanumGothicBold.ttf")))
    _FONTS_READY = True


def render(doc: Document) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import ListFlowable, ListItem, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Paragraph as RLParagraph

    _fonts()
    body = ParagraphStyle("b", fontName="BareGothic", fontSize=10, leading=15)
    note = ParagraphStyle("n", parent=body, fontSize=8, textColor=colors.grey)
    heads = {
        n: ParagraphStyle(f"h{n}", parent=body, fontName="BareGothicBold", fontSize=16 - 2 * n)
        for n in (1, 2, 3)
    }
    cell = ParagraphStyle("c", parent=body, fontSize=9, leading=13)
    width = A4[0] - 36 * mm

    def p(text: str, style: Any = body) -> Any:
        return RLParagraph(escape(text).replace("\n", "<br/>"), style)

    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ]
    )
    story: list[Any] = [p(doc.title, heads[1]), p(doc.subtitle, note)]
    for block in doc.blocks:
        if isinstance(block, Heading):
            story.append(p(block.text, heads[min(block.level, 3)]))
        elif isinstance(block, Paragraph):
            story.append(p(block.text, note if block.style == "note" else body))
        elif isinstance(block, KeyValueTable):
            story.append(
                Table([[p(k, cell), p(v, cell)] for k, v in block.rows], colWidths=[width * 0.3, width * 0.7])
            )
        elif isinstance(block, DataTable):
            if not block.rows:
                story.append(p(block.empty_text, note))
                continue
            rel = block.widths or tuple(1.0 for _ in block.header)
            cols = [width * w / sum(rel) for w in rel]
            data = [[p(h, cell) for h in block.header]] + [[p(c, cell) for c in row] for row in block.rows]
            story.append(Table(data, colWidths=cols, repeatRows=1, style=grid))
        elif isinstance(block, BulletList):
            story.append(
                ListFlowable(
                    [ListItem(p(i)) for i in block.items], bulletType="1" if block.numbered else "bullet"
                )
            )
        elif isinstance(block, BarChart):
            story.append(_chart(block, width))
        elif isinstance(block, SignatureBlock):
            rows = [
                [p(s.role, cell), p(s.organization, cell), p(s.name, cell), "", ""] for s in block.signatories
            ]
            story.append(Table([["", "", "", block.signature_label, block.date_label], *rows], style=grid))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
        story.append(Spacer(1, 3 * mm))

    class Numbered(Canvas):  # type: ignore[misc]
        """The usual two-pass recipe for "page x of y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont("BareGothic", 8)
                label = doc.page_label.replace("{page}", str(self._pageNumber)).replace("{pages}", str(total))
                self.drawRightString(A4[0] - 18 * mm, 10 * mm, label)
                if doc.classification:
                    self.drawString(18 * mm, A4[1] - 10 * mm, doc.classification)
                super().showPage()
            super().save()

    out = io.BytesIO()
    template = SimpleDocTemplate(
        out, pagesize=A4, title=doc.title, author=doc.author, leftMargin=18 * mm, rightMargin=18 * mm
    )
    template.build(story, canvasmaker=Numbered)
    return out.getvalue()


def _chart(block: BarChart, width: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(width, 160)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 20, width - 60, 120
    chart.data = [list(values) for _name, values in block.series] or [[0]]
    chart.categoryAxis.categoryNames = list(block.categories)
    chart.categoryAxis.labels.fontName = "BareGothic"
    chart.valueAxis.labels.fontName = "BareGothic"
    drawing.add(chart)
    return drawing
