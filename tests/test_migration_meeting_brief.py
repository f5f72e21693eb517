"""Migration 0008 (the meeting's purpose, key issues and talking points) upgrades a database with data,
and the new texts travel in the JSON archive and the exchange file.

A meeting recorded before 0008 keeps its title, times, place and discussion text, and
reads with the six new texts empty; the new texts can then be written and read back.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from exchange_helpers import open_laptop
from sqlalchemy import text

from app.archive import export_archive, import_archive
from app.db import Database
from app.dto import MeetingInput
from app.exchange import export_bundle, import_bundle
from app.migrate import current_revision, head_revision, upgrade
from app.paths import AppPaths
from app.services import meetings
from app.services.opening import open_database

T = "2024-01-02 03:04:05.000006"
BEFORE = "0007"  # the revision 0008 follows (see its down_revision)


def _old_database(url: str | None, paths: AppPaths) -> uuid.UUID:
    ident = uuid.uuid4()
    old = open_database(url, paths=paths, migrate=False)
    try:
        upgrade(old, BEFORE)
        sqlite = old.engine.dialect.name == "sqlite"
        with old.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO meeting (id, created_at, updated_at, version, title, starts_at, ends_at,"
                    " place, online_url, summary) VALUES (:id, :t, :t, 1, :title, :t, NULL, :place, '', :summary)"
                ),
                {
                    "id": ident.hex if sqlite else str(ident),
                    "t": T,
                    "title": "실무협의회 (1차)",
                    "place": "세종청사 6동",
                    "summary": "첫 회의: 추진 체계 확정",
                },
            )
    finally:
        old.close()
    return ident


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_upgrade_keeps_meetings_and_adds_empty_brief_texts(
    kind: str, paths: AppPaths, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_url") if kind == "postgresql" else None
    ident = _old_database(url, paths)
    with open_database(url, paths=paths) as db:
        assert current_revision(db) == head_revision()
        record = meetings.get_meeting(db, ident)
        assert (record.title_ko, record.place_ko, record.summary_ko) == (
            "실무협의회 (1차)",
            "세종청사 6동",
            "첫 회의: 추진 체계 확정",
        )
        assert (record.purpose_ko, record.issues_en, record.talking_points_ko) == ("", "", "")

        data = MeetingInput(
            title_ko=record.title_ko,
            starts_at=record.starts_at,
            place_ko=record.place_ko,
            summary_ko=record.summary_ko,
        )
        data = replace(data, purpose_ko="배경", issues_en="Issue one\nIssue two", talking_points_ko="□ 입장")
        meetings.update_meeting(db, ident, data, record.version)
        again = meetings.get_meeting(db, ident)
        assert (again.purpose_ko, again.issues_en, again.talking_points_ko) == (
            "배경",
            "Issue one\nIssue two",
            "□ 입장",
        )
        assert again.summary_ko == "첫 회의: 추진 체계 확정"


def _brief_of_upcoming(db: Database) -> tuple[str, ...]:
    found = next(m for m in meetings.list_meetings(db) if "(4차)" in m.title_ko)
    r = meetings.get_meeting(db, found.id)
    return (r.purpose_ko, r.purpose_en, r.issues_ko, r.issues_en, r.talking_points_ko, r.talking_points_en)


def test_brief_texts_travel_in_the_archive_and_the_exchange_file(
    demo_sqlite: Database, tmp_path: Path
) -> None:
    texts = _brief_of_upcoming(demo_sqlite)
    assert all(texts)  # the demo fills all six
    export_archive(demo_sqlite, tmp_path / "a.json")
    restored = open_laptop(tmp_path, "restored")
    import_archive(restored, tmp_path / "a.json")
    assert _brief_of_upcoming(restored) == texts
    restored.close()
    export_bundle(demo_sqlite, tmp_path / "all.pdx")
    other = open_laptop(tmp_path, "other")
    import_bundle(other, tmp_path / "all.pdx")
    assert _brief_of_upcoming(other) == texts
    other.close()
