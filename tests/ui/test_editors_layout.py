"""An editor at the width it gets on a 1024×700 screen: the title can be read, no button is clipped."""

from __future__ import annotations

import os

import factories
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QPushButton, QWidget

from app.db import Database

LONG = "예시 유럽 반도체 연구소와의 공동연구 계약 및 차세대 전력반도체 기술협력에 관한 업무협약"
LONG_EN = "Example agreement on joint research and next-generation power semiconductor cooperation"
SHOT = os.environ.get("PD_SHOTS")  # a folder: save what the test saw, to look at


def _rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _laid_out(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    """Once the header's layout has run (as it has by the time a person looks)."""
    qtbot.waitUntil(lambda: editor.heading.width() > editor.width() // 2, timeout=3000)


def _shown_lines(editor) -> int:  # type: ignore[no-untyped-def]
    heading = editor.heading
    line = heading.fontMetrics().lineSpacing()
    return round(heading.heightForWidth(heading.width()) / line)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_long_title_is_read_whole_beside_or_above_unclipped_buttons(
    qtbot, db: Database, make_ctx, lang: str
) -> None:  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    record = factories.agreement(db, LONG, title_en=LONG_EN)
    factories.party(db, record.id, factories.org(db, "삼성전자").id)
    editor = AgreementEditor(make_ctx(db, lang))
    qtbot.addWidget(editor)
    editor.resize(430, 620)  # the editor's share of a 1024 px window beside its list
    editor.show()
    editor.load(record.id)
    qtbot.waitExposed(editor)
    _laid_out(qtbot, editor)
    if SHOT:
        editor.grab().save(os.path.join(SHOT, f"editor_430_{lang}.png"))
    title = record.title(lang)
    assert editor.heading.text() == title
    # The whole title is shown (it elided to "Exa…" / "예시 유럽 …"), on at most three lines:
    assert "…" not in editor.heading.shown_text()
    assert editor.heading.shown_text() == title
    assert 1 <= _shown_lines(editor) <= 3
    assert editor.heading.height() >= editor.heading.heightForWidth(editor.heading.width())
    header = [editor.briefing_button, editor.save_button, editor.revert_button, editor.delete_button]
    heading = _rect_in(editor.heading, editor)
    for button in header:
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width(), button.text()  # "브리핑 자료…" was cut
        place = _rect_in(button, editor)
        assert editor.rect().contains(place), button.text()
        assert not place.intersects(heading), button.text()  # under the title, not over it
    lefts = sorted(b.geometry().left() for b in header)
    rights = sorted(b.geometry().right() for b in header)
    assert all(right < left for right, left in zip(rights, lefts[1:], strict=False))  # side by side
    assert not editor.tabs.usesScrollButtons()  # the tab bar does not scroll
    tabs = editor.tabs
    assert [tabs.tabToolTip(i) for i in range(tabs.count())] == [tabs.tabText(i) for i in range(tabs.count())]
    panel = editor.parties
    for button in panel.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
            assert panel.rect().contains(button.geometry()), button.text()  # wrapped, not cut off


def test_a_short_title_shares_the_line_with_the_buttons_when_wide(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    record = factories.agreement(db, "반도체 협력 협약")
    editor = AgreementEditor(make_ctx(db, "ko"))
    qtbot.addWidget(editor)
    editor.resize(1000, 620)
    editor.show()
    editor.load(record.id)
    qtbot.waitExposed(editor)
    _laid_out(qtbot, editor)
    heading = _rect_in(editor.heading, editor)
    save = _rect_in(editor.save_button, editor)
    assert _shown_lines(editor) == 1
    assert save.top() < heading.bottom() and save.left() > heading.right()  # one line: side by side
    editor.resize(300, 620)  # narrower than title and buttons: the buttons go under the title
    qtbot.waitUntil(
        lambda: _rect_in(editor.save_button, editor).top() > _rect_in(editor.heading, editor).top()
    )
    assert editor.heading.shown_text() == "반도체 협력 협약"
    assert editor.rect().contains(_rect_in(editor.delete_button, editor))


def test_a_title_longer_than_three_lines_ends_in_an_ellipsis_with_the_whole_as_tooltip(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    very_long = " ".join([LONG] * 4)
    record = factories.agreement(db, very_long)
    editor = AgreementEditor(make_ctx(db, "ko"))
    qtbot.addWidget(editor)
    editor.resize(430, 620)
    editor.show()
    editor.load(record.id)
    qtbot.waitExposed(editor)
    _laid_out(qtbot, editor)
    shown = editor.heading.shown_text()
    assert shown.endswith("…") and very_long.startswith(shown[:-1].rstrip())
    assert len(shown) > 40  # three lines' worth, not a word or two
    assert _shown_lines(editor) == 3
    assert editor.heading.toolTip() == very_long
    assert editor.heading.text() == very_long  # what the delete question and the briefing name


def test_a_title_in_the_other_language_is_marked_in_the_header(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    record = factories.agreement(db, "반도체 협력 협약")  # no English title
    editor = AgreementEditor(make_ctx(db, "en"))
    qtbot.addWidget(editor)
    editor.show()
    editor.load(record.id)
    assert editor.heading.text() == "반도체 협력 협약"
    assert editor.heading.shown.missing and editor.heading.shown.lang == "ko"
    assert "KO" in editor.heading.rich_text() and "#6b6b6b" in editor.heading.rich_text()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_status_line_of_a_new_record_is_whole_in_a_narrow_header(
    qtbot, db: Database, make_ctx, lang: str
) -> None:  # type: ignore[no-untyped-def]
    from ui.views.meeting_editor import MeetingEditor

    editor = MeetingEditor(make_ctx(db, lang))
    qtbot.addWidget(editor)
    editor.resize(430, 620)
    editor.show()
    editor.start_new()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: editor.status_line.width() > 0, timeout=3000)
    if SHOT:
        editor.grab().save(os.path.join(SHOT, f"new_meeting_430_{lang}.png"))
    status = editor.status_line
    assert status.text()  # asks for the meeting title
    assert status.height() >= status.heightForWidth(status.width())  # every line of it shown
    place = _rect_in(status, editor)
    for button in (editor.briefing_button, editor.save_button, editor.revert_button, editor.delete_button):
        assert not place.intersects(_rect_in(button, editor)), button.text()
    assert not place.intersects(_rect_in(editor.heading, editor))
