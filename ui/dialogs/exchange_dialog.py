"""File → Exchange: write an exchange file for another computer, or merge one from it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
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
    QVBoxLayout,
    QWidget,
)

from app.progress import Progress
from app.services.dates import today
from app.services.exchange import EXCHANGE_FILE_MAGIC as MAGIC
from app.services.exchange import ExportResult, ImportResult, export_bundle, import_bundle, resolve_since
from ui.context import UiContext
from ui.dialogs.passphrase_dialog import ask_passphrase
from ui.i18n import tr
from ui.widgets.dates import DateEdit

Asker = Callable[..., str | None]


def _filter() -> str:
    return tr("Partnership Desk exchange (*.pdx);;All files (*)")


class ExchangeDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, ask: Asker | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ask: Asker = ask or ask_passphrase
        self.setWindowTitle(tr("Exchange"))
        self.setMinimumWidth(560)

        self.export_path = QLineEdit(str(ctx.paths.documents / "exchange.pdx"), self)
        self.export_path.setAccessibleName(tr("Exchange file to write"))
        self.since = QComboBox(self)
        self.since.addItem(tr("Everything"), "ALL")
        self.since.addItem(tr("Changes since the last exchange"), "LAST")
        self.since.addItem(tr("Changes since a date"), "DATE")
        self.since.setAccessibleName(tr("What to export"))
        self.since_date = DateEdit(ctx.language, self)
        self.since_date.set_value(today() - timedelta(days=30))
        self.since_date.setAccessibleName(tr("Changes since"))
        self.since_date.setEnabled(False)
        self.since.currentIndexChanged.connect(
            lambda _i: self.since_date.setEnabled(self.since.currentData() == "DATE")
        )
        self.encrypt = QCheckBox(tr("&Encrypt with a passphrase"), self)
        self.encrypt.setChecked(True)
        self.export_button = QPushButton(tr("E&xport"), self)
        self.export_button.clicked.connect(self.start_export)
        export_box = QGroupBox(tr("Send changes to another computer"), self)
        form = QFormLayout(export_box)
        form.addRow(tr("File:"), self._with_browse(self.export_path, save=True))
        since_row = QHBoxLayout()
        since_row.addWidget(self.since, 1)
        since_row.addWidget(self.since_date)
        form.addRow(tr("Include:"), since_row)
        form.addRow("", self.encrypt)
        form.addRow("", self.export_button)

        self.import_path = QLineEdit(self)
        self.import_path.setAccessibleName(tr("Exchange file to import"))
        self.import_button = QPushButton(tr("&Import"), self)
        self.import_button.clicked.connect(self.start_import)
        import_box = QGroupBox(tr("Bring in changes from another computer"), self)
        form2 = QFormLayout(import_box)
        form2.addRow(tr("File:"), self._with_browse(self.import_path, save=False))
        note = QLabel(
            tr(
                "Records are merged by their identity; importing a file twice changes nothing. "
                "A backup is made first. Edits of the same field on both sides keep the later one "
                "and are listed under Conflicts."
            ),
            self,
        )
        note.setWordWrap(True)
        form2.addRow(note)
        form2.addRow("", self.import_button)

        self.result_label = QLabel("", self)  # (QDialog.result() is the exit code)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(tr("Result"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(export_box)
        layout.addWidget(import_box)
        layout.addWidget(self.result_label)
        layout.addWidget(close)

    def _with_browse(self, edit: QLineEdit, *, save: bool) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        browse = QPushButton(tr("&Browse…"), box)

        def pick() -> None:
            if save:
                name, _ = QFileDialog.getSaveFileName(self, tr("Exchange file"), edit.text(), _filter())
            else:
                name, _ = QFileDialog.getOpenFileName(self, tr("Exchange file"), edit.text(), _filter())
            if name:
                edit.setText(name)

        browse.clicked.connect(pick)
        row.addWidget(browse)
        return box

    # -- export ----------------------------------------------------------------

    def since_value(self) -> str | None:
        choice = self.since.currentData()
        if choice == "DATE":
            day = self.since_date.value()
            return None if day is None else day.isoformat()
        return str(choice)

    def start_export(self) -> None:
        path = Path(self.export_path.text().strip())
        if not path.name:
            self.result_label.setText(tr("Choose a file to write."))
            return
        if self.since.currentData() == "DATE" and self.since_date.value() is None:
            self.result_label.setText(self.since_date.error() or tr("Enter the date the changes start from."))
            return
        passphrase = None
        if self.encrypt.isChecked():
            passphrase = self.ask(self, confirm=True)
            if passphrase is None:
                return
        since = resolve_since(self.ctx.database, self.since_value())

        def work(progress: Progress) -> ExportResult:
            return export_bundle(
                self.ctx.database, path, since=since, passphrase=passphrase, progress=progress
            )

        self.ctx.runner.run(
            work,
            on_done=self._exported,
            on_error=self._failed,
            title=tr("Writing the exchange file…"),
            parent=self,
        )

    def _exported(self, result: ExportResult) -> None:
        text = tr("Exported {records} records and {files} files to {path}.").format(
            records=result.records, files=result.files, path=result.path
        )
        if result.encrypted:
            text += " " + tr("The file is encrypted; give the passphrase to the recipient separately.")
        if result.warning is not None:  # a plain file from an encrypted database
            text += " " + str(result.warning)
        self.result_label.setText(text)

    # -- import ----------------------------------------------------------------

    def start_import(self) -> None:
        path = Path(self.import_path.text().strip())
        if not path.is_file():
            self.result_label.setText(tr("Choose an exchange file to import."))
            return
        passphrase = None
        try:
            with path.open("rb") as handle:
                sealed = handle.read(len(MAGIC)) == MAGIC
        except OSError as exc:
            self.result_label.setText(str(exc))
            return
        if sealed:
            passphrase = self.ask(self, confirm=False, message=tr("This exchange file is encrypted."))
            if passphrase is None:
                return

        def work(progress: Progress) -> ImportResult:
            return import_bundle(self.ctx.database, path, passphrase=passphrase, progress=progress)

        self.ctx.runner.run(
            work,
            on_done=self._imported,
            on_error=self._failed,
            title=tr("Merging the exchange file…"),
            parent=self,
        )

    def _imported(self, r: ImportResult) -> None:
        text = tr("Merged: {new} new, {updated} updated, {same} unchanged records; {files} files.").format(
            new=r.inserted, updated=r.updated, same=r.unchanged, files=r.files
        )
        if r.conflicts:
            text += " " + tr("{count} conflicts: review them under Conflicts.").format(count=r.conflicts)
        self.result_label.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.result_label.setText(str(exc))
