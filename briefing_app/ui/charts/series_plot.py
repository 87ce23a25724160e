"""The plot of a "series" :class:`~briefing_app.data.charts.ChartSpec`: a measure over time (pyqtgraph).

x is the period's end (days since ``SERIES_EPOCH``), ticked with the periods in words; y is the value in the
measure's unit. Stated points are solid and joined by a line; implied points are hollow, dashed and labelled
with a star; conflicting points get a red ring. Items are created once and updated with ``setData``.
Built by :class:`~.chart_view.ChartView` only after pyqtgraph is imported (never at start-up).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor

from ...chart_palette import CONFLICT_HEX
from ...data.charts import SERIES_EPOCH, ChartSpec, point_label
from ...text_limits import elide
from ..plain import shown
from .axis import make_locale_axis

__all__ = ["SeriesPlot", "CONFLICT_COLOR", "HIT_PX"]

#: The ring around a conflicting point (with a note under the chart: never colour alone).
CONFLICT_COLOR = CONFLICT_HEX
#: How near (in pixels) the pointer must come to a point for its tooltip.
HIT_PX = 12
POINT_SIZE = 11
#: Period labels on the time axis, and value labels on the points, at most.
MAX_TICKS = 6
MAX_LABELS = 24
#: Where a value label may sit, tried in this order: above its point, below, right, left (TextItem anchors).
_ANCHORS = ((0.5, 1.3), (0.5, -0.3), (-0.15, 0.5), (1.15, 0.5))


class SeriesPlot:
    """One pyqtgraph PlotWidget with a line, stated and implied points, conflict rings and value labels."""

    def __init__(self, pg: Any):
        self._pg = pg
        left = make_locale_axis(pg)(orientation="left")
        left.enableAutoSIPrefix(False)
        bottom = pg.AxisItem(orientation="bottom")
        bottom.enableAutoSIPrefix(False)
        # Our few period ticks are chosen to fit; pyqtgraph would drop the first and last at the axis ends.
        bottom.setStyle(hideOverlappingLabels=False)
        self.widget = pg.PlotWidget(axisItems={"left": left, "bottom": bottom})
        self.widget.setObjectName("seriesPlot")
        self.widget.setMenuEnabled(False)
        self.widget.hideButtons()
        item = self.widget.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.25)
        self.left_axis = left
        self.line = pg.PlotDataItem([], [])
        self.stated = pg.ScatterPlotItem([], [])
        self.implied = pg.ScatterPlotItem([], [])
        self.rings = pg.ScatterPlotItem([], [])
        for each in (self.line, self.rings, self.stated, self.implied):
            item.addItem(each)
        self.labels: list[Any] = []  # pool of TextItems (plain text) for the values
        self._spec: ChartSpec | None = None
        self._lang = "vi"
        self._xy: list[tuple[int, int, float, float]] = []  # (category, series, x, y) of every point drawn
        self._wanted: list[tuple[float, float, str]] = []  # value labels to show where they fit, first first
        self._text_color = QColor("black")
        self._tick_choices: list[list[tuple[float, str]]] = []  # period labels, longest first (_draw_ticks)
        self._ticks: list[tuple[float, str]] = []  # those on the axis now
        # Which labels and period ticks fit depends on the plot's size and range: chosen again when either changes.
        item.vb.sigResized.connect(self._on_view_changed)
        item.vb.sigRangeChanged.connect(self._on_view_changed)

    def draw(self, spec: ChartSpec, lang: str, colors: list[QColor], text_color: QColor) -> None:
        """Show ``spec`` (kind "series") in ``lang``."""
        pg = self._pg
        self._spec = spec
        self._lang = lang
        item = self.widget.getPlotItem()
        stated_values, implied_values = spec.series[0].values, spec.series[1].values
        color = colors[0]
        grey = QColor("#6f6f6f")
        self._xy = [(c, s, spec.x[c], v) for s, values in enumerate((stated_values, implied_values))
                    for c, v in enumerate(values) if v is not None]
        # Arrays, not lists: pyqtgraph would convert thousands of points itself, more slowly.
        xy = numpy.array([(s, c, x, y) for c, s, x, y in self._xy], dtype=float).reshape(-1, 4)
        stated, implied = xy[xy[:, 0] == 0], xy[xy[:, 0] == 1]
        # The line joins stated points of the same span only (H1 with H1, year with year, dates of a stock).
        spans = numpy.array([spec.spans[c] if c < len(spec.spans) else 0 for c in stated[:, 1].astype(int)])
        joined = numpy.append(spans[1:] == spans[:-1], False) if len(spans) else numpy.zeros(0, dtype=bool)
        self.line.setData(stated[:, 2], stated[:, 3], pen=pg.mkPen(color, width=2), connect=joined)
        self.stated.setData(stated[:, 2], stated[:, 3], size=POINT_SIZE, symbol="o",
                            brush=pg.mkBrush(color), pen=pg.mkPen(color.darker(130), width=1))
        self.implied.setData(implied[:, 2], implied[:, 3], size=POINT_SIZE, symbol="o",
                             brush=pg.mkBrush(None), pen=pg.mkPen(grey, width=2, style=Qt.PenStyle.DashLine))
        rings = xy[numpy.isin(xy[:, 1], list(spec.flagged))] if spec.flagged else xy[:0]
        self.rings.setData(rings[:, 2], rings[:, 3], size=POINT_SIZE + 12, symbol="o",
                           brush=pg.mkBrush(None), pen=pg.mkPen(QColor(CONFLICT_COLOR), width=2.5))
        self._draw_labels(spec, lang, text_color)
        self._draw_ticks(spec, lang)
        self.left_axis.set_language(lang)
        item.setLabel("left", shown(elide(spec.unit(lang))))
        self.fit()

    def fit(self) -> None:
        """Every point in view, with room for the labels and the ticks at both ends."""
        if not self._xy:
            return
        xs = [x for _, _, x, _ in self._xy]
        ys = [y for _, _, _, y in self._xy]
        span = max(xs) - min(xs) or 365.0
        item = self.widget.getPlotItem()
        # More room on the right: the last period's label is centred on the last point (1.48 × span, _draw_ticks).
        item.setXRange(min(xs) - span * 0.18, max(xs) + span * 0.3, padding=0)
        low, high = min(ys), max(ys)
        room = (high - low) * 0.25 or abs(high) * 0.1 or 1.0
        item.setYRange(low - room, high + room * 1.6, padding=0)  # the labels sit above their points

    def _draw_labels(self, spec: ChartSpec, lang: str, text_color: QColor) -> None:
        # Implied and conflicting points are labelled, and the last stated one; the rest are read on hover or in
        # the table (hundreds of labels would cover each other and cost a TextItem each). Conflicts come first,
        # then the latest stated value, then the implied ones, newest first: where labels would overlap, or
        # leave the plot, the later ones in that order are left out (_place_labels).
        last = max((i for i, (_c, s, _x, _y) in enumerate(self._xy) if s == 0), default=-1)
        wanted = []
        for i, (c, s, x, y) in enumerate(self._xy):
            if s == 1 or c in spec.flagged or i == last or len(self._xy) <= MAX_LABELS:
                rank = 0 if c in spec.flagged else 1 if i == last else 2
                wanted.append((rank, -x, (x, y, point_label(y, lang) + ("*" if s == 1 else ""))))
        wanted.sort(key=lambda w: (w[0], w[1]))
        self._wanted = [label for _rank, _x, label in wanted[:MAX_LABELS]]
        self._text_color = text_color
        self._place_labels()

    def _place_labels(self) -> None:
        """Show the wanted labels that fit inside the plot, above their point or else below, right or left of it,
        without covering a label shown before them or another point (a few hundred points at most)."""
        pg = self._pg
        item = self.widget.getPlotItem()
        view = item.vb
        bounds = view.sceneBoundingRect()
        metrics = self.widget.fontMetrics()
        half = (POINT_SIZE + 12) / 2  # a point with its conflict ring
        points = [view.mapViewToScene(QPointF(x, y)) for _c, _s, x, y in self._xy] if len(self._xy) <= 300 else []
        obstacles = [QRectF(p.x() - half, p.y() - half, 2 * half, 2 * half) for p in points]
        kept: list[QRectF] = []
        placed: list[tuple[float, float, str, tuple[float, float]]] = []
        for x, y, text in self._wanted:
            at = view.mapViewToScene(QPointF(x, y))
            # A TextItem is its text and a 4-pixel document margin each side.
            width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 8
            own = QRectF(at.x() - half, at.y() - half, 2 * half, 2 * half)
            for anchor in _ANCHORS:
                box = QRectF(at.x() - anchor[0] * width, at.y() - anchor[1] * height, width, height)
                if bounds.width() > 0 and (not bounds.contains(box) or any(box.intersects(k) for k in kept)
                                           or any(box.intersects(o) for o in obstacles if o != own)):
                    continue
                kept.append(box)
                placed.append((x, y, text, anchor))
                break
        while len(self.labels) < len(placed):
            label = pg.TextItem(anchor=_ANCHORS[0])
            item.addItem(label)
            self.labels.append(label)
        for label, (x, y, text, anchor) in zip(self.labels, placed):
            label.setText(text)
            label.setColor(self._text_color)
            label.setAnchor(anchor)
            label.setPos(x, y)
            label.setVisible(True)
        for label in self.labels[len(placed):]:
            label.setVisible(False)

    def _on_view_changed(self, *_args: object) -> None:
        if self._spec is None or not self._xy:
            return
        self._fit_ticks()
        self._place_labels()

    def _draw_ticks(self, spec: ChartSpec, lang: str) -> None:
        """Period labels under the points: the periods' names where they fit, else the month and year each
        period ends (the x of its points), else the year alone; never two that overlap, nor one cut at an end."""
        full: dict[float, str] = {}
        for c, category in enumerate(spec.categories):  # thousands of points, a few dozen periods
            if spec.x[c] not in full:
                full[spec.x[c]] = shown(elide(category.label(lang), 40))
        ordered = sorted(full)
        ends = [SERIES_EPOCH + timedelta(days=int(x)) for x in ordered]
        years = [str(end.year) for end in ends]
        self._tick_choices = [list(zip(ordered, [full[x] for x in ordered])),
                              list(zip(ordered, [f"{end.month:02d}/{end.year}" for end in ends]))]
        if len(set(years)) == len(years):
            self._tick_choices.append(list(zip(ordered, years)))
        self._fit_ticks()

    def _fit_ticks(self) -> None:
        """Of the tick labels _draw_ticks offers, the first that fits the plot as it is now."""
        choices = self._tick_choices
        if not choices:
            return
        # Names win while they leave out at most one period that shorter labels would show.
        enough = max(2, min(len(choices[0]), MAX_TICKS) - 1)
        best: list[tuple[float, str]] = []
        for ticks in choices:
            kept = self._fitting_ticks(ticks)
            if len(kept) > len(best):
                best = kept
            if len(kept) >= enough:
                break
        if best != self._ticks:
            self._ticks = best
            self.widget.getPlotItem().getAxis("bottom").setTicks([best, []])

    def _fitting_ticks(self, ticks: list[tuple[float, str]]) -> list[tuple[float, str]]:
        """At most MAX_TICKS of ``ticks`` (x ascending), each centred on its x inside the plot, none closer to the
        one before than its width; the last period stays (it matters more than the one just before it)."""
        step = max(1, -(-len(ticks) // MAX_TICKS))
        major = [t for i, t in enumerate(ticks) if i % step == 0 or i == len(ticks) - 1]
        view = self.widget.getPlotItem().vb
        (left, right), _ = view.viewRange()
        width = view.width()
        if width <= 0 or right <= left:  # not laid out yet: the range fit() sets, at 85 % of the widget
            xs = [x for x, _ in ticks]
            span = (max(xs) - min(xs)) or 365.0
            left, right = min(xs) - span * 0.18, max(xs) + span * 0.3
            width = self.widget.width() * 0.85 or 400
        per_pixel = (right - left) / width
        metrics = self.widget.fontMetrics()
        kept: list[tuple[float, float, str]] = []  # (x, half its width in x, text)
        for x, text in major:
            half = (metrics.horizontalAdvance(text) / 2 + 4) * per_pixel
            if x - half < left or x + half > right:
                continue  # it would be cut at the plot's edge
            if kept and x - half < kept[-1][0] + kept[-1][1]:
                if (x, text) != major[-1]:
                    continue
                kept.pop()
            kept.append((x, half, text))
        return [(x, text) for x, _half, text in kept]

    def apply_palette(self, background: QColor, foreground: QColor) -> None:
        self.widget.setBackground(background)
        for name in ("left", "bottom"):
            axis = self.widget.getPlotItem().getAxis(name)
            axis.setPen(foreground)
            axis.setTextPen(foreground)

    def point_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """(category, series) of the point under the pointer (within :data:`HIT_PX`), if any."""
        view = self.widget.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        best, best_d = None, float(HIT_PX * HIT_PX)
        for c, s, x, y in self._xy:
            where = view.mapViewToScene(QPointF(x, y))
            d = (where.x() - scene_pos.x()) ** 2 + (where.y() - scene_pos.y()) ** 2
            if d <= best_d:
                best, best_d = (c, s), d
        return best

    def scene_point(self, category: int, series: int) -> QPointF | None:
        """Where a point is drawn, in scene coordinates (for tests and keyboard hover)."""
        for c, s, x, y in self._xy:
            if (c, s) == (category, series):
                return self.widget.getPlotItem().vb.mapViewToScene(QPointF(x, y))
        return None

    def points(self) -> list[tuple[int, int, float, float]]:
        """(category, series, x, y) of every point drawn: series 0 stated, 1 implied."""
        return list(self._xy)

    def ring_count(self) -> int:
        return len(self.rings.data)
