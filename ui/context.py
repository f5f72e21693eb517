"""What every window and dialog needs: the open database, paths, the runner, the language.

``db`` is an opaque handle passed to ``app.services`` functions; the UI never opens
a session or touches an ORM object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.db import Database
    from app.paths import AppPaths
    from ui.runner import Runner


@dataclass
class UiContext:
    db: Database
    paths: AppPaths
    runner: Runner
    language: str = "ko"  # "ko" or "en": the UI language, also the default for names and dates
    settings: dict[str, Any] = field(default_factory=dict)
