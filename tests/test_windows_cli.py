"""What only Korean Windows would show on the command line, imitated on Linux.

A pipe or a file there gets the ANSI code page (CP949) unless the program says otherwise,
and a file shown in Excel, Word, Hangul or Acrobat cannot be replaced or read.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import Database
from cli import main


class Piped:
    """stdout and stderr as Windows gives them to a program whose output is piped: CP949 text."""

    def __init__(self) -> None:
        self.out = io.BytesIO()
        self.err = io.BytesIO()

    def run(self, *argv: str) -> int:
        saved = sys.stdout, sys.stderr
        sys.stdout = io.TextIOWrapper(self.out, encoding="cp949")
        sys.stderr = io.TextIOWrapper(self.err, encoding="cp949")
        try:
            return main(list(argv))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            sys.stdout.detach()
            sys.stderr.detach()
            sys.stdout, sys.stderr = saved

    @property
    def stdout(self) -> str:
        return self.out.getvalue().decode("utf-8")  # strict: the bytes must be UTF-8

    @property
    def stderr(self) -> str:
        return self.err.getvalue().decode("utf-8")


@pytest.fixture
def piped() -> Iterator[Piped]:
    yield Piped()


def test_search_piped_through_cp949_writes_utf8_match_marks(
    demo_sqlite: Database, home: Path, piped: Piped
) -> None:
    code = piped.run("--home", str(home), "--lang", "ko", "search", "하이닉스")
    assert code == 0, piped.stderr
    assert "«하이닉스»" in piped.stdout  # « and » do not exist in CP949
    assert piped.stderr == ""


def test_list_json_piped_through_cp949_is_utf8_json(demo_sqlite: Database, home: Path, piped: Piped) -> None:
    code = piped.run("--home", str(home), "list", "agreements", "--json")
    assert code == 0, piped.stderr
    rows = json.loads(piped.stdout)
    assert "반도체 첨단 패키징 기술개발 협력 협약" in [row["title_ko"] for row in rows]


def test_error_line_piped_through_cp949_is_utf8(home: Path, piped: Piped) -> None:
    code = piped.run("--home", str(home), "--lang", "ko", "show", "agreement", "없는-아이디")
    assert code == 1
    assert piped.stderr.startswith("partnership-desk: ")
    assert "'없는-아이디'은(는) 올바른 ID가 아닙니다" in piped.stderr


def refuse_replacing(target_name: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``os.replace`` onto ``target_name`` fails as Windows fails it while Excel holds the file."""
    refused: list[str] = []
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == target_name:
            refused.append(str(dst))
            raise PermissionError(13, "The process cannot access the file", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return refused


@pytest.mark.parametrize(
    ("fmt", "program"), [("xlsx", "Excel"), ("csv", "Excel"), ("ics", "the program that has it open")]
)
def test_export_onto_a_file_open_in_another_program_says_close_it(
    demo_sqlite: Database,
    home: Path,
    tmp_path: Path,
    piped: Piped,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    program: str,
) -> None:
    kind = "meetings" if fmt == "ics" else "contacts"
    target = tmp_path / f"목록.{fmt}"
    target.write_bytes(b"what Excel shows")
    refused = refuse_replacing(target.name, monkeypatch)
    code = piped.run("--home", str(home), "export", kind, "--format", fmt, "-o", str(target))
    assert refused == [str(target)]
    assert code == 1, piped.stderr
    (line,) = piped.stderr.splitlines()
    assert line == (
        f"partnership-desk: Cannot write {target}: another program is using it. "
        f"Close the file in {program} and try again."
    )
    assert target.read_bytes() == b"what Excel shows"  # nothing lost
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left beside it
    assert not (home / "crash-reports").exists()


def test_export_in_korean_names_the_program(
    demo_sqlite: Database, home: Path, tmp_path: Path, piped: Piped, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "contacts.xlsx"
    refuse_replacing(target.name, monkeypatch)
    code = piped.run(
        "--home", str(home), "--lang", "ko", "export", "contacts", "--format", "xlsx", "-o", str(target)
    )
    assert code == 1
    assert "Excel에서 파일을 닫고 다시 시도하십시오." in piped.stderr


def test_import_of_a_file_another_program_locks_is_one_line(
    demo_sqlite: Database, home: Path, tmp_path: Path, piped: Piped, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("name,email\nKim,kim@example.com\n", encoding="utf-8")
    real_open = Path.open

    def locked_open(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == source.name:
            raise PermissionError(13, "The process cannot access the file", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", locked_open)
    real_builtin_open = open

    def builtin_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, str | os.PathLike) and Path(file).name == source.name:
            raise PermissionError(13, "The process cannot access the file", str(file))
        return real_builtin_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", builtin_open)
    code = piped.run("--home", str(home), "import", str(source), "--kind", "contacts")
    assert code == 1, piped.stderr
    (line,) = piped.stderr.splitlines()
    assert line.startswith(f"partnership-desk: Cannot read {source}: The process cannot access the file")
    assert not (home / "crash-reports").exists()


def test_a_permission_error_nothing_else_handles_is_one_line_naming_the_file(
    home: Path, piped: Piped, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cli.cmd_core

    def held(args: object) -> int:
        raise PermissionError(13, "The process cannot access the file", "C:\\Users\\kim\\목록.xlsx")

    monkeypatch.setattr(cli.cmd_core, "cmd_check", held)
    code = piped.run("--home", str(home), "check")
    assert code == 1, piped.stderr
    assert piped.stderr == (
        "partnership-desk: Cannot open C:\\Users\\kim\\목록.xlsx: another program is using it, or you may "
        "not read it. Close the file in Excel and try again.\n"
    )
    assert not (home / "crash-reports").exists()


def _help(piped: Piped, *argv: str) -> int:
    with pytest.raises(SystemExit) as exit_:
        piped.run(*argv)
    return int(exit_.value.code or 0)


def test_help_is_korean_when_the_language_is_korean(piped: Piped) -> None:
    assert _help(piped, "--lang", "ko", "-h") == 0
    out = piped.stdout
    assert out.startswith("사용법: partnership-desk")
    assert "기준 협약과 예시 데이터를 불러옵니다" in out and "교환 파일: 네트워크 없이" in out
    assert "옵션:" in out and "이 도움말을 보이고 끝냅니다" in out
    assert "usage:" not in out and "load the reference agreement" not in out


def test_a_sub_command_help_and_argparse_errors_in_korean(piped: Piped) -> None:
    assert _help(piped, "--lang", "ko", "export", "-h") == 0
    assert "출력 파일 (종류와 함께)" in piped.stdout
    other = Piped()
    assert _help(other, "--lang", "ko", "list") == 2
    assert "partnership-desk list: 오류: 다음 인수가 필요합니다: kind" in other.stderr


def test_help_stays_english_in_english(piped: Piped) -> None:
    assert _help(piped, "--lang", "en", "-h") == 0
    assert piped.stdout.startswith("usage: partnership-desk")
    assert "load the reference agreement and sample data" in piped.stdout
    assert "사용법" not in piped.stdout


def test_every_help_text_has_its_korean() -> None:
    from cli.commands import build_parser
    from cli.help_ko import ARGPARSE_KO, HELP_KO, help_texts

    missing = [text for text in help_texts(build_parser()) if text not in HELP_KO and text not in ARGPARSE_KO]
    assert missing == [], "add these to cli/help_ko.py HELP_KO:\n" + "\n".join(missing)
