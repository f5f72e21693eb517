"""``partnership-desk check``: integrity, schema version, dangling references."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import text

from app.db import Database
from app.migrate import current_revision, head_revision
from app.search.index import rebuild

# Derived data that ``--repair`` rebuilds: name -> function.
REPAIRS: dict[str, Callable[[Database], str]] = {"search index": rebuild}


@dataclass
class HealthReport:
    healthy: bool = True
    lines: list[str] = field(default_factory=list)

    def ok(self, line: str) -> None:
        self.lines.append(f"ok: {line}")

    def fail(self, line: str) -> None:
        self.healthy = False
        self.lines.append(f"PROBLEM: {line}")


def check_database(db: Database, *, repair: bool = False) -> HealthReport:
    report = HealthReport()
    current, head = current_revision(db), head_revision()
    if current == head:
        report.ok(f"schema version {current}")
    else:
        report.fail(
            f"schema version {current}, this program expects {head}; open the database once to migrate it"
        )
    if db.is_sqlite:
        with db.engine.connect() as conn:
            verdict = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            fk = list(conn.execute(text("PRAGMA foreign_key_check")))
        if verdict == ["ok"]:
            report.ok("SQLite integrity check")
        else:
            report.fail("SQLite integrity check: " + "; ".join(verdict[:5]))
        if fk:
            report.fail(f"{len(fk)} broken references (first in table {fk[0][0]})")
        else:
            report.ok("references")
    if current == head and repair:
        for name, repair_one in REPAIRS.items():
            report.ok(f"{name}: {repair_one(db)}")
    return report
