"""A table model that pages rows from a service, holding only a window of them.

The model asks the list service's ``list_fn(db, query)`` for one page at a time
(``offset``/``limit`` in the query dataclass), through the runner, so the GUI thread
never waits on the database. ``rowCount`` grows page by page as the view scrolls
(``canFetchMore`` / ``fetchMore``); only the most recently used pages are kept, older
ones are fetched again if they scroll back into view. Sorting replaces the query's
``sort``/``descending`` and starts over: ordering is done in SQL.
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

from app.services.opening import Database
from ui.context import UiContext

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
KEEP_PAGES = 10


class HasId(Protocol):
    """A row of a list: the model keeps its id."""

    @property
    def id(self) -> UUID: ...


class ListQuery(Protocol):
    """A list's query: a dataclass with the order and the page to read (``app.dto``'s ``*Query``)."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def sort(self) -> str: ...

    @property
    def descending(self) -> bool: ...

    @property
    def offset(self) -> int: ...

    @property
    def limit(self) -> int | None: ...


RowT = TypeVar("RowT", bound=HasId)
QueryT = TypeVar("QueryT", bound=ListQuery)
QueryT_contra = TypeVar("QueryT_contra", bound=ListQuery, contravariant=True)


class ListService(Protocol[RowT, QueryT_contra]):
    """The two service functions behind a list: a page of rows, and how many rows match."""

    @property
    def list_fn(self) -> Callable[[Database, QueryT_contra], list[RowT]]: ...

    @property
    def count_fn(self) -> Callable[[Database, QueryT_contra], int]: ...


@dataclass(frozen=True)
class Column(Generic[RowT]):
    title: str
    value: Callable[[RowT], object]
    sort: str | None = None
    width: int = 120
    alert: Callable[[RowT], bool] | None = None  # shown in red when true (overdue)


class LazyTableModel(QAbstractTableModel, Generic[RowT, QueryT]):
    countChanged = Signal(int)  # total rows matching the query, when known
    loaded = Signal()
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
        self._rows = 0
        # Row ids packed 16 bytes each: a list of UUID objects costs ~8x as much (13 MB for 100,000 rows).
        self._ids = bytearray()
        self._pages: OrderedDict[int, list[RowT]] = OrderedDict()
        self._pending: set[int] = set()
        self._loading = False
        self._exhausted = False
        self._sync = False
        self._resetting = False

    # -- query ---------------------------------------------------------------

    def set_query(self, query: QueryT) -> None:
        self.query = query
        self.refresh()

    def with_filters(self, filters: Mapping[str, object]) -> QueryT:
        """The first query with ``filters`` (field values by name), in the current order."""
        return dataclasses.replace(
            self.base_query, **filters, sort=self.query.sort, descending=self.query.descending
        )

    def set_filters(self, filters: Mapping[str, object]) -> None:
        self.set_query(self.with_filters(filters))

    def refresh(self) -> None:
        self.beginResetModel()
        self._gen += 1
        self._rows = 0
        self._ids = bytearray()
        self._pages.clear()
        self._pending.clear()
        self._loading = False
        self._exhausted = False
        self.total = None
        self._resetting = True
        try:
            self.endResetModel()
        finally:
            self._resetting = False
        self.loading.emit()
        self.fetchMore(QModelIndex())

    def _count(self) -> None:
        """Count the matching rows once the first page is in (one worker stays free meanwhile)."""
        if self._exhausted:  # the whole result fits in what was fetched
            self._counted(self._gen, self._rows)
            return
        gen = self._gen
        self.ctx.runner.run(
            self._service.count_fn,
            self.ctx.database,
            dataclasses.replace(self.query, offset=0, limit=None),
            on_done=lambda n: self._counted(gen, n),
        )

    def _counted(self, gen: int, total: int) -> None:
        if gen == self._gen:
            self.total = total
            self.countChanged.emit(total)

    def _page_query(self, page: int) -> QueryT:
        return dataclasses.replace(self.query, offset=page * self.page_size, limit=self.page_size)

    # -- paging --------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._loading:
            return
        if self._resetting:  # asked from a modelReset handler: rows cannot be inserted yet
            return
        self._loading = True
        gen = self._gen
        page = self._rows // self.page_size
        self.ctx.runner.run(
            self._service.list_fn,
            self.ctx.database,
            self._page_query(page),
            on_done=lambda rows: self._appended(gen, page, rows),
            on_error=lambda exc: self._failed(gen, exc),
        )

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self._loading = False
            self._exhausted = True
        self.ctx.runner.report_error(exc)

    def _appended(self, gen: int, page: int, rows: list[RowT]) -> None:
        if gen != self._gen:
            return
        self._loading = False
        if len(rows) < self.page_size:
            self._exhausted = True
        if rows:
            first = self._rows
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows += len(rows)
            self._ids += b"".join(r.id.bytes for r in rows)
            self._store(page, rows)
            self.endInsertRows()
        self.loaded.emit()
        if page == 0:
            self._count()

    def _store(self, page: int, rows: list[RowT]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > KEEP_PAGES:
            self._pages.popitem(last=False)

    def _refetch(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        gen = self._gen
        self._sync = True
        try:
            self.ctx.runner.run(
                self._service.list_fn,
                self.ctx.database,
                self._page_query(page),
                on_done=lambda rows: self._refetched(gen, page, rows),
            )
        finally:
            self._sync = False

    def _refetched(self, gen: int, page: int, rows: list[RowT]) -> None:
        if gen != self._gen:
            return
        self._pending.discard(page)
        self._store(page, rows)
        if not self._sync and rows:
            first = page * self.page_size
            last = min(first + len(rows), self._rows) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # -- access --------------------------------------------------------------

    def row_id(self, row: int) -> UUID | None:
        if not 0 <= row < len(self._ids) // 16:
            return None
        return UUID(bytes=bytes(self._ids[16 * row : 16 * row + 16]))

    def item(self, row: int) -> RowT | None:
        """The row's record if its page is at hand (fetching it again if not)."""
        if not 0 <= row < self._rows:
            return None
        page, pos = divmod(row, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            self._refetch(page)
            rows = self._pages.get(page)
            if rows is None:
                return None
        else:
            self._pages.move_to_end(page)
        return rows[pos] if pos < len(rows) else None

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
            if found % 16 == 0:  # a whole id, not bytes straddling two
                return found // 16
            start = found + 1
        return -1

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    # -- QAbstractTableModel -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._rows or index.column() >= len(self.columns):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        record = self.item(index.row())
        column = self.columns[index.column()]
        if record is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.alert is not None and column.alert(record):
                return QBrush(QColor("#b3261e"))
            return None
        value = column.value(record)
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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.set_sort(column, order):
            self.refresh()

    def set_sort(self, column: int, order: Qt.SortOrder) -> bool:
        """Order by ``column`` from the next fetch on; False when it cannot be sorted."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return False
        self.query = dataclasses.replace(
            self.query,
            sort=self.columns[column].sort,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        return True
