"""How much an imported file may hold: one set of limits for every importer, checked while reading.

Every reader (CSV, XLSX, vCard, iCalendar, the import preview, the JSON archive) takes an
``ImportLimits`` and stops at the first limit passed, with a ``LimitExceeded`` naming the limit
and how to raise it. The defaults hold every real export we know of with room to spare (an
Outlook export of 10,000 contacts is about 5 MB) and keep an import within a few seconds and a
few hundred MB of memory. A larger file is imported by raising the limit for that import:

    partnership-desk import big.csv --limit rows=500000 --limit file_mb=400

``LIMIT_NAMES`` lists the names ``--limit`` takes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, BinaryIO

from app.errors import ImportFormatError, ValidationError

MB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    file_mb: int = 100  # the file as stored on disk
    rows: int = 200_000  # data rows of a sheet, cards of a vCard file, events of a calendar
    columns: int = 1_000  # columns of a sheet (up to the last one that holds a value)
    cell_chars: int = 100_000  # one cell, one vCard or iCalendar property
    uncompressed_mb: int = 64  # what an XLSX file unpacks to (the parts read)
    depth: int = 64  # nesting: XML elements, iCalendar components, JSON
    photo_mb: int = 10  # one vCard photo (photos are not imported; a huge one is refused)
    archive_mb: int = 1024  # a whole-database JSON archive, attachments included

    @property
    def file_bytes(self) -> int:
        return self.file_mb * MB

    @property
    def uncompressed_bytes(self) -> int:
        return self.uncompressed_mb * MB

    @property
    def photo_bytes(self) -> int:
        return self.photo_mb * MB


DEFAULT_LIMITS = ImportLimits()
LIMIT_NAMES = tuple(f.name for f in fields(ImportLimits))

_WHAT: dict[str, tuple[str, str]] = {
    "file_mb": ("파일 크기(MB)", "file size in MB"),
    "rows": ("행 또는 항목 수", "rows or entries"),
    "columns": ("열 수", "columns"),
    "cell_chars": ("한 칸의 글자 수", "characters in one cell"),
    "uncompressed_mb": ("압축을 푼 크기(MB)", "uncompressed size in MB"),
    "depth": ("중첩 깊이", "nesting depth"),
    "photo_mb": ("사진 크기(MB)", "photo size in MB"),
    "archive_mb": ("JSON 보관 파일 크기(MB)", "JSON archive size in MB"),
}


class LimitExceeded(ImportFormatError):
    """The file passes one of the import limits; nothing was imported."""

    def __init__(self, limit: str, value: int, where_ko: str, where_en: str) -> None:
        self.limit = limit
        self.value = value
        what_ko, what_en = _WHAT[limit]
        super().__init__(
            f"{where_ko}: 가져오기 한도({what_ko} {value:,})를 넘습니다. 아무것도 가져오지 않았습니다. "
            f"한도를 올리려면 --limit {limit}=N 을 지정하십시오.",
            f"{where_en}: over the import limit of {value:,} {what_en}; nothing was imported. "
            f"To raise it, add --limit {limit}=N.",
        )


def parse_limits(items: list[str] | None, base: ImportLimits = DEFAULT_LIMITS) -> ImportLimits:
    """``["rows=500000", "file_mb=400"]`` (the ``--limit`` options) over ``base``."""
    changes: dict[str, int] = {}
    for item in items or []:
        name, sep, text = item.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in LIMIT_NAMES:
            raise ValidationError(
                "limit",
                f"알 수 없는 한도입니다: {item} (NAME=N, NAME: {', '.join(LIMIT_NAMES)})",
                f"Unknown limit {item!r}: use NAME=N with NAME one of {', '.join(LIMIT_NAMES)}.",
            )
        try:
            value = int(text.replace("_", "").replace(",", ""))
        except ValueError:
            value = 0
        if value <= 0:
            raise ValidationError(
                "limit",
                f"한도는 양의 정수여야 합니다: {item}",
                f"A limit is a positive whole number: {item!r}.",
            )
        changes[name] = value
    return replace(base, **changes)


def read_bounded(path: Path, limits: ImportLimits, limit: str = "file_mb") -> bytes:
    """The whole file, refused when it is larger than ``limit`` (``file_mb`` or ``archive_mb``)."""
    try:
        with path.open("rb") as f:
            return read_stream_bounded(f, limits, path.name, limit)
    except OSError as exc:
        raise ImportFormatError(
            f"파일을 읽을 수 없습니다: {path} ({exc.strerror})", f"Cannot read {path}: {exc.strerror}"
        ) from exc


def read_stream_bounded(f: BinaryIO, limits: ImportLimits, name: str, limit: str = "file_mb") -> bytes:
    most = int(getattr(limits, limit)) * MB
    data = f.read(most + 1)  # not trusting the size a special file reports
    if len(data) > most:
        raise LimitExceeded(limit, int(getattr(limits, limit)), f"{name} 파일", f"The file {name}")
    return data


def check_cell(text: str, limits: ImportLimits, where_ko: str, where_en: str) -> str:
    if len(text) > limits.cell_chars:
        raise LimitExceeded("cell_chars", limits.cell_chars, where_ko, where_en)
    return text


def check_rows(count: int, limits: ImportLimits) -> None:
    if count > limits.rows:
        raise LimitExceeded("rows", limits.rows, f"{count:,}번째 행", f"Row or entry {count:,}")


def check_json_depth(doc: Any, limits: ImportLimits, name: str) -> None:
    """Refuse a JSON document nested deeper than ``depth`` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limits.depth:
            raise LimitExceeded("depth", limits.depth, f"{name} 파일", f"The file {name}")
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
