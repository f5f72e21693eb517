"""Opening the dialogs that several windows offer: briefing, export, import, exchange, backups."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from PySide6.QtWidgets import QWidget

from ui.context import UiContext
from ui.dialogs.backups_dialog import BackupsDialog
from ui.dialogs.briefing_dialog import BriefingDialog
from ui.dialogs.exchange_dialog import ExchangeDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.models.lazy import ListQuery


def open_briefing(
    ctx: UiContext, target: str, target_id: UUID | None, parent: QWidget | None, subject: str = ""
) -> None:
    """``subject``: the record's title, which the dialog names. A record the dialog lists for a
    missing translation opens in the main window (``open_record``), as a search result does."""
    dialog = BriefingDialog(ctx, target, target_id, parent, subject)
    window = parent.window() if parent is not None else None
    opener = getattr(window, "open_record", None)  # the main window's (no import of it here: a circle)
    if callable(opener):
        dialog.open_record.connect(opener)
    dialog.exec()


def open_export(ctx: UiContext, kind: str, query: ListQuery | None, parent: QWidget | None) -> None:
    ExportDialog(ctx, kind, query, parent).exec()


def open_import(ctx: UiContext, parent: QWidget | None) -> None:
    ImportWizard(ctx, parent).exec()


def open_exchange(ctx: UiContext, parent: QWidget | None, import_file: Path | None = None) -> None:
    """The exchange dialog; with ``import_file`` (an exchange file opened from Explorer) ready to import it."""
    dialog = ExchangeDialog(ctx, parent)
    if import_file is not None:
        dialog.import_path.setText(str(import_file))
    dialog.exec()


def open_backups(ctx: UiContext, parent: QWidget | None) -> None:
    BackupsDialog(ctx, parent).exec()
