"""Offline exchange between databases: bundles, merging by record id, conflicts.

``export_bundle`` writes every change since a point (or everything) to one file;
``import_bundle`` merges such a file, field by field, all or nothing. Imports are
idempotent and order-independent, and two databases that exchanged both ways hold
the same data. Concurrent edits of one field are listed by ``list_conflicts`` and
can be undone with ``reverse_conflict``.

Names are loaded on first use: ``app.db`` imports ``app.exchange.clock``.
"""

from __future__ import annotations

import importlib
from typing import Any

_NAMES = {
    "ConflictView": "conflicts",
    "list_conflicts": "conflicts",
    "reverse_conflict": "conflicts",
    "ExportResult": "export",
    "export_bundle": "export",
    "resolve_since": "export",
    "ImportResult": "merge",
    "import_bundle": "merge",
}


def __getattr__(name: str) -> Any:
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = sorted(_NAMES)
