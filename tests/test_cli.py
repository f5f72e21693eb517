"""The ``partnership-desk`` command as a user sees it: exit code, stdout and stderr.

Most tests call ``cli.main`` in this process (a real process costs about a
second of interpreter, SQLAlchemy and Alembic start-up per command). ``TestRealProcess``
at the end keeps the few checks only a real process can make: ``--version``, the
entry point and stdout encoding, a crash, a closed pipe.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.dto import CommitmentInput, MeetingInput
from app.paths import app_paths
from app.services import commitments, meetings
from app.services.opening import open_database
from app.text import has_hangul
from cli import main

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["agreements", "organizations", "contacts", "meetings", "commitments"]
REFERENCE_TITLE = "반도체 첨단 패키징 기술개발 협력 협약"


@dataclass(frozen=True)
class Ran:
    """What a command left behind; named like ``CompletedProcess`` so both check the same way."""

    returncode: int
    stdout: str
    stderr: str


def run(home: Path, *args: str, db: str | None = None, lang: str = "en") -> Ran:
    """``partnership-desk --home HOME ... ARGS`` in this process.

    ``--home`` wins over ``PARTNERSHIP_DESK_HOME`` and conftest removes
    ``PARTNERSHIP_DESK_DB``; the app reads no other ``PARTNERSHIP_DESK_*`` variable,
    so this is the environment a subprocess gets. Output is redirected rather than
    taken from ``capsys`` so that the module-scoped fixtures can run commands too.
    """
    argv = ["--home", str(home), "--lang", lang, *(["--db", db] if db is not None else []), *args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    # A process would have closed them on exit; in here a leak would hold the demo
    # database (and its lock) open under every later test.
    roots = [home] if db is None or "://" in db else [home, Path(db).parent]
    assert not open_files_under(*roots), f"{args} left files open"
    return Ran(code, out.getvalue(), err.getvalue())


def open_files_under(*roots: Path) -> list[str]:
    """Files this process has open inside ``roots`` (Linux only; elsewhere nothing is checked)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return []
    prefixes = [f"{root.resolve()}{os.sep}" for root in roots]
    found = []
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            target = os.readlink(fd)
            if any(target.startswith(prefix) for prefix in prefixes):
                found.append(target)
    return found


