"""The record kinds' display names, kept light: the main window's side bar needs them at start."""

from __future__ import annotations

from ui.i18n import tr


def kind_names() -> dict[str, tuple[str, str]]:
    """(plural title, "new" label) of each list."""
    return {
        "agreement": (tr("Agreements"), tr("New agreement")),
        "organization": (tr("Organizations"), tr("New organization")),
        "contact": (tr("Contacts"), tr("New contact")),
        "meeting": (tr("Meetings"), tr("New meeting")),
        "commitment": (tr("Commitments"), tr("New commitment")),
    }
