"""Start-up time and memory of the desktop program against a bare PySide6 window.

Both run in fresh subprocesses (``benchmarks.gui_driver``) on the offscreen Qt
platform, alternately, so they see the same machine; the time is from just before
the process is started to the first paint of its main window.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.harness import Context, NotAvailable, Result


def _available() -> None:
    try:
        import ui.app
        import ui.main_window  # noqa: F401
    except ImportError as exc:
        raise NotAvailable(f"the desktop program (ui.app) cannot be imported: {exc}") from exc


def _run(mode: str, ctx: Context, timeout: float = 600) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="pd-bench-gui-", dir=ctx.workdir) as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PARTNERSHIP_DESK_HOME": home}
        env.pop("PARTNERSHIP_DESK_DB", None)
        args = [sys.executable, "-m", "benchmarks.gui_driver", mode, "--db", str(ctx.db_path)]
        started = time.time()
        done = subprocess.run(
            args, env=env, capture_output=True, text=True, timeout=timeout, cwd=Path(__file__).parent.parent
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{mode} exited with {done.returncode}: {(done.stderr or done.stdout)[-400:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    if "error" in result:
        raise RuntimeError(f"{mode}: {result['error']}")
    result["seconds"] = result["painted"] - started
    return result


def startup(ctx: Context) -> Result:
    _available()
    _run("ours-startup", ctx)  # warm the file cache and byte-code for both
    _run("bare-startup", ctx)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(ctx.repeats):
        ours.append(_run("ours-startup", ctx)["seconds"])
        bare.append(_run("bare-startup", ctx)["seconds"])
    return Result("startup", 2.0, "s", statistics.median(ours), statistics.median(bare))


def memory(ctx: Context) -> Result:
    _available()
    ours = _run("ours-memory", ctx, timeout=1200)
    bare = _run("bare-memory", ctx)
    notes = {"rows": ours.get("rows"), "scroll_s": round(ours.get("scroll_s", 0.0), 1)}
    return Result("memory", 3.0, "MB", ours["peak_rss_mb"], bare["peak_rss_mb"], notes=notes)
