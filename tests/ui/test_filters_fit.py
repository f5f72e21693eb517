"""At 1024x700, beside an open record, every filter control above a list is whole (issue #12).

The filters flowed into a fixed grid of two columns: in English "Choose…" was overlapped
by its ✕ and the "Signed until" date's ▾ was cut. They now flow onto more lines as the
list narrows. Checked by geometry: each control lies inside the list's pane and inside its
parent, no two controls overlap, and no button is narrower than it needs.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from app.enums import RecordKind
from ui.main_window import MainWindow


def _problems(bar: QWidget, pane: QWidget) -> list[str]:
    """Every visible control of ``bar`` cut by its parent, by the pane, or overlapping a sibling."""
    out: list[str] = []
    pane_rect = pane.rect()
    top_left = bar.mapTo(pane, bar.rect().topLeft())
    if not pane_rect.contains(QRect(top_left, bar.size())):
        out.append(f"the filters {QRect(top_left, bar.size())} leave the pane {pane_rect}")

    def walk(parent: QWidget) -> None:
        children = [c for c in parent.findChildren(QWidget, options=_direct()) if c.isVisibleTo(parent)]
        for child in children:
            name = child.accessibleName() or child.objectName() or type(child).__name__
            if not parent.rect().contains(child.geometry()):
                out.append(f"{name} {child.geometry()} is cut by {parent.objectName()} {parent.rect()}")
            seen = child.visibleRegion()  # what its parents, the splitter and the window leave of it
            if seen.boundingRect() != child.rect():
                out.append(f"{name} {child.rect()} is only partly visible: {seen.boundingRect()}")
            if isinstance(child, QAbstractButton) and child.width() < child.minimumSizeHint().width():
                out.append(
                    f"button {child.text()!r} is {child.width()} px, needs {child.minimumSizeHint().width()}"
                )
            for other in children:
                if other is not child and child.geometry().intersects(other.geometry()):
                    other_name = other.accessibleName() or other.objectName() or type(other).__name__
                    out.append(f"{name} {child.geometry()} overlaps {other_name} {other.geometry()}")
            walk(child)

    walk(bar)
    return out


def _direct():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_filter_control_is_whole_at_1024x700_beside_a_record(
    qtbot, demo_sqlite, make_ctx, lang
) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(make_ctx(demo_sqlite, lang))
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    for kind in (RecordKind.AGREEMENT, RecordKind.CONTACT, RecordKind.MEETING, RecordKind.COMMITMENT):
        win.show_view(kind)
        lst = win.list_view(kind)
        qtbot.waitUntil(lambda lst=lst: lst.model.rowCount() > 0, timeout=3000)
        lst.detail.setCurrentWidget(lst.editor)  # the record's editor beside the list, as when one is open
        # The record's side as wide as it gets at 1024 px: the list keeps what the record leaves.
        total = sum(lst.splitter.sizes())
        for list_width in (total * 560 // 1200, 360):
            lst.splitter.setSizes([list_width, total - list_width])
            QApplication.processEvents()
            pane = lst.splitter.widget(0)
            assert pane.width() <= max(list_width, pane.minimumSizeHint().width())
            assert _problems(lst.filter_bar, pane) == [], (kind, lang, pane.width())
            # Every control is shown (none squeezed to nothing).
            for name, widget in lst.filter_widgets.items():
                assert widget.isVisible() and widget.width() >= widget.minimumSizeHint().width(), name


def test_the_filters_flow_onto_more_lines_when_the_list_narrows(qtbot, demo_sqlite, make_ctx) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(make_ctx(demo_sqlite, "en"))
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    qtbot.waitExposed(win)
    win.show_view(RecordKind.AGREEMENT)
    lst = win.list_view(RecordKind.AGREEMENT)
    total = sum(lst.splitter.sizes())
    lst.splitter.setSizes([total - 300, 300])
    QApplication.processEvents()
    wide = lst.filter_bar.height()
    lst.splitter.setSizes([360, total - 360])
    QApplication.processEvents()
    assert lst.filter_bar.height() > wide  # more lines, each control whole
    assert _problems(lst.filter_bar, lst.splitter.widget(0)) == []
    # The table starts under the filters: it is never covered by them.
    table_top = lst.table.mapTo(lst, lst.table.rect().topLeft()).y()
    bar_bottom = lst.filter_bar.mapTo(lst, lst.filter_bar.rect().bottomLeft()).y()
    assert table_top > bar_bottom
