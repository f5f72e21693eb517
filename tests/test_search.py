"""Search: Korean substrings, folding, ranking, snippets, and an index that follows every write."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from uuid import UUID

import pytest
from sqlalchemy import select, text

from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AgreementInput,
    CommitmentInput,
    ContactInput,
    DecisionInput,
    MeetingInput,
    MembershipInput,
    OrganizationInput,
)
from app.health import check_database
from app.models import Contact, SearchDocument
from app.search import marked_parts, search
from app.services import agreements, attachments, commitments, contacts, meetings, organizations
from app.services.opening import open_database
from cli import main


def titles(db: Database, query: str, kind: str | None = None) -> list[str]:
    """The hits' titles as the Korean side shows them (the English title where there is no Korean one)."""
    return [h.title("ko").text for h in search(db, query, kinds=(kind,) if kind else None)]


@pytest.fixture
def korean(any_db: Database) -> Database:
    agreements.create_agreement(
        any_db,
        AgreementInput(title_ko="한·칠레 경제협력협정을 위한 양해각서", summary_ko="무역 및 투자 촉진"),
    )
    agreements.create_agreement(
        any_db, AgreementInput(title_ko="경제협력협정 개정 협의", title_en="Revision")
    )
    agreements.create_agreement(
        any_db, AgreementInput(title_ko="반도체 첨단 패키징 협약", title_en="Advanced Packaging Agreement")
    )
    organizations.create_organization(any_db, OrganizationInput(name_ko="SK하이닉스", name_en="SK hynix"))
    organizations.create_organization(any_db, OrganizationInput(name_ko="하나마이크론"))
    return any_db


def test_two_syllable_korean_term_inside_a_word_with_particle(korean: Database) -> None:
    assert sorted(titles(korean, "협정")) == [
        "경제협력협정 개정 협의",
        "한·칠레 경제협력협정을 위한 양해각서",
    ]


def test_korean_term_after_latin_prefix(korean: Database) -> None:
    assert titles(korean, "하이닉스") == ["SK하이닉스"]


def test_four_syllable_prefix_of_a_compound(korean: Database) -> None:
    assert len(titles(korean, "경제협력", "agreement")) == 2
    assert titles(korean, "협력정") == []  # not a substring anywhere


def test_english_is_case_insensitive_with_word_prefix(korean: Database) -> None:
    assert titles(korean, "pack") == ["반도체 첨단 패키징 협약"]
    assert titles(korean, "PACKAGING agreement") == ["반도체 첨단 패키징 협약"]
    assert titles(korean, "packs") == []


def test_all_words_must_occur(korean: Database) -> None:
    assert titles(korean, "경제협력 양해각서") == ["한·칠레 경제협력협정을 위한 양해각서"]
    assert titles(korean, "하이닉스 마이크론") == []


def test_nfd_query_finds_nfc_text_and_the_other_way_round(korean: Database) -> None:
    nfd = unicodedata.normalize("NFD", "하이닉스")
    assert nfd != "하이닉스"
    assert titles(korean, nfd) == ["SK하이닉스"]
    organizations.create_organization(
        korean, OrganizationInput(name_ko=unicodedata.normalize("NFD", "프로텍"))
    )
    assert len(titles(korean, "프로텍")) == 1
    assert titles(korean, "프로텍")[0] == "프로텍"  # shown composed


def test_full_width_and_half_width_forms_match(korean: Database) -> None:
    assert titles(korean, "ＳＫ하이닉스") == ["SK하이닉스"]
    assert titles(korean, "ｐａｃｋ") == ["반도체 첨단 패키징 협약"]
    organizations.create_organization(korean, OrganizationInput(name_ko="ＡＢＣ상사"))
    assert titles(korean, "abc") == ["ＡＢＣ상사"]


def test_single_character_query_still_matches(korean: Database) -> None:
    assert "SK하이닉스" in titles(korean, "닉")


def test_snippet_marks_the_match_in_the_original_text(korean: Database) -> None:
    [hit] = search(korean, "pack")
    assert "«Pack»aging" in hit.snippet
    assert ("Pack", True) in marked_parts(hit.snippet)
    [hit] = search(korean, "투자")
    assert hit.snippet == "무역 및 «투자» 촉진"


