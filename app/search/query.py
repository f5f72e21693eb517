"""Running a search: candidates from the index, ranked, with the matching passage marked.

Snippet convention: each matching passage is wrapped in ``«`` and ``»`` (U+00AB,
U+00BB); those two characters in the record's own text are shown as ``‹``/``›``
so the marks are never ambiguous. :func:`marked_parts` splits a snippet into
(text, highlighted) pieces for the UI; the CLI prints it as is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, literal_column, or_, select, text

from app.dto import Shown, shown
from app.enums import RecordKind
from app.search.documents import KINDS
from app.search.index import DOCS, FTS_TABLE, ensure_current
from app.search.terms import fold, fts_query, like_pattern, query_words

if TYPE_CHECKING:
    from app.db import Database

MARK_OPEN = "«"
MARK_CLOSE = "»"
SNIPPET_WIDTH = 100


@dataclass(frozen=True)
class SearchHit:
    kind: str  # agreement, organization, contact, meeting, commitment, attachment
    id: UUID
    title_ko: str  # empty when the record has no Korean title
    title_en: str  # empty when the record has no English title
    snippet: str  # matches marked «like this»
    score: float  # higher is better; comparable within one search
    parent_kind: str = ""  # for an attachment: the record it belongs to (open that)
    parent_id: UUID | None = None

    def title(self, lang: str = "ko") -> Shown:
        """The title in ``lang``, else the other language's, marked missing."""
        return shown(self.title_ko, self.title_en, lang)


def search(
    db: Database, query: str, *, kinds: tuple[str, ...] | None = None, limit: int = 50
) -> list[SearchHit]:
    """Hits for ``query`` (every word must occur), grouped by kind in ``KINDS`` order, best first."""
    words = query_words(query)
    if not words or limit <= 0:
        return []
    wanted = [k for k in KINDS if kinds is None or k in {_singular(x) for x in kinds}]
    ensure_current(db)
    with db.engine.connect() as conn:
        rows = _candidates(conn, wanted, words, limit)
    scorer = _Scorer(words)
    ranked = sorted(((scorer(r.folded_heading, r.folded_body), i, r) for i, r in enumerate(rows)), key=_best)
    hits = [_hit(row, words, score) for score, _, row in ranked[:limit]]
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(hits, key=lambda h: (order[h.kind], -h.score))


def _best(item: tuple[float, int, Any]) -> tuple[float, int]:
    return -item[0], item[1]


_D = DOCS
_COLUMNS = (
    _D.c.record_id, _D.c.kind, _D.c.title, _D.c.title_en, _D.c.heading, _D.c.body, _D.c.parent_kind, _D.c.parent_id,
    _D.c.folded_heading, _D.c.folded_body,
)  # fmt: skip


def _candidates(conn: Connection, kinds: list[str], words: list[str], limit: int) -> list[Any]:
    if conn.dialect.name == "sqlite":
        return _sqlite_candidates(conn, kinds, words, limit)
    # The same expression as the pg_trgm GIN index of migration 0003, so the index serves it.
    folded: ColumnElement[str] = literal_column("(folded_heading || ' ' || folded_body)")
    first = like_pattern(words[0])
    rows: list[Any] = []
    for kind in kinds:
        stmt = select(*_COLUMNS).where(_D.c.kind == kind, *(folded.like(like_pattern(w)) for w in words))
        stmt = stmt.order_by(_D.c.folded_heading.like(first).desc(), text("length(folded_body)"))
        rows += conn.execute(stmt.limit(max(limit * 2, 40)))
    return rows


# Per kind, the newest records whose name or title holds every word, then (when those are fewer
# than the limit) the newest holding them anywhere. Each is a bounded walk of the FTS5 index in
# rowid order (the plan: SCAN search_fts VIRTUAL TABLE INDEX 192 = rowid descending, then the
# document by its primary key; no sort): ranking every match (117,000 records hold 반도체) is what
# made search slow. One-letter words have no gram, so their LIKE is checked before the limit.
FTS_NEWEST = (
    "SELECT d.doc_no, d.record_id, d.kind, d.title, d.title_en, d.heading, d.body, d.parent_kind, d.parent_id,"
    f" d.folded_heading, d.folded_body FROM {FTS_TABLE} JOIN search_document d ON d.doc_no = {FTS_TABLE}.rowid"
    f" WHERE {FTS_TABLE} MATCH ?{{like}} ORDER BY {FTS_TABLE}.rowid DESC LIMIT ?"
)
_SHORT_LIKE = " AND (d.folded_heading LIKE ? ESCAPE '\\' OR d.folded_body LIKE ? ESCAPE '\\')"


class _Row(NamedTuple):
    doc_no: int
    record_id: UUID
    kind: str
    title: str
    title_en: str
    heading: str
    body: str
    parent_kind: str
    parent_id: UUID | None
    folded_heading: str
    folded_body: str


def _uuid(value: Any) -> Any:
    return UUID(value) if isinstance(value, str) else value  # SQLAlchemy's Uuid on SQLite: 32 hex digits


def _sqlite_candidates(conn: Connection, kinds: list[str], words: list[str], limit: int) -> list[Any]:
    long = [w for w in words if len(w) > 1]
    short = [like_pattern(w) for w in words if len(w) == 1]
    if not long:
        rows: list[Any] = []
        for kind in kinds:
            likes = [
                or_(
                    _D.c.folded_heading.like(p, escape="\\"),
                    _D.c.folded_body.like(p, escape="\\"),
                )
                for p in short
            ]
            rows += conn.execute(select(*_COLUMNS).where(_D.c.kind == kind, *likes).limit(limit))
        return rows
    sql = FTS_NEWEST.format(like=_SHORT_LIKE * len(short))
    extra = tuple(p for p in short for _ in (0, 1))
    found: dict[int, _Row] = {}
    # The driver's cursor: a search runs up to a dozen small queries, each a few rows.
    cursor = conn.connection.cursor()
    try:
        for kind in kinds:
            count = 0
            for headings_only in (True, False):
                cursor.execute(sql, (fts_query(long, kind, headings_only=headings_only), *extra, limit))
                for row in cursor.fetchall():
                    if row[0] not in found:
                        found[row[0]] = _Row(*row)
                        count += 1
                if count >= limit:
                    break
    finally:
        cursor.close()
    return list(found.values())


