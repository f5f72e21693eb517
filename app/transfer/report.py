"""What an import was asked to do and what it did."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import Text
from app.transfer.limits import DEFAULT_LIMITS, ImportLimits


@dataclass(frozen=True)
class ImportOptions:
    kind: str = "contacts"  # contacts, organizations, agreements, meetings
    dry_run: bool = False
    skip_invalid: bool = False
    # Column header -> field name, overriding the automatic mapping ("" ignores a column).
    mapping: dict[str, str] | None = None
    encoding: str | None = None  # None: detect
    limits: ImportLimits = DEFAULT_LIMITS  # how much the file may hold (--limit NAME=N)


@dataclass(frozen=True)
class RowProblem:
    row: int  # as a spreadsheet shows it (header is row 1); for vCard/iCalendar the entry number
    field: str
    message: str

    def describe(self, unit: str = "row") -> str:
        return f"{unit} {self.row}: {self.message}"


@dataclass(frozen=True)
class ImportReport:
    kind: str
    source_format: str  # csv, xlsx, vcf, ics
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    organizations_created: int = 0
    memberships_created: int = 0
    problems: tuple[RowProblem, ...] = ()
    written: bool = False  # False for a dry run and for a refused file
    dry_run: bool = False
    encoding: str = ""
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field used
    unused: tuple[str, ...] = ()  # the file's columns (vCard: properties) that nothing was read from

    @property
    def unit(self) -> str:
        return "row" if self.source_format in ("csv", "xlsx") else "entry"

    def summary(self) -> str:
        counts = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, {self.invalid} invalid"
        if self.dry_run:
            return (
                f"Dry run, nothing written. {self.kind.capitalize()}: {self.created} to create, "
                f"{self.updated} to update, {self.unchanged} unchanged, {self.invalid} invalid."
            )
        if not self.written:
            return (
                f"Nothing imported: {self.invalid} invalid {self.unit}s. Fix them, or use --skip-invalid "
                f"to import the others. ({counts})"
            )
        return f"{self.kind.capitalize()}: {counts}."

    def unused_text(self) -> str:
        """One line naming every column that was not imported, or ""."""
        return unused_columns_text(self.unused, self.unit)


def unused_columns_text(unused: tuple[str, ...] | list[str], unit: str = "row") -> str:
    if not unused:
        return ""
    names = ", ".join(name or "(no name)" for name in unused)
    if unit == "row":
        return Text(
            ko=f"가져오지 않은 열 {len(unused)}개: {names}",
            en=f"Columns not imported ({len(unused)}): {names}",
        ).get()
    return Text(
        ko=f"가져오지 않은 항목 {len(unused)}개: {names}",
        en=f"Properties not imported ({len(unused)}): {names}",
    ).get()
