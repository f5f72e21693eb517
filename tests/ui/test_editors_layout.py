"""An editor at the width it gets on a 1024×700 screen: one-line header, no clipped button."""

from __future__ import annotations

import factories
import pytest
from PySide6.QtWidgets import QPushButton

from app.db import Database

LONG = "예시 유럽 반도체 연구소와의 공동연구 계약 및 차세대 전력반도체 기술협력에 관한 업무협약"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_long_title_stays_on_one_line_and_no_button_is_clipped(
    qtbot, db: Database, make_ctx, lang: str
) -> None:  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    record = factories.agreement(db, LONG, title_en="Example joint research contract " * 3)
    factories.party(db, record.id, factories.org(db, "삼성전자").id)
    editor = AgreementEditor(make_ctx(db, lang))
    qtbot.addWidget(editor)
    editor.resize(430, 620)  # the editor's share of a 1024 px window beside its list
    editor.show()
    editor.load(record.id)
    qtbot.waitExposed(editor)
    line = editor.heading.fontMetrics().height()
    assert editor.heading.height() < 2 * line  # one line (it wrapped over six)
    assert editor.heading.text() == record.title("ko" if lang == "ko" else "en")  # whole title kept
    header = [editor.briefing_button, editor.save_button, editor.revert_button, editor.delete_button]
    for button in header:
        assert button.width() >= button.sizeHint().width(), button.text()  # "브리핑 자료…" was cut
    lefts = sorted(b.geometry().left() for b in header)
    rights = sorted(b.geometry().right() for b in header)
    assert all(
        right < left for right, left in zip(rights, lefts[1:], strict=False)
    )  # side by side, not overlapping
    assert editor.heading.geometry().right() < lefts[0]
    assert not editor.tabs.usesScrollButtons()  # the tab bar does not scroll
    tabs = editor.tabs
    assert [tabs.tabToolTip(i) for i in range(tabs.count())] == [tabs.tabText(i) for i in range(tabs.count())]
    panel = editor.parties
    for button in panel.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
            assert panel.rect().contains(button.geometry()), button.text()  # wrapped, not cut off
