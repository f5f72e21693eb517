"""Encrypt and rekey are journaled: a kill at any step leaves, after the next start, one consistent state.

A real child process (``tests/crypto_kill_child.py``) runs ``encrypt_database`` or
``rekey_database`` on a data folder with a database, two backups and an attachment and
stops at a chosen progress step (every file written, the commit, every file renamed); the
parent SIGKILLs it there. The first run ("end") counts the steps, so every kill lands where it
was aimed, whatever the machine's load. Then the next start (``open_database``) must leave:
the database and every backup under one and the same key (no plaintext backup beside an
encrypted database, none stranded under the old passphrase), every attachment sealed exactly
when the database is encrypted, no temporary file, and the data whole; ``restore NEWEST``
finds a backup with that key.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from child_kill import kill_when_it_says
from crypto_kill_child import NEW, OLD
from factories import org

from app.crypto_db import (
    BLOB_MAGIC,
    encrypt_database,
    is_plain_sqlite,
    journal_path,
    open_blob,
    opens_with,
    rekey_database,
)
from app.errors import StorageError
from app.paths import AppPaths, app_paths
from app.recovery import leftover_temps, newest_good_backup
from app.services.attachments import add_attachment
from app.services.backups import backup_database, check_database
from app.services.opening import open_database

CHILD = Path(__file__).resolve().parent / "crypto_kill_child.py"
ORGS = 40

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


def _prepare(home: Path, *, encrypted: bool) -> None:
    """A database with data, two backups and one attachment file (under OLD when ``encrypted``)."""
    paths = app_paths(home)
    with open_database(paths=paths) as db:
        for i in range(ORGS):
            rec = org(db, f"기관 {i:03d} 비밀", f"Body {i:03d} secret")
        for i in range(1):
            source = home.parent / f"memo-{home.name}-{i}.txt"
            source.write_text(f"첨부 메모 {i} attachment secret", encoding="utf-8")
            add_attachment(db, "organization", rec.id, source)
        for _ in range(2):
            backup_database(db, reason="manual")
    if encrypted:
        encrypt_database(paths.database, OLD, backups=paths.backups, attachments=paths.attachments)


def _kill_at(op: str, pause: int | str, tmp: Path, template: Path) -> tuple[Path, str]:
    """A fresh copy of ``template`` and the child run on it, killed at step ``pause``."""
    home = tmp / f"home-{op}-{pause}"
    shutil.copytree(template, home)
    wanted = "finished" if pause == "end" else "paused"
    line = kill_when_it_says([str(CHILD), op, str(home), str(pause)], tmp / f"{op}-{pause}.log", wanted)
    return home, line


def _key_of(path: Path, candidates: tuple[str | None, ...]) -> str | bool | None:
    """The key ``path`` opens with (None: plain), or False when none does."""
    if is_plain_sqlite(path):
        return None
    for key in candidates:
        if key is not None and opens_with(path, key):
            return key
    return False


def _judge_after_next_start(home: Path, where: str, *, before: str | None) -> str | None:
    """Open as the next start does, then check the folder is consistent; returns the key in force."""
    paths = app_paths(home)
    # The next start: any opening of the database. Which key it needs is what the test finds out;
    # it may change at this first opening (a committed change is finished there).
    for attempt in (NEW if before is not None else OLD, before):
        try:
            with open_database(paths=paths, passphrase=attempt) as db:
                count = len(db.engine.connect().exec_driver_sql("SELECT id FROM organization").all())
            key = attempt
            break
        except StorageError:
            continue
    else:
        pytest.fail(f"{where}: the database does not open after the next start")
    assert count == ORGS, f"{where}: data lost ({count} of {ORGS})"
    assert not journal_path(paths.database).exists(), f"{where}: journal left"
    assert leftover_temps(paths, paths.database) == [], f"{where}: temporary files left"
    assert [p for p in home.rglob("*.tmp")] == [], f"{where}: temporary files left"
    backups = sorted(paths.backups.glob("*.sqlite3"))
    assert len(backups) == 2, f"{where}: backups {backups}"
    for backup in backups:
        found = _key_of(backup, (key, OLD, NEW))
        assert found == key, f"{where}: {backup.name} is under {found!r}, the database under {key!r}"
    blobs = [p for p in paths.attachments.glob("*/*") if p.is_file()]
    assert len(blobs) == 1
    for blob in blobs:
        assert blob.read_bytes().startswith(BLOB_MAGIC) == (key is not None), f"{where}: {blob.name}"
    with open_database(paths=paths, passphrase=key) as db:
        for blob in blobs:
            assert b"attachment secret" in open_blob(db.blob_key, blob.read_bytes())
        report = check_database(db)
        assert report.healthy, f"{where}: check: {report.lines}"
    assert newest_good_backup(paths, key) is not None, f"{where}: restore NEWEST finds no usable backup"
    assert key in (before, NEW if before is not None else OLD), f"{where}: unexpected key {key!r}"
    return key


@pytest.mark.parametrize(("op", "before"), [("encrypt", None), ("rekey", OLD)])
def test_a_kill_at_every_step_leaves_one_consistent_state_after_the_next_start(
    tmp_path: Path, op: str, before: str | None
) -> None:
    template = tmp_path / "template"
    _prepare(template, encrypted=before is not None)
    home, line = _kill_at(op, "end", tmp_path, template)
    steps = int(line.split()[1])
    files = 1 + 2 + (1 if op == "encrypt" else 0)  # the database, 2 backups, 1 attachment (encrypt)
    assert steps == 2 * files + 1  # each written, the commit, each renamed
    outcomes = {"rolled back": 0, "finished": 0}
    assert _judge_after_next_start(home, f"{op} end", before=before) != before
    for pause in range(1, steps + 1):
        home, _ = _kill_at(op, pause, tmp_path, template)
        key = _judge_after_next_start(home, f"{op} killed at step {pause}", before=before)
        outcomes["rolled back" if key == before else "finished"] += 1
        shutil.rmtree(home)
    # Both sides of the commit were reached: a kill test that only ever hit one proves little.
    assert outcomes["rolled back"] > 0 and outcomes["finished"] > 0, outcomes


def test_encrypt_and_rekey_again_after_a_kill_just_work(tmp_path: Path) -> None:
    template = tmp_path / "template"
    _prepare(template, encrypted=False)
    home, _ = _kill_at("encrypt", 2, tmp_path, template)  # the database written, not yet committed
    paths = app_paths(home)
    assert any(p.name.endswith(".tmp") for p in home.rglob("*")), "the kill left no temporary: no test"
    encrypt_database(paths.database, OLD, backups=paths.backups, attachments=paths.attachments)
    _judge_after_next_start(home, "encrypt after a killed encrypt", before=OLD)
    home2, _ = _kill_at("rekey", 3, tmp_path, home)
    rekey_database(app_paths(home2).database, OLD, NEW, backups=app_paths(home2).backups)
    assert _judge_after_next_start(home2, "rekey after a killed rekey", before=NEW) == NEW


def test_a_kill_before_the_commit_rolls_back_and_the_old_plain_state_is_whole(paths: AppPaths) -> None:
    # The in-process form of the first kill: the journal and temporaries as a killed run leaves them.
    _prepare(paths.home, encrypted=False)
    from app.progress import Progress

    class Killed(BaseException):
        pass

    def stop(done: int, _total: int, _label: str) -> None:
        if done == 2:
            raise Killed

    with pytest.raises(Killed):
        encrypt_database(
            paths.database, OLD, backups=paths.backups, attachments=paths.attachments, progress=Progress(stop)
        )
    assert is_plain_sqlite(paths.database)
    assert not journal_path(paths.database).exists()  # rolled back on the way out
    assert leftover_temps(paths, paths.database) == []
