"""The agreement lifecycle and the validation every service applies before writing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from factories import agreement, org, person

from app.db import Database
from app.dto import (
    AgreementInput,
    CommitmentInput,
    ContactInput,
    MeetingInput,
    OrganizationInput,
    PartyInput,
)
from app.enums import AGREEMENT_TRANSITIONS, AgreementStatus
from app.errors import ValidationError
from app.i18n import set_language
from app.services import agreements, commitments, contacts, meetings, organizations

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)

S = AgreementStatus
ALL_PAIRS = [(a, b) for a in S for b in S if a != b]


def _path_to(db: Database, target: AgreementStatus) -> agreements.AgreementRecord:
    """An agreement brought to ``target`` through allowed steps."""
    rec = agreement(db, signed_on=date(2023, 8, 29))
    steps = {
        S.DRAFT: [],
        S.NEGOTIATING: [S.NEGOTIATING],
        S.SIGNED: [S.SIGNED],
        S.IN_FORCE: [S.SIGNED, S.IN_FORCE],
        S.EXPIRED: [S.SIGNED, S.EXPIRED],
        S.TERMINATED: [S.TERMINATED],
    }[target]
    for step in steps:
        rec = agreements.change_status(db, rec.id, step)
    return rec


def test_every_transition_is_allowed_or_refused_as_the_lifecycle_says(db: Database) -> None:
    for current, new in ALL_PAIRS:
        rec = _path_to(db, current)
        assert rec.status == current
        if new in AGREEMENT_TRANSITIONS[current]:
            after = agreements.change_status(db, rec.id, new, expected_version=rec.version)
            assert after.status == new
            assert agreements.get_agreement(db, rec.id).status == new
        else:
            with pytest.raises(ValidationError) as err:
                agreements.change_status(db, rec.id, new)
            assert err.value.field == "status", (current, new)
            assert current.label("en") in str(err.value) and new.label("en") in str(err.value)
            assert agreements.get_agreement(db, rec.id).status == current
    allowed = sum(len(targets) for targets in AGREEMENT_TRANSITIONS.values())
    assert allowed == 12 and len(ALL_PAIRS) == 30


def test_refused_transition_names_the_possible_ones_in_korean(db: Database) -> None:
    rec = _path_to(db, S.IN_FORCE)
    with pytest.raises(ValidationError) as err:
        agreements.change_status(db, rec.id, S.DRAFT)
    ko = err.value.message("ko")
    assert "'발효 중' 상태에서 '초안'(으)로 바꿀 수 없습니다" in ko
    assert "만료" in ko and "해지" in ko
    terminated = _path_to(db, S.TERMINATED)
    with pytest.raises(ValidationError) as err:
        agreements.change_status(db, terminated.id, S.IN_FORCE)
    assert "없음" in err.value.message("ko") and "none" in err.value.message("en")


def test_update_agreement_applies_the_lifecycle_too(any_db: Database) -> None:
    rec = agreement(any_db, status=S.IN_FORCE)
    data = AgreementInput(title_ko=rec.title_ko, status=S.DRAFT, signed_on=rec.signed_on)
    with pytest.raises(ValidationError) as err:
        agreements.update_agreement(any_db, rec.id, data)
    assert err.value.field == "status"
    ok = agreements.update_agreement(any_db, rec.id, replace(data, status=S.EXPIRED))
    assert ok.status == S.EXPIRED


def test_signed_statuses_need_a_signing_date(any_db: Database) -> None:
    for status in (S.SIGNED, S.IN_FORCE, S.EXPIRED):
        with pytest.raises(ValidationError) as err:
            agreements.create_agreement(any_db, AgreementInput(title_ko="협약", status=status))
        assert err.value.field == "signed_on"
    draft = agreements.create_agreement(any_db, AgreementInput(title_ko="협약"))
    with pytest.raises(ValidationError) as err:
        agreements.change_status(any_db, draft.id, S.SIGNED)
    assert err.value.field == "signed_on"
    assert agreements.get_agreement(any_db, draft.id).status == S.DRAFT
    assert allowed_statuses_start_with_current()


def allowed_statuses_start_with_current() -> bool:
    return agreements.allowed_statuses(S.SIGNED)[0] == S.SIGNED and set(
        agreements.allowed_statuses(S.SIGNED)
    ) == {
        S.SIGNED,
        *AGREEMENT_TRANSITIONS[S.SIGNED],
    }


AGREEMENT_CASES: list[tuple[dict[str, object], str]] = [
    ({"signed_on": date(2023, 8, 29), "effective_on": date(2023, 8, 28)}, "effective_on"),
    ({"signed_on": date(2023, 8, 29), "expires_on": date(2023, 8, 1)}, "expires_on"),
    ({"effective_on": date(2023, 9, 1), "expires_on": date(2023, 8, 31)}, "expires_on"),
    ({"title_ko": "", "title_en": "  "}, "title_ko"),
    ({"title_ko": "협약\x07"}, "title_ko"),
    ({"title_en": "Agreement\u200b ok", "place_en": "Seoul\nKorea"}, "place_en"),
    ({"place_ko": "서울\n엘타워"}, "place_ko"),
    ({"place_ko": "가" * 301}, "place_ko"),
    ({"tags": ("a,b",)}, "tags"),
    ({"summary_ko": "가" * 100_001}, "summary_ko"),
    ({"summary_en": "x" * 100_001}, "summary_en"),
    ({"reference_no": "R" * 101}, "reference_no"),
]


def test_agreement_input_is_validated(db: Database) -> None:
    """Input validation, before any database work: checked on SQLite only."""
    for kw, field in AGREEMENT_CASES:
        data = replace(AgreementInput(title_ko="협약"), **kw)  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as err:
            agreements.create_agreement(db, data)
        assert err.value.field == field, kw
    assert agreements.count_agreements(db) == 0


def test_control_characters_are_refused_with_the_field_named(any_db: Database) -> None:
    set_language("ko")
    try:
        with pytest.raises(ValidationError) as err:
            organizations.create_organization(any_db, OrganizationInput(name_ko="삼성\x00전자"))
        assert err.value.field == "name_ko"
        assert str(err.value).startswith("기관명(한글)에 사용할 수 없는 제어 문자(U+0000)")
    finally:
        set_language("en")
    with pytest.raises(ValidationError) as err:
        contacts.create_contact(any_db, ContactInput(name_ko="정수빈", notes="첫 줄\n둘째 줄\x1b[31m"))
    assert err.value.field == "notes"
    assert "Notes contains a control character (U+001B)" in str(err.value)
    # Newlines and tabs are fine in multi-line fields, and CRLF is stored as LF.
    c = contacts.create_contact(any_db, ContactInput(name_ko="정수빈", notes="첫 줄\r\n\t둘째 줄"))
    assert c.notes == "첫 줄\n\t둘째 줄"
    # A single-line field refuses a newline; surrounding spaces are trimmed.
    with pytest.raises(ValidationError) as err:
        contacts.create_contact(any_db, ContactInput(name_ko="정\n수빈"))
    assert err.value.field == "name_ko"
    assert contacts.create_contact(any_db, ContactInput(name_ko="  정수빈 ")).name_ko == "정수빈"


def test_bad_email_is_refused(db: Database) -> None:
    """Input validation, before any database work: checked on SQLite only."""
    for email in ("not-an-email", "a@b", "a b@example.com", "<a@example.com>", "a@@example.com"):
        with pytest.raises(ValidationError) as err:
            contacts.create_contact(db, ContactInput(name_ko="정수빈", email=email))
        assert err.value.field == "email"
        assert "name@example.com" in str(err.value)
    assert contacts.count_contacts(db) == 0


def test_good_emails_are_kept(any_db: Database) -> None:
    for email in ("su.bin+pd@example.com", "정수빈@예시.한국", " x@example.co.kr "):
        assert (
            contacts.create_contact(any_db, ContactInput(name_ko="정수빈", email=email)).email
            == email.strip()
        )


def test_required_fields(db: Database) -> None:
    """Input validation, before any database work: checked on SQLite only."""
    cases = [
        (lambda: organizations.create_organization(db, OrganizationInput(name_ko=" ")), "name_ko"),
        (lambda: contacts.create_contact(db, ContactInput()), "name_ko"),
        (lambda: meetings.create_meeting(db, MeetingInput(title_ko="")), "title_ko"),
        (
            lambda: commitments.create_commitment(db, CommitmentInput(agreement_id=a.id, title_ko=" ")),
            "title_ko",
        ),
        (
            lambda: organizations.create_organization(db, OrganizationInput(name_ko="기관", country="KOR")),
            "country",
        ),
        (
            lambda: organizations.create_organization(db, OrganizationInput(name_ko="기관", country="1A")),
            "country",
        ),
    ]
    a = agreement(db)
    for call, field in cases:
        with pytest.raises(ValidationError) as err:
            call()
        assert err.value.field == field, field


def test_party_and_meeting_dates_in_order(any_db: Database) -> None:
    a = agreement(any_db)
    o = org(any_db)
    with pytest.raises(ValidationError) as err:
        agreements.add_party(
            any_db,
            a.id,
            PartyInput(organization_id=o.id, signed_on=date(2023, 8, 29), withdrew_on=date(2023, 8, 1)),
        )
    assert err.value.field == "withdrew_on"
    from datetime import UTC, datetime

    with pytest.raises(ValidationError) as err:
        meetings.create_meeting(
            any_db,
            MeetingInput(
                title_ko="회의",
                starts_at=datetime(2024, 1, 1, 10, tzinfo=UTC),
                ends_at=datetime(2024, 1, 1, 9, tzinfo=UTC),
            ),
        )
    assert err.value.field == "ends_at"
    assert person(any_db).name_ko == "한지윤"
