"""partnership-desk settings: list and set by name; an unknown key or a bad value is one line and changes nothing."""

from __future__ import annotations

import pytest

from app.paths import AppPaths
from app.services.settings import briefing_author
from app.settings import load_settings
from cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_set_and_list_the_briefing_settings(paths: AppPaths, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(paths.home)
    assert run(capsys, "--home", home, "settings", "set", "department", " 반도체과 ")[:2] == (
        0,
        "department = 반도체과\n",
    )
    assert run(capsys, "--home", home, "settings", "set", "phone", "044-000-0000")[0] == 0
    assert run(capsys, "--home", home, "settings", "set", "idle_lock_minutes", "15")[0] == 0
    code, out, _ = run(capsys, "--home", home, "settings", "list")
    assert code == 0
    assert any(line.split()[:2] == ["department", "반도체과"] for line in out.splitlines())
    assert any(line.split()[:2] == ["idle_lock_minutes", "15"] for line in out.splitlines())
    author = briefing_author(paths)
    assert (author.department("ko"), author.department("en"), author.phone) == (
        "반도체과",
        "반도체과",
        "044-000-0000",
    )
    assert load_settings(paths)["idle_lock_minutes"] == 15


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("departement", "x", "Unknown setting: departement"),
        ("idle_lock_minutes", "soon", "idle_lock_minutes takes a whole number"),
        ("briefing_language", "fr", "briefing_language is ko or en"),
    ],
)
def test_a_bad_setting_is_one_line_and_changes_nothing(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], key: str, value: str, message: str
) -> None:
    before = load_settings(paths)
    code, out, err = run(capsys, "--home", str(paths.home), "--lang", "en", "settings", "set", key, value)
    assert (code, out) == (1, "")
    assert message in err and len(err.strip().splitlines()) == 1
    assert load_settings(paths) == before
