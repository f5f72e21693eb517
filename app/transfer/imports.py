"""One entry point for every import (the CLI and the import wizard): dispatch on kind and format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.progress import Progress
from app.transfer.agreements_import import import_agreements
from app.transfer.contacts_import import import_contacts
from app.transfer.ical import import_meetings
from app.transfer.organizations_import import import_organizations
from app.transfer.report import ImportOptions, ImportReport
from app.transfer.source import source_format

if TYPE_CHECKING:
    from app.db import Database


def run_import(
    db: Database, path: Path, options: ImportOptions, progress: Progress | None = None
) -> ImportReport:
    """Dispatch on kind and format: the one entry point for the CLI and the wizard."""

    fmt = source_format(path)
    kind = options.kind
    if fmt == "ics" or kind == "meetings":
        if fmt != "ics":
            raise ValidationError(
                "kind",
                "회의는 iCalendar(.ics) 파일에서 가져올 수 있습니다.",
                "Meetings are imported from iCalendar (.ics) files.",
            )
        return import_meetings(db, path, options, progress)
    if kind == "organizations":
        return import_organizations(db, path, options, progress)
    if kind == "contacts":
        return import_contacts(db, path, options, progress)
    if kind == "agreements":
        return import_agreements(db, path, options, progress)
    raise ValidationError("kind", f"가져올 수 없는 종류입니다: {kind}", f"Cannot import {kind}.")
