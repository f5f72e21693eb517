"""Recognising an encrypted (SQLCipher) database file without its key."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_encrypted(path: Path) -> bool:
    """True when ``path`` reads as noise in whole pages, as a SQLCipher file does.

    SQLCipher writes a random salt where SQLite writes its header, and every page
    is ciphertext, so the first page has near-maximal byte entropy.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if size < 1024 or size % 512 or head.startswith(SQLITE_HEADER):
        return False
    counts = Counter(head)
    entropy = -sum(n / len(head) * math.log2(n / len(head)) for n in counts.values())
    return entropy > 7.5
