"""``python -m benchmarks [--quick] [--json FILE]``: every metric against its bare-library baseline.

Each metric runs ours and the baseline in the same process run (alternately where
they share a process), so a noisy machine affects both; the ratio ours / baseline
is what is judged. A metric whose feature has not landed is reported as
"not available" with the reason, never with a made-up number.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import generate
from benchmarks.harness import Context, NotAvailable, Result, markdown, table, write_json

GOALS: dict[str, tuple[float, str]] = {
    "startup": (2.0, "s"),
    "list_open": (5.0, "s"),
    "search": (2.0, "s"),
    "briefing_pdf": (1.5, "s"),
    "portfolio_pdf": (1.5, "s"),
    "import_contacts": (3.0, "s"),
    "exchange": (5.0, "s"),
    "memory": (3.0, "MB"),
}


def metrics() -> dict[str, Callable[[Context], Result]]:
    from benchmarks import metrics_data, metrics_gui, metrics_reports, metrics_transfer

    return {
        "startup": metrics_gui.startup,
        "list_open": metrics_data.list_open,
        "search": metrics_data.search,
        "briefing_pdf": metrics_reports.briefing_pdf,
        "portfolio_pdf": metrics_reports.portfolio_pdf,
        "import_contacts": metrics_transfer.import_contacts,
        "exchange": metrics_transfer.exchange,
        "memory": metrics_gui.memory,
    }


def run_metric(name: str, func: Callable[[Context], Result], ctx: Context) -> Result:
    goal, unit = GOALS[name]
    try:
        return func(ctx)
    except NotAvailable as exc:
        return Result(name, goal, unit, reason=str(exc))
    except Exception as exc:  # one broken feature must not stop the other measurements
        traceback.print_exc(file=sys.stderr)
        return Result(name, goal, unit, reason=f"failed: {type(exc).__name__}: {str(exc)[:200]}")


def machine() -> dict[str, str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one tenth of the data (under a minute)")
    parser.add_argument("--scale", type=float, help="data scale (default 1.0, or 0.1 with --quick)")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--cache", type=Path, default=generate.CACHE_DIR, help="generated databases (kept)")
    parser.add_argument(
        "--only", action="append", choices=sorted(GOALS), help="run only this metric (repeatable)"
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown too")
    args = parser.parse_args(argv)
    scale = args.scale if args.scale is not None else (0.1 if args.quick else 1.0)
    quick = args.quick or scale < 1.0

    started = time.perf_counter()
    db_path = generate.ensure_database(args.seed, scale, args.cache)
    prepared = time.perf_counter() - started
    print(f"data: {db_path.name} (scale {scale:g}, ready in {prepared:.1f} s)", file=sys.stderr)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="pd-bench-") as work:
        ctx = Context(db_path=db_path, scale=scale, quick=quick, workdir=Path(work))
        for name, func in metrics().items():
            if args.only and name not in args.only:
                continue
            t0 = time.perf_counter()
            result = run_metric(name, func, ctx)
            print(f"  {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            results.append(result)
    print(table(results))
    if args.markdown:
        print()
        print(markdown(results))
    info = {
        **machine(),
        "scale": f"{scale:g}",
        "seed": str(args.seed),
        "seconds": f"{time.perf_counter() - started:.0f}",
    }
    if args.json:
        write_json(args.json, results, info)
    return 0


if __name__ == "__main__":
    sys.exit(main())