def test_results_grouped_by_kind_and_title_matches_rank_first(any_db: Database) -> None:
    org = organizations.create_organization(any_db, OrganizationInput(name_ko="삼성전자"))
    person = contacts.create_contact(any_db, ContactInput(name_ko="박서준", email="seojun.park@example.com"))
    contacts.add_membership(
        any_db, MembershipInput(person.id, org.id, title_ko="상무", department_ko="패키징개발실")
    )
    agreements.create_agreement(any_db, AgreementInput(title_ko="협력 협약", summary_ko="삼성전자 참여"))
    agreements.create_agreement(any_db, AgreementInput(title_ko="삼성전자 협약"))
    hits = search(any_db, "삼성")
    assert [h.kind for h in hits] == ["agreement", "agreement", "organization", "contact"]
    assert hits[0].title_ko == "삼성전자 협약" and hits[0].score > hits[1].score
    assert "«삼성»전자" in hits[3].snippet
    assert [h.kind for h in search(any_db, "삼성", kinds=("contact",))] == ["contact"]


def test_meeting_minutes_agenda_decisions_and_actions_are_searched(any_db: Database) -> None:
    m = meetings.create_meeting(any_db, MeetingInput(title_ko="1차 실무협의", summary_ko="공급망 점검"))
    meetings.add_agenda_item(
        any_db, m.id, AgendaItemInput(title_ko="인력양성", discussion_ko="석사과정 신설 논의")
    )
    meetings.add_decision(any_db, m.id, DecisionInput(text_ko="분기별 점검회의 개최"))
    action = meetings.add_action_item(any_db, m.id, ActionItemInput(title_ko="예산안 초안 작성"))
    for query in ("공급망", "석사과정", "분기별", "예산안"):
        assert titles(any_db, query) == ["1차 실무협의"], query
    meetings.remove_action_item(any_db, action.id)
    assert titles(any_db, "예산안") == []


def test_commitments_and_attachment_file_names(any_db: Database, tmp_path: Path) -> None:
    a = agreements.create_agreement(any_db, AgreementInput(title_ko="협약"))
    commitments.create_commitment(
        any_db,
        CommitmentInput(agreement_id=a.id, title_ko="테스트베드 구축", description_ko="첨단 장비 도입"),
    )
    file = tmp_path / "서명본_최종.pdf"
    file.write_bytes(b"%PDF-1.4")
    attachments.add_attachment(any_db, "agreement", a.id, file)
    assert titles(any_db, "테스트베드") == ["테스트베드 구축"]
    [hit] = search(any_db, "서명본")
    assert (hit.kind, hit.title_ko, hit.title_en, hit.parent_kind, hit.parent_id) == (
        "attachment",
        "서명본_최종.pdf",
        "서명본_최종.pdf",  # a file's name is the same in both languages
        "agreement",
        a.id,
    )


def test_index_follows_create_update_delete_restore(any_db: Database) -> None:
    org = organizations.create_organization(any_db, OrganizationInput(name_ko="한국반도체산업협회"))
    assert titles(any_db, "산업협회") == ["한국반도체산업협회"]
    organizations.update_organization(any_db, org.id, OrganizationInput(name_ko="한국디스플레이협회"))
    assert titles(any_db, "산업협회") == []
    assert titles(any_db, "디스플레이") == ["한국디스플레이협회"]
    organizations.delete_organization(any_db, org.id)
    assert titles(any_db, "디스플레이") == []
    organizations.restore_organization(any_db, org.id)
    assert titles(any_db, "디스플레이") == ["한국디스플레이협회"]


def test_contact_found_by_current_organization_and_follows_its_rename(any_db: Database) -> None:
    org = organizations.create_organization(any_db, OrganizationInput(name_ko="하나마이크론"))
    person = contacts.create_contact(any_db, ContactInput(name_ko="이도현"))
    contacts.add_membership(any_db, MembershipInput(person.id, org.id, title_ko="수석연구원"))
    assert titles(any_db, "마이크론", "contact") == ["이도현"]
    assert titles(any_db, "수석", "contact") == ["이도현"]
    organizations.update_organization(any_db, org.id, OrganizationInput(name_ko="하나반도체"))
    assert titles(any_db, "마이크론", "contact") == []
    assert titles(any_db, "하나반도체", "contact") == ["이도현"]


