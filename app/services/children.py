"""The rows of one child collection under a live parent, written one way for all of them.

Parties and amendments (of an agreement), memberships (of a contact), attendees, agenda
items, decisions and action items (of a meeting) are added, changed, tombstoned and
reordered here; each service keeps its own validation and views. Ordered collections
(``ordered=True``: a ``position`` column) number their live rows 0, 1, 2... in the order
they were added or last arranged, and list by ``position`` then ``created_at``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from uuid import UUID

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import Entity
from app.services.records import apply, check_version, get_live, soft_delete

P = TypeVar("P", bound=Entity)
C = TypeVar("C", bound=Entity)

_POSITION = "position"  # the column of an ordered collection


@dataclass(frozen=True)
class ChildRows(Generic[P, C]):
    """``model`` rows under a ``parent`` record, linked by the column ``parent_key``."""

    parent: type[P]
    model: type[C]
    parent_key: str
    ordered: bool = False

    def live(self, parent_ids: UUID | Collection[UUID]) -> Select[C]:
        """The live rows of one parent (or of several), in the collection's order."""
        key = getattr(self.model, self.parent_key)
        where = key == parent_ids if isinstance(parent_ids, UUID) else key.in_(list(parent_ids))
        order = (self._position, self.model.created_at) if self.ordered else (self.model.created_at,)
        return select(self.model).where(where, self.model.deleted_at.is_(None)).order_by(*order)

    def add(self, s: Session, parent_id: UUID, values: Callable[[P], Mapping[str, Any]]) -> C:
        """A new row under the live parent; ``values`` (given the parent) validates its fields."""
        parent = get_live(s, self.parent, parent_id)
        row = self.model(**{self.parent_key: parent_id, **values(parent)})
        if self.ordered:
            last = s.scalar(
                select(func.max(self._position)).where(
                    getattr(self.model, self.parent_key) == parent_id, self.model.deleted_at.is_(None)
                )
            )
            setattr(row, _POSITION, (last if last is not None else -1) + 1)
        s.add(row)
        s.flush()
        return row

    def update(
        self,
        s: Session,
        ident: UUID,
        expected_version: int | None,
        values: Callable[[C], Mapping[str, Any]],
    ) -> C:
        """Apply ``values`` (given the row, which it may refuse) to a live row at its version."""
        row = get_live(s, self.model, ident)
        check_version(row, expected_version)
        apply(row, values(row))
        s.flush()
        return row

    def remove(self, s: Session, ident: UUID, expected_version: int | None = None) -> C:
        """Tombstone a live row (and its attachments)."""
        row = get_live(s, self.model, ident)
        soft_delete(s, row, expected_version)
        return row

    def reorder(self, s: Session, parent_id: UUID, ids: list[UUID], refusal: ValidationError) -> None:
        """Number the parent's live rows in the order of ``ids``; ``refusal`` when they differ."""
        rows = {row.id: row for row in s.scalars(self.live(parent_id))}
        if set(ids) != set(rows):
            raise refusal
        for position, ident in enumerate(ids):
            if getattr(rows[ident], _POSITION) != position:
                setattr(rows[ident], _POSITION, position)
        s.flush()

    @property
    def _position(self) -> Any:
        return getattr(self.model, _POSITION)
