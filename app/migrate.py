"""Alembic migrations, run on open: back up first, refuse a newer schema."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.errors import SchemaTooNewError

if TYPE_CHECKING:
    from app.db import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(database: Database, *, backup: bool = True) -> None:
    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    current = current_revision(database)
    head = script.get_current_head()
    if current == head:
        return
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNewError(
            f"이 데이터베이스는 더 새로운 버전의 Partnership Desk에서 만들어졌습니다 (스키마 {current}). "
            "프로그램을 업데이트하십시오. 파일은 변경하지 않았습니다.",
            f"This database was written by a newer Partnership Desk (schema {current}). "
            "Update the program; the file was not changed.",
        )
    if current is not None and backup and database.sqlite_path is not None:
        from app.backup import backup_database

        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        backup_database(database, reason=f"pre-migration-{current}-{stamp}")
    upgrade(database, "head")


def upgrade(database: Database, revision: str) -> None:
    cfg = alembic_config()
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
