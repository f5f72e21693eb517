"""An encrypt or rekey for ``test_encrypt_journal.py`` that stops at a chosen step and waits to be killed.

Usage: ``python tests/crypto_kill_child.py OP HOME PAUSE [DEST]`` with OP ``encrypt``, ``rekey``
or ``backup`` (to DEST) and PAUSE a step number ``k`` (1-based) or ``end``. The steps are the
progress reports of ``encrypt_database``/``rekey_database`` (each file written, the commit, each
file renamed) or of ``backup_database`` (each few pages copied). At
the k-th report the child prints ``paused`` and blocks on stdin; with ``end`` it finishes,
prints ``finished N`` (N the number of steps) and blocks. The parent kills it there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.crypto_db import encrypt_database, rekey_database
from app.paths import app_paths
from app.progress import Progress

OLD, NEW = "처음 암호 first passphrase", "새 암호 new passphrase"


def main(op: str, home: str, pause: str, dest: str = "") -> None:
    stop = 0 if pause == "end" else int(pause)
    steps = 0

    def report(_done: int, _total: int, _label: str) -> None:
        nonlocal steps
        steps += 1
        if steps == stop:
            print("paused", flush=True)
            sys.stdin.readline()  # blocks: the parent kills the process here
            raise SystemExit("the parent should have killed this process")

    paths = app_paths(Path(home))
    progress = Progress(report)
    if op == "backup":
        import app.backup
        from app.services.backups import backup_database
        from app.services.opening import open_database

        app.backup.COPY_PAGES = 4  # a small database copied in several steps
        with open_database(paths=paths) as db:
            backup_database(db, Path(dest) if dest else None, progress=progress)
    elif op == "encrypt":
        encrypt_database(
            paths.database, OLD, backups=paths.backups, attachments=paths.attachments, progress=progress
        )
    else:
        rekey_database(paths.database, OLD, NEW, backups=paths.backups, progress=progress)
    print(f"finished {steps}", flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    main(*sys.argv[1:5])
