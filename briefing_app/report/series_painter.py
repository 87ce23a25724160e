"""A measure over time (a "series" :class:`~briefing_app.data.charts.ChartSpec`) painted with QPainter for the
printed pack and a chart printed alone ("Over time").

x is each period's end, y the value in the measure's unit. Stated points are solid and joined by a line where
they cover periods of the same length; implied points (from a later briefing's stated comparison) are hollow
and dashed, with a star on their label; a point in conflict has a red ring. Value labels are placed above,
below, right or left of their point, wherever they cover no other label or point; period names go under the
points where they fit (else month/year, else the year). Under the plot: the notes (conflicts) and every
point as the window's table reads it (qualifier, briefing; an implied value with its formula).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from ..chart_palette import CONFLICT_HEX
from ..data.charts import SERIES_EPOCH, ChartSpec, point_label
from ..i18n import tr
from .charts_painter import begin_chart, nice_ticks, tick_text
from .style import Style
from .text import TextBox

__all__ = ["SeriesChartPiece"]

#: Where a value label may sit, tried in this order: above its point, below, right, left (share of its size).
_ANCHORS = ((0.5, 1.25), (0.5, -0.25), (-0.2, 0.5), (1.2, 0.5))
#: Points written out under the chart, at most (the rest are in the window's table).
MAX_LISTED = 16


class SeriesChartPiece:
    """One series chart measured for a given width; :attr:`height` is known before :meth:`draw`."""

    def __init__(self, style: Style, spec: ChartSpec, lang: str, width: float):
        s = style
        self.style, self.spec, self.lang, self.width = s, spec, lang, width
        self.pad = s.mm(2.5)
        self.inner = width - 2 * self.pad
        self.title = TextBox(s, spec.title(lang), "chart_title", self.inner)
        unit = spec.unit(lang)
        self.unit = TextBox(s, tr("report.unit", lang, unit=unit) if unit else "", "chart_muted", self.inner)
        self.swatch = s.mm(3)
        self.legend = [(index, TextBox(s, series.name(lang), "chart", self.inner))
                       for index, series in enumerate(spec.series)]
        # the points: (category, series, x, y)
        self.points = [(c, index, float(spec.x[c]), float(value)) for index, series in enumerate(spec.series)
                       for c, value in enumerate(series.values) if value is not None]
        ys = [y for *_, y in self.points] or [0.0]
        low, high = min(ys), max(ys)
        room = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        # more room above: a label goes above its point first
        self.y_ticks = nice_ticks(low - room, high + 2 * room)
        self.y_low, self.y_high = min(self.y_ticks[0], low - room), max(self.y_ticks[-1], high + 2 * room)
        self.tick_boxes = [TextBox(s, tick_text(t, lang), "chart_muted") for t in self.y_ticks]
        self.axis_w = max((b.natural_width for b in self.tick_boxes), default=0.0) + s.mm(1.5)
        self.plot_h = s.mm(55)
        self.plot_w = self.inner - self.axis_w
        xs = [x for _c, _s, x, _y in self.points] or [0.0]
        span = (max(xs) - min(xs)) or 365.0
        # room at both ends for the first and last periods' names, centred under their points
        self.x_low, self.x_high = min(xs) - span * 0.1, max(xs) + span * 0.16
        self.period_band = TextBox(s, "0", "chart_muted").height + s.mm(1.5)
        # Every point as the window's table reads it: the labels on the plot are bare numbers, and a qualifier
        # ("over", "estimated") is part of the fact; an implied one says how it was worked out.
        notes = list(spec.notes(lang))
        listed = [f"{'* ' if index == 1 else ''}{spec.categories[c].label(lang)}: {spec.series[index].text(c, lang)}"
                  for c, index, _x, _y in sorted(self.points, key=lambda p: (p[2], p[1]))]
        notes += listed[:MAX_LISTED]
        if len(listed) > MAX_LISTED:
            notes.append(tr("report.series.more_points", lang, n=len(listed) - MAX_LISTED))
        self.notes = [TextBox(s, note, "chart_muted", self.inner) for note in notes]

        height = self.pad + self.title.height
        height += (self.unit.height + s.mm(0.8)) if self.unit.height else 0
        height += max(self.swatch, max((b.height for _i, b in self.legend), default=0.0)) + s.mm(2)
        self.plot_top = height
        height += self.plot_h + self.period_band
        for note in self.notes:
            height += note.height + s.mm(0.5)
        self.height = height + self.pad
        #: where the value labels were drawn (by :meth:`draw`), in the chart's own units, less the padding
        self.label_rects: list[QRectF] = []
        self.plot_rect = QRectF(self.axis_w, self.plot_top, self.plot_w, self.plot_h)

    # ------------------------------------------------------------ geometry
    def _at(self, x: float, y: float) -> QPointF:
        px = self.axis_w + (x - self.x_low) / (self.x_high - self.x_low) * self.plot_w
        py = self.plot_top + (self.y_high - y) / (self.y_high - self.y_low) * self.plot_h
        return QPointF(px, py)

    def _periods(self) -> list[tuple[float, str]]:
        """Period ticks that fit: names, else month/year, else years (never two that overlap)."""
        spec, lang = self.spec, self.lang
        names: dict[float, str] = {}
        for c, category in enumerate(spec.categories):
            names.setdefault(float(spec.x[c]), category.label(lang))
        ordered = sorted(names)
        ends = [SERIES_EPOCH + timedelta(days=int(x)) for x in ordered]
        choices = [[names[x] for x in ordered], [f"{e.month:02d}/{e.year}" for e in ends]]
        if len({e.year for e in ends}) == len(ends):
            choices.append([str(e.year) for e in ends])
        # names win while they leave out at most one period that shorter labels would show (as in the window)
        enough = max(2, len(ordered) - 1)
        best: list[tuple[float, str]] = []
        for labels in choices:
            kept: list[tuple[float, str, float]] = []
            for n, (x, text) in enumerate(zip(ordered, labels)):
                half = TextBox(self.style, text, "chart_muted").natural_width / 2 + self.style.mm(1)
                centre = self._at(x, self.y_low).x()
                if centre - half < 0 or centre + half > self.axis_w + self.plot_w:
                    continue
                if kept and centre - half < kept[-1][2]:
                    if n != len(ordered) - 1:
                        continue
                    kept.pop()  # the last period matters more than the one just before it
                    if kept and centre - half < kept[-1][2]:
                        continue
                kept.append((x, text, centre + half))
            if len(kept) > len(best):
                best = [(x, text) for x, text, _ in kept]
            if len(kept) >= enough:
                break
        return best

    # ------------------------------------------------------------ drawing
    def draw(self, painter: QPainter, x0: float, y0: float) -> None:
        s, spec = self.style, self.spec
        y = begin_chart(painter, s, x0, y0, self.width, self.height, self.pad, self.title, self.unit)
        colour, grey = s.colour("bar"), QColor("#6f6f6f")
        x = 0.0
        for index, box in self.legend:
            centre = QPointF(x + self.swatch / 2, y + box.height / 2)
            self._point(painter, centre, colour if index == 0 else grey, implied=index == 1)
            box.draw(painter, x + self.swatch + s.mm(1), y)
            x += self.swatch + s.mm(1) + box.natural_width + s.mm(5)

        top, bottom = self.plot_top, self.plot_top + self.plot_h
        left, right = self.axis_w, self.axis_w + self.plot_w
        # value grid and its labels
        for tick, box in zip(self.y_ticks, self.tick_boxes):
            ty = self._at(self.x_low, tick).y()
            if ty < top - 1 or ty > bottom + 1:
                continue
            painter.setPen(QPen(s.colour("light_rule"), s.pt(0.4)))
            painter.drawLine(QLineF(left, ty, right, ty))
            box.draw(painter, left - s.mm(1) - box.natural_width, ty - box.height / 2)
        painter.setPen(QPen(s.colour("text"), s.pt(0.7)))
        painter.drawLine(QLineF(left, bottom, right, bottom))
        for px, text in self._periods():
            box = TextBox(s, text, "chart_muted")
            cx = self._at(px, self.y_low).x()
            painter.setPen(QPen(s.colour("text"), s.pt(0.5)))
            painter.drawLine(QLineF(cx, bottom, cx, bottom + s.mm(0.8)))
            box.draw(painter, cx - box.natural_width / 2, bottom + s.mm(1))

        # the line joins stated points of the same span (H1 with H1, year with year)
        stated = [(c, px, py) for c, index, px, py in self.points if index == 0]
        stated.sort(key=lambda p: p[1])
        spans = spec.spans
        painter.setPen(QPen(colour, s.pt(1.2)))
        for (c1, x1, y1), (c2, x2, y2) in zip(stated, stated[1:]):
            if c1 < len(spans) and c2 < len(spans) and spans[c1] == spans[c2]:
                painter.drawLine(QLineF(self._at(x1, y1), self._at(x2, y2)))
        radius = s.mm(1.2)
        for c, index, px, py in self.points:
            at = self._at(px, py)
            self._point(painter, at, colour if index == 0 else grey, implied=index == 1)
            if c in spec.flagged:
                painter.setPen(QPen(QColor(CONFLICT_HEX), s.pt(1.2)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(at, radius * 2.2, radius * 2.2)
        self._labels(painter, radius * 2.4)

        ny = bottom + self.period_band
        for note in self.notes:
            note.draw(painter, 0, ny)
            ny += note.height + s.mm(0.5)
        painter.restore()

    def _point(self, painter: QPainter, at: QPointF, colour: QColor, implied: bool) -> None:
        s = self.style
        radius = s.mm(1.2)
        if implied:
            pen = QPen(colour, s.pt(1.0))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(QPen(colour.darker(130), s.pt(0.6)))
            painter.setBrush(QBrush(colour))
        painter.drawEllipse(at, radius, radius)

    def _labels(self, painter: QPainter, keep_clear: float) -> None:
        """Each point's value where it fits: conflicts first, then the latest, then the rest, newest first."""
        s, spec = self.style, self.spec
        bounds = QRectF(self.axis_w, self.plot_top, self.plot_w, self.plot_h)
        obstacles = [QRectF(self._at(px, py) - QPointF(keep_clear, keep_clear), self._at(px, py)
                            + QPointF(keep_clear, keep_clear)) for _c, _i, px, py in self.points]
        order = sorted(self.points, key=lambda p: (p[0] not in spec.flagged, -p[2], p[1]))
        kept: list[QRectF] = []
        for _c, index, px, py in order:
            text = point_label(py, self.lang) + ("*" if index == 1 else "")
            box = TextBox(s, text, "chart_bold" if index == 0 else "chart")
            at = self._at(px, py)
            own = QRectF(at - QPointF(keep_clear, keep_clear), at + QPointF(keep_clear, keep_clear))
            for ax, ay in _ANCHORS:
                dx = -ax * box.natural_width + (keep_clear if ax < 0 else -keep_clear if ax > 1 else 0)
                dy = -ay * box.height + (keep_clear if ay < 0 else -keep_clear if ay > 1 else 0)
                rect = QRectF(at.x() + dx, at.y() + dy, box.natural_width, box.height)
                if not bounds.contains(rect) or any(rect.intersects(k) for k in kept) \
                        or any(rect.intersects(o) for o in obstacles if o != own):
                    continue
                kept.append(rect)
                box.draw(painter, rect.left(), rect.top())
                break
        self.label_rects = kept
