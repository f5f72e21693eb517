"""Run the real command line in a child process and measure what it cost: seconds and peak memory.

``run_bounded(args, home=...)`` runs the command-line entry point in a fresh Python process,
which reports its own peak resident memory (``getrusage``) when the command ends; the parent
stops a runaway child after a generous timeout, so a hostile file that makes the program work
without end fails the test instead of hanging it. POSIX only (``resource``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT_S = 10.0
MEMORY_LIMIT_MB = 500.0

CHILD = """
import json, resource, sys
from cli import main
try:
    code = main(json.loads(sys.argv[1]))
finally:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(sys.argv[2], "w") as f:
        f.write(str(peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024))
sys.exit(code)
"""


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    def assert_bounded(self) -> None:
        assert self.seconds < TIME_LIMIT_S, f"took {self.seconds:.1f} s: {self.stderr[-300:]}"
        assert self.peak_mb < MEMORY_LIMIT_MB, f"peak memory {self.peak_mb:.0f} MB"

    def assert_clear_refusal(self, *words: str) -> None:
        """Refused with a one-line message (exit 1 or 2, not 70 'unexpected error'), within the limits."""
        self.assert_bounded()
        assert self.code in (1, 2), (self.code, self.stderr[-500:])
        assert "Traceback" not in self.stderr
        for word in words:
            assert word in self.stderr, self.stderr


def run_bounded(args: list[str], *, home: Path, timeout_s: float = TIME_LIMIT_S * 3) -> Outcome:
    env = dict(os.environ, PARTNERSHIP_DESK_HOME=str(home), PYTHONPATH=str(ROOT), PYTHONUTF8="1")
    peak_file = home.parent / f".{home.name}.peak"
    peak_file.unlink(missing_ok=True)
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, json.dumps(["--lang", "en", *args]), str(peak_file)],
            capture_output=True,
            env=env,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        stderr = (exc.stderr or b"").decode("utf-8", "replace")
        return Outcome(-9, "", stderr, time.monotonic() - start, 0.0)
    seconds = time.monotonic() - start
    peak = float(peak_file.read_text()) if peak_file.exists() else float("inf")
    return Outcome(
        code=done.returncode,
        stdout=done.stdout.decode("utf-8", "replace"),
        stderr=done.stderr.decode("utf-8", "replace"),
        seconds=seconds,
        peak_mb=peak,
    )
