"""Domain errors: each carries a message a person can act on, in Korean and English."""

from __future__ import annotations

import re

from app.i18n import Language, Text


class DomainError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, ko: str, en: str) -> None:
        self.text = Text(ko=ko, en=en)
        super().__init__(en)

    def message(self, lang: Language | None = None) -> str:
        return self.text.get(lang)

    def __str__(self) -> str:
        return self.text.get()


class ValidationError(DomainError):
    """Bad input for one field; ``field`` names the input attribute (``"signed_on"``)."""

    def __init__(self, field: str, ko: str, en: str) -> None:
        self.field = field
        super().__init__(ko, en)


class NotFoundError(DomainError):
    """A record that does not exist, or was deleted."""

    def __init__(self, kind: str, ident: object) -> None:
        self.kind = kind
        self.ident = ident
        ko_kind = KIND_KO.get(kind, kind)
        super().__init__(f"{ko_kind} {ident}을(를) 찾을 수 없습니다.", f"No {kind} with id {ident}.")


class ConflictError(DomainError):
    """Someone else saved the record since it was read (optimistic locking).

    ``expected``/``actual`` are the versions when known: a stale ``expected_version``
    is caught before writing; a write that lost a race is caught by the database
    (no row of the version read was left to update) and knows only the kind.
    """

    def __init__(
        self, kind: str, ident: object, expected: int | None = None, actual: int | None = None
    ) -> None:
        self.kind = kind
        self.ident = ident
        self.expected = expected
        self.actual = actual
        ko_kind = KIND_KO.get(kind, kind)
        versions_ko = versions_en = ""
        if expected is not None and actual is not None:
            versions_ko = f" (버전 {expected} → {actual})"
            versions_en = f" (version {expected} → {actual})"
        super().__init__(
            f"이 {ko_kind}은(는) 불러온 뒤 다른 곳에서 변경되었습니다{versions_ko}. "
            "다시 불러온 후 변경 내용을 적용하십시오.",
            f"This {kind} was changed elsewhere after you opened it{versions_en}. "
            "Reload it and apply your changes again.",
        )

    @classmethod
    def lost_race(cls, exc: BaseException) -> ConflictError:
        """The error for a write the database refused because another one came first."""
        match = re.search(r"on table '(\w+)'", str(exc))
        table = match.group(1) if match else ""
        return cls(_TABLE_KIND.get(table, "record"), "?")


def is_stale_snapshot(exc: BaseException) -> bool:
    """A SQLite write refused because another connection wrote since this transaction read."""
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlite_errorcode", None) == _SQLITE_BUSY_SNAPSHOT


_SQLITE_BUSY_SNAPSHOT = 517


class StorageError(DomainError):
    """The database or a file cannot be opened, read or written."""


class FileInUseError(StorageError, PermissionError):
    """A file another program holds open (Windows: Excel, Word, Hangul or Acrobat lock what they show).

    Also a :class:`PermissionError`, so code that handles a failed write as an ``OSError`` still does.
    """

    def __init__(self, path: object, *, reading: bool = False) -> None:
        self.path = str(path)
        program_ko, program_en = _program_for(self.path)
        if reading:
            ko = f"파일을 열 수 없습니다: {self.path}. 다른 프로그램에서 사용 중이거나 읽을 권한이 없습니다."
            en = f"Cannot open {self.path}: another program is using it, or you may not read it."
        else:
            ko = f"다른 프로그램이 사용 중이어서 파일을 쓸 수 없습니다: {self.path}."
            en = f"Cannot write {self.path}: another program is using it."
        super().__init__(
            f"{ko} {program_ko}에서 파일을 닫고 다시 시도하십시오.",
            f"{en} Close the file in {program_en} and try again.",
        )
        self.filename = self.path


_PROGRAMS = {
    ".xlsx": ("Excel", "Excel"),
    ".xls": ("Excel", "Excel"),
    ".csv": ("Excel", "Excel"),
    ".docx": ("Word", "Word"),
    ".doc": ("Word", "Word"),
    ".hwp": ("한글", "Hangul"),
    ".hwpx": ("한글", "Hangul"),
    ".pdf": ("PDF 보기 프로그램(Acrobat 등)", "Acrobat or your PDF viewer"),
}


def _program_for(path: str) -> tuple[str, str]:
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    return _PROGRAMS.get(suffix, ("그 프로그램", "the program that has it open"))


class SchemaTooNewError(StorageError):
    """The database was written by a newer Partnership Desk."""


class ImportFormatError(DomainError):
    """An imported file is not of the expected shape."""


KIND_KO = {
    "agreement": "협약",
    "organization": "기관",
    "contact": "담당자",
    "membership": "소속",
    "party": "참여기관",
    "amendment": "변경 협약",
    "commitment": "이행 과제",
    "meeting": "회의",
    "attendee": "참석자",
    "agenda item": "안건",
    "decision": "결정사항",
    "action item": "조치사항",
    "attachment": "첨부파일",
}

_TABLE_KIND = {kind.replace(" ", "_"): kind for kind in KIND_KO}
