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
_REVISION = re.compile(r"^revision\s*=\s*[\"'](\w+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*(?:None|[\"'](\w+)[\"'])", re.MULTILINE)


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
    """The head read from the migration files (``0001_...py`` to ``NNNN_...py``, none missing),
    without Alembic: the revision no other one revises. The numbers need not be in chain
    order: the highest number is not taken for the head.

    None when the folder does not follow that pattern or has no single head; then only Alembic can say.
    """
    files = [f for f in (MIGRATIONS_DIR / "versions").glob("*.py") if f.name != "__init__.py"]
    numbers = sorted(int(m.group(1)) for f in files if (m := _NUMBERED.match(f.name)))
    if not numbers or len(numbers) != len(files) or numbers != list(range(1, len(numbers) + 1)):
        return None
    revisions: set[str] = set()
    revised: set[str] = set()
    for f in files:
        source = f.read_text(encoding="utf-8")
        revision = _REVISION.search(source)
        down = _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        if down.group(1) is not None:
            revised.add(down.group(1))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


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
