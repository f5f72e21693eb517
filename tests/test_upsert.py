"""The importers' shared skeleton: counts, refused rows with their numbers, whether anything is written."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.enums import OrgKind
from app.errors import ValidationError
from app.models import Organization
from app.transfer.organizations_import import import_organizations
from app.transfer.report import ImportOptions, RowProblem
from app.transfer.upsert import Upsert


def test_a_refused_row_keeps_its_number_and_stops_its_block() -> None:
    upsert = Upsert("organizations", ImportOptions(kind="organizations"))
    reached: list[int] = []
    with upsert.row(7):
        raise ValidationError("name_ko", "기관명이 없습니다.", "No name.")
    with upsert.row(8):
        reached.append(8)
    assert reached == [8]
    assert upsert.problems == [
        RowProblem(7, "name_ko", str(ValidationError("name_ko", "기관명이 없습니다.", "No name.")))
    ]
    assert not upsert.written


def test_written_unless_a_dry_run_or_a_refused_row_without_skip_invalid() -> None:
    problem = ValidationError("x", "잘못", "wrong")
    for dry_run, skip_invalid, refused, written in [
        (False, False, False, True),
        (True, False, False, False),
        (False, False, True, False),
        (False, True, True, True),
        (True, True, True, False),
    ]:
        upsert = Upsert(
            "meetings", ImportOptions(kind="meetings", dry_run=dry_run, skip_invalid=skip_invalid)
        )
        if refused:
            upsert.refuse(2, problem)
        assert upsert.written is written
        report = upsert.report("ics", 3)
        assert (report.written, report.dry_run, report.invalid) == (written, dry_run, int(refused))


def test_create_and_update_count_each_record_once(db: Database) -> None:
    upsert = Upsert("organizations", ImportOptions(kind="organizations"))
    with db.session() as s:
        org = upsert.create(s, Organization(name_ko="한빛", name_en="", short_name="", org_kind=OrgKind.COMPANY,
                                            country="KR", website="", notes=""))  # fmt: skip
        s.flush()
        upsert.update(s, org, {"website": "https://hanbit.example"})  # a change: updated
        upsert.update(s, org, {"notes": "again"})  # already changed by an earlier row: unchanged
        other = upsert.create(s, Organization(name_ko="누리", name_en="", short_name="", org_kind=OrgKind.COMPANY,
                                              country="KR", website="", notes=""))  # fmt: skip
        s.flush()
        upsert.update(s, other, {"name_ko": "누리"})  # nothing new: unchanged
    assert (upsert.created, upsert.updated, upsert.unchanged) == (2, 1, 2)


def test_an_organization_named_twice_in_a_file_is_created_once(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text(
        "기관명,웹사이트\n한빛대학교,\n한빛대학교,https://hanbit.example\n,\n누리,\n", encoding="utf-8"
    )
    report = import_organizations(db, path)
    assert (report.created, report.updated, report.unchanged, report.invalid) == (2, 0, 1, 0)
    with db.session() as s:
        names = sorted(s.scalars(select(Organization.name_ko)))
    assert names == ["누리", "한빛대학교"]
