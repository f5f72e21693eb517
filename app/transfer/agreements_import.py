"""Importing agreements from CSV or XLSX (an exported list comes back as it went out).

Matched by the ID column we export, then the reference number, then the title;
empty cells never erase what is stored; a status change must be one the
agreement's lifecycle allows. Place and summary come in Korean and English columns, or
one column read by script (a Korean paragraph and an English one split between them).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select

from app.dto import AgreementInput
from app.enums import AgreementKind, AgreementStatus, Labeled
from app.errors import ImportFormatError, ValidationError
from app.models import Agreement
from app.progress import Progress
from app.services.agreements import agreement_values, check_transition
from app.services.validation import split_tags
from app.text import has_hangul
from app.transfer.fields import both_languages, match_key
from app.transfer.report import ImportOptions, ImportReport
from app.transfer.source import read_source
from app.transfer.upsert import Upsert

if TYPE_CHECKING:
    from app.db import Database

L = TypeVar("L", bound=Labeled)
_DATE = re.compile(
    r"^\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?\s*(\(.\))?\s*(T.*|\s\d.*)?$"
)


def parse_label(cls: type[L], text: str, field: str) -> L:
    key = match_key(text)
    for member in cls:
        names = {member.value, member.label("ko"), member.label("en")}
        names |= {n.split("(")[0] for n in names} | {p.strip() for n in names for p in n.split("/")}
        if key in {match_key(n) for n in names if n}:
            return member
    raise ValidationError(
        field,
        f"알 수 없는 값입니다: {text} (가능: {', '.join(m.label('ko') for m in cls)})",
        f"Unknown value: {text} (use one of {', '.join(m.label('en') for m in cls)})",
    )


def parse_date(text: str, field: str) -> date | None:
    """ISO (2023-08-29), Korean (2023. 8. 29.(화)) and slashed dates; Excel dates arrive as ISO."""
    if not text.strip():
        return None
    m = _DATE.match(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise ValidationError(
        field,
        f"날짜 형식이 올바르지 않습니다: {text} (예: 2023-08-29)",
        f"Not a date: {text} (for example 2023-08-29)",
    )


def _entry_values(v: dict[str, str], current: Agreement | None) -> dict[str, Any]:
    title = v.get("title", "")
    place_ko, place_en = both_languages(v, "place")
    summary_ko, summary_en = both_languages(v, "summary")
    fields: dict[str, Any] = {
        "title_ko": v.get("title_ko") or (title if has_hangul(title) else ""),
        "title_en": v.get("title_en") or ("" if has_hangul(title) else title),
        "reference_no": v.get("reference_no", ""),
        "place_ko": place_ko,
        "place_en": place_en,
        "summary_ko": summary_ko,
        "summary_en": summary_en,
    }
    for name in ("signed_on", "effective_on", "expires_on"):
        fields[name] = parse_date(v.get(name, ""), name)
    if v.get("agreement_kind"):
        fields["agreement_kind"] = parse_label(AgreementKind, v["agreement_kind"], "agreement_kind")
    if v.get("status"):
        fields["status"] = parse_label(AgreementStatus, v["status"], "status")
    given = {k: x for k, x in fields.items() if x not in ("", None)}
    if current is not None:
        base = {c: getattr(current, c) for c in ("title_ko", "title_en", "reference_no", "agreement_kind", "status",
                                                   "signed_on", "effective_on", "expires_on", "place_ko", "place_en",
                                                   "summary_ko", "summary_en", "confidentiality")}  # fmt: skip
        data = AgreementInput(**{**base, **given, "tags": split_tags(current.tags)})
    else:
        data = AgreementInput(**given)
    values = agreement_values(data)
    return values if current is None else {k: values[k] for k in given}


def import_agreements(
    db: Database, path: Path, options: ImportOptions | None = None, progress: Progress | None = None
) -> ImportReport:
    options = options or ImportOptions(kind="agreements")
    progress = progress or Progress()
    source = read_source(Path(path), options)
    if not {"title", "title_ko", "title_en"} & set(source.mapping.values()):
        raise ImportFormatError(
            "협약명 열을 찾을 수 없습니다 (협약명, Title ...). 열: " + ", ".join(source.headers),
            "No title column found (협약명, Title ...). The columns are: " + ", ".join(source.headers),
        )
    upsert = Upsert("agreements", options)
    with db.session() as s:
        live = Agreement.deleted_at.is_(None)
        by_ref: dict[str, Agreement] = {}
        by_title: dict[str, Agreement] = {}
        for a in s.scalars(select(Agreement).where(live)):
            if a.reference_no:
                by_ref.setdefault(match_key(a.reference_no), a)
            for t in (a.title_ko, a.title_en):
                if t:
                    by_title.setdefault(match_key(t), a)
        for number, v in source.entries:
            progress.check()
            current: Agreement | None = None
            if v.get("id"):
                try:
                    current = s.get(Agreement, uuid.UUID(v["id"].strip()))
                except ValueError:
                    current = None
                if current is not None and current.deleted_at is not None:
                    current = None
            if current is None and v.get("reference_no"):
                current = by_ref.get(match_key(v["reference_no"]))
            if current is None:
                titles = [v.get(k, "") for k in ("title_ko", "title_en", "title")]
                current = next(
                    (by_title[match_key(t)] for t in titles if t and match_key(t) in by_title), None
                )
            with upsert.row(number):
                values = _entry_values(v, current)
                if current is None:
                    obj = upsert.create(s, Agreement(**values))
                    s.flush()
                else:
                    if "status" in values:
                        check_transition(current.status, values["status"])
                    obj = current
                    upsert.update(s, obj, values)
                if obj.reference_no:
                    by_ref[match_key(obj.reference_no)] = obj
                for t in (obj.title_ko, obj.title_en):
                    if t:
                        by_title[match_key(t)] = obj
        if not upsert.written:
            s.rollback()
    report = upsert.report(source.format, len(source.entries), source.encoding, source.mapping)
    return replace(report, unused=source.unused)
