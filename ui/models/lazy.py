"""A table model over the ordered ids of a list's query, reading rows by id for what is shown.

As Anki's browser table does: the list service's ``ids_fn(db, query)`` gives the ids of
every matching record in the query's order (packed, 16 bytes each: 8 MB for 500,000
rows), through the runner, so the GUI thread never waits on the database. The model has
as many rows as ids. The records themselves are read by id (``rows_fn(db, ids)``) a
window at a time, as the view shows them; only the most recently used windows are kept.

A row is its id, fixed until the next query: what it shows and what is done with it
(open, delete, pick) is always that record. A record that is gone when its window is
read (deleted since the ids were read) shows as deleted and cannot be selected; it is
never replaced by the record that took its place. Sorting and filtering read the ids
again (ordering is done in SQL); so does :meth:`LazyTableModel.refresh`, after a write.
Until the new ids arrive, the old rows stay on screen.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar
from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.dto import Shown
from app.services.opening import Database
from ui.context import UiContext
from ui.i18n import tr
from ui.runner import Job
from ui.widgets.marked import OTHER_LANGUAGE_ROLE, tag_tooltip

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200  # rows read by id at a time
FIRST_IDS = 400  # a new sort or filter shows its first rows while every id is read
KEEP_PAGES = 10  # windows of rows kept (the ids are all kept)
ID_SIZE = 16


class HasId(Protocol):
    """A row of a list: the model keeps its id."""

    @property
    def id(self) -> UUID: ...


class ListQuery(Protocol):
    """A list's query: a dataclass with the order (``app.dto``'s ``*Query``)."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def sort(self) -> str: ...

    @property
    def descending(self) -> bool: ...

    @property
    def limit(self) -> int | None: ...


RowT = TypeVar("RowT", bound=HasId)
QueryT = TypeVar("QueryT", bound=ListQuery)
QueryT_contra = TypeVar("QueryT_contra", bound=ListQuery, contravariant=True)


class ListService(Protocol[RowT, QueryT_contra]):
    """The two service functions behind a list: the ordered ids of a query, and rows by id."""

    @property
    def ids_fn(self) -> Callable[[Database, QueryT_contra], bytes]: ...

    @property
    def rows_fn(self) -> Callable[[Database, Sequence[UUID]], list[RowT]]: ...


@dataclass(frozen=True)
class Column(Generic[RowT]):
    title: str
    value: Callable[[RowT], object]
    sort: str | None = None
    width: int = 120
    alert: Callable[[RowT], bool] | None = None  # shown in red when true (overdue)


