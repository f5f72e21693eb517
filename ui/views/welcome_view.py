"""First start on an empty database: load the sample data or start empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.demo import load_demo
from ui.actions import open_import
from ui.context import UiContext
from ui.formatting import safe_url
from ui.i18n import tr


class WelcomeView(QWidget):
    finished = Signal(bool)  # True when sample data was loaded

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(tr("Welcome to Partnership Desk"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            tr(
                "Partnership Desk keeps your ministry's cooperation agreements, the organizations and "
                "people behind them, meetings and minutes, and what each party committed to."
            ),
            self,
        )
        intro.setWordWrap(True)
        ask = QLabel(
            tr(
                "The database is empty. You can look around with sample data first (the 2023 "
                "semiconductor advanced-packaging agreement and its eleven parties, with fictional "
                "people, meetings and minutes around it), or start with your own records."
            ),
            self,
        )
        ask.setWordWrap(True)
        self.sample_button = QPushButton(tr("Load the sample data"), self)
        self.sample_button.setDefault(True)
        self.sample_button.clicked.connect(self.load_sample)
        self.empty_button = QPushButton(tr("Start empty"), self)
        self.empty_button.clicked.connect(lambda: self.finished.emit(False))
        self.import_button = QPushButton(tr("Import from a file…"), self)
        self.import_button.clicked.connect(self.import_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        db_where = (
            str(ctx.database.sqlite_path)
            if ctx.database.is_sqlite and ctx.database.sqlite_path
            else safe_url(ctx.database.url)
        )
        where = QLabel(
            tr("Your data is kept on this computer, in the data folder:")
            + f"<br><b>{_html(str(ctx.paths.home))}</b><br>"
            + tr("Database:")
            + f" <b>{_html(db_where)}</b><br>"
            + tr(
                "Attachments, backups and settings are kept in the same folder. Settings explains how to use another one."
            ),
            self,
        )
        where.setTextFormat(Qt.TextFormat.RichText)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QWidget(self)
        box.setMaximumWidth(760)
        v = QVBoxLayout(box)
        v.setSpacing(16)
        v.addWidget(title)
        v.addWidget(intro)
        v.addWidget(ask)
        v.addLayout(buttons)
        v.addSpacing(12)
        v.addWidget(where)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(box)
        column.addStretch(2)
        outer.addLayout(column, 4)
        outer.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Enter loads the sample data, as the highlighted default button promises.
        self.sample_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_sample(self) -> None:
        self.sample_button.setEnabled(False)
        self.ctx.runner.run(
            load_demo,
            self.ctx.database,
            on_done=lambda _r: self.finished.emit(True),
            on_error=self._sample_failed,
            title=tr("Loading the sample data…"),
            parent=self,
        )

    def _sample_failed(self, exc: BaseException) -> None:
        self.sample_button.setEnabled(True)
        self.ctx.runner.report_error(exc, self)

    def import_file(self) -> None:
        open_import(self.ctx, self)
        self.finished.emit(False)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
