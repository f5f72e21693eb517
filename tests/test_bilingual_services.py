"""Every text a person reads, written in Korean and English through the services (both databases).

For each bilingual input: both languages are kept, either one alone is accepted (and read
in the other language's place, as the lists and briefings fall back), each language has
its own length limit and its own field in the error, and where the text is required one of
the two must be given, the error on the Korean box with a message in both languages. Then
the lists: sorted by the Korean or the English column, a record without that language
sorts by its other one (Hangul first in the Korean sort, Latin first in the English one),
and SQLite and PostgreSQL give the same order.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from factories import agreement, commitment, meeting, member, org, person, scratch_database

from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AgreementInput,
    AmendmentInput,
    AttendeeInput,
    CommitmentInput,
    CommitmentQuery,
    ContactQuery,
    DecisionInput,
    MeetingInput,
    MeetingQuery,
    MembershipInput,
    PartyInput,
    display_name,
)
from app.errors import ValidationError
from app.services import agreements, commitments, contacts, meetings
from app.services.queries import unpack_ids
from app.text import has_hangul

_names = (f"{i:03d}" for i in itertools.count())


def _unique(prefix: str) -> str:
    return f"{prefix} {next(_names)}"


@dataclass(frozen=True)
class Text:
    """One bilingual text of one kind of record, and how the services write and read it back."""

    name: str  # the test's id
    field: str  # ``field``_ko / ``field``_en
    max_length: int
    write: Callable[[Database, dict[str, str]], Any]  # returns the view written
    read: Callable[[Database, Any], Any]  # the same record read again
    update: Callable[[Database, Any, dict[str, str]], Any] | None = None
    required: bool = False
    multiline: bool = False


def _titled(values: dict[str, str], title: str, field: str = "title") -> dict[str, str]:
    """``values`` with a Korean ``field`` added when they give it in neither language."""
    return values if {f"{field}_ko", f"{field}_en"} & set(values) else {f"{field}_ko": title, **values}


def _agreement(db: Database, values: dict[str, str]) -> Any:
    return agreements.create_agreement(db, AgreementInput(**_titled(values, _unique("협약"))))


def _update_agreement(db: Database, old: Any, values: dict[str, str]) -> Any:
    return agreements.update_agreement(db, old.id, AgreementInput(**_titled(values, old.title_ko)))


def _membership(db: Database, values: dict[str, str]) -> Any:
    c, o = person(db, _unique("직원")), org(db, _unique("기관"))
    return contacts.add_membership(db, MembershipInput(contact_id=c.id, organization_id=o.id, **values))


def _update_membership(db: Database, old: Any, values: dict[str, str]) -> Any:
    data = MembershipInput(contact_id=old.contact_id, organization_id=old.organization_id, **values)
    return contacts.update_membership(db, old.id, data)


def _read_membership(db: Database, view: Any) -> Any:
    return next(m for m in contacts.memberships_of_contact(db, view.contact_id) if m.id == view.id)


def _party(db: Database, values: dict[str, str]) -> Any:
    a, o = agreement(db, _unique("협약")), org(db, _unique("기관"))
    return agreements.add_party(db, a.id, PartyInput(organization_id=o.id, **values))


def _update_party(db: Database, old: Any, values: dict[str, str]) -> Any:
    return agreements.update_party(db, old.id, PartyInput(organization_id=old.organization_id, **values))


def _read_party(db: Database, view: Any) -> Any:
    return next(p for p in agreements.list_parties(db, view.agreement_id) if p.id == view.id)


def _amendment(db: Database, values: dict[str, str]) -> Any:
    a = agreement(db, _unique("협약"))
    base = (
        {} if {"title_ko", "title_en", "summary_ko", "summary_en"} & set(values) else {"title_ko": "1차 변경"}
    )
    return agreements.add_amendment(db, AmendmentInput(agreement_id=a.id, **{**base, **values}))


def _update_amendment(db: Database, old: Any, values: dict[str, str]) -> Any:
    base = {} if {"title_ko", "title_en"} & set(values) else {"title_ko": old.title_ko}
    return agreements.update_amendment(
        db, old.id, AmendmentInput(agreement_id=old.agreement_id, **{**base, **values})
    )


def _read_amendment(db: Database, view: Any) -> Any:
    return next(x for x in agreements.list_amendments(db, view.agreement_id) if x.id == view.id)


def _commitment(db: Database, values: dict[str, str]) -> Any:
    a = agreement(db, _unique("협약"))
    base = {} if {"title_ko", "title_en"} & set(values) else {"title_ko": "과제"}
    return commitments.create_commitment(db, CommitmentInput(agreement_id=a.id, **{**base, **values}))


def _update_commitment(db: Database, old: Any, values: dict[str, str]) -> Any:
    base = {} if {"title_ko", "title_en"} & set(values) else {"title_ko": old.title_ko}
    return commitments.update_commitment(
        db, old.id, CommitmentInput(agreement_id=old.agreement_id, **{**base, **values})
    )


def _meeting(db: Database, values: dict[str, str]) -> Any:
    base = {} if {"title_ko", "title_en"} & set(values) else {"title_ko": "회의"}
    return meetings.create_meeting(db, MeetingInput(**{**base, **values}))


def _update_meeting(db: Database, old: Any, values: dict[str, str]) -> Any:
    base = {} if {"title_ko", "title_en"} & set(values) else {"title_ko": old.title_ko}
    return meetings.update_meeting(db, old.id, MeetingInput(**{**base, **values}))


def _attendee(db: Database, values: dict[str, str]) -> Any:
    m = meeting(db)
    return meetings.add_attendee(
        db, m.id, AttendeeInput(contact_id=person(db, _unique("참석자")).id, **values)
    )


def _guest(db: Database, values: dict[str, str]) -> Any:
    base = {} if {"guest_name_ko", "guest_name_en"} & set(values) else {"guest_name_ko": "손님"}
    return meetings.add_attendee(db, meeting(db).id, AttendeeInput(**{**base, **values}))


def _read_attendee(db: Database, view: Any) -> Any:
    return next(a for a in meetings.list_attendees(db, view.meeting_id) if a.id == view.id)


def _agenda(db: Database, values: dict[str, str]) -> Any:
    base = {} if {"title_ko", "title_en"} & set(values) else {"title_ko": "안건"}
    return meetings.add_agenda_item(db, meeting(db).id, AgendaItemInput(**{**base, **values}))


def _update_agenda(db: Database, old: Any, values: dict[str, str]) -> Any:
    base = {} if {"title_ko", "title_en"} & set(values) else {"title_ko": old.title_ko}
    return meetings.update_agenda_item(db, old.id, AgendaItemInput(**{**base, **values}))


def _read_agenda(db: Database, view: Any) -> Any:
    return next(x for x in meetings.meeting_detail(db, view.meeting_id).agenda if x.id == view.id)


def _decision(db: Database, values: dict[str, str]) -> Any:
    return meetings.add_decision(db, meeting(db).id, DecisionInput(**values))


def _update_decision(db: Database, old: Any, values: dict[str, str]) -> Any:
    return meetings.update_decision(db, old.id, DecisionInput(**values))


def _read_decision(db: Database, view: Any) -> Any:
    return next(x for x in meetings.meeting_detail(db, view.meeting_id).decisions if x.id == view.id)


def _action(db: Database, values: dict[str, str]) -> Any:
    return meetings.add_action_item(db, meeting(db).id, ActionItemInput(**values))


def _update_action(db: Database, old: Any, values: dict[str, str]) -> Any:
    return meetings.update_action_item(db, old.id, ActionItemInput(**values))


def _read_action(db: Database, view: Any) -> Any:
    return next(x for x in meetings.list_action_items(db, meeting_id=view.meeting_id) if x.id == view.id)


def _get(getter: Callable[[Database, UUID], Any]) -> Callable[[Database, Any], Any]:
    return lambda db, view: getter(db, view.id)


TEXTS = [
    Text("agreement.title", "title", 500, _agreement, _get(agreements.get_agreement), _update_agreement, True),
    Text("agreement.place", "place", 300, _agreement, _get(agreements.get_agreement), _update_agreement),
    Text(
        "agreement.summary", "summary", 100_000, _agreement, _get(agreements.get_agreement), _update_agreement,
        multiline=True,
    ),
    Text("membership.title", "title", 200, _membership, _read_membership, _update_membership),
    Text("membership.department", "department", 200, _membership, _read_membership, _update_membership),
    Text("party.signatory_name", "signatory_name", 200, _party, _read_party, _update_party),
    Text("party.signatory_title", "signatory_title", 200, _party, _read_party, _update_party),
    Text("amendment.title", "title", 500, _amendment, _read_amendment, _update_amendment),
    Text("amendment.summary", "summary", 20_000, _amendment, _read_amendment, _update_amendment, multiline=True),
    Text("amendment.effect", "effect", 20_000, _amendment, _read_amendment, _update_amendment, multiline=True),
    Text(
        "commitment.title", "title", 500, _commitment, _get(commitments.get_commitment), _update_commitment, True
    ),
    Text(
        "commitment.description", "description", 20_000, _commitment, _get(commitments.get_commitment),
        _update_commitment, multiline=True,
    ),
    Text("meeting.title", "title", 500, _meeting, _get(meetings.get_meeting), _update_meeting, True),
    Text("meeting.place", "place", 300, _meeting, _get(meetings.get_meeting), _update_meeting),
    Text(
        "meeting.summary", "summary", 200_000, _meeting, _get(meetings.get_meeting), _update_meeting,
        multiline=True,
    ),
    Text("meeting.purpose", "purpose", 50_000, _meeting, _get(meetings.get_meeting), _update_meeting, multiline=True),
    Text("meeting.issues", "issues", 50_000, _meeting, _get(meetings.get_meeting), _update_meeting, multiline=True),
    Text(
        "meeting.talking_points", "talking_points", 50_000, _meeting, _get(meetings.get_meeting), _update_meeting,
        multiline=True,
    ),
    Text("attendee.title", "title", 200, _attendee, _read_attendee),
    Text("guest.name", "guest_name", 200, _guest, _read_attendee, required=True),
    Text("guest.organization", "guest_organization", 300, _guest, _read_attendee),
    Text("guest.title", "title", 200, _guest, _read_attendee),
    Text("agenda_item.title", "title", 500, _agenda, _read_agenda, _update_agenda, True),
    Text("agenda_item.discussion", "discussion", 20_000, _agenda, _read_agenda, _update_agenda, multiline=True),
    Text("decision.text", "text", 20_000, _decision, _read_decision, _update_decision, True, True),
    Text("action_item.title", "title", 500, _action, _read_action, _update_action, True),
]  # fmt: skip


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database per kind for this module's input tests: each writes records of its own."""
    with scratch_database(request.param, tmp_path_factory.mktemp("bilingual")) as database:
        yield database