def unpack(ids: bytes, start: int, stop: int) -> list[UUID]:
    """The ids of rows ``start`` to ``stop`` (exclusive) of a packed id list."""
    return [
        UUID(bytes=bytes(ids[ID_SIZE * row : ID_SIZE * row + ID_SIZE]))
        for row in range(start, min(stop, len(ids) // ID_SIZE))
    ]


class LazyTableModel(QAbstractTableModel, Generic[RowT, QueryT]):
    countChanged = Signal(int)  # total rows matching the query
    loaded = Signal()  # the ids of a query arrived (the rows are in place)
    loading = Signal()  # a new query started

    def __init__(
        self,
        ctx: UiContext,
        columns: Sequence[Column[RowT]],
        service: ListService[RowT, QueryT],
        query: QueryT,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.columns = list(columns)
        self._service = service
        self.base_query = query  # what the filters of :meth:`with_filters` start from
        self.query = query
        self.page_size = page_size
        self.total: int | None = None
        self._gen = 0
        self._loading = False
        self._every_id: Job | None = None  # the running read of every id of the query
        # The ids of the current rows, 16 bytes each: a list of UUID objects costs ~8x as much.
        self._ids = b""
        self._records: OrderedDict[UUID, RowT] = OrderedDict()
        self._shown_before: dict[UUID, RowT] = {}  # the previous query's rows, shown until re-read
        self._gone: set[UUID] = set()
        self._pending: set[int] = set()  # windows being read
        self._first_of_gen = 0  # the query whose rows are shown
        self._sync = False

    # -- query ---------------------------------------------------------------

    def set_query(self, query: QueryT) -> None:
        self.query = query
        self.refresh(first=True)

    def with_filters(self, filters: Mapping[str, object]) -> QueryT:
        """The first query with ``filters`` (field values by name), in the current order."""
        return dataclasses.replace(
            self.base_query, **filters, sort=self.query.sort, descending=self.query.descending
        )

    def set_filters(self, filters: Mapping[str, object]) -> None:
        self.set_query(self.with_filters(filters))

    @property
    def is_loading(self) -> bool:
        """True while the ids of a query are being read."""
        return self._loading

    def refresh(self, first: bool = False) -> None:
        """Read the ids of the query again (after a write, a new sort or filter).

        With ``first`` (a new sort or filter) the first rows are read on their own and
        shown at once, then every id; otherwise (a write) the rows shown stay until every
        id is in, so that the list keeps its place.
        """
        self._gen += 1
        gen = self._gen
        self._loading = True
        self.loading.emit()
        if self._every_id is not None:  # the read of the previous query's ids is of no use now
            self._every_id.cancel()
        if first:
            self.ctx.runner.run(
                self._service.ids_fn,
                self.ctx.database,
                dataclasses.replace(self.query, limit=FIRST_IDS),
                on_done=lambda ids: self._first_arrived(gen, ids),
                on_error=lambda exc: self._failed(gen, exc),
            )
        self._every_id = self.ctx.runner.run(
            self._service.ids_fn,
            self.ctx.database,
            dataclasses.replace(self.query, limit=None),
            on_done=lambda ids: self._ids_arrived(gen, ids),
            on_error=lambda exc: self._failed(gen, exc),
            background_read=True,
        )
        if self._every_id.finished_ok:  # a synchronous runner has already delivered it
            self._every_id = None

    def stop_reading(self) -> None:
        """Cancel the read of every id still running (the list is closed or replaced)."""
        if self._every_id is not None:
            self._every_id.cancel()
            self._every_id = None

    def _first_arrived(self, gen: int, ids: bytes) -> None:
        if gen == self._gen and self._loading:  # (not when every id came first)
            self._reset(ids)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self._loading = False
        self.ctx.runner.report_error(exc)

    def _ids_arrived(self, gen: int, ids: bytes) -> None:
        if gen != self._gen:
            return
        self._every_id = None
        self._loading = False
        first = self._ids
        if self._first_of_gen == gen and first and ids.startswith(first) and len(ids) > len(first):
            # The first rows came before: the others follow them (the view keeps its place).
            self.beginInsertRows(QModelIndex(), len(first) // ID_SIZE, len(ids) // ID_SIZE - 1)
            self._ids = ids
            self.endInsertRows()
        elif not (self._first_of_gen == gen and ids == first):
            self._reset(ids)
        self.total = len(ids) // ID_SIZE
        self.countChanged.emit(self.total)
        self.loaded.emit()

    def _reset(self, ids: bytes) -> None:
        self.beginResetModel()
        self._first_of_gen = self._gen
        self._ids = ids
        # What was on screen stays there until it is read again, so a refresh does not flicker;
        # the rows are read again by id (they may have changed).
        self._shown_before = dict(self._records)
        self._records.clear()
        self._gone.clear()
        self._pending.clear()
        self.endResetModel()

    # -- reading rows by id ----------------------------------------------------

    def _read(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        gen = self._gen
        ids = unpack(self._ids, page * self.page_size, (page + 1) * self.page_size)
        self._sync = True  # a synchronous runner answers inside data(): no dataChanged then
        try:
            self.ctx.runner.run(
                self._service.rows_fn,
                self.ctx.database,
                ids,
                on_done=lambda rows: self._rows_arrived(gen, page, ids, rows),
                on_error=lambda exc: self._read_failed(gen, page, exc),
            )
        finally:
            self._sync = False

    def _read_failed(self, gen: int, page: int, exc: BaseException) -> None:
        if gen == self._gen:
            self._pending.discard(page)
        self.ctx.runner.report_error(exc)

    def _rows_arrived(self, gen: int, page: int, ids: list[UUID], rows: list[RowT]) -> None:
        if gen != self._gen:
            return
        self._pending.discard(page)
        found = {r.id: r for r in rows}
        for ident in ids:
            record = found.get(ident)
            if record is None:
                self._gone.add(ident)  # deleted since the ids were read
                self._records.pop(ident, None)
            else:
                self._gone.discard(ident)
                self._records[ident] = record
                self._records.move_to_end(ident)
            self._shown_before.pop(ident, None)
        while len(self._records) > KEEP_PAGES * self.page_size:
            self._records.popitem(last=False)
        if not self._sync and ids:
            first = page * self.page_size
            last = first + len(ids) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # -- access --------------------------------------------------------------

    def row_id(self, row: int) -> UUID | None:
        """The id of the record on ``row`` (the row's record for good, whatever it shows)."""
        if not 0 <= row < len(self._ids) // ID_SIZE:
            return None
        return UUID(bytes=bytes(self._ids[ID_SIZE * row : ID_SIZE * row + ID_SIZE]))

    def is_gone(self, row: int) -> bool:
        """True when the row's record was found deleted: it is shown so and not acted on."""
        ident = self.row_id(row)
        return ident is not None and ident in self._gone

    def item(self, row: int) -> RowT | None:
        """The row's record if at hand (reading its window if not); None while reading, or if gone."""
        ident = self.row_id(row)
        if ident is None or ident in self._gone:
            return None
        record = self._records.get(ident)
        if record is not None:
            self._records.move_to_end(ident)
            return record
        self._read(row // self.page_size)
        if ident in self._gone:
            return None
        return self._records.get(ident) or self._shown_before.get(ident)

    def column_widths(self) -> list[int]:
        return [c.width for c in self.columns]

    def sort_column(self) -> int:
        """The column the rows are ordered by (-1: none of them)."""
        return next((i for i, c in enumerate(self.columns) if c.sort == self.query.sort), -1)

    def cell_text(self, row: int, column: int) -> str:
        """What the cell shows ("" while its row is not at hand)."""
        record = self.item(row)
        if record is None or not 0 <= column < len(self.columns):
            return ""
        value = self.columns[column].value(record)
        return "" if value is None else str(value)

    def row_of(self, ident: UUID) -> int:
        start = 0
        while (found := self._ids.find(ident.bytes, start)) >= 0:
            if found % ID_SIZE == 0:  # a whole id, not bytes straddling two
                return found // ID_SIZE
            start = found + 1
        return -1

    @property
    def cached_rows(self) -> int:
        """How many records are held (the ids of all rows are, the records only for a window)."""
        return len(self._records)

    # -- QAbstractTableModel -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids) // ID_SIZE

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount() or index.column() >= len(self.columns):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            OTHER_LANGUAGE_ROLE,
        ):
            return None
        record = self.item(index.row())
        column = self.columns[index.column()]
        if record is None:
            if self.is_gone(index.row()):
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(QColor("#7a7a7a"))
                return tr("(deleted)") if index.column() == 0 else ""
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.alert is not None and column.alert(record):
                return QBrush(QColor("#b3261e"))
            return None
        value = column.value(record)
        if isinstance(value, Shown):  # a text in the UI's language, or the other one, marked
            if role == OTHER_LANGUAGE_ROLE:
                return value.lang if value.missing else None
            if role == Qt.ItemDataRole.ToolTipRole and value.missing:
                return f"{value.text}\n({tag_tooltip(value.lang)})"
            return value.text
        if role == OTHER_LANGUAGE_ROLE:
            return None
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_gone(index.row()):  # shown, never selected or acted on
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.set_sort(column, order):
            self.refresh(first=True)

    def set_sort(self, column: int, order: Qt.SortOrder) -> bool:
        """Order by ``column`` from the next read on; False when it cannot be sorted."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return False
        self.query = dataclasses.replace(
            self.query,
            sort=self.columns[column].sort,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        return True