def test_index_is_written_in_the_same_transaction(any_db: Database) -> None:
    with any_db.session() as s:
        obj = Contact(name_ko="정하늘", email="haneul@example.com")
        s.add(obj)
        s.flush()
        inside = s.scalar(select(SearchDocument.title).where(SearchDocument.record_id == obj.id))
    assert inside == "정하늘"
    assert titles(any_db, "하늘") == ["정하늘"]

    with pytest.raises(RuntimeError), any_db.session() as s:
        s.add(Contact(name_ko="최유나"))
        s.flush()
        raise RuntimeError("user cancelled")
    assert titles(any_db, "유나") == []
    with any_db.session() as s:
        assert s.scalar(select(SearchDocument.kind).where(SearchDocument.title == "최유나")) is None


def test_check_repair_rebuilds_a_damaged_index(korean: Database) -> None:
    with korean.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_document"))
    assert titles(korean, "하이닉스") == []  # stale rows gone, nothing indexed
    report = check_database(korean, repair=True)
    assert any("search index rebuilt (5 records)" in line for line in report.lines), report.lines
    assert titles(korean, "하이닉스") == ["SK하이닉스"]
    assert len(titles(korean, "협정")) == 2


def test_index_is_built_after_the_upgrade_that_introduces_it(db: Database) -> None:
    organizations.create_organization(db, OrganizationInput(name_ko="SK하이닉스"))
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_document"))
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('delete-all')"))
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('search_index_stale', '1')"))
    assert titles(db, "하이닉스") == ["SK하이닉스"]


def test_cli_search_json(korean: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", korean.url, "search", "하이닉스", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["kind"], h["title"], h["title_ko"], h["title_en"], h["snippet"]) for h in hits] == [
        ("organization", "SK hynix", "SK하이닉스", "SK hynix", "SK«하이닉스» SK hynix")
    ]  # titled in the command's language (English here), both titles given
    assert set(hits[0]) >= {"kind", "id", "title", "snippet"}
    assert main(["--db", korean.url, "--lang", "ko", "search", "하이닉스", "--json"]) == 0
    assert [h["title"] for h in json.loads(capsys.readouterr().out)] == ["SK하이닉스"]
    assert main(["--db", korean.url, "search", "경제협력"]) == 0
    out = capsys.readouterr().out
    assert "[agreement]" in out and "«경제협력»협정을" in out


def test_upgrade_of_a_database_with_records_indexes_them(paths: object) -> None:
    from app.migrate import upgrade
    from app.paths import AppPaths, database_url

    assert isinstance(paths, AppPaths)
    url = database_url(None, paths)
    old = open_database(url, paths=paths, migrate=False)
    upgrade(old, "0002")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organization (id, name_ko, name_en, short_name, org_kind, country, website, notes,"
                " created_at, updated_at, version) VALUES ('0b0e3c3e2c2a4d4e9f0a1b2c3d4e5f60', 'SK하이닉스', '',"
                " '', 'company', 'KR', '', '', '2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
            )
        )
    old.close()
    with open_database(paths=paths) as new:
        assert titles(new, "하이닉스") == ["SK하이닉스"]


