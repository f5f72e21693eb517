"""Migration 0011 (every text a person reads in Korean and English; a meeting's time zone)
upgrades a database with data, on SQLite and PostgreSQL, and loses nothing.

A value recorded in one field moves to the Korean column, or to the English one when it
is Latin-script only; a text with a Korean and an English paragraph (an agreement summary
written in both languages) is split by paragraph. Meetings recorded before it are in
Seoul. The downgrade joins the two languages again, and upgrading once more splits them
the same way.
"""

from __future__ import annotations

import importlib.util
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Boolean, Date, Integer, inspect, text
from sqlalchemy.types import DateTime, String

from app.db import Database
from app.dto import ContactQuery
from app.migrate import alembic_config, current_revision, head_revision, upgrade
from app.paths import AppPaths
from app.services import agreements, contacts, history, meetings, search
from app.services.opening import open_database
from app.text import split_by_script

MIGRATION = (
    Path(__file__).resolve().parent.parent / "app/migrations/versions/0011_bilingual_texts_meeting_zone.py"
)
T = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
SUMMARY = (
    "첨단 패키징 기술개발을 위한 협력 협약.\n\nA cooperation agreement on advanced packaging.\n\n2023. 8. 29."
)
IDS = {name: uuid.uuid4() for name in ("org", "person", "member", "member2", "agr", "party", "meet", "meet2")}
IDS |= {name: uuid.uuid4() for name in ("guest", "agenda", "decision", "action", "commitment", "amendment")}
IDS["event"] = uuid.uuid4()


