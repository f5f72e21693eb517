"""A :class:`~reports.document.Document` as a Hangul (HWPX) file, through python-hwpx.

The one adapter for the format. It starts from the project's own template, built here
in code from python-hwpx's skeleton (:func:`template`): paragraph styles named for the
보고서 form (title, section headings, the □ ○ - · levels, table text, the date line,
the marking) in 함초롬바탕 / 함초롬돋움, the fonts Hangul has by default, A4 pages. Tables
get explicit column widths and a header row that repeats on every page. The marking
stands centred in the header and the footer of every page, with ``- 1 -`` page numbers.
Record text goes in as text nodes (python-hwpx escapes it), never as markup.
"""

from __future__ import annotations

import functools
import io
import math
import zipfile
from typing import Any

from hwpx import HwpxDocument

from app.progress import Progress
from app.text import strip_xml_illegal
from reports import document as d
from reports import palette

BODY_FONT = "함초롬바탕"
HEAD_FONT = "함초롬돋움"
TEXT_WIDTH_MM = 170.0

# key -> (style name, font, size pt, bold, colour, alignment, left indent mm, space before pt)
STYLES: dict[str, tuple[str, str, float, bool, str, str, float, int]] = {
    "title": ("보고서 제목", HEAD_FONT, 18, True, palette.NAVY, "CENTER", 0, 0),
    "subtitle": ("보고서 부제", HEAD_FONT, 10, False, palette.GREY, "CENTER", 0, 0),
    "masthead": ("보고일자", BODY_FONT, 10, False, palette.INK, "RIGHT", 0, 0),
    "marking": ("보안 등급", HEAD_FONT, 11, True, palette.MARKING, "CENTER", 0, 0),
    "h1": ("보고서 장", HEAD_FONT, 14, True, palette.NAVY, "LEFT", 0, 12),
    "h2": ("보고서 절", HEAD_FONT, 12, True, palette.NAVY, "LEFT", 0, 8),
    "h3": ("보고서 항", HEAD_FONT, 10.5, True, palette.INK, "LEFT", 0, 6),
    "item1": ("개조식 □", BODY_FONT, 11, False, palette.INK, "JUSTIFY", 0, 4),
    "item2": ("개조식 ○", BODY_FONT, 10.5, False, palette.INK, "JUSTIFY", 5, 1),
    "item3": ("개조식 -", BODY_FONT, 10.5, False, palette.INK, "JUSTIFY", 10, 0),
    "item4": ("개조식 ·", BODY_FONT, 10, False, palette.INK, "JUSTIFY", 15, 0),
    "body": ("보고서 본문", BODY_FONT, 10.5, False, palette.INK, "JUSTIFY", 0, 2),
    "note": ("보고서 주석", BODY_FONT, 9, False, palette.GREY, "LEFT", 0, 0),
    "cell": ("표 내용", BODY_FONT, 9, False, palette.INK, "LEFT", 0, 0),
    "cell_head": ("표 머리", HEAD_FONT, 9, True, palette.INK, "CENTER", 0, 0),
    "box_label": ("요약 제목", HEAD_FONT, 11, True, palette.NAVY, "LEFT", 0, 0),
}
HWPUNIT_PER_MM = 7200 / 25.4


