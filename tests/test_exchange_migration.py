"""Migration 0002 (conflicts, arrival time of exchanged history) keeps every record of a 0001 database."""

from __future__ import annotations

from sqlalchemy import text

from app.migrate import current_revision, head_revision, upgrade, upgrade_to_head
from app.paths import AppPaths, sqlite_url
from app.services.opening import open_database


def test_a_0001_database_with_data_upgrades_without_loss(paths: AppPaths) -> None:
    url = sqlite_url(paths.database)
    old = open_database(url, paths=paths, migrate=False)
    upgrade(old, "0001")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organization (id, name_ko, name_en, short_name, org_kind, country, website, notes,"
                " created_at, updated_at, version) VALUES ('0123456789abcdef0123456789abcdef', '옛 기관', 'Old',"
                " '', 'ministry', 'KR', '', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO audit_event (id, occurred_at, actor, device_id, entity_kind, entity_id, action,"
                " version, changes) VALUES ('fedcba9876543210fedcba9876543210', '2026-01-01 00:00:00', 'kim',"
                " 'dev', 'organization', '0123456789abcdef0123456789abcdef', 'create', 1, '{\"name_ko\": [null, \"옛 기관\"]}')"
            )
        )
    upgrade_to_head(old, backup=False)
    assert current_revision(old) == head_revision()
    with old.engine.connect() as conn:
        assert conn.execute(text("SELECT name_ko FROM organization")).scalars().all() == ["옛 기관"]
        assert conn.execute(text("SELECT actor, received_at FROM audit_event")).all() == [("kim", None)]
        assert conn.execute(text("SELECT count(*) FROM conflict")).scalar() == 0
    old.close()
