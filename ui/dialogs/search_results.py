"""Results of the global search, grouped by kind with their snippets; Enter opens one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.services.search import SearchHit
from ui.i18n import tr
from ui.views.dashboard_view import kind_label
from ui.widgets import marked

ROLE = Qt.ItemDataRole.UserRole


def plain_snippet(snippet: str) -> str:
    return snippet.replace("«", "").replace("»", "")


class SearchResults(QDialog):
    open_record = Signal(str, object)

    def __init__(
        self, query: str, hits: list[SearchHit], parent: QWidget | None = None, lang: str = "ko"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Search: {query}").format(query=query))
        self.resize(760, 520)
        summary = QLabel(
            tr("{n} results for “{query}”. Enter opens the selected record.").format(n=len(hits), query=query)
            if hits
            else tr("Nothing found for “{query}”.").format(query=query),
            self,
        )
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(tr("Search results"))
        self.tree.setHeaderLabels([tr("Record"), tr("Where it matched")])
        self.tree.setColumnWidth(0, 300)
        marked.install(self.tree)  # a title shown in the other language: grey, tagged KO/EN
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            group = groups.get(hit.kind)
            if group is None:
                group = QTreeWidgetItem(
                    [kind_label(hit.kind) if hit.kind != "attachment" else tr("Attachment"), ""]
                )
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
                groups[hit.kind] = group
            title = hit.title(lang)  # the UI language's title, else the other one's, marked
            item = QTreeWidgetItem([title.text, plain_snippet(hit.snippet)])
            if title.missing:
                item.setData(0, marked.OTHER_LANGUAGE_ROLE, title.lang)
                item.setToolTip(0, f"{title.text}\n({marked.tag_tooltip(title.lang)})")
            item.setToolTip(1, plain_snippet(hit.snippet))
            target = (hit.parent_kind, hit.parent_id) if hit.kind == "attachment" else (hit.kind, hit.id)
            item.setData(0, ROLE, target)
            group.addChild(item)
            group.setText(0, f"{group.text(0).split(' (')[0]} ({group.childCount()})")
        first = next((g.child(0) for g in groups.values() if g.childCount()), None)
        if first is not None:  # the groups are in the tree's order: the first hit is chosen
            self.tree.setCurrentItem(first)
        self.tree.itemActivated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, ROLE)
        if target and target[1] is not None:
            self.open_record.emit(target[0], target[1])
            self.accept()
