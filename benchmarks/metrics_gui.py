"""Start-up time and memory of the desktop program against a bare PySide6 window."""

from __future__ import annotations

from benchmarks.harness import Context, NotAvailable, Result


def startup(ctx: Context) -> Result:
    raise NotAvailable("ui.app.run_gui has not landed")


def memory(ctx: Context) -> Result:
    raise NotAvailable("ui.app.run_gui has not landed")
