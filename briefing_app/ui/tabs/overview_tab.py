"""The Overview tab (Tổng quan): the meeting, headline figures, counts and discrepancies.

The text is one flowing, escaped HTML document in a :class:`ReadingPane`: it wraps
and scrolls naturally at any window size, is selectable, and its links (the
headline figures, the discrepancies) open the item in its tab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ...chart_palette import TILE_BORDER
from ...data.records import Indicator
from ...data.snapshot import Snapshot
from ...data.wording import comparisons, meeting_facts, qualifier_word, value_text
from ...i18n import tr
from ...text_limits import elide, shorten
from ..plain import escape
from ..reading_pane import ReadingPane
from ..state import ViewerState
from ..tab import BriefingTab

if TYPE_CHECKING:
    from ..charts.chart_view import ChartView

__all__ = ["OverviewTab", "overview_html", "headline_widths", "tile_columns"]

TILE_COLUMNS = 3


#: The padding, border and spacing around a tile's text (see _tile and the grid's cellspacing), in pixels,
#: with a few pixels for rounding.
TILE_FRAME = 2 * 8 + 2 * 1 + 2 * 6 + 4


def _headline(indicator: Indicator, lang: str) -> str:
    """A tile's headline line: the qualifier and the number, which must never break (see tile_columns)."""
    qualifier = qualifier_word(indicator.qualifier, lang)
    value = elide(value_text(indicator, lang)) + ("%" if indicator.unit_vi == "%" else "")
    return (f'{escape(qualifier) + " " if qualifier else ""}'
            f'<span style="font-size:x-large; font-weight:bold; white-space:nowrap">{escape(value)}</span>')


def _tile(indicator: Indicator, lang: str, columns: int) -> str:
    unit = "" if indicator.unit_vi == "%" else elide(indicator.unit(lang))
    words = "<br>".join(escape(elide(w)) for w in comparisons(indicator, lang))
    return (f'<td width="{100 // columns}%" valign="top" style="padding:8px; border:1px solid {TILE_BORDER}">'
            f'<a href="item:indicators:{indicator.id}">{escape(elide(indicator.label(lang)))}</a><br>'
            f'{_headline(indicator, lang)}<br>'
            f'{escape(unit)}{"<br><small>" + words + "</small>" if words else ""}</td>')


