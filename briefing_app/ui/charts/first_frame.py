"""A chart's first frame, painted with QPainter where the pyqtgraph plot will be, until pyqtgraph takes over.

Importing numpy and pyqtgraph costs ≈260 ms and 50 MB, and a pyqtgraph chart 12 ms to build and paint: the
window's charts would appear half a second after its text. :class:`FirstFrame` paints the same chart (bars,
value labels, category and value axes, grid, target line) in under a millisecond, in pyqtgraph's layout — the
view box, axis widths, ranges and tick spacing are worked out the way :class:`~.chart_view.ChartView` and
pyqtgraph work them out — so the plot that replaces it when idle lands on the same pixels (see
tests/ui/test_first_frame.py). A click on a bar opens its item here already; hovering or dragging (zoom, pan)
asks the view to build the plot at once, and the plot takes over from there.

Imports neither pyqtgraph nor numpy (the window's first paint must not wait for them).
"""

from __future__ import annotations

from math import floor
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from ...data.charts import ChartSpec
from ..plain import shown
from .axis import TickLabel, tick_labels, tick_spacing, tick_values, value_ticks

if TYPE_CHECKING:
    from .chart_view import ChartView

__all__ = ["FirstFrame", "FrameLayout", "frame_layout", "tick_spacing"]

# pyqtgraph's defaults, as the plot uses them (PlotItem layout margins, AxisItem style).
_MARGIN = 1.0          # PlotItem's layout: 1 px around
_TEXT_OFFSET = (5, 2)  # AxisItem tickTextOffset: (left axis, bottom axis)
_TICK = 5              # AxisItem tickLength is -5: ticks point into the plot and take no room
_TEXT_MARGIN = 4       # QGraphicsTextItem's document margin (axis label, value labels)
_GRID_ALPHA = 64       # showGrid(alpha=0.25) on the major ticks


class FrameLayout(NamedTuple):
    """Where a bar chart's parts go in a plot of a given size (pixels), as pyqtgraph lays them out."""

    view: QRectF                       # the view box: the bars' area
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    ticks: list[tuple[float, str]]     # category labels on the left axis (data y, text)
    lines: int                         # lines per category label


def frame_layout(view: ChartView, width: float, height: float) -> FrameLayout | None:
    """The layout of ``view``'s bar chart in a plot of ``width`` × ``height`` (None for nothing to draw)."""
    from .chart_view import MIN_ROWS, category_chars, value_range, wrap_label

    spec = view.spec
    if spec is None or spec.is_empty() or spec.kind != "bars":
        return None
    metrics = view.fontMetrics()
    font_height = metrics.height()
    # The bottom axis: its tick text, the offset, and its label (pyqtgraph counts 0.8 of the label's height).
    bottom = (font_height + 4) + _TEXT_OFFSET[1] + (font_height + 2 * _TEXT_MARGIN) * 0.8
    view_height = height - 2 * _MARGIN - bottom
    rows = max(len(spec.categories), MIN_ROWS)
    row_px = view_height / rows if view_height > 0 else 0
    lines = 2 if row_px == 0 or row_px >= 2.3 * font_height else 1
    chars = category_chars(width, metrics)
    ticks = [(view.category_y(c), wrap_label(shown(cat.label(view.lang)), chars, lines))
             for c, cat in enumerate(spec.categories)]
    widest = max(metrics.horizontalAdvance(line) for _, label in ticks for line in label.split("\n"))
    left = min(300, max(60, widest + 24))
    rect = QRectF(_MARGIN + left, _MARGIN, max(1.0, width - 2 * _MARGIN - left + 0.5), max(1.0, view_height))
    # ChartView._apply_x_range at this width.
    x_range = value_range(spec, view.lang, metrics, rect.width())
    # ChartView._draw: setYRange(..., padding=0.02).
    spare = max(0.0, (MIN_ROWS - len(spec.categories)) / 2)
    y0, y1 = -0.5 - spare, len(spec.categories) - 0.5 + spare
    pad = (y1 - y0) * 0.02
    return FrameLayout(rect, x_range, (y0 - pad, y1 + pad), ticks, lines)


