"""Checking and cleaning what people type: text, bilingual names, e-mail, date order, tags."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from app.errors import ValidationError
from app.text import check_text

EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


def clean_text(value: str | None, field: str, ko: str, en: str, **kw: Any) -> str:
    """``value`` stripped and checked (length, characters; ``required``, ``multiline``, ``max_length``)."""
    return check_text(value, field, (ko, en), **kw)


def bilingual_pair(
    ko: str,
    en: str,
    field: str,
    noun: tuple[str, str],
    missing: tuple[str, str],
    max_length: int,
) -> tuple[str, str]:
    """``{field}_ko`` and ``{field}_en`` checked; at least one of them is required.

    ``noun`` names the field ("협약명", "Title"); ``missing`` is the message when both are empty.
    """
    value_ko = clean_text(ko, f"{field}_ko", f"{noun[0]}(한글)", f"{noun[1]} (Korean)", max_length=max_length)
    value_en = clean_text(
        en, f"{field}_en", f"{noun[0]}(영문)", f"{noun[1]} (English)", max_length=max_length
    )
    if not value_ko and not value_en:
        raise ValidationError(f"{field}_ko", *missing)
    return value_ko, value_en


def text_or_empty(value: str) -> str:
    """``value``, or "" when it is only spaces and line breaks (which a multi-line box keeps as
    typed): no text in that language, so the other one is shown in its place, marked as such,
    and a required text is still missing."""
    return value if value.strip() else ""


def bilingual(
    data: object,
    field: str,
    noun: tuple[str, str],
    *,
    max_length: int | None = None,
    multiline: bool = False,
    required: bool = False,
) -> dict[str, str]:
    """``data.{field}_ko`` and ``data.{field}_en`` checked, as the columns to write.

    ``noun`` names the field ("이행 과제", "Commitment"); with ``required`` one of the
    two languages must be given, and the error points at the Korean box.
    """
    ko, en = getattr(data, f"{field}_ko"), getattr(data, f"{field}_en")
    kw: dict[str, Any] = {"multiline": multiline}
    if max_length is not None:
        kw["max_length"] = max_length
    value_ko = text_or_empty(clean_text(ko, f"{field}_ko", f"{noun[0]}(한글)", f"{noun[1]} (Korean)", **kw))
    value_en = text_or_empty(clean_text(en, f"{field}_en", f"{noun[0]}(영문)", f"{noun[1]} (English)", **kw))
    if required and not value_ko and not value_en:
        raise ValidationError(
            f"{field}_ko",
            f"{noun[0]}을(를) 한글 또는 영문으로 입력하십시오.",
            f"Enter the {noun[1].lower()} in Korean or in English.",
        )
    return {f"{field}_ko": value_ko, f"{field}_en": value_en}


def check_email(value: str, field: str = "email") -> str:
    value = clean_text(value, field, "이메일", "E-mail", max_length=320)
    if value and not EMAIL_RE.match(value):
        raise ValidationError(
            field,
            f"이메일 주소 형식이 올바르지 않습니다: {value} (예: name@example.com)",
            f"Not a valid e-mail address: {value} (for example name@example.com)",
        )
    return value


def check_order(
    first: date | datetime | None,
    second: date | datetime | None,
    field: str,
    ko: str,
    en: str,
) -> None:
    """Raise on ``second`` before ``first``; ``ko``/``en`` explain the rule."""
    if first is not None and second is not None and second < first:
        raise ValidationError(field, ko, en)


def normalize_tags(tags: tuple[str, ...] | list[str]) -> str:
    cleaned: list[str] = []
    for tag in tags:
        value = clean_text(tag, "tags", "태그", "Tag", max_length=60)
        if "," in value:
            raise ValidationError(
                "tags", "태그에는 쉼표(,)를 쓸 수 없습니다.", "A tag cannot contain a comma."
            )
        if value and value not in cleaned:
            cleaned.append(value)
    return "," + ",".join(cleaned) + "," if cleaned else ""


def split_tags(stored: str) -> tuple[str, ...]:
    return tuple(t for t in stored.split(",") if t)
