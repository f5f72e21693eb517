"""How text becomes searchable: folding, words and overlapping two-character grams.

Korean glues particles to nouns and writes compounds without spaces, so a search
term is matched as a *substring of a word*, never as a whole word: ``협정`` is
found in ``경제협력협정을``, ``하이닉스`` in ``SK하이닉스`` and ``pack`` in ``packaging``.

Both index and query are folded with :func:`app.text.fold_for_search` (NFKC and
casefold: NFD and NFC Hangul, full- and half-width forms and letter case all
meet), then split into words (runs of letters and digits). On SQLite each word is
indexed as its overlapping bigrams at consecutive positions ("경제협력" ->
"경제 제협 협력", with a one-character token between words), so a query word of two or more characters is an FTS5 phrase of
its bigrams: the phrase matches exactly where the word occurs as a substring.
This one index serves both two-syllable Korean terms (which a trigram index
cannot find) and longer terms. One-character words fall back to ``LIKE``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.text import fold_for_search

WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    return fold_for_search(text)


def query_words(query: str) -> list[str]:
    """The distinct folded words of a query, in order."""
    seen: list[str] = []
    for word in WORD.findall(fold(query)):
        if word not in seen:
            seen.append(word)
    return seen


def bigrams(word: str) -> list[str]:
    return [word[i : i + 2] for i in range(len(word) - 1)]


# Between words: a one-character token, so the last bigram of one word and the first of the
# next are not adjacent ("xab bcy" must not match "abc"); no query phrase holds a 1-char token.
WORD_BREAK = " \u00b7 "


def gram_text(folded: str) -> str:
    """The text the FTS5 ``ascii`` tokenizer indexes: each word's bigrams, space separated."""
    return WORD_BREAK.join(
        " ".join([a + b for a, b in pairwise(w)]) for w in WORD.findall(folded) if len(w) > 1
    )


def fts_phrase(word: str) -> str:
    """An FTS5 phrase that matches where ``word`` (2+ characters) is part of a word."""
    return '"' + " ".join(bigrams(word)) + '"'


def like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