def _migration() -> Any:
    spec = importlib.util.spec_from_file_location("migration_0011", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _insert(conn: Any, table_name: str, **values: Any) -> None:
    """A row as the previous revision stored it: every NOT NULL column the test does not set gets
    a neutral value of its type, so the test names only what it checks."""
    sqlite = conn.dialect.name == "sqlite"
    values = {k: (v.hex if sqlite else str(v)) if isinstance(v, uuid.UUID) else v for k, v in values.items()}
    row: dict[str, Any] = {}
    for column in inspect(conn).get_columns(table_name):  # columns only: no index reflection
        name, kind = column["name"], column["type"]
        if name in values:
            row[name] = values[name]
        elif column["nullable"] or name == "id":
            continue
        elif isinstance(kind, Boolean):
            row[name] = True
        elif isinstance(kind, Integer):
            row[name] = 1
        elif isinstance(kind, DateTime):
            row[name] = T.replace(tzinfo=None)
        elif isinstance(kind, Date):
            row[name] = T.date()
        elif isinstance(kind, String):
            row[name] = ""
    names = ", ".join(row)
    conn.execute(text(f"INSERT INTO {table_name} ({names}) VALUES ({', '.join(':' + n for n in row)})"), row)


def _old_database(url: str | None, paths: AppPaths) -> None:
    old = open_database(url, paths=paths, migrate=False)
    try:
        upgrade(old, _migration().down_revision)
        with old.engine.begin() as conn:
            _insert(
                conn,
                "organization",
                id=IDS["org"],
                name_ko="산업통상자원부",
                name_en="MOTIE",
                org_kind="ministry",
            )
            _insert(conn, "contact", id=IDS["person"], name_ko="한지윤", name_en="Jiyoon Han")
            _insert(
                conn, "membership", id=IDS["member"], contact_id=IDS["person"], organization_id=IDS["org"],
                title="과장", department="반도체과",
            )  # fmt: skip
            _insert(
                conn, "membership", id=IDS["member2"], contact_id=IDS["person"], organization_id=IDS["org"],
                title="Director", department="Semiconductor Division", deleted_at=T.replace(tzinfo=None),
            )  # fmt: skip
            _insert(
                conn, "agreement", id=IDS["agr"], title_ko="첨단 패키징 협약", place="엘타워, 서울",
                summary=SUMMARY, agreement_kind="mou", status="signed", confidentiality="internal",
            )  # fmt: skip
            _insert(
                conn, "party", id=IDS["party"], agreement_id=IDS["agr"], organization_id=IDS["org"],
                role="lead", signatory_name="Jiyoon Han", signatory_title="과장",
            )  # fmt: skip
            _insert(
                conn, "amendment", id=IDS["amendment"], agreement_id=IDS["agr"], title="1차 변경", summary=""
            )
            _insert(
                conn, "commitment", id=IDS["commitment"], agreement_id=IDS["agr"],
                title="Joint R&D with US research centres", description="", status="planned",
            )  # fmt: skip
            _insert(
                conn, "meeting", id=IDS["meet"], title="실무협의회 (1차)", place="세종청사 6동",
                summary="첫 회의: 추진 체계 확정", starts_at=T.replace(tzinfo=None),
            )  # fmt: skip
            _insert(
                conn, "meeting", id=IDS["meet2"], title="Packaging workshop", place="Albany, NY", summary=""
            )
            _insert(
                conn, "attendee", id=IDS["guest"], meeting_id=IDS["meet"], guest_name="Alex Morgan",
                guest_organization="Example Research Center", title="Program Manager",
            )  # fmt: skip
            _insert(
                conn,
                "agenda_item",
                id=IDS["agenda"],
                meeting_id=IDS["meet"],
                title="추진 체계",
                discussion="",
            )
            _insert(
                conn, "decision", id=IDS["decision"], meeting_id=IDS["meet"], text="분기별 점검 회의 개최"
            )
            _insert(
                conn,
                "action_item",
                id=IDS["action"],
                meeting_id=IDS["meet"],
                title="Send the survey",
                status="open",
            )
            # An edit of the meeting's one-language title, in its history.
            _insert(
                conn,
                "audit_event",
                id=IDS["event"],
                entity_kind="meeting",
                entity_id=IDS["meet"],
                action="update",
                version=2,
                actor="정수빈",
                changes=json.dumps(
                    {"title": ["실무협의회", "실무협의회 (1차)"], "place": ["", "세종청사 6동"]}
                ),
            )
            # The previous revision's index of these records (one document stands for it).
            ident = IDS["meet"].hex if conn.dialect.name == "sqlite" else str(IDS["meet"])
            conn.execute(
                text(
                    "INSERT INTO search_document (record_id, kind, parent_kind, title, heading, body,"
                    " folded_heading, folded_body) VALUES (:r, 'meeting', '', :t, :t, '', :t, '')"
                ),
                {"r": ident, "t": "실무협의회 (1차)"},
            )
    finally:
        old.close()


def _assert_split(db: Database) -> None:
    record = agreements.get_agreement(db, IDS["agr"])
    assert (record.place_ko, record.place_en) == ("엘타워, 서울", "")
    assert record.summary_ko == "첨단 패키징 기술개발을 위한 협력 협약.\n\n2023. 8. 29."
    assert record.summary_en == "A cooperation agreement on advanced packaging."
    detail = agreements.agreement_detail(db, IDS["agr"])
    (party,) = detail.parties
    assert (party.signatory_name_ko, party.signatory_name_en) == ("", "Jiyoon Han")
    assert (party.signatory_title_ko, party.signatory_title_en) == ("과장", "")
    (commitment,) = detail.commitments
    assert (commitment.title_ko, commitment.title_en) == ("", "Joint R&D with US research centres")
    assert [(a.title_ko, a.title_en) for a in detail.amendments] == [("1차 변경", "")]
    (person,) = contacts.list_contacts(db, ContactQuery())
    assert (person.title_ko, person.title_en) == ("과장", "")
    meeting = meetings.meeting_detail(db, IDS["meet"])
    assert (meeting.record.title_ko, meeting.record.title_en, meeting.record.place_ko) == (
        "실무협의회 (1차)",
        "",
        "세종청사 6동",
    )
    assert meeting.record.summary_ko == "첫 회의: 추진 체계 확정"
    assert meeting.record.time_zone == "Asia/Seoul"
    (guest,) = meeting.attendees
    assert (guest.contact_name_ko, guest.contact_name_en, guest.title_en) == (
        "",
        "Alex Morgan",
        "Program Manager",
    )
    assert (guest.organization_name_en, guest.organization_name_ko) == ("Example Research Center", "")
    assert [(a.title_ko, a.title_en) for a in meeting.agenda] == [("추진 체계", "")]
    assert [(d.text_ko, d.text_en) for d in meeting.decisions] == [("분기별 점검 회의 개최", "")]
    assert [(a.title_ko, a.title_en) for a in meeting.action_items] == [("", "Send the survey")]
    abroad = meetings.get_meeting(db, IDS["meet2"])
    assert (abroad.title_ko, abroad.title_en, abroad.place_en) == ("", "Packaging workshop", "Albany, NY")


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_upgrade_moves_each_text_to_its_language_and_loses_nothing(
    kind: str, paths: AppPaths, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_url") if kind == "postgresql" else None
    _old_database(url, paths)
    with open_database(url, paths=paths) as db:
        assert current_revision(db) == head_revision()
        _assert_split(db)
        # The search index is built again: hits are titled in both languages.
        hits = search.search(db, "workshop")
        assert [(h.title_ko, h.title_en) for h in hits] == [("", "Packaging workshop")]
        assert hits[0].title("ko").missing and hits[0].title("ko").text == "Packaging workshop"
        assert [h.title_ko for h in search.search(db, "실무협의회")] == ["실무협의회 (1차)"]
        # The history recorded before the split reads in today's fields, and can be put back.
        (entry,) = [e for e in history.history(db, "meeting", IDS["meet"]) if e.id == IDS["event"]]
        assert entry.changes == {
            "title_ko": ["실무협의회", "실무협의회 (1차)"],
            "place_ko": ["", "세종청사 6동"],
        }
        history.restore_value(db, "meeting", IDS["meet"], IDS["event"], "title_ko")
        assert meetings.get_meeting(db, IDS["meet"]).title_ko == "실무협의회"


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_downgrade_joins_the_languages_and_upgrade_splits_them_again(
    kind: str, paths: AppPaths, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_url") if kind == "postgresql" else None
    _old_database(url, paths)
    with open_database(url, paths=paths) as db:
        _assert_split(db)
    db = open_database(url, paths=paths, migrate=False)
    try:
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, _migration().down_revision)
        with db.engine.connect() as conn:
            summary = conn.scalar(text("SELECT summary FROM agreement"))
            titles = set(conn.scalars(text("SELECT title FROM meeting")))
        assert summary == (
            "첨단 패키징 기술개발을 위한 협력 협약.\n\n2023. 8. 29.\n\nA cooperation agreement on advanced packaging."
        )
        assert titles == {"실무협의회 (1차)", "Packaging workshop"}
    finally:
        db.close()
    with open_database(url, paths=paths) as db:
        _assert_split(db)


SAMPLES = (
    "",
    "  ",
    "과장",
    "Director",
    "2023. 8. 29.",
    "SK하이닉스",
    "엘타워, 서울 (Eltower, Seoul)",
    SUMMARY,
    "English first.\n\n한국어 둘째 문단.",
    "one\n \ntwo",
)


@pytest.mark.parametrize("value", SAMPLES)
def test_the_migration_splits_as_the_program_reads_old_files(value: str) -> None:
    """The migration keeps its own copy of the rule (a migration is frozen at its revision)."""
    assert _migration().split_by_script(value) == split_by_script(value)


@given(st.text(alphabet=st.sampled_from("가나다 abc AB.,\n1")))
def test_splitting_loses_no_word(value: str) -> None:
    korean, english = split_by_script(value)
    assert sorted((korean + " " + english).split()) == sorted(value.split())
