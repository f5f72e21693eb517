"""Carrying changes between computers: exchange files, merging, conflicts (see app.exchange)."""

from __future__ import annotations

from app.exchange import (
    ConflictView,
    ExportResult,
    ImportResult,
    export_bundle,
    import_bundle,
    list_conflicts,
    resolve_since,
    reverse_conflict,
)
from app.exchange.container import MAGIC as EXCHANGE_FILE_MAGIC

__all__ = [
    "EXCHANGE_FILE_MAGIC",
    "ConflictView",
    "ExportResult",
    "ImportResult",
    "export_bundle",
    "import_bundle",
    "list_conflicts",
    "resolve_since",
    "reverse_conflict",
]
