"""Moving records in and out in the formats people already use.

Import: CSV and XLSX (Korean or English headers, Outlook and Google Contacts
layouts), vCard 2.1/3.0/4.0 and iCalendar; export: CSV, XLSX, vCard 3.0 and
iCalendar. Everything here is Qt-free; long work takes a ``Progress``.
"""

from __future__ import annotations

import importlib
from typing import Any

# Public entry points, loaded on first use so that importing the package stays cheap.
_LAZY = {
    "import_contacts": "app.transfer.contacts_import",
    "import_organizations": "app.transfer.organizations_import",
    "import_agreements": "app.transfer.agreements_import",
    "import_meetings": "app.transfer.ical",
    "run_import": "app.transfer.imports",
    "export_list": "app.transfer.export",
    "ImportOptions": "app.transfer.report",
    "ImportReport": "app.transfer.report",
    "RowProblem": "app.transfer.report",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'app.transfer' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
