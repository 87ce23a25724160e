"""Horizontal bar charts painted from a :class:`~briefing_app.data.charts.ChartSpec` with QPainter.

The printed charts are vector drawings in the device's own units: a title, the
unit, one row per category with its label on the left (wrapped, so long
Vietnamese labels stay readable), a bar per series with its value written in
the language's notation at the bar's end, derived bars hatched and labelled
"(suy ra)" / "(derived)", a dashed line at the target (100 % of plan), and a
scale along the bottom.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPen

from ..data.charts import ChartSpec, Series
from ..data.numbers import format_number
from ..i18n import tr
from .style import Style
from .text import TextBox

__all__ = ["ChartPiece", "begin_chart", "nice_ticks", "tick_text"]

_SERIES_COLOURS = ("bar", "bar2", "bar3")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low``..``high`` (about ``count`` of them), 0 included when in range."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + 1e-9 * max(1.0, abs(high)):
        ticks.append(0.0 if abs(value) < step * 1e-9 else value)
        value += step
    return ticks


def tick_text(value: float, lang: str) -> str:
    """A scale's value in the language's notation, with as few decimals as its step needs."""
    decimals = 0 if float(value).is_integer() else min(3, max(1, -math.floor(math.log10(abs(value) % 1 or 1))))
    return format_number(round(value, decimals) if decimals else int(round(value)), lang,
                         decimals if decimals else None)


def begin_chart(painter: QPainter, style: Style, x0: float, y0: float, width: float, height: float, pad: float,
                title: TextBox, unit: TextBox) -> float:
    """Start painting a chart at (x0, y0): saves the painter (the caller restores it), draws the frame, the title
    and the unit, and leaves the painter inside the padding. Returns where the chart's own drawing starts."""
    painter.save()
    painter.translate(x0, y0)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(style.colour("light_rule"), style.pt(0.5)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(0, 0, width, height))
    painter.translate(pad, 0)
    y = pad
    title.draw(painter, 0, y)
    y += title.height
    if unit.height:
        unit.draw(painter, 0, y)
        y += unit.height + style.mm(0.8)
    return y


