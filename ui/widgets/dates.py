"""The one date field and the one date-and-time field of the program: typed, or picked in a calendar.

A field is a line edit: what is typed is read by :mod:`app.services.dates` when the field is
left (``2023-08-29``, ``2023. 8. 29.``, ``20230829``, ``29 Aug 2023``, ``14:00``, ``오후 2시`` ...)
and shown again the program's way; empty stays empty; a text that is not a date keeps the field
red with its message, and the form does not save. Alt+Down (or F4, or the button) opens a
calendar at the field's date, else at a related date the field is given (a party's signing
date: the agreement's), else today from the program's clock.

A date and time is typed and shown in a zone: a meeting's (:class:`ZoneChooser`), else this
computer's. The zone is named beside the field ("CEST") when it is not this computer's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services import time_zones as zones
from app.services.dates import (
    UnreadableDate,
    format_date,
    format_datetime,
    now,
    parse_date,
    parse_datetime,
    today,
)
from app.services.installation import Language
from ui.i18n import tr

DateSource = Callable[[], date | None]


def month_title(year: int, month: int, lang: str) -> str:
    """A calendar's header: ``2023년 8월`` in Korean, ``August 2023`` in English."""
    if lang == "ko":
        return f"{year}년 {month}월"
    return f"{QLocale(QLocale.Language.English).standaloneMonthName(month)} {year}"


