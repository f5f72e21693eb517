"""Titles and ranks for the front ends: the English offered for a title typed in Korean.

The list and its rules live in :mod:`app.titles`; this is how ui/ and cli/ reach them.
"""

from __future__ import annotations

from app.titles import english_title, normalise

__all__ = ["english_title", "normalise"]
