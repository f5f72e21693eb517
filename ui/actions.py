"""Opening the dialogs that other modules provide, imported only when asked for."""

from __future__ import annotations

import importlib
from typing import Any
from uuid import UUID

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.context import UiContext
from ui.i18n import tr


def _load(module: str, name: str, parent: QWidget | None) -> Any | None:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        QMessageBox.information(
            parent,
            tr("Not available"),
            tr("This part of Partnership Desk is not installed in this version."),
        )
        return None


def _show(dialog: Any) -> None:
    if hasattr(dialog, "exec"):
        dialog.exec()
    else:
        dialog.show()


def open_briefing(ctx: UiContext, kind: str, target_id: UUID | None, parent: QWidget | None) -> None:
    cls = _load("ui.dialogs.briefing_dialog", "BriefingDialog", parent)
    if cls is not None:
        _show(cls(ctx, kind, target_id, parent))


def open_export(ctx: UiContext, kind: str, query: Any, parent: QWidget | None) -> None:
    cls = _load("ui.dialogs.export_dialog", "ExportDialog", parent)
    if cls is not None:
        _show(cls(ctx, kind, query, parent))


def open_import(ctx: UiContext, parent: QWidget | None) -> bool:
    cls = _load("ui.dialogs.import_wizard", "ImportWizard", parent)
    if cls is None:
        return False
    _show(cls(ctx, parent))
    return True


def open_exchange(ctx: UiContext, parent: QWidget | None) -> None:
    cls = _load("ui.dialogs.exchange_dialog", "ExchangeDialog", parent)
    if cls is not None:
        _show(cls(ctx, parent))


def open_backups(ctx: UiContext, parent: QWidget | None) -> None:
    cls = _load("ui.dialogs.backups_dialog", "BackupsDialog", parent)
    if cls is not None:
        _show(cls(ctx, parent))


def conflicts_view(ctx: UiContext, parent: QWidget | None) -> QWidget | None:
    try:
        module = importlib.import_module("ui.views.conflicts_view")
    except ImportError:
        return None
    widget: QWidget = module.ConflictsView(ctx, parent)
    return widget
