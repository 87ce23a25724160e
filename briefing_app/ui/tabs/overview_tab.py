"""The Overview tab (Tổng quan): the meeting, headline figures, counts and discrepancies.

The text is one flowing, escaped HTML document in a :class:`ReadingPane`: it wraps
and scrolls naturally at any window size, is selectable, and its links (the
headline figures, the discrepancies) open the item in its tab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

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

__all__ = ["OverviewTab", "overview_html"]

TILE_COLUMNS = 3


def _tile(indicator: Indicator, lang: str) -> str:
    qualifier = qualifier_word(indicator.qualifier, lang)
    percent = indicator.unit_vi == "%"
    value = elide(value_text(indicator, lang)) + ("%" if percent else "")
    unit = "" if percent else elide(indicator.unit(lang))
    words = "<br>".join(escape(elide(w)) for w in comparisons(indicator, lang))
    return (f'<td width="33%" valign="top" style="padding:8px; border:1px solid #9aa7b8">'
            f'<a href="item:indicators:{indicator.id}">{escape(elide(indicator.label(lang)))}</a><br>'
            f'{escape(qualifier) + " " if qualifier else ""}'
            f'<span style="font-size:x-large; font-weight:bold; white-space:nowrap">{escape(value)}</span><br>'
            f'{escape(unit)}{"<br><small>" + words + "</small>" if words else ""}</td>')


def overview_html(snapshot: Snapshot, lang: str) -> str:
    """The Overview as escaped HTML: every database text goes through ``escape``."""
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
    for start in range(0, len(tiles), TILE_COLUMNS):
        cells = "".join(_tile(t, lang) for t in tiles[start:start + TILE_COLUMNS])
        cells += "<td></td>" * (TILE_COLUMNS - len(tiles[start:start + TILE_COLUMNS]))
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
            self.pane.setHtml(f"<p>{escape(tr('empty.no_database', self.lang))}</p>")
        else:
            self.pane.setHtml(overview_html(self._snapshot, self.lang))
        self.pane.verticalScrollBar().setValue(scroll)

    def text(self) -> str:
        """What the reader sees, as plain text."""
        return self.pane.toPlainText()
