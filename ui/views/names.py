"""The record kinds' display names, kept light: the main window's side bar needs them at start."""

from __future__ import annotations

from app.enums import RecordKind
from ui.i18n import tr


def kind_names() -> dict[RecordKind, tuple[str, str]]:
    """(plural title, "new" label) of each list, in the side bar's order."""
    return {
        RecordKind.AGREEMENT: (tr("Agreements"), tr("New agreement")),
        RecordKind.ORGANIZATION: (tr("Organizations"), tr("New organization")),
        RecordKind.CONTACT: (tr("Contacts"), tr("New contact")),
        RecordKind.MEETING: (tr("Meetings"), tr("New meeting")),
        RecordKind.COMMITMENT: (tr("Commitments"), tr("New commitment")),
    }
