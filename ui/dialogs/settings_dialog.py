"""Settings: language, data folder, backups folder, default briefing language."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.installation import HOME_ENV, choose_next_home, default_home, load_settings, save_settings
from ui.context import UiContext
from ui.i18n import tr


class SettingsDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.values: dict[str, Any] = load_settings(ctx.paths)
        self.setWindowTitle(tr("Settings"))
        self.setMinimumWidth(620)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.addItem(tr("Follow the system"), "")
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(self.values.get("language", "")), 0))
        self.language.setAccessibleName(tr("Language"))
        form.addRow(tr("&Language"), self.language)

        self.next_home: Path | None = None
        self.data = QLabel(str(ctx.paths.home), self)
        self.data.setWordWrap(True)
        self.data.setAccessibleName(tr("Data folder"))
        self.change_home = QPushButton(tr("Change…"), self)
        self.change_home.setAccessibleName(tr("Change the data folder"))
        self.change_home.clicked.connect(self._choose_home)
        data_row = QHBoxLayout()
        data_row.addWidget(self.data, 1)
        data_row.addWidget(self.change_home)
        data_label = QLabel(tr("&Data folder"), self)
        data_label.setBuddy(self.change_home)
        form.addRow(data_label, data_row)
        if os.environ.get(HOME_ENV):
            self.change_home.setEnabled(False)
            note = tr("The data folder is set by PARTNERSHIP_DESK_HOME for this computer or session.")
        else:
            note = tr(
                "A new data folder is used from the next start. Your records stay where they are: "
                "copy the folder, or restore a backup into the new one, to take them along."
            )
            nxt = default_home()
            if nxt != ctx.paths.home:
                note += " " + tr("From the next start: {folder}").format(folder=nxt)
        data_note = QLabel(
            note,
            self,
        )
        data_note.setWordWrap(True)
        data_note.setStyleSheet("color: palette(mid);")
        form.addRow("", data_note)

        self.backups = QLineEdit(str(self.values.get("backups_dir") or ""), self)
        self.backups.setPlaceholderText(str(ctx.paths.home / "backups"))
        self.backups.setAccessibleName(tr("Backups folder"))
        browse = QPushButton(tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.backups, 1)
        row.addWidget(browse)
        backups_label = QLabel(tr("&Backups folder"), self)
        backups_label.setBuddy(self.backups)
        form.addRow(backups_label, row)

        self.briefing = QComboBox(self)
        self.briefing.addItem(tr("The program's language"), "")
        self.briefing.addItem("한국어", "ko")
        self.briefing.addItem("English", "en")
        chosen = ctx.paths.stored_settings().get("briefing_language", "")  # never set: the program's
        self.briefing.setCurrentIndex(max(self.briefing.findData(chosen), 0))
        self.briefing.setAccessibleName(tr("Default briefing language"))
        form.addRow(tr("Default briefing lan&guage"), self.briefing)

        self.user_name = QLineEdit(str(self.values.get("user_name") or ""), self)
        self.user_name.setPlaceholderText(ctx.database.actor)
        self.user_name.setAccessibleName(tr("Your name in the change history"))
        user_label = QLabel(tr("Your &name in the change history"), self)
        user_label.setBuddy(self.user_name)
        form.addRow(user_label, self.user_name)

        self.idle = QSpinBox(self)
        self.idle.setRange(0, 480)
        self.idle.setSuffix(tr(" min"))
        self.idle.setSpecialValueText(tr("Never"))
        try:
            self.idle.setValue(int(float(self.values.get("idle_lock_minutes") or 0)))
        except (TypeError, ValueError):
            self.idle.setValue(0)
        self.idle.setAccessibleName(tr("Lock after idle time"))
        idle_label = QLabel(tr("Lock after &idle time"), self)
        idle_label.setBuddy(self.idle)
        form.addRow(idle_label, self.idle)

        # The briefings' date line: "2026. 12. 2.(수)  반도체과  담당 홍길동 (☎ 044-000-0000)".
        self.briefing_box = QGroupBox(tr("On briefings"), self)
        box = QFormLayout(self.briefing_box)
        self.briefing_fields: dict[str, QLineEdit] = {}
        for key, label, hint in (
            ("department", tr("D&epartment"), "반도체과"),
            ("department_en", tr("Department in English"), "Semiconductor Division"),
            ("author", tr("Au&thor"), "홍길동"),
            ("author_en", tr("Author in English"), "Gildong Hong"),
            ("phone", tr("&Phone"), "044-000-0000"),
            ("our_organization", tr("&Our organization"), "산업통상자원부"),
        ):
            edit = QLineEdit(str(self.values.get(key) or ""), self.briefing_box)
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label.replace("&", ""))
            field_label = QLabel(label, self.briefing_box)
            field_label.setBuddy(edit)
            box.addRow(field_label, edit)
            self.briefing_fields[key] = edit
        self.briefing_fields["our_organization"].setToolTip(
            tr("Name or short name: its attendees are listed under 'our side' in pre-meeting briefs.")
        )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.briefing_box)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("Backups folder"), self.backups.text() or str(self.ctx.paths.home)
        )
        if folder:
            self.backups.setText(folder)

    def _choose_home(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Data folder"), str(self.ctx.paths.home))
        if folder:
            self.next_home = Path(folder)
            self.data.setText(
                tr("{current} (from the next start: {folder})").format(
                    current=self.ctx.paths.home, folder=folder
                )
            )

    def chosen(self) -> dict[str, Any]:
        return {
            "language": self.language.currentData(),
            "backups_dir": self.backups.text().strip(),
            "briefing_language": self.briefing.currentData(),
            "idle_lock_minutes": self.idle.value(),
            "user_name": self.user_name.text().strip(),
            **{key: edit.text().strip() for key, edit in self.briefing_fields.items()},
        }

    def save(self) -> dict[str, Any]:
        saved = save_settings(self.ctx.paths, self.chosen())
        self.ctx.database.actor = str(saved.get("user_name") or "") or self.ctx.database.actor  # from now on
        if self.next_home is not None:
            choose_next_home(self.next_home)
        self.ctx.settings = saved
        return saved
