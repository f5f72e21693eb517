"""Helpers shared by the sub-commands: opening the database, ids, JSON output, texts and times.

A record's text is printed in the command line's language (``--lang``); when it exists only
in the other language, that text is printed with the tag of its language ("[KO]", "[EN]"),
as the lists of the program and the briefings mark it. A meeting's times are printed in the
meeting's own zone, named when it is not the computer's.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import sys
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.dto import shown
from app.errors import ValidationError
from app.services import time_zones
from app.services.backups import auto_backup_if_due
from app.services.installation import app_paths
from app.services.opening import open_database
from app.services.security import passphrase_file_warning, read_passphrase_file

if TYPE_CHECKING:
    from app.services.opening import Database


def open_db(args: argparse.Namespace, *, migrate: bool = True, lock: bool = False) -> Database:
    """Open the database of ``--db``/``--home``, with ``--passphrase-file`` when encrypted.

    Commands that write pass ``lock=True``: the SQLite file is then locked for this
    process (one writer at a time: a running desktop program refuses them), and backed
    up when its newest backup is older than a day. Reading commands (list, show,
    search, brief, export, backup) work while the program is open.
    """
    paths = app_paths(Path(args.home) if getattr(args, "home", None) else None)
    passphrase = passphrase_from(args)
    db = open_database(
        getattr(args, "db", None), paths=paths, migrate=migrate, passphrase=passphrase, lock=lock
    )
    if lock and migrate:
        try:
            auto_backup_if_due(db)
        except BaseException:
            db.close()
            raise
    return db


def passphrase_from(args: argparse.Namespace) -> str | None:
    """The database passphrase named by the global ``--passphrase-file``, if any."""
    name = getattr(args, "passphrase_file", None)
    if not name:
        return None
    return read_passphrase(Path(name))


def read_passphrase(path: Path) -> str:
    """The passphrase in ``path``, with a warning on stderr when others may read the file."""
    passphrase = read_passphrase_file(path)
    warning = passphrase_file_warning(path)
    if warning is not None:
        print(f"partnership-desk: {warning}", file=sys.stderr)
    return passphrase


def parse_id(text: str, kind: str = "record") -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError(
            "id",
            f"'{text}'은(는) 올바른 ID가 아닙니다. 'list' 명령으로 ID를 확인하십시오.",
            f"'{text}' is not a valid {kind} id. Find ids with the 'list' command.",
        ) from None


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """A plain aligned table; wide (Korean) characters count as two columns."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    cols = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    for row in [headers, *rows]:
        print("  ".join(cell + " " * (cols[i] - width(cell)) for i, cell in enumerate(row)).rstrip())


# The tag after a text printed in the other language, by the language the text is in.
TAGS = {"ko": "[KO]", "en": "[EN]"}


def in_language(ko: str, en: str, lang: str) -> str:
    """``ko``/``en`` in ``lang``; the other language's text tagged when ``lang``'s is empty."""
    text = shown(ko, en, lang)
    return f"{text.text} {TAGS[text.lang]}" if text.missing else text.text


def meeting_time(instant: datetime | None, zone: str, *, day: bool = True) -> str:
    """A meeting's time in its zone ("2026-12-21 14:00"), with the zone named when this
    computer's clock would read otherwise ("2025-10-14 09:00 EDT (America/New_York)").

    An instant too near the year 1 or 9999 for the zone is printed in UTC.
    """
    if instant is None:
        return ""
    try:
        local = time_zones.in_zone(instant, zone)
        text = local.strftime("%Y-%m-%d %H:%M" if day else "%H:%M")
        if time_zones.differs_from_computer(instant, zone):
            text += f" {time_zones.abbreviation(instant, zone)} ({zone})"
    except (OverflowError, ValueError):
        return instant.strftime("%Y-%m-%d %H:%M UTC")
    return text
