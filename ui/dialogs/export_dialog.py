"""Export the list on screen (with its current filter) as CSV, XLSX, vCard or iCalendar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.transfer import export_list, formats_for, list_kind
from ui.context import UiContext
from ui.i18n import tr

FORMAT_LABELS = {
    "csv": ("CSV (*.csv)", "csv"),
    "xlsx": ("Excel (*.xlsx)", "xlsx"),
    "vcf": ("vCard (*.vcf)", "vcf"),
    "ics": ("iCalendar (*.ics)", "ics"),
}


class ExportDialog(QDialog):
    def __init__(
        self, ctx: UiContext, kind: str, query: object | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = list_kind(kind)  # views say "agreement", lists are "agreements"
        self.query = query
        self.count: int | None = None
        self.setWindowTitle(tr("Export"))
        self.setMinimumWidth(520)
        self.format = QComboBox(self)
        for fmt in formats_for(kind):
            self.format.addItem(tr(FORMAT_LABELS[fmt][0]), fmt)
        self.format.setAccessibleName(tr("Format"))
        self.format.currentIndexChanged.connect(self._suffix_follows_format)
        self.path = QLineEdit(str(ctx.paths.documents / f"{self.kind}.csv"), self)
        self.path.setAccessibleName(tr("File"))
        browse = QPushButton(tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        note = QLabel(
            tr(
                "The list is exported as shown, with its current filter. Cells that would run as formulas are kept as text."
            ),
            self,
        )
        note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Format"), self.format)
        form.addRow(tr("&File"), row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def fmt(self) -> str:
        return str(self.format.currentData())

    def _suffix_follows_format(self) -> None:
        path = Path(self.path.text().strip() or f"{self.kind}.csv")
        self.path.setText(str(path.with_suffix("." + self.fmt())))

    def browse(self) -> None:
        label = tr(FORMAT_LABELS[self.fmt()][0])
        name, _ = QFileDialog.getSaveFileName(self, tr("Export"), self.path.text(), label)
        if name:
            self.path.setText(name)

    def export(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.status.setText(tr("Choose where to save the file."))
            return
        dest = Path(text)
        if not dest.suffix:
            dest = dest.with_suffix("." + self.fmt())

        def done(count: int) -> None:
            self.count = count
            self.accept()

        self.ctx.runner.run(
            export_list,
            self.ctx.database,
            self.kind,
            self.fmt(),
            dest,
            self.query,
            on_done=done,
            on_error=lambda exc: self.status.setText(str(exc)),
            title=tr("Exporting…"),
            parent=self,
        )
