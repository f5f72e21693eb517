"""Reading commands work on a data folder that cannot be written (read-only media, a locked share);
writing ones say so in one line. The folder is made read-only by a read-only bind mount in a
private mount namespace (``unshare``), which holds even for root, unlike permission bits."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factories import org

from app.paths import AppPaths
from app.services.opening import open_database
from cli import main

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


def _namespace_available() -> None:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.skip("needs Linux mount namespaces (unshare)")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"unshare -rm is not allowed here: {probe.stderr!r}")


def test_reading_commands_work_on_a_read_only_data_folder(paths: AppPaths, tmp_path: Path) -> None:
    _namespace_available()
    with open_database(paths=paths) as db:
        rec = org(db, "읽기 전용 기관", "Read-only body")
    assert main(["backup"]) == 0
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "list": ["list", "organizations", "--json"],
        "show": ["show", "organization", str(rec.id)],
        "search": ["--lang", "ko", "search", "읽기"],
        "check": ["check"],
        "backups": ["backups"],
        "history": ["history", "organization", str(rec.id)],
        "backup": ["backup", str(out / "copy.sqlite3")],
        "export": ["export", "organizations", "--output", str(out / "orgs.csv")],
        "exchange": ["exchange", "export", str(out / "bundle.pdx")],
        "delete": ["delete", "organization", str(rec.id)],  # a writing command: refused, clearly
    }
    home = paths.home
    lines = [f"mount --bind '{home}' '{home}' && mount -o remount,ro,bind '{home}' || exit 99"]
    for name, args in commands.items():
        argv = " ".join(f"'{a}'" for a in ["--lang", "en", *args])
        lines.append(
            f"PARTNERSHIP_DESK_HOME='{home}' PYTHONPATH='{ROOT}' '{sys.executable}' -m cli {argv} "
            f"> '{out}/{name}.out' 2> '{out}/{name}.err'; echo {name}=$? >> '{out}/codes'"
        )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "\n".join(lines)], capture_output=True, text=True, check=False
    )
    assert done.returncode != 99, done.stderr
    codes = dict(line.split("=") for line in (out / "codes").read_text().split())
    errors = {name: (out / f"{name}.err").read_text() for name in commands}
    reading = [name for name in commands if name != "delete"]
    assert {n: codes[n] for n in reading} == dict.fromkeys(reading, "0"), errors
    names = [o["name_ko"] for o in json.loads((out / "list.out").read_text())]
    assert names == ["읽기 전용 기관"]
    assert "읽기 전용 기관" in (out / "search.out").read_text()
    assert (out / "copy.sqlite3").stat().st_size > 0 and (out / "bundle.pdx").stat().st_size > 0
    assert codes["delete"] == "1" and "Read-only file system" in errors["delete"], errors["delete"]
    assert len(errors["delete"].strip().splitlines()) == 1
    # Nothing in the folder changed, and it still opens for writing once it can be written.
    with open_database(paths=paths, lock=True) as db:
        assert db.engine.connect().exec_driver_sql("SELECT count(*) FROM organization").scalar() == 1
