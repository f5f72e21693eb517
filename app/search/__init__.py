"""Search over every kind of record, for Korean as users type it (see ``terms``).

``search(db, query)`` returns ranked :class:`SearchHit` values grouped by kind.
The index is kept current by ``index.install`` (hooked into every session by
``app.services.opening``) and rebuilt by ``partnership-desk check --repair`` (``app.health``).
"""

from __future__ import annotations

from app.search.index import rebuild
from app.search.query import MARK_CLOSE, MARK_OPEN, SearchHit, marked_parts, search

__all__ = ["MARK_CLOSE", "MARK_OPEN", "SearchHit", "marked_parts", "rebuild", "search"]
