"""A record list (lazy, sorted and filtered in SQL) beside the selected record's editor."""

from __future__ import annotations

from datetime import time
from typing import TypeAlias
from uuid import UUID

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.enums import AgreementKind, AgreementStatus, CommitmentStatus, OrgKind, RecordKind
from app.services import time_zones as zones
from ui.actions import open_export
from ui.context import UiContext
from ui.i18n import tr
from ui.models.lazy import ListQuery
from ui.models.lists import ListModel, affected_by, list_spec
from ui.views.agreement_editor import AgreementEditor
from ui.views.commitment_editor import CommitmentEditor
from ui.views.contact_editor import ContactEditor
from ui.views.meeting_editor import MeetingEditor
from ui.views.names import kind_names
from ui.views.organization_editor import OrganizationEditor
from ui.widgets import marked
from ui.widgets.fields import DateEdit, EnumCombo
from ui.widgets.pickers import PickerButton
from ui.widgets.related import FlowLayout

# The editors told apart by their kind at run time.
AnyEditor: TypeAlias = AgreementEditor | OrganizationEditor | ContactEditor | MeetingEditor | CommitmentEditor


def make_editor(ctx: UiContext, kind: RecordKind, parent: QWidget) -> AnyEditor:
    if kind == RecordKind.AGREEMENT:
        return AgreementEditor(ctx, parent)
    if kind == RecordKind.ORGANIZATION:
        return OrganizationEditor(ctx, parent)
    if kind == RecordKind.CONTACT:
        return ContactEditor(ctx, parent)
    if kind == RecordKind.MEETING:
        return MeetingEditor(ctx, parent)
    return CommitmentEditor(ctx, parent)


