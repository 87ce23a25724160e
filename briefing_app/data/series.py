"""A measure over time: every value the briefings state, the values their comparisons imply, and where
the two disagree (Qt-free).

**Stated** points are the figures that name the measure, converted exactly into its unit. A *stock* (a
level) is placed at its ``as_of`` date — the end of that period — or else at the end of its briefing's
period; a *flow* (an amount over a period) covers its ``as_of`` period when that is longer than a day,
else its briefing's period (``period_start``..``period_end``).

**Implied** points come from a stated comparison with the same period a year (or years) before:
``change_pct`` ("tăng 10,28% so với cùng kỳ năm 2017") implies ``value ÷ (100% + 10,28%)``;
``same_period_pct`` ("bằng 112,3% so với cùng kỳ") implies ``value ÷ 112,3%``. Which year: the year
``compared_with`` names ("năm 2016"), else one year before for "cùng kỳ" / "năm trước"; a comparison
with anything else (a plan, another month) implies nothing.

**Conflicts**: a stated and an implied value for the same period (a stock: the same date; a flow: the
same start and end, so H1 is only ever set against H1 and a year against a year) whose ranges do not
meet. Each range is what the written text allows:

- its precision: half a unit of the last written digit ("134,5" → ±0,05; "130" → ±0,5), for the value
  and for the percentage;
- widened by its qualifier (:data:`QUALIFIER_TOLERANCE`): *khoảng*, *vào khoảng*, *xấp xỉ* ±5 %;
  *gần* (nearly) up to 5 % below; *hơn*, *trên* (over) up to 5 % above; *ước đạt*, *ước tính*
  (estimated) ±2 %, and both for an approximate estimate (*ước đạt hơn*: 2 % below, 7 % above). A
  percentage's own qualifier ("tăng khoảng 15%") widens the percentage the same way.

The implied range is computed from the ends of the value's and the percentage's ranges; ``difference_pct``
is (stated − implied) ÷ implied, from the values as written.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .measures import Measure, UnitMismatch, convert, shipped_measures
from .numbers import format_number
from .periods import Period, parse_period
from .schema import QUALIFIER_TOLERANCE

if TYPE_CHECKING:
    from .records import MeasuredFigure
    from .store import BriefingStore

__all__ = ["SeriesPoint", "Conflict", "Series", "QUALIFIER_TOLERANCE", "UnknownMeasure", "build_series",
           "series_json", "series_table", "tolerance_range"]

_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


class UnknownMeasure(KeyError):
    """No measure of that id in the catalogue; ``close`` holds the nearest ids."""

    def __init__(self, measure_id: str, close: list[str]):
        super().__init__(measure_id)
        self.measure_id = measure_id
        self.close = close

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.close)}?" if self.close else ""
        return f"unknown measure {self.measure_id!r}{hint}"


class SeriesPoint(NamedTuple):
    """One value of a measure: stated by a briefing, or implied by its comparison."""

    period: str  # "2017-H1", "2017", "2017-06-30", "2017-01-01..2017-05-31"
    period_start: date | None  # a flow's first day; None for a stock
    period_end: date
    briefing: str
    indicator: str  # the key of the figure stated (or the one whose comparison implies this)
    value: Decimal  # in the measure's unit
    value_text: str  # as written (stated), or the implied value in Vietnamese notation
    unit_vi: str  # the unit value_text is written in
    qualifier: str | None
    kind: str  # "stated" | "implied"
    formula: str | None  # how an implied value is computed, in the measure's unit
    low: Decimal  # the range the written text allows (see the module's doc)
    high: Decimal


class Conflict(NamedTuple):
    """A stated and an implied value for the same period whose ranges do not meet."""

    stated: SeriesPoint
    implied: SeriesPoint
    difference_pct: Decimal  # (stated − implied) ÷ implied, in percent, 2 decimals


class Series(NamedTuple):
    measure: Measure
    points: list[SeriesPoint]
    conflicts: list[Conflict]


def tolerance_range(value: Decimal, text: str | None, qualifier: str | None) -> tuple[Decimal, Decimal]:
    """The range a written number allows: its last digit's precision, widened by its qualifier."""
    step = _half_step(text)
    below, above = QUALIFIER_TOLERANCE.get(qualifier or "", (Decimal(0), Decimal(0)))
    size = abs(value)
    return value - step - size * below, value + step + size * above


def _half_step(text: str | None) -> Decimal:
    if not text:
        return Decimal(0)
    digits = text.strip().lstrip("+-")
    return _HALF_STEPS[len(digits.split(",", 1)[1]) if "," in digits else 0]


class _HalfSteps(dict):
    """Half a unit of the last of ``decimals`` digits, made once per count (a series reads thousands)."""

    def __missing__(self, decimals: int) -> Decimal:
        step = self[decimals] = Decimal(5).scaleb(-(decimals + 1))
        return step


_HALF_STEPS = _HalfSteps()


