"""Crash reports: what escaped, written to the data folder, never shown raw."""

from __future__ import annotations

from app.crash import write_crash_report

__all__ = ["write_crash_report"]
