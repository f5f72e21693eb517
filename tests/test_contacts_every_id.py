"""Every id of the contacts list sorted by position comes in the same order as its pages
and as its first screen.

The first screen walks the positions in the order of their sort index; every id comes
from one sorted query; a page reads its rows by offset. All three must agree on each
contact's current position (latest start among those started and not ended, then by id)
and on ties, or a row would move between the first screen and the rest. Tricky positions
on purpose: several current ones (one with the same start), ended, not yet started,
deleted, none, blank and English-only titles.
"""

from __future__ import annotations

from datetime import date

import pytest
from factories import member, org, person

from app.db import Database
from app.dto import ContactQuery
from app.services import contacts
from app.services.queries import unpack_ids

SORTS = ("organization_name_ko", "title_ko", "title_en")


def _fill(db: Database) -> None:
    ministry = org(db, "산업통상자원부", "Ministry of Trade, Industry and Energy")
    company = org(db, "", "Example Global OSAT")
    institute = org(db, "한국전자통신연구원", "")
    a = person(db, "가나다", "Ga Nada")
    member(db, a.id, ministry.id, "과장", date(2020, 1, 1), title_en="Director")
    member(db, a.id, company.id, "고문", date(2024, 3, 1))  # the later start is the current one
    b = person(db, "", "Alex Morgan")
    member(db, b.id, company.id, "", date(2022, 1, 1), title_en="Program Manager")
    member(db, b.id, institute.id, "선임연구원", date(2022, 1, 1))  # same start: by id
    c = person(db, "라마바", "")
    member(db, c.id, institute.id, "책임연구원", date(2019, 1, 1), date(2021, 12, 31))  # ended
    member(db, c.id, ministry.id, "사무관", date(2030, 1, 1))  # not yet started
    d = person(db, "사아자", "Saaja")
    gone = member(db, d.id, ministry.id, "국장", date(2021, 1, 1))
    contacts.remove_membership(db, gone.id)
    person(db, "차카타", "Chakata")  # no position at all
    e = person(db, "파하", "Paha")
    member(db, e.id, institute.id, "   ", None)  # a blank title, no start
    for i in range(12):
        p = person(db, f"직원{i:02d}", f"Staff {i:02d}")
        member(
            db,
            p.id,
            [ministry, company, institute][i % 3].id,
            ["주무관", "", "팀장"][i % 3],
            date(2023, 1, 1 + i),
        )


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_id_comes_in_the_order_of_the_pages(any_db: Database, sort: str, descending: bool) -> None:
    _fill(any_db)
    every = unpack_ids(contacts.contact_ids(any_db, ContactQuery(sort=sort, descending=descending)))
    pages = []
    for offset in range(0, 40, 5):  # pages of five, each looking its positions up
        page = ContactQuery(sort=sort, descending=descending, offset=offset, limit=5)
        pages += [c.id for c in contacts.list_contacts(any_db, page)]
    assert every == pages
    assert len(every) == 18
    first = ContactQuery(sort=sort, descending=descending, limit=7)
    assert every[:7] == unpack_ids(contacts.contact_ids(any_db, first))  # the first screen, walked
