"""Reading and changing the user's settings by name (the ``settings`` command, briefings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.errors import ValidationError
from app.paths import AppPaths
from app.settings import DEFAULTS, load_settings, save_settings

# What each setting is for, in both languages (``settings list``).
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "language": (
        "프로그램 언어 (ko, en, 비우면 시스템 설정)",
        "program language (ko, en; empty: the system's)",
    ),
    "briefing_language": ("브리핑 자료 기본 언어 (ko, en)", "default briefing language (ko, en)"),
    "backups_dir": ("백업 폴더", "backups folder"),
    "user_name": ("변경 이력에 남는 이름", "your name in the change history"),
    "idle_lock_minutes": ("자동 잠금까지 분 (0: 잠그지 않음)", "minutes idle before locking (0: never)"),
    "department": ("브리핑 자료의 작성부서", "department on briefings, in Korean"),
    "department_en": ("작성부서(영문)", "department on briefings, in English"),
    "author": ("브리핑 자료의 담당자", "author named on briefings, in Korean"),
    "author_en": ("담당자(영문)", "author named on briefings, in English"),
    "phone": ("담당자 전화번호", "the author's phone number"),
    "our_organization": ("우리 기관 (기관명 또는 약칭)", "our organization (name or short name)"),
}


@dataclass(frozen=True)
class BriefingAuthor:
    """Who hands a briefing in: the title block's department, author and phone."""

    department_ko: str = ""
    department_en: str = ""
    author_ko: str = ""
    author_en: str = ""
    phone: str = ""
    our_organization: str = ""

    def department(self, lang: str) -> str:
        return (self.department_en if lang == "en" else "") or self.department_ko or self.department_en

    def author(self, lang: str) -> str:
        return (self.author_en if lang == "en" else "") or self.author_ko or self.author_en


def list_settings(paths: AppPaths) -> dict[str, Any]:
    """Every setting with its current value, in a fixed order."""
    return load_settings(paths)


def set_setting(paths: AppPaths, key: str, value: str) -> dict[str, Any]:
    """Change one setting from its text form; an unknown key or a bad value changes nothing."""
    if key not in DEFAULTS:
        known = ", ".join(DEFAULTS)
        raise ValidationError(
            "key", f"알 수 없는 설정입니다: {key} (가능: {known})", f"Unknown setting: {key} (known: {known})"
        )
    text = value.strip()
    parsed: Any = text
    if isinstance(DEFAULTS[key], int):
        try:
            parsed = int(text or "0")
        except ValueError:
            raise ValidationError(
                key, f"{key}에는 숫자를 입력하십시오: {value}", f"{key} takes a whole number: {value}"
            ) from None
        if parsed < 0:
            raise ValidationError(key, f"{key}은(는) 0 이상이어야 합니다.", f"{key} cannot be negative.")
    elif key in ("language", "briefing_language") and text not in (
        ("ko", "en", "") if key == "language" else ("ko", "en")
    ):
        raise ValidationError(key, f"{key}은(는) ko 또는 en입니다: {value}", f"{key} is ko or en: {value}")
    return save_settings(paths, {key: parsed})


def briefing_author(paths: AppPaths) -> BriefingAuthor:
    values = load_settings(paths)

    def text(key: str) -> str:
        return str(values.get(key) or "").strip()

    return BriefingAuthor(
        department_ko=text("department"),
        department_en=text("department_en"),
        author_ko=text("author") or text("user_name"),
        author_en=text("author_en"),
        phone=text("phone"),
        our_organization=text("our_organization"),
    )
