"""Every list model passes QAbstractItemModelTester; lists page lazily and sort in SQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from app.db import Database
from ui.models.lazy import KEEP_PAGES, LazyTableModel
from ui.models.lists import list_spec

KINDS = ["agreement", "organization", "contact", "meeting", "commitment"]


def model_for(ctx, kind: str, page_size: int = 200) -> LazyTableModel:  # type: ignore[no-untyped-def]
    return list_spec(kind, ctx.language).model(ctx, page_size=page_size)


@pytest.mark.parametrize("kind", KINDS)
def test_every_model_passes_the_model_tester(qtbot, demo_sqlite: Database, make_ctx, kind: str) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_sqlite, "ko")
    model = model_for(ctx, kind, page_size=3)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    assert model.rowCount() > 3
    assert model.total == model.rowCount()
    assert all(model.data(model.index(r, 0)) not in (None, "", "…") for r in range(model.rowCount()))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() > 0


def _many_agreements(db: Database, n: int) -> None:
    from app.enums import AgreementStatus
    from app.models import Agreement

    start = date(2000, 1, 1)
    with db.session() as s:
        s.add_all(
            Agreement(
                title_ko=f"생성된 협약 {i:05d}",
                title_en=f"Generated agreement {i:05d}",
                reference_no=f"GEN-{i:05d}",
                status=AgreementStatus.SIGNED,
                signed_on=start + timedelta(days=i % 9000),
            )
            for i in range(n)
        )


def test_agreements_page_lazily_on_thousands_of_rows(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    _many_agreements(db, 5000)
    ctx = make_ctx(db, "en")
    model = model_for(ctx, "agreement")
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    assert model.rowCount() == 5000  # every id: the rows are read by id as they are shown
    assert model.total == 5000
    assert model.cached_rows == 0  # no record read before one is shown
    for row in range(0, 5000, 100):
        assert model.data(model.index(row, 1)).startswith("GEN-")
    assert model.cached_rows <= KEEP_PAGES * 200  # only a window of rows is held
    # An early row whose window was dropped is read again when it is shown.
    assert model.data(model.index(0, 1)).startswith("GEN-")
    # Sorting is done by the database: ascending by reference brings GEN-00000 first.
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 5000
    assert model.data(model.index(0, 1)) == "GEN-00000"
    assert model.data(model.index(4999, 1)) == "GEN-04999"


def test_quick_filter_is_applied_in_sql(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show_view("agreement")
    lst = window.current_list()
    all_rows = lst.model.rowCount()
    lst.set_quick_filter("패키징")
    assert 0 < lst.model.rowCount() < all_rows
    texts = [lst.model.data(lst.model.index(r, 0)) for r in range(lst.model.rowCount())]
    assert all("packaging" in t.lower() or "패키징" in t for t in texts)


def test_a_new_sort_shows_its_first_rows_before_every_id_is_read(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import dataclass, field

    from ui.models.lazy import FIRST_IDS

    _many_agreements(db, 1000)
    ctx = make_ctx(db, "en")
    spec = list_spec("agreement", "en")
    limits: list[int | None] = []
    shown_at_each_read: list[int] = []

    @dataclass
    class Recording:
        model: LazyTableModel | None = None  # type: ignore[type-arg]
        rows_fn: object = field(default=spec.rows_fn)

        def ids_fn(self, database: Database, query: object) -> bytes:
            limits.append(query.limit)  # type: ignore[attr-defined]
            shown_at_each_read.append(self.model.rowCount() if self.model else 0)
            return spec.ids_fn(database, query)

    service = Recording()
    model = LazyTableModel(ctx, spec.columns, service, spec.query)  # type: ignore[arg-type]
    service.model = model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    # The first rows are read on their own and shown while every id is read.
    assert limits == [FIRST_IDS, None]
    assert shown_at_each_read == [0, FIRST_IDS]
    assert model.rowCount() == 1000
    assert model.data(model.index(0, 1)) == "GEN-00000"
    # A refresh after a write keeps the rows shown until every id is in (the list keeps its place).
    limits.clear()
    shown_at_each_read.clear()
    model.refresh()
    assert limits == [None]
    assert shown_at_each_read == [1000]
