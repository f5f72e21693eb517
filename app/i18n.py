"""The language of messages produced by the core (errors, CLI output, briefings).

The core speaks Korean or English. The UI and the CLI set the language once;
messages carry both texts and pick one when shown.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from typing import Literal

Language = Literal["ko", "en"]
_current: list[Language] = []


def system_language() -> Language:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    code = locale.getlocale()[0] or ""
    return "ko" if code.lower().startswith("ko") else "en"


def current_language() -> Language:
    return _current[0] if _current else system_language()


def set_language(lang: str | None) -> Language:
    chosen: Language = "ko" if lang == "ko" else "en" if lang == "en" else system_language()
    _current[:] = [chosen]
    return chosen


@dataclass(frozen=True)
class Text:
    """A message in both languages."""

    ko: str
    en: str

    def get(self, lang: Language | None = None) -> str:
        return self.ko if (lang or current_language()) == "ko" else self.en

    def __str__(self) -> str:
        return self.get()
