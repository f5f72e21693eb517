"""How text becomes searchable: folding, words and overlapping two- or three-character grams.

Korean glues particles to nouns and writes compounds without spaces, so a search
term is matched as a *substring of a word*, never as a whole word: ``협정`` is
found in ``경제협력협정을``, ``하이닉스`` in ``SK하이닉스`` and ``pack`` in ``packaging``.

Both index and query are folded with :func:`app.text.fold_for_search` (NFKC and
casefold: NFD and NFC Hangul, full- and half-width forms and letter case all
meet), then split into words (runs of letters and digits). On SQLite each word is
indexed as one gram per character position, at consecutive positions, with a
one-character token between words:

- where the character and the next two are ASCII letters or digits, the gram is
  those three ("packaging" -> "pac ack cka kag agi gin ing ng"): two-letter
  pieces of English words are so common that a phrase of them matches (and makes
  SQLite read) most of the index;
- elsewhere it is the character and the next one ("경제협력" -> "경제 제협 협력"), so
  two-syllable Korean terms, which a trigram index cannot find, are found.

Grams of names and titles (the ``heading`` column) carry a mark (``¶반도``), so a
search for title matches walks only the short lists of title grams, not those of
every minute that mentions the word.

A query word of two or more characters is an FTS5 phrase of the grams its own
characters determine; when its last two characters are ASCII and nothing before
covers them, the text may go on with a third letter, so the phrase is spelled out
with the last gram as itself or followed by each letter and digit
(``("하a ab" OR "하a aba" OR ...)``). The phrase matches exactly where the word occurs as a
substring of a word (``tests/test_search_terms.py`` checks this by property).
One-character words fall back to ``LIKE``.
"""

from __future__ import annotations

import re

from app.text import fold_for_search

WORD = re.compile(r"[^\W_]+")
_TRI_ORDER = "abcdefghijklmnopqrstuvwxyz0123456789"
_TRI = frozenset(_TRI_ORDER)


def fold(text: str) -> str:
    return fold_for_search(text)


def query_words(query: str) -> list[str]:
    """The distinct folded words of a query, in order."""
    seen: list[str] = []
    for word in WORD.findall(fold(query)):
        if word not in seen:
            seen.append(word)
    return seen


def grams(word: str) -> list[str]:
    """The index's grams of one folded word: one per position but the last."""
    out: list[str] = []
    last = len(word) - 1
    for i in range(last):
        if i + 2 <= last and word[i] in _TRI and word[i + 1] in _TRI and word[i + 2] in _TRI:
            out.append(word[i : i + 3])
        else:
            out.append(word[i : i + 2])
    return out


# Between words: a one-character token, so the last gram of one word and the first of the
# next are not adjacent ("xab bcy" must not match "abc"); no query phrase holds a 1-char token.
WORD_BREAK = " \u00b7 "


# Marks a heading's grams: not a word character, so no gram of a body has it; not ASCII, so the
# ``ascii`` tokenizer keeps it inside the token.
HEADING_MARK = "\u00b6"


def gram_text(folded: str, *, heading: bool = False) -> str:
    """The text the FTS5 ``ascii`` tokenizer indexes: each word's grams, space separated."""
    mark = HEADING_MARK if heading else ""
    return WORD_BREAK.join(" ".join(mark + g for g in grams(w)) for w in WORD.findall(folded) if len(w) > 1)


def fts_phrase(word: str, *, heading: bool = False) -> str:
    """An FTS5 phrase that matches where ``word`` (2+ characters) is part of a word."""
    mark = HEADING_MARK if heading else ""
    pieces = [mark + g for g in grams(word)]
    # The last gram stops at the word's end; in the text a third ASCII character may follow.
    tail = word[-2:]
    if tail[0] in _TRI and tail[1] in _TRI:
        if len(pieces) > 1 and len(pieces[-2]) == len(mark) + 3:
            pieces.pop()  # the trigram before already holds these two characters
        else:
            # The last gram as itself or with any third: spelled out, not a prefix query ("ab"*),
            # which FTS5 answers by merging the lists of every such gram before the first row.
            head = " ".join([*pieces[:-1], ""])
            last = pieces[-1]
            return "(" + " OR ".join(f'"{head}{last}{c}"' for c in ("", *_TRI_ORDER)) + ")"
    return '"' + " ".join(pieces) + '"'


def fts_query(words: list[str], kind: str, *, headings_only: bool) -> str:
    """An FTS5 query for the records of ``kind`` holding every word (2+ characters each), in
    their name or title, or (``headings_only=False``) anywhere."""
    terms = [
        fts_phrase(w, heading=True)
        if headings_only
        else f"({fts_phrase(w, heading=True)} OR {fts_phrase(w)})"
        for w in words
    ]
    return f'kind : "{kind}" AND ' + " AND ".join(terms)


def like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
