"""The real command line in a child process whose computer is set to a given time zone (``TZ``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_in_zone(home: Path, tz: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``partnership-desk --home HOME ARGS`` with ``TZ=tz`` and a neutral locale, UTF-8 out."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERSHIP_DESK_")}
    env.update({"TZ": tz, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
    return subprocess.run(
        [sys.executable, "-m", "cli", "--home", str(home), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        # No timeout here (pytest-timeout stops a hang): waiting with one sleeps in a loop, which
        # fails under faketime (make test-dates) with EINVAL.
    )
