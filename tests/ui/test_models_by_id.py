"""Lists never act on the wrong row: rows are ids, read by id; a write anywhere refreshes the lists.

Real widgets (the main window) on a real SQLite file, with the program's threaded runner:
reads run on worker threads and arrive through the event loop, and records are written
between the reads, as an import, an exchange or another window would.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from factories import member, org, person
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

import ui.models.lazy as lazy
from app.db import Database
from app.dto import AgreementInput
from app.enums import AgreementStatus, RecordKind
from app.errors import NotFoundError
from app.services import agreements
from app.services.opening import open_database
from ui.context import UiContext
from ui.runner import Runner

TIMEOUT = 10_000


def _agreements(db: Database, n: int) -> None:
    from app.models import Agreement

    start = date(2000, 1, 1)
    with db.session() as s:
        s.add_all(
            Agreement(
                title_ko=f"생성된 협약 {i:05d}",
                title_en=f"Generated agreement {i:05d}",
                reference_no=f"GEN-{i:05d}",
                status=AgreementStatus.SIGNED,
                signed_on=start + timedelta(days=i),
            )
            for i in range(n)
        )


@pytest.fixture
def threaded(qtbot, db: Database, make_ctx) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    ctx = make_ctx(db, "en")
    ctx.runner = Runner(db.paths)  # the program's runner: reads on worker threads
    yield ctx
    ctx.runner.wait()
    QApplication.processEvents()


@pytest.fixture
def win(qtbot, threaded: UiContext):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(threaded)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    yield window
    for lst in window.lists.values():
        if lst.current_editor is not None:
            lst.current_editor.set_dirty(False)
    threaded.runner.wait()


def _agreement_list(qtbot, win):  # type: ignore[no-untyped-def]
    win.show_view("agreement")
    lst = win.current_list()
    qtbot.waitUntil(lambda: _idle(lst) and lst.model.rowCount() > 0, timeout=TIMEOUT)
    return lst


def _idle(lst) -> bool:  # type: ignore[no-untyped-def]
    """The list is not reading (its count shows, not "Loading…")."""
    return lst.count_label.text() not in ("", "Loading…")


def _shown(qtbot, model, row: int, column: int = 0) -> str:  # type: ignore[no-untyped-def]
    """The cell's text once its row is read (the view asks again after dataChanged)."""
    qtbot.waitUntil(lambda: model.data(model.index(row, column)) not in (None, "…"), timeout=TIMEOUT)
    return str(model.data(model.index(row, column)))


def _read_all_pages(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    """Scroll through every row (the way a user drags to the end), so early windows are dropped."""
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.canFetchMore(QModelIndex()) or model.rowCount() % 200 == 0)
    for row in range(0, model.rowCount(), 100):
        _shown(qtbot, model, row)


