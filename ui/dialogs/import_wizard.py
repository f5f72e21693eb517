"""Import wizard: choose a file, check the column mapping and the problems per row, confirm.

Reading and checking run through ``ctx.runner`` as dry runs of the same
``app.transfer`` functions the command line uses; the import itself is one more
run without ``dry_run``. Nothing is written before the last page is confirmed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.services.transfer import ImportOptions, ImportPreview, ImportReport, read_preview, run_import
from ui.context import UiContext
from ui.i18n import tr

PREVIEW_ROWS = 20


def field_labels(kind: str) -> dict[str, str]:
    """The fields a column can be imported into, as the mapping lists name them.

    A text kept in both languages has a column for each ("… (Korean)", "… (English)"); its
    one-column form ("… (Korean or English)") is what files written before the split hold: the
    importer puts a Hangul value into the Korean field and a Latin-only one into the English.
    """
    if kind == "agreements":
        return {
            "title": tr("Agreement title (Korean or English)"),
            "title_ko": tr("Agreement title (Korean)"),
            "title_en": tr("Agreement title (English)"),
            "reference_no": tr("Reference"),
            "agreement_kind": tr("Kind"),
            "status": tr("Status"),
            "signed_on": tr("Signed"),
            "effective_on": tr("In force from"),
            "expires_on": tr("Expires"),
            "place": tr("Place of signing (Korean or English)"),
            "place_ko": tr("Place of signing (Korean)"),
            "place_en": tr("Place of signing (English)"),
            "summary": tr("Summary (Korean or English)"),
            "summary_ko": tr("Summary (Korean)"),
            "summary_en": tr("Summary (English)"),
            "id": "ID",
        }
    if kind == "organizations":
        return {
            "name": tr("Organization name (Korean or English)"),
            "name_ko": tr("Organization name (Korean)"),
            "name_en": tr("Organization name (English)"),
            "short_name": tr("Short name"),
            "org_kind": tr("Kind"),
            "country": tr("Country"),
            "website": tr("Website"),
            "notes": tr("Notes"),
        }
    return {
        "name": tr("Name (Korean or English)"),
        "name_ko": tr("Name (Korean)"),
        "name_en": tr("Name (English)"),
        "first_name": tr("Given name"),
        "middle_name": tr("Middle name"),
        "last_name": tr("Family name"),
        "organization": tr("Organization"),
        "title": tr("Job title (Korean or English)"),
        "title_ko": tr("Job title (Korean)"),
        "title_en": tr("Job title (English)"),
        "department": tr("Department (Korean or English)"),
        "department_ko": tr("Department (Korean)"),
        "department_en": tr("Department (English)"),
        "email": tr("E-mail"),
        "phone": tr("Phone"),
        "phone*": tr("Phone (by its label column)"),
        "mobile": tr("Mobile"),
        "notes": tr("Notes"),
        "uid": "ID",
    }


def event_labels() -> dict[str, str]:
    """The fields of a calendar's events as the preview shows them."""
    return {
        "meeting_title": tr("Meeting title"),
        "meeting_title_ko": tr("Meeting title (Korean)"),
        "meeting_title_en": tr("Meeting title (English)"),
        "title_ko": tr("Meeting title (Korean)"),
        "title_en": tr("Meeting title (English)"),
        "starts_at": tr("Starts"),
        "time_zone": tr("Time zone"),
        "place": tr("Place"),
        "place_ko": tr("Place (Korean)"),
        "place_en": tr("Place (English)"),
    }


def unused_text(names: tuple[str, ...] | list[str], vcard: bool = False, holding: bool = False) -> str:
    """One line naming the columns (vCard: properties) that are not imported, or "";
    ``holding``: the columns found to hold a value somewhere in the file."""
    if not names:
        return ""
    if vcard:
        return tr("Not imported from the vCards: {names}").format(names=", ".join(names))
    if holding:
        return tr("Columns with values that are not imported: {names}").format(names=", ".join(names))
    return tr("Columns not imported: {names}").format(names=", ".join(names))


def summary_text(report: ImportReport) -> str:
    lines = [
        tr(
            "{created} to create, {updated} to update, {unchanged} unchanged, {invalid} with problems."
        ).format(
            created=report.created, updated=report.updated, unchanged=report.unchanged, invalid=report.invalid
        )
    ]
    if report.organizations_created or report.memberships_created:
        lines.append(
            tr("{orgs} new organizations, {positions} new positions.").format(
                orgs=report.organizations_created, positions=report.memberships_created
            )
        )
    if report.unused:
        lines.append(unused_text(report.unused, report.source_format == "vcf", holding=True))
    return "\n".join(lines)


