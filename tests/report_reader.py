"""Reading briefings back: PDF (pypdf) and DOCX (python-docx) as a reader would see them."""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from app.db import Database
from app.demo import REFERENCE_NO
from app.services import agreements, meetings, organizations


@dataclass
class DemoIds:
    agreement: UUID
    organization: UUID  # KSIA: a party, attends meetings, owns action items
    upcoming_meeting: UUID
    held_meeting: UUID  # the third meeting: decisions and open action items


def demo_ids(db: Database) -> DemoIds:
    ref = next(a for a in agreements.list_agreements(db) if a.reference_no == REFERENCE_NO)
    ksia = next(o for o in organizations.list_organizations(db) if o.short_name == "KSIA")
    found = meetings.meetings_of_agreement(db, ref.id)  # newest first
    upcoming = next(m for m in found if "(4차)" in m.title_ko)
    held = next(m for m in found if "(3차)" in m.title_ko)
    return DemoIds(ref.id, ksia.id, upcoming.id, held.id)


def squash(text: str) -> str:
    """Whitespace-free text: extraction may break lines anywhere."""
    return "".join(text.split())


@dataclass
class PdfView:
    pages: list[str]
    metadata: dict[str, Any]
    outline: list[str]
    fonts: list[tuple[str, bool]]  # (base font, embedded)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def has(self, expected: str) -> bool:
        return squash(expected) in squash(self.text)


def read_pdf(data: bytes) -> PdfView:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = [p.extract_text() or "" for p in reader.pages]
    outline: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                outline.append(str(item.title))

    walk(reader.outline)
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            d = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    return PdfView(pages, meta, outline, sorted(fonts.items()))


@dataclass
class DocxView:
    document: Any
    headings: list[tuple[str, str]]  # (style name, text)
    body_text: str
    header_xml: str
    footer_xml: str
    table_styles: list[str]

    def has(self, expected: str) -> bool:
        return squash(expected) in squash(self.body_text)


def read_docx(data: bytes) -> DocxView:
    import docx

    doc = docx.Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        header_xml = "".join(z.read(n).decode() for n in names if re.match(r"word/header\d*\.xml", n))
        footer_xml = "".join(z.read(n).decode() for n in names if re.match(r"word/footer\d*\.xml", n))
    return DocxView(
        document=doc,
        headings=headings,
        body_text="\n".join(parts),
        header_xml=header_xml,
        footer_xml=footer_xml,
        table_styles=[t.style.name if t.style is not None else "" for t in doc.tables],
    )


@dataclass
class HwpxView:
    text: str  # paragraphs, table cells, header and footer
    metadata: dict[str, str]  # content.hpf's opf:metadata: title, language, creator, subject, keyword ...

    def has(self, expected: str) -> bool:
        return squash(expected) in squash(self.text)


def read_hwpx(data: bytes) -> HwpxView:
    from hwpx import HwpxDocument

    doc = HwpxDocument.open(data)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables.all:
        parts += [c.text for row in table.rows for c in row.cells]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        section = z.read("Contents/section0.xml").decode()
        package = z.read("Contents/content.hpf").decode()
    for part in re.findall(r"<hp:(?:header|footer) .*?</hp:(?:header|footer)>", section, re.S):
        parts += [html.unescape(t) for t in re.findall(r"<hp:t>([^<]*)</hp:t>", part)]
    metadata = {
        (name or tag): html.unescape(value)
        for tag, name, value in re.findall(
            r'<opf:(title|language|meta)(?: name="([^"]*)")?[^>]*>([^<]*)</opf:\1>', package
        )
    }
    return HwpxView("\n".join(parts), metadata)


def docx_all_text(view: DocxView) -> str:
    """The body, the headers and the footers, as a reader sees them (not the XML: it names fonts)."""
    doc = view.document
    parts = [view.body_text]
    for section in doc.sections:
        for part in (section.header, section.footer):
            parts += [p.text for p in part.paragraphs]
    return "\n".join(parts)
