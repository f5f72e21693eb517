"""Briefing: pick type, language, format and marking; generate in the background; preview, save, open.

The document is built once; the preview always shows it as PDF (QtPdf), and a Word
file is rendered from the same document when Word is the chosen format.
"""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dto import AgreementQuery
from app.enums import AgreementStatus
from app.errors import DomainError
from app.services.installation import atomic_write_bytes
from app.services.opened_files import write_copy
from app.services.settings import briefing_author
from reports import BriefingRequest, BriefingResult, briefing_type, produce_briefing, suggested_filename
from reports.templates import types_for
from ui.context import UiContext

MARKINGS = ["대외비", "RESTRICTED", "내부용", "INTERNAL"]


class BriefingDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        target: str,
        target_id: uuid.UUID | None,
        parent: QWidget | None = None,
        subject: str = "",
    ) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument  # lazy: Qt's PDF libraries load with the first briefing
        from PySide6.QtPdfWidgets import QPdfView

        self.ctx = ctx
        self.target = target
        self.target_id = target_id
        self.generated: BriefingResult | None = None  # (QDialog.result() is the exit code)
        self._temp = Path(tempfile.mkdtemp(prefix="partnership-desk-briefing-"))
        self.subject = subject
        self.setWindowTitle(self.tr("Briefing") + (f" — {subject}" if subject else ""))
        self.resize(960, 780)

        self.type_combo = QComboBox(self)
        names = {
            "agreement": self.tr("Agreement briefing"),
            "counterpart": self.tr("Counterpart briefing"),
            "premeeting": self.tr("Pre-meeting brief"),
            "minutes": self.tr("Minutes record"),
            "portfolio": self.tr("Portfolio overview"),
        }
        for briefing in types_for(target):
            self.type_combo.addItem(names.get(briefing.key, briefing.name_en), briefing.key)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(self._usual_type())))
        self.type_combo.setAccessibleName(self.tr("Briefing type"))

        self.lang_combo = QComboBox(self)
        self.lang_combo.addItem("한국어", "ko")
        self.lang_combo.addItem("English", "en")
        # The language chosen in Settings; never chosen there: the program's own.
        default_lang = str(ctx.paths.stored_settings().get("briefing_language") or ctx.language or "ko")
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(default_lang)))
        self.lang_combo.setAccessibleName(self.tr("Language of the briefing"))

        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("PDF"), "pdf")
        self.format_combo.addItem(self.tr("Word (DOCX)"), "docx")
        self.format_combo.addItem(self.tr("Hangul (HWPX)"), "hwpx")
        self.format_combo.setAccessibleName(self.tr("File format"))

        self.marking_combo = QComboBox(self)
        self.marking_combo.setEditable(True)
        self.marking_combo.addItem("")
        self.marking_combo.addItems(MARKINGS)
        editor = self.marking_combo.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("None"))
            editor.setMaxLength(60)
        self.marking_combo.setAccessibleName(self.tr("Marking"))
        self.marking_combo.setToolTip(self.tr("Printed on every page, for example 대외비 or RESTRICTED."))

        status = AgreementStatus
        self.filter_combo = QComboBox(self)
        self.filter_combo.addItem(self.tr("All agreements"), ())
        self.filter_combo.addItem(self.tr("Signed or in force"), (status.SIGNED, status.IN_FORCE))
        self.filter_combo.addItem(self.tr("Draft or under negotiation"), (status.DRAFT, status.NEGOTIATING))
        self.filter_combo.addItem(self.tr("Expired or terminated"), (status.EXPIRED, status.TERMINATED))
        self.filter_combo.setAccessibleName(self.tr("Agreements to include"))

        kinds = {
            "agreement": self.tr("Agreement"),
            "organization": self.tr("Organization"),
            "meeting": self.tr("Meeting"),
            "portfolio": self.tr("All agreements"),
        }
        what = kinds.get(str(target), str(target))
        self.subject_label = QLabel(f"{what}: {subject}" if subject else what, self)
        self.subject_label.setObjectName("briefing_subject")
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.subject_label.font()
        bold.setBold(True)
        self.subject_label.setFont(bold)

        form = QFormLayout()
        form.addRow(self.tr("For"), self.subject_label)
        form.addRow(self.tr("&Type"), self.type_combo)
        if target == "portfolio":
            form.addRow(self.tr("&Agreements"), self.filter_combo)
        else:
            self.filter_combo.hide()
        form.addRow(self.tr("&Language"), self.lang_combo)
        form.addRow(self.tr("&Format"), self.format_combo)
        form.addRow(self.tr("&Marking"), self.marking_combo)

        self.generate_button = QPushButton(self.tr("&Generate"), self)
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.status = QLabel(self.tr("Choose the options and press Generate."), self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))

        self.document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setDocument(self.document)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setMinimumHeight(420)

        self.save_button = QPushButton(self.tr("&Save As…"), self)
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setToolTip(self.tr("Open the file in the program your computer uses for it."))
        self.open_button.clicked.connect(self.open_file)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

        for combo in (self.type_combo, self.lang_combo, self.format_combo, self.filter_combo):
            combo.currentIndexChanged.connect(self._options_changed)
        self.marking_combo.currentTextChanged.connect(self._options_changed)
        self._set_ready(False)
        if self.type_combo.count() == 0:  # a record kind without briefings
            self.generate_button.setEnabled(False)
            self.status.setText(self.tr("There is no briefing for this kind of record."))

    # -- options -------------------------------------------------------------------

    def _usual_type(self) -> str:
        try:
            return briefing_type(self.ctx.database, BriefingRequest(self.target, self.target_id)).key
        except DomainError:
            return ""

    def request(self) -> BriefingRequest:
        marking = self.marking_combo.currentText().strip()
        statuses = tuple(self.filter_combo.currentData() or ())
        return BriefingRequest(
            target=self.target,
            target_id=self.target_id,
            lang=str(self.lang_combo.currentData()),
            format=str(self.format_combo.currentData()),
            classification=marking or None,
            key=str(self.type_combo.currentData()),
            author=briefing_author(self.ctx.paths),  # the date line's department, author and phone
            portfolio_filter=AgreementQuery(statuses=statuses)
            if self.target == "portfolio" and statuses
            else None,
        )

    def _options_changed(self) -> None:
        if self.generated is not None:
            self._set_ready(False)
            self.status.setText(self.tr("The options changed. Press Generate to make the briefing again."))

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.open_button.setEnabled(ready)

    # -- generating ----------------------------------------------------------------

    def generate(self) -> None:
        self.generate_button.setEnabled(False)
        self._set_ready(False)
        self.status.setText(self.tr("Preparing the briefing…"))
        self.ctx.runner.run(
            produce_briefing,
            self.ctx.database,
            self.request(),
            on_done=self._generated,
            on_error=self._failed,
            on_cancel=self._cancelled,
            title=self.tr("Preparing the briefing…"),
            parent=self,
        )

    def _generated(self, result: BriefingResult) -> None:
        self.generate_button.setEnabled(True)
        self.generated = result
        preview = self._temp / f"preview-{uuid.uuid4().hex}.pdf"
        preview.write_bytes(result.pdf)
        self.document.close()
        self.document.load(str(preview))
        pages = self.document.pageCount()
        self.status.setText(
            self.tr("Ready: {pages} page(s). Save it, or open it in another program.").format(pages=pages)
        )
        self._set_ready(True)

    def _failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.status.setText(str(exc))

    def _cancelled(self) -> None:
        self.generate_button.setEnabled(True)
        self.status.setText(self.tr("Cancelled. Nothing was saved."))

    # -- saving and opening --------------------------------------------------------

    def suggested_name(self) -> str:
        if self.generated is None:
            return suggested_filename(self.request())
        return suggested_filename(self.generated.request, self.generated.title)

    def ask_save_path(self) -> Path | None:
        assert self.generated is not None
        fmt = self.generated.request.format
        filters = {
            "pdf": self.tr("PDF documents (*.pdf)"),
            "docx": self.tr("Word documents (*.docx)"),
            "hwpx": self.tr("Hangul documents (*.hwpx)"),
        }[fmt]
        start = str(self.ctx.paths.documents / self.suggested_name())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save briefing"), start, filters)
        if not name:
            return None
        path = Path(name)
        suffix = f".{fmt}"
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def save_as(self) -> Path | None:
        if self.generated is None:
            return None
        path = self.ask_save_path()
        if path is None:
            return None
        return self.save_to(path)

    def save_to(self, path: Path) -> Path | None:
        assert self.generated is not None
        try:
            atomic_write_bytes(path, self.generated.data)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Briefing"),
                self.tr("The briefing could not be saved to {path}: {reason}").format(
                    path=str(path), reason=exc.strerror or str(exc)
                ),
            )
            return None
        self.status.setText(self.tr("Saved to {path}.").format(path=str(path)))
        return path

    def open_file(self) -> Path | None:
        """Open the file with the computer's own program: a new read-only copy each time.

        Its program (Acrobat, Word) may hold the previous copy open: it is not replaced.
        The copies are removed when the program ends, or at its next start.
        """
        if self.generated is None:
            return None
        try:
            path = write_copy(self.suggested_name(), self.generated.data)
        except OSError as exc:
            self.status.setText(str(exc))
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(
                self,
                self.tr("Briefing"),
                self.tr("No program is set up to open this file. Use Save As instead."),
            )
        return path

    def done(self, code: int) -> None:
        self.document.close()
        for preview in self._temp.glob("preview-*.pdf"):
            preview.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self._temp.rmdir()
        super().done(code)
