"""A PDF attachment shown inside the program (QtPdf), in its own window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget


class PdfWindow(QDialog):
    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument  # lazy: Qt's PDF libraries load with the first PDF shown
        from PySide6.QtPdfWidgets import QPdfView

        self.setWindowTitle(title)
        self.resize(820, 1000)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setAccessibleName(title)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def show_pdf(parent: QWidget, path: Path, title: str) -> PdfWindow:
    window = PdfWindow(path, title, parent)
    window.show()
    return window
