"""The Trends tab (Xu hướng): every measure with two or more points across ALL briefings of the database,
and the chosen one over time.

Unlike the other tabs it does not show the current briefing: it reads the open database's store (through
:class:`~briefing_app.ui.charts.over_time.OverTime`, shared with the Indicators tab's "Over time" chart), and
refills when the database is read again.

On a large database every measure's series takes tens of milliseconds to read, so they are built in a worker
thread (:class:`~briefing_app.ui.background_series.BackgroundSeries`) and the table fills as each arrives, in
catalogue order: the tab shows at once and the reader can click, scroll and type while the rest arrive. Which
measures to read comes from one query (those some figure names); a measure no figure names has no points and is
never read.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data.measures import read_unit
from ...data.numbers import NumberFormatError, format_number, parse_number
from ...data.series import Series, SeriesPoint
from ...data.snapshot import Snapshot
from ...data.store import StoreError
from ...data.wording import date_text, qualifier_word
from ...i18n import tr
from ...logs import logger
from ...text_limits import elide
from ..background_series import BackgroundSeries
from ..charts.chart_view import ChartView
from ..charts.over_time import OverTime
from ..plain import escape, plain_label
from ..state import ViewerState
from ..tab import BriefingTab

__all__ = ["TrendsTab", "COLUMNS"]

#: The table's columns, by their text keys.
COLUMNS = ("trends.col.measure", "trends.col.unit", "trends.col.kind", "trends.col.points", "trends.col.first",
           "trends.col.last", "trends.col.last_value", "trends.col.conflicts")
_KIND_KEYS = {"stock": "kind.stock", "flow": "kind.flow"}
#: columns sorted as numbers (the points and conflicts counts)
_NUMERIC = {3, 7}


class _Item(QTableWidgetItem):
    """A cell that sorts by its number when it has one."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if mine is not None and theirs is not None:
            return mine < theirs
        return super().__lt__(other)


