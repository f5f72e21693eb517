"""Contact import and exchange bundles against raw inserts and json."""

from __future__ import annotations

from benchmarks.harness import Context, NotAvailable, Result


def import_contacts(ctx: Context) -> Result:
    raise NotAvailable("app.transfer.import_contacts has not landed")


def exchange(ctx: Context) -> Result:
    raise NotAvailable("app.exchange has not landed")
