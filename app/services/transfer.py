"""Import and export: the whole database as a JSON archive, lists as CSV/XLSX/vCard/iCalendar."""

from __future__ import annotations

from app.archive import apply_archive, export_archive, import_archive, read_archive
from app.transfer.export import LIST_KINDS, export_list, formats_for, list_kind
from app.transfer.imports import run_import
from app.transfer.limits import DEFAULT_LIMITS, LIMIT_NAMES, ImportLimits, LimitExceeded, parse_limits
from app.transfer.preview import ImportPreview, read_preview
from app.transfer.report import ImportOptions, ImportReport

__all__ = [
    "DEFAULT_LIMITS",
    "LIMIT_NAMES",
    "LIST_KINDS",
    "ImportLimits",
    "ImportOptions",
    "ImportPreview",
    "ImportReport",
    "LimitExceeded",
    "apply_archive",
    "export_archive",
    "export_list",
    "formats_for",
    "import_archive",
    "list_kind",
    "parse_limits",
    "read_archive",
    "read_preview",
    "run_import",
]