def headline_widths(snapshot: Snapshot, lang: str, font: QFont) -> list[float]:
    """How wide each headline tile's number line is when laid out in ``font`` (as the pane lays it out)."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    widths = []
    for indicator in snapshot.headline_indicators():
        document.setHtml(_headline(indicator, lang))
        widths.append(document.idealWidth())
    return widths


def tile_columns(widths: list[float], room: float) -> int:
    """How many tiles fit side by side in ``room`` pixels, none narrower than its widest number line:
    tiles reflow (3, 2, 1 a row) rather than break a number mid-figure ("72.736.95 / 6.416")."""
    need = max(widths, default=0.0) + TILE_FRAME
    return max(1, min(TILE_COLUMNS, int(room // need) if need > 0 else TILE_COLUMNS))


def overview_html(snapshot: Snapshot, lang: str, columns: int = TILE_COLUMNS) -> str:
    """The Overview as escaped HTML: every database text goes through ``escape``; the headline tiles
    ``columns`` to a row."""
    b = snapshot.briefing
    facts = [(f"overview.{name}", text) for name, text in meeting_facts(b, lang)]
    rows = "".join(
        f'<tr><td valign="top" style="padding-right:12px"><b>{escape(tr(key, lang))}:</b></td>'
        f'<td>{escape(shorten(value, lang)).replace(chr(10), "<br>")}</td></tr>'
        for key, value in facts)
    counts = snapshot.counts()
    count_text = " · ".join(escape(tr(f"count.{name}", lang, n=counts[name])) for name in
                            ("indicators", "achievements", "limitations", "directives", "enterprises", "discrepancies"))
    tiles = snapshot.headline_indicators()
    grid = ""
    for start in range(0, len(tiles), columns):
        cells = "".join(_tile(t, lang, columns) for t in tiles[start:start + columns])
        cells += "<td></td>" * (columns - len(tiles[start:start + columns]))
        grid += f"<tr>{cells}</tr>"
    discrepancies = snapshot.discrepancies()
    if discrepancies:
        items = []
        for check in discrepancies:
            link = (f' <a href="item:indicators:{check.indicator_id}">→</a>' if check.indicator_id else "")
            # A sign and words, never colour alone.
            items.append(f"<li>⚠ {escape(shorten(check.what(lang), lang))}{link}</li>")
        discrepancy_html = f"<ul>{''.join(items)}</ul>"
    else:
        discrepancy_html = f"<p>{escape(tr('overview.no_discrepancies', lang))}</p>"
    return (
        # What is laid out is capped (see long_text): a 1 MB title froze the window.
        f'<h2>{escape(shorten(b.title(lang), lang))}</h2>'
        f'<p>{escape(shorten(b.organisation(lang), lang))} — {escape(shorten(b.period(lang), lang))}</p>'
        f'<p><b>{escape(tr("overview.counts", lang))}:</b> {count_text}</p>'
        f'<h3>{escape(tr("overview.headlines", lang))}</h3>'
        f'<table width="100%" cellspacing="6">{grid}</table>'
        f'<h3>{escape(tr("overview.discrepancies", lang))}</h3>{discrepancy_html}'
        f'<h3>{escape(tr("overview.meeting", lang))}</h3><table cellspacing="2">{rows}</table>'
    )


class OverviewTab(BriefingTab):
    title_key = "tab.overview"
    sections = ()

    def __init__(self, state: ViewerState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self._snapshot: Snapshot | None = None
        self.pane = ReadingPane(self)
        self.pane.setObjectName("overviewText")
        self.pane.document().setDocumentMargin(16)
        # The text always wraps. (By name: the Qt namespace waits until after the first paint.)
        self.pane.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        # The half-year at a glance: one chart per breakdown, enterprises, plan progress.
        self._charts: list[ChartView] = []
        self._charts_pending = False
        self._painted_once = False
        # The charts' column: an empty widget until the charts are built (after the text's first
        # paint), then a scroll area of chart views in its place, at the same size.
        self.chart_scroll: QScrollArea | None = None
        self.chart_box: QWidget | None = None
        self.chart_layout: QVBoxLayout | None = None
        # Keyword and property by name: QSplitter(parent)'s overloads would initialise the Qt namespace.
        self.splitter = QSplitter(parent=self)
        self.splitter.setProperty("orientation", "Horizontal")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(QWidget())
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 9)
        self.splitter.setSizes([700, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        self.pane.item_link_activated.connect(self.state.request_item)
        self.pane.source_link_activated.connect(self.state.request_source)
        self.pane.first_painted.connect(self._on_pane_first_painted)
        self.splitter.splitterMoved.connect(self._reflow)
        self._headline_widths: list[float] = []
        self._columns = TILE_COLUMNS
        self.retranslate()

    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        self._snapshot = snapshot
        self._fill()
        self._fill_charts()

    def retranslate(self) -> None:
        self.pane.setAccessibleName(tr("tab.overview", self.lang))
        if self.chart_scroll is not None:
            self.chart_scroll.setAccessibleName(tr("charts.heading", self.lang))
        self._fill()
        self._fill_charts()

    @property
    def charts(self) -> list[ChartView]:
        """The chart views, up to date (built now if they were waiting for the first paint)."""
        self._flush_charts()
        return self._charts

    def _on_pane_first_painted(self) -> None:
        # The charts wait for the text's first paint: the Overview shows its words first.
        self._painted_once = True
        QTimer.singleShot(0, self, self._flush_charts)

    def _fill_charts(self) -> None:
        if self._painted_once:
            self._build_charts()
        else:
            self._charts_pending = True

    def _flush_charts(self) -> None:
        if self._charts_pending:
            self._charts_pending = False
            self._build_charts()

    def _build_charts(self) -> None:
        """Update the existing chart views in place; add or remove views only when the count changes."""
        # Imported here: the charts are built after the text's first paint, and their modules are not small.
        from ...data.charts import overview_charts
        from ..charts.chart_view import ChartView

        chart_layout = self._ensure_chart_column()
        specs = overview_charts(self._snapshot) if self._snapshot is not None else []
        if len(self._charts) != len(specs) and self.chart_box is not None:
            # New views are laid out through posted layout requests (the column, then the scroll area around it):
            # they are painted once those have run, at the place and size they keep, never drawn over each other
            # for a frame and then moved.
            self.chart_box.setUpdatesEnabled(False)
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._reveal_charts))
        while len(self._charts) < len(specs):
            view = ChartView(self.chart_box)
            view.bar_clicked.connect(self.state.request_item)
            view.print_requested.connect(self.state.request_chart_print)
            chart_layout.insertWidget(len(self._charts), view)
            self._charts.append(view)
        while len(self._charts) > len(specs):
            view = self._charts.pop()
            chart_layout.removeWidget(view)
            view.deleteLater()
        for view, spec in zip(self._charts, specs):
            view.set_spec(spec, self.lang)
            view.setFixedHeight(view.sizeHint().height())
        # A briefing with nothing to chart (a few figures cited by reference) gives its text the whole width
        # rather than an empty half of the window.
        if self.chart_scroll is not None:  # made by _ensure_chart_column above
            self.chart_scroll.setVisible(bool(specs))
            # the pane's width follows once the splitter is laid out again
            QTimer.singleShot(0, self, self._reflow)

    def _reveal_charts(self) -> None:
        if self.chart_box is not None:
            self.chart_box.setUpdatesEnabled(True)

    def _ensure_chart_column(self) -> QVBoxLayout:
        """The layout of the chart views, with the chart column around it built on first use."""
        if self.chart_layout is not None:
            return self.chart_layout
        self.chart_box = QWidget()
        self.chart_box.setObjectName("overviewCharts")
        chart_layout = QVBoxLayout(self.chart_box)
        chart_layout.setContentsMargins(8, 8, 8, 8)
        chart_layout.setSpacing(16)
        chart_layout.addStretch(1)
        self.chart_layout = chart_layout
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setObjectName("overviewChartScroll")
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_scroll.setWidget(self.chart_box)
        self.chart_scroll.setAccessibleName(tr("charts.heading", self.lang))
        sizes = self.splitter.sizes()
        placeholder = self.splitter.replaceWidget(1, self.chart_scroll)
        if placeholder is not None:
            placeholder.deleteLater()
        self.splitter.setSizes(sizes)
        return chart_layout

    def _fill(self) -> None:
        scroll = self.pane.verticalScrollBar().value()
        if self._snapshot is None:
            self._headline_widths = []
            self.pane.setHtml(f"<p>{escape(tr('empty.no_database', self.lang))}</p>")
        else:
            self._headline_widths = headline_widths(self._snapshot, self.lang, self.pane.document().defaultFont())
            # The pane can never be narrower than one tile: its number line stays whole.
            self.pane.setMinimumWidth(round(max(self._headline_widths, default=0.0)) + TILE_FRAME
                                      + 2 * round(self.pane.document().documentMargin())
                                      + self.pane.verticalScrollBar().sizeHint().width() + 2 * self.pane.frameWidth())
            self._columns = self._tile_columns()
            self.pane.setHtml(overview_html(self._snapshot, self.lang, self._columns))
        self.pane.verticalScrollBar().setValue(scroll)

    def _tile_columns(self) -> int:
        # the room inside the document's margins, less the grid's outer spacing; the scroll bar is counted
        # as shown, so the count does not flip when it appears
        room = (self.pane.width() - 2 * self.pane.frameWidth() - self.pane.verticalScrollBar().sizeHint().width()
                - 2 * self.pane.document().documentMargin())
        return tile_columns(self._headline_widths, room)

    def _reflow(self, *_args: object) -> None:
        """Lay the tiles out again when the pane's width calls for another number of them a row."""
        if self._snapshot is not None and self._tile_columns() != self._columns:
            self._fill()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._reflow()

    def text(self) -> str:
        """What the reader sees, as plain text."""
        return self.pane.toPlainText()