class RecordListView(QWidget):
    open_record = Signal(str, object)  # a link to a record of another kind
    delete_requested = Signal(str, object, str)

    def __init__(self, ctx: UiContext, kind: RecordKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.lang = ctx.language
        plural, new_label = kind_names()[kind]
        self.model: ListModel = list_spec(kind, self.lang).model(ctx, self)

        self.quick = QLineEdit(self)
        self.quick.setPlaceholderText(tr("Filter {what}…").format(what=plural))
        self.quick.setAccessibleName(tr("Quick filter"))
        self.quick.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(new_label, self)
        self.new_button.setToolTip(tr("Ctrl+N"))
        self.new_button.clicked.connect(lambda: self.new_record())
        self.export_button = QPushButton(tr("Export…"), self)
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(self.quick, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        top.addWidget(self.new_button)
        # Each filter is a caption beside its control; they flow onto more lines as the list
        # narrows (at 1024x700 beside a record), so that no control is ever cut or overlapped.
        self.filter_bar = QWidget(self)
        self.filter_bar.setObjectName(f"{kind}_filters")
        self.filters = FlowLayout(self.filter_bar, spacing=8)
        self.filter_widgets: dict[str, QWidget] = {}
        self._build_filters()

        self.table = QTableView(self)
        self.table.setObjectName(f"{kind}_table")
        self.table.setAccessibleName(plural)
        self.table.setModel(self.model)
        marked.install(self.table)  # texts shown in the other language: grey, tagged KO/EN
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        for i, width in enumerate(self.model.column_widths()):
            self.table.setColumnWidth(i, width)
        header.setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if self.model.query.descending else Qt.SortOrder.AscendingOrder,
        )
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setSectionsClickable(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # only while the table has the focus
        shortcut.activated.connect(self._delete_selected)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table, 1)

        self.placeholder = QLabel(
            tr("Choose a record in the list to see it here, or press Ctrl+N to add one."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(mid); padding: 40px;")
        self._editor: AnyEditor | None = None
        self.editor_state: QByteArray | None = None  # the editor's remembered splitter, applied when built
        self.detail = QStackedWidget(self)
        self.detail.addWidget(self.placeholder)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{kind}_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 640])
        # On a small screen the list can be folded away (View > Hide the list, Ctrl+Shift+L, or
        # by dragging the handle to the left): the record then has the whole width.
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)
        self._list_width = 560
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.apply_filters)
        self.quick.textChanged.connect(lambda _t: self._timer.start())
        self.quick.returnPressed.connect(self.apply_filters)
        self.model.countChanged.connect(self._show_count)
        self.model.loading.connect(lambda: self.count_label.setText(tr("Loading…")))
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self._started = False
        self._stale = False  # records it shows changed while it was not shown
        self._ignore_row = False
        self._follow: UUID | None = None  # the record to select once the ids of the query arrive
        self._scroll = 0
        self._again = False  # records changed while the ids were being read: read them once more
        self.model.loaded.connect(self._loaded)
        ctx.records_changed.connect(self._records_changed)

    def list_hidden(self) -> bool:
        return self.splitter.sizes()[0] == 0

    def toggle_list(self) -> None:
        """Fold the list away to give the record the whole width, or bring it back."""
        left, right = self.splitter.sizes()
        total = left + right
        if left == 0:
            width = min(self._list_width, total // 2)
            self.splitter.setSizes([width, total - width])
            self.table.setFocus()
        else:
            self._list_width = left
            self.splitter.setSizes([0, total])

    # -- filters --------------------------------------------------------------

    def _add_filter(self, name: str, label: str, widget: QWidget) -> None:
        pair = QWidget(self.filter_bar)
        pair.setObjectName(f"filter_{name}")
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        caption = QLabel(label, pair)
        caption.setBuddy(widget)
        widget.setParent(pair)
        widget.setAccessibleName(label)
        row.addWidget(caption)
        row.addWidget(widget)
        self.filters.addWidget(pair)
        if isinstance(widget, PickerButton):
            widget.label.setText(tr("All"))
            widget.none_text = tr("All")
            # A fixed width for the chosen name (elided, whole in its tooltip): choosing one does
            # not make the filters flow again.
            widget.label.setFixedWidth(100)
        self.filter_widgets[name] = widget
        if isinstance(widget, EnumCombo):
            widget.currentIndexChanged.connect(lambda _i: self.apply_filters())
        elif isinstance(widget, DateEdit):
            widget.dateChanged.connect(lambda _d: self.apply_filters())
        elif isinstance(widget, PickerButton):
            widget.changed.connect(self.apply_filters)
        elif isinstance(widget, QLineEdit):
            widget.editingFinished.connect(self.apply_filters)

    def _build_filters(self) -> None:
        lang = self.lang
        any_ = tr("All")
        if self.kind == RecordKind.AGREEMENT:
            self._add_filter("statuses", tr("Status"), EnumCombo(AgreementStatus, lang, any_))
            self._add_filter("kinds", tr("Kind"), EnumCombo(AgreementKind, lang, any_))
            org = PickerButton(self.ctx, RecordKind.ORGANIZATION, tr("Party"), self)
            self._add_filter("organization_id", tr("Party"), org)
            tag = QLineEdit(self)
            tag.setMaximumWidth(110)
            self._add_filter("tag", tr("Tag"), tag)
            self._add_filter("signed_from", tr("Signed from"), DateEdit(lang))
            self._add_filter("signed_to", tr("Signed until"), DateEdit(lang))
        elif self.kind == RecordKind.ORGANIZATION:
            self._add_filter("org_kind", tr("Kind"), EnumCombo(OrgKind, lang, any_))
        elif self.kind == RecordKind.CONTACT:
            self._add_filter(
                "organization_id",
                tr("Organization"),
                PickerButton(self.ctx, RecordKind.ORGANIZATION, tr("Organization"), self),
            )
        elif self.kind == RecordKind.MEETING:
            self._add_filter("starts_from", tr("From"), DateEdit(lang))
            self._add_filter("starts_to", tr("Until"), DateEdit(lang))
            self._add_filter(
                "organization_id",
                tr("Organization"),
                PickerButton(self.ctx, RecordKind.ORGANIZATION, tr("Organization"), self),
            )
        elif self.kind == RecordKind.COMMITMENT:
            self._add_filter("statuses", tr("Status"), EnumCombo(CommitmentStatus, lang, any_))
            self._add_filter("due_before", tr("Due before"), DateEdit(lang))
            self._add_filter(
                "organization_id",
                tr("Party"),
                PickerButton(self.ctx, RecordKind.ORGANIZATION, tr("Party"), self),
            )

    def current_query(self) -> ListQuery:
        return self.model.with_filters(self._filters())

    def _filters(self) -> dict[str, object]:
        """The query's fields as the filter widgets set them."""
        values: dict[str, object] = {"text": self.quick.text().strip()}
        for name, widget in self.filter_widgets.items():
            if isinstance(widget, EnumCombo):
                value = widget.value()
                values[name] = (
                    (value,)
                    if name in ("statuses", "kinds") and value
                    else (() if name in ("statuses", "kinds") else value)
                )
            elif isinstance(widget, DateEdit):
                day = widget.value()
                if name in ("starts_from", "starts_to") and day is not None:
                    # The day as the list shows meetings: in their zone, which is Korea's unless
                    # held abroad (never this computer's zone).
                    values[name] = zones.at(day, time.max if name == "starts_to" else time.min, zones.HOME)
                else:
                    values[name] = day
            elif isinstance(widget, PickerButton):
                values[name] = widget.value()
            elif isinstance(widget, QLineEdit):
                values[name] = widget.text().strip()
        return values

    def apply_filters(self) -> None:
        self._timer.stop()
        self.model.set_filters(self._filters())

    def set_quick_filter(self, text: str) -> None:
        self.quick.setText(text)
        self.apply_filters()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(tr("{n} shown").format(n=f"{total:,}"))

    # -- records --------------------------------------------------------------

    @property
    def editor(self) -> AnyEditor:
        """The record editor, built the first time a record is opened (lists open quickly)."""
        if self._editor is None:
            editor = make_editor(self.ctx, self.kind, self)
            editor.saved.connect(self._saved)
            editor.open_record.connect(self.open_record)
            editor.delete_requested.connect(self.delete_requested)
            if self.editor_state is not None:
                editor.splitter.restoreState(self.editor_state)
            self.detail.addWidget(editor)
            self._editor = editor
        return self._editor

    @property
    def current_editor(self) -> AnyEditor | None:
        """The editor if one was built (asking does not build it)."""
        return self._editor

    def start(self) -> None:
        """Read the list when the view is shown: the first time, and when records changed meanwhile."""
        if not self._started or self._stale:
            self.refresh(first=not self._started)

    def refresh(self, first: bool = False) -> None:
        """Read the list again (``first``: show its first rows at once, as for a new sort)."""
        self._started = True
        self._stale = False
        self.model.refresh(first=first)

    def _records_changed(self, kinds: frozenset[RecordKind]) -> None:
        if not self._started or not affected_by(self.kind, kinds):
            return
        self._stale = True
        if not self.isVisible():  # read again when shown (start)
            return
        if self.model.is_loading:  # a burst of writes (an import): one more read after this one
            self._again = True
        else:
            self.refresh()

    def _loaded(self) -> None:
        if self._follow is not None:  # every id is in: the record's row, wherever it is now
            self._select(self._follow)
            self._follow = None
        if self._again:
            self._again = False
            self.refresh()

    def _before_reset(self) -> None:
        """The rows are about to be replaced: remember the record selected (not its row number)."""
        if self._follow is None:
            self._follow = self.selected_id()
        self._scroll = self.table.verticalScrollBar().value()

    def _after_reset(self) -> None:
        self.table.verticalScrollBar().setValue(self._scroll)
        if self._follow is not None:
            self._select(self._follow)
            if not self.model.is_loading:
                self._follow = None

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._ignore_row or not current.isValid():
            return
        self._follow = None  # chosen by the user: this row's record, whatever was followed
        if self.model.is_gone(current.row()):
            return
        ident = self.model.row_id(current.row())
        if ident is not None and ident != self.editor.ident:
            self.open(ident)

    def open(self, ident: UUID) -> None:
        def go() -> None:
            self.detail.setCurrentWidget(self.editor)
            self.editor.load(ident)

        if ident == self.editor.ident and not self.editor.dirty:
            self.detail.setCurrentWidget(self.editor)
            return
        self.editor.confirm_leave(go)
        if self.editor.dirty:  # the user chose to stay: the list shows the record being edited
            self._show_selected(self.editor.ident)

    def new_record(self, **preset: object) -> None:
        def go() -> None:
            self._ignore_row = True
            self.table.selectionModel().clearSelection()
            self._ignore_row = False
            self.detail.setCurrentWidget(self.editor)
            self.editor.start_new(**preset)

        self.editor.confirm_leave(go)

    def _saved(self, _kind: str, ident: UUID) -> None:
        # The write itself refreshes the lists (``records_changed``); the list then selects it.
        self.select_when_loaded(ident)

    def _show_selected(self, ident: UUID | None) -> None:
        if ident is None:
            self._ignore_row = True
            self.table.selectionModel().clearSelection()
            self._ignore_row = False
        else:
            self.select_when_loaded(ident)

    def select_when_loaded(self, ident: UUID) -> None:
        """Select the record ``ident``: now if the list has it, and again when the ids are read
        (after a refresh that is on its way, or one the write just asked for)."""
        self._follow = ident
        if self._select(ident) and not self.model.is_loading:
            self._follow = None

    def _select(self, ident: UUID) -> bool:
        row = self.model.row_of(ident)
        if row < 0:
            return False
        self._ignore_row = True
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._ignore_row = False
        return True

    def selected_id(self) -> UUID | None:
        """The id of the selected row's record (None without a selection, or if it is gone)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        if self.model.is_gone(index.row()):
            return None
        return self.model.row_id(index.row())

    def _delete_selected(self) -> None:
        ident = self.selected_id()
        if ident is None:
            return
        column = (
            1 if self.kind in (RecordKind.MEETING, RecordKind.COMMITMENT) else 0
        )  # the title, not the date
        label = self.model.cell_text(self.table.currentIndex().row(), column)
        self.delete_requested.emit(self.kind, ident, label)

    def record_deleted(self, ident: UUID) -> None:
        """Close the record's editor (the deletion itself refreshes the list: ``records_changed``)."""
        if self._editor is not None and self._editor.ident == ident:
            self.editor.set_dirty(False)
            self.editor.ident = None
            self.detail.setCurrentWidget(self.placeholder)

    def export(self) -> None:
        open_export(self.ctx, self.kind, self.current_query(), self)
