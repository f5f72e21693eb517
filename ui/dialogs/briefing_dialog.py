"""Briefing: pick type, language, format and marking; generate in the background; preview, save, open.

The document is built once; the preview always shows it as PDF (QtPdf), and a Word
file is rendered from the same document when Word is the chosen format.

Before the document is made the dialog lists the texts the briefing will print in the
other language, tagged [KO]/[EN], because the record has none in the briefing's
language (``reports.missing_translations``, read through the runner whenever the type or
the language changes); each opens its record in the main window. The markings are
offered in the briefing's language (대외비 in Korean, RESTRICTED in English).
"""

from __future__ import annotations

import contextlib
import html
import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import AgreementQuery, MissingTranslation, Shown, shown
from app.enums import AgreementStatus
from app.errors import DomainError
from app.services.agreements import get_agreement
from app.services.installation import atomic_write_bytes
from app.services.meetings import get_meeting
from app.services.opened_files import write_copy
from app.services.opening import Database
from app.services.organizations import get_organization
from app.services.settings import briefing_author
from reports import (
    MARKINGS,
    BriefingRequest,
    BriefingResult,
    briefing_type,
    marking_in,
    missing_translations,
    produce_briefing,
    suggested_filename,
)
from reports.templates import types_for
from ui.context import UiContext
from ui.widgets.marked import marked_html

MISSING_ROLE = Qt.ItemDataRole.UserRole


def markings(lang: str) -> list[str]:
    """The markings offered for a briefing in ``lang``: 대외비, 내부용 ... or RESTRICTED, INTERNAL ..."""
    out: list[str] = []
    for known in MARKINGS:
        text = known.text(lang)
        if text and text not in out:
            out.append(text)
    return out


def record_name(db: Database, target: str, ident: uuid.UUID | None) -> tuple[str, str] | None:
    """The Korean and English name of the briefing's record (None for the portfolio)."""
    if ident is None:
        return None
    if target == "agreement":
        a = get_agreement(db, ident)
        return a.title_ko, a.title_en
    if target == "organization":
        o = get_organization(db, ident)
        return o.name_ko, o.name_en
    if target == "meeting":
        m = get_meeting(db, ident)
        return m.title_ko, m.title_en
    return None