class TrendsTab(BriefingTab):
    """Measures followed over time across every briefing, and the chosen one's chart."""

    title_key = "tab.trends"

    def __init__(self, state: ViewerState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.source = OverTime.shared(state)
        self._series: list[Series] = []
        self._filled: tuple | None = None
        self._pending: list[str] = []  # measures still to list in the table, in catalogue order
        self._total = 0
        self._chosen: str | None = None  # the measure selected before a refill, selected again when it is back
        # The series not read yet are built in a worker thread; each database as opened is one epoch of it.
        self.reader = BackgroundSeries(self)
        self._epoch = 0
        # The window whose closing stops the reader, weakly: a tab shown alone is its own window, and a reference
        # to itself would keep it (and its charts) for the cyclic collector to delete at any moment.
        self._watched: weakref.ref[QWidget] | None = None
        self.reader.prepare()  # the measure catalogue, read before the tab is first shown
        self.heading = plain_label("", self, wrap=True, selectable=False)
        self.heading.setObjectName("trendsHeading")
        self.table = QTableWidget(self)
        self.table.setObjectName("trendsTable")
        self.table.setColumnCount(len(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.chart = ChartView(self, min_height=260, empty_key="trends.choose")
        self.chart.setObjectName("trendsChart")

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("trendsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.chart)
        self.splitter.setSizes([300, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.chart.print_requested.connect(self.state.request_chart_print)
        self.state.store_changed.connect(self._on_store_changed)
        self.reader.built.connect(self._on_series_built)
        self.reader.failed.connect(self._on_reader_failed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.reader.stop)
        self.retranslate()

    # ------------------------------------------------------------ contract
    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        # What this tab shows does not depend on the briefing chosen, only on the database.
        self._fill()

    def retranslate(self) -> None:
        lang = self.lang
        self.table.setHorizontalHeaderLabels([tr(key, lang) for key in COLUMNS])
        self.table.setAccessibleName(tr("trends.table", lang))
        self._filled = None
        self._fill()

    def focus_target(self) -> QWidget:
        return self.table

    def copy_rows(self) -> tuple[list[str], list[list[str]]] | None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        if not rows:
            return None
        headers = [tr(key, self.lang) for key in COLUMNS]
        return headers, [[self._text(r, c) for c in range(len(COLUMNS))] for r in rows]

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        window = self.window()
        watched = self._watched() if self._watched is not None else None
        if window is not watched:  # the reader stops before the window and its children go
            if watched is not None:
                watched.removeEventFilter(self)
            self._watched = weakref.ref(window)
            window.installEventFilter(self)
        self._fill()  # the database may have been read again while another tab was in front

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close and self._watched is not None and watched is self._watched():
            self._stop_reading()
            self._filled = None  # read again if the window stays (its closing was cancelled) or shows again
        return False

    # ------------------------------------------------------------ queries
    def filling(self) -> bool:
        """Whether measures are still being read into the table."""
        return bool(self._pending)

    def measures(self) -> list[str]:
        """The measure ids the table lists, top to bottom as shown."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                out.append(item.data(Qt.ItemDataRole.UserRole + 1))
        return out

    def select_measure(self, measure_id: str) -> bool:
        """Select the measure's row (its chart is drawn); False when the table does not list it."""
        for row, found in enumerate(self.measures()):
            if found == measure_id:
                self.table.selectRow(row)
                self.table.setCurrentCell(row, 0)
                return True
        return False

    def current_measure(self) -> str | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows:
            return None
        item = self.table.item(min(rows), 0)
        return item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None

    # ------------------------------------------------------------ helpers
    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _fill(self) -> None:
        """Refill the table of measures, keeping the chosen one; nothing is refilled when nothing changed.

        Only while the tab is shown: reading every measure across every briefing takes a while on a large
        database, and the window builds hidden tabs in the background. The measures already read (after a
        language switch, or by the "Over time" chart) are listed at once; the worker builds the others."""
        if not self.isVisible():
            return
        key = (id(self.state.store), self.lang)
        if key == self._filled and (self._series or self._pending):
            return
        self._chosen = self.current_measure() or self._chosen
        try:
            pending = self.source.candidates()
        except StoreError as exc:
            self._unreadable(exc)
            return
        self._filled = key
        self._series = []
        self._pending = pending
        self._total = len(pending)
        self.table.setSortingEnabled(False)
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        self.table.setSortingEnabled(True)
        if self._chosen is None:
            self._show_chart(None)
        unread = [measure_id for measure_id in pending if not self.source.is_read(measure_id)]
        store = self.state.store
        if unread and store is not None:
            self.reader.start(store.path, self._epoch, unread)
        self._list_read()

    def _list_read(self) -> None:
        """List the measures read so far, in catalogue order: each one up to the first not read yet."""
        found: list[Series] = []
        while self._pending and self.source.is_read(self._pending[0]):
            series = self.source.series(self._pending.pop(0))
            if series is not None and len(series.points) >= 2:
                found.append(series)
        self._add_rows(found)
        if self._pending:
            self._show_progress()
        else:
            self._finish()

    def _on_series_built(self, generation: int, measure_id: str, series: Series | None) -> None:
        if not self.reader.is_current(generation):
            return  # built for a database, or a table, that is no longer shown
        self.source.keep(measure_id, series)
        self._list_read()

    def _on_reader_failed(self, generation: int, exc: StoreError) -> None:
        if self.reader.is_current(generation):
            self._unreadable(exc)

    def _stop_reading(self) -> None:
        self.reader.stop()
        self._pending = []

    def _add_rows(self, found: list[Series]) -> None:
        """Append the rows of ``found`` (the table sorts them where the reader's sort puts them)."""
        if not found:
            return
        lang = self.lang
        self.table.setSortingEnabled(False)
        self.table.blockSignals(True)
        for series in found:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, (text, number) in enumerate(_row(series, lang)):
                item = _Item(elide(text))
                item.setData(Qt.ItemDataRole.UserRole, number)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole + 1, series.measure.id)
                    definition = series.measure.definition_vi if lang == "vi" else series.measure.definition_en
                    item.setToolTip(f"<p>{escape(series.measure.id)}<br>{escape(elide(definition))}</p>")
                if number is not None or column == 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            self._series.append(series)
        self.table.blockSignals(False)
        self.table.setSortingEnabled(True)
        chosen = self._chosen
        if chosen is not None and any(series.measure.id == chosen for series in found):
            self._chosen = None
            if self.current_measure() is None:  # unless the reader chose another meanwhile
                self.select_measure(chosen)

    def _finish(self) -> None:
        """Every measure is read: the heading says what the table holds; a choice whose measure is gone is dropped."""
        self.heading.setText(tr("trends.table" if self._series else "trends.empty", self.lang))
        self._chosen = None
        if self.current_measure() is None:
            self.table.clearSelection()
            self._show_chart(None)

    def _show_progress(self) -> None:
        lang = self.lang
        done = self._total - len(self._pending)
        self.heading.setText(tr("trends.reading", lang, done=format_number(done, lang),
                                total=format_number(self._total, lang)))

    def _unreadable(self, exc: StoreError) -> None:
        logger.warning("cannot read the measures over time: %s", exc)
        self.reader.cancel()
        self._pending = []
        self._filled = None  # read again when shown next
        self.heading.setText(tr("series.unreadable", self.lang))

    def _on_selection_changed(self) -> None:
        self._show_chart(self.current_measure())

    def _show_chart(self, measure_id: str | None) -> None:
        if measure_id is None:
            self.chart.set_empty_key("trends.choose" if self._series or self._pending else "trends.empty")
            self.chart.set_spec(None, self.lang)
            return
        spec, empty_key = self.source.chart(measure_id)
        self.chart.set_empty_key(empty_key)
        self.chart.set_spec(spec, self.lang)

    def _on_store_changed(self) -> None:
        self.source.clear()
        self._filled = None
        self.reader.cancel()
        self._epoch += 1  # the worker opens the new database (or the same file, read again) afresh
        self._pending = []
        if self.isVisible():
            self._fill()


_SCALE_EN = {0: "", 3: "thousand", 6: "million", 9: "billion", 12: "trillion"}


def _as_written_en(point: SeriesPoint, unit_en: str) -> str:
    """A value as its briefing wrote it, in English notation: "51,128,599 subscribers", not the measure's
    "51.128599 million subscribers" (the digits stay the source's; only the notation and words change)."""
    written = read_unit(point.unit_vi).exponent
    words = unit_en.split(" ", 1)
    base = words[1] if len(words) == 2 and words[0] in _SCALE_EN.values() else unit_en
    try:
        number = parse_number(point.value_text)
    except NumberFormatError:  # an implied value's text, or a range: the measure's unit, as computed
        return f"{format_number(point.value, 'en')} {unit_en}"
    scale = _SCALE_EN.get(written)
    if scale is None:
        return f"{format_number(point.value, 'en')} {unit_en}"
    return " ".join(filter(None, [format_number(number, "en"), scale, base]))


def _row(series: Series, lang: str) -> list[tuple[str, int | None]]:
    """The table's cells of one measure: (text, number to sort by or None)."""
    m = series.measure
    first, last = series.points[0], series.points[-1]
    stated = [p for p in series.points if p.kind == "stated"]
    latest = stated[-1] if stated else last
    if lang == "vi":
        value = " ".join(filter(None, [qualifier_word(latest.qualifier, lang), latest.value_text, latest.unit_vi]))
    else:
        value = " ".join(filter(None, [qualifier_word(latest.qualifier, lang), _as_written_en(latest, m.unit_en)]))
    return [
        (m.name(lang), None),
        (m.unit(lang), None),
        (tr(_KIND_KEYS.get(m.kind, "kind.stock"), lang), None),
        (format_number(len(series.points), lang), len(series.points)),
        (date_text(first.period, lang), None),
        (date_text(last.period, lang), None),
        (value, None),
        (format_number(len(series.conflicts), lang), len(series.conflicts)),
    ]