def _both(view: Any, field: str) -> tuple[str, str]:
    return getattr(view, f"{field}_ko"), getattr(view, f"{field}_en")


def _in(view: Any, field: str, lang: str) -> str:
    """The text as the record shows it in ``lang``: the view's ``field(lang)``, for a guest's
    name and organization the attendee's names (what the meeting shows for a guest)."""
    if field in ("guest_name", "guest_organization"):
        shown = {"guest_name": "contact_name", "guest_organization": "organization_name"}[field]
        return display_name(getattr(view, f"{shown}_ko"), getattr(view, f"{shown}_en"), lang)
    return str(getattr(view, field)(lang))


def _refused(call: Callable[[], Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("t", TEXTS, ids=[t.name for t in TEXTS])
def test_both_languages_are_kept_and_either_alone_is_accepted(shared: Database, t: Text) -> None:
    ko, en = ("첫 줄\n둘째 줄", "First line\nsecond line") if t.multiline else ("한국어 값", "English value")
    both = t.read(shared, t.write(shared, {f"{t.field}_ko": ko, f"{t.field}_en": en}))
    assert _both(both, t.field) == (ko, en)
    assert (_in(both, t.field, "ko"), _in(both, t.field, "en")) == (ko, en)

    english = t.read(shared, t.write(shared, {f"{t.field}_en": en}))
    assert _both(english, t.field) == ("", en)
    assert _in(english, t.field, "ko") == en  # shown in the other language's place (the UI marks it)
    korean = t.read(shared, t.write(shared, {f"{t.field}_ko": ko}))
    assert _both(korean, t.field) == (ko, "")
    assert _in(korean, t.field, "en") == ko


@pytest.mark.parametrize("t", TEXTS, ids=[t.name for t in TEXTS])
def test_each_language_has_its_own_length_limit_and_field(shared: Database, t: Text) -> None:
    longest = {f"{t.field}_ko": "가" * t.max_length, f"{t.field}_en": "a" * t.max_length}
    assert _both(t.read(shared, t.write(shared, longest)), t.field) == (
        "가" * t.max_length,
        "a" * t.max_length,
    )
    for lang, letter, label in (("ko", "가", "(한글)"), ("en", "a", "(English)")):
        err = _refused(lambda: t.write(shared, {f"{t.field}_{lang}": letter * (t.max_length + 1)}))  # noqa: B023
        assert err.field == f"{t.field}_{lang}", t.name
        assert f"{t.max_length:,}" in err.message("ko") and f"{t.max_length:,}" in err.message("en")
        if lang == "en" or t.field not in ("purpose", "issues", "talking_points"):  # "배경·목적" is Korean's
            assert label in err.message(lang), (t.name, err.message(lang))


@pytest.mark.parametrize(
    "t", [t for t in TEXTS if not t.multiline], ids=[t.name for t in TEXTS if not t.multiline]
)
def test_a_one_line_text_refuses_a_line_break_in_either_language(shared: Database, t: Text) -> None:
    for lang in ("ko", "en"):
        err = _refused(lambda: t.write(shared, {f"{t.field}_{lang}": "한 줄\n두 줄"}))  # noqa: B023
        assert err.field == f"{t.field}_{lang}"


REQUIRED = [t for t in TEXTS if t.required]


@pytest.mark.parametrize("t", REQUIRED, ids=[t.name for t in REQUIRED])
def test_a_required_text_needs_one_of_the_two_languages(shared: Database, t: Text) -> None:
    for blank in ("", "  ", " \n\t " if t.multiline else "\t"):
        err = _refused(lambda: t.write(shared, {f"{t.field}_ko": blank, f"{t.field}_en": blank}))  # noqa: B023
        assert err.field == f"{t.field}_ko", (t.name, blank)
        ko, en = err.message("ko"), err.message("en")
        assert has_hangul(ko) and not has_hangul(en) and en, (ko, en)
        assert (
            "한글" in ko and "영문" in ko and "Korean" in en and "English" in en
        ) or t.name == "guest.name"
    # Either language alone is enough.
    assert _both(t.read(shared, t.write(shared, {f"{t.field}_en": "Only English"})), t.field) == (
        "",
        "Only English",
    )
    assert _both(t.read(shared, t.write(shared, {f"{t.field}_ko": "한글만"})), t.field) == ("한글만", "")


@pytest.mark.parametrize("t", [t for t in TEXTS if t.multiline], ids=[t.name for t in TEXTS if t.multiline])
def test_a_language_given_as_blank_lines_only_is_empty(shared: Database, t: Text) -> None:
    """Spaces and line breaks alone are no text: the other language is shown in its place, marked,
    rather than a blank passed off as the translation."""
    view = t.read(shared, t.write(shared, {f"{t.field}_ko": " \n \n", f"{t.field}_en": "Agreed."}))
    assert _both(view, t.field) == ("", "Agreed.")
    assert _in(view, t.field, "ko") == "Agreed."


UPDATED = [t for t in TEXTS if t.update is not None]


@pytest.mark.parametrize("t", UPDATED, ids=[t.name for t in UPDATED])
def test_an_update_writes_both_languages(shared: Database, t: Text) -> None:
    assert t.update is not None
    old = t.write(shared, {f"{t.field}_ko": "처음", f"{t.field}_en": "First"})
    t.update(shared, old, {f"{t.field}_en": "Second"})
    assert _both(t.read(shared, old), t.field) == ("", "Second")  # the Korean one cleared, not kept
    t.update(shared, old, {f"{t.field}_ko": "셋째", f"{t.field}_en": "Third"})
    assert _both(t.read(shared, old), t.field) == ("셋째", "Third")
    err = _refused(lambda: t.update(shared, old, {f"{t.field}_en": "x" * (t.max_length + 1)}))  # type: ignore[misc]
    assert err.field == f"{t.field}_en"
    assert _both(t.read(shared, old), t.field) == ("셋째", "Third")  # nothing written


def test_an_amendment_needs_a_title_or_a_summary_in_either_language(shared: Database) -> None:
    a = agreement(shared, _unique("협약"))
    err = _refused(
        lambda: agreements.add_amendment(shared, AmendmentInput(agreement_id=a.id, effect_ko="연장"))
    )
    assert err.field == "title_ko" and has_hangul(err.message("ko")) and not has_hangul(err.message("en"))
    only = agreements.add_amendment(shared, AmendmentInput(agreement_id=a.id, summary_en="Extended to 2028."))
    assert (only.title("en"), only.summary("ko")) == ("", "Extended to 2028.")


# -- lists sorted by either language ------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def listed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Meetings, commitments and contacts with texts in both languages, one language or none."""
    with scratch_database(request.param, tmp_path_factory.mktemp("sorted")) as db:
        start = datetime(2026, 3, 2, 1, tzinfo=UTC)
        rows = [  # (Korean title, English title, Korean place, English place); inserted out of order
            ("나 회의", "beta meeting", "서울", "Seoul"),
            ("", "Zulu meeting", "", "Washington"),
            ("다 회의", "", "세종", ""),
            ("가 회의", "Delta meeting", "", ""),
            ("", "alpha meeting", "", "Brussels"),
        ]
        a = agreement(db, "정렬 협약")
        for i, (title_ko, title_en, place_ko, place_en) in enumerate(rows):
            meeting(
                db, title_ko, title_en=title_en, place_ko=place_ko, place_en=place_en,
                starts_at=start + timedelta(days=i),
            )  # fmt: skip
            commitment(db, a.id, title_ko, title_en=title_en)
        people = [("과장", "Director"), ("", "Advisor"), ("이사", ""), ("부장", "general manager"), ("", "")]
        for i, (title_ko, title_en) in enumerate(people):
            c = person(db, f"직원{i}", f"Staff {i}")
            member(db, c.id, org(db, f"기관{i}").id, title_ko, date(2020, 1, 1), title_en=title_en)
        person(db, "무소속", "Nobody")  # no position at all: last in every title sort
        yield db


MEETING_SORTS = [
    ("title_ko", False, ["가 회의", "나 회의", "다 회의", "alpha meeting", "Zulu meeting"]),
    ("title_ko", True, ["다 회의", "나 회의", "가 회의", "Zulu meeting", "alpha meeting"]),
    ("title_en", False, ["alpha meeting", "beta meeting", "Delta meeting", "Zulu meeting", "다 회의"]),
    ("title_en", True, ["Zulu meeting", "Delta meeting", "beta meeting", "alpha meeting", "다 회의"]),
]


@pytest.mark.parametrize(("sort", "descending", "expected"), MEETING_SORTS)
def test_meetings_sort_by_either_language_falling_back_to_the_other(
    listed: Database, sort: str, descending: bool, expected: list[str]
) -> None:
    lang = sort[-2:]
    query = MeetingQuery(sort=sort, descending=descending)
    assert [m.title(lang) for m in meetings.list_meetings(listed, query)] == expected
    by_id = {m.id: m.title(lang) for m in meetings.list_meetings(listed)}
    assert [by_id[i] for i in unpack_ids(meetings.meeting_ids(listed, query))] == expected


@pytest.mark.parametrize("descending", [False, True])
def test_meetings_sort_by_place_in_either_language_blank_last(listed: Database, descending: bool) -> None:
    ko = [
        m.place("ko")
        for m in meetings.list_meetings(listed, MeetingQuery(sort="place_ko", descending=descending))
    ]
    en = [
        m.place("en")
        for m in meetings.list_meetings(listed, MeetingQuery(sort="place_en", descending=descending))
    ]
    if not descending:
        assert ko == ["서울", "세종", "Brussels", "Washington", ""]
        assert en == ["Brussels", "Seoul", "Washington", "세종", ""]
    else:
        assert ko == ["세종", "서울", "Washington", "Brussels", ""]
        assert en == ["Washington", "Seoul", "Brussels", "세종", ""]


@pytest.mark.parametrize(("sort", "descending", "expected"), MEETING_SORTS)
def test_commitments_sort_by_either_language_falling_back_to_the_other(
    listed: Database, sort: str, descending: bool, expected: list[str]
) -> None:
    lang = sort[-2:]
    query = CommitmentQuery(sort=sort, descending=descending)
    assert [c.title(lang) for c in commitments.list_commitments(listed, query)] == expected
    by_id = {c.id: c.title(lang) for c in commitments.list_commitments(listed)}
    assert [by_id[i] for i in unpack_ids(commitments.commitment_ids(listed, query))] == expected


CONTACT_SORTS = [
    ("title_ko", False, ["과장", "부장", "이사", "Advisor", "", ""]),
    ("title_ko", True, ["이사", "부장", "과장", "Advisor", "", ""]),
    ("title_en", False, ["Advisor", "Director", "general manager", "이사", "", ""]),
    ("title_en", True, ["general manager", "Director", "Advisor", "이사", "", ""]),
]


@pytest.mark.parametrize(("sort", "descending", "expected"), CONTACT_SORTS)
def test_contacts_sort_by_the_title_in_either_language_falling_back_to_the_other(
    listed: Database, sort: str, descending: bool, expected: list[str]
) -> None:
    lang = sort[-2:]
    for limit in (None, 3):  # every row sorted by the database; the first rows walked from an index
        query = ContactQuery(sort=sort, descending=descending, limit=limit)
        assert [c.title(lang) for c in contacts.list_contacts(listed, query)] == expected[:limit], limit
        titles = {c.id: c.title(lang) for c in contacts.list_contacts(listed)}
        assert [titles[i] for i in unpack_ids(contacts.contact_ids(listed, query))] == expected[:limit], limit


def test_sqlite_and_postgresql_sort_texts_in_either_language_alike(db: Database, pg_db: Database) -> None:
    """Mixed scripts, cases, spaces, digits, jamo and decomposed Hangul, each language present or
    not: every bilingual sort lists the same records in the same order on both databases."""
    texts = ["", "apple", "Apple", "가나", "가 나", "LG화학", "lg", "Zebra", "하나", "_x", "a-b", "ab", "1차"]
    texts += ["ㄱ자", "\u1112\u1161\u11ab 회의", "Ω omega", "éclair", "Éclair", "Z", "z"]
    pairs = [(ko, en) for ko, en in itertools.product(texts, texts) if ko or en][::7]
    for database in (db, pg_db):
        a = agreement(database, "정렬 협약")
        for i, (ko, en) in enumerate(pairs):
            meeting(database, ko, title_en=en, place_ko=en, place_en=ko)
            commitment(database, a.id, ko, title_en=en)
            c = person(database, f"사람 {i:03d}")
            member(database, c.id, org(database, f"기관 {i:03d}").id, ko, date(2020, 1, 1), title_en=en)

    def order(database: Database, kind: str, sort: str, descending: bool) -> list[str]:
        """The sorted texts as the list shows them in the sort's language (ties are by id, which
        differ between the two databases)."""
        lang = sort[-2:]
        if kind == "meeting":
            rows: list[Any] = meetings.list_meetings(database, MeetingQuery(sort=sort, descending=descending))
            if sort.startswith("place"):
                return [m.place(lang) for m in rows]
        elif kind == "commitment":
            rows = commitments.list_commitments(database, CommitmentQuery(sort=sort, descending=descending))
        else:
            rows = contacts.list_contacts(database, ContactQuery(sort=sort, descending=descending, limit=40))
        return [r.title(lang) for r in rows]

    sorts = [("meeting", s) for s in ("title_ko", "title_en", "place_ko", "place_en")]
    sorts += [
        ("commitment", "title_ko"),
        ("commitment", "title_en"),
        ("contact", "title_ko"),
        ("contact", "title_en"),
    ]
    for kind, sort in sorts:
        for descending in (False, True):
            on_sqlite = order(db, kind, sort, descending)
            assert on_sqlite == order(pg_db, kind, sort, descending), (kind, sort, descending)
            assert len(on_sqlite) == (40 if kind == "contact" else len(pairs))


def test_the_lists_text_filter_finds_either_language(listed: Database) -> None:
    def titles(query: str) -> list[str]:
        return sorted(m.title("en") for m in meetings.list_meetings(listed, MeetingQuery(text=query)))

    assert titles("zulu") == ["Zulu meeting"]
    assert titles("WASHINGTON") == ["Zulu meeting"]  # its English place
    assert titles("세종") == ["다 회의"]  # a Korean place, the meeting with no English title
    assert titles("나 회") == ["beta meeting"]
    found = commitments.list_commitments(listed, CommitmentQuery(text="delta"))
    assert [(c.title_ko, c.title_en) for c in found] == [("가 회의", "Delta meeting")]


def test_an_action_item_names_its_meeting_and_commitment_in_both_languages(any_db: Database) -> None:
    a = agreement(any_db, "반도체 협력 협약")
    k = commitment(any_db, a.id, "테스트베드 구축", title_en="Testbed")
    m = meeting(any_db, "", title_en="Working group", time_zone="America/New_York")
    item = meetings.add_action_item(
        any_db,
        m.id,
        ActionItemInput(title_ko="후보 목록 작성", title_en="List the candidates", commitment_id=k.id),
    )
    (listed_item,) = meetings.list_action_items(any_db, meeting_id=m.id)
    for view in (item, listed_item):
        assert (view.title("ko"), view.title("en")) == ("후보 목록 작성", "List the candidates")
        assert (view.meeting_title_ko, view.meeting_title_en) == ("", "Working group")
        assert view.meeting_title("ko") == "Working group"  # no Korean title: the English one
        assert (view.commitment_title("ko"), view.commitment_title("en")) == ("테스트베드 구축", "Testbed")
        assert view.meeting_time_zone == "America/New_York"


def test_history_puts_back_one_language_and_refuses_to_leave_neither(any_db: Database) -> None:
    from app.services import history

    m = meeting(any_db, "실무협의회", time_zone="Europe/Brussels")
    meetings.update_meeting(
        any_db, m.id, MeetingInput(title_en="Working group", time_zone="America/New_York")
    )
    english_only = history.history(any_db, "meeting", m.id)[-1]
    assert english_only.changes["title_ko"] == ["실무협의회", ""]
    assert english_only.changes["title_en"] == ["", "Working group"]
    assert english_only.changes["time_zone"] == ["Europe/Brussels", "America/New_York"]
    history.restore_value(any_db, "meeting", m.id, english_only.id, "title_ko")
    history.restore_value(any_db, "meeting", m.id, english_only.id, "time_zone")
    back = meetings.get_meeting(any_db, m.id)
    assert (back.title_ko, back.title_en, back.time_zone) == (
        "실무협의회",
        "Working group",
        "Europe/Brussels",
    )
    # Korean only again, then putting back the English of before it was given: neither is left.
    meetings.update_meeting(any_db, m.id, MeetingInput(title_en="Working group", time_zone="Europe/Brussels"))
    korean_gone = history.history(any_db, "meeting", m.id)[-1]
    with pytest.raises(ValidationError) as caught:
        history.restore_value(any_db, "meeting", m.id, english_only.id, "title_en")
    assert caught.value.field == "title_ko"
    assert korean_gone.changes["title_ko"] == ["실무협의회", ""]
    assert meetings.get_meeting(any_db, m.id).title_en == "Working group"  # nothing changed
