"""User settings stored as JSON in the data home, written atomically."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from app.atomic import atomic_write_text

if TYPE_CHECKING:
    from app.paths import AppPaths

DEFAULTS: dict[str, Any] = {
    "language": "",  # empty: follow the system locale
    "briefing_language": "ko",
    "backups_dir": "",
    "user_name": "",
    "idle_lock_minutes": 0,
}


def load_settings(paths: AppPaths) -> dict[str, Any]:
    try:
        raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raw = {}
    data = dict(DEFAULTS)
    if isinstance(raw, dict):
        data.update({k: v for k, v in raw.items() if k in DEFAULTS})
    return data


def save_settings(paths: AppPaths, values: dict[str, Any]) -> dict[str, Any]:
    data = load_settings(paths)
    data.update({k: v for k, v in values.items() if k in DEFAULTS})
    paths.home.mkdir(parents=True, exist_ok=True)
    atomic_write_text(paths.settings_file, json.dumps(data, ensure_ascii=False, indent=2))
    return data
