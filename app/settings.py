"""User settings stored as JSON in the data home (``AppPaths.settings_file``), written atomically."""

from __future__ import annotations

import json
from typing import Any

from app.atomic import atomic_write_text
from app.paths import AppPaths

DEFAULTS: dict[str, Any] = {
    "language": "",  # empty: follow the system locale
    "briefing_language": "ko",
    "backups_dir": "",  # empty: the backups folder of the data home (read by AppPaths.backups)
    "user_name": "",
    "idle_lock_minutes": 0,
    # The briefings' title block: "2026. 12. 2.(수)  반도체과  담당 홍길동 (☎ 044-000-0000)".
    "department": "",  # 작성부서, in Korean
    "department_en": "",  # the same in English; empty: the Korean
    "author": "",  # 담당자 named in briefings; empty: user_name
    "author_en": "",
    "phone": "",
    "our_organization": "",  # name or short name of our organization: attendees on 우리측
}


def load_settings(paths: AppPaths) -> dict[str, Any]:
    data = dict(DEFAULTS)
    data.update({k: v for k, v in paths.stored_settings().items() if k in DEFAULTS})
    return data


def save_settings(paths: AppPaths, values: dict[str, Any]) -> dict[str, Any]:
    data = load_settings(paths)
    data.update({k: v for k, v in values.items() if k in DEFAULTS})
    paths.home.mkdir(parents=True, exist_ok=True)
    atomic_write_text(paths.settings_file, json.dumps(data, ensure_ascii=False, indent=2))
    return data
