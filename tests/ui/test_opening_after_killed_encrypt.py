"""The program started after an encrypt that was killed once committed asks for the passphrase.

At the commit the database file is still the plain one (the encrypted copy waits beside it to
be renamed). The opening finishes the change before it judges whether the file is encrypted, so
the passphrase is asked for instead of the plain file being assumed and then refused.
"""

from __future__ import annotations

import argparse

import pytest
from factories import org

from app.crypto_db import encrypt_database, is_plain_sqlite, journal_path
from app.paths import AppPaths
from app.progress import Progress
from app.services.opening import open_database
from ui import opening

KEY = "중단된 암호화 interrupted"


class Killed(BaseException):
    """Stands for the kill: nothing after it runs, as with SIGKILL (tests/test_encrypt_journal.py)."""


def test_the_passphrase_is_asked_for_after_an_encrypt_killed_at_its_commit(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(paths=paths) as db:
        org(db, "중단 기관", "Interrupted body")

    def kill_at_commit(_done: int, _total: int, label: str) -> None:
        if label == "commit":
            raise Killed

    with pytest.raises(Killed):
        encrypt_database(
            paths.database,
            KEY,
            backups=paths.backups,
            attachments=paths.attachments,
            progress=Progress(kill_at_commit),
        )
    assert (
        is_plain_sqlite(paths.database) and journal_path(paths.database).exists()
    )  # the state a kill leaves
    asked: list[bool] = []

    def ask(_parent: object = None) -> str:
        asked.append(True)
        return KEY

    monkeypatch.setattr(opening, "_ask_passphrase", ask)
    args = argparse.Namespace(db=None, home=str(paths.home), passphrase_file=None)
    passphrase = opening.prepare_open(args, paths)
    assert asked and passphrase == KEY
    database = opening.open_prepared(args, paths, passphrase)
    try:
        assert database.encrypted
        assert database.engine.connect().exec_driver_sql("SELECT count(*) FROM organization").scalar() == 1
    finally:
        database.close()
