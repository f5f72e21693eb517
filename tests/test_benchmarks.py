"""The benchmark harness runs end to end on a tiny database, and the generator is reproducible."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import generate
from benchmarks.__main__ import GOALS, main

TINY = 0.0002  # the generator's minimum sizes: a few dozen agreements


def test_the_generator_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    first, again, other = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    generate.generate(first, seed=5, scale=TINY)
    generate.generate(again, seed=5, scale=TINY)
    generate.generate(other, seed=6, scale=TINY)
    assert generate.content_digest(first) == generate.content_digest(again)
    assert generate.content_digest(first) != generate.content_digest(other)
    counts = generate.row_counts(first)
    assert counts["agreement"] >= 20 and counts["party"] >= 2 * 20 and counts["meeting"] >= 40


def test_the_cache_is_keyed_by_seed_scale_and_schema(tmp_path: Path) -> None:
    path = generate.ensure_database(5, TINY, tmp_path, log=False)
    assert path.exists() and f"r{generate.schema_head()}" in path.name
    assert generate.ensure_database(5, TINY, tmp_path, log=False) == path
    assert generate.cache_path(6, TINY, tmp_path) != path


def test_the_harness_writes_every_metric(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    assert main(["--scale", "0.002", "--json", str(out), "--cache", str(tmp_path / "cache")]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    metrics = {m["name"]: m for m in doc["metrics"]}
    assert set(metrics) == set(GOALS)
    for m in metrics.values():
        assert {"name", "value", "baseline", "ratio", "goal", "unit"} <= set(m)
        if m["value"] is None:
            assert m["status"].startswith("not available: ")
        else:
            assert m["baseline"] > 0 and m["ratio"] == pytest.approx(m["value"] / m["baseline"], rel=1e-2)
    table = capsys.readouterr().out
    assert all(name in table for name in GOALS)
