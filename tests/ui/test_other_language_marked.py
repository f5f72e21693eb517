"""The display rule outside the editors (issue #13): lists, pickers, search results, the dashboard
and the briefing dialog show the UI's language; a text missing in it shows the other language's,
marked grey with a "KO"/"EN" tag, never silently. Meeting times are shown in the meeting's zone.

Real widgets on the demo database with one meeting that has only a Korean title, and one held
in Washington (America/New_York).
"""

from __future__ import annotations

from datetime import UTC, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app import clock
from app.dto import MeetingInput, MeetingRecord, OrganizationInput
from app.enums import OrgKind, RecordKind
from app.services import history, meetings, organizations
from app.services import time_zones as zones
from app.services.search import search
from ui.dialogs.search_results import SearchResults
from ui.views.dashboard_view import DashboardView
from ui.views.list_view import RecordListView
from ui.widgets.marked import OTHER_LANGUAGE_ROLE, MarkedDelegate
from ui.widgets.pickers import PickerButton, PickerDialog

KOREAN_ONLY = "영문 제목이 없는 점검 회의"


def _korean_only_meeting(db) -> MeetingRecord:  # type: ignore[no-untyped-def]
    day = zones.in_zone(clock.now(), zones.HOME).date() + timedelta(days=3)
    return meetings.create_meeting(
        db,
        MeetingInput(
            title_ko=KOREAN_ONLY,
            starts_at=zones.at(day, time(14, 0), zones.HOME),
            place_ko="정부세종청사",
        ),
    )


def _row_of(model, ident) -> int:  # type: ignore[no-untyped-def]
    row = model.row_of(ident)
    assert row >= 0
    return row


def test_the_english_meeting_list_shows_the_korean_title_marked(qtbot, demo_sqlite, make_ctx) -> None:  # type: ignore[no-untyped-def]
    made = _korean_only_meeting(demo_sqlite)
    view = RecordListView(make_ctx(demo_sqlite, "en"), RecordKind.MEETING)
    qtbot.addWidget(view)
    view.start()
    qtbot.waitUntil(lambda: view.model.row_of(made.id) >= 0, timeout=3000)
    assert isinstance(view.table.itemDelegate(), MarkedDelegate)
    model = view.model
    row = _row_of(model, made.id)
    title, place, when = model.index(row, 1), model.index(row, 2), model.index(row, 0)
    assert title.data() == KOREAN_ONLY and title.data(OTHER_LANGUAGE_ROLE) == "ko"
    assert place.data() == "정부세종청사" and place.data(OTHER_LANGUAGE_ROLE) == "ko"
    assert "No English text yet" in title.data(Qt.ItemDataRole.ToolTipRole)
    assert "14:00" in when.data()  # in the meeting's zone (Seoul), whatever the computer's
    # A demo meeting complete in both languages shows its English title, unmarked.
    english = next(
        model.index(r, 1)
        for r in range(model.rowCount())
        if model.index(r, 1).data() and not model.index(r, 1).data(OTHER_LANGUAGE_ROLE)
    )
    assert not any("가" <= c <= "힣" for c in english.data())


def test_the_korean_list_sorts_by_the_korean_column_and_the_english_by_the_english(
    qtbot, demo_sqlite, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    for lang in ("ko", "en"):
        view = RecordListView(make_ctx(demo_sqlite, lang), RecordKind.MEETING)
        qtbot.addWidget(view)
        view.start()
        qtbot.waitUntil(lambda view=view: view.model.rowCount() > 0, timeout=3000)
        view.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        qtbot.waitUntil(lambda view=view: not view.model.is_loading, timeout=3000)
        assert view.model.query.sort == f"title_{lang}"
        titles = [view.model.index(r, 1).data() for r in range(view.model.rowCount())]
        assert titles == sorted(titles, key=str.casefold) or lang == "ko"  # (Korean collation: SQL's)


def test_a_picker_marks_a_name_in_the_other_language(qtbot, demo_sqlite, make_ctx) -> None:  # type: ignore[no-untyped-def]
    made = _korean_only_meeting(demo_sqlite)
    ctx = make_ctx(demo_sqlite, "en")
    button = PickerButton(ctx, RecordKind.MEETING, "Choose meeting")
    qtbot.addWidget(button)
    button.show()

    def pick_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PickerDialog):
            QTimer.singleShot(20, pick_it)
            return
        assert isinstance(dialog.table.itemDelegate(), MarkedDelegate)  # the popup marks it too
        dialog.search.setText("점검")
        dialog._apply()
        row = dialog.model.row_of(made.id)
        assert row >= 0 and dialog.model.index(row, 1).data(OTHER_LANGUAGE_ROLE) == "ko"
        dialog.table.selectRow(row)
        dialog.accept()

    QTimer.singleShot(0, pick_it)
    button.pick()
    assert button.value() == made.id
    assert button.label.text() == KOREAN_ONLY
    assert button.tag.isVisible() and button.tag.text() == "KO"
    assert button.other_language() == "ko"
    # A name in the UI's language: no tag.
    org = organizations.create_organization(
        demo_sqlite,
        OrganizationInput(name_ko="예시전자", name_en="Example Electronics", org_kind=OrgKind.COMPANY),
    )
    orgs = PickerButton(ctx, RecordKind.ORGANIZATION, "Choose organization")
    qtbot.addWidget(orgs)
    orgs.show()
    dialog = PickerDialog(
        ctx, RecordKind.ORGANIZATION, "Choose organization", filters={"text": "Example Electronics"}
    )
    qtbot.addWidget(dialog)
    dialog.table.selectRow(dialog.model.row_of(org.id))
    chosen = dialog.chosen_shown()
    assert chosen is not None
    orgs.set_value(*chosen)
    assert orgs.label.text() == "Example Electronics" and not orgs.tag.isVisible()
    button.set_value(None, "")
    assert not button.tag.isVisible() and button.other_language() is None


