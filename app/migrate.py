"""Alembic migrations, run on open: back up first, refuse a newer schema."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from app import clock
from app.backup import backup_database
from app.errors import SchemaTooNewError, StorageError

if TYPE_CHECKING:
    from alembic.config import Config

    from app.db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NUMBERED = re.compile(r"^(\d{4})_\w+\.py$")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def numbered_head() -> str | None:
    """The head by file names alone (``0001_...py`` to ``NNNN_...py``, none missing), without Alembic.

    None when the folder does not follow that pattern; then only Alembic can say.
    """
    names = [f.name for f in (MIGRATIONS_DIR / "versions").glob("*.py") if f.name != "__init__.py"]
    numbers = sorted(int(m.group(1)) for n in names if (m := _NUMBERED.match(n)))
    if not numbers or len(numbers) != len(names) or numbers != list(range(1, len(numbers) + 1)):
        return None
    return f"{numbers[-1]:04d}"


def _is_at_head(database: Database) -> bool:
    """True when the database is certainly at the head: checked without importing Alembic (start-up)."""
    head = numbered_head()
    if head is None:
        return False
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with database.engine.connect() as conn:
            versions = [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]
    except DBAPIError:  # no version table yet: a new database
        return False
    return versions == [head]


def current_revision(database: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(database: Database, *, backup: bool = True) -> None:
    if _is_at_head(database):
        return
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    current = current_revision(database)
    head = script.get_current_head()
    if current == head:
        return
    if current is None:
        _refuse_foreign(database)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNewError(
            f"이 데이터베이스는 더 새로운 버전의 Partnership Desk에서 만들어졌습니다 (스키마 {current}). "
            "프로그램을 업데이트하십시오. 파일은 변경하지 않았습니다.",
            f"This database was written by a newer Partnership Desk (schema {current}). "
            "Update the program; the file was not changed.",
        )
    if current is not None and backup and database.sqlite_path is not None:
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        backup_database(database, reason=f"pre-migration-{current}-{stamp}")
    upgrade(database, "head")


def _refuse_foreign(database: Database) -> None:
    """A database with tables but no schema version belongs to another program: leave it alone."""
    others = sorted(set(database.table_names()) - {"alembic_version"})
    if others:
        shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
        raise StorageError(
            f"Partnership Desk 데이터베이스가 아닙니다(다른 프로그램의 표가 있습니다: {shown}). "
            "파일은 변경하지 않았습니다.",
            f"This is not a Partnership Desk database (it has other tables: {shown}); it was not changed.",
        )


def upgrade(database: Database, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
