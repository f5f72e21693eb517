"""Importing organizations from CSV or XLSX: matched by any of their names, else created."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.dto import OrganizationInput
from app.enums import OrgKind
from app.errors import ImportFormatError, ValidationError
from app.models import Organization
from app.progress import Progress
from app.services.organizations import _values as organization_values
from app.services.records import apply
from app.text import fold_for_search
from app.transfer.fields import has_hangul
from app.transfer.report import ImportOptions, ImportReport, RowProblem
from app.transfer.source import read_source

if TYPE_CHECKING:
    from app.db import Database


def _key(text: str) -> str:
    return fold_for_search(text).replace(" ", "")


def parse_org_kind(text: str) -> OrgKind:
    key = _key(text)
    for kind in OrgKind:
        if key in {_key(kind.value), _key(kind.label("ko")), _key(kind.label("en"))}:
            return kind
    raise ValidationError(
        "org_kind",
        f"기관 유형을 알 수 없습니다: {text} ({', '.join(k.label('ko') for k in OrgKind)})",
        f"Unknown organization kind: {text} (use {', '.join(k.label('en') for k in OrgKind)})",
    )


def import_organizations(
    db: Database, path: Path, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportReport:
    options = options or ImportOptions(kind="organizations")
    progress = progress or Progress()
    source = read_source(Path(path), options)
    if not {"name", "name_ko", "name_en"} & set(source.mapping.values()):
        raise ImportFormatError(
            "기관명 열을 찾을 수 없습니다 (기관명, Name ...). 열: " + ", ".join(source.headers),
            "No name column found (기관명, Name ...). The columns are: " + ", ".join(source.headers),
        )
    problems: list[RowProblem] = []
    valid: list[tuple[int, dict[str, object]]] = []
    for number, v in source.entries:
        name = v.get("name", "")
        name_ko = v.get("name_ko") or (name if has_hangul(name) else "")
        name_en = v.get("name_en") or ("" if has_hangul(name) else name)
        try:
            kind = parse_org_kind(v["org_kind"]) if v.get("org_kind") else OrgKind.COMPANY
            data = OrganizationInput(
                name_ko=name_ko,
                name_en=name_en,
                short_name=v.get("short_name", ""),
                org_kind=kind,
                country=v.get("country", "KR"),
                website=v.get("website", ""),
                notes=v.get("notes", ""),
            )
            valid.append((number, {**organization_values(data), "_explicit": set(v)}))
        except ValidationError as exc:
            problems.append(RowProblem(number, exc.field, str(exc)))
    written = not options.dry_run and not (problems and not options.skip_invalid)
    created = updated = 0
    with db.session() as s:
        known: dict[str, Organization] = {}
        for existing in s.scalars(select(Organization).where(Organization.deleted_at.is_(None))):
            for name in (existing.short_name, existing.name_en, existing.name_ko):
                if name:
                    known[_key(name)] = existing
        for _number, values in valid:
            progress.check()
            explicit = values.pop("_explicit")
            assert isinstance(explicit, set)
            names = [str(values[k]) for k in ("name_ko", "name_en") if values[k]]
            org = next((known[_key(n)] for n in names if _key(n) in known), None)
            if org is None:
                org = Organization(**values)
                s.add(org)
                created += 1
            else:
                # Only the columns the file has, and only where it says something.
                changes = {
                    k: v
                    for k, v in values.items()
                    if v not in ("", None) and (k in explicit or k.startswith("name"))
                }
                before = s.is_modified(org)
                apply(org, changes)
                if s.is_modified(org) and not before:
                    updated += 1
            for n in names:
                known[_key(n)] = org
        if not written:
            s.rollback()
    return ImportReport(
        kind="organizations",
        source_format=source.format,
        total=len(source.entries),
        created=created,
        updated=updated,
        unchanged=len(valid) - created - updated,
        invalid=len(problems),
        problems=tuple(problems),
        written=written,
        dry_run=options.dry_run,
        encoding=source.encoding,
        mapping=source.mapping,
    )
