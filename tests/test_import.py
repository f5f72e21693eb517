"""Importing contacts from real-world exports: Outlook, Google, Excel (CP949), XLSX, phones, macOS."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.dto import ContactInput, MembershipInput, OrganizationInput
from app.models import AuditEvent, Contact, Membership, Organization
from app.progress import Cancelled, Progress
from app.search import search
from app.services import contacts, organizations
from app.transfer.contacts_import import import_contacts
from app.transfer.organizations_import import import_organizations
from app.transfer.report import ImportOptions
from cli import main

DATA = Path(__file__).parent / "data"
SAMPLES = sorted(p.name for p in DATA.iterdir() if p.suffix in (".csv", ".xlsx", ".vcf"))


Person = tuple[str, str, str, str, str, str, str, str]


def people(db: Database) -> dict[str, Person]:
    """name -> (email, phone, mobile, organization, title in Korean, in English, department in Korean,
    in English) of every live contact."""
    out = {}
    with db.session() as s:
        for c in s.scalars(select(Contact).where(Contact.deleted_at.is_(None))):
            row = s.execute(
                select(
                    Organization.name_ko, Organization.name_en, Membership.title_ko, Membership.title_en,
                    Membership.department_ko, Membership.department_en,
                )
                .join(Organization, Organization.id == Membership.organization_id)
                .where(Membership.contact_id == c.id, Membership.deleted_at.is_(None))
            ).first()  # fmt: skip
            position = ((row[0] or row[1]), *row[2:]) if row else ("", "", "", "", "")
            out[c.name_ko or c.name_en] = (c.email, c.phone, c.mobile, *position)
    return out


def count(db: Database, model: type) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_outlook_export(db: Database) -> None:
    report = import_contacts(db, DATA / "outlook_contacts.csv")
    assert (report.created, report.invalid, report.written) == (3, 0, True)
    found = people(db)
    # "Title" is Outlook's honorific (Mr.), "Job Title" the position: English, by its script.
    assert found["Daniel Kim"] == (
        "daniel.kim@example.com", "+65 6000 0000", "+65 9000 0000", "Example Global OSAT Ltd.", "", "Director",
        "", "Business Development",
    )  # fmt: skip
    assert found["정수빈"] == (
        "subin.jung@example.com", "044-000-0000", "", "산업통상자원부", "사무관", "", "반도체과", "",
    )  # fmt: skip
    with db.session() as s:
        notes = s.scalar(select(Contact.notes).where(Contact.email == "daniel.kim@example.com"))
    assert notes == "Met at SEMICON Korea.\nFollow up on OSAT capacity."


def test_google_contacts_export(db: Database) -> None:
    report = import_contacts(db, DATA / "google_contacts.csv")
    assert (report.created, report.invalid) == (2, 0)
    found = people(db)
    assert found["최유나"] == (
        "yuna.choi@example.com", "031-000-0000", "010-0000-1111", "SK하이닉스", "부장", "", "PKG개발", "",
    )  # fmt: skip
    assert found["Jiyoon Han"][3:6] == ("Ministry of Trade, Industry and Energy", "", "Director")


def test_korean_excel_csv_in_cp949(db: Database) -> None:
    report = import_contacts(db, DATA / "korean_excel_cp949.csv")
    assert (report.created, report.encoding) == (3, "cp949")
    found = people(db)
    assert found["박서준"] == (
        "seojun.park@example.com", "02-000-0000", "010-0000-2222", "삼성전자", "상무", "", "패키징개발실", "",
    )  # fmt: skip
    with db.session() as s:
        notes = s.scalar(select(Contact.notes).where(Contact.name_ko == "이도현"))
    assert notes == "똠방각하 뷁 (CP949 확장 음절)"


def test_xlsx_with_korean_headers(db: Database) -> None:
    report = import_contacts(db, DATA / "contacts_korean_headers.xlsx")
    assert report.mapping == {
        "이름": "name", "기관명": "organization", "직책": "title", "부서": "department", "E-mail": "email",
        "핸드폰": "mobile", "메모": "notes",
    }  # fmt: skip
    found = people(db)
    assert found["한지윤"] == (
        "jiyoon.han@example.com", "", "010-0000-8888", "산업통상자원부", "과장", "", "반도체과", "",
    )  # fmt: skip
    assert found["Seojun Park"][3:6] == ("Samsung Electronics", "", "Vice President")


def test_android_vcard_21_quoted_printable(db: Database) -> None:
    report = import_contacts(db, DATA / "android_contacts_21.vcf")
    assert (report.created, report.source_format) == (3, "vcf")
    found = people(db)
    assert found["김민준"] == (
        "minjun.kim@example.com", "02-000-4444", "010-0000-4444", "한국반도체산업협회", "책임연구원", "",
        "정책연구팀", "",
    )  # fmt: skip
    assert found["남궁서윤"][2:4] == ("010-0000-5555", "하나마이크론")
    assert found["Ann Lee"][2] == "+1-555-0100"
    with db.session() as s:
        notes = s.scalar(select(Contact.notes).where(Contact.name_ko == "김민준"))
    assert notes.endswith("연락은 휴대전화로 주십시오.")  # a soft-broken quoted-printable line


def test_macos_vcard_30_with_item_groups(db: Database) -> None:
    import_contacts(db, DATA / "macos_contacts_30.vcf")
    found = people(db)
    assert found["박서연"] == (
        "seoyeon.park@example.com", "02-000-6666", "010-0000-6666", "예시전자", "책임연구원", "", "연구개발팀", "",
    )  # fmt: skip
    with db.session() as s:
        notes = s.scalar(select(Contact.notes).where(Contact.name_ko == "박서연"))
    assert notes.startswith(
        "예시 데이터. 첨단 패키징 기술 세미나에서 명함 교환, 후속 미팅 요청 받음. (접힌 줄"
    )


def test_vcard_40(db: Database) -> None:
    import_contacts(db, DATA / "contacts_40.vcf")
    assert people(db)["오세훈"] == (
        "sehoon.oh@example.com", "", "+82-10-0000-7777", "산업통상자원부", "사무관", "", "반도체과", "",
    )  # fmt: skip


@pytest.mark.parametrize("name", SAMPLES)
def test_importing_a_file_twice_creates_no_duplicates(db: Database, name: str) -> None:
    first = import_contacts(db, DATA / name)
    before = (count(db, Contact), count(db, Organization), count(db, Membership))
    second = import_contacts(db, DATA / name)
    assert (count(db, Contact), count(db, Organization), count(db, Membership)) == before
    assert (second.created, second.updated, second.unchanged) == (0, 0, first.created)


def test_reimport_and_matching_on_both_databases(any_db: Database) -> None:
    org = organizations.create_organization(any_db, OrganizationInput(name_ko="SK하이닉스"))
    existing = contacts.create_contact(any_db, ContactInput(name_ko="최유나"))  # no e-mail yet
    contacts.add_membership(
        any_db, MembershipInput(existing.id, org.id, title_ko="차장", title_en="Deputy GM")
    )
    report = import_contacts(any_db, DATA / "google_contacts.csv")
    assert (report.created, report.updated, report.organizations_created) == (1, 1, 1)
    found = people(any_db)
    assert found["최유나"][0] == "yuna.choi@example.com"  # matched by name + organization, then updated
    assert found["최유나"][4:6] == ("부장", "Deputy GM")  # the Korean title replaced, the English one kept
    again = import_contacts(any_db, DATA / "google_contacts.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert count(any_db, Contact) == 2
    assert [h.title("ko").text for h in search(any_db, "유나")] == [
        "최유나"
    ]  # the index follows a bulk import
    assert [h.title("en").text for h in search(any_db, "jiyoon")] == ["Jiyoon Han"]
    assert [h.title("ko").text for h in search(any_db, "부장")] == ["최유나"]  # the position is indexed


def test_email_matches_case_insensitively(db: Database) -> None:
    import_contacts(db, DATA / "google_contacts.csv")
    report = import_contacts(db, DATA / "contacts_korean_headers.xlsx")  # YUNA.CHOI@EXAMPLE.COM
    assert (report.created, report.updated, report.unchanged) == (1, 1, 1)  # Park new, Han updated, Choi same
    assert count(db, Contact) == 3


def bad_csv(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["이름", "소속", "이메일"])
        writer.writerow(["한지윤", "산업통상자원부", "jiyoon.han@example.com"])
        writer.writerow(["오세훈", "산업통상자원부", "sehoon.oh(at)example.com"])
        writer.writerow(["", "삼성전자", "nobody@example.com"])
        writer.writerow(["최유나", "SK하이닉스", "yuna.choi@example.com"])
        writer.writerow(["정하늘\x07", "LG화학", ""])
    return path


def test_invalid_rows_are_listed_with_spreadsheet_row_numbers_and_nothing_is_written(
    db: Database, tmp_path: Path
) -> None:
    report = import_contacts(db, bad_csv(tmp_path))
    assert [(p.row, p.field) for p in report.problems] == [(3, "email"), (4, "name_ko"), (6, "name_ko")]
    assert "sehoon.oh(at)example.com" in report.problems[0].message
    assert "U+0007" in report.problems[2].message
    assert (report.written, report.invalid) == (False, 3)
    assert count(db, Contact) == count(db, Organization) == count(db, AuditEvent) == 0


def test_skip_invalid_imports_the_valid_rows(db: Database, tmp_path: Path) -> None:
    report = import_contacts(db, bad_csv(tmp_path), ImportOptions(skip_invalid=True))
    assert (report.written, report.created, report.invalid) == (True, 2, 3)
    assert sorted(people(db)) == ["최유나", "한지윤"]


def test_dry_run_reports_and_writes_nothing(db: Database) -> None:
    report = import_contacts(db, DATA / "outlook_contacts.csv", ImportOptions(dry_run=True))
    assert (report.created, report.organizations_created, report.written) == (3, 3, False)
    assert count(db, Contact) == count(db, Organization) == 0


def test_bulk_import_writes_audit_events(db: Database) -> None:
    import_contacts(db, DATA / "korean_excel_cp949.csv")
    with db.session() as s:
        events = s.execute(select(AuditEvent.entity_kind, AuditEvent.action, AuditEvent.changes)).all()
    kinds = sorted((k, a) for k, a, _ in events)
    assert (
        kinds
        == [("contact", "create")] * 3 + [("membership", "create")] * 3 + [("organization", "create")] * 3
    )
    contact_changes = [c for k, _, c in events if k == "contact"]
    assert {"email": [None, "seojun.park@example.com"]}.items() <= next(
        c for c in contact_changes if c["name_ko"] == [None, "박서준"]
    ).items()


def test_a_failure_midway_leaves_nothing_behind(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.transfer.contacts_import as module

    def broken(*_args: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(module, "write_documents", broken)
    with pytest.raises(OSError):
        import_contacts(db, DATA / "outlook_contacts.csv")
    assert count(db, Contact) == count(db, Organization) == count(db, AuditEvent) == 0


def test_cancelling_rolls_back(db: Database) -> None:
    progress = Progress(
        on_report=lambda done, total, label: progress.cancel() if label == "writing" else None
    )
    with pytest.raises(Cancelled):
        import_contacts(db, DATA / "outlook_contacts.csv", progress=progress)
    assert count(db, Contact) == 0


def test_organizations_import(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text(
        "기관명,영문명,약칭,유형,국가,홈페이지\n"
        "한국반도체산업협회,Korea Semiconductor Industry Association,KSIA,협회,KR,https://example.com\n"
        "예시 유럽 반도체 연구소,Example European Semiconductor Institute,EESI,해외기관,BE,\n"
        "이상한기관,,,우주정거장,KR,\n",
        encoding="utf-8",
    )
    report = import_organizations(db, path)
    assert [(p.row, p.field) for p in report.problems] == [(4, "org_kind")]
    assert report.written is False
    report = import_organizations(db, path, ImportOptions(kind="organizations", skip_invalid=True))
    assert (report.created, report.written) == (2, True)
    again = import_organizations(db, path, ImportOptions(kind="organizations", skip_invalid=True))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert [o.short_name for o in organizations.list_organizations(db)] == ["EESI", "KSIA"]


def test_cli_import(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db.url, "import", str(bad_csv(tmp_path))]) == 1
    captured = capsys.readouterr()
    assert "bad.csv: row 3: Not a valid e-mail address" in captured.err
    assert "Nothing imported" in captured.out
    assert main(["--db", db.url, "import", str(DATA / "macos_contacts_30.vcf"), "--dry-run"]) == 0
    assert "2 to create" in capsys.readouterr().out
    assert count(db, Contact) == 0
    assert main(["--db", db.url, "import", str(DATA / "macos_contacts_30.vcf")]) == 0
    assert count(db, Contact) == 2


def test_agreements_round_trip_and_row_problems(demo_sqlite: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from app.transfer.agreements_import import import_agreements
    from app.transfer.export import export_list

    dest = tmp_path / "agreements.xlsx"
    n = export_list(demo_sqlite, "agreements", "xlsx", dest)
    report = import_agreements(demo_sqlite, dest)
    assert (report.created, report.updated, report.unchanged) == (0, 0, n)
    book = load_workbook(dest)
    sheet = book.active
    assert sheet is not None
    sheet["A2"] = sheet["A2"].value + " (개정)"
    sheet["F3"] = "2023-02-30"
    sheet.append(["새 협약", "", "NEW-1", "MOU", "Draft", "2025. 3. 4.", None, None, None])
    book.save(dest)
    report = import_agreements(demo_sqlite, dest)
    assert [(p.row, p.field) for p in report.problems] == [(3, "signed_on")] and not report.written
    report = import_agreements(demo_sqlite, dest, ImportOptions(kind="agreements", skip_invalid=True))
    assert (report.created, report.updated, report.written) == (1, 1, True)
    [new] = [h for h in search(demo_sqlite, "새 협약") if h.kind == "agreement"]
    assert (new.title_ko, new.title_en) == ("새 협약", "")


def test_positions_come_in_two_columns_per_language_or_one_read_by_script(
    db: Database, tmp_path: Path
) -> None:
    from app.transfer.preview import read_preview

    korean = tmp_path / "two-ko.csv"
    korean.write_text(
        "이름,소속,직위(한글),직위(영문),부서(한글),부서(영문),이메일\n"
        "한지윤,산업통상자원부,과장,Director,반도체과,Semiconductor Division,jiyoon.han@example.com\n",
        encoding="utf-8",
    )
    english = tmp_path / "two-en.csv"
    english.write_text(
        "Name,Organization,Title (Korean),Title (English),Department (Korean),Department (English),E-mail\n"
        "Daniel Kim,Example Global OSAT Ltd.,,Director,,Business Development,daniel.kim@example.com\n",
        encoding="utf-8",
    )
    one = tmp_path / "one.csv"  # one column each, as older files and other programs have them
    one.write_text(
        "Name,Organization,Job Title,Department,E-mail\n"
        "Grace Lee,Example Institute,Senior Researcher,연구기획팀,grace.lee@example.com\n",
        encoding="utf-8",
    )
    preview = read_preview(korean, "contacts", 20)
    assert preview.mapping is not None
    assert [preview.mapping[h] for h in ("직위(한글)", "직위(영문)", "부서(한글)", "부서(영문)")] == [
        "title_ko", "title_en", "department_ko", "department_en",
    ]  # fmt: skip
    for path in (korean, english, one):
        assert import_contacts(db, path).invalid == 0
    found = people(db)
    assert found["한지윤"][3:] == ("산업통상자원부", "과장", "Director", "반도체과", "Semiconductor Division")
    assert found["Daniel Kim"][3:] == ("Example Global OSAT Ltd.", "", "Director", "", "Business Development")
    assert found["Grace Lee"][3:] == ("Example Institute", "", "Senior Researcher", "연구기획팀", "")

    # Only the English title changes: the Korean one and the departments stay as they were.
    korean.write_text(
        "이름,소속,직위(영문),이메일\n한지윤,산업통상자원부,Division Director,jiyoon.han@example.com\n",
        encoding="utf-8",
    )
    assert import_contacts(db, korean).updated == 1
    assert people(db)["한지윤"][4:] == ("과장", "Division Director", "반도체과", "Semiconductor Division")
