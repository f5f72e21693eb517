"""Three laptops (SQLite) and a server (PostgreSQL) exchanging bundles in random orders converge."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pg_server
import pytest
from exchange_helpers import open_laptop, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.db import Database
from app.dto import OrganizationInput
from app.errors import ValidationError
from app.exchange import export_bundle, import_bundle, list_conflicts
from app.services import organizations
from app.services.opening import open_database

NAMES = ["산업통상자원부", "Ministry of Trade", "한국전력", "KOTRA", "서울대학교", "Acme Korea"]
NOTES = ["", "회의 메모", "follow up", "출장 보고"]

step = st.one_of(
    st.tuples(st.just("create"), st.integers(0, 3), st.sampled_from(NAMES)),
    st.tuples(
        st.just("edit"), st.integers(0, 3), st.integers(0, 50), st.sampled_from(NAMES), st.sampled_from(NOTES)
    ),
    st.tuples(st.just("delete"), st.integers(0, 3), st.integers(0, 50)),
    st.tuples(st.just("exchange"), st.integers(0, 3), st.integers(0, 3)),
)


@pytest.fixture(scope="module")
def server(pg_url_module: str) -> Iterator[Database]:
    folder = Path(tempfile.mkdtemp())
    from app.paths import app_paths

    database = open_database(pg_url_module, paths=app_paths(folder))
    yield database
    database.close()


@pytest.fixture(scope="module")
def pg_url_module() -> Iterator[str]:
    with pg_server.new_database() as url:
        yield url


def _wipe(db: Database) -> None:
    keep = {"meta", "alembic_version"}
    with db.engine.begin() as conn:
        names = [n for n in db.table_names() if n not in keep]
        conn.execute(text("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " CASCADE"))
        conn.execute(text("DELETE FROM meta WHERE key LIKE 'exchange.%'"))


def _live_ids(db: Database) -> list[object]:
    return sorted((o.id for o in organizations.list_organizations(db)), key=str)


def _run(step_: tuple[object, ...], nodes: list[Database], folder: Path, counter: list[int]) -> None:
    op, who = step_[0], nodes[int(step_[1])]  # type: ignore[call-overload]
    if op == "create":
        organizations.create_organization(who, OrganizationInput(name_ko=str(step_[2])))
        return
    if op == "exchange":
        target = nodes[int(step_[2])]  # type: ignore[call-overload]
        counter[0] += 1
        bundle = folder / f"b{counter[0]}.pdx"
        export_bundle(who, bundle)
        import_bundle(target, bundle, backup=False)
        return
    ids = _live_ids(who)
    if not ids:
        return
    ident = ids[int(step_[2]) % len(ids)]  # type: ignore[call-overload]
    if op == "edit":
        rec = organizations.get_organization(who, ident)  # type: ignore[arg-type]
        data = OrganizationInput(name_ko=str(step_[3]), notes=str(step_[4]), org_kind=rec.org_kind)
        organizations.update_organization(who, rec.id, data)
    else:
        with contextlib.suppress(ValidationError):  # still a party somewhere
            organizations.delete_organization(who, ident)  # type: ignore[arg-type]


def _everyone_gets_everything(nodes: list[Database], folder: Path, orders: list[list[int]], tag: str) -> None:
    """Each node imports every node's bundle, each in its own order."""
    bundles = []
    for i, node in enumerate(nodes):
        bundles.append(folder / f"{tag}-{i}.pdx")
        export_bundle(node, bundles[-1])
    for node, order in zip(nodes, orders, strict=True):
        for j in order:
            import_bundle(node, bundles[j], backup=False)


def _records(db: Database) -> dict[str, object]:
    return {k: v for k, v in snapshot(db).items() if k != "conflict"}


orders = st.lists(st.permutations(range(4)), min_size=4, max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=25), first=orders, second=orders)
def test_random_histories_converge(
    server: Database, steps: list[tuple[object, ...]], first: list[list[int]], second: list[list[int]]
) -> None:
    folder = Path(tempfile.mkdtemp())
    _wipe(server)
    laptops = [open_laptop(folder, f"laptop{i}") for i in range(3)]
    nodes = [*laptops, server]
    counter = [0]
    try:
        # Two records everyone has, so that edits on different computers meet (conflicts).
        for name in NAMES[:2]:
            organizations.create_organization(nodes[0], OrganizationInput(name_ko=name))
        for i in range(1, len(nodes)):
            _run(("exchange", 0, i), nodes, folder, counter)
        for s in steps:
            _run(s, nodes, folder, counter)
        # One round in random orders: the records agree (the merge does not depend on order).
        _everyone_gets_everything(nodes, folder, first, "one")
        records = _records(nodes[0])
        for other in nodes[1:]:
            assert _records(other) == records
        # A second round spreads the conflicts found during the first: then everything agrees.
        _everyone_gets_everything(nodes, folder, second, "two")
        full = snapshot(nodes[0])
        for other in nodes[1:]:
            assert snapshot(other) == full
        listed = [c.id for c in list_conflicts(nodes[0])]
        for other in nodes[1:]:
            assert [c.id for c in list_conflicts(other)] == listed
    finally:
        for laptop in laptops:
            laptop.close()