def clean(text: str) -> str:
    return strip_xml_illegal(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")


@functools.lru_cache(maxsize=1)
def template() -> bytes:
    """The project's template: python-hwpx's skeleton with the briefing styles and A4 pages."""
    doc = HwpxDocument.new()
    header = doc.oxml.headers[0]
    for font in (BODY_FONT, HEAD_FONT):
        doc.styles.ensure_font(font)
    for key, (name, font, size, bold, colour, align, indent, before) in STYLES.items():
        char = doc.styles.ensure_run(font=font, size=size, bold=bold, color="#" + colour)
        margins = {"left": int(indent * HWPUNIT_PER_MM * 2)} if indent else {}
        para = header.ensure_paragraph_format(
            alignment=align,
            line_spacing_percent=160 if key.startswith(("item", "body")) else 130,
            margins={**margins, "prev": before * 200} if before else margins or None,
            break_setting={"keep_with_next": True} if key.startswith("h") or key == "box_label" else None,
        )
        header.ensure_style(name, eng_name=f"PD {key}", para_pr_id_ref=para, char_pr_id_ref=char)
    doc.page.setup(
        paper_size="A4",
        margin_left_mm=20,
        margin_right_mm=20,
        margin_top_mm=20,
        margin_bottom_mm=18,
        header_margin_mm=10,
        footer_margin_mm=10,
    )
    return _declare_version(bytes(doc.to_bytes()))


def _declare_version(data: bytes) -> bytes:
    """Name version.xml in the manifest (the skeleton leaves it out; the validator warns)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "Contents/content.hpf" and b'href="version.xml"' not in body:
                item = b'<opf:item id="version" href="version.xml" media-type="application/xml"/>'
                body = body.replace(b"</opf:manifest>", item + b"</opf:manifest>", 1)
            target.writestr(info, body)
    return out.getvalue()


class _Writer:
    def __init__(self, doc: d.Document, progress: Progress | None) -> None:
        self.doc = doc
        self.progress = progress
        self.out = HwpxDocument.open(template())
        names = {key: spec[0] for key, spec in STYLES.items()}
        self.style = names
        self.sizes: dict[str, float] = {}  # charPr id -> font size (pt), for the row heights
        for spec in STYLES.values():
            resolved = self.out.styles.resolve(spec[0])
            self.sizes[str(resolved.char_pr_id_ref)] = float(spec[2])

    def para(self, text: str, key: str) -> Any:
        style = self.out.styles.resolve(self.style[key])
        return self.out.add_paragraph(clean(text), style=style)

    def write(self) -> None:
        doc = self.doc
        self.page_furniture()
        self.box([(doc.title, "title"), *((line, "subtitle") for line in doc.subtitle.split("\n") if line)])
        if doc.masthead:
            self.para(doc.masthead, "masthead")
        if doc.declassify:
            self.para(doc.declassify, "note")
        if doc.missing_note:  # what the [KO]/[EN] tags mean, when the document has any
            self.para(doc.missing_note, "note")
        if doc.summary:
            lines: list[tuple[str, str]] = [(doc.summary_label, "box_label")]
            for part in doc.summary:
                if isinstance(part, d.Items):
                    lines += [
                        (f"{d.item_mark(doc.lang, lv)} {t}", f"item{max(1, min(4, lv))}")
                        for lv, t in part.items
                    ]
                else:
                    lines.append((part.text, "body"))
            self.box(lines, shade=palette.LABEL_BG)
        for block in doc.blocks:
            self.block(block)
            if self.progress is not None:
                self.progress.check()

    def page_furniture(self) -> None:
        """The marking centred in the header; the footer: ``- 1 -`` centred, the marking under it."""
        marking = clean(self.doc.classification or "")
        label = self.doc.page_label
        if "{pages}" in label or "{page}" not in label:
            label = "- {page} -"  # Hangul's page field has no page count: "- 1 -" in both languages
        prefix, _, suffix = label.partition("{page}")
        number: list[dict[str, Any]] = [
            *([{"type": "run", "text": prefix}] if prefix else []),
            {"type": "page_number", "page_number": "page", "position": "BOTTOM_CENTER", "formatType": None},
            *([{"type": "run", "text": suffix}] if suffix else []),
        ]
        footer: list[dict[str, Any]] = [{"align": "CENTER", "children": number}]
        if marking:
            line = [{"type": "run", "text": marking}]
            self.out.page.set_header(content=[{"align": "CENTER", "children": line}])
            footer.append({"align": "CENTER", "children": line})
        self.out.page.set_footer(content=footer)
        if marking:  # in the marking's style (bold, red, centred)
            style = self.out.styles.resolve(self.style["marking"])
            for section in self.out.sections:
                for part in (e for e in section.element.iter() if _local(e.tag) in ("header", "footer")):
                    for p in (e for e in part.iter() if _local(e.tag) == "p"):
                        if "".join(t.text or "" for t in p.iter() if _local(t.tag) == "t") == marking:
                            p.set("styleIDRef", str(style.id))
                            p.set("paraPrIDRef", str(style.para_pr_id_ref))
                            for run in (e for e in p if _local(e.tag) == "run"):
                                run.set("charPrIDRef", str(style.char_pr_id_ref))

    def block(self, b: d.Block) -> None:
        if isinstance(b, d.Heading):
            self.para(b.text, f"h{max(1, min(3, b.level))}")
        elif isinstance(b, d.Paragraph):
            self.para(b.text, "note" if b.style == "note" else "body")
        elif isinstance(b, d.Items):
            for level, text in b.items:
                level = max(1, min(4, level))
                self.para(f"{d.item_mark(self.doc.lang, level)} {text}", f"item{level}")
        elif isinstance(b, d.BulletList):
            for i, text in enumerate(b.items, start=1):
                self.para(
                    f"{i}. {text}" if b.numbered else f"{d.item_mark(self.doc.lang, 1)} {text}", "item1"
                )
        elif isinstance(b, d.KeyValueTable):
            self.table(("", ""), b.rows, (0.26, 0.74), header=False)
        elif isinstance(b, d.DataTable):
            if not b.rows:
                if b.empty_text:
                    self.para(b.empty_text, "note")
                return
            self.table(b.header, b.rows, b.widths, highlight=b.highlight)
            if b.highlight and self.doc.highlight_note:
                self.para(self.doc.highlight_note, "note")
        elif isinstance(b, d.BarChart):
            header = ("", *(name for name, _ in b.series), b.total_label)
            rows = tuple(
                (c, *(str(v[i]) if v[i] else "-" for _, v in b.series), str(sum(v[i] for _, v in b.series)))
                for i, c in enumerate(b.categories)
            )
            if rows:
                self.table(header, rows, ())
        elif isinstance(b, d.SignatureBlock):
            rows = tuple(
                (
                    s.role,
                    " ".join(x for x in (s.organization, s.name) if x),
                    f"{b.signature_label}:",
                    f"{b.date_label}:",
                )
                for s in b.signatories
            )
            self.table(("", "", "", ""), rows, (0.16, 0.3, 0.3, 0.24), header=False)
        elif isinstance(b, d.PageBreak):
            self.para("", "body").element.set("pageBreak", "1")
        else:
            raise TypeError(f"unknown block {type(b).__name__}")

    def box(self, lines: list[tuple[str, str]], shade: str | None = None) -> None:
        """A one-cell table holding ``lines`` (the title box, the summary box)."""
        table = self.out.add_table(1, 1, width=int(TEXT_WIDTH_MM * HWPUNIT_PER_MM))
        cell = table.cell(0, 0)
        first, *rest = lines
        cell.text = clean(first[0])
        self._style_cell(cell, first[1])
        for text, key in rest:
            p = cell.add_paragraph(clean(text))
            self._style_paragraph(p, key)
        if shade:
            table.set_cell_shading(0, 0, "#" + shade)
        self._fit_heights(table)

    def _fit_heights(self, table: Any) -> None:
        """Row heights that hold the text (Hangul grows rows as it lays out; other readers do not)."""
        total = 0
        for tr in _children(table.element, "tr"):
            cells = _children(tr, "tc")
            height = 0
            for tc in cells:
                size = _child(tc, "cellSz")
                inner = max(1000, int(size.get("width") or "0") - 1020)
                needed = 0.0
                for p in (e for e in tc.iter() if _local(e.tag) == "p"):
                    runs = [e for e in p.iter() if _local(e.tag) == "run"]
                    pt = max((self.sizes.get(r.get("charPrIDRef") or "", 9.0) for r in runs), default=9.0)
                    text = "".join(e.text or "" for e in p.iter() if _local(e.tag) == "t")
                    lines = max(1, math.ceil(_text_width(text, pt) / inner))
                    needed += lines * pt * 100 * 1.75
                height = max(height, int(needed) + 282 + 120)
            for tc in cells:
                _child(tc, "cellSz").set("height", str(height))
            total += height
        _child(table.element, "sz").set("height", str(total))

    def table(
        self,
        head: tuple[str, ...],
        rows: tuple[tuple[str, ...], ...],
        widths: tuple[float, ...],
        *,
        header: bool = True,
        highlight: frozenset[int] = frozenset(),
    ) -> None:
        """A table with explicit column widths; its header row repeats on every page."""
        columns = len(head)
        count = len(rows) + (1 if header else 0)
        table = self.out.add_table(count, columns, width=int(TEXT_WIDTH_MM * HWPUNIT_PER_MM))
        weights = list(widths) if len(widths) == columns else [1.0] * columns
        table.set_column_widths(weights)
        offset = 0
        if header:
            table.element.set("repeatHeader", "1")
            for j, text in enumerate(head):
                cell = table.cell(0, j)
                cell.set_text(clean(text), split_paragraphs=True)
                cell.element.set("header", "1")
                self._style_cell(cell, "cell_head")
                table.set_cell_shading(0, j, "#" + palette.HEAD_BG)
            offset = 1
        for i, row in enumerate(rows):
            values = list(row[:columns]) + [""] * (columns - len(row))
            for j, text in enumerate(values):
                cell = table.cell(i + offset, j)
                cell.set_text(clean(text), split_paragraphs=True)
                self._style_cell(cell, "cell_head" if not header and j == 0 else "cell")
                if i in highlight:
                    table.set_cell_shading(i + offset, j, "#" + palette.OVERDUE_BG)
                elif not header and j == 0:
                    table.set_cell_shading(i + offset, j, "#" + palette.LABEL_BG)
        self._fit_heights(table)

    def _style_cell(self, cell: Any, key: str) -> None:
        for p in cell.paragraphs:
            self._style_paragraph(p, key)

    def _style_paragraph(self, p: Any, key: str) -> None:
        style = self.out.styles.resolve(self.style[key])
        p.element.set("styleIDRef", str(style.id))
        p.element.set("paraPrIDRef", str(style.para_pr_id_ref))
        for run in p.element.iter():
            if run.tag.endswith("}run"):
                run.set("charPrIDRef", str(style.char_pr_id_ref))


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _children(element: Any, name: str) -> list[Any]:
    return [e for e in element if _local(e.tag) == name]


def _child(element: Any, name: str) -> Any:
    return _children(element, name)[0]


def _text_width(text: str, pt: float) -> float:
    """In HWPUNIT: Hangul and other wide characters a full em, the rest a little over half."""
    return sum(1.0 if ord(c) >= 0x1100 else 0.56 for c in text) * pt * 100


def _metadata(out: Any, doc: d.Document) -> None:
    """The file's properties in the document's language: title, author, subject, keywords, dates
    (the skeleton's own author and its Korean free-form date are cleared, not carried along)."""
    stamp = f"{doc.generated_on.isoformat()}T00:00:00Z"
    package = out.package
    package.clear_document_metadata(keep=("language",), timestamp=stamp)
    opf = "{http://www.idpf.org/2007/opf/}"
    for element in package.manifest_tree().iter(f"{opf}language"):
        element.text = "ko" if doc.lang == "ko" else "en"
    package.set_document_metadata(
        title=clean(" ".join(doc.title.split())),
        creator=clean(doc.author),
        subject=clean(doc.subject),
        keyword=clean(", ".join(doc.keywords)),
        created_date=stamp,
        modified_date=stamp,
    )


def render_hwpx(doc: d.Document, progress: Progress | None = None) -> bytes:
    writer = _Writer(doc, progress)
    writer.write()
    _metadata(writer.out, doc)
    return bytes(writer.out.to_bytes())
