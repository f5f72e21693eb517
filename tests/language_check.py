"""Checks that a briefing is in one language: no Hangul in an English one, no English sentence
in a Korean one (proper names, reference numbers, addresses and zone names aside)."""

from __future__ import annotations

import re

from app.text import has_hangul

# A Latin word: letters, with inner apostrophes, dots, hyphens, ampersands or slashes (R&D, U.S.,
# America/New_York, state-of-the-art), perhaps followed by a comma, colon or semicolon.
_WORD = r"[A-Za-z][A-Za-z'’.&/-]*[,;:]?"
_RUN = re.compile(rf"{_WORD}(?:[ \t]+{_WORD})+")
# The small words inside proper names: "Ministry of Trade, Industry and Energy".
_NAME_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "at", "&", "de", "du", "der", "la", "le"})
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


def hangul_lines(text: str) -> list[str]:
    """The lines of ``text`` holding a Hangul letter."""
    return [line for line in text.splitlines() if has_hangul(line)]


def english_sentences(text: str, words: int = 5) -> list[str]:
    """Runs of ``words`` or more English words in ``text`` that are not a proper name.

    A proper name is a run whose every word is capitalised but for the small words names carry
    (of, and, the ...): "Ministry of Trade, Industry and Energy", "Example Packaging Research
    Center". Reference numbers (EX-2024-007), e-mail and web addresses are not words.
    Text is taken line by line as extracted (a sentence the PDF wraps is checked per line).
    """
    found = []
    for line in text.splitlines():
        line = _ADDRESS.sub(" ", line)
        for run in _RUN.finditer(line):
            tokens = [t.rstrip(",;:") for t in run.group(0).split()]
            if len(tokens) < words:
                continue
            if all(t[0].isupper() or t.lower() in _NAME_WORDS for t in tokens):
                continue  # a proper name
            found.append(run.group(0))
    return found