class FirstFrame(QWidget):
    """Paints its :class:`~.chart_view.ChartView`'s spec until the interactive plot replaces it."""

    def __init__(self, view: ChartView):
        super().__init__(view)
        self._view = view
        self.setObjectName("chartFirstFrame")
        self.setMouseTracking(True)
        self.paint_count = 0

    # -------------------------------------------------------------- geometry
    def layout_now(self) -> FrameLayout | None:
        return frame_layout(self._view, self.width(), self.height())

    def to_pixels(self, layout: FrameLayout, x: float, y: float) -> QPointF:
        """Data (x, y) → this widget's pixels."""
        rect, (x0, x1), (y0, y1) = layout.view, layout.x_range, layout.y_range
        return QPointF(rect.left() + (x - x0) / ((x1 - x0) or 1.0) * rect.width(),
                       rect.top() + (y1 - y) / ((y1 - y0) or 1.0) * rect.height())

    def bar_pixels(self, layout: FrameLayout, category: int, series: int) -> QRectF:
        """Where a bar is painted, in this widget's pixels."""
        data = self._view.bar_rect(category, series)
        return QRectF(self.to_pixels(layout, data.left(), data.bottom()),
                      self.to_pixels(layout, data.right(), data.top())).normalized()

    def bar_at(self, pos: QPointF) -> tuple[int, int] | None:
        layout = self.layout_now()
        if layout is None or not layout.view.contains(pos):
            return None
        rect, (x0, x1), (y0, y1) = layout.view, layout.x_range, layout.y_range
        x = x0 + (pos.x() - rect.left()) / rect.width() * (x1 - x0)
        y = y1 - (pos.y() - rect.top()) / rect.height() * (y1 - y0)
        return self._view.bar_at(x, y)

    # -------------------------------------------------------------- events
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.bar_at(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._view.hover_text(*hit), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self.bar_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if hit is not None:
            self._view.click_bar(*hit)
            return
        # A drag (pan) or wheel (zoom) needs the live plot: take over now.
        self._view.take_over()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        # The live plot takes over where this frame was, and zooms by this very turn of the wheel.
        self._view.take_over()
        plot = self._view.plot_widget()
        if plot is not None and plot is not self:
            target = plot.viewport() if hasattr(plot, "viewport") else plot
            QApplication.sendEvent(target, QWheelEvent(
                event.position(), event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
                event.modifiers(), event.phase(), event.inverted()))

    # -------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        palette = self._view.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        layout = self.layout_now()
        if layout is not None:
            self._paint(painter, layout, palette)
        painter.end()
        self.paint_count += 1

    def _paint(self, painter: QPainter, layout: FrameLayout, palette: QPalette) -> None:
        from .chart_view import _short_value, series_colors

        view, spec = self._view, self._view.spec
        assert spec is not None
        lang = view.lang
        metrics = QFontMetrics(self.font())
        text_color = palette.color(QPalette.ColorRole.Text)
        rect = layout.view
        x0, x1 = layout.x_range
        # Grid and value axis: the ticks the live plot's axis chooses (labels apart, see axis.value_ticks).
        spacing, minor_spacing = self.value_spacing(layout)
        values = tick_values(x0, x1, spacing)
        minor = [v for v in tick_values(x0, x1, minor_spacing)
                 if all(abs(v - major) > minor_spacing * 1e-6 for major in values)]
        # Bars, then their outline (the highlighted one thick), as ChartView._apply_styles styles them.
        colors = series_colors(view.palette().color(QPalette.ColorRole.Window).lightness() < 128)
        highlighted = set(view.highlighted_categories())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for s_index, series in enumerate(spec.series):
            color = QColor("#8a8a8a") if series.derived else colors[s_index % len(colors)]
            for c in range(len(spec.categories)):
                if series.values[c] is None:
                    continue
                bar = self.bar_pixels(layout, c, s_index)
                if series.derived:
                    painter.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern))
                    pen = QPen(color, 1.5, Qt.PenStyle.DashLine)
                else:
                    painter.setBrush(QBrush(color))
                    pen = QPen(color.darker(130), 1)
                if c in highlighted:
                    pen = QPen(text_color, 3)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.drawRect(bar)
        # Grid lines over the bars, as AxisItem draws and fades them: the major ones at the grid's alpha, the
        # minor ones fainter the more there are.
        for level, ticks in enumerate((values, minor)):
            grid = QColor(text_color)
            fade = min(1.0, max(0.0, 0.05 * rect.width() / (len(ticks) + 1)))
            grid.setAlpha(int(255 / (level + 1) * _GRID_ALPHA / 255 * fade))
            painter.setPen(QPen(grid, 0))
            for value in ticks:
                x = self.to_pixels(layout, value, 0).x()
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        # Value labels: plain text at each bar's end, vertically centred (pyqtgraph TextItem, anchor (0, 0.5)).
        painter.setPen(text_color)
        box = metrics.height() + 2 * _TEXT_MARGIN
        for s_index, series in enumerate(spec.series):
            for c in range(len(spec.categories)):
                amount = series.values[c]
                if amount is None:
                    continue
                bar = self.bar_pixels(layout, c, s_index)
                text = _short_value(amount, lang) + ("*" if series.derived else "")
                painter.drawText(QRectF(bar.right() + _TEXT_MARGIN, bar.center().y() - box / 2 + _TEXT_MARGIN,
                                        metrics.horizontalAdvance(text) + 2, metrics.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        if spec.target is not None:
            x = self.to_pixels(layout, spec.target, 0).x()
            painter.setPen(QPen(text_color, 2, Qt.PenStyle.DashLine))  # pyqtgraph's 1.5 px, unsmoothed
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        self._paint_axes(painter, layout, spec, text_color, metrics)

    def value_spacing(self, layout: FrameLayout) -> tuple[float, float]:
        """The (major, minor) spacing of the value ticks, as the live plot's axis chooses it."""
        metrics = QFontMetricsF(self.font())
        size, length, limit = self._axis_lengths(layout)
        return value_ticks(*layout.x_range, size, self._view.lang, lambda text: metrics.horizontalAdvance(text),
                           length, limit)

    def value_labels(self, layout: FrameLayout) -> list[TickLabel]:
        """The value ticks' labels painted under the bars (``left`` in this widget's pixels)."""
        spacing, _minor = self.value_spacing(layout)
        _size, length, limit = self._axis_lengths(layout)
        metrics = QFontMetricsF(self.font())
        labels = tick_labels(*layout.x_range, length, spacing, self._view.lang,
                             lambda text: metrics.horizontalAdvance(text), limit)
        return [label._replace(left=label.left + layout.view.left()) for label in labels]

    @staticmethod
    def _axis_lengths(layout: FrameLayout) -> tuple[float, float, float]:
        """The value axis as pyqtgraph measures it under a view box ``layout.view`` wide: the length its
        tickSpacing is given (a pixel past each end), the width its range spans (the view box's, rounded
        down: the axis item's geometry is whole pixels) and where a label may end (the view box's right)."""
        width = layout.view.width()
        return floor(width) + 2, floor(width), width

    def _paint_axes(self, painter: QPainter, layout: FrameLayout, spec: ChartSpec, text_color: QColor,
                    metrics: QFontMetrics) -> None:
        rect = layout.view
        pen = QPen(text_color, 0)
        painter.setPen(pen)
        painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.left(), rect.bottom()))
        painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        # Category labels, right-aligned against the left axis and centred on their row.
        line_height = metrics.height()
        for y, label in layout.ticks:
            at = self.to_pixels(layout, 0, y).y()
            painter.drawLine(QPointF(rect.left(), at), QPointF(rect.left() + _TICK, at))
            height = line_height * (label.count("\n") + 1)
            painter.drawText(QRectF(0, at - height / 2, rect.left() - _TEXT_OFFSET[0], height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        # Value ticks under the bars, in the language's notation (none overhanging the axis's ends).
        for tick in self.value_labels(layout):
            painter.drawText(QRectF(tick.left, rect.bottom() + _TEXT_OFFSET[1], tick.width, line_height + 4),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, tick.text)
        unit = spec.unit(self._view.lang)
        if unit:
            box = line_height + 2 * _TEXT_MARGIN
            axis_height = (line_height + 4) + _TEXT_OFFSET[1] + box * 0.8
            # The label's text item is a little wider than its text and margins.
            width = metrics.horizontalAdvance(unit) + 2 * _TEXT_MARGIN + 4
            left = rect.left() + int(rect.width() / 2 - width / 2)
            top = rect.bottom() + int(axis_height - box + 5)
            painter.drawText(QRectF(left + _TEXT_MARGIN, top + _TEXT_MARGIN, width, line_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, unit)
