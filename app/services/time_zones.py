"""Time zones for the front ends: a meeting's times are typed, shown and printed in its zone.

The rules live in :mod:`app.zones`; this is how ui/ and cli/ reach them.
"""

from __future__ import annotations

from app.zones import (
    COMMON,
    HOME,
    abbreviation,
    at,
    check_zone,
    differs_from_computer,
    differs_from_home,
    in_zone,
    label,
)

__all__ = [
    "COMMON",
    "HOME",
    "abbreviation",
    "at",
    "check_zone",
    "differs_from_computer",
    "differs_from_home",
    "in_zone",
    "label",
]