def finished_text(report: ImportReport, path: Path) -> str:
    """What an import did, shown when it is over."""
    return tr(
        "Imported {file}: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped."
    ).format(
        file=path.name,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        skipped=report.invalid,
    )


def problem_text(report: ImportReport, row: int, message: str) -> str:
    if report.unit == "row":
        return tr("Row {row}: {message}").format(row=row, message=message)
    return tr("Entry {row}: {message}").format(row=row, message=message)


def preview_labels(kind: str, preview: ImportPreview) -> list[str]:
    """The preview's column headings: the file's own, or the names of the fields shown."""
    if preview.mapping is not None:
        return list(preview.columns)
    labels = event_labels() if kind == "meetings" else field_labels(kind)
    return [labels.get(key, key) for key in preview.columns]


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(tr("Choose a file"))
        self.setSubTitle(tr("CSV or Excel (XLSX) with a header row, vCard (.vcf) or iCalendar (.ics)."))
        self.kind = QComboBox(self)
        self.kind.addItem(tr("Contacts"), "contacts")
        self.kind.addItem(tr("Organizations"), "organizations")
        self.kind.addItem(tr("Agreements"), "agreements")
        self.kind.addItem(tr("Meetings"), "meetings")
        self.kind.setAccessibleName(tr("What the file holds"))
        self.path = QLineEdit(self)
        self.path.setAccessibleName(tr("File"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(tr("&Import as"), self.kind)
        file_label = QLabel(tr("&File"), self)  # with its buddy, "&F" is a shortcut, not text
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Import"),
            self.path.text(),
            tr("Importable files (*.csv *.txt *.xlsx *.vcf *.ics);;All files (*)"),
        )
        if name:
            self.path.setText(name)
            if name.lower().endswith(".ics"):
                self.kind.setCurrentIndex(self.kind.findData("meetings"))

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()


MAX_COLUMN_WIDTH = 320  # a long cell is elided (its text is its tooltip) rather than widen the page


class PreviewPage(QWizardPage):
    """The first rows with a field chosen for each column, and the problems found."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(tr("Check the columns and the problems"))
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(tr("Preview"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Each column's field is chosen in the table's first row, under the column it is for.
        self.combos: dict[str, QComboBox] = {}
        self.unused = QLabel(self)
        self.unused.setWordWrap(True)
        self.unused.setAccessibleName(tr("Columns not imported"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(tr("Problems"))
        recheck = QPushButton(tr("&Check again"), self)
        recheck.clicked.connect(self.check)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Field for each column:"), self))
        layout.addWidget(self.table, 2)
        layout.addWidget(self.unused)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(tr("Problems:"), self))
        layout.addWidget(self.problems, 1)
        layout.addWidget(recheck, 0, Qt.AlignmentFlag.AlignRight)
        self.report: ImportReport | None = None
        self.file_unused: tuple[str, ...] = ()

    def initializePage(self) -> None:
        self.report = None
        # Widgets are read here, on the GUI thread; the runner gets plain values.
        self.wiz.ctx.runner.run(
            read_preview,
            self.wiz.path(),
            self.wiz.kind(),
            PREVIEW_ROWS,
            on_done=self.show_preview,
            parent=self,
        )

    def show_preview(self, preview: ImportPreview) -> None:
        columns, rows = preview_labels(self.wiz.kind(), preview), preview.rows
        headers = columns if preview.mapping is not None else []
        mapping = preview.mapping or {}
        self.table.setRowCount(0)  # the table deletes the previous file's field choosers
        self.combos.clear()
        labels = field_labels(self.wiz.kind())
        for header in headers:
            combo = QComboBox()
            combo.setAccessibleName(tr("Field for column {name}").format(name=header))
            combo.addItem(tr("(not imported)"), "")
            for key, label in labels.items():
                combo.addItem(label, key)
            chosen = mapping.get(header, "")
            if chosen and chosen not in labels:  # a field the importer knows that has no label here
                combo.addItem(chosen, chosen)
            combo.setCurrentIndex(max(combo.findData(mapping.get(header, "")), 0))
            combo.currentIndexChanged.connect(self.show_unused)
            self.combos[header] = combo
        self.file_unused = preview.unused if preview.mapping is None else ()
        self.show_unused()
        above = 1 if headers else 0  # the row of field choosers
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setRowCount(above + len(rows))
        # Numbered as the problems are: a sheet's rows by their line (the header is line 1).
        first = 2 if preview.mapping is not None else 1
        numbers = [str(first + r) for r in range(len(rows))]
        self.table.setVerticalHeaderLabels([tr("Field")] * above + numbers)
        for c, combo in enumerate(self.combos.values()):
            self.table.setCellWidget(0, c, combo)
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells[: len(columns)]):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(above + r, c, item)
        self.table.resizeColumnsToContents()  # each column as wide as its chooser or its text
        for c in range(len(columns)):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), MAX_COLUMN_WIDTH))
        self.table.resizeRowsToContents()
        self.check()

    def preview_row(self, row: int) -> list[str]:
        """The texts of the file's ``row``-th previewed row (0: the first), as shown."""
        above = 1 if self.combos else 0
        cells = [self.table.item(above + row, c) for c in range(self.table.columnCount())]
        return [cell.text() if cell is not None else "" for cell in cells]

    def show_unused(self) -> None:
        """The columns whose field is "(not imported)", as chosen now; for a vCard, the properties
        the file has that are not read."""
        if self.combos:
            names = [
                header for header, combo in self.combos.items() if header.strip() and not combo.currentData()
            ]
            self.unused.setText(unused_text(names))
        else:
            self.unused.setText(unused_text(self.file_unused, vcard=bool(self.file_unused)))
        self.unused.setVisible(bool(self.unused.text()))

    def mapping(self) -> dict[str, str] | None:
        if not self.combos:
            return None
        return {header: str(combo.currentData() or "") for header, combo in self.combos.items()}

    def check(self) -> None:
        wiz = self.wiz
        wiz.ctx.runner.run(
            run_import,
            wiz.ctx.database,
            wiz.path(),
            wiz.import_options(True),
            on_done=self.show_report,
            on_error=self.show_error,
            parent=self,
        )

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.summary.setText(summary_text(report))
        self.problems.clear()
        for p in report.problems:
            self.problems.addItem(problem_text(report, p.row, p.message))
        self.completeChanged.emit()

    def show_error(self, exc: BaseException) -> None:
        self.report = None
        self.summary.setText(str(exc))
        self.problems.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.report is not None


class ConfirmPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(tr("Import"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.skip = QCheckBox(tr("&Skip the rows with problems and import the others"), self)
        self.skip.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.skip)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Import"))

    def initializePage(self) -> None:
        report = self.wiz.preview.report
        assert report is not None
        problems = report.invalid
        self.skip.setVisible(problems > 0)
        self.skip.setChecked(False)
        text = summary_text(report)
        if problems:
            text += "\n\n" + tr(
                "Nothing is imported while rows have problems: fix them in the file and check again, "
                "or skip those rows."
            )
        self.text.setText(text)

    def isComplete(self) -> bool:
        report = self.wiz.preview.report
        return report is not None and (report.invalid == 0 or self.skip.isChecked())


class ImportWizard(QWizard):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Import"))
        self.setMinimumSize(760, 560)
        self.file_page = FilePage(self)
        self.preview = PreviewPage(self)
        self.confirm = ConfirmPage(self)
        for page in (self.file_page, self.preview, self.confirm):
            self.addPage(page)
        self.result_report: ImportReport | None = None
        self.finished_message = ""

    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    def kind(self) -> str:
        return str(self.file_page.kind.currentData())

    def import_options(self, dry_run: bool) -> ImportOptions:
        return ImportOptions(
            kind=self.kind(),
            dry_run=dry_run,
            skip_invalid=self.confirm.skip.isChecked(),
            mapping=self.preview.mapping(),
        )

    def accept(self) -> None:
        path = self.path()

        def done(report: ImportReport) -> None:
            self.result_report = report
            self.finished_message = finished_text(report, path)
            parent = self.parentWidget()
            window = parent.window() if parent is not None else None
            if isinstance(window, QMainWindow):  # the count stays in sight once the wizard closes
                window.statusBar().showMessage(self.finished_message, 30_000)
            QWizard.accept(self)

        self.ctx.runner.run(
            run_import,
            self.ctx.database,
            self.path(),
            self.import_options(False),
            on_done=done,
            on_error=self.preview.show_error,
            title=tr("Importing…"),
            parent=self,
        )