class CalendarPopup(QFrame):
    """A month calendar under a field; Enter or a click picks the day, Escape closes it."""

    picked = Signal(object)  # a date

    def __init__(self, lang: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.lang = lang
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setNavigationBarVisible(False)  # Qt's reads "8월 2023": ours below
        self.calendar.setLocale(
            QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English)
        )
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday if lang == "ko" else Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setGridVisible(False)
        self.header = QLabel(self)
        self.header.setObjectName("calendar_header")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        back = QToolButton(self)
        back.setText("‹")
        back.setAccessibleName(tr("Previous month"))
        back.setToolTip(tr("Previous month (Page Up)"))
        back.clicked.connect(self.calendar.showPreviousMonth)
        forward = QToolButton(self)
        forward.setText("›")
        forward.setAccessibleName(tr("Next month"))
        forward.setToolTip(tr("Next month (Page Down)"))
        forward.clicked.connect(self.calendar.showNextMonth)
        for button in (back, forward):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
        self.today_button = QToolButton(self)
        self.today_button.setText(tr("Today"))
        self.today_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.today_button.clicked.connect(lambda: self._pick(today()))
        bar = QHBoxLayout()
        bar.addWidget(back)
        bar.addWidget(self.header, 1)
        bar.addWidget(forward)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.calendar)
        layout.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignRight)
        self.calendar.currentPageChanged.connect(self._show_month)
        self.calendar.clicked.connect(lambda d: self._pick(_py_date(d)))
        self.calendar.activated.connect(lambda d: self._pick(_py_date(d)))

    def open_at(self, day: date, below: QWidget) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)
        self._show_month(day.year, day.month)
        self.adjustSize()
        self.move(below.mapToGlobal(QPoint(0, below.height())))
        self.show()
        self.calendar.setFocus()

    def _show_month(self, year: int, month: int) -> None:
        self.header.setText(month_title(year, month, self.lang))

    def _pick(self, day: date) -> None:
        self.picked.emit(day)
        self.close()


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _TypedField(QWidget):
    """A line edit read and written by ``_read``/``_write``, with a calendar button."""

    changed = Signal()
    error_changed = Signal(str)  # the message, "" when the field is readable again

    placeholder_ko = ""
    placeholder_en = ""

    def __init__(self, lang: Language = "ko", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.field = "date"
        self.label = ("날짜", "Date")
        self.related: DateSource | None = None  # where the calendar opens when the field is empty
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.placeholder_ko if lang == "ko" else self.placeholder_en)
        self.edit.setClearButtonEnabled(False)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setAccessibleName(tr("Open the calendar"))
        self.button.setToolTip(tr("Calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(2)
        self.row.addWidget(self.edit, 1)
        self.row.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self.tidy)
        self._error = ""
        self._popup: CalendarPopup | None = None

    # -- what subclasses give --------------------------------------------------

    def _read(self, text: str) -> object:
        raise NotImplementedError

    def _write(self, value: object) -> str:
        raise NotImplementedError

    def _calendar_day(self) -> date | None:
        raise NotImplementedError

    def _picked(self, day: date) -> None:
        raise NotImplementedError

    # -- the field ------------------------------------------------------------------

    def bind(self, field: str, label: str) -> None:
        """The input attribute this field fills and its label, for the error message."""
        self.field = field
        clean = label.replace("&", "").rstrip(" *")
        self.label = (clean, clean)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        """Put ``text`` in as if typed (and read it)."""
        self.edit.setText(text)
        self._edited(text)
        self.tidy()

    def error(self) -> str:
        """The message of a text that is not readable ("" when the field is fine)."""
        return self._error

    def is_readable(self) -> bool:
        return not self._error

    def check(self) -> None:
        """Raise the field's :class:`ValidationError` when its text cannot be read."""
        try:
            self._read(self.edit.text())
        except UnreadableDate as exc:
            raise ValidationError(self.field, exc.message("ko"), exc.message("en")) from None

    def _edited(self, _text: str) -> None:
        self.changed.emit()

    def tidy(self) -> None:
        """Read the text; show it the program's way, or keep it and show why it cannot be read."""
        try:
            value = self._read(self.edit.text())
        except UnreadableDate as exc:
            self._set_error(exc.message(self.lang))
            return
        self._set_error("")
        shown = "" if value is None else self._write(value)
        if shown != self.edit.text():
            self.edit.setText(shown)
            self.changed.emit()
        self._committed()

    def _committed(self) -> None:
        """A readable value was entered (filters apply on it)."""

    def _set_error(self, message: str) -> None:
        if message != self._error:
            self._error = message
            self.edit.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }" if message else "")
            self.edit.setToolTip(message)
            self.error_changed.emit(message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        day = self._calendar_day()
        if day is None and self.related is not None:
            day = self.related()
        if self._popup is None:
            self._popup = CalendarPopup(self.lang, self)
            self._popup.picked.connect(self._pick_and_focus)
        self._popup.open_at(day or today(), self.edit)

    def calendar(self) -> CalendarPopup | None:
        """The calendar popup once it has been opened."""
        return self._popup

    def _pick_and_focus(self, day: date) -> None:
        self._picked(day)
        self.edit.setFocus()


class DateEdit(_TypedField):
    """A date that may be empty, typed in any of the usual forms or picked in the calendar."""

    dateChanged = Signal(object)  # the date or None, once entered (for filters)

    placeholder_ko = "예: 2023. 8. 29."
    placeholder_en = "e.g. 29 Aug 2023"

    def __init__(self, lang: Language = "ko", parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.setMinimumWidth(140)
        self._last: date | None = None

    def _read(self, text: str) -> date | None:
        return parse_date(text, self.field, self.label)

    def _write(self, value: object) -> str:
        assert isinstance(value, date)
        return format_date(value, self.lang)

    def value(self) -> date | None:
        """The date shown; None when empty, or while the text is not a date (see :meth:`error`)."""
        try:
            return self._read(self.edit.text())
        except UnreadableDate:
            return None

    def set_value(self, value: date | None) -> None:
        self.edit.setText("" if value is None else format_date(value, self.lang))
        self._set_error("")
        self._committed()

    def _committed(self) -> None:
        value = self.value()
        if value != self._last:
            self._last = value
            self.dateChanged.emit(value)

    def _calendar_day(self) -> date | None:
        return self.value()

    def _picked(self, day: date) -> None:
        self.set_value(day)
        self.changed.emit()


class DateTimeEdit(_TypedField):
    """A date and 24-hour time that may be empty (``2023. 9. 19. 14:00``), typed and shown as the
    wall-clock time of :attr:`zone` (a meeting's, an IANA name), else of this computer's zone.
    A time alone is on the day of ``day_source`` when it has one (a meeting ends on the day it
    starts). When the zone is not this computer's, it is named beside the field ("CEST")."""

    placeholder_ko = "예: 2023. 9. 19. 14:00"
    placeholder_en = "e.g. 19 Sep 2023 14:00"

    def __init__(self, lang: Language = "ko", parent: QWidget | None = None, zone: str | None = None) -> None:
        super().__init__(lang, parent)
        self.setMinimumWidth(180)
        self.label = ("일시", "Date and time")
        self.day_source: DateSource | None = None
        self.zone = zone
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("zone_label")
        self.zone_label.setStyleSheet("color: palette(mid);")
        self.row.insertWidget(1, self.zone_label)
        self._show_zone()

    def set_zone(self, zone: str | None) -> None:
        """Type and show in ``zone`` from now on. The text stays as typed: 14:00 is then 14:00
        there (a meeting moved to Brussels keeps its 14:00)."""
        if zone == self.zone:
            return
        before = self.value()
        self.zone = zone
        self.tidy()
        if self.value() != before:
            self.changed.emit()
        self._show_zone()

    def zone_shown(self) -> str:
        """The zone's name beside the field ("" when it is this computer's)."""
        return self.zone_label.text() if not self.zone_label.isHidden() else ""

    def _show_zone(self) -> None:
        zone = self.zone
        instant = self.value() or now()
        named = bool(zone) and zones.differs_from_computer(instant, zone or "")
        self.zone_label.setText(zones.abbreviation(instant, zone) if zone and named else "")
        self.zone_label.setToolTip(zones.label(zone, self.lang) if zone else "")
        self.zone_label.setHidden(not named)

    def _committed(self) -> None:
        self._show_zone()

    def _read(self, text: str) -> datetime | None:
        day = self.day_source() if self.day_source is not None else None
        return parse_datetime(text, self.field, self.label, day, zone=self.zone)

    def _write(self, value: object) -> str:
        assert isinstance(value, datetime)
        return format_datetime(value, self.lang, zone=self.zone)

    def value(self) -> datetime | None:
        """The moment shown (aware), read in :attr:`zone`; None when empty or not readable."""
        try:
            return self._read(self.edit.text())
        except UnreadableDate:
            return None

    def set_value(self, value: datetime | None) -> None:
        self.edit.setText("" if value is None else format_datetime(value, self.lang, zone=self.zone))
        self._set_error("")
        self._show_zone()

    def wall_clock(self, value: datetime) -> datetime:
        """``value`` as the wall-clock time the field shows."""
        return zones.in_zone(value, self.zone) if self.zone else value.astimezone()

    def _calendar_day(self) -> date | None:
        value = self.value()
        return None if value is None else self.wall_clock(value).date()

    def _picked(self, day: date) -> None:
        current = self.value()
        if current is not None:
            wall = self.wall_clock(current).time()
            moment = zones.at(day, wall, self.zone) if self.zone else datetime.combine(day, wall).astimezone()
            self.set_value(moment)
        else:  # the day is chosen: the time is typed next
            self.edit.setText(format_date(day, self.lang) + " ")
            self.edit.end(False)
            self._set_error("")
        self.changed.emit()


class ZoneChooser(QComboBox):
    """A meeting's time zone: the common zones first, by their Korean or English names
    ("브뤼셀 (Europe/Brussels)"), or any other IANA name typed (``America/Denver``).

    :attr:`zone_changed` gives each new zone chosen or typed; a typed name that is no zone turns
    the field red with its message (:meth:`error`) and changes nothing else."""

    zone_changed = Signal(str)
    error_changed = Signal(str)

    def __init__(self, lang: Language = "ko", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # As narrow as the form (1024 px beside a list), not as wide as its longest zone's name.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        for name, _ko, _en in zones.COMMON:
            self.addItem(zones.label(name, lang), name)
        self.setToolTip(
            tr(
                "Where the meeting is held: its times are typed and shown in this zone. Changing"
                " the zone keeps the times as typed: a meeting at 14:00 moved to Brussels is at"
                " 14:00 Brussels time."
            )
        )
        self._zone = zones.HOME
        self._error = ""
        self.set_zone(zones.HOME)
        self.currentIndexChanged.connect(self._index_changed)
        line_edit = self.lineEdit()
        assert line_edit is not None
        line_edit.editingFinished.connect(self._typed)

    def zone(self) -> str:
        """The zone chosen (an IANA name); the last good one while a typed name is not one."""
        return self._zone

    def error(self) -> str:
        return self._error

    def check(self) -> None:
        """Raise the :class:`ValidationError` of a typed name that is no zone."""
        if self._error:
            zones.check_zone(self.currentText().strip())

    def set_zone(self, name: str) -> None:
        index = self.findData(name)
        if index < 0:
            self.addItem(zones.label(name, self.lang), name)
            index = self.count() - 1
        self.setCurrentIndex(index)
        self._set(name)

    def _index_changed(self, index: int) -> None:
        data = self.itemData(index)
        if isinstance(data, str):
            self._set(data)

    def _typed(self) -> None:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            folded = text.casefold()
            for i, (name, ko, en) in enumerate(zones.COMMON):
                if folded in (name.casefold(), ko.casefold(), en.casefold()):
                    index = i
        if index >= 0:
            self.setCurrentIndex(index)
            self._index_changed(index)
            return
        try:
            name = zones.check_zone(text)
        except ValidationError as exc:
            self._set_error(exc.message(self.lang))
            return
        self.set_zone(name)

    def _set(self, name: str) -> None:
        self._set_error("")
        if name != self._zone:
            self._zone = name
            self.zone_changed.emit(name)

    def _set_error(self, message: str) -> None:
        if message != self._error:
            self._error = message
            self.setStyleSheet("QComboBox { border: 1px solid #b3261e; }" if message else "")
            self.error_changed.emit(message)
