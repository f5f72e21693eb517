"""Moving records in and out in the formats people already use.

Import: CSV and XLSX (Korean or English headers, Outlook and Google Contacts
layouts), vCard 2.1/3.0/4.0 and iCalendar; export: CSV, XLSX, vCard 3.0 and
iCalendar. Everything here is Qt-free; long work takes a ``Progress``.

The entry points: ``app.transfer.imports.run_import`` and ``app.transfer.export.export_list``;
options and results in ``app.transfer.report``.
"""
