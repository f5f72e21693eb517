"""What a record editor asks of the core: read a record's detail, save a new one, save changes.

The editor's widgets never write to the database themselves: an editor is given a
:class:`RecordService` (usually :class:`RecordFunctions`, the three service functions)
and runs its calls through the runner. On the widget, names such as ``create``/``update``
would hide ``QWidget.create()``/``QWidget.update()``: a call meant to repaint the editor
would reach the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar
from uuid import UUID

from app.services.opening import Database


class Versioned(Protocol):
    """A saved record as services return it: its id and the version that was written."""

    @property
    def id(self) -> UUID: ...

    @property
    def version(self) -> int: ...


class HasRecord(Protocol):
    """What an editor shows: the record itself (``record``) and whatever is shown around it."""

    @property
    def record(self) -> Versioned: ...


DetailT = TypeVar("DetailT", bound=HasRecord)
InputT = TypeVar("InputT")
DetailT_co = TypeVar("DetailT_co", bound=HasRecord, covariant=True)
InputT_contra = TypeVar("InputT_contra", contravariant=True)


class RecordService(Protocol[DetailT_co, InputT_contra]):
    def fetch(self, db: Database, ident: UUID) -> DetailT_co: ...

    def save_new(self, db: Database, data: InputT_contra) -> Versioned: ...

    def save_changes(
        self, db: Database, ident: UUID, data: InputT_contra, expected_version: int | None
    ) -> Versioned: ...


@dataclass(frozen=True)
class RecordFunctions(Generic[DetailT, InputT]):
    """A :class:`RecordService` made of three service functions."""

    fetch: Callable[[Database, UUID], DetailT]
    save_new: Callable[[Database, InputT], Versioned]
    save_changes: Callable[[Database, UUID, InputT, int | None], Versioned]
