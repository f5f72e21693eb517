"""The bigram-phrase design finds exactly the words that contain the query word (property test)."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from app.search.terms import WORD, fold, fts_phrase, gram_text, query_words

# Hangul syllables that compose into particles and compounds, Latin in both cases, digits, spaces
# and punctuation (full-width too): what agreement titles and minutes are made of.
ALPHABET = st.sampled_from(list("경제협력정을하이닉스SKsk팩PACKagingＡＢ１2 -·.(), abab12"))
# A tiny alphabet makes neighbouring words that share letters (the hard case) frequent.
TEXT = st.one_of(
    st.text(ALPHABET, max_size=40),
    st.text(st.sampled_from(list("ab협정 -")), max_size=12),
    # ASCII runs are indexed as three-letter grams and Hangul as two-letter ones: mix them densely.
    st.text(st.sampled_from(list("abc1A협정 ")), max_size=16),
)


def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='ascii', content='')")
    conn.execute("CREATE VIRTUAL TABLE h USING fts5(body, tokenize='ascii', content='')")
    return conn


@settings(max_examples=300, deadline=None)
@given(docs=st.lists(TEXT, min_size=1, max_size=8), query=TEXT)
def test_fts_phrase_matches_substring_of_a_word(docs: list[str], query: str) -> None:
    conn = fts()
    for rowid, doc in enumerate(docs, start=1):
        conn.execute("INSERT INTO t(rowid, body) VALUES (?, ?)", (rowid, gram_text(fold(doc))))
        conn.execute("INSERT INTO h(rowid, body) VALUES (?, ?)", (rowid, gram_text(fold(doc), heading=True)))
    for word in (w for w in query_words(query) if len(w) > 1):
        found = {r[0] for r in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts_phrase(word),))}
        expected = {
            i for i, doc in enumerate(docs, start=1) if any(word in w for w in WORD.findall(fold(doc)))
        }
        assert found == expected, (word, docs)
        # The same in the heading column, whose grams are marked, and never across the two.
        found = {
            r[0]
            for r in conn.execute("SELECT rowid FROM h WHERE h MATCH ?", (fts_phrase(word, heading=True),))
        }
        assert found == expected, (word, docs)
        assert not conn.execute("SELECT 1 FROM h WHERE h MATCH ?", (fts_phrase(word),)).fetchall()


def test_examples_from_the_issue() -> None:
    def hit(word: str, doc: str) -> bool:
        conn = fts()
        conn.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", (gram_text(fold(doc)),))
        [w] = query_words(word)
        return bool(conn.execute("SELECT 1 FROM t WHERE t MATCH ?", (fts_phrase(w),)).fetchall())

    assert hit("협정", "한·칠레 경제협력협정을 위한")
    assert hit("하이닉스", "SK하이닉스")
    assert hit("경제협력", "경제협력협정")
    assert hit("pack", "Advanced Packaging")
    assert not hit("협력정", "경제협력협정")
    assert not hit("packs", "Advanced Packaging")
    assert not hit("abc", "xab bcy")  # grams of neighbouring words are not adjacent
    assert hit("osat", "OSAT 업체")
    assert hit("pa", "Packaging") and hit("ng", "Packaging") and hit("ck", "Packaging")
    assert hit("sk", "SK하이닉스") and hit("k하이", "SK하이닉스")
    assert not hit("pak", "Packaging")


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(st.sampled_from(list("abc협정")), min_size=1, max_size=4), min_size=2, max_size=4),
    data=st.data(),
)
def test_no_match_across_a_word_break(words: list[str], data: st.DataObject) -> None:
    doc = " ".join(words)
    joined = "".join(words)
    start = data.draw(st.integers(0, len(joined) - 2))
    query = joined[start : data.draw(st.integers(start + 2, len(joined)))]
    conn = fts()
    conn.execute("INSERT INTO t(rowid, body) VALUES (1, ?)", (gram_text(fold(doc)),))
    found = bool(conn.execute("SELECT 1 FROM t WHERE t MATCH ?", (fts_phrase(fold(query)),)).fetchall())
    assert found == any(fold(query) in w for w in words), (doc, query)
