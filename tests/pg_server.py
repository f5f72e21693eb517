"""The one way tests reach PostgreSQL: the server named by ``PARTNERSHIP_DESK_TEST_PG``.

``make test`` starts a throw-away server (``tools/pg-test-server``) and requires it. A
test that needs PostgreSQL and finds no server fails with a message saying what to do;
it is never skipped. Machines without PostgreSQL run ``make test-sqlite``, which
deselects the tests marked ``postgres`` (the mark is given automatically, see conftest).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ENV = "PARTNERSHIP_DESK_TEST_PG"


def admin_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        pytest.fail(
            f"this test needs PostgreSQL and {ENV} is not set: run `make test` (it starts a server), "
            "or `make test-sqlite` to run only the SQLite tests",
            pytrace=False,
        )
    return url


def url_of(name: str) -> str:
    return make_url(admin_url()).set(database=name).render_as_string(hide_password=False)


@contextmanager
def new_database(*, template: str = "template0", options: str = "") -> Iterator[str]:
    """A new database (a copy of ``template``) for as long as the block lasts; yields its URL."""
    name = f"pdtest_{uuid.uuid4().hex[:12]}"
    encoding = " ENCODING 'UTF8'" if template == "template0" and "ENCODING" not in options else ""
    engine = create_engine(admin_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{encoding} {options}'))
        try:
            yield url_of(name)
        finally:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()
