"""partnership-desk exchange export/import and conflicts, as a person types them."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from factories import org

from app import clock
from app.dto import OrganizationInput
from app.paths import AppPaths
from app.services import organizations
from app.services.opening import open_database
from cli import main

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)


def test_exchange_through_the_command_line_with_a_conflict_reversed(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], test_clock: clock.SteppingClock
) -> None:
    office, laptop = str(tmp_path / "office.sqlite3"), str(tmp_path / "laptop.sqlite3")
    key = tmp_path / "key.txt"
    key.write_text("교환 암호 exchange key\n", encoding="utf-8")
    bundle = tmp_path / "out.pdx"
    with open_database(office, paths=paths) as db:
        rec = org(db, "원래 이름")
    assert main(["--db", office, "exchange", "export", str(bundle), "--passphrase-file", str(key)]) == 0
    assert "Exported 1 records (all records)" in capsys.readouterr().out
    assert main(["--db", laptop, "exchange", "import", str(bundle)]) == 1
    assert "encrypted" in capsys.readouterr().err
    assert main(["--db", laptop, "exchange", "import", str(bundle), "--passphrase-file", str(key)]) == 0
    assert "1 new" in capsys.readouterr().out

    for db_path, name in ((office, "사무국"), (laptop, "출장지")):
        with open_database(db_path, paths=paths) as db:
            organizations.update_organization(
                db, rec.id, OrganizationInput(name_ko=name, org_kind=rec.org_kind)
            )
        test_clock.advance(timedelta(minutes=5))  # each edit is made later than the one before
    assert main(["--db", laptop, "exchange", "export", str(bundle), "--since", "LAST"]) == 0
    assert main(["--db", office, "exchange", "import", str(bundle)]) == 0
    assert "1 new conflicts" in capsys.readouterr().out

    assert main(["--db", office, "conflicts", "--json"]) == 0
    conflicts = json.loads(capsys.readouterr().out)
    assert [(c["field"], c["winner_value"], c["loser_value"]) for c in conflicts] == [
        ("name_ko", "출장지", "사무국")
    ]
    assert main(["--db", office, "conflicts"]) == 0
    assert "출장지" in capsys.readouterr().out
    assert main(["--db", office, "conflicts", "--reverse", conflicts[0]["id"]]) == 0
    assert "사무국" in capsys.readouterr().out
    assert main(["--db", office, "conflicts", "--open"]) == 0
    assert "No conflicts." in capsys.readouterr().out
    assert main(["--db", office, "exchange", "export", str(bundle), "--since", "someday"]) == 1
