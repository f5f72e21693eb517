"""A meeting's time zone in its editor: chosen (Seoul by default, the common zones first, any
IANA name typed), its times typed and shown in it whatever this computer's zone, the zone named
beside the time when it is not the computer's, and a change of zone keeping the times typed."""

from __future__ import annotations

import time as time_module
from collections.abc import Iterator
from datetime import UTC, datetime

import factories
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.db import Database
from app.services import meetings
from app.services.time_zones import COMMON


def _computer_in(monkeypatch: pytest.MonkeyPatch, zone: str) -> Iterator[None]:
    monkeypatch.setenv("TZ", zone)
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


@pytest.fixture
def computer_in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from _computer_in(monkeypatch, "America/New_York")


@pytest.fixture
def computer_in_seoul(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from _computer_in(monkeypatch, "Asia/Seoul")


def _editor(qtbot, db: Database, make_ctx, lang: str = "ko"):  # type: ignore[no-untyped-def]
    from ui.views.meeting_editor import MeetingEditor

    editor = MeetingEditor(make_ctx(db, lang))
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)  # Tab moves the focus as for a person
    return editor


def _type(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.edit.setFocus()
    field.edit.selectAll()
    QTest.keyClicks(field.edit, text)
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)


def _choose_zone(editor, name: str) -> None:  # type: ignore[no-untyped-def]
    chooser = editor.time_zone
    chooser.setCurrentIndex(chooser.findData(name))


def test_the_zone_is_seoul_by_default_with_the_common_zones_offered_first(
    qtbot, db: Database, make_ctx
) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, db, make_ctx, "ko")
    editor.start_new()
    chooser = editor.time_zone
    assert chooser.zone() == "Asia/Seoul"
    assert chooser.currentText() == "서울 (Asia/Seoul)"
    assert [chooser.itemData(i) for i in range(len(COMMON))] == [name for name, _ko, _en in COMMON]
    assert chooser.itemText(chooser.findData("Europe/Brussels")) == "브뤼셀 (Europe/Brussels)"
    assert "14:00" in chooser.toolTip() and "브뤼셀" in chooser.toolTip()  # what a change of zone does
    english = _editor(qtbot, db, make_ctx, "en")
    english.start_new()
    assert (
        english.time_zone.itemText(english.time_zone.findData("Europe/Brussels"))
        == "Brussels (Europe/Brussels)"
    )
    assert "keeps the times as typed" in english.time_zone.toolTip()


def test_a_time_is_typed_in_the_meetings_zone_not_the_computers(
    qtbot, db: Database, make_ctx, computer_in_new_york: None
) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, db, make_ctx, "ko")
    editor.start_new()
    editor.title.ko.setText("실무협의회")
    _type(qtbot, editor.starts_at, "2023. 9. 19. 14:00")
    _type(qtbot, editor.ends_at, "16:00")
    assert editor.starts_at.value() == datetime(2023, 9, 19, 5, 0, tzinfo=UTC)  # 14:00 in Seoul
    assert editor.ends_at.value() == datetime(2023, 9, 19, 7, 0, tzinfo=UTC)
    assert editor.starts_at.zone_shown() == "KST"  # not this computer's zone (New York): named
    editor.save()
    assert editor.ident is not None
    record = meetings.get_meeting(db, editor.ident)
    assert (record.time_zone, record.starts_at) == ("Asia/Seoul", datetime(2023, 9, 19, 5, 0, tzinfo=UTC))
    assert editor.starts_at.text() == "2023. 9. 19. 14:00"  # shown again as typed, in Seoul's time


def test_changing_the_zone_keeps_the_times_typed(
    qtbot, db: Database, make_ctx, computer_in_seoul: None
) -> None:  # type: ignore[no-untyped-def]
    meeting = factories.meeting(
        db,
        "한-EU 반도체 협력 회의",
        starts_at=datetime(2023, 9, 19, 5, 0, tzinfo=UTC),  # 14:00 in Seoul
        ends_at=datetime(2023, 9, 19, 7, 0, tzinfo=UTC),
    )
    editor = _editor(qtbot, db, make_ctx, "en")
    editor.load(meeting.id)
    assert editor.starts_at.text() == "19 Sep 2023 14:00"
    assert editor.starts_at.zone_shown() == ""  # Seoul on a computer in Seoul: no zone named
    _choose_zone(editor, "Europe/Brussels")  # the meeting is held in Brussels after all
    assert editor.starts_at.text() == "19 Sep 2023 14:00"  # still 14:00 ...
    assert editor.starts_at.value() == datetime(2023, 9, 19, 12, 0, tzinfo=UTC)  # ... Brussels time
    assert editor.ends_at.value() == datetime(2023, 9, 19, 14, 0, tzinfo=UTC)
    assert editor.starts_at.zone_shown() == "CEST"
    assert editor.dirty
    editor.save()
    record = meetings.get_meeting(db, meeting.id)
    assert record.time_zone == "Europe/Brussels"
    assert record.starts_at == datetime(2023, 9, 19, 12, 0, tzinfo=UTC)

    again = _editor(qtbot, db, make_ctx, "ko")
    again.load(meeting.id)
    assert again.time_zone.zone() == "Europe/Brussels"
    assert again.starts_at.text() == "2023. 9. 19. 14:00"
    assert again.starts_at.zone_shown() == "CEST"


def test_any_iana_zone_can_be_typed_and_a_wrong_one_blocks_save(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, db, make_ctx, "en")
    editor.start_new()
    editor.title.en.setText("Workshop in Denver")
    _type(qtbot, editor.starts_at, "2024. 3. 5. 9:00")
    box = editor.time_zone.lineEdit()
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "Mars/Olympus")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert editor.time_zone.zone() == "Asia/Seoul"  # unchanged
    assert "Unknown time zone" in editor.form.errors["time_zone"].text()
    assert not editor.save_button.isEnabled()
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "America/Denver")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert editor.time_zone.zone() == "America/Denver"
    assert not editor.form.errors["time_zone"].isVisibleTo(editor)
    assert editor.starts_at.value() == datetime(2024, 3, 5, 16, 0, tzinfo=UTC)  # 09:00 MST
    editor.save()
    record = meetings.get_meeting(db, editor.ident)
    assert (record.time_zone, record.starts_at) == ("America/Denver", datetime(2024, 3, 5, 16, 0, tzinfo=UTC))


def test_a_city_name_typed_chooses_its_zone(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, db, make_ctx, "ko")
    editor.start_new()
    box = editor.time_zone.lineEdit()
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "tokyo")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert editor.time_zone.zone() == "Asia/Tokyo"
    assert editor.time_zone.currentText() == "도쿄 (Asia/Tokyo)"


def test_meeting_times_in_related_tables_are_in_the_meetings_zone(
    qtbot, db: Database, make_ctx, computer_in_seoul: None
) -> None:  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    agreement = factories.agreement(db, "한-미 협력 협약")
    factories.meeting(
        db,
        "공동 워크숍",
        starts_at=datetime(2025, 10, 14, 13, 0, tzinfo=UTC),  # 09:00 in New York
        time_zone="America/New_York",
        agreement_ids=(agreement.id,),
    )
    editor = AgreementEditor(make_ctx(db, "ko"))
    qtbot.addWidget(editor)
    editor.load(agreement.id)
    assert editor.meetings.table.item(0, 0).text() == "2025. 10. 14. 09:00 EDT"
