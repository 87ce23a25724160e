"""A list of prose items (achievements, limitations or directives) beside a reading pane."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...data.folding import fold
from ...data.records import Item
from ...data.snapshot import Snapshot
from ...i18n import tr
from ..compared_items import ComparedItemsView
from ..detail_html import item_html
from ..models.item_tree_model import FILTER_ROLE, ItemTreeModel
from ..plain import escape
from ..reading_pane import ReadingPane
from ..state import ViewerState
from ..tab import BriefingTab, EmptyState, source_reachable

__all__ = ["ItemsTab", "COMPARED_SECTIONS"]

#: the sections a comparison of two briefings matches item by item
COMPARED_SECTIONS = ("directives", "limitations")


class _FoldedFilter(QSortFilterProxyModel):
    """Keeps rows whose folded text contains every folded word typed (``dien thoai`` finds ``điện thoại``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)

    def set_words(self, text: str) -> None:
        self.beginFilterChange()  # Qt 6.9 (pyproject's floor); invalidateFilter() is deprecated there
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        text = self.sourceModel().index(row, 0, parent).data(FILTER_ROLE) or ""
        return all(word in text for word in self._words)


class ItemsTab(BriefingTab):
    """Base for the Achievements, Limitations and Directives tabs."""

    section = ""
    grouped = True
    #: key in :mod:`briefing_app.i18n` for what the tab says when the briefing has none of its items
    empty_key = ""

    def __init__(self, state: ViewerState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.sections = (self.section,)
        self._snapshot: Snapshot | None = None

        self.model = ItemTreeModel(self.grouped, self)
        self.proxy = _FoldedFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("itemFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.view = QTreeView(self)
        self.view.setObjectName("itemList")
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setHeaderHidden(self.grouped)
        self.view.setRootIsDecorated(self.grouped)
        if not self.grouped:
            header = self.view.header()
            header.setStretchLastSection(False)
            # Sized to their contents by _fit_columns when the rows change, not by Qt's ResizeToContents: that
            # measures the rows again on every layout of the list, five times over when the tab is first shown.
            header.setSectionResizeMode(ItemTreeModel.COL_NUMBER, QHeaderView.ResizeMode.Fixed)
            header.setSectionResizeMode(ItemTreeModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(ItemTreeModel.COL_SECTOR, QHeaderView.ResizeMode.Fixed)
            header.setResizeContentsPrecision(100)

        self.pane = ReadingPane(self)
        self.pane.setObjectName("itemReadingPane")
        self.source_button = QPushButton(self)
        self.source_button.setObjectName("showInSourceButton")
        self.source_button.setEnabled(False)
        self.show_in_source_action = QAction(self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.view, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.pane, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.source_button)
        right_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 640])
        self.empty_state = EmptyState(self.splitter, self)
        # While comparing ("Compare with…"), directives and limitations show which continue, are new or
        # were dropped in the tab's place (achievements are not compared).
        self.compared = ComparedItemsView(self.section, self) if self.section in COMPARED_SECTIONS else None
        self.mode_stack = QStackedWidget(self)
        self.mode_stack.addWidget(self.empty_state)
        if self.compared is not None:
            self.mode_stack.addWidget(self.compared)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode_stack)

        self._connect_signals()
        self.retranslate()
        if self.compared is not None:
            self.state.comparison_changed.connect(self._on_comparison_changed)
            self._on_comparison_changed(state.comparison)

    @property
    def comparing(self) -> bool:
        """True while the tab shows a comparison in place of its items."""
        return self.compared is not None and self.mode_stack.currentWidget() is self.compared

    def _on_comparison_changed(self, comparison: object) -> None:
        if self.compared is None:
            return
        self.compared.set_comparison(self.state.comparison, self.lang)
        self.mode_stack.setCurrentWidget(self.compared if comparison is not None else self.empty_state)

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.source_button.clicked.connect(self._on_show_in_source)
        self.show_in_source_action.triggered.connect(self._on_show_in_source)
        self.pane.item_link_activated.connect(self.state.request_item)
        self.pane.source_link_activated.connect(self.state.request_source)

    # ------------------------------------------------------------ contract
    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        selected = self.current_item()
        scroll = self.view.verticalScrollBar().value()
        self._snapshot = snapshot
        groups = snapshot.items_by_sector(self.section) if snapshot else []
        self.model.set_rows(groups, self.lang)
        self.view.expandAll()
        self._fit_columns()
        self._update_empty_state()
        if selected is not None and not self.select_item(self.section, selected.id):
            self._show(None)
        elif selected is None:
            self._show(None)
        self.view.verticalScrollBar().setValue(scroll)

    def retranslate(self) -> None:
        lang = self.lang
        self.filter_edit.setPlaceholderText(tr("items.filter", lang))
        self.filter_edit.setAccessibleName(tr("items.filter", lang).rstrip("…"))
        self.view.setAccessibleName(tr("items.list", lang))
        self.pane.setAccessibleName(tr("items.reading", lang))
        self.source_button.setText(tr("action.show_in_source", lang))
        self.source_button.setAccessibleName(tr("action.show_in_source", lang).replace("&", ""))
        self.show_in_source_action.setText(tr("action.show_in_source", lang))
        self.model.set_language(lang)
        self._fit_columns()
        if self.compared is not None:
            self.compared.view.setAccessibleName(tr("compare.window.items", lang))
            self.compared.set_comparison(self.state.comparison, lang)
        self._show(self.current_item())
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        empty = self._snapshot is not None and not self._snapshot.items_by_sector(self.section)
        self.empty_state.show_empty(tr(self.empty_key, self.lang) if empty else None)

    def select_item(self, section: str, item_id: int) -> bool:
        if section != self.section:
            return False
        if self.compared is not None and self.comparing and self._snapshot is not None:
            # The comparison stands in the table's place: show the item there, not in the hidden table.
            if self.compared.select_item(self._snapshot.briefing.id, item_id):
                return True
        source = self.model.index_of(item_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(source)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def copy_rows(self) -> tuple[list[str], list[list[str]]] | None:
        if self.compared is not None and self.comparing:
            return self.compared.copy_rows()
        items = self.selected_items()
        if not items:
            return None
        lang = self.lang
        headers = [tr("col.number", lang), tr("col.title", lang), tr("col.sector", lang), tr("detail.source", lang)]
        rows = []
        for item in items:
            sector = self._snapshot.sector(item.sector_id) if self._snapshot else None
            number = str(item.number) if item.number is not None else str(item.position)
            rows.append([number, item.title(lang), sector.name(lang) if sector else "", item.source_text])
        return headers, rows

    def focus_target(self) -> QWidget:
        return self.compared.view if self.compared is not None and self.comparing else self.view

    # ------------------------------------------------------------ helpers
    def current_item(self) -> Item | None:
        return self.model.item_at(self.proxy.mapToSource(self.view.currentIndex()))

    def selected_items(self) -> list[Item]:
        rows = self.view.selectionModel().selectedRows(0)
        items = [self.model.item_at(self.proxy.mapToSource(index)) for index in rows]
        return sorted((i for i in items if i is not None), key=lambda i: i.position)

    def _fit_columns(self) -> None:
        """The number and sector columns of a flat list as wide as their title and the texts of the rows shown
        (the first hundred or so, as Qt's ResizeToContents measures); the title takes the rest."""
        if self.grouped:
            return
        header = self.view.header()
        for column in (ItemTreeModel.COL_NUMBER, ItemTreeModel.COL_SECTOR):
            header.resizeSection(column, max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column)))

    def _show(self, item: Item | None) -> None:
        enabled, why_not = source_reachable(item, self.lang)
        for control in (self.source_button, self.show_in_source_action):
            control.setEnabled(enabled)
            control.setToolTip(why_not)
        if item is None or self._snapshot is None:
            self.pane.setHtml(f"<p>{escape(tr('items.none_selected', self.lang))}</p>")
        else:
            self.pane.setHtml(item_html(self._snapshot, item, self.lang))

    # ------------------------------------------------------------ slots
    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.set_words(text)
        self.view.expandAll()
        self._fit_columns()

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.item_at(self.proxy.mapToSource(current)))

    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        if self.current_item() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.show_in_source_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _on_show_in_source(self) -> None:
        self.show_in_source(self.current_item())
