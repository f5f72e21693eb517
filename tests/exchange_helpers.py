"""Helpers for the exchange tests: comparable snapshots of a database's data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.exchange.common import CONFLICTS, ENTITY_TABLES, EVENTS
from app.exchange.rows import dump_value
from app.paths import app_paths
from app.services.opening import open_database


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every record, history entry and conflict, as sorted plain values (local-only columns left out)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in [*ENTITY_TABLES, EVENTS, CONFLICTS]:
            cols = [c for c in table.columns if c.name != "received_at"]
            rows = conn.execute(select(*cols)).all()
            out[table.name] = sorted(tuple(str(dump_value(v)) for v in row) for row in rows)
    return out


def open_laptop(folder: Path, name: str) -> Database:
    return open_database(str(folder / f"{name}.sqlite3"), paths=app_paths(folder / f"home-{name}"))
