"""What the import wizard shows before anything is written: columns, first rows, guessed mapping."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.transfer.fields import guess_mapping
from app.transfer.ical import preview_events
from app.transfer.source import source_format
from app.transfer.tabular import read_sheet
from app.transfer.vcard import read_vcards

VCARD_FIELDS = ("name", "organization", "title", "email", "phone", "mobile")
EVENT_FIELDS = ("meeting_title", "starts_at", "place")


@dataclass(frozen=True)
class ImportPreview:
    """A file's first rows. For CSV/XLSX ``columns`` are the file's own headers and ``mapping``
    the guessed field of each; for vCard and iCalendar the columns are field keys (the front end
    names them) and there is nothing to map (``mapping`` is None)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    mapping: dict[str, str] | None


def read_preview(path: Path, kind: str, limit: int) -> ImportPreview:
    fmt = source_format(path)
    if fmt in ("csv", "xlsx"):
        sheet = read_sheet(path)
        return ImportPreview(
            tuple(sheet.headers),
            tuple(tuple(cells) for _, cells in sheet.rows[:limit]),
            guess_mapping(sheet.headers, kind),
        )
    if fmt == "vcf":
        cards, _ = read_vcards(path)
        rows = tuple(tuple(c.values.get(k, "") for k in VCARD_FIELDS) for c in cards[:limit])
        return ImportPreview(VCARD_FIELDS, rows, None)
    return ImportPreview(EVENT_FIELDS, tuple(tuple(r) for r in preview_events(path, limit)), None)
