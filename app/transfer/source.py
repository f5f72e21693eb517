"""An import file read into numbered entries of field values, whatever its format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import ImportFormatError
from app.transfer.fields import RowReader, guess_mapping, unused_indexes
from app.transfer.report import ImportOptions
from app.transfer.tabular import read_sheet
from app.transfer.vcard import read_vcards
from app.transfer.xlsx import column_letters

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
    unused: tuple[str, ...] = ()  # columns holding a value (vCard: properties) nothing is read from


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

        book = read_vcards(path, options.encoding, options.limits)
        return Source("vcf", book.encoding, [], {}, [(c.number, c.values) for c in book.cards], book.unused)
    if fmt == "ics":
        raise ImportFormatError(
            "iCalendar 파일은 회의로 가져오십시오 (--kind meetings).", "Import an iCalendar file as meetings."
        )

    sheet = read_sheet(path, options.encoding, options.limits)
    mapping = (
        dict(options.mapping) if options.mapping is not None else guess_mapping(sheet.headers, options.kind)
    )
    mapping = {h: f for h, f in mapping.items() if f and h in sheet.headers}
    reader = RowReader(sheet.headers, mapping)
    width = len(sheet.headers)
    pending = set(unused_indexes(sheet.headers, mapping))  # unused columns not yet seen holding a value
    filled: set[int] = set()
    entries: list[tuple[int, dict[str, str]]] = []
    for number, cells in sheet.rows:
        # Only the mapped cells are kept: memory follows the fields imported, not the file's width.
        entries.append((number, reader.values(cells)))
        if pending:
            found = {i for i in pending if i < len(cells) and cells[i].strip()}
            filled |= found
            pending -= found
        filled.update(i for i in range(width, len(cells)) if cells[i].strip())  # cells under no header
    return Source(fmt, sheet.encoding, sheet.headers, mapping, entries, _column_names(sheet.headers, filled))


def _column_names(headers: list[str], indexes: set[int]) -> tuple[str, ...]:
    """The headers of the columns at ``indexes``; a column without one by its letter: ``[F]``."""
    return tuple(
        headers[i] if i < len(headers) and headers[i].strip() else f"[{column_letters(i + 1)}]"
        for i in sorted(indexes)
    )
