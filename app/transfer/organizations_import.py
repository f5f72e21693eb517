"""Importing organizations from CSV or XLSX: matched by any of their names, else created."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.dto import OrganizationInput
from app.enums import OrgKind
from app.errors import ImportFormatError, ValidationError
from app.models import Organization
from app.progress import Progress
from app.services.organizations import organization_values
from app.text import has_hangul
from app.transfer.fields import match_key
from app.transfer.report import ImportOptions, ImportReport
from app.transfer.source import read_source
from app.transfer.upsert import Upsert

if TYPE_CHECKING:
    from app.db import Database


def parse_org_kind(text: str) -> OrgKind:
    key = match_key(text)
    for kind in OrgKind:
        if key in {match_key(kind.value), match_key(kind.label("ko")), match_key(kind.label("en"))}:
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
    upsert = Upsert("organizations", options)
    valid: list[tuple[dict[str, object], set[str]]] = []
    for number, v in source.entries:
        name = v.get("name", "")
        with upsert.row(number):
            kind = parse_org_kind(v["org_kind"]) if v.get("org_kind") else OrgKind.COMPANY
            data = OrganizationInput(
                name_ko=v.get("name_ko") or (name if has_hangul(name) else ""),
                name_en=v.get("name_en") or ("" if has_hangul(name) else name),
                short_name=v.get("short_name", ""),
                org_kind=kind,
                country=v.get("country", "KR"),
                website=v.get("website", ""),
                notes=v.get("notes", ""),
            )
            valid.append((organization_values(data), set(v)))
    with db.session() as s:
        known: dict[str, Organization] = {}
        for existing in s.scalars(select(Organization).where(Organization.deleted_at.is_(None))):
            for name in (existing.short_name, existing.name_en, existing.name_ko):
                if name:
                    known[match_key(name)] = existing
        for values, explicit in valid:
            progress.check()
            names = [str(values[k]) for k in ("name_ko", "name_en") if values[k]]
            org = next((known[match_key(n)] for n in names if match_key(n) in known), None)
            if org is None:
                org = upsert.create(s, Organization(**values))
            else:
                # Only the columns the file has, and only where it says something.
                upsert.update(
                    s,
                    org,
                    {
                        k: v
                        for k, v in values.items()
                        if v not in ("", None) and (k in explicit or k.startswith("name"))
                    },
                )
            for n in names:
                known[match_key(n)] = org
        if not upsert.written:
            s.rollback()
    report = upsert.report(source.format, len(source.entries), source.encoding, source.mapping)
    return replace(report, unused=source.unused)
