"""Page-break discipline in the Word file: small tables and the signature block stay whole,
a long table keeps its head and its last four rows (or its legend) together."""

from __future__ import annotations

import pytest
from report_reader import demo_ids, read_docx

from app.db import Database
from app.progress import Progress
from reports import BriefingRequest, generate_briefing

pytestmark = pytest.mark.dates

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _kept(row: object) -> tuple[bool, bool]:
    """(the row cannot split, its paragraphs keep with the next row)."""
    tr = row._tr  # type: ignore[attr-defined]
    cant = tr.find(f"{W}trPr/{W}cantSplit") is not None
    keep = all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)  # type: ignore[attr-defined]
    return cant, keep


def _docx(db: Database, key: str, target: str, ident: object) -> object:
    request = BriefingRequest(target, ident, lang="ko", format="docx", key=key)  # type: ignore[arg-type]
    return read_docx(generate_briefing(db, request, Progress())).document


def test_signature_block_and_small_tables_stay_whole(demo_sqlite: Database) -> None:
    word = _docx(demo_sqlite, "minutes", "meeting", demo_ids(demo_sqlite).held_meeting)
    signatures = word.tables[-1]  # type: ignore[attr-defined]
    assert "서명" in signatures.rows[0].cells[2].text
    states = [_kept(r) for r in signatures.rows]
    assert all(cant for cant, _ in states) and all(keep for _, keep in states[:-1])
    for table in word.tables[2:-1]:  # type: ignore[attr-defined]
        if len(table.rows) <= 7:
            states = [_kept(r) for r in table.rows]
            assert all(cant for cant, _ in states) and all(keep for _, keep in states[:-1]), (
                table.rows[0].cells[0].text
            )


def test_long_table_keeps_head_and_tail(demo_sqlite: Database) -> None:
    word = _docx(demo_sqlite, "agreement", "agreement", demo_ids(demo_sqlite).agreement)
    parties = next(t for t in word.tables if t.rows[0].cells[0].text == "기관" and len(t.rows) == 12)  # type: ignore[attr-defined]
    states = [_kept(r) for r in parties.rows]
    assert all(keep for _, keep in states[:2])  # header and first row hold the second
    assert all(keep for _, keep in states[-4:-1])  # the last four rows stay together
    assert not any(keep for _, keep in states[3:-4])  # the middle may break anywhere
