"""What every window and dialog needs: the open database, paths, the runner, the language.

``db`` is an opaque handle passed to ``app.services`` functions; the UI never opens
a session or touches an ORM object. It is None while the main window shows
"Loading…"; views and dialogs exist only once it is open, and reach it as
:attr:`UiContext.database`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.services.installation import AppPaths, Language
from ui.runner import Runner

if TYPE_CHECKING:  # named for the types only: app.db loads SQLAlchemy, which start-up does without
    from app.services.opening import Database


@dataclass
class UiContext:
    db: Database | None
    paths: AppPaths
    runner: Runner
    language: Language = "ko"  # the UI language, also the default for names and dates
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def database(self) -> Database:
        """The open database."""
        if self.db is None:
            raise RuntimeError("the database is not open yet")
        return self.db
