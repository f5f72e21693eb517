"""Import and export: the whole database as a JSON archive, lists as CSV/XLSX/vCard/iCalendar."""

from __future__ import annotations

from app.archive import apply_archive, export_archive, import_archive, read_archive
from app.transfer.export import LIST_KINDS, export_list, formats_for, list_kind
from app.transfer.fields import guess_mapping
from app.transfer.ical import preview_events
from app.transfer.imports import run_import
from app.transfer.report import ImportOptions, ImportReport
from app.transfer.source import source_format
from app.transfer.tabular import read_sheet
from app.transfer.vcard import read_vcards

__all__ = [
    "LIST_KINDS",
    "ImportOptions",
    "ImportReport",
    "apply_archive",
    "export_archive",
    "export_list",
    "formats_for",
    "guess_mapping",
    "import_archive",
    "list_kind",
    "preview_events",
    "read_archive",
    "read_sheet",
    "read_vcards",
    "run_import",
    "source_format",
]
