"""The index migrations (0004 agreements list, 0005 action items) upgrade a database with data in it."""

from __future__ import annotations

from sqlalchemy import text

from app.dto import AgreementQuery
from app.migrate import upgrade
from app.paths import AppPaths, database_url
from app.services.agreements import list_agreements
from app.services.opening import open_database


def test_upgrade_keeps_agreements_and_adds_the_list_index(paths: AppPaths) -> None:
    url = database_url(None, paths)
    old = open_database(url, paths=paths, migrate=False)
    upgrade(old, "0003")
    with old.engine.begin() as conn:
        for n, signed in enumerate(["2024-05-01", None, "2023-01-02"]):
            conn.execute(
                text(
                    "INSERT INTO agreement (id, title_ko, title_en, reference_no, agreement_kind, status,"
                    " signed_on, place, summary, confidentiality, tags, created_at, updated_at, version)"
                    " VALUES (:id, :title, '', '', 'mou', 'draft', :signed, '', '', 'internal', '',"
                    " '2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
                ),
                {"id": f"{n + 1:032x}", "title": f"협약 {n}", "signed": signed},
            )
    old.close()
    with open_database(paths=paths) as new:
        with new.engine.connect() as conn:  # by name (reflecting the expression indexes would warn)
            names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
        assert {"ix_agreement_live_signed_on", "ix_action_item_meeting_status"} <= names
        shown = list_agreements(new, AgreementQuery(sort="signed_on", descending=True, limit=2))
        assert [a.title_ko for a in shown] == ["협약 0", "협약 2"]
        rest = list_agreements(new, AgreementQuery(sort="signed_on", descending=True, offset=2, limit=2))
        assert [a.title_ko for a in rest] == ["협약 1"]  # undated last


def test_the_start_up_check_agrees_with_alembic_on_the_head() -> None:
    from app.migrate import head_revision, numbered_head

    assert numbered_head() == head_revision()