def test_a_contact_picker_gives_the_current_title_in_both_languages(qtbot, demo_sqlite, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_sqlite, "en")
    dialog = PickerDialog(ctx, RecordKind.CONTACT, "Choose contact", filters={"text": "Yuna Choi"})
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.table.selectRow(0)
    (chosen,) = dialog.chosen_all()
    assert chosen.label.startswith("Yuna Choi (") and chosen.other_lang is None
    assert chosen.title_ko and chosen.title_en and chosen.title == chosen.title_en


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("en", "하이닉스", "SK hynix"),  # Korean words, English UI: the English name
        ("en", "최유나", "Yuna Choi"),
        ("ko", "hynix", "SK하이닉스"),  # and the reverse
        ("ko", "Yuna", "최유나"),
    ],
)
def test_search_results_show_the_ui_language(qtbot, demo_sqlite, lang, query, expected) -> None:  # type: ignore[no-untyped-def]
    hits = search(demo_sqlite, query)
    dialog = SearchResults(query, hits, None, lang)
    qtbot.addWidget(dialog)
    titles = _result_titles(dialog)
    assert expected in titles
    assert titles[expected] is None  # in the UI's language: not marked


def test_search_results_mark_a_title_in_the_other_language(qtbot, demo_sqlite) -> None:  # type: ignore[no-untyped-def]
    _korean_only_meeting(demo_sqlite)
    for query in ("점검 회의", "세종청사"):
        dialog = SearchResults(query, search(demo_sqlite, query), None, "en")
        qtbot.addWidget(dialog)
        assert isinstance(dialog.tree.itemDelegate(), MarkedDelegate)
        assert _result_titles(dialog)[KOREAN_ONLY] == "ko", query


def test_the_main_window_search_in_english_shows_english_names(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.search.setText("하이닉스")
    window.run_search()
    dialog = window.search_results
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert "SK hynix" in _result_titles(dialog)
    dialog.done(QDialog.DialogCode.Rejected)


def _result_titles(dialog: SearchResults) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for g in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(g)
        assert group is not None
        for c in range(group.childCount()):
            item = group.child(c)
            out[item.text(0)] = item.data(0, OTHER_LANGUAGE_ROLE)
    return out


def test_the_dashboard_marks_the_other_language_and_shows_meetings_in_their_zone(
    qtbot, demo_sqlite, make_ctx, test_clock
) -> None:  # type: ignore[no-untyped-def]
    # The demo's history was stamped by whatever clock ran when its template was built (in a
    # whole run, possibly later than this test's): write after it, so ours is the most recent.
    latest = max(change.occurred_at for change in history.recent_changes(demo_sqlite))
    test_clock.set(max(latest, clock.now()) + timedelta(minutes=1))
    made = _korean_only_meeting(demo_sqlite)
    day = zones.in_zone(clock.now(), "America/New_York").date() + timedelta(days=5)
    abroad = meetings.create_meeting(
        demo_sqlite,
        MeetingInput(
            title_ko="워싱턴 협의",
            title_en="Washington consultation",
            starts_at=zones.at(day, time(9, 30), "America/New_York"),
            time_zone="America/New_York",
        ),
    )
    view = DashboardView(make_ctx(demo_sqlite, "en"))
    qtbot.addWidget(view)
    view.refresh()
    assert view.data is not None
    table = view.meetings[2].table
    assert isinstance(table.itemDelegate(), MarkedDelegate)
    rows = {view.meetings[2].items[r].id: r for r in range(table.rowCount())}
    mine = rows[made.id]
    assert table.item(mine, 1).text() == KOREAN_ONLY and table.item(mine, 1).data(OTHER_LANGUAGE_ROLE) == "ko"
    assert "14:00" in table.item(mine, 0).text()
    far = rows[abroad.id]
    assert table.item(far, 1).text() == "Washington consultation"
    assert table.item(far, 1).data(OTHER_LANGUAGE_ROLE) is None
    when = table.item(far, 0).text()
    assert "09:30" in when  # Washington's time, on any computer
    named = zones.differs_from_computer(abroad.starts_at.astimezone(UTC), "America/New_York")  # type: ignore[union-attr]
    assert (zones.abbreviation(abroad.starts_at, "America/New_York") in when) == named  # type: ignore[arg-type]
    # Recent changes: the new record's title as it is, marked.
    recent = view.recent[2]
    row = next(r for r in range(recent.table.rowCount()) if recent.items[r].id == made.id)
    assert recent.table.item(row, 2).text() == KOREAN_ONLY
    assert recent.table.item(row, 2).data(OTHER_LANGUAGE_ROLE) == "ko"