class BriefingDialog(QDialog):
    open_record = Signal(str, object)  # a record whose text is missing in the briefing's language

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
        self._temp: Path | None = None  # the previews' folder, made with the first preview
        self.subject = subject
        self.setWindowTitle(self.tr("Briefing") + (f" — {subject}" if subject else ""))
        # As tall as the screen allows (at 1024x700 the buttons stay on screen; the preview shrinks).
        screen = (parent.screen() if parent is not None else None) or self.screen()
        room = screen.availableGeometry().height() - 60 if screen is not None else 780
        self.resize(960, max(480, min(780, room)))

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
        self._fill_markings(self.briefing_lang())
        editor = self.marking_combo.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("None"))
            editor.setMaxLength(60)
        self.marking_combo.setAccessibleName(self.tr("Marking"))
        self.marking_combo.setToolTip(
            self.tr(
                "Printed on every page in the briefing's language: 대외비 in Korean, RESTRICTED in English."
            )
        )

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
        self.what = kinds.get(str(target), str(target))
        self.subject_label = QLabel(self)
        self.subject_label.setTextFormat(Qt.TextFormat.RichText)
        self._show_subject(Shown(subject, ctx.language) if subject else None)
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

        # What the briefing will print in the other language, each with its record to open.
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("missing_translations_label")
        self.missing_label.setWordWrap(True)
        self.missing = QTreeWidget(self)
        self.missing.setObjectName("missing_translations")
        self.missing.setAccessibleName(self.tr("Texts missing in the briefing's language"))
        self.missing.setRootIsDecorated(False)
        self.missing.setHeaderLabels([self.tr("Record"), self.tr("Missing"), self.tr("Printed instead")])
        self.missing.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.missing.setMaximumHeight(130)
        header = self.missing.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.missing.setColumnWidth(0, 260)
        self.missing.setColumnWidth(1, 200)
        self.missing.itemActivated.connect(lambda item, _col: self._open_missing(item))
        self.missing.currentItemChanged.connect(lambda *_a: self._missing_selection())
        self.open_record_button = QPushButton(self.tr("Open &record"), self)
        self.open_record_button.setToolTip(
            self.tr(
                "Open the record to add the missing text (this dialog closes; make the briefing again after)."
            )
        )
        self.open_record_button.clicked.connect(lambda: self._open_missing(self.missing.currentItem()))
        self.open_record_button.setEnabled(False)
        self.missing_items: tuple[MissingTranslation, ...] = ()
        self._missing_gen = 0
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.missing_label, 1)
        missing_row.addWidget(self.open_record_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.missing_box = QWidget(self)
        missing_layout = QVBoxLayout(self.missing_box)
        missing_layout.setContentsMargins(0, 0, 0, 0)
        missing_layout.addLayout(missing_row)
        missing_layout.addWidget(self.missing)
        self.missing_box.hide()

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
        self.preview.setMinimumHeight(200)

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
        layout.addWidget(self.missing_box)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)

        for combo in (self.type_combo, self.lang_combo, self.format_combo, self.filter_combo):
            combo.currentIndexChanged.connect(self._options_changed)
        self.lang_combo.currentIndexChanged.connect(self._language_changed)
        for combo in (self.type_combo, self.lang_combo, self.filter_combo):  # what the document holds
            combo.currentIndexChanged.connect(self.check_missing)
        self.marking_combo.currentTextChanged.connect(self._options_changed)
        self._set_ready(False)
        if self.type_combo.count() == 0:  # a record kind without briefings
            self.generate_button.setEnabled(False)
            self.status.setText(self.tr("There is no briefing for this kind of record."))
        else:
            self.ctx.runner.run(
                record_name, ctx.database, target, target_id, on_done=self._named, on_error=lambda _e: None
            )
            self.check_missing()

    # -- the record and what is missing ------------------------------------------------

    def _named(self, names: tuple[str, str] | None) -> None:
        if names is not None and any(names):
            self._show_subject(shown(names[0], names[1], self.ctx.language))

    def _show_subject(self, subject: Shown | None) -> None:
        """ "Agreement: <its title>" in the UI's language, the other language's title marked."""
        what = html.escape(self.what)
        self.subject_label.setText(f"{what}: {marked_html(subject)}" if subject and subject.text else what)
        title = self.tr("Briefing")
        self.setWindowTitle(f"{title} — {subject.text}" if subject and subject.text else title)

    def briefing_lang(self) -> str:
        return str(self.lang_combo.currentData() or "ko")

    def check_missing(self) -> None:
        """Read (through the runner) which texts the briefing would print in the other language."""
        if self.type_combo.count() == 0:
            return
        self._missing_gen += 1
        gen = self._missing_gen
        self.ctx.runner.run(
            missing_translations,
            self.ctx.database,
            self.request(),
            on_done=lambda found: self._show_missing(gen, found),
            on_error=lambda _exc: self._show_missing(gen, ()),  # Generate says what is wrong
        )

    def _show_missing(self, gen: int, found: tuple[MissingTranslation, ...]) -> None:
        if gen != self._missing_gen:  # the options changed meanwhile: a newer read follows
            return
        self.missing_items = tuple(found)
        self.missing.clear()
        lang = self.ctx.language
        for entry in self.missing_items:
            record = entry.record_en if lang == "en" else entry.record_ko
            field = entry.field_en if lang == "en" else entry.field_ko
            item = QTreeWidgetItem([record, field, " ".join(entry.text.split())])
            item.setToolTip(0, record)
            item.setToolTip(2, entry.text)
            item.setData(0, MISSING_ROLE, (entry.kind, entry.id))
            self.missing.addTopLevelItem(item)
        n = len(self.missing_items)
        if n:
            other_tag = "[KO]" if self.briefing_lang() == "en" else "[EN]"
            text = (
                self.tr(
                    "{n} text(s) have no English yet: the briefing prints them in Korean, tagged {tag}. "
                    "Open a record to add its translation, or make the briefing as it is."
                )
                if self.briefing_lang() == "en"
                else self.tr(
                    "{n} text(s) have no Korean yet: the briefing prints them in English, tagged {tag}. "
                    "Open a record to add its translation, or make the briefing as it is."
                )
            )
            self.missing_label.setText(text.format(n=n, tag=other_tag))
            first = self.missing.topLevelItem(0)
            if first is not None:
                self.missing.setCurrentItem(first)
        self.missing_box.setVisible(n > 0)
        self._missing_selection()

    def _missing_selection(self) -> None:
        item = self.missing.currentItem()
        self.open_record_button.setEnabled(item is not None and item.data(0, MISSING_ROLE) is not None)

    def _open_missing(self, item: QTreeWidgetItem | None) -> None:
        """Open the record of a missing text in the main window (the dialog closes to let it be edited)."""
        target = item.data(0, MISSING_ROLE) if item is not None else None
        if not target:
            return
        kind, ident = target
        self.reject()  # first: the record opens in the main window, not behind a modal dialog
        self.open_record.emit(str(kind), ident)

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

    def _fill_markings(self, lang: str) -> None:
        """The markings in ``lang``; the one chosen (or typed) stays, in ``lang`` when it is a known one."""
        current = self.marking_combo.currentText().strip() if self.marking_combo.count() else ""
        self.marking_combo.blockSignals(True)
        self.marking_combo.clear()
        self.marking_combo.addItem("")
        self.marking_combo.addItems(markings(lang))
        self.marking_combo.setEditText(marking_in(current, lang) or "")
        self.marking_combo.blockSignals(False)

    def _language_changed(self) -> None:
        self._fill_markings(self.briefing_lang())

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
        if self._temp is None:
            self._temp = Path(tempfile.mkdtemp(prefix="partnership-desk-briefing-"))
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
        if self._temp is not None:
            for preview in self._temp.glob("preview-*.pdf"):
                preview.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                self._temp.rmdir()
            self._temp = None
        super().done(code)
