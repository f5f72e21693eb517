"""The benchmark harness runs end to end on a tiny database, and the generator is reproducible."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.text import has_hangul
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


def test_generated_records_carry_both_languages_and_meetings_their_zone(tmp_path: Path) -> None:
    path = tmp_path / "gen.db"
    generate.generate(path, seed=5, scale=TINY)
    conn = sqlite3.connect(path)
    try:
        summaries = conn.execute(
            "SELECT summary_ko, summary_en FROM agreement WHERE reference_no LIKE 'GEN-%'"
        )
        for ko, en in summaries:
            assert has_hangul(ko) and en and not has_hangul(en) and "\n\n" not in ko + en
        positions = conn.execute("SELECT title_ko, title_en, department_en FROM membership").fetchall()
        assert all(ko and en and not has_hangul(en) for ko, en, _ in positions)
        assert any(dept for *_, dept in positions)
        meetings = conn.execute(
            "SELECT title_ko, title_en, starts_at, time_zone, place_en FROM meeting WHERE id NOT IN"
            " (SELECT entity_id FROM audit_event)"  # the generated ones, not the demo's
        ).fetchall()
        zones = {zone for *_, zone, _ in meetings}
        assert "Asia/Seoul" in zones and len(zones) > 1  # some held abroad
        for title_ko, title_en, starts_at, zone, place_en in meetings:
            assert has_hangul(title_ko) and title_en and not has_hangul(title_en + place_en)
            local = datetime.fromisoformat(starts_at).replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
            assert 9 <= local.hour <= 16 and local.minute == 0, (starts_at, zone)  # office hours there
        titles = conn.execute("SELECT title_ko, title_en FROM action_item").fetchall()
        untranslated = sum(1 for _, en in titles if not en)
        assert 0 < untranslated < len(titles) / 2 and all(ko for ko, _ in titles)
    finally:
        conn.close()


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