def build_series(store: BriefingStore, measure_id: str, catalogue: dict[str, Measure] | None = None,
                 periods: dict[str, tuple[str, str | None, str | None, str | None]] | None = None,
                 figures: list[MeasuredFigure] | None = None) -> Series:
    """Every stated and implied value of ``measure_id`` in ``store`` (all briefings), ordered by period end,
    with the conflicts between them. Raises :class:`UnknownMeasure` for an id the catalogue lacks.

    ``periods`` is ``store.briefing_periods()`` when the caller already has it (building many series), and
    ``figures`` is ``store.measured_figures(measure_id)`` when it was read beforehand (the window reads it and
    builds the series in two steps of its event loop)."""
    from .measures import close_ids

    catalogue = shipped_measures() if catalogue is None else catalogue
    measure = catalogue.get(measure_id)
    if measure is None:
        raise UnknownMeasure(measure_id, close_ids(measure_id, list(catalogue)))
    periods = store.briefing_periods() if periods is None else periods
    stated: list[SeriesPoint] = []
    implied: list[SeriesPoint] = []
    for figure in store.measured_figures(measure_id) if figures is None else figures:
        point = stated_point(measure, figure.briefing_id, figure, periods.get(figure.briefing_id))
        if point is None:
            continue
        stated.append(point)
        implied.extend(implied_points(measure, point, figure))
    points = sorted(stated + implied, key=_order)
    return Series(measure, points, _conflicts(stated, implied))


def _order(point: SeriesPoint) -> tuple:
    return (point.period_end, point.period_start or point.period_end, point.kind != "stated", point.briefing,
            point.indicator)


@lru_cache(maxsize=4096)  # thousands of figures, a few dozen distinct periods
def _period(text: str | None) -> Period | None:
    return parse_period(text)


@lru_cache(maxsize=4096)
def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def stated_point(measure: Measure, briefing_id: str, indicator: MeasuredFigure,
                 period: tuple[str, str | None, str | None, str | None] | None) -> SeriesPoint | None:
    """The point a figure states for ``measure``, in the measure's unit; None if it states no usable value.

    ``period`` is the briefing's (id, label, start, end) row: flows without their own ``as_of`` hold for it.
    """
    if indicator.value is None or indicator.value_text is None or not indicator.unit_vi:
        return None
    try:
        value = convert(indicator.value, indicator.unit_vi, measure)
    except UnitMismatch:  # the validator refuses these; a database from elsewhere may still hold one
        return None
    as_of = _period(indicator.as_of)
    start, end = (_day(period[2]), _day(period[3])) if period else (None, None)
    if measure.kind == "stock":
        if as_of is not None:
            when, label = as_of.end, indicator.as_of or as_of.end.isoformat()
        elif end is not None:
            when, label = end, end.isoformat()
        else:
            return None
        first = None
    else:
        if as_of is not None and as_of.kind != "day":
            first, when = as_of.start, as_of.end
        elif start is not None and end is not None:
            first, when = start, end
        else:
            return None
        label = _period_label(first, when)
    low, high = tolerance_range(indicator.value, indicator.value_text, indicator.qualifier)
    if value is not indicator.value:  # another unit: the range moves by the same power of ten
        low, high = convert(low, indicator.unit_vi, measure), convert(high, indicator.unit_vi, measure)
    return SeriesPoint(label, first, when, briefing_id, indicator.key, value, indicator.value_text,
                       indicator.unit_vi, indicator.qualifier, "stated", None, low, high)


@lru_cache(maxsize=4096)
def _period_label(start: date, end: date) -> str:
    """A flow's period as briefing files write periods: ``2017``, ``2017-H1``, ``2017-Q2``, ``2017-06``."""
    for text in (f"{start.year}", f"{start.year}-H{(start.month + 5) // 6}", f"{start.year}-Q{(start.month + 2) // 3}",
                 f"{start.year}-{start.month:02d}"):
        period = parse_period(text)
        if period is not None and (period.start, period.end) == (start, end):
            return text
    return f"{start.isoformat()}..{end.isoformat()}"


def years_back(indicator: MeasuredFigure, year: int) -> int | None:
    """How many years before the figure's period its comparison lies; None if it is not a same-period one."""
    basis = indicator.compared_with_vi or ""
    named = _YEAR.search(basis)
    if named is not None:
        back = year - int(named.group(1))
        return back if back > 0 else None
    folded = basis.casefold()
    if "cùng kỳ" in folded or "năm trước" in folded:
        return 1
    return None


def shift_years(day: date, years: int) -> date:
    """The same day ``years`` earlier; a month's last day stays its last day (28/29 February)."""
    if (day + timedelta(days=1)).day == 1:
        return date(day.year - years, day.month % 12 + 1, 1) - timedelta(days=1) if day.month < 12 \
            else date(day.year - years, 12, 31)
    return day.replace(year=day.year - years)


