"""A writer for ``test_kill.py`` that stops at a chosen write statement and waits to be killed.

Usage: ``python tests/kill_child.py KIND DB HOME WORK PAUSE`` with KIND ``exchange``,
``json`` or ``saves`` and PAUSE a write number ``k`` (1-based) or ``end``.

Every INSERT/UPDATE/DELETE any engine of this process is about to run is counted. At
the k-th, before it executes, the child prints ``paused`` and blocks on stdin; with
``end`` it runs the whole command (its commit included), prints ``finished N`` (N the
number of writes) and blocks. Either way the parent kills it there. stdout carries
only these lines: the command's own output goes to stderr.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from app.services.opening import open_database

SAVES = 30  # single saves of one "saves" run: several commits, still quick
WRITES = ("INSERT", "UPDATE", "DELETE")


def main(kind: str, db: str, home: str, work: str, pause: str) -> None:
    out = sys.stdout  # the protocol channel, kept before the command's output is redirected
    stop = 0 if pause == "end" else int(pause)
    writes = 0

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        nonlocal writes
        if not statement.lstrip().upper().startswith(WRITES):
            return
        writes += 1
        if writes == stop:
            print("paused", file=out, flush=True)
            sys.stdin.readline()  # blocks: the parent kills the process here
            raise SystemExit("the parent should have killed this process")

    # On the Engine class, not one engine: it catches every engine the command creates.
    # (The backups taken before an import copy the file with sqlite3 directly: no writes here.)
    event.listen(Engine, "before_cursor_execute", count)
    with contextlib.redirect_stdout(sys.stderr):
        code = _run(kind, db, home, work)
    if code != 0:
        print(f"failed {code}", file=out, flush=True)
        raise SystemExit(code)
    print(f"finished {writes}", file=out, flush=True)
    sys.stdin.readline()


def _run(kind: str, db: str, home: str, work: str) -> int:
    if kind == "saves":
        from app.dto import OrganizationInput
        from app.paths import app_paths
        from app.services.organizations import create_organization

        database = open_database(db, paths=app_paths(Path(home)), lock=True)
        for i in range(SAVES):
            create_organization(database, OrganizationInput(name_ko=f"저장 {i:06d}"))
        database.close()
        return 0
    from cli import main as cli

    # The same arguments a user would type, through the real entry point.
    command = (
        ["exchange", "import", f"{work}/bundle.pdx"]
        if kind == "exchange"
        else ["import", f"{work}/archive.json"]
    )
    return cli(["--db", db, "--home", home, *command])


if __name__ == "__main__":
    main(*sys.argv[1:6])
