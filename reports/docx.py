"""A :class:`~reports.document.Document` as an editable Word file (python-docx).

Real Word styles (Title, Heading 1-3, List Bullet/Number, Table Grid) so the
navigation pane and a table of contents work; 맑은 고딕 (Malgun Gothic, on every Korean
Windows) is the East Asian font (``w:eastAsia``) and the Latin one; A4 pages with the
marking centred at the top and bottom and ``- 1 -`` page fields. Headings keep with what
follows, small tables and the signature block stay whole, a long table keeps at least
four rows (or its legend) together at its end.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time
from typing import Any

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from app.progress import Progress
from app.text import strip_xml_illegal
from reports import document as d
from reports import palette

FONT = "Malgun Gothic"  # Latin name; Word and Hangul on Korean Windows have it (README: fallback)
FONT_EAST_ASIA = "맑은 고딕"  # the same font by its Korean name, as Korean Word writes it
TABLE_STYLE = "Table Grid"
NAVY = RGBColor.from_string(palette.NAVY)
GREY = RGBColor.from_string(palette.GREY)
MARKING = RGBColor.from_string(palette.MARKING)
OVERDUE_INK = RGBColor.from_string(palette.OVERDUE_INK)
HEAD_FILL = palette.HEAD_BG
LABEL_FILL = palette.LABEL_BG
OVERDUE_FILL = palette.OVERDUE_BG
TEXT_WIDTH_MM = 170.0
SMALL_TABLE = 6  # data rows: kept whole on one page
TAIL = 4  # rows (the legend counts) kept together at a long table's end
BAR_CELLS = 24  # the chart's bar is this many narrow cells, shaded to scale


def clean(text: str) -> str:
    """Record text that XML can hold (python-docx refuses the rest)."""
    return strip_xml_illegal(text).replace("\r\n", "\n").replace("\r", "\n")


def set_fonts(element: Any, name: str = FONT, east_asia: str = FONT_EAST_ASIA) -> None:
    """Set Latin, East Asian and complex-script fonts on a style's or run's rPr."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), name)
    fonts.set(qn("w:eastAsia"), east_asia)


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


def _tint(hex_rgb: str) -> str:
    """A light version of a colour, for a cell that holds text."""
    r, g, b = (int(hex_rgb[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{int(c + (255 - c) * 0.75):02X}" for c in (r, g, b))


def _borders(table: Any, kind: str, size: int, color: str) -> None:
    """Outer borders of ``table`` (``size`` in eighths of a point), none inside."""
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        inner = side.startswith("inside")
        el.set(qn("w:val"), "nil" if inner else kind)
        if not inner:
            el.set(qn("w:sz"), str(size))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), color)
        borders.append(el)
    tblpr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"
    )


