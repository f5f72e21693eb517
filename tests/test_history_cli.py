"""partnership-desk history: each change with when, who, before and after; restoring a value."""

from __future__ import annotations

import json

import pytest
from factories import org

from app.dto import OrganizationInput
from app.paths import AppPaths
from app.services import organizations
from app.services.opening import open_database
from cli import main


def test_history_lists_changes_and_restores_a_previous_value(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(paths=paths) as db:
        db.actor = "정수빈"
        rec = org(db, "산업부")
        organizations.update_organization(
            db, rec.id, OrganizationInput(name_ko="산업통상자원부", org_kind=rec.org_kind)
        )
    assert main(["history", "organization", str(rec.id), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in entries] == ["create", "update"]
    assert entries[1]["changes"]["name_ko"] == ["산업부", "산업통상자원부"]
    assert entries[1]["actor"] == "정수빈"

    assert main(["history", "organization", str(rec.id)]) == 0
    table = capsys.readouterr().out
    assert "산업부" in table and "산업통상자원부" in table and "update" in table

    assert main(["history", "organization", str(rec.id), "--restore", entries[1]["id"], "name_ko"]) == 0
    capsys.readouterr()
    with open_database(paths=paths) as db:
        assert organizations.get_organization(db, rec.id).name_ko == "산업부"

    assert main(["history", "organization", "not-an-id"]) == 1
    assert main(["history", "spaceship", str(rec.id)]) == 1
    assert "Unknown kind" in capsys.readouterr().err


def test_the_configured_name_is_recorded_as_who_changed_it(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.settings import save_settings

    save_settings(paths, {"user_name": "김민준 사무관"})
    with open_database(paths=paths) as db:
        rec = org(db, "외교부")
    assert main(["history", "organization", str(rec.id), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["actor"] == "김민준 사무관"