def _hit(row: Any, words: list[str], score: float) -> SearchHit:
    return SearchHit(
        kind=row.kind,
        id=_uuid(row.record_id),
        title_ko=_clean(row.title),
        title_en=_clean(row.title_en),
        snippet=snippet(row.heading, row.body, words, row.folded_body),
        score=round(score, 4),
        parent_kind=row.parent_kind,
        parent_id=_uuid(row.parent_id),
    )


class _Scorer:
    """Matches in names and titles count most, then at a word's start, then how often."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def __call__(self, heading: str, body: str) -> float:
        score = 1.0 / (1.0 + len(body) / 2000)
        for word in self.words:
            if word in heading:
                score += 3.0
                if _at_word_start(heading, word):
                    score += 1.0
                if heading == word:
                    score += 2.0
            count = body.count(word)
            if count:
                score += 0.5 + 0.2 * min(count, 5)
                if _at_word_start(body, word):
                    score += 0.5
        return score


def _at_word_start(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` not preceded by a letter or digit (``[^\\W_]``)."""
    at = text.find(word)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            return True
        at = text.find(word, at + 1)
    return False


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).replace(MARK_OPEN, "‹").replace(MARK_CLOSE, "›")


# What NFC text looks like in a snippet, one character for one: white space (``\s``) as a space and
# the marks' own characters as look-alikes.
_SPACES = (*range(9, 14), *range(28, 33), 133, 160, 5760, *range(8192, 8203), 8232, 8233, 8239, 8287, 12288)
_SHOWN = {**dict.fromkeys(_SPACES, " "), ord(MARK_OPEN): "‹", ord(MARK_CLOSE): "›"}


def _show(piece: str) -> str:
    return piece.translate(_SHOWN)


def snippet(heading: str, body: str, words: list[str], folded_body: str | None = None) -> str:
    """A passage around the first match (body first, else the heading) with matches marked."""
    folded_body = fold(body) if folded_body is None else folded_body
    source = body if any(w in folded_body for w in words) else heading
    if unicodedata.is_normalized("NFKC", source):
        folded = source.casefold()  # what fold() does to NFKC text: one character at a time
        if len(folded) == len(source):  # so each character folded to exactly one, in place
            return _passage(source, folded, range(len(source)), words, aligned=True)
    shown = _show(_clean(source))
    # Fold one character at a time, remembering which shown character each folded one came from.
    folded_parts: list[str] = []
    owner: list[int] = []
    for i, ch in enumerate(shown):
        part = fold(ch)
        folded_parts.append(part)
        owner.extend([i] * len(part))
    return _passage(shown, "".join(folded_parts), owner, words, aligned=False)


def _passage(text: str, folded: str, owner: Sequence[int], words: list[str], *, aligned: bool) -> str:
    """``SNIPPET_WIDTH`` characters of ``text`` around the first match, matches marked; ``owner[i]`` is
    the character of ``text`` that ``folded[i]`` came from (the identity when ``aligned``)."""
    firsts = [at for at in (folded.find(w) for w in words) if at >= 0]
    if not firsts:
        return _show(text[:SNIPPET_WIDTH]) + ("…" if len(text) > SNIPPET_WIDTH else "")
    first = min(owner[at] for at in firsts)
    begin = max(0, min(first - SNIPPET_WIDTH // 3, len(text) - SNIPPET_WIDTH))
    end = min(len(text), begin + SNIPPET_WIDTH)
    # Only matches that can reach the passage (a long minute may hold hundreds).
    reach = max(len(w) for w in words)
    lo, hi = (max(0, begin - reach), min(len(folded), end + reach)) if aligned else (0, len(folded))
    spans: list[tuple[int, int]] = []
    for word in words:
        at = folded.find(word, lo, hi)
        while at >= 0:
            stop = at + len(word)
            spans.append((owner[at], owner[stop - 1] + 1))
            at = folded.find(word, stop, hi)
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((start, stop))
    shown = _show(text[begin:end])
    out = ["…" if begin > 0 else ""]
    pos = 0
    for start, stop in merged:
        if stop <= begin or start >= end:
            continue
        start, stop = max(start, begin) - begin, min(stop, end) - begin
        out += [shown[pos:start], MARK_OPEN, shown[start:stop], MARK_CLOSE]
        pos = stop
    out.append(shown[pos:])
    out.append("…" if end < len(text) else "")
    return "".join(out).strip()


def marked_parts(snippet_text: str) -> list[tuple[str, bool]]:
    """Split a snippet into (text, is_match) pieces for highlighting."""
    parts: list[tuple[str, bool]] = []
    for piece in re.split(f"({MARK_OPEN}[^{MARK_CLOSE}]*{MARK_CLOSE})", snippet_text):
        if piece.startswith(MARK_OPEN) and piece.endswith(MARK_CLOSE):
            parts.append((piece[1:-1], True))
        elif piece:
            parts.append((piece, False))
    return parts


def _singular(word: str) -> str:
    """A record kind's singular ("agreements" -> "agreement"); other kinds (attachment) as they are."""
    try:
        return RecordKind.parse(word).value
    except ValueError:
        return word.removesuffix("s")
