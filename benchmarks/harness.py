"""Results, side-by-side timing, the table and the JSON file."""

from __future__ import annotations

import json
import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class NotAvailable(Exception):
    """The feature a metric measures has not landed (or cannot run here)."""


@dataclass(frozen=True)
class Context:
    """What every metric gets: the data and the size of the run."""

    db_path: Path  # the generated database (read-only for metrics: copy before writing)
    scale: float
    quick: bool
    workdir: Path  # a temporary folder for this run

    @property
    def repeats(self) -> int:
        if self.scale < 0.01:  # a smoke test of the harness, not a measurement
            return 1
        return 3 if self.quick else 5


@dataclass(frozen=True)
class Result:
    name: str
    goal: float  # the ratio ours / baseline must be at most this
    unit: str
    value: float | None = None
    baseline: float | None = None
    reason: str = ""  # why there is no value
    absolute_goal: float | None = None  # an extra bound on the value itself (search)
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def met(self) -> bool | None:
        if self.ratio is None:
            return None
        absolute_ok = self.absolute_goal is None or (self.value or 0) <= self.absolute_goal
        return self.ratio <= self.goal and absolute_ok

    def as_json(self) -> dict[str, Any]:
        ratio = self.ratio
        return {
            "name": self.name,
            "value": self.value,
            "baseline": self.baseline,
            "ratio": None if ratio is None else round(ratio, 3),
            "goal": self.goal,
            "unit": self.unit,
            "absolute_goal": self.absolute_goal,
            "met": self.met,
            "status": "measured" if self.value is not None else f"not available: {self.reason}",
            "notes": self.notes,
        }


def compare(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    repeats: int,
    warmup: int = 1,
) -> tuple[float, float]:
    """Median seconds of ``ours`` and ``baseline``, run alternately so both see the same noise."""
    for _ in range(warmup):
        ours()
        baseline()
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(repeats):
        mine.append(timed(ours))
        theirs.append(timed(baseline))
    return statistics.median(mine), statistics.median(theirs)


def timed(func: Callable[[], object]) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    rank = max(0, math.ceil(pct / 100 * len(ordered)) - 1)
    return ordered[rank]


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.1f} s"
    return f"{value:.1f} {unit}"


def table(results: Sequence[Result]) -> str:
    header = ("metric", "ours", "baseline", "ratio", "goal", "met")
    rows: list[tuple[str, ...]] = []
    for r in results:
        if r.value is None:
            rows.append((r.name, f"not available: {r.reason}", "", "", f"≤ {r.goal:g}", ""))
            continue
        goal = f"≤ {r.goal:g}" + (f", < {_fmt(r.absolute_goal, r.unit)}" if r.absolute_goal else "")
        rows.append(
            (
                r.name,
                _fmt(r.value, r.unit),
                _fmt(r.baseline, r.unit),
                f"{r.ratio:.2f}" if r.ratio is not None else "-",
                goal,
                "yes" if r.met else "NO",
            )
        )
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)) for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown(results: Sequence[Result]) -> str:
    out = ["| metric | ours | baseline | ratio | goal | met |", "|---|---|---|---|---|---|"]
    for r in results:
        if r.value is None:
            out.append(f"| {r.name} | not available: {r.reason} | | | ≤ {r.goal:g} | |")
            continue
        goal = f"≤ {r.goal:g}" + (f", < {_fmt(r.absolute_goal, r.unit)}" if r.absolute_goal else "")
        out.append(
            f"| {r.name} | {_fmt(r.value, r.unit)} | {_fmt(r.baseline, r.unit)} | {r.ratio:.2f} | {goal} "
            f"| {'yes' if r.met else 'no'} |"
        )
    return "\n".join(out)


def write_json(path: Path, results: Sequence[Result], info: dict[str, Any]) -> None:
    doc = {"metrics": [r.as_json() for r in results], "run": info}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
