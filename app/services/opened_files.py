"""Files opened with the computer's own programs: read-only copies, removed at exit or next start."""

from __future__ import annotations

from app.opened import remove_own_copies, remove_stale_copies, write_copy

__all__ = ["remove_own_copies", "remove_stale_copies", "write_copy"]
