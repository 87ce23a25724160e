"""The enterprises' results side by side, with the selected enterprise's figures and sources below."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...data.charts import enterprise_chart, enterprise_plan_chart
from ...data.records import Enterprise, Indicator
from ...data.snapshot import Snapshot
from ...i18n import tr
from ...text_limits import shorten
from ..charts.chart_view import ChartView
from ..clipboard import rows_to_mime
from ..detail_html import indicator_html
from ..models.enterprise_table_model import SORT_ROLE, EnterpriseSortProxy, EnterpriseTableModel
from ..plain import escape
from ..reading_pane import ReadingPane
from ..state import ViewerState
from ..tab import BriefingTab, EmptyState, source_reachable

__all__ = ["EnterprisesTab"]

#: room kept below the table's rows (the detail pane gets the rest of the height)
_TABLE_SLACK = 4
#: the share of the tab's height the table may take when not all its rows fit above the details
_TABLE_SHARE = 0.5
#: the least height left to the details and charts before the table gives up showing every row
_DETAIL_MIN = 150


class EnterprisesTab(BriefingTab):
    """A table of enterprises × results above a reading pane for the selected enterprise or cell."""

    title_key = "tab.enterprises"
    sections = ("enterprises",)

    def __init__(self, state: ViewerState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self._snapshot: Snapshot | None = None
        self._sized = False
        self._natural_width = 0

        self.model = EnterpriseTableModel(self)
        self.proxy = EnterpriseSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.table = QTableView(self)
        self.table.setObjectName("enterpriseTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the source's order until a header is clicked
        self.table.setSortingEnabled(True)

        self.show_in_source_action = QAction(self)
        self.show_in_source_action.setObjectName("showInSourceAction")
        self.copy_action = QAction(self)
        self.copy_action.setObjectName("copyEnterprisesAction")
        self.table.addAction(self.show_in_source_action)
        self.table.addAction(self.copy_action)

        self.pane = ReadingPane(self)
        self.pane.setObjectName("enterpriseDetail")
        self.source_button = QPushButton(self)
        self.source_button.setObjectName("showInSourceButton")
        self.source_button.setEnabled(False)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        details = QWidget(self)
        bottom_layout = QVBoxLayout(details)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.pane, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.source_button)
        bottom_layout.addLayout(buttons)
        # Grouped bars per metric, and plan completion per enterprise, beside the details.
        self.metric_chart = ChartView(self)
        self.metric_chart.setObjectName("enterpriseMetricChart")
        self.plan_chart = ChartView(self)
        self.plan_chart.setObjectName("enterprisePlanChart")
        charts = QSplitter(Qt.Orientation.Vertical, self)
        charts.setChildrenCollapsible(False)
        charts.addWidget(self.metric_chart)
        charts.addWidget(self.plan_chart)
        # In a low window the charts scroll (each keeps its readable height) rather than taking the
        # table's rows: at 1024×640 the table was squeezed to half a row under them.
        self.chart_scroll = QScrollArea(self)
        self.chart_scroll.setObjectName("enterpriseChartScroll")
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_scroll.setWidget(charts)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.setObjectName("enterpriseBottomSplitter")
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(details)
        bottom.addWidget(self.chart_scroll)
        bottom.setStretchFactor(0, 1)
        bottom.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("enterpriseSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        # What the briefing lacks is said in place of empty tables and charts.
        self.empty_state = EmptyState(self.splitter, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_state)

        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        self.table.selectionModel().currentChanged.connect(self._on_table_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.source_button.clicked.connect(self._on_show_in_source)
        self.show_in_source_action.triggered.connect(self._on_show_in_source)
        self.copy_action.triggered.connect(self._on_copy)
        self.pane.item_link_activated.connect(self.state.request_item)
        self.pane.source_link_activated.connect(self.state.request_source)
        self.metric_chart.bar_clicked.connect(self._on_chart_bar_clicked)
        self.plan_chart.bar_clicked.connect(self._on_chart_bar_clicked)
        self.metric_chart.print_requested.connect(self.state.request_chart_print)
        self.plan_chart.print_requested.connect(self.state.request_chart_print)

    # ------------------------------------------------------------ contract
    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        current = self.current_enterprise()
        selected = [e.id for e in self.selected_enterprises()]
        key = self.model.column_key(self.proxy.mapToSource(self.table.currentIndex()).column())
        scroll = self.table.horizontalScrollBar().value()
        self._snapshot = snapshot
        self.model.set_rows(snapshot, self.lang)
        self._update_empty_state()
        self._fill_charts()
        self._fit_columns()
        if current is not None and self.model.row_of(current.id) >= 0:
            column = self.model.column_of(key) if key is not None else 0
            self._select_ids(selected, current.id, max(column, 0))
        self.table.horizontalScrollBar().setValue(scroll)
        self._show_current()
        self._fit_table_height()

    def retranslate(self) -> None:
        lang = self.lang
        self.setAccessibleName(tr(self.title_key, lang))
        self.table.setAccessibleName(tr("enterprises.table", lang))
        self.table.horizontalHeader().setAccessibleName(tr("enterprises.table", lang))
        self.pane.setAccessibleName(tr("enterprises.detail", lang))
        self.splitter.setAccessibleName(tr(self.title_key, lang))
        self.source_button.setText(tr("action.show_in_source", lang))
        self.source_button.setAccessibleName(tr("action.show_in_source", lang).replace("&", ""))
        self.show_in_source_action.setText(tr("action.show_in_source", lang))
        self.copy_action.setText(tr("action.copy", lang))
        self._update_empty_state()
        self.model.set_language(lang)
        self._fill_charts()
        self._fit_columns()
        self._show_current()

    def _update_empty_state(self) -> None:
        empty = self._snapshot is not None and not self._snapshot.enterprises
        self.empty_state.show_empty(tr("empty.enterprises", self.lang) if empty else None)

    def select_item(self, section: str, item_id: int) -> bool:
        if section not in self.sections or self.model.row_of(item_id) < 0:
            return False
        self._select_ids([item_id], item_id, self.model.COL_ENTERPRISE)
        return True

    def copy_rows(self) -> tuple[list[str], list[list[str]]] | None:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows(0))
        if not rows:
            return None
        columns = range(self.proxy.columnCount())
        headers = [self.model.header_text(self.proxy.mapToSource(self.proxy.index(0, c)).column(), one_line=True)
                   for c in columns]
        out = [[str(self.proxy.index(row, c).data(Qt.ItemDataRole.DisplayRole) or "") for c in columns]
               for row in rows]
        return headers, out

    def focus_target(self) -> QWidget:
        return self.table

    # ------------------------------------------------------------ helpers
    def current_enterprise(self) -> Enterprise | None:
        return self.model.enterprise_at(self.proxy.mapToSource(self.table.currentIndex()).row())

    def current_indicator(self) -> Indicator | None:
        """The current cell's result, else the current enterprise's first result."""
        source = self.proxy.mapToSource(self.table.currentIndex())
        if not source.isValid():
            return None
        indicator = self.model.indicator_at(source.row(), source.column())
        if indicator is None:
            enterprise = self.model.enterprise_at(source.row())
            results = self._results(enterprise)
            indicator = results[0] if results else None
        return indicator

    def selected_enterprises(self) -> list[Enterprise]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows(0))
        found = (self.model.enterprise_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows)
        return [e for e in found if e is not None]

    def _results(self, enterprise: Enterprise | None) -> list[Indicator]:
        if enterprise is None or self._snapshot is None:
            return []
        return sorted(self._snapshot.enterprise_results(enterprise.id), key=lambda i: i.position)

    def _select_ids(self, ids: list[int], current_id: int, column: int) -> None:
        selection_model = self.table.selectionModel()
        selection = QItemSelection()
        for enterprise_id in ids:
            row = self.model.row_of(enterprise_id)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection.select(index, index)
        current = self.proxy.mapFromSource(self.model.index(self.model.row_of(current_id), column))
        flags = QItemSelectionModel.SelectionFlag
        selection_model.setCurrentIndex(current, flags.ClearAndSelect | flags.Rows)
        if not selection.isEmpty():
            selection_model.select(selection, flags.Select | flags.Rows)
        self.table.scrollTo(current)

    def _fill_charts(self) -> None:
        snapshot = self._snapshot
        self.metric_chart.set_spec(enterprise_chart(snapshot) if snapshot else None, self.lang)
        self.plan_chart.set_spec(enterprise_plan_chart(snapshot) if snapshot else None, self.lang)

    def _on_chart_bar_clicked(self, section: str, item_id: int) -> None:
        if section == "indicators" and self._snapshot is not None:
            indicator = self._snapshot.indicator(item_id)
            if indicator is None or indicator.enterprise_id is None:
                return
            section, item_id = "enterprises", indicator.enterprise_id
        if section == "enterprises":
            self.select_item(section, item_id)

    def _show_current(self) -> None:
        lang = self.lang
        source = self.proxy.mapToSource(self.table.currentIndex())
        enterprise = self.model.enterprise_at(source.row()) if source.isValid() else None
        indicator = self.current_indicator()
        self.metric_chart.highlight(("enterprises", enterprise.id) if enterprise is not None else None)
        self.plan_chart.highlight(("indicators", indicator.id) if indicator is not None else None)
        enabled, why_not = source_reachable(indicator, lang)
        for control in (self.source_button, self.show_in_source_action):
            control.setEnabled(enabled)
            control.setToolTip(why_not)
        self.copy_action.setEnabled(self.table.selectionModel().hasSelection())
        if enterprise is None or self._snapshot is None:
            self.pane.setHtml(f"<p>{escape(tr('enterprises.none_selected', lang))}</p>")
            return
        heading = f"<h2>{escape(shorten(enterprise.name(lang), lang))}</h2>"
        cell = self.model.indicator_at(source.row(), source.column())
        results = self.model.results_at(source.row(), source.column()) if cell else self._results(enterprise)
        if not results:
            self.pane.setHtml(heading + f"<p>{escape(tr('enterprises.no_results', lang))}</p>")
            return
        blocks = "<hr>".join(indicator_html(self._snapshot, result, lang) for result in results)
        self.pane.setHtml(heading + blocks)

    def _fit_columns(self) -> None:
        """Every column as wide as its widest text; long metric names wrap in the header when that
        saves the table from scrolling sideways; the last column takes any room left."""
        self.model.set_wrap_names(False)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        self._natural_width = sum(header.sectionSize(c) for c in range(header.count()))
        if self._natural_width > self._available_width():
            self.model.set_wrap_names(True)
            self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        if self._sized:
            self._fit_table_height()

    def _available_width(self) -> int:
        scroll = self.table.verticalScrollBar()
        return self.table.viewport().width() + (scroll.width() if scroll.isVisible() else 0)

    def _fit_table_height(self) -> None:
        """Give the table the height of its rows (and a scroll bar) and the detail pane the rest; where the
        tab is too low for that, as many whole rows as fit in its upper :data:`_TABLE_SHARE` (never half a row)."""
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(header.count()))
        scroll = self.table.horizontalScrollBar().sizeHint().height() if columns > self._available_width() else 0
        frame = 2 * self.table.frameWidth()
        fixed = header.sizeHint().height() + scroll + frame + _TABLE_SLACK
        heights = [self.table.rowHeight(r) for r in range(self.proxy.rowCount())]
        total = sum(self.splitter.sizes()) or self.splitter.height()
        wanted = fixed + sum(heights)
        if total <= wanted + _DETAIL_MIN:
            # rows cut: a vertical scroll bar takes width, which may call for a horizontal one
            bar = self.table.verticalScrollBar()
            room = self._available_width() - (0 if bar.isVisible() else bar.sizeHint().width())
            if not scroll and columns > room:
                fixed += self.table.horizontalScrollBar().sizeHint().height()
            wanted = fixed
            for height in heights:
                if wanted + height > max(total * _TABLE_SHARE, fixed + (heights[0] if heights else 0)):
                    break
                wanted += height
        self.splitter.setSizes([wanted, max(0, total - wanted)])

    # ------------------------------------------------------------ events and slots
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._refit_if_width_changed()
        if not self._sized:
            self._sized = True
            self._fit_table_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.isVisible():
            self._refit_if_width_changed()

    def _refit_if_width_changed(self) -> None:
        """Wrap or unwrap the header's metric names when the room for the table changes enough."""
        if self.model.wrap_names != (self._natural_width > self._available_width()):
            self._fit_columns()

    def _on_table_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.copy_action.setEnabled(self.table.selectionModel().hasSelection())

    def _on_show_in_source(self) -> None:
        self.show_in_source(self.current_indicator())

    def _on_copy(self) -> None:
        copied = self.copy_rows()
        if copied is not None:
            QApplication.clipboard().setMimeData(rows_to_mime(*copied))
