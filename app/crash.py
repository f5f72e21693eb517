"""Crash reports: written to the data folder when something escapes, never shown raw."""

from __future__ import annotations

import platform
import sys
import traceback
from pathlib import Path

from app import __version__, clock
from app.atomic import atomic_write_text
from app.paths import AppPaths


def write_crash_report(paths: AppPaths, exc: BaseException, context: str = "") -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
    path = paths.crash_reports / f"crash-{stamp}.txt"
    body = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    text = (
        f"Partnership Desk {__version__}\n"
        f"time: {clock.now().isoformat()}\n"
        f"python: {sys.version.split()[0]} on {platform.platform()}\n"
        f"context: {context}\n\n{body}"
    )
    atomic_write_text(path, text)
    return path
