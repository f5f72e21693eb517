"""Run a child process until it prints its line ("paused"/"finished ..."), then SIGKILL it there."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINE_TIMEOUT_S = 60.0  # only to fail a hung child; no kill point depends on time


def kill_when_it_says(args: list[str], log: Path, wanted: str) -> str:
    """Start ``python ARGS``, wait for its first stdout line, SIGKILL it; the line (must start ``wanted``)."""
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,  # kept open: the paused child blocks reading it
            stdout=subprocess.PIPE,
            stderr=err,
            bufsize=0,
        )
    try:
        line = _read_line(proc, log)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                pipe.close()
    if line.split()[:1] != [wanted]:
        pytest.fail(f"expected '{wanted}', got {line!r}; stderr:\n{log.read_text(errors='replace')}")
    return line


def _read_line(proc: subprocess.Popen[bytes], log: Path) -> str:
    assert proc.stdout is not None
    fd, data = proc.stdout.fileno(), b""
    deadline = time.monotonic() + LINE_TIMEOUT_S
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            chunk = os.read(fd, 4096) if left > 0 and selector.select(left) else None
            if not chunk:  # None: timed out; b"": the child exited without its line
                why = "said nothing" if chunk is None else "exited"
                pytest.fail(f"the child {why} (so far {data!r}); stderr:\n{log.read_text(errors='replace')}")
            data += chunk
    return data.decode().strip()
