"""What the import wizard shows before anything is written: columns, first rows, guessed mapping,
and the columns that would not be imported."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from app.transfer.fields import guess_mapping, unused_columns
from app.transfer.ical import preview_events
from app.transfer.limits import DEFAULT_LIMITS, ImportLimits
from app.transfer.source import source_format
from app.transfer.tabular import read_sheet
from app.transfer.vcard import read_vcards

VCARD_FIELDS = ("name", "organization", "title_ko", "title_en", "email", "phone", "mobile")
EVENT_FIELDS = ("meeting_title_ko", "meeting_title_en", "starts_at", "time_zone", "place_ko", "place_en")


@dataclass(frozen=True)
class ImportPreview:
    """A file's first rows. For CSV/XLSX ``columns`` are the file's own headers and ``mapping``
    the guessed field of each; for vCard and iCalendar the columns are field keys (the front end
    names them) and there is nothing to map (``mapping`` is None). ``unused`` names the file's
    columns (vCard: properties) that the guessed mapping does not import."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    mapping: dict[str, str] | None
    unused: tuple[str, ...] = ()


def read_preview(path: Path, kind: str, limit: int, limits: ImportLimits = DEFAULT_LIMITS) -> ImportPreview:
    fmt = source_format(path)
    if fmt in ("csv", "xlsx"):
        sheet = read_sheet(path, limits=limits)
        mapping = guess_mapping(sheet.headers, kind)
        rows = tuple(tuple(cells) for _, cells in islice(sheet.rows, limit))
        return ImportPreview(tuple(sheet.headers), rows, mapping, unused_columns(sheet.headers, mapping))
    if fmt == "vcf":
        book = read_vcards(path, limits=limits)
        rows = tuple(tuple(c.values.get(k, "") for k in VCARD_FIELDS) for c in book.cards[:limit])
        return ImportPreview(VCARD_FIELDS, rows, None, book.unused)
    return ImportPreview(EVENT_FIELDS, tuple(tuple(r) for r in preview_events(path, limit, limits)), None)
