"""Several parties chosen at once are added in one write: all of them, in order, or none."""

from __future__ import annotations

import pytest
from factories import agreement, org

from app.db import Database
from app.dto import PartyInput
from app.enums import PartyRole
from app.errors import ValidationError
from app.services import agreements, history


def test_the_parties_are_added_in_order_in_one_write(any_db: Database) -> None:
    a = agreement(any_db)
    orgs = [org(any_db, name) for name in ("산업통상자원부", "삼성전자", "SK하이닉스")]
    added = agreements.add_parties(
        any_db,
        a.id,
        [
            PartyInput(organization_id=o.id, role=PartyRole.LEAD if i == 0 else PartyRole.SIGNATORY)
            for i, o in enumerate(orgs)
        ],
    )
    assert [p.organization_name_ko for p in added] == ["산업통상자원부", "삼성전자", "SK하이닉스"]
    listed = agreements.list_parties(any_db, a.id)
    assert [p.organization_id for p in listed] == [o.id for o in orgs]
    assert [p.position for p in listed] == sorted({p.position for p in listed})  # distinct, in order
    assert all(history.history(any_db, "party", p.id) for p in listed)  # each one audited


def test_one_bad_row_adds_none_of_them(any_db: Database) -> None:
    a = agreement(any_db)
    first, second = org(any_db, "산업통상자원부"), org(any_db, "삼성전자")
    agreements.add_parties(any_db, a.id, [PartyInput(organization_id=first.id)])
    with pytest.raises(ValidationError):  # the ministry is a party already
        agreements.add_parties(
            any_db, a.id, [PartyInput(organization_id=second.id), PartyInput(organization_id=first.id)]
        )
    with pytest.raises(ValidationError):  # the same organization twice in one batch
        agreements.add_parties(
            any_db, a.id, [PartyInput(organization_id=second.id), PartyInput(organization_id=second.id)]
        )
    assert [p.organization_id for p in agreements.list_parties(any_db, a.id)] == [first.id]