def implied_points(measure: Measure, point: SeriesPoint, indicator: MeasuredFigure) -> list[SeriesPoint]:
    """The earlier values a figure's stated comparisons imply (change and same-period percentages), with formulas."""
    back = years_back(indicator, point.period_end.year)
    if back is None:
        return []
    out = []
    comparisons = ((indicator.change_pct, indicator.change_qualifier, True),
                   (indicator.same_period_pct, None, False))
    for pct, pct_qualifier, is_change in comparisons:
        if pct is None:
            continue
        pct_text = format_number(pct, "vi")
        ratio = (Decimal(100) + pct if is_change else pct) / 100
        p_low, p_high = tolerance_range(pct, pct_text, pct_qualifier)
        r_low = (Decimal(100) + p_low if is_change else p_low) / 100
        r_high = (Decimal(100) + p_high if is_change else p_high) / 100
        if ratio <= 0 or r_low <= 0:
            continue
        value = point.value / ratio
        low, high = point.low / r_high, point.high / r_low
        shown = _display(value, point.value)
        written = format_number(point.value, "vi")
        divisor = f"(100% + {pct_text}%)" if is_change else f"{pct_text}%"
        formula = f"{written} ÷ {divisor} = {shown} {measure.unit_vi}"
        end = shift_years(point.period_end, back)
        start = shift_years(point.period_start, back) if point.period_start else None
        label = _period_label(start, end) if start is not None else end.isoformat()
        qualifier = pct_qualifier or point.qualifier
        out.append(SeriesPoint(label, start, end, point.briefing, indicator.key, value, shown, measure.unit_vi,
                               qualifier, "implied", formula, low, high))
    return out


def _display(value: Decimal, basis: Decimal) -> str:
    """An implied value in Vietnamese notation, to one more decimal than its basis (none past 1.000)."""
    exponent = basis.normalize().as_tuple().exponent
    decimals = max(-exponent, 0) if isinstance(exponent, int) else 0
    if abs(value) < 1000:
        decimals += 1
    return format_number(value, "vi", decimals)


def _conflicts(stated: list[SeriesPoint], implied: list[SeriesPoint]) -> list[Conflict]:
    by_period: dict[tuple, list[SeriesPoint]] = {}
    for point in stated:
        by_period.setdefault((point.period_start, point.period_end), []).append(point)
    out = []
    for guess in implied:
        for fact in by_period.get((guess.period_start, guess.period_end), []):
            if fact.high < guess.low or guess.high < fact.low:
                difference = ((fact.value - guess.value) / guess.value * 100).quantize(Decimal("0.01"))
                out.append(Conflict(fact, guess, difference))
    out.sort(key=lambda c: (c.stated.period_end, c.stated.briefing, c.implied.briefing))
    return out


# ------------------------------------------------------------------ output
def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def series_json(series: Series) -> dict[str, Any]:
    """The series as ``briefing-app series --json`` prints it (shape in docs/data-model.md, "Series")."""
    m = series.measure
    return {
        "measure": {"id": m.id, "label": {"vi": m.name_vi, "en": m.name_en}, "unit": {"vi": m.unit_vi, "en": m.unit_en},
                    "kind": m.kind},
        "points": [{
            "period": p.period,
            "period_end": p.period_end.isoformat(),
            "briefing": p.briefing,
            "value": _number(p.value),
            "value_text": p.value_text,
            "qualifier": p.qualifier,
            "kind": p.kind,
            "basis": {"indicator": p.indicator, "formula": p.formula},
        } for p in series.points],
        "conflicts": [{
            "period_end": c.stated.period_end.isoformat(),
            "stated": _number(c.stated.value),
            "implied": _number(c.implied.value),
            "implied_by": c.implied.briefing,
            "difference_pct": _number(c.difference_pct),
        } for c in series.conflicts],
    }


def series_table(series: Series, lang: str = "en") -> str:
    """The series as an aligned plain-text table, then its conflicts (``briefing-app series``)."""
    m = series.measure
    lines = [f"{m.id} — {m.name(lang)} ({m.unit(lang)}, {m.kind})"]
    rows = [("period", "end", "briefing", f"value ({m.unit_vi})", "as written", "kind", "basis")]
    for p in series.points:
        written = " ".join(filter(None, [p.qualifier, p.value_text, p.unit_vi]))
        basis = p.indicator if p.formula is None else f"{p.indicator}: {p.formula}"
        shown = format_number(_rounded(p.value), "vi") if p.kind == "stated" else p.value_text
        rows.append((p.period, p.period_end.isoformat(), p.briefing, shown,
                     written, p.kind, basis))
    if len(rows) == 1:
        lines.append("no values of this measure in the database")
    else:
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
        for row in rows:
            lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    for c in series.conflicts:
        lines.append(f"conflict {c.stated.period_end.isoformat()}: {c.stated.briefing} states "
                     f"{format_number(_rounded(c.stated.value), 'vi')}, {c.implied.briefing} implies "
                     f"{c.implied.value_text} ({format_number(c.difference_pct, 'vi')}%)")
    return "\n".join(lines)


def _rounded(value: Decimal) -> Decimal:
    """A value for a table cell: exact when it is short, else to 4 decimals."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        return value.quantize(Decimal("0.0001"))
    return value.normalize()
