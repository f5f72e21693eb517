"""What an import was asked to do and what it did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImportOptions:
    kind: str = "contacts"  # contacts, organizations, agreements, meetings
    dry_run: bool = False
    skip_invalid: bool = False
    # Column header -> field name, overriding the automatic mapping ("" ignores a column).
    mapping: dict[str, str] | None = None
    encoding: str | None = None  # None: detect


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
