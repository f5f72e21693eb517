"""Offline exchange between databases: bundles, merging by record id, conflicts.

``export_bundle`` writes every change since a point (or everything) to one file;
``import_bundle`` merges such a file, field by field, all or nothing. Imports are
idempotent and order-independent, and two databases that exchanged both ways hold
the same data. Concurrent edits of one field are listed by ``list_conflicts`` and
can be undone with ``reverse_conflict``.
"""

from __future__ import annotations

from app.exchange.conflicts import ConflictView, list_conflicts, reverse_conflict
from app.exchange.export import ExportResult, export_bundle, resolve_since
from app.exchange.merge import ImportResult, import_bundle

__all__ = [
    "ConflictView",
    "ExportResult",
    "ImportResult",
    "export_bundle",
    "import_bundle",
    "list_conflicts",
    "resolve_since",
    "reverse_conflict",
]
