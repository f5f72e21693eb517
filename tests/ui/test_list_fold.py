"""At 1024x700 the list folds away so that a record has the whole width (issue #12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def test_ctrl_shift_l_folds_the_list_away_and_brings_it_back(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 700)
    window.go_to("agreement")
    lst = window.current_list()
    qtbot.waitUntil(lambda: lst.model.rowCount() > 0, timeout=3000)
    lst.table.selectRow(0)
    qtbot.waitUntil(lambda: lst.editor.ident is not None, timeout=3000)
    qtbot.waitUntil(lambda: lst.width() < 1024 and lst.splitter.sizes()[0] > 0, timeout=2000)
    QApplication.processEvents()
    before = lst.detail.width()
    list_width = lst.splitter.sizes()[0]
    assert not lst.list_hidden()

    QTest.keyClick(
        lst.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lst.list_hidden, timeout=2000)
    assert lst.detail.width() > before + 300  # the record takes the list's place
    assert lst.editor.ident is not None  # the same record stays open

    QTest.keyClick(
        lst.editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: not lst.list_hidden(), timeout=2000)
    assert lst.splitter.sizes()[0] == min(list_width, sum(lst.splitter.sizes()) // 2)
    assert lst.table.hasFocus()
