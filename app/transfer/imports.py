"""One entry point for every import (the CLI and the import wizard): dispatch on kind and format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.progress import Progress
from app.transfer.report import ImportOptions, ImportReport

if TYPE_CHECKING:
    from app.db import Database


def run_import(
    db: Database, path: Path, options: ImportOptions, progress: Progress | None = None
) -> ImportReport:
    """Dispatch on kind and format: the one entry point for the CLI and the wizard."""
    from app.transfer.source import source_format

    fmt = source_format(path)
    kind = options.kind
    if fmt == "ics" or kind == "meetings":
        from app.transfer.ical import import_meetings

        if fmt != "ics":
            raise ValidationError(
                "kind",
                "회의는 iCalendar(.ics) 파일에서 가져올 수 있습니다.",
                "Meetings are imported from iCalendar (.ics) files.",
            )
        return import_meetings(db, path, options, progress)
    if kind == "organizations":
        from app.transfer.organizations_import import import_organizations

        return import_organizations(db, path, options, progress)
    if kind == "contacts":
        from app.transfer.contacts_import import import_contacts

        return import_contacts(db, path, options, progress)
    if kind == "agreements":
        from app.transfer.agreements_import import import_agreements

        return import_agreements(db, path, options, progress)
    raise ValidationError("kind", f"가져올 수 없는 종류입니다: {kind}", f"Cannot import {kind}.")