def _borders_inner_off(table: Any, first: int) -> None:
    """No vertical lines between the bar's cells (columns ``first`` to the end): one bar a row."""
    for row in table.rows[1:]:
        cells = row.cells[first:]
        for i, cell in enumerate(cells):
            tcpr = cell._tc.get_or_add_tcPr()
            borders = OxmlElement("w:tcBorders")
            for side, open_side in (("left", i > 0), ("right", i < len(cells) - 1)):
                el = OxmlElement(f"w:{side}")
                if open_side:
                    el.set(qn("w:val"), "nil")
                else:
                    el.set(qn("w:val"), "single")
                    el.set(qn("w:sz"), "4")
                    el.set(qn("w:color"), "auto")
                borders.append(el)
            tcpr.insert_element_before(
                borders,
                "w:shd",
                "w:noWrap",
                "w:tcMar",
                "w:textDirection",
                "w:tcFitText",
                "w:vAlign",
                "w:hideMark",
            )


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _keep_rows(table: Any, rows: range, *, last_too: bool = False) -> None:
    """Keep ``rows`` on one page: no row split, each row's paragraphs kept with the next row."""
    all_rows = table.rows
    for i in rows:
        row = all_rows[i]
        trpr = row._tr.get_or_add_trPr()
        if trpr.find(qn("w:cantSplit")) is None:
            trpr.insert(0, OxmlElement("w:cantSplit"))
        if i < rows.stop - 1 or last_too:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


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
        """The marking centred at the top and the bottom; the page number centred in the footer."""
        doc = self.doc
        marking = clean(doc.classification or "")
        header = section.header.paragraphs[0]
        if marking:
            header.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._marking_run(header, marking)
            header = section.header.add_paragraph()
        title = " ".join(clean(doc.title).split())
        run = header.add_run(title if len(title) <= 90 else title[:89] + "…")
        run.font.color.rgb = GREY
        footer = section.footer.paragraphs[0]
        stops = footer.paragraph_format.tab_stops
        stops.add_tab_stop(Mm(TEXT_WIDTH_MM / 2), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
        footer.add_run(clean(doc.generated_label)).font.color.rgb = GREY
        footer.add_run("\t")
        if marking:
            bottom = section.footer.add_paragraph()
            bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._marking_run(bottom, marking)
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
        self.title_box()
        if doc.masthead:
            p = word.add_paragraph(clean(doc.masthead))
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if doc.declassify:
            p = word.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = p.add_run(clean(doc.declassify))
            run.font.size = Pt(8.5)
            run.font.color.rgb = MARKING
        if doc.missing_note:  # what the [KO]/[EN] tags mean, when the document has any
            run = word.add_paragraph().add_run(clean(doc.missing_note))
            run.font.size = Pt(8.5)
            run.font.color.rgb = GREY
        if doc.summary:
            self.summary_box()
        for block in doc.blocks:
            self.block(block)
            if self.progress is not None:
                self.progress.check()

    def title_box(self) -> None:
        """The title (Word's Title style) and the kind of briefing in a ruled box."""
        table = self._table(1, [TEXT_WIDTH_MM])
        cell = table.rows[0].cells[0]
        title = cell.paragraphs[0]
        title.style = self.word.styles["Title"]
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.add_run(clean(self.doc.title))
        for line in clean(self.doc.subtitle).split("\n") if self.doc.subtitle else []:
            sub = cell.add_paragraph(line, style="Subtitle")
            sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _borders(table, "double", 6, palette.NAVY)

    def summary_box(self) -> None:
        table = self._table(1, [TEXT_WIDTH_MM])
        cell = table.rows[0].cells[0]
        _shade(cell, LABEL_FILL)
        label = cell.paragraphs[0].add_run(clean(self.doc.summary_label))
        label.bold = True
        label.font.color.rgb = NAVY
        for part in self.doc.summary:
            if isinstance(part, d.Items):
                for level, text in part.items:
                    self._item(cell.add_paragraph(), level, text)
            else:
                cell.add_paragraph(clean(part.text))
        _keep_rows(table, range(1))
        self._gap()

    def _item(self, p: Any, level: int, text: str) -> None:
        """One 개조식 item: its mark (□ ○ - ·) and a hanging indent."""
        level = max(1, min(4, level))
        fmt = p.paragraph_format
        fmt.left_indent = Mm(5 * level)
        fmt.first_line_indent = Mm(-4.5)
        fmt.space_before = Pt(4 if level == 1 else 1)
        fmt.space_after = Pt(1)
        p.add_run(f"{d.item_mark(self.doc.lang, level)} {clean(text)}")

    def block(self, b: d.Block) -> None:
        word = self.word
        if isinstance(b, d.Items):
            for level, text in b.items:
                self._item(word.add_paragraph(), level, text)
            self._gap()
            return
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
        if len(b.rows) <= 2 * SMALL_TABLE:
            _keep_rows(table, range(len(b.rows)))
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
        legend = bool(b.highlight and self.doc.highlight_note)
        count = len(table.rows)
        if len(b.rows) <= SMALL_TABLE:
            _keep_rows(table, range(count), last_too=legend)
        else:
            _keep_rows(table, range(3))  # the header never ends a page with one row under it
            _keep_rows(table, range(max(0, count - (TAIL - 1 if legend else TAIL)), count), last_too=legend)
        if legend:
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
        """Counts as an editable table; each bar is a row of narrow cells shaded to scale, by status."""
        names = [clean(name) for name, _ in b.series]
        totals = [sum(values[i] for _, values in b.series) for i in range(len(b.categories))]
        top = max([*totals, 1])
        colours = list(b.colors) if len(b.colors) == len(b.series) else list(palette.SERIES)
        widths = [20.0] + [max(13.0, min(20.0, 96.0 / max(1, len(names))))] * len(names) + [12.0]
        bar_area = max(24.0, TEXT_WIDTH_MM - sum(widths))
        widths += [bar_area / BAR_CELLS] * BAR_CELLS
        table = self._table(len(b.categories) + 1, widths)
        head = table.rows[0].cells
        _repeat_header(table.rows[0])
        for cell, text in zip(head, ["", *names, b.total_label], strict=False):
            self._fill(cell, text, bold=True)
            _shade(cell, HEAD_FILL)
        bar_head = head[len(names) + 2].merge(head[-1])
        _shade(bar_head, HEAD_FILL)
        for i, category in enumerate(b.categories):
            cells = table.rows[i + 1].cells
            self._fill(cells[0], category, bold=True)
            for j, (_, values) in enumerate(b.series):
                self._fill(cells[j + 1], str(values[i]) if values[i] else "-")
                if values[i]:
                    _shade(cells[j + 1], _tint(colours[j % len(colours)]))
            self._fill(cells[len(names) + 1], str(totals[i]))
            bar = cells[len(names) + 2 :]
            filled = 0
            for j in range(len(b.series)):  # stacked, in the series' fixed colours
                upto = round(sum(v[i] for _, v in b.series[: j + 1]) * BAR_CELLS / top)
                for cell in bar[filled:upto]:
                    _shade(cell, colours[j % len(colours)])
                filled = max(filled, upto)
        _borders_inner_off(table, len(names) + 2)
        _keep_rows(table, range(len(table.rows)))
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
        _keep_rows(table, range(len(table.rows)))
        self._gap()


def render_docx(doc: d.Document, progress: Progress | None = None) -> bytes:
    writer = _Writer(doc, progress)
    writer.setup()
    writer.write()
    out = io.BytesIO()
    writer.word.save(out)
    return out.getvalue()