def test_upgrade_to_three_letter_grams_rebuilds_an_index_of_bigrams(paths: object) -> None:
    """A SQLite index written with bigrams only (0003 to 0005) is rebuilt, and then still edited."""
    from app.migrate import upgrade
    from app.paths import AppPaths, database_url

    assert isinstance(paths, AppPaths)
    url = database_url(None, paths)
    old = open_database(url, paths=paths, migrate=False)
    upgrade(old, "0005")
    org_id = "0b0e3c3e2c2a4d4e9f0a1b2c3d4e5f60"
    with old.engine.begin() as conn:  # the record and its index entry as 0005's code wrote them: bigrams
        conn.execute(
            text(
                "INSERT INTO organization (id, name_ko, name_en, short_name, org_kind, country, website, notes,"
                f" created_at, updated_at, version) VALUES ('{org_id}', 'SK하이닉스', 'OSAT Packaging',"
                " '', 'company', 'KR', '', '', '2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO search_document (doc_no, record_id, kind, parent_kind, parent_id, title, heading,"
                " body, folded_heading, folded_body) VALUES (1, :id, 'organization', '', NULL, 'SK하이닉스',"
                " 'SK하이닉스 OSAT Packaging', '', 'sk하이닉스 osat packaging', '')"
            ),
            {"id": org_id},
        )
        bigrams = " · ".join(
            " ".join(w[i : i + 2] for i in range(len(w) - 1)) for w in ("sk하이닉스", "osat", "packaging")
        )
        conn.execute(
            text("INSERT INTO search_fts(rowid, kind, heading, body) VALUES (1, 'organization', :h, '')"),
            {"h": bigrams},
        )
    old.close()
    with open_database(paths=paths) as new:
        assert titles(new, "osat") == titles(new, "하이닉스") == titles(new, "pack") == ["SK하이닉스"]
        organizations.update_organization(
            new, UUID(org_id), OrganizationInput(name_ko="SK하이닉스", name_en="HBM"), expected_version=1
        )
        assert titles(new, "osat") == [] and titles(new, "hbm") == ["SK하이닉스"]
        assert check_database(new).healthy
        with new.engine.begin() as conn:  # raises when the FTS5 structure is inconsistent
            conn.execute(text("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 0)"))


def test_many_matches_title_matches_first_and_the_limit_holds(any_db: Database) -> None:
    for i in range(30):
        agreements.create_agreement(
            any_db, AgreementInput(title_ko=f"협력 {i}", summary_ko="Chiplet 공동연구")
        )
    agreements.create_agreement(any_db, AgreementInput(title_ko="Chiplet 표준 협약"))
    for i in range(30):
        agreements.create_agreement(any_db, AgreementInput(title_ko=f"교류 {i}", summary_ko="chiplets 시범"))
    hits = search(any_db, "chiplet", limit=10)
    assert len(hits) == 10 and hits[0].title_ko == "Chiplet 표준 협약"
    assert all("«" in h.snippet for h in hits)
    assert len(search(any_db, "chiplet")) == 50
    assert len(search(any_db, "chiplet 시범", limit=100)) == 30


def test_snippet_of_a_long_text_shows_the_passage_around_the_first_match() -> None:
    from app.search.query import snippet

    body = "가" * 300 + "\nSK하이닉스와 하이닉스" + "나" * 300 + " 하이닉스"
    shown = snippet("제목", body, ["하이닉스"])
    assert shown.startswith("…가") and shown.endswith("나…")
    assert " SK«하이닉스»와 «하이닉스»나" in shown and len(shown) == 100 + 2 + 4
    nfd = unicodedata.normalize("NFD", "«참고» SK하이닉스 Straße")
    assert snippet("제목", nfd, ["하이닉스", "strasse"]) == "‹참고› SK«하이닉스» «Straße»"
    assert snippet("SK하이닉스", "무관", ["하이닉스"]) == "SK«하이닉스»"


def test_snippet_shows_every_white_space_as_a_space() -> None:
    import sys

    from app.search.query import _SPACES

    assert set(_SPACES) == {c for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def test_two_letter_english_words_match_as_themselves_or_the_start_of_a_longer_piece(
    any_db: Database,
) -> None:
    organizations.create_organization(any_db, OrganizationInput(name_ko="에이아이연구소", name_en="AI Lab"))
    organizations.create_organization(any_db, OrganizationInput(name_ko="메인", name_en="Maintenance Co"))
    organizations.create_organization(any_db, OrganizationInput(name_ko="우주", notes="Has 5G"))
    assert sorted(titles(any_db, "ai")) == ["메인", "에이아이연구소"]
    assert titles(any_db, "5g") == ["우주"] and titles(any_db, "ce") == ["메인"]
