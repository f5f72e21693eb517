"""The sample data loads whole or not at all, and only once."""

from __future__ import annotations

import pytest

from app.db import Database
from app.demo import PARTIES, REFERENCE_NO, _Builder, load_demo
from app.dto import AgreementQuery
from app.services import agreements, contacts, organizations

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)


def test_an_interrupted_load_leaves_nothing_and_can_run_again(
    any_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def power_cut(self: _Builder, ref: object) -> None:
        raise KeyboardInterrupt  # as a kill in the middle of the meetings

    with monkeypatch.context() as m:
        m.setattr(_Builder, "minutes", power_cut)
        with pytest.raises(KeyboardInterrupt):
            load_demo(any_db)
    assert organizations.count_organizations(any_db) == 0
    assert contacts.count_contacts(any_db) == 0

    assert load_demo(any_db) is True
    assert load_demo(any_db) is False
    names = [o.name_ko for o in organizations.list_organizations(any_db)]
    assert len(names) == len(set(names))
    assert {p[1] for p in PARTIES} <= set(names)
    ref = agreements.list_agreements(any_db, AgreementQuery(text=REFERENCE_NO))
    assert len(ref) == 1 and ref[0].party_count == 11
