"""An import file read into numbered entries of field values, whatever its format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import ImportFormatError
from app.transfer.fields import RowReader, guess_mapping
from app.transfer.report import ImportOptions
from app.transfer.tabular import read_sheet
from app.transfer.vcard import read_vcards

SHEET_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm"}
VCARD_SUFFIXES = {".vcf", ".vcard"}
ICS_SUFFIXES = {".ics", ".ical", ".icalendar"}


@dataclass(frozen=True)
class Source:
    format: str  # csv, xlsx, vcf
    encoding: str
    headers: list[str]
    mapping: dict[str, str]  # header -> field (sheets only)
    entries: list[tuple[int, dict[str, str]]]  # (row or entry number, field -> value)


def source_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in SHEET_SUFFIXES:
        return "csv"
    if suffix in VCARD_SUFFIXES:
        return "vcf"
    if suffix in ICS_SUFFIXES:
        return "ics"
    raise ImportFormatError(
        f"가져올 수 없는 파일 형식입니다: {path.name} (CSV, XLSX, vCard, iCalendar를 가져올 수 있습니다)",
        f"Cannot import {path.name}: use a CSV, XLSX, vCard (.vcf) or iCalendar (.ics) file.",
    )


def read_source(path: Path, options: ImportOptions) -> Source:
    fmt = source_format(path)
    if fmt == "vcf":
        if options.kind != "contacts":
            raise ImportFormatError(
                "vCard 파일은 담당자로만 가져올 수 있습니다.",
                "A vCard file can only be imported as contacts.",
            )

        cards, used = read_vcards(path, options.encoding)
        return Source("vcf", used, [], {}, [(c.number, c.values) for c in cards])
    if fmt == "ics":
        raise ImportFormatError(
            "iCalendar 파일은 회의로 가져오십시오 (--kind meetings).", "Import an iCalendar file as meetings."
        )

    sheet = read_sheet(path, options.encoding)
    mapping = (
        dict(options.mapping) if options.mapping is not None else guess_mapping(sheet.headers, options.kind)
    )
    mapping = {h: f for h, f in mapping.items() if f and h in sheet.headers}
    reader = RowReader(sheet.headers, mapping)
    entries = [(number, reader.values(cells)) for number, cells in sheet.rows]
    return Source(fmt, sheet.encoding, sheet.headers, mapping, entries)