class ChartPiece:
    """One chart measured for a given width; :attr:`height` is known before :meth:`draw`."""

    def __init__(self, style: Style, spec: ChartSpec, lang: str, width: float):
        self.style = style
        self.spec = spec
        self.lang = lang
        self.width = width
        s = style
        self.pad = s.mm(2.5)
        inner = width - 2 * self.pad
        self.inner = inner
        self.title = TextBox(s, spec.title(lang), "chart_title", inner)
        unit = spec.unit(lang)
        self.unit = TextBox(s, tr("report.unit", lang, unit=unit) if unit else "", "chart_muted", inner)
        self.derived_word = tr("report.derived", lang)

        # legend: each series by name when there are several; a hatched swatch for derived values
        self.legend: list[tuple[int, Series, TextBox]] = []
        if len(spec.series) > 1 or any(se.derived for se in spec.series):
            for index, series in enumerate(spec.series):
                name = series.name(lang) + (f" {self.derived_word}" if series.derived else "")
                self.legend.append((index, series, TextBox(s, name, "chart", inner)))
        self.swatch = s.mm(3)

        # rows
        self.label_width = max(s.mm(28), inner * 0.36)
        self.gap = s.mm(1.5)
        self.bar_h = s.mm(3.4)
        self.bar_gap = s.mm(0.7)
        self.row_pad = s.mm(1.8) if len(spec.series) < 2 else s.mm(3)
        fm = QFontMetricsF(s.font("chart"), s.device)
        self.fm = fm
        self.fm_bold = QFontMetricsF(s.font("chart_bold"), s.device)
        n_series = max(1, len(spec.series))
        bars_height = n_series * self.bar_h + (n_series - 1) * self.bar_gap
        self.rows: list[tuple[TextBox, float]] = []
        for category in spec.categories:
            label = TextBox(s, category.label(lang), "chart", self.label_width)
            self.rows.append((label, max(label.height, bars_height) + self.row_pad))
        self.values: list[list[tuple[float | None, str]]] = []
        for series in spec.series:
            texts = []
            for index, value in enumerate(series.values):
                text = series.text(index, lang) if index < len(series.texts_vi) else ""
                if value is not None and not text:
                    text = format_number(value, lang)
                if value is None:
                    text = tr("report.not_stated", lang) if len(spec.series) == 1 else ""
                elif series.derived:
                    text = f"{text} {self.derived_word}"
                texts.append((value, text))
            self.values.append(texts)
        self.plot_x = self.label_width + self.gap
        self.plot_w = max(s.mm(20), inner - self.plot_x)
        self._scale()
        self.target_text = ""
        if spec.target is not None:
            self.target_text = tr("report.target", lang, value=format_number(spec.target, lang) + "%")
        self.target_band = fm.height() + s.mm(0.8) if spec.target is not None else 0.0
        self.tick_band = fm.height() + s.mm(1.5)
        self.notes = [TextBox(s, note, "chart_muted", inner) for note in spec.notes(lang)]

        height = self.pad + self.title.height
        height += (self.unit.height + s.mm(0.8)) if self.unit.height else 0
        height += self._legend_height() + s.mm(1.5)
        self.plot_top = height
        height += self.target_band + sum(h for _, h in self.rows) + self.tick_band
        for note in self.notes:
            height += note.height + s.mm(0.5)
        self.height = height + self.pad

    # ------------------------------------------------------------ measuring
    def _legend_height(self) -> float:
        if not self.legend:
            return 0.0
        x, lines = 0.0, 1
        line_h = max(self.swatch, max(box.height for *_, box in self.legend))
        for _, _, box in self.legend:
            w = self.swatch + self.style.mm(1) + box.natural_width + self.style.mm(4)
            if x and x + w > self.inner:
                x, lines = 0.0, lines + 1
            x += w
        return lines * (line_h + self.style.mm(0.8))

    def _scale(self) -> None:
        """Choose the scale so every bar and its value label fit the plot width."""
        gap = self.style.mm(1.2)
        items = [(v, (self.fm if se.derived else self.fm_bold).horizontalAdvance(t))
                 for se, texts in zip(self.spec.series, self.values) for v, t in texts if v is not None]
        target = self.spec.target
        width = self.plot_w
        target_half = self.fm_bold.horizontalAdvance(
            tr("report.target", self.lang, value=format_number(target, self.lang) + "%")) / 2 if target else 0

        def layout(scale: float) -> tuple[float, bool]:
            zero = max([0.0] + [-v * scale + gap + tw for v, tw in items if v < 0])
            ok = zero <= width
            for v, tw in items:
                if v >= 0 and zero + v * scale + gap + tw > width:
                    ok = False
            if target is not None and zero + target * scale + target_half > width:
                ok = False
            return zero, ok

        biggest = max([abs(v) for v, _ in items] + [abs(target) if target else 0.0] + [1e-12])
        low, high = 0.0, width / biggest
        for _ in range(50):
            middle = (low + high) / 2
            if layout(middle)[1]:
                low = middle
            else:
                high = middle
        self.scale = low
        self.zero = layout(low)[0]

    # ------------------------------------------------------------ drawing
    def _x(self, value: float) -> float:
        return self.plot_x + self.zero + value * self.scale

    def _bar(self, painter: QPainter, rect: QRectF, colour_name: str, derived: bool) -> None:
        s = self.style
        colour = s.colour(colour_name)
        pen = QPen(colour, s.pt(0.6))
        if not derived:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            painter.drawRect(rect)
            return
        # derived: an outline with diagonal hatching, drawn as lines so it stays vector at any resolution
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(QPen(colour, s.pt(0.5)))
        step = s.mm(1.1)
        x = rect.left() - rect.height()
        while x < rect.right():
            painter.drawLine(QLineF(x, rect.bottom(), x + rect.height(), rect.top()))
            x += step
        painter.restore()
        painter.setPen(pen)
        painter.drawRect(rect)

    def draw(self, painter: QPainter, x0: float, y0: float) -> None:
        s = self.style
        y = begin_chart(painter, s, x0, y0, self.width, self.height, self.pad, self.title, self.unit)
        if self.legend:
            x = 0.0
            line_h = max(self.swatch, max(box.height for *_, box in self.legend))
            for index, series, box in self.legend:
                w = self.swatch + s.mm(1) + box.natural_width + s.mm(4)
                if x and x + w > self.inner:
                    x, y = 0.0, y + line_h + s.mm(0.8)
                swatch = QRectF(x, y + (line_h - self.swatch) / 2, self.swatch, self.swatch)
                self._bar(painter, swatch, _SERIES_COLOURS[index % len(_SERIES_COLOURS)], series.derived)
                box.draw(painter, x + self.swatch + s.mm(1), y + (line_h - box.height) / 2)
                x += w
            y += line_h + s.mm(0.8)
        y = self.plot_top
        rows_top = y + self.target_band
        rows_bottom = rows_top + sum(h for _, h in self.rows)
        left, right = self._x(0), self.plot_x + self.plot_w

        # scale: light grid lines with values along the bottom
        visible_low = -self.zero / self.scale if self.scale else 0.0
        visible_high = (self.plot_w - self.zero) / self.scale if self.scale else 1.0
        painter.setFont(s.font("chart_muted"))
        for tick in nice_ticks(max(visible_low, min(0.0, visible_low)), visible_high * 0.97):
            tx = self._x(tick)
            if tx < self.plot_x - 1 or tx > right + 1:
                continue
            painter.setPen(QPen(s.colour("light_rule"), s.pt(0.4)))
            painter.drawLine(QLineF(tx, rows_top, tx, rows_bottom))
            box = TextBox(s, tick_text(tick, self.lang), "chart_muted")
            lx = min(max(tx - box.natural_width / 2, self.plot_x), right - box.natural_width)
            box.draw(painter, lx, rows_bottom + s.mm(0.6))

        # rows; with several series, a light rule between categories shows which bars go together
        ry = rows_top
        grouped = len(self.spec.series) > 1
        for row, (label, row_h) in enumerate(self.rows):
            if grouped and row:
                painter.setPen(QPen(s.colour("light_rule"), s.pt(0.4)))
                painter.drawLine(QLineF(0, ry, right, ry))
            label.draw(painter, 0, ry + (row_h - label.height) / 2)
            n = len(self.spec.series)
            bars_h = n * self.bar_h + (n - 1) * self.bar_gap
            by = ry + (row_h - bars_h) / 2
            for index, series in enumerate(self.spec.series):
                value, text = self.values[index][row]
                bar_y = by + index * (self.bar_h + self.bar_gap)
                if value is not None:
                    x1, x2 = sorted((left, self._x(value)))
                    rect = QRectF(x1, bar_y, max(x2 - x1, s.pt(0.5)), self.bar_h)
                    self._bar(painter, rect, _SERIES_COLOURS[index % len(_SERIES_COLOURS)], series.derived)
                if text:
                    box = TextBox(s, text, "chart_bold" if value is not None and not series.derived else "chart")
                    if value is None:
                        tx = left + s.mm(1.2)
                        box = TextBox(s, text, "chart_muted")
                    elif value >= 0:
                        tx = self._x(value) + s.mm(1.2)
                    else:
                        tx = self._x(value) - s.mm(1.2) - box.natural_width
                    box.draw(painter, tx, bar_y + (self.bar_h - box.height) / 2)
            ry += row_h

        # the zero axis
        painter.setPen(QPen(s.colour("text"), s.pt(0.7)))
        painter.drawLine(QLineF(left, rows_top, left, rows_bottom))

        # the target line (100 % of plan), dashed, named above the rows
        if self.spec.target is not None:
            tx = self._x(self.spec.target)
            pen = QPen(s.colour("target"), s.pt(0.9))
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QLineF(tx, rows_top - s.mm(0.4), tx, rows_bottom))
            box = TextBox(s, self.target_text, "chart_bold")
            box.colour = s.colour("target")
            lx = min(max(tx - box.natural_width / 2, self.plot_x), right - box.natural_width)
            box.draw(painter, lx, y)

        ny = rows_bottom + self.tick_band
        for note in self.notes:
            note.draw(painter, 0, ny)
            ny += note.height + s.mm(0.5)
        painter.restore()
