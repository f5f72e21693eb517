"""A :class:`~reports.document.Document` as an editable Word file (python-docx).

Real Word styles (Title, Heading 1-3, List Bullet/Number, Table Grid) so the
navigation pane and a table of contents work; the Korean font is set for East
Asian text too (``w:eastAsia``) so Word shows Hangul in it; A4 pages with the title
and marking in the header and "page x of y" fields with the date in the footer.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time
from typing import Any

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from app.progress import Progress
from app.text import strip_xml_illegal
from reports import document as d
from reports import palette

FONT = "NanumGothic"  # bundled with the program (resources/fonts); Word falls back to a Korean font
TABLE_STYLE = "Table Grid"
NAVY = RGBColor.from_string(palette.NAVY)
GREY = RGBColor.from_string(palette.GREY)
MARKING = RGBColor.from_string(palette.MARKING)
OVERDUE_INK = RGBColor.from_string(palette.OVERDUE_INK)
HEAD_FILL = palette.HEAD_BG
LABEL_FILL = palette.LABEL_BG
OVERDUE_FILL = palette.OVERDUE_BG
TEXT_WIDTH_MM = 170.0
_BAR = "■"  # a glyph NanumGothic has (U+2588 is missing from it)


def clean(text: str) -> str:
    """Record text that XML can hold (python-docx refuses the rest)."""
    return strip_xml_illegal(text).replace("\r\n", "\n").replace("\r", "\n")


def set_fonts(element: Any, name: str = FONT) -> None:
    """Set Latin, East Asian and complex-script fonts on a style's or run's rPr."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _set_lang(style_element: Any, lang: str) -> None:
    rpr = style_element.get_or_add_rPr()
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    # w:val is the language of Latin-script text; Hangul is East Asian text. Marking
    # Latin text as Korean would let it break mid-word.
    el.set(qn("w:val"), "en-GB")
    el.set(qn("w:eastAsia"), "ko-KR")
    del lang


_PPR_AFTER_AUTOSPACE = (
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _no_auto_space(style_element: Any) -> None:
    """Keep "(3차)" as typed: no extra space between Hangul and Latin letters or digits."""
    ppr = style_element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "0")
        ppr.insert_element_before(el, *_PPR_AFTER_AUTOSPACE)


