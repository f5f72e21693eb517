"""Every way a record is written leaves its history and its field clocks (issue 16).

The history (``AuditEvent``) is what ``history`` shows, and its events are the field
clocks an exchange merges by: a write that leaves none does not travel, and two laptops
editing the same field never see a conflict. Each write path is tested here as a person
uses it, on real database files (and on PostgreSQL where the path is the same there).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pg_server
import pytest
from factories import agreement

from app import clock
from app.dto import AgreementInput
from app.paths import AppPaths
from app.services import agreements
from app.services.opening import open_database
from cli import main

pytestmark = pytest.mark.dates  # edits are ordered by the clock: run again with the date moved


@pytest.fixture(params=["sqlite", "postgresql"])
def laptops(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two databases, as two laptops would hold them: SQLite files, or two PostgreSQL databases."""
    if request.param == "sqlite":
        yield str(tmp_path / "laptop-a.sqlite3"), str(tmp_path / "laptop-b.sqlite3")
        return
    with pg_server.new_database() as a, pg_server.new_database() as b:
        yield a, b


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def history(capsys: pytest.CaptureFixture[str], db: str, kind: str, ident: UUID) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(cli(capsys, "--db", db, "history", kind, str(ident), "--json"))
    return entries


def edited_archive(
    capsys: pytest.CaptureFixture[str], db: str, folder: Path, table: str, ident: UUID, **values: Any
) -> Path:
    """``export FILE.json`` of ``db``, with ``values`` written into one row as a person would edit the file."""
    source, edited = folder / "export.json", folder / "edited.json"
    cli(capsys, "--db", db, "export", str(source))
    doc = json.loads(source.read_text(encoding="utf-8"))
    (row,) = [r for r in doc["tables"][table] if r["id"] == str(ident)]
    row.update(values)
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return edited


def test_an_archive_edit_travels_shows_in_history_and_meets_a_concurrent_edit(
    laptops: tuple[str, str],
    paths: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    test_clock: clock.SteppingClock,
) -> None:
    a, b = laptops
    bundle = tmp_path / "a-to-b.pdx"
    with open_database(a, paths=paths) as db:
        rec = agreement(db, "반도체 협력 협약", summary="처음 요약")
    cli(capsys, "--db", a, "exchange", "export", str(bundle))
    assert "1 new" in cli(capsys, "--db", b, "exchange", "import", str(bundle))
    test_clock.advance(timedelta(minutes=5))

    # Laptop A: the title and the summary are changed by importing an edited archive.
    edited = edited_archive(
        capsys, a, tmp_path, "agreement", rec.id, title_ko="첨단 패키징 협약", summary="고친 요약"
    )
    assert "0 new, 1 updated" in cli(capsys, "--db", a, "import", str(edited))
    entries = history(capsys, a, "agreement", rec.id)
    assert entries[-1]["action"] == "update"
    assert entries[-1]["changes"] == {
        "title_ko": ["반도체 협력 협약", "첨단 패키징 협약"],
        "summary": ["처음 요약", "고친 요약"],
    }
    test_clock.advance(timedelta(minutes=5))

    # Laptop B, not knowing of it, changes the same title through the program.
    with open_database(b, paths=paths) as db:
        agreements.update_agreement(db, rec.id, AgreementInput(title_ko="출장지 제목", summary="처음 요약"))
    test_clock.advance(timedelta(minutes=5))

    cli(capsys, "--db", a, "exchange", "export", str(bundle))
    out = cli(capsys, "--db", b, "exchange", "import", str(bundle))
    assert "1 updated" in out and "1 new conflicts" in out
    with open_database(b, paths=paths) as db:
        got = agreements.get_agreement(db, rec.id)
    assert got.summary == "고친 요약"  # the archive edit arrived
    assert got.title_ko == "출장지 제목"  # the later of the two title edits is kept
    changes_on_b = [e["changes"] for e in history(capsys, b, "agreement", rec.id)]
    assert {"title_ko": ["반도체 협력 협약", "첨단 패키징 협약"], "summary": ["처음 요약", "고친 요약"]} in (
        changes_on_b
    )
    conflicts = json.loads(cli(capsys, "--db", b, "conflicts", "--json"))
    assert [(c["field"], c["winner_value"], c["loser_value"]) for c in conflicts] == [
        ("title_ko", "출장지 제목", "첨단 패키징 협약")
    ]

    # And back: laptop A ends with the same record and the same conflict.
    back = tmp_path / "b-to-a.pdx"
    cli(capsys, "--db", b, "exchange", "export", str(back))
    cli(capsys, "--db", a, "exchange", "import", str(back))
    with open_database(a, paths=paths) as db:
        assert agreements.get_agreement(db, rec.id).title_ko == "출장지 제목"
    assert [c["field"] for c in json.loads(cli(capsys, "--db", a, "conflicts", "--json"))] == ["title_ko"]