def ok(result: Ran | subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def fails(result: Ran | subprocess.CompletedProcess[str], *words: str) -> str:
    """A failure: non-zero, exactly one line on stderr naming the problem, no traceback."""
    assert result.returncode != 0, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("partnership-desk: ")
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("cli") / "home"
    assert "Loaded the reference data." in ok(run(home, "demo"))
    return home


def listed(home: Path, kind: str, db: str | None = None) -> list[dict[str, object]]:
    rows = json.loads(ok(run(home, "list", kind, "--json", db=db)))
    assert isinstance(rows, list)
    return rows


@pytest.fixture(scope="module")
def demo_lists(demo_home: Path) -> dict[str, list[dict[str, object]]]:
    """``list KIND --json`` of the demo data, for every kind."""
    return {kind: listed(demo_home, kind) for kind in KINDS}


def reference_id(lists: dict[str, list[dict[str, object]]]) -> str:
    (ref,) = [a for a in lists["agreements"] if a["reference_no"] == "DEMO-2023-PKG-01"]
    return str(ref["id"])


def test_demo_twice_is_idempotent(demo_home: Path, tmp_path: Path) -> None:
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    ok(run(demo_home, "export", str(before)))
    assert "already loaded" in ok(run(demo_home, "demo"))
    ok(run(demo_home, "export", str(after)))
    assert json.loads(after.read_text(encoding="utf-8")) == json.loads(before.read_text(encoding="utf-8"))


def test_list_json_is_an_array_of_objects_with_ids(
    demo_home: Path, demo_lists: dict[str, list[dict[str, object]]]
) -> None:
    for kind in KINDS:
        rows = demo_lists[kind]
        assert rows, kind
        for row in rows:
            assert isinstance(row, dict)
            uuid.UUID(str(row["id"]))
    table = ok(run(demo_home, "list", "agreements", lang="ko"))
    assert REFERENCE_TITLE in table and "발효 중" in table


@pytest.fixture(scope="module")
def shown(demo_home: Path, demo_lists: dict[str, list[dict[str, object]]]) -> dict[str, Any]:
    """``show agreement ID --json`` of the reference agreement."""
    return json.loads(ok(run(demo_home, "show", "agreement", reference_id(demo_lists), "--json")))  # type: ignore[no-any-return]


def test_show_agreement_json_has_the_parties_and_commitments(demo_home: Path, shown: dict[str, Any]) -> None:
    assert shown["record"]["title_ko"] == REFERENCE_TITLE
    assert shown["record"]["signed_on"] == "2023-08-29"
    parties = shown["parties"]
    assert len(parties) == 11
    for p in parties:
        assert p["organization_name_ko"] and p["organization_name_en"]
        assert p["role"] in ("lead", "signatory")
        assert p["signatory_name_ko"] and p["signatory_name_en"]
        assert p["signatory_title_ko"] and p["signatory_title_en"]
        assert p["signed_on"] == "2023-08-29"
    assert [p["organization_name_en"] for p in parties][:3] == [
        "Ministry of Trade, Industry and Energy",
        "Samsung Electronics",
        "SK hynix",
    ]
    titles = [c["title_ko"] for c in shown["commitments"]]
    assert (
        any("R&D" in t for t in titles)
        and any("OSAT" in t for t in titles)
        and any("생태계" in t for t in titles)
    )
    assert all(c["title_en"] for c in shown["commitments"])
    assert shown["record"]["summary_ko"] and shown["record"]["summary_en"]


def test_show_speaks_the_command_lines_language(demo_home: Path, shown: dict[str, Any]) -> None:
    ident = shown["record"]["id"]
    english = ok(run(demo_home, "show", "agreement", ident, lang="en")).splitlines()
    assert (
        "title: Agreement on cooperation for semiconductor advanced packaging technology development"
        in english
    )
    assert "place: Eltower, Seoul" in english and "status: In force" in english
    assert "parties (11)" in english
    assert "  - Ministry of Trade, Industry and Energy [Lead], Jiyoon Han (Director)" in english
    # Tags are the user's labels, one language each, shown as written.
    korean_lines = [line for line in english if has_hangul(line) and not line.startswith("tags: ")]
    assert not korean_lines, korean_lines
    korean = ok(run(demo_home, "show", "agreement", ident, lang="ko")).splitlines()
    assert (
        f"title: {REFERENCE_TITLE}" in korean
        and "place: 엘타워, 서울" in korean
        and "status: 발효 중" in korean
    )
    assert "  - 산업통상자원부 [주관기관], 한지윤 (과장)" in korean
    assert not any(line.startswith(("title_ko", "title_en", "summary_en")) for line in english + korean)


def test_show_every_kind(demo_home: Path, shown: dict[str, Any]) -> None:
    ids = {
        "organization": shown["parties"][0]["organization_id"],
        "contact": shown["parties"][0]["signatory_contact_id"],
        "meeting": shown["meetings"][0]["id"],
        "commitment": shown["commitments"][0]["id"],
    }
    for kind, ident in ids.items():
        got = json.loads(ok(run(demo_home, "show", kind, ident, "--json")))
        assert got.get("record", got)["id"] == ident


def test_export_then_import_into_an_empty_database_reproduces_every_list(
    demo_home: Path, demo_lists: dict[str, list[dict[str, object]]], tmp_path: Path
) -> None:
    archive = tmp_path / "전체 내보내기.json"
    assert "Exported" in ok(run(demo_home, "export", str(archive)))
    empty = tmp_path / "empty-home"
    assert "new" in ok(run(empty, "import", str(archive)))
    for kind in KINDS:
        assert listed(empty, kind) == demo_lists[kind], kind
    again = ok(run(empty, "import", str(archive)))
    assert "0 new, 0 updated" in again
    ok(run(empty, "check"))


def test_unknown_and_malformed_ids(demo_home: Path) -> None:
    missing = str(uuid.uuid4())
    fails(run(demo_home, "show", "agreement", missing), missing)
    fails(run(demo_home, "show", "meeting", "12345"), "'12345' is not a valid meeting id")
    fails(run(demo_home, "delete", "contact", missing), missing)
    line = fails(run(demo_home, "show", "agreement", "없는-아이디", lang="ko"))
    assert "올바른 ID가 아닙니다" in line


def test_delete_removes_from_lists(demo_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "copy-home"
    home.mkdir()
    ok(run(demo_home, "backup", str(home / "partnership-desk.sqlite3")))
    target = listed(home, "meetings")[0]["id"]
    assert "Deleted meeting" in ok(run(home, "delete", "meeting", str(target)))
    assert target not in {m["id"] for m in listed(home, "meetings")}
    fails(run(home, "show", "meeting", str(target)), str(target))


def _copy_of(demo_home: Path, home: Path) -> Path:
    home.mkdir()
    ok(run(demo_home, "backup", str(home / "partnership-desk.sqlite3")))
    return home


def test_a_text_missing_in_the_lists_language_is_shown_in_the_other_tagged(
    demo_home: Path, tmp_path: Path
) -> None:
    home = _copy_of(demo_home, tmp_path / "copy-home")
    ref = next(a for a in listed(home, "agreements") if a["reference_no"] == "DEMO-2023-PKG-01")
    db = open_database(paths=app_paths(home))
    try:
        korean_only = commitments.create_commitment(
            db, CommitmentInput(agreement_id=uuid.UUID(str(ref["id"])), title_ko="번역 안 된 과제")
        )
        english_only = meetings.create_meeting(
            db, MeetingInput(title_en="Untranslated call", place_en="Online")
        )
    finally:
        db.close()
    english = ok(run(home, "list", "commitments", lang="en"))
    line = next(x for x in english.splitlines() if str(korean_only.id) in x)
    assert line.endswith("번역 안 된 과제 [KO]")
    assert "New advanced-packaging R&D projects (government investment)" in english
    assert english.count("[KO]") == 1  # the demo's commitments all have their English title
    korean = ok(run(home, "list", "meetings", lang="ko"))
    line = next(x for x in korean.splitlines() if str(english_only.id) in x)
    assert "Untranslated call [EN]" in line and line.endswith("Online [EN]")
    assert "첨단 패키징 협약 실무협의회 (4차)" in korean and korean.count("[EN]") == 2
    shown = ok(run(home, "show", "meeting", str(english_only.id), lang="ko")).splitlines()
    assert "title: Untranslated call [EN]" in shown and "summary: " in shown  # empty in both: no tag
    assert ok(run(home, "show", "meeting", str(english_only.id), lang="en")).splitlines()[2] == (
        "title: Untranslated call"
    )


def test_lists_in_english_have_no_korean_for_the_demo(demo_home: Path) -> None:
    for kind in KINDS:
        table = ok(run(demo_home, "list", kind, lang="en"))
        assert "[KO]" not in table, kind
        assert not has_hangul(table), (kind, [x for x in table.splitlines() if has_hangul(x)])
    contacts = ok(run(demo_home, "list", "contacts", lang="en"))
    assert any(line.split("  ")[-1] == "Director" and "Jiyoon Han" in line for line in contacts.splitlines())


def test_search_names_each_hit_in_the_command_lines_language(demo_home: Path) -> None:
    hits = json.loads(ok(run(demo_home, "search", "하이닉스", "--json", lang="en")))
    org = next(h for h in hits if h["kind"] == "organization")
    assert (org["title"], org["title_ko"], org["title_en"]) == ("SK hynix", "SK하이닉스", "SK hynix")
    text = ok(run(demo_home, "search", "hynix", lang="ko"))
    assert "  SK하이닉스  (" in text and "Yuna" not in text.split("[contact]")[1].splitlines()[1]
    assert "  최유나  (" in text


def test_damaged_database_files(demo_home: Path, tmp_path: Path) -> None:
    noise = tmp_path / "noise.sqlite3"
    noise.write_bytes(os.urandom(8192))
    good = demo_home / "partnership-desk.sqlite3"
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[:20_000])
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("이것은 데이터베이스가 아닙니다\n" * 100, encoding="utf-8")
    for damaged in (noise, truncated, text_file):
        before = damaged.read_bytes()
        fails(run(tmp_path, "list", "agreements", db=str(damaged)), str(damaged))
        checked = run(tmp_path, "check", db=str(damaged))
        line = fails(checked)
        assert checked.returncode == 1
        assert "damaged" in line or "not a Partnership Desk database" in line or "encrypted" in line
        assert damaged.read_bytes() == before
        assert not Path(f"{damaged}-wal").exists() or Path(f"{damaged}-wal").stat().st_size == 0


def test_unwritable_and_odd_locations(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    fails(run(tmp_path, "list", "agreements", db=str(blocker / "sub" / "db.sqlite3")), "Cannot create")
    fails(run(tmp_path, "list", "agreements", db=str(tmp_path)), "folder")
    fails(run(tmp_path, "list", "agreements", db="/proc/partnership-desk/db.sqlite3"))
    line = fails(
        run(tmp_path, "list", "agreements", db="postgresql+psycopg://nobody:secret@127.0.0.1:9/none")
    )
    assert "Cannot connect" in line and "secret" not in line
    assert not (tmp_path / "partnership-desk.sqlite3").exists()


def test_import_of_bad_files_never_creates_or_changes_a_database(demo_home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty-home"
    cases = {
        "wrong-shape.json": json.dumps([{"id": 1}]),
        "not-json.json": "이건 JSON이 아닙니다 {",
        "other-format.json": json.dumps({"format": "vcard", "tables": {}}),
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        fails(run(empty, "import", str(path)), name)
        assert not (empty / "partnership-desk.sqlite3").exists()
    fails(run(empty, "import", str(tmp_path / "missing.json")), "missing.json")
    # One bad row in an otherwise good file: nothing of it arrives.
    archive, before, after = tmp_path / "archive.json", tmp_path / "before.json", tmp_path / "after.json"
    ok(run(demo_home, "export", str(before)))
    doc = json.loads(before.read_text(encoding="utf-8"))
    doc["tables"]["organization"][0]["notes"] = "가져오면 바뀜"
    doc["tables"]["contact"][-1]["email"] = "bad\x07@example.com"
    archive.write_text(json.dumps(doc), encoding="utf-8")
    fails(run(demo_home, "import", str(archive)), "contact #", "U+0007")
    ok(run(demo_home, "export", str(after)))
    assert json.loads(after.read_text(encoding="utf-8")) == json.loads(before.read_text(encoding="utf-8"))


def test_check_and_backup(
    demo_home: Path, demo_lists: dict[str, list[dict[str, object]]], tmp_path: Path
) -> None:
    out = ok(run(demo_home, "check"))
    assert "ok: SQLite integrity check" in out and "PROBLEM" not in out
    dest = tmp_path / "backups" / "copy.sqlite3"
    assert str(dest) in ok(run(demo_home, "backup", str(dest)))
    # closing(): sqlite3's own context manager only commits, and the copy is opened again below.
    with contextlib.closing(sqlite3.connect(dest)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert listed(tmp_path, "agreements", db=str(dest)) == demo_lists["agreements"]
    folder_out = ok(run(demo_home, "backup", str(tmp_path / "backups")))
    assert len(list((tmp_path / "backups").glob("*.sqlite3"))) == 2 and "Backup written" in folder_out
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    fails(run(demo_home, "export", str(blocker / "export.json")), "Cannot write the export file")
    fails(run(demo_home, "backup", str(blocker / "copy.sqlite3")), "Cannot create the backup folder")
    fails(run(tmp_path / "nowhere", "check"), "There is no database")
    assert not (tmp_path / "nowhere" / "partnership-desk.sqlite3").exists()


def test_postgresql_from_the_command_line(pg_url: str, tmp_path: Path) -> None:
    ok(run(tmp_path, "demo", db=pg_url))
    assert len([a for a in listed(tmp_path, "agreements", db=pg_url) if a["party_count"] == 11]) == 1
    assert ok(run(tmp_path, "check", db=pg_url)).startswith("ok: schema version")
    fails(run(tmp_path, "backup", db=pg_url), "pg_dump")


# -- in a real process ----------------------------------------------------------------

# `list` replaced by a bug, then cli/__main__.py run as `python -m cli` runs it.
BROKEN_LIST = """
import runpy
from cli import cmd_core

def broken(_args):
    raise RuntimeError("a bug\\nwith a second line")

cmd_core.cmd_list = broken
runpy.run_module("cli", run_name="__main__", alter_sys=True)
"""


def process_env(home: Path) -> dict[str, str]:
    """This environment without the test run's ``PARTNERSHIP_DESK_*``, with ``home`` as data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERSHIP_DESK_")}
    env.update({"PARTNERSHIP_DESK_HOME": str(home), "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
    return env


def run_process(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``python ARGV`` in ``home``, output decoded strictly as UTF-8."""
    return subprocess.run(
        [sys.executable, *argv],
        cwd=ROOT,
        env=process_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.slow
class TestRealProcess:
    """What only a real process shows: its exit, its own stdout and stderr, nothing after ``main``."""

    def test_version(self, tmp_path: Path) -> None:
        assert ok(run_process(tmp_path, "-m", "cli", "--version")).strip() == "partnership-desk 0.1.0"
        assert not (tmp_path / "partnership-desk.sqlite3").exists()

    def test_demo_then_list_through_the_entry_point(self, tmp_path: Path) -> None:
        assert "Loaded the reference data." in ok(run_process(tmp_path, "-m", "cli", "demo"))
        out = ok(run_process(tmp_path, "-m", "cli", "list", "agreements", "--json"))
        assert REFERENCE_TITLE in out  # written as UTF-8 text, not as \u escapes
        assert REFERENCE_TITLE in [a["title_ko"] for a in json.loads(out)]

    def test_an_unexpected_error_is_one_line_and_a_crash_report(self, tmp_path: Path) -> None:
        home = tmp_path / "crash-home"
        result = run_process(tmp_path, "-c", BROKEN_LIST, "--home", str(home), "list", "agreements")
        assert result.returncode == 70
        line = fails(result, "unexpected error (RuntimeError: a bug)")
        (report,) = (home / "crash-reports").iterdir()
        text = report.read_text(encoding="utf-8")
        assert "Traceback" in text and "with a second line" in text and str(report) in line
        assert "list agreements" in text  # the command line, from the real sys.argv

    def test_a_closed_pipe_ends_quietly(self, demo_home: Path) -> None:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli", "list", "contacts", "--json"],
            cwd=ROOT,
            env=process_env(demo_home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before the first line is written
        assert proc.wait(timeout=60) == 0
        assert proc.stderr.read() == b""
