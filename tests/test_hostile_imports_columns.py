"""Korean column names: Korean-language Outlook, Google Contacts in Korean, card-scanner exports.

Each file is written here as the program writes it (Outlook's Korean CSV in CP949, the
"ANSI" of Korean Windows); every field it holds arrives, and every column that holds a
value but is not imported is named by the summary and the preview: none is dropped silently.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Contact, Membership, Organization
from app.transfer.contacts_import import import_contacts
from app.transfer.preview import read_preview
from cli import main

# Korean-language Outlook 2016-365, File > Open & Export > Import/Export > "쉼표로 분리된 값".
OUTLOOK_KO = [
    "제목", "이름", "중간 이름", "성", "호칭", "회사", "부서", "직함", "근무지 주소 번지", "근무지 구/군/시",
    "근무지 우편 번호", "근무지 팩스", "근무처 전화", "근무처 전화 2", "회사 대표 전화", "집 전화", "휴대폰",
    "메모", "웹 페이지", "전자 메일 주소", "전자 메일 유형", "전자 메일 표시 이름", "전자 메일 2 주소", "범주",
]  # fmt: skip

GOOGLE_KO = [
    "이름", "성", "중간 이름", "이메일 1 - 라벨", "이메일 1 - 값", "전화 1 - 라벨", "전화 1 - 값",
    "전화 2 - 라벨", "전화 2 - 값", "조직 1 - 이름", "조직 1 - 직함", "조직 1 - 부서", "메모", "라벨",
]  # fmt: skip

# Remember (리멤버) 명함첩 and similar card-scanner exports.
CARD_APP = [
    "이름",
    "회사",
    "부서",
    "직책",
    "휴대폰",
    "유선전화",
    "팩스",
    "이메일",
    "주소",
    "홈페이지",
    "메모",
    "등록일",
]


def person(db: Database, email: str) -> tuple[str, ...]:
    """(name, phone, mobile, notes, organization, title in Korean, in English, department in Korean,
    in English, email) of the contact with ``email``."""
    with db.session() as s:
        c = s.scalars(select(Contact).where(Contact.email == email)).one()
        position = s.execute(
            select(
                Organization.name_ko, Membership.title_ko, Membership.title_en, Membership.department_ko,
                Membership.department_en,
            )
            .join(Organization, Organization.id == Membership.organization_id)
            .where(Membership.contact_id == c.id)
        ).one()  # fmt: skip
        return (c.name_ko, c.phone, c.mobile, c.notes, *position, c.email)


def write_csv(path: Path, headers: list[str], rows: list[dict[str, str]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(h, "") for h in headers])
    return path


@pytest.fixture
def outlook_ko(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "outlook-ko.csv",
        OUTLOOK_KO,
        [
            {
                "이름": "수빈",
                "성": "정",
                "회사": "예시전자",
                "부서": "대외협력팀",
                "직함": "책임",
                "근무처 전화": "02-0000-1234",
                "휴대폰": "010-0000-5678",
                "메모": "2026 협약 담당",
                "전자 메일 주소": "subin.jung@example.com",
                "전자 메일 유형": "SMTP",
                "전자 메일 표시 이름": "정수빈 (subin.jung@example.com)",
                "웹 페이지": "https://example.com",
                "전자 메일 2 주소": "subin@example.org",
            },
            {
                "이름": "하늘",
                "성": "김",
                "회사": "예시대학교",
                "전자 메일 주소": "haneul.kim@example.com",
                "전자 메일 유형": "SMTP",
            },
        ],
        "cp949",
    )


def test_korean_outlook_contacts_keep_their_email_and_every_field(db: Database, outlook_ko: Path) -> None:
    report = import_contacts(db, outlook_ko)
    assert (report.created, report.invalid, report.encoding) == (2, 0, "cp949")
    assert person(db, "subin.jung@example.com") == (
        "정수빈", "02-0000-1234", "010-0000-5678", "2026 협약 담당", "예시전자", "책임", "", "대외협력팀", "",
        "subin.jung@example.com",
    )  # fmt: skip
    # The columns that hold something and are not imported, in the file's order; empty ones are not named.
    assert report.unused == ("웹 페이지", "전자 메일 유형", "전자 메일 표시 이름", "전자 메일 2 주소")


def test_the_command_line_names_the_columns_it_did_not_import(
    home: Path, outlook_ko: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(home), "--lang", "en", "import", str(outlook_ko)]) == 0
    out = capsys.readouterr().out
    assert "Contacts: 2 created" in out
    assert "Columns not imported (4): 웹 페이지, 전자 메일 유형, 전자 메일 표시 이름, 전자 메일 2 주소" in out
    assert main(["--home", str(home), "--lang", "ko", "import", str(outlook_ko), "--dry-run"]) == 0
    assert "가져오지 않은 열 4개: 웹 페이지, 전자 메일 유형" in capsys.readouterr().out


def test_google_contacts_in_korean(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "google-ko.csv",
        GOOGLE_KO,
        [
            {
                "이름": "민준",
                "성": "이",
                "이메일 1 - 라벨": "* 직장",
                "이메일 1 - 값": "minjun.lee@example.com",
                "전화 1 - 라벨": "휴대전화",
                "전화 1 - 값": "010-0000-1111",
                "전화 2 - 라벨": "직장",
                "전화 2 - 값": "031-000-2222",
                "조직 1 - 이름": "예시연구원",
                "조직 1 - 직함": "선임연구원",
                "조직 1 - 부서": "소재연구실",
                "메모": "소개: 정수빈",
                "라벨": "* myContacts",
            }
        ],
        "utf-8",
    )
    report = import_contacts(db, path)
    assert (report.created, report.invalid) == (1, 0)
    assert person(db, "minjun.lee@example.com") == (
        "이민준", "031-000-2222", "010-0000-1111", "소개: 정수빈", "예시연구원", "선임연구원", "", "소재연구실", "",
        "minjun.lee@example.com",
    )  # fmt: skip
    assert report.unused == ("이메일 1 - 라벨", "라벨")


def test_a_card_scanner_xlsx(db: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(CARD_APP)
    sheet.append(
        ["최지우", "예시물산", "구매팀", "과장", "010-0000-3333", "02-000-4444", "02-000-4445",
         "jiwoo.choi@example.com", "서울시 예시구 예시로 1", "https://example.com", "전시회 명함", "2026-11-02",
         "a cell under no header"]
    )  # fmt: skip
    path = tmp_path / "remember.xlsx"
    book.save(path)
    report = import_contacts(db, path, None)
    assert (report.created, report.invalid) == (1, 0)
    assert person(db, "jiwoo.choi@example.com") == (
        "최지우", "02-000-4444", "010-0000-3333", "전시회 명함", "예시물산", "과장", "", "구매팀", "",
        "jiwoo.choi@example.com",
    )  # fmt: skip
    assert report.unused == ("팩스", "주소", "홈페이지", "등록일", "[M]")


def test_the_preview_names_the_columns_that_would_not_be_imported(outlook_ko: Path) -> None:
    preview = read_preview(outlook_ko, "contacts", 20)
    assert preview.mapping is not None and preview.mapping["전자 메일 주소"] == "email"
    assert preview.mapping["근무처 전화"] == "phone"
    assert "전자 메일 주소" not in preview.unused
    assert preview.unused[:4] == ("제목", "호칭", "근무지 주소 번지", "근무지 구/군/시")
    assert "웹 페이지" in preview.unused and "전자 메일 2 주소" in preview.unused


def test_the_preview_of_a_vcard_names_the_properties_not_imported(tmp_path: Path) -> None:
    path = tmp_path / "card.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:김하늘\r\nEMAIL:haneul.kim@example.com\r\n"
        "ADR;TYPE=WORK:;;예시로 1;서울;;04500;대한민국\r\nURL:https://example.com\r\nBDAY:1990-01-02\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    preview = read_preview(path, "contacts", 20)
    assert preview.unused == ("ADR", "URL", "BDAY")
