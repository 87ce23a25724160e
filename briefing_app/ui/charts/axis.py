"""The value axis of a chart: where its ticks go and how their labels read (213.355 / 213,355).

The tick spacing is pyqtgraph's (``AxisItem.tickSpacing``), widened to the next round step while the labels
would run together ("5.00010.00015.000" under a narrow chart): the labels' widths come from the font, so a
narrow chart shows fewer, readable ticks. The first frame (``first_frame.py``) and the live plot
(:func:`make_locale_axis`) both ask :func:`value_ticks`, so the ticks do not change when the plot takes over.
Imports neither pyqtgraph nor numpy.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil, floor, frexp, sqrt
from typing import Any, NamedTuple

from ...data.numbers import format_number
from ...i18n import tr

__all__ = ["TickLabel", "make_locale_axis", "tick_labels", "tick_spacing", "tick_strings", "tick_values",
           "value_ticks"]

#: Large ticks are written compactly: 20 tỷ / 20 bn rather than 20.000.000.000 (the word's key for each size).
_COMPACT = ((1e9, "axis.billions"), (1e6, "axis.millions"))


class TickLabel(NamedTuple):
    """A value tick's label as drawn: its value, text, and left edge and width in pixels along the axis."""

    value: float
    text: str
    left: float
    width: float


def tick_strings(values: list[float], spacing: float, lang: str, scale: float = 1.0) -> list[str]:
    """Tick labels in the language's notation, compact for millions and billions."""
    for size, key in _COMPACT:
        if spacing >= size:
            step = spacing / size
            decimals = 0 if step >= 1 else 1
            word = tr(key, lang)
            return [f"{format_number(round(v * scale / size, decimals), lang)} {word}" for v in values]
    decimals = 0 if spacing >= 1 else min(6, len(f"{spacing:.10f}".rstrip("0").split(".")[1]))
    return [format_number(round(v * scale, decimals), lang, decimals) for v in values]


def tick_spacing(low: float, high: float, size: float,
                 fits: Callable[[float], bool] | None = None) -> tuple[float, float]:
    """The (major, minor) tick spacing pyqtgraph's AxisItem.tickSpacing chooses for ``low``..``high`` over
    ``size`` pixels — or, when ``fits`` refuses that major spacing, the next round one (1, 2, 5 × 10ⁿ) it
    accepts; (0, 0) for an empty range."""
    span = abs(high - low)
    if span == 0:
        return 0.0, 0.0
    most = span / max(2.25, 2.25 * sqrt(max(size, 1.0) / 300.0))
    _mantissa, exp2 = frexp(most)
    unit = 10.0 ** (floor((exp2 - 1) / 3.32192809488736) - 1)
    if 100.0 * unit <= most:
        factor, unit = 10, unit * 10
    else:
        factor = 10
        for factor in (50, 20, 10):
            if factor * unit <= most:
                break
    if fits is not None:
        # At most one tick in range is always readable: stop there.
        while factor * unit < span and not fits(factor * unit):
            factor, unit = (20, unit) if factor == 10 else (50, unit) if factor == 20 else (10, unit * 10)
    least_minor = 2 * span / max(size, 1.0)  # at most one minor tick per two pixels
    minor_factor = 10
    for minor_factor in ((5, 10) if factor == 10 else (10, 20, 50)):
        if minor_factor * unit >= least_minor:
            break
    return factor * unit, minor_factor * unit


def tick_values(low: float, high: float, spacing: float) -> list[float]:
    """AxisItem.tickValues: the multiples of ``spacing`` within ``low``..``high``."""
    if spacing <= 0:
        return []
    first = ceil(low / spacing) * spacing
    return [first + n * spacing for n in range(int((high - first) / spacing) + 1)]


def tick_labels(low: float, high: float, length: float, spacing: float, lang: str,
                width_of: Callable[[str], float], limit: float | None = None) -> list[TickLabel]:
    """The labels of the ticks every ``spacing`` drawn on an axis whose range spans ``length`` pixels: centred on
    their tick, those reaching past its start or past ``limit`` (default: its end) left out, as pyqtgraph leaves
    out a label outside the axis's bounding rectangle."""
    values = tick_values(low, high, spacing)
    if not values or high <= low:
        return []
    end = length if limit is None else limit
    labels = []
    for value, text in zip(values, tick_strings(values, spacing, lang)):
        x = (value - low) / (high - low) * length
        width = width_of(text)
        if x - width / 2 < 0 or x + width / 2 > end:
            continue
        labels.append(TickLabel(value, text, x - width / 2, width))
    return labels


def value_ticks(low: float, high: float, size: float, lang: str, width_of: Callable[[str], float],
                length: float | None = None, limit: float | None = None) -> tuple[float, float]:
    """The (major, minor) spacing of a value axis whose labels stand apart: at least a digit's width between
    neighbours, however narrow the axis. ``size`` is the length pyqtgraph's tickSpacing is given (the axis and a
    pixel each side); ``length`` and ``limit`` as for :func:`tick_labels` (default: ``size``)."""
    gap = width_of("0")
    span = size if length is None else length

    def fits(spacing: float) -> bool:
        labels = tick_labels(low, high, span, spacing, lang, width_of, limit)
        return all(b.left - (a.left + a.width) >= gap for a, b in zip(labels, labels[1:]))

    return tick_spacing(low, high, size, fits)


_CLASS: Any = None


def make_locale_axis(pg: Any) -> Any:
    """The LocaleAxis class (defined once pyqtgraph is imported)."""
    global _CLASS
    if _CLASS is None:
        from PySide6.QtGui import QFont, QFontMetricsF

        class LocaleAxis(pg.AxisItem):
            _lang = "vi"

            def set_language(self, lang: str) -> None:
                if lang != self._lang:
                    self._lang = lang
                    self.picture = None
                    self.update()

            def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
                return tick_strings(values, spacing * scale, self._lang, scale)

            def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph override
                levels = super().tickSpacing(minVal, maxVal, size)
                if self.orientation not in ("bottom", "top") or len(levels) == 0 or self._tickSpacing is not None:
                    return levels  # a vertical axis's labels are one line apart: pyqtgraph's spacing suits them
                # The tick text is painted in the application's font (AxisItem paints into a QPicture), its
                # positions spread over the axis's width, and a label is drawn only inside its bounding rectangle.
                metrics = QFontMetricsF(self.style["tickFont"] or QFont())
                major, minor = value_ticks(minVal, maxVal, size, self._lang,
                                           lambda text: metrics.horizontalAdvance(text),
                                           self.geometry().width(), self.boundingRect().right())
                if major == levels[0][0]:
                    return levels
                return [(major, 0), (minor, 0)]

        _CLASS = LocaleAxis
    return _CLASS