def _cell_margins(table: Any) -> None:
    tblpr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 45), ("left", 90), ("bottom", 45), ("right", 90)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    # Schema order: tblCellMar comes before tblLook (Word rejects files otherwise).
    tblpr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _field(paragraph: Any, instr: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice update."""

    def fld(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run._r.append(text)
    run = paragraph.add_run()
    run._r.append(fld("separate"))
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    run._r.append(fld("end"))


class _Writer:
    def __init__(self, doc: d.Document, progress: Progress | None) -> None:
        self.doc = doc
        self.progress = progress
        self.word = new_document()
        self._numbered_abstract: int | None = None

    # -- page and styles ---------------------------------------------------------

    def setup(self) -> None:
        word, doc = self.word, self.doc
        section = word.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin, section.bottom_margin = Mm(24), Mm(22)
        section.header_distance, section.footer_distance = Mm(10), Mm(10)
        styles = word.styles
        normal = styles["Normal"]
        normal.font.size = Pt(10)
        set_fonts(normal.element)
        _set_lang(normal.element, doc.lang)
        _no_auto_space(normal.element)
        normal.paragraph_format.space_after = Pt(4)
        normal.paragraph_format.line_spacing = 1.25
        sizes = {"Title": 20, "Subtitle": 11, "Heading 1": 14, "Heading 2": 12, "Heading 3": 10.5}
        for name, size in sizes.items():
            style = styles[name]
            set_fonts(style.element)
            style.font.size = Pt(size)
            style.font.italic = False
            style.font.color.rgb = GREY if name == "Subtitle" else NAVY
            spacing = style.element.get_or_add_rPr().find(qn("w:spacing"))
            if spacing is not None:  # the built-in Subtitle is letter-spaced
                spacing.getparent().remove(spacing)
            if name.startswith("Heading"):
                style.font.bold = True
                style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 9)
                style.paragraph_format.space_after = Pt(4)
        for name in ("Header", "Footer", "List Bullet", "List Number", TABLE_STYLE):
            set_fonts(styles[name].element)
        for name in ("Header", "Footer"):
            styles[name].font.size = Pt(8.5)
            styles[name].paragraph_format.tab_stops.clear_all()
        props = word.core_properties
        props.title = clean(doc.title)[:250]
        props.author = clean(doc.author)
        props.subject = clean(doc.subject)
        props.keywords = clean(", ".join(doc.keywords))[:250]
        props.language = "ko-KR" if doc.lang == "ko" else "en-GB"
        props.comments = "Partnership Desk"
        props.last_modified_by = clean(doc.author)
        stamp = datetime.combine(doc.generated_on, time(0, 0), tzinfo=UTC)
        props.created = stamp
        props.modified = stamp
        self.header_footer(section)

    def header_footer(self, section: Any) -> None:
        doc = self.doc
        marking = clean(doc.classification or "")
        header = section.header.paragraphs[0]
        header.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
        title = " ".join(clean(doc.title).split())
        run = header.add_run(title if len(title) <= 90 else title[:89] + "…")
        run.font.color.rgb = GREY
        if marking:
            header.add_run("\t")
            self._marking_run(header, marking)
        footer = section.footer.paragraphs[0]
        stops = footer.paragraph_format.tab_stops
        stops.add_tab_stop(Mm(TEXT_WIDTH_MM / 2), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
        footer.add_run(clean(doc.generated_label)).font.color.rgb = GREY
        footer.add_run("\t")
        if marking:
            self._marking_run(footer, marking)
        footer.add_run("\t")
        for piece in d.split_page_label(doc.page_label):
            if piece == 0:
                _field(footer, "PAGE", "1")
            elif piece == 1:
                _field(footer, "NUMPAGES", "1")
            else:
                footer.add_run(str(piece))

    @staticmethod
    def _marking_run(paragraph: Any, marking: str) -> None:
        run = paragraph.add_run(marking)
        run.bold = True
        run.font.size = Pt(10)
        run.font.color.rgb = MARKING

    # -- blocks -------------------------------------------------------------------

    def write(self) -> None:
        doc, word = self.doc, self.word
        word.add_paragraph(clean(doc.title), style="Title")
        if doc.subtitle:
            word.add_paragraph(clean(doc.subtitle), style="Subtitle")
        for block in doc.blocks:
            self.block(block)
            if self.progress is not None:
                self.progress.check()

    def block(self, b: d.Block) -> None:
        word = self.word
        if isinstance(b, d.Heading):
            word.add_heading(clean(b.text), level=max(1, min(3, b.level)))
        elif isinstance(b, d.Paragraph):
            p = word.add_paragraph()
            run = p.add_run(clean(b.text))
            if b.style == "note":
                run.font.size = Pt(9)
                run.font.color.rgb = GREY
            elif b.style == "lead":
                run.font.size = Pt(11)
                run.font.color.rgb = GREY
            elif b.style == "label":
                run.bold = True
                p.paragraph_format.keep_with_next = True
        elif isinstance(b, d.KeyValueTable):
            self.key_values(b)
        elif isinstance(b, d.DataTable):
            self.data_table(b)
        elif isinstance(b, d.BulletList):
            self.bullets(b)
        elif isinstance(b, d.BarChart):
            self.chart(b)
        elif isinstance(b, d.SignatureBlock):
            self.signatures(b)
        elif isinstance(b, d.PageBreak):
            word.add_page_break()  # type: ignore[no-untyped-call]
        else:
            raise TypeError(f"unknown block {type(b).__name__}")

    def _table(self, rows: int, widths_mm: list[float]) -> Any:
        table = self.word.add_table(rows=rows, cols=len(widths_mm))
        table.style = self.word.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        _cell_margins(table)
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = Mm(width)
        return table

    @staticmethod
    def _fill(cell: Any, text: str, *, bold: bool = False, color: RGBColor | None = None) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(clean(text))
        run.font.size = Pt(9)
        if bold:
            run.bold = True
        if color is not None:
            run.font.color.rgb = color

    def key_values(self, b: d.KeyValueTable) -> None:
        table = self._table(len(b.rows), [TEXT_WIDTH_MM * 0.26, TEXT_WIDTH_MM * 0.74])
        for row, (key, value) in zip(table.rows, b.rows, strict=True):
            self._fill(row.cells[0], key, bold=True)
            _shade(row.cells[0], LABEL_FILL)
            self._fill(row.cells[1], value)
        self._gap()

    def data_table(self, b: d.DataTable) -> None:
        if not b.rows:
            if b.empty_text:
                self.block(d.Paragraph(b.empty_text, "note"))
            return
        columns = len(b.header)
        weights = list(b.widths) if len(b.widths) == columns else [1.0] * columns
        widths = [TEXT_WIDTH_MM * w / sum(weights) for w in weights]
        table = self._table(len(b.rows) + 1, widths)
        head = table.rows[0]
        _repeat_header(head)
        for cell, text in zip(head.cells, b.header, strict=True):
            self._fill(cell, text, bold=True)
            _shade(cell, HEAD_FILL)
        for i, (row, values) in enumerate(zip(table.rows[1:], b.rows, strict=True)):
            marked = i in b.highlight
            cells = list(values[:columns]) + [""] * (columns - len(values))
            for cell, text in zip(row.cells, cells, strict=True):
                self._fill(cell, text, color=OVERDUE_INK if marked else None)
                if marked:
                    _shade(cell, OVERDUE_FILL)
        if b.highlight and self.doc.highlight_note:
            self.block(d.Paragraph(self.doc.highlight_note, "note"))
        else:
            self._gap()

    def _gap(self) -> None:
        p = self.word.add_paragraph()
        p.paragraph_format.space_after = Pt(2)

    def bullets(self, b: d.BulletList) -> None:
        style = "List Number" if b.numbered else "List Bullet"
        num_id = self._restart_numbering() if b.numbered else None
        for item in b.items:
            p = self.word.add_paragraph(clean(item), style=style)
            if num_id is not None:
                num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id

    def _restart_numbering(self) -> int | None:
        """A new numbering instance for each numbered list, so each starts at 1."""
        try:
            numbering = self.word.part.numbering_part.numbering_definitions._numbering
            style_num = self.word.styles["List Number"].element.pPr.numPr.numId.val
            abstract = numbering.num_having_numId(style_num).abstractNumId.val
            num = numbering.add_num(abstract)
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
            return int(num.numId)
        except (AttributeError, KeyError, NotImplementedError):  # a template without numbering
            return None

    def chart(self, b: d.BarChart) -> None:
        """Counts as an editable table with text bars (Word has no native chart here)."""
        names = [clean(name) for name, _ in b.series]
        totals = [sum(values[i] for _, values in b.series) for i in range(len(b.categories))]
        top = max([*totals, 1])
        widths = [22.0] + [max(15.0, min(24.0, 100.0 / max(1, len(names))))] * len(names) + [13.0]
        bar_width = max(20.0, TEXT_WIDTH_MM - sum(widths))
        widths.append(bar_width)
        scale = max(1, int((bar_width - 4) / 3.1))  # a square is about 3 mm wide at 9 pt
        table = self._table(len(b.categories) + 1, widths)
        header = ["", *names, b.total_label, ""]
        _repeat_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            self._fill(cell, text, bold=True)
            _shade(cell, HEAD_FILL)
        for i, category in enumerate(b.categories):
            cells = table.rows[i + 1].cells
            self._fill(cells[0], category, bold=True)
            for j, (_, values) in enumerate(b.series):
                self._fill(cells[j + 1], str(values[i]) if values[i] else "-")
            self._fill(cells[-2], str(totals[i]))
            self._fill(
                cells[-1], _BAR * max(1 if totals[i] else 0, round(totals[i] * scale / top)), color=NAVY
            )
        self._gap()

    def signatures(self, b: d.SignatureBlock) -> None:
        widths = [w * TEXT_WIDTH_MM for w in (0.16, 0.24, 0.36, 0.24)]
        table = self._table(len(b.signatories), widths)
        table.style = self.word.styles["Normal Table"]  # no borders: lines to sign on
        for row, s in zip(table.rows, b.signatories, strict=True):
            row.height = Mm(16)
            who = " ".join(x for x in (s.organization, s.name) if x)
            self._fill(row.cells[0], s.role, bold=True)
            self._fill(row.cells[1], who)
            self._fill(row.cells[2], f"{b.signature_label}: ____________________")
            self._fill(row.cells[3], f"{b.date_label}: ____________")
        self._gap()


def render_docx(doc: d.Document, progress: Progress | None = None) -> bytes:
    writer = _Writer(doc, progress)
    writer.setup()
    writer.write()
    out = io.BytesIO()
    writer.word.save(out)
    return out.getvalue()
