"""The Indicators tab: sectors on the left, the figures in a sortable table, details on the right."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...data.charts import indicator_chart, sector_chart
from ...data.compare import Comparison
from ...data.folding import fold
from ...data.records import Indicator
from ...data.snapshot import Snapshot
from ...i18n import tr, tr_n
from ...text_limits import elide
from ..charts.chart_view import ChartView
from ..charts.over_time import OverTime
from ..detail_html import indicator_html
from ..models.comparison_model import COL_MEASURE, ComparisonSortProxy, ComparisonTableModel
from ..models.indicator_table_model import COL_LABEL, COLUMN_KEYS, SORT_ROLE, IndicatorTableModel
from ..plain import escape, plain_label
from ..reading_pane import ReadingPane
from ..state import ViewerState
from ..tab import BriefingTab, EmptyState, PrintScope, source_reachable

__all__ = ["IndicatorsTab", "IndicatorFilterProxy"]

#: Below the table, the widths of the reading pane, the bar chart and the Over time chart, in these proportions.
DETAIL_SHARES = (3, 4, 3)
#: ... the reading pane never narrower than this many average characters.
DETAIL_MIN_CHARS = 30


class IndicatorFilterProxy(QSortFilterProxyModel):
    """Rows of one sector (or all) whose folded label holds every folded word typed.

    ``dien thoai`` finds ``Tổng số thuê bao điện thoại``. Sorting uses
    :data:`SORT_ROLE`; a figure that is not stated sorts last in either order.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sector_id: int | None = None
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(COL_LABEL)

    @property
    def sector_id(self) -> int | None:
        return self._sector_id

    def set_sector(self, sector_id: int | None) -> None:
        if sector_id != self._sector_id:
            self._change_filter(lambda: setattr(self, "_sector_id", sector_id))

    def set_words(self, text: str) -> None:
        words = fold(text).split()
        if words != self._words:
            self._change_filter(lambda: setattr(self, "_words", words))

    def _change_filter(self, change) -> None:
        self.beginFilterChange()  # Qt 6.9 (pyproject's floor); invalidateFilter() is deprecated there
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Filter again (the labels changed language)."""
        self._change_filter(lambda: None)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        indicator = model.indicator_at(row) if isinstance(model, IndicatorTableModel) else None
        if indicator is None:
            return False
        if self._sector_id is not None and indicator.sector_id != self._sector_id:
            return False
        if not self._words:
            return True
        text = model.index(row, COL_LABEL, parent).data(SORT_ROLE) or ""
        return all(word in text for word in self._words)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt override
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if a is None or b is None:
            if a is None and b is None:
                return left.row() < right.row()
            # Qt sorts descending by asking lessThan(right, left): keep the blanks last both ways.
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (a is None) == descending
        if a == b:
            return left.row() < right.row()
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class IndicatorsTab(BriefingTab):
    """Every figure the report states, by sector, with its source sentence and comparisons."""

    title_key = "tab.indicators"
    sections = ("indicators",)

    def __init__(self, state: ViewerState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self._snapshot: Snapshot | None = None
        self._sector_ids: list[int | None] = []
        self._shown: tuple | None = None

        # sectors
        self.sector_heading = plain_label("", self, wrap=False, selectable=False)
        self.sector_heading.setObjectName("sectorHeading")
        self.sector_list = QListWidget(self)
        self.sector_list.setObjectName("sectorList")
        self.sector_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sector_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sector_list.setWordWrap(True)
        self.sector_list.setSpacing(2)
        self.sector_list.setTextElideMode(Qt.TextElideMode.ElideRight)

        # table
        self.model = IndicatorTableModel(self)
        self.proxy = IndicatorFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("indicatorFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setObjectName("indicatorTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        # The columns are sized to their contents by _fit_columns when the rows shown change, not by Qt's
        # ResizeToContents: that measures every column's rows again on each layout of the table, the first
        # time it is shown among them (a third of a switch to this tab on a briefing of 500 figures).
        for column in range(len(COLUMN_KEYS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Stretch)
        # Size columns from the first rows, not every row: a briefing can hold thousands of figures.
        header.setResizeContentsPrecision(100)
        self._filling = False  # set_snapshot sizes the columns once, after the model and the filter are set
        # Source order (totals, then their parts) until a header is clicked; a third click restores it.
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.show_in_source_action = QAction(self)
        self.show_in_source_action.setObjectName("showInSourceAction")
        self.show_in_source_action.setEnabled(False)
        self.table.addAction(self.show_in_source_action)

        # details
        self.detail = ReadingPane(self)
        self.detail.setObjectName("indicatorDetail")
        self.source_button = QPushButton(self)
        self.source_button.setObjectName("showInSourceButton")
        self.source_button.setEnabled(False)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sector_heading)
        left_layout.addWidget(self.sector_list, 1)
        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.filter_edit)
        center_layout.addWidget(self.table, 1)
        # chart of the selected indicator or sector
        self.chart = ChartView(self, empty_key="chart.none")
        self.chart.setObjectName("indicatorChart")
        # the selected figure's measure across every briefing of the database (issue #15 §3)
        self.over_time_source = OverTime.shared(state)  # one cache with the Trends tab
        self.over_time = ChartView(self, empty_key="series.none_selected")
        self.over_time.setObjectName("overTimeChart")

        detail_box = QWidget(self)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.source_button)
        detail_layout.addLayout(buttons)
        # Details and chart: stacked when they sit right of the table, side by side below it.
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.detail_splitter.setObjectName("indicatorDetailSplitter")
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.addWidget(detail_box)
        self.detail_splitter.addWidget(self.chart)
        self.detail_splitter.addWidget(self.over_time)
        # the Over time chart needs height for its time axis, labels and conflict notes
        self.over_time.setMinimumHeight(240)
        self._detail_box = detail_box
        right = self.detail_splitter
        # Sectors | (table, details). The details sit right of the table when the tab is wide
        # enough for every column; otherwise below it, so no column is squeezed or clipped.
        self.content_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.content_splitter.setObjectName("indicatorContentSplitter")
        self.content_splitter.setChildrenCollapsible(False)
        self.content_splitter.addWidget(center)
        self.content_splitter.addWidget(right)
        self.content_splitter.setStretchFactor(0, 3)
        self.content_splitter.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("indicatorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.content_splitter)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        sector_width = 24 * self.fontMetrics().averageCharWidth() + 40
        self.splitter.setSizes([sector_width, 1280 - sector_width])
        self._table_need = 0
        self._arranged = False
        # What the briefing lacks is said in place of empty tables and charts.
        self.empty_state = EmptyState(self.splitter, self)
        # While comparing ("Compare with…"), the two briefings' figures side by side take the tab's place.
        self.comparison_page = self._build_comparison_page()
        self.mode_stack = QStackedWidget(self)
        self.mode_stack.addWidget(self.empty_state)
        self.mode_stack.addWidget(self.comparison_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode_stack)

        self._connect_signals()
        self.retranslate()
        self._on_comparison_changed(state.comparison)

    def _build_comparison_page(self) -> QWidget:
        page = QWidget(self)
        self.comparison_heading = plain_label("", page)
        self.comparison_heading.setObjectName("comparisonHeading")
        self.comparison_model = ComparisonTableModel(self)
        self.comparison_proxy = ComparisonSortProxy(self)
        self.comparison_proxy.setSourceModel(self.comparison_model)
        table = self.comparison_table = QTableView(page)
        table.setObjectName("comparisonTable")
        table.setModel(self.comparison_proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setCornerButtonEnabled(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the note: as wide as the tab allows
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.comparison_heading)
        layout.addWidget(table, 1)
        return page

    @property
    def comparing(self) -> bool:
        """True while the tab shows a comparison in place of its figures."""
        return self.mode_stack.currentWidget() is self.comparison_page

    def _on_comparison_changed(self, comparison: Comparison | None) -> None:
        self.comparison_model.set_comparison(comparison, self.lang)
        self.mode_stack.setCurrentWidget(self.comparison_page if comparison is not None else self.empty_state)
        self._label_comparison()
        self._size_comparison_columns()

    def _label_comparison(self) -> None:
        comparison = self.comparison_model.comparison
        if comparison is None:
            self.comparison_heading.setText("")
            return
        lang = self.lang
        older, newer = (comparison.a, comparison.b) if comparison.newer == "b" else (comparison.b, comparison.a)
        text = tr("compare.window.heading", lang, older=older.period(lang), newer=newer.period(lang))
        not_comparable = sum(1 for row in comparison.rows if not row.comparable)
        if not_comparable:
            text += " " + tr_n("count.compare.not_comparable", not_comparable, lang) + "."
        self.comparison_heading.setText(text)

    def _size_comparison_columns(self) -> None:
        table, chars = self.comparison_table, self.fontMetrics().averageCharWidth()
        for column in range(self.comparison_model.columnCount() - 1):
            table.resizeColumnToContents(column)
            limit = (40 if column == COL_MEASURE else 30) * chars
            if table.columnWidth(column) > limit:
                table.setColumnWidth(column, limit)

    def _connect_signals(self) -> None:
        self.sector_list.currentRowChanged.connect(self._on_sector_list_current_row_changed)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._update_detail)
        selection.currentChanged.connect(self._update_detail)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsRemoved,
                       self.proxy.rowsInserted):
            signal.connect(self._update_detail)
            signal.connect(self._on_rows_changed)
        self.source_button.clicked.connect(self._on_show_in_source)
        self.show_in_source_action.triggered.connect(self._on_show_in_source)
        self.detail.item_link_activated.connect(self.state.request_item)
        self.detail.source_link_activated.connect(self.state.request_source)
        self.chart.bar_clicked.connect(self._on_chart_bar_clicked)
        self.chart.print_requested.connect(self.state.request_chart_print)
        self.over_time.print_requested.connect(self.state.request_chart_print)
        self.state.store_changed.connect(self._on_store_changed)
        self.state.comparison_changed.connect(self._on_comparison_changed)

    # ------------------------------------------------------------ contract
    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        sector_key = self._current_sector_key()
        selected = [i.id for i in self.selected_indicators()]
        current = self.current_indicator()
        scroll = self.table.verticalScrollBar().value()

        self._snapshot = snapshot
        self._shown = None
        self._update_empty_state()
        indicators = snapshot.indicators_in_tree_order() if snapshot else []
        names = {e.id: e.short_name for e in snapshot.enterprises if e.short_name} if snapshot else {}
        self._filling = True
        try:
            self.model.set_rows(indicators, self.lang, names)
            self._fill_sector_list(sector_key)
        finally:
            self._filling = False
        for widget in (self.sector_list, self.filter_edit, self.table):
            widget.setEnabled(snapshot is not None)

        self._restore_selection(selected, current.id if current else None)
        self._hide_empty_columns()
        self._measure_table()
        self.table.updateGeometries()
        self.table.verticalScrollBar().setValue(scroll)
        self._update_detail()

    def retranslate(self) -> None:
        lang = self.lang
        self.sector_heading.setText(tr("indicators.sectors", lang))
        self.sector_heading.setAccessibleName(tr("indicators.sectors", lang))
        self.sector_list.setAccessibleName(tr("indicators.sectors", lang))
        self._label_sector_list()
        self.filter_edit.setPlaceholderText(tr("indicators.filter", lang))
        self.filter_edit.setAccessibleName(tr("indicators.filter", lang).rstrip("…"))
        self.table.setAccessibleName(tr("indicators.table", lang))
        self.detail.setAccessibleName(tr("indicators.detail", lang))
        self.source_button.setText(tr("action.show_in_source", lang))
        self.source_button.setAccessibleName(tr("action.show_in_source", lang).replace("&", ""))
        self.show_in_source_action.setText(tr("action.show_in_source", lang))
        self.model.set_language(lang)
        self.proxy.refilter()
        self.comparison_table.setAccessibleName(tr("compare.window.table", lang))
        self.comparison_model.set_language(lang)
        self._label_comparison()
        self._size_comparison_columns()
        self._update_empty_state()
        self._update_detail()
        self._measure_table()

    def _update_empty_state(self) -> None:
        empty = self._snapshot is not None and not self._snapshot.indicators
        self.empty_state.show_empty(tr("empty.indicators", self.lang) if empty else None)

    def select_item(self, section: str, item_id: int) -> bool:
        if section not in self.sections:
            return False
        row = self.model.row_of(item_id)
        indicator = self.model.indicator_at(row)
        if indicator is None:
            return False
        if self.comparing and self._select_compared(indicator.key):
            return True
        sector = self.proxy.sector_id
        if sector is not None and sector != indicator.sector_id:
            self.sector_list.setCurrentRow(0)
        source = self.model.index(row, COL_LABEL)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(source)
        if not index.isValid():  # pragma: no cover - only the sector and the words filter
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _select_compared(self, key: str) -> bool:
        """While comparing, select the row holding the current briefing's figure ``key``."""
        comparison = self.comparison_model.comparison
        if comparison is None or self._snapshot is None:
            return False
        side = "a" if comparison.a.id == self._snapshot.briefing.id else "b"
        for row in range(self.comparison_model.rowCount()):
            compared = self.comparison_model.row_at(row)
            figure = getattr(compared, side) if compared is not None else None
            if figure is not None and figure.key == key:
                index = self.comparison_proxy.mapFromSource(self.comparison_model.index(row, COL_MEASURE))
                self.comparison_table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.comparison_table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def copy_rows(self) -> tuple[list[str], list[list[str]]] | None:
        if self.comparing:
            indexes = sorted(self.comparison_table.selectionModel().selectedRows(), key=lambda i: i.row())
            rows = [self.comparison_model.cells(self.comparison_proxy.mapToSource(i).row()) for i in indexes]
            return (self.comparison_model.headers(), rows) if rows else None
        indicators = self.selected_indicators()
        if not indicators:
            return None
        columns = range(len(COLUMN_KEYS))
        rows = [[self.model.cell_text(i, c, indent=False) for c in columns] for i in indicators]
        return self.model.headers(), rows

    def focus_target(self) -> QWidget:
        return self.comparison_table if self.comparing else self.table

    def print_scope(self) -> PrintScope:
        """Only the sector chosen in the list, as the table shows it."""
        return PrintScope(sector_id=self.proxy.sector_id)

    # ------------------------------------------------------------ queries
    def selected_indicators(self) -> list[Indicator]:
        """The selected rows' indicators, in the order the table shows them."""
        indexes = sorted(self.table.selectionModel().selectedRows(COL_LABEL), key=lambda i: i.row())
        found = (self.model.indicator_at(self.proxy.mapToSource(i).row()) for i in indexes)
        return [i for i in found if i is not None]

    def current_indicator(self) -> Indicator | None:
        """The indicator the details show: the current row when selected, else the first selected."""
        selection = self.table.selectionModel()
        index = self.table.currentIndex()
        if index.isValid() and selection.isRowSelected(index.row(), QModelIndex()):
            return self.model.indicator_at(self.proxy.mapToSource(index).row())
        selected = self.selected_indicators()
        return selected[0] if selected else None

    def visible_indicators(self) -> list[Indicator]:
        """The indicators the table shows, top to bottom."""
        out = []
        for row in range(self.proxy.rowCount()):
            indicator = self.model.indicator_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if indicator is not None:
                out.append(indicator)
        return out

    # ------------------------------------------------------------ helpers
    def _current_sector_key(self) -> str | None:
        if self._snapshot is None or self.proxy.sector_id is None:
            return None
        sector = self._snapshot.sector(self.proxy.sector_id)
        return sector.key if sector else None

    def _fill_sector_list(self, sector_key: str | None) -> None:
        snapshot = self._snapshot
        self._sector_ids = []
        self.sector_list.blockSignals(True)
        self.sector_list.clear()
        chosen = 0
        if snapshot is not None:
            self._sector_ids.append(None)
            counts: dict[int, int] = {}
            for indicator in snapshot.indicators:
                counts[indicator.sector_id] = counts.get(indicator.sector_id, 0) + 1
            for sector in snapshot.sectors:
                if counts.get(sector.id):
                    if sector.key == sector_key:
                        chosen = len(self._sector_ids)
                    self._sector_ids.append(sector.id)
            for _ in self._sector_ids:
                self.sector_list.addItem(QListWidgetItem())
            self._label_sector_list()
            self.sector_list.setCurrentRow(chosen)
        self.sector_list.blockSignals(False)
        self.proxy.set_sector(self._sector_ids[chosen] if self._sector_ids else None)

    def _label_sector_list(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            return
        lang = self.lang
        counts: dict[int | None, int] = {None: len(snapshot.indicators)}
        for indicator in snapshot.indicators:
            counts[indicator.sector_id] = counts.get(indicator.sector_id, 0) + 1
        for row, sector_id in enumerate(self._sector_ids):
            item = self.sector_list.item(row)
            if item is None:
                continue
            sector = snapshot.sector(sector_id) if sector_id is not None else None
            name = sector.name(lang) if sector else tr("indicators.all_sectors", lang)
            text = f"{elide(name)} ({counts.get(sector_id, 0)})"
            item.setText(text)
            item.setToolTip(f"<p>{escape(text)}</p>")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)

    def _restore_selection(self, selected: list[int], current_id: int | None) -> None:
        selection_model = self.table.selectionModel()
        selection = QItemSelection()
        for indicator_id in selected:
            row = self.model.row_of(indicator_id)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, COL_LABEL))
            if index.isValid():
                selection.select(index, index)
        if selection.isEmpty():
            selection_model.clear()
            return
        row = self.model.row_of(current_id) if current_id is not None else -1
        current = self.proxy.mapFromSource(self.model.index(row, COL_LABEL)) if row >= 0 else QModelIndex()
        if not current.isValid():
            current = selection.indexes()[0]
        selection_model.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                               | QItemSelectionModel.SelectionFlag.Rows)

    def _update_detail(self, *_args: object) -> None:
        indicator = self.current_indicator()
        enabled, why_not = source_reachable(indicator, self.lang)
        for control in (self.source_button, self.show_in_source_action):
            control.setEnabled(enabled)
            control.setToolTip(why_not)
        self._update_chart(indicator)
        key = (id(self._snapshot), indicator.id if indicator else None, self.lang)
        if key == self._shown:
            return
        self._shown = key
        if indicator is None or self._snapshot is None:
            self.detail.setHtml(f"<p>{escape(tr('indicators.none_selected', self.lang))}</p>")
        else:
            self.detail.setHtml(indicator_html(self._snapshot, indicator, self.lang))

    def _update_chart(self, indicator: Indicator | None) -> None:
        """Chart the selected indicator (its parts, change or plan), else the chosen sector."""
        spec = None
        snapshot = self._snapshot
        if snapshot is not None:
            if indicator is not None:
                spec = indicator_chart(snapshot, indicator)
            # The sector chosen on the left, else the selected indicator's.
            sector_id = self.proxy.sector_id
            if sector_id is None and indicator is not None:
                sector_id = indicator.sector_id
            if spec is None and sector_id is not None:
                spec = sector_chart(snapshot, sector_id)
        self.chart.set_spec(spec, self.lang)
        self.chart.highlight(("indicators", indicator.id) if indicator is not None else None)
        self.chart.setVisible(True)
        self._update_over_time(indicator)

    def _update_over_time(self, indicator: Indicator | None) -> None:
        """The selected figure's measure over time, or why there is none (no measure, a single point)."""
        if indicator is None:
            spec, empty_key = None, "series.none_selected"
        else:
            spec, empty_key = self.over_time_source.chart(indicator.measure)
        self.over_time.set_empty_key(empty_key)
        self.over_time.set_spec(spec, self.lang)

    def _on_store_changed(self) -> None:
        # The series reach across briefings: a reload may add points even when this briefing is unchanged.
        self.over_time_source.clear()
        self._update_over_time(self.current_indicator())

    # ------------------------------------------------------------ layout
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange()

    def _on_rows_changed(self, *_args: object) -> None:
        if not self._filling:
            self._hide_empty_columns()
            self._fit_columns()

    def _hide_empty_columns(self, *_args: object) -> None:
        """A column with nothing in any row shown (no qualifier, no plan percentage in this sector, say)
        takes no room from the names; it comes back when the rows shown have something in it. (Where the
        details go is decided for the whole briefing, see _measure_table: choosing a sector never moves them.)"""
        header = self.table.horizontalHeader()
        proxy = self.proxy
        rows = proxy.rowCount()
        for column in range(len(COLUMN_KEYS)):
            if column != COL_LABEL:
                empty = rows > 0 and not any(proxy.index(row, column).data() for row in range(rows))
                if header.isSectionHidden(column) != empty:
                    header.setSectionHidden(column, empty)

    def _content_width(self, column: int) -> int:
        """What column ``column`` needs to show its title and the texts of the rows shown (the first hundred or so,
        as Qt's ResizeToContents measures) unclipped."""
        return max(self.table.sizeHintForColumn(column), self.table.horizontalHeader().sectionSizeHint(column))

    def _fit_columns(self) -> None:
        """Each column shown (but the label, which takes the rest) as wide as its contents."""
        header = self.table.horizontalHeader()
        for column in range(len(COLUMN_KEYS)):
            if column != COL_LABEL and not header.isSectionHidden(column):
                header.resizeSection(column, self._content_width(column))

    def _measure_table(self) -> None:
        """The width the table needs to show every column unclipped (the label at a readable width); the columns
        are sized to their contents on the way."""
        header = self.table.horizontalHeader()
        chars = self.fontMetrics().averageCharWidth()
        need = 0
        for column in range(len(COLUMN_KEYS)):
            width = self._content_width(column)
            if column == COL_LABEL:
                need += min(width, 42 * chars)
            else:
                need += width
                if not header.isSectionHidden(column):
                    header.resizeSection(column, width)
        self._table_need = need + self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()
        self._arrange()

    def _arrange(self) -> None:
        """Details right of the table when everything fits side by side, else below it."""
        if not self._table_need:
            return
        detail_width = 50 * self.fontMetrics().averageCharWidth()
        available = self.splitter.width() - self.splitter.sizes()[0] - self.splitter.handleWidth()
        wide = available >= self._table_need + self.content_splitter.handleWidth() + detail_width
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        # Beside the charts, the reading pane keeps a readable minimum where the window has room for it (never
        # widening the window: the charts' buttons already take most of 1024 px).
        beside = sum(chart.minimumSizeHint().width() + self.detail_splitter.handleWidth()
                     for chart in (self.chart, self.over_time))
        least = DETAIL_MIN_CHARS * self.fontMetrics().averageCharWidth()
        self._detail_box.setMinimumWidth(0 if wide else max(0, min(least, available - beside)))
        if orientation == self.content_splitter.orientation() and self._arranged:
            return
        self._arranged = True
        self.content_splitter.setOrientation(orientation)
        self.detail_splitter.setOrientation(Qt.Orientation.Vertical if wide else Qt.Orientation.Horizontal)
        # Stacked (right of the table), the Over time chart takes the most height, for its time axis and notes.
        # Side by side (below the table), the reading pane gets a readable share of the width — it was left
        # ~190 px at 1280×800, some 25 characters a line of source sentence — and the bar chart, whose
        # category labels take half its width, the most.
        shares = (2, 2, 3) if wide else DETAIL_SHARES
        for index, stretch in enumerate(shares):
            self.detail_splitter.setStretchFactor(index, stretch)
        self.detail_splitter.setSizes([1000 * share for share in shares])  # in these proportions, whatever the width
        if wide:
            detail = max(detail_width, min(available - self._table_need, available * 35 // 100))
            self.content_splitter.setSizes([available - detail, detail])
        else:
            height = max(self.content_splitter.height(), 400)
            self.content_splitter.setSizes([height * 3 // 5, height - height * 3 // 5])

    # ------------------------------------------------------------ slots
    def _on_sector_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._sector_ids):
            self.proxy.set_sector(self._sector_ids[row])

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.set_words(text)

    def _on_show_in_source(self) -> None:
        self.show_in_source(self.current_indicator())

    def _on_chart_bar_clicked(self, section: str, item_id: int) -> None:
        if section == "indicators":
            self.select_item(section, item_id)
