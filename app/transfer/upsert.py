"""What every import does with each entry: create or update a record and count it, or refuse the row.

The importers find the existing record their own way (by id, reference, name, e-mail);
this is the rest: the counts, the refused rows with their numbers as the file shows
them, whether anything is written, and the report.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import Entity
from app.services.records import apply
from app.transfer.report import ImportOptions, ImportReport, RowProblem

E = TypeVar("E", bound=Entity)


@dataclass
class Upsert:
    """One import's progress: what it created, updated, left alone and refused."""

    kind: str  # contacts, organizations, agreements, meetings
    options: ImportOptions
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    def refuse(self, number: int, exc: ValidationError) -> None:
        """Row ``number`` (as a spreadsheet shows it; for vCard/iCalendar the entry number) is invalid."""
        self.problems.append(RowProblem(number, exc.field, str(exc)))

    @contextmanager
    def row(self, number: int) -> Iterator[None]:
        """The work on one row: a ``ValidationError`` refuses the row and skips the rest of the block."""
        try:
            yield
        except ValidationError as exc:
            self.refuse(number, exc)

    def create(self, session: Session, obj: E) -> E:
        session.add(obj)
        self.created += 1
        return obj

    def update(self, session: Session, obj: E, values: Mapping[str, Any]) -> None:
        """Apply ``values``; counted as updated only when this row is the first to change ``obj``."""
        before = session.is_modified(obj)
        apply(obj, values)
        if session.is_modified(obj) and not before:
            self.updated += 1
        else:
            self.unchanged += 1

    @property
    def written(self) -> bool:
        """Not a dry run, and no invalid row unless the others are to be imported anyway."""
        return not self.options.dry_run and not (self.problems and not self.options.skip_invalid)

    def report(
        self,
        source_format: str,
        total: int,
        encoding: str = "",
        mapping: dict[str, str] | None = None,
        organizations_created: int = 0,
        memberships_created: int = 0,
    ) -> ImportReport:
        return ImportReport(
            kind=self.kind,
            source_format=source_format,
            total=total,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            invalid=len(self.problems),
            organizations_created=organizations_created,
            memberships_created=memberships_created,
            problems=tuple(self.problems),
            written=self.written,
            dry_run=self.options.dry_run,
            encoding=encoding,
            mapping=mapping if mapping is not None else {},
        )
