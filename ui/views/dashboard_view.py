"""What needs attention now: overdue and due-soon work, expiring agreements, meetings, changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import (
    ActionItemView,
    AgreementSummary,
    CommitmentView,
    Dashboard,
    MeetingSummary,
    RecentChange,
    shown,
)
from app.enums import RecordKind
from app.services.dashboard import dashboard
from ui.context import UiContext
from ui.formatting import format_date, format_datetime, format_meeting_time
from ui.i18n import tr
from ui.widgets.history import action_label
from ui.widgets.related import RelatedTable

ItemT = TypeVar("ItemT")
Work = CommitmentView | ActionItemView  # what is due: a party's commitment or a meeting's action item
Section = tuple[QWidget, QLabel, RelatedTable[ItemT]]  # a heading over a table of ``ItemT``


def kind_label(kind: str) -> str:
    return {
        "agreement": tr("Agreement"),
        "organization": tr("Organization"),
        "contact": tr("Contact"),
        "meeting": tr("Meeting"),
        "commitment": tr("Commitment"),
    }.get(kind, kind)


class DashboardView(QWidget):
    open_record = Signal(str, object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.language
        self.data: Dashboard | None = None
        heading = QLabel(tr("Dashboard"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        self.today = QLabel(self)
        refresh = QPushButton(tr("Refresh"), self)
        refresh.setToolTip(tr("F5"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.today)
        top.addStretch(1)
        top.addWidget(refresh)

        work_headers = [tr("Due"), tr("What needs doing"), tr("Type"), tr("Who"), tr("Under")]
        self.overdue: Section[Work] = self._section(tr("Overdue"), work_headers, (1, 4))
        self.due_soon: Section[Work] = self._section(tr("Due in the next 30 days"), work_headers, (1, 4))
        self.expiring: Section[AgreementSummary] = self._section(
            tr("Agreements expiring within 90 days"), [tr("Expires"), tr("Agreement"), tr("Status")]
        )
        self.meetings: Section[MeetingSummary] = self._section(
            tr("Upcoming meetings"), [tr("Date"), tr("Meeting"), tr("Place"), tr("Attendees")], (1, 2)
        )
        self.recent: Section[RecentChange] = self._section(
            tr("Recent changes"), [tr("When"), tr("Type"), tr("Record"), tr("Change")], (2,)
        )

        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        grid.addWidget(self.overdue[0], 0, 0, 1, 2)
        grid.addWidget(self.due_soon[0], 1, 0, 1, 2)
        grid.addWidget(self.expiring[0], 2, 0)
        grid.addWidget(self.meetings[0], 2, 1)
        grid.addWidget(self.recent[0], 3, 0, 1, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def _section(self, title: str, headers: list[str], stretch: tuple[int, ...] = (1,)) -> Section[ItemT]:
        box = QWidget(self)
        label = QLabel(title, box)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        table: RelatedTable[ItemT] = RelatedTable(headers, title, box, stretch=stretch)
        table.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.layout_.setContentsMargins(0, 0, 0, 0)
        table.table.setMinimumHeight(150)
        table.activated.connect(self._activated)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(label)
        v.addWidget(table)
        return box, label, table

    def refresh(self) -> None:
        self.ctx.runner.run(dashboard, self.ctx.database, on_done=self.show_data)

    def _work_cells(self, item: Work) -> tuple[object, ...]:
        lang = self.lang
        if isinstance(item, CommitmentView):
            return (
                format_date(item.due_on, lang),
                shown(item.title_ko, item.title_en, lang),
                tr("Commitment"),
                shown(item.organization_name_ko, item.organization_name_en, lang),
                shown(item.agreement_title_ko, item.agreement_title_en, lang),
            )
        who = shown(item.owner_name_ko, item.owner_name_en, lang)
        if not who.text:
            who = shown(item.owner_organization_name_ko, item.owner_organization_name_en, lang)
        return (
            format_date(item.due_on, lang),
            shown(item.title_ko, item.title_en, lang),
            tr("Action item"),
            who,
            shown(item.meeting_title_ko, item.meeting_title_en, lang),
        )

    def show_data(self, data: Dashboard) -> None:
        self.data = data
        lang = self.lang
        self.today.setText(tr("Today: {date}").format(date=format_date(data.today, lang, weekday=True)))
        overdue: list[Work] = [*data.overdue_commitments, *data.overdue_actions]
        overdue.sort(key=lambda i: i.due_on or date.min)
        soon: list[Work] = [*data.due_soon_commitments, *data.due_soon_actions]
        soon.sort(key=lambda i: i.due_on or date.max)
        self._fill(self.overdue, overdue, self._work_cells, alert=True)
        self._fill(self.due_soon, soon, self._work_cells)
        self._fill(
            self.expiring,
            data.expiring_agreements,
            lambda a: (
                format_date(a.expires_on, lang),
                shown(a.title_ko, a.title_en, lang),
                a.status.label(lang),
            ),
        )
        self._fill(
            self.meetings,
            data.upcoming_meetings,
            lambda m: (
                format_meeting_time(m.starts_at, m.time_zone, lang, weekday=True),  # in the meeting's zone
                shown(m.title_ko, m.title_en, lang),
                shown(m.place_ko, m.place_en, lang),
                m.attendee_count,
            ),
        )
        self._fill(
            self.recent,
            data.recent_changes,
            lambda c: (
                format_datetime(c.occurred_at, lang),
                kind_label(c.kind),
                shown(c.label_ko, c.label_en, lang),
                action_label(c.action),
            ),
        )

    def _fill(
        self,
        section: Section[ItemT],
        items: Sequence[ItemT],
        cells: Callable[[ItemT], Sequence[object]],
        alert: bool = False,
    ) -> None:
        _box, label, table = section
        base = label.text().split(" (")[0]
        label.setText(f"{base} ({len(items)})")
        table.table.clearSpans()
        table.set_rows(items, cells, alert=(lambda _i: True) if alert else None)
        if not items:
            table.table.setRowCount(1)
            empty = QTableWidgetItem(tr("Nothing here."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            # Across the whole row: in a narrow column it read "…".
            table.table.setSpan(0, 0, 1, table.table.columnCount())
            table.table.setItem(0, 0, empty)

    def _activated(self, item: object) -> None:
        if isinstance(item, CommitmentView):
            self.open_record.emit(RecordKind.COMMITMENT, item.id)
        elif isinstance(item, ActionItemView):
            self.open_record.emit(RecordKind.MEETING, item.meeting_id)
        elif isinstance(item, AgreementSummary):
            self.open_record.emit(RecordKind.AGREEMENT, item.id)
        elif isinstance(item, MeetingSummary):
            self.open_record.emit(RecordKind.MEETING, item.id)
        elif isinstance(item, RecentChange):
            self.open_record.emit(item.kind, item.id)
