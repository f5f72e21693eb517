"""The date and date-and-time fields, typed into with real key events."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget

from app import clock
from ui.widgets.fields import DateEdit, DateTimeEdit, Form, line

pytestmark = pytest.mark.dates


def _form(qtbot, lang: str = "ko"):  # type: ignore[no-untyped-def]
    form = Form()
    qtbot.addWidget(form)
    start = form.add("started_on", "시작일" if lang == "ko" else "Start", DateEdit(lang))  # type: ignore[arg-type]
    end = form.add("ended_on", "종료일" if lang == "ko" else "End", DateEdit(lang))  # type: ignore[arg-type]
    after = form.add("note", "메모", line())
    form.show()
    qtbot.waitExposed(form)
    return form, start, end, after


def _type_and_tab(qtbot, field: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    target = field.focusProxy() or field
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)
    QTest.keyClicks(target, text)
    QTest.keyClick(target, Qt.Key.Key_Tab)


@pytest.mark.parametrize("typed", ["2023-03-01", "2023. 3. 1.", "2023.03.01", "20230301", "23. 3. 1."])
def test_a_typed_date_is_the_date_typed(qtbot, typed: str) -> None:  # type: ignore[no-untyped-def]
    # Before: 2023-03-01 gave today, 2023. 3. 1. gave 2026. 12. 31.
    _, start, end, _after = _form(qtbot)
    _type_and_tab(qtbot, start, typed)
    assert start.value() == date(2023, 3, 1)
    assert start.text() == "2023. 3. 1."
    assert QApplication.focusWidget() is end.focusProxy()  # Tab went on to the next field
    assert end.value() is None  # ... and left it empty (it was filled with today before)


def test_english_forms_and_a_day_first_slash_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    _f, start, end, _a = _form(qtbot, "en")
    _type_and_tab(qtbot, start, "29/08/2023")  # gave 22 Dec 2026
    assert start.value() == date(2023, 8, 29)
    assert start.text() == "29 Aug 2023"
    _type_and_tab(qtbot, end, "Aug 29, 2023")
    assert end.value() == date(2023, 8, 29)


def test_one_digit_is_not_a_date_and_its_error_shows_by_the_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    form, start, _end, _a = _form(qtbot, "en")
    _type_and_tab(qtbot, start, "3")  # gave the year 3026
    assert start.value() is None
    assert start.text() == "3"  # what was typed is kept, to be corrected
    error = form.errors["started_on"]
    assert error.isVisible()
    assert error.text().startswith("Start: ‘3’ is not a date")
    assert form.unreadable() == ["started_on"]
    start.set_text("2023-08-29")
    assert not error.isVisible() and form.unreadable() == []


def test_the_error_is_korean_in_the_korean_form(qtbot) -> None:  # type: ignore[no-untyped-def]
    form, start, _end, _a = _form(qtbot, "ko")
    _type_and_tab(qtbot, start, "2023. 13. 1.")
    assert form.errors["started_on"].text().startswith("시작일: 날짜로 읽을 수 없습니다")


def test_tab_through_a_filled_date_keeps_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    _f, start, end, after = _form(qtbot)
    start.set_value(date(2021, 3, 2))
    end.set_value(date(2022, 1, 31))
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start.focusProxy())
    for _ in range(2):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    assert (start.value(), end.value()) == (date(2021, 3, 2), date(2022, 1, 31))


def test_clearing_the_text_empties_the_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    _f, start, _end, _a = _form(qtbot)
    start.set_value(date(2021, 3, 2))
    start.setFocus()
    edit = start.focusProxy()
    assert isinstance(edit, QLineEdit)
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert start.value() is None and start.text() == ""


def test_alt_down_opens_the_calendar_at_the_date_with_a_korean_header(qtbot) -> None:  # type: ignore[no-untyped-def]
    _f, start, _end, _a = _form(qtbot)
    start.set_value(date(2023, 8, 29))
    start.setFocus()
    QTest.keyClick(start.focusProxy(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = start.calendar()
    assert popup is not None and popup.isVisible()
    assert popup.header.text() == "2023년 8월"  # was "1월 1900" for an empty date
    assert popup.calendar.selectedDate().toPython() == date(2023, 8, 29)
    days = popup.calendar.findChild(QTableView)  # the grid of days, which has the keyboard
    QTest.keyClick(days, Qt.Key.Key_PageDown)
    assert popup.header.text() == "2023년 9월"
    QTest.keyClick(days, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert start.value() == date(2023, 9, 29)


def test_an_empty_date_opens_at_the_related_date_else_today(qtbot, test_clock) -> None:  # type: ignore[no-untyped-def]
    _f, start, end, _a = _form(qtbot, "en")
    test_clock.advance(timedelta(days=40))  # the program's today, not the computer's
    start.open_calendar()
    popup = start.calendar()
    assert popup is not None
    assert popup.calendar.selectedDate().toPython() == clock.today()
    shown = clock.today()
    assert popup.header.text() == f"{popup.calendar.locale().standaloneMonthName(shown.month)} {shown.year}"
    popup.close()
    end.related = lambda: date(2023, 8, 29)
    end.open_calendar()
    popup = end.calendar()
    assert popup is not None
    assert popup.calendar.selectedDate().toPython() == date(2023, 8, 29)
    assert popup.header.text() == "August 2023"
    popup.close()
    assert end.value() is None  # opening the calendar does not fill the field


def test_a_meeting_time_is_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Before, the start field ignored typing and ↑ gave 1901. 1. 1. 00:00.
    form = Form()
    qtbot.addWidget(form)
    starts = form.add("starts_at", "시작", DateTimeEdit("ko"))
    ends = form.add("ends_at", "종료", DateTimeEdit("ko"))
    ends.day_source = lambda: None if starts.value() is None else starts.value().date()  # type: ignore[union-attr]
    form.show()
    qtbot.waitExposed(form)
    _type_and_tab(qtbot, starts, "2023. 9. 19. 2 pm")
    assert starts.value() == datetime(2023, 9, 19, 14, 0).astimezone()
    assert starts.text() == "2023. 9. 19. 14:00"
    _type_and_tab(qtbot, ends, "1600")
    assert ends.value() == datetime(2023, 9, 19, 16, 0).astimezone()
    assert ends.text() == "2023. 9. 19. 16:00"
    _type_and_tab(qtbot, starts, "")
    assert starts.value() == datetime(2023, 9, 19, 14, 0).astimezone()  # Tab alone changes nothing
    starts.set_text("2023. 9. 19.")
    assert form.errors["starts_at"].text() == "시작: 시각도 입력하십시오. 예: 2023. 9. 19. 14:00"


def test_an_unreadable_date_blocks_save_in_an_editor(qtbot, db, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.views.agreement_editor import AgreementEditor

    editor = AgreementEditor(make_ctx(db, "en"))
    qtbot.addWidget(editor)
    editor.show()
    editor.start_new()
    editor.title_en.setText("Semiconductor MOU")
    assert editor.save_button.isEnabled()
    editor.signed_on.set_text("2023. 8. 32.")
    assert not editor.save_button.isEnabled()
    assert editor.status_line.text() == "Correct the marked fields."
    assert editor.form.errors["signed_on"].text().startswith("Signed: ‘2023. 8. 32.’ is not a date")
    editor.save()  # Ctrl+S as well: nothing is saved with a wrong date
    assert editor.ident is None
    editor.signed_on.set_text("2023. 8. 29.")
    assert editor.save_button.isEnabled()
    editor.save()
    assert editor.ident is not None
    assert editor.detail is not None and editor.detail.record.signed_on == date(2023, 8, 29)


def test_the_exchange_date_reads_as_the_program_writes_dates(qtbot, db, make_ctx) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.exchange_dialog import ExchangeDialog

    dialog = ExchangeDialog(make_ctx(db, "ko"))
    qtbot.addWidget(dialog)
    month_ago = clock.today() - timedelta(days=30)
    assert (
        dialog.since_date.text() == f"{month_ago.year}. {month_ago.month}. {month_ago.day}."
    )  # not "26. 11. 2."
    dialog.since.setCurrentIndex(dialog.since.findData("DATE"))
    assert dialog.since_value() == month_ago.isoformat()