def _value(qtbot, model, row: int, column: int, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the cell shows ``expected`` (a row on screen is shown as last read until read again)."""
    qtbot.waitUntil(lambda: model.data(model.index(row, column)) == expected, timeout=TIMEOUT)


def _click_row(qtbot, lst, row: int) -> None:  # type: ignore[no-untyped-def]
    lst.table.scrollTo(lst.model.index(row, 0))
    rect = lst.table.visualRect(lst.model.index(row, 0))
    qtbot.mouseClick(lst.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_row_zero_opens_and_deletes_the_agreement_it_shows_after_an_insert(
    qtbot, win, db: Database, monkeypatch, answer_dialog
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lazy, "KEEP_PAGES", 1)  # one window of rows held: earlier ones are read again
    _agreements(db, 450)
    lst = _agreement_list(qtbot, win)
    lst.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # by reference
    qtbot.waitUntil(lambda: _shown(qtbot, lst.model, 0, 1) == "GEN-00000", timeout=TIMEOUT)
    lst.table.scrollToBottom()  # the first rows off screen, and their window dropped
    _read_all_pages(qtbot, lst.model)
    # Written between the reads, as an import or another window does: sorted before every other.
    agreements.create_agreement(
        db, AgreementInput(title_ko="새 협약", title_en="A new one", reference_no="AAA-1")
    )
    qtbot.waitUntil(lambda: _idle(lst), timeout=TIMEOUT)
    lst.table.scrollToTop()
    shown = _shown(qtbot, lst.model, 0, 1)
    _click_row(qtbot, lst, 0)
    qtbot.waitUntil(lambda: lst.current_editor is not None and lst.editor.ident is not None, timeout=TIMEOUT)
    opened = agreements.get_agreement(db, lst.editor.ident)
    assert opened.reference_no == shown  # the row opens what it shows
    assert lst.selected_id() == opened.id
    # Delete (the key on the list) asks about, and deletes, the record shown on the row.
    lst.table.setFocus()
    seen = answer_dialog("Delete")
    qtbot.keyClick(lst.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(seen), timeout=TIMEOUT)
    assert opened.title_en in seen[0]
    qtbot.waitUntil(lambda: _deleted(db, opened.id), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: lst.model.row_of(opened.id) == -1, timeout=TIMEOUT)


def _deleted(db: Database, ident: object) -> bool:
    try:
        agreements.get_agreement(db, ident)  # type: ignore[arg-type]
    except NotFoundError:
        return True
    return False


def test_a_row_whose_record_is_gone_shows_so_and_is_never_acted_on(
    qtbot, win, db: Database, monkeypatch, answer_dialog
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lazy, "KEEP_PAGES", 1)
    _agreements(db, 450)
    lst = _agreement_list(qtbot, win)
    lst.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: _shown(qtbot, lst.model, 0, 1) == "GEN-00000", timeout=TIMEOUT)
    first = lst.model.row_id(0)
    second = agreements.list_agreements(db, lst.model.query)[1]
    lst.table.scrollToBottom()  # the first rows off screen, and their window dropped
    _read_all_pages(qtbot, lst.model)
    # Deleted by another program on the same file (no notice reaches this window).
    other = open_database(str(db.sqlite_path), paths=db.paths)
    try:
        assert first is not None
        agreements.delete_agreement(other, first)
    finally:
        other.close()
    lst.table.scrollToTop()
    _value(qtbot, lst.model, 0, 0, "(deleted)")
    _value(qtbot, lst.model, 1, 1, second.reference_no)  # the next row is still its own record
    assert not lst.model.flags(lst.model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    _click_row(qtbot, lst, 0)
    QApplication.processEvents()
    assert lst.selected_id() is None
    assert lst.current_editor is None or lst.editor.ident is None
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_Delete)  # nothing to delete: no question asked
    assert QApplication.activeModalWidget() is None


def test_a_write_anywhere_refreshes_the_lists_and_selection_follows_the_record(
    qtbot, win, db: Database
) -> None:  # type: ignore[no-untyped-def]
    _agreements(db, 30)
    lst = _agreement_list(qtbot, win)
    lst.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: _shown(qtbot, lst.model, 5, 1) == "GEN-00005", timeout=TIMEOUT)
    _click_row(qtbot, lst, 5)
    chosen = lst.model.row_id(5)
    qtbot.waitUntil(lambda: lst.editor.ident == chosen, timeout=TIMEOUT)
    # Written outside the list (an import, an exchange, another window): the list shows it.
    new = agreements.create_agreement(
        db, AgreementInput(title_ko="새 협약", title_en="A new one", reference_no="AAA-1")
    )
    qtbot.waitUntil(lambda: lst.model.row_of(new.id) == 0, timeout=TIMEOUT)
    assert lst.model.rowCount() == 31
    # The selection stayed on the record, now one row further down.
    qtbot.waitUntil(lambda: lst.selected_id() == chosen, timeout=TIMEOUT)
    assert lst.table.currentIndex().row() == 6
    # And across a new sort (newest signing first).
    lst.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _idle(lst) and lst.model.query.sort == "signed_on", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: lst.selected_id() == chosen, timeout=TIMEOUT)
    assert lst.table.currentIndex().row() == lst.model.row_of(chosen) != 6
    # A deletion elsewhere: the row goes, the selection stays on its record.
    agreements.delete_agreement(db, new.id)
    qtbot.waitUntil(lambda: lst.model.row_of(new.id) == -1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: lst.selected_id() == chosen, timeout=TIMEOUT)


def test_a_started_list_not_shown_is_refreshed_when_shown_new_affiliation_included(
    qtbot, win, db: Database
) -> None:  # type: ignore[no-untyped-def]
    ministry = org(db, "산업통상자원부", "Ministry of Trade, Industry and Energy")
    someone = person(db, "한지윤", "Jiyun Han")
    win.show_view("contact")
    contacts_list = win.current_list()
    qtbot.waitUntil(lambda: contacts_list.model.rowCount() == 1, timeout=TIMEOUT)
    assert _shown(qtbot, contacts_list.model, 0, 1) == ""  # no organization yet
    win.show_view("organization")
    member(db, someone.id, ministry.id, "과장", started_on=date(2021, 3, 2))
    person(db, "김서연", "Seoyeon Kim")
    win.show_view("contact")
    qtbot.waitUntil(lambda: contacts_list.model.rowCount() == 2, timeout=TIMEOUT)
    row = contacts_list.model.row_of(someone.id)
    _value(qtbot, contacts_list.model, row, 1, "Ministry of Trade, Industry and Energy")
    _value(qtbot, contacts_list.model, row, 2, "과장")


def test_a_record_opened_from_search_is_selected_in_its_list(qtbot, win, db: Database) -> None:  # type: ignore[no-untyped-def]
    _agreements(db, 40)
    target = agreements.list_agreements(db)[23]
    win.show_view("dashboard")
    win.open_record(RecordKind.AGREEMENT.value, target.id)  # as the search results' Open does
    lst = win.lists[RecordKind.AGREEMENT]
    qtbot.waitUntil(lambda: lst.selected_id() == target.id, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: lst.editor.ident == target.id, timeout=TIMEOUT)
    # Opened from search again while the list is shown: the selection moves to it.
    other = agreements.list_agreements(db)[3]
    win.open_record(RecordKind.AGREEMENT.value, other.id)
    qtbot.waitUntil(lambda: lst.selected_id() == other.id, timeout=TIMEOUT)


def test_the_dashboard_shown_reads_again_after_a_write(qtbot, win, db: Database) -> None:  # type: ignore[no-untyped-def]
    from factories import agreement, commitment

    from app import clock

    win.show_view("dashboard")
    qtbot.waitUntil(lambda: win.dashboard.data is not None, timeout=TIMEOUT)
    assert not win.dashboard.data.overdue_commitments
    a = agreement(db, "반도체 협력 협약")
    late = commitment(db, a.id, "공동 연구 보고서 제출", due_on=clock.today() - timedelta(days=3))
    qtbot.waitUntil(
        lambda: [c.id for c in win.dashboard.data.overdue_commitments] == [late.id], timeout=TIMEOUT
    )
