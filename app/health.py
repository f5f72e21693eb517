"""``partnership-desk check``: integrity, schema version, dangling references."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from app.crypto_db import BLOB_MAGIC, is_plain_sqlite, journal_path, opens_with
from app.db import Database
from app.migrate import current_revision, head_revision
from app.recovery import leftover_temps
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
    if db.sqlite_path is not None:
        _check_files(db, db.sqlite_path, report)
    if current == head and repair:
        for name, repair_one in REPAIRS.items():
            report.ok(f"{name}: {repair_one(db)}")
    return report


def _check_files(db: Database, database: Path, report: HealthReport) -> None:
    """Unfinished work and files that do not match the database's encryption."""
    if journal_path(database).exists():
        report.fail(
            "an interrupted encrypt or rekey is not finished; close every Partnership Desk "
            "and open the database again to finish it"
        )
    temps = leftover_temps(db.paths, database)
    if temps:
        report.fail(f"{len(temps)} temporary files left by interrupted work (first: {temps[0]})")
    else:
        report.ok("no temporary files left")
    backups = sorted(db.paths.backups.glob("*.sqlite3")) if db.paths.backups.is_dir() else []
    if not db.encrypted or db.passphrase is None:
        return
    plain = [b for b in backups if is_plain_sqlite(b)]
    other = [b for b in backups if b not in plain and not opens_with(b, db.passphrase)]
    if plain:
        report.fail(f"{len(plain)} backups are not encrypted (first: {plain[0]})")
    if other:
        report.fail(
            f"{len(other)} backups do not open with this passphrase, e.g. an old one (first: {other[0]})"
        )
    if not plain and not other:
        report.ok(f"{len(backups)} backups encrypted with this passphrase")
    unsealed = [f for f in _attachment_files(db.paths.attachments) if not _sealed(f)]
    if unsealed:
        report.fail(f"{len(unsealed)} attachment files are not encrypted (first: {unsealed[0]})")
    else:
        report.ok("attachment files encrypted")


def _attachment_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*/*") if p.is_file() and not p.name.startswith("."))


def _sealed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(BLOB_MAGIC)) == BLOB_MAGIC
    except OSError:
        return False
