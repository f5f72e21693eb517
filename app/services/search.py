"""Finding anything: Korean-aware search over every record (see app.search)."""

from __future__ import annotations

from app.search import SearchHit, search

__all__ = ["SearchHit", "search"]
