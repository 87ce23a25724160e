"""What each chart shows, decided once for the screen and the printout (Qt-free).

A :class:`ChartSpec` is plain data: categories, one or more series of values,
the unit, and which values are derived (implied by the source, not stated). The
on-screen charts (pyqtgraph) and the printed ones (QPainter) both draw these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, overload

from ..i18n import has_text, tr, tr_pair
from .numbers import format_number, parse_number
from .records import Indicator
from .snapshot import Snapshot
from .wording import date_text, figure_text, plan_short, qualifier_word

if TYPE_CHECKING:
    from . import series as _series

__all__ = ["Category", "Series", "ChartSpec", "parts_chart", "plan_chart", "change_chart", "sector_chart",
           "enterprise_chart", "enterprise_plan_chart", "overview_charts", "indicator_chart", "series_chart",
           "SERIES_EPOCH", "LazyTexts", "point_label"]

#: Day zero of a "series" chart's x axis (x is days since then, so pyqtgraph gets plain floats).
SERIES_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class Category:
    label_vi: str
    label_en: str | None
    ref: tuple[str, int] | None = None  # the item a bar stands for (section, id)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" and self.label_en else self.label_vi


@dataclass(frozen=True)
class Series:
    name_vi: str
    name_en: str
    values: tuple[float | None, ...]
    #: exact text of each value as the reader should see it, per language ("ước đạt 213.355 tỷ đồng");
    #: a tuple, or :class:`LazyTexts` where there are thousands and only a few are ever read (hover, table)
    texts_vi: Sequence[str]
    texts_en: Sequence[str]
    derived: bool = False

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi

    def text(self, index: int, lang: str) -> str:
        return (self.texts_en if lang == "en" else self.texts_vi)[index]


class LazyTexts(Sequence[str]):
    """Texts made when first read: a measure over time has thousands of points, and putting each in words
    for both languages took a third of drawing its chart, where a reader hovers over a few.

    Equal when made from the same ``key`` (what the texts are made from), so a spec's signature still says
    whether anything drawn changed without making the texts."""

    def __init__(self, count: int, make: Callable[[int], str], key: tuple):
        self._count = count
        self._make = make
        self._key = key
        self._made: dict[int, str] = {}

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        text = self._made.get(index)
        if text is None:
            text = self._made[index] = self._make(index)
        return text

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(self._count))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyTexts):
            return self._key == other._key
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key)

    def __repr__(self) -> str:
        return f"LazyTexts({self._count} texts)"


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title_vi: str
    title_en: str
    unit_vi: str
    unit_en: str
    categories: tuple[Category, ...]
    series: tuple[Series, ...]
    #: a reference line (100 for "% of plan")
    target: float | None = None
    notes_vi: tuple[str, ...] = field(default_factory=tuple)
    notes_en: tuple[str, ...] = field(default_factory=tuple)
    #: "bars" (one bar per category and series) or "series" (a measure over time: each category is one
    #: point at ``x``; series 0 holds the stated values, series 1 the implied ones)
    kind: str = "bars"
    #: for "series": each category's place on the time axis, in days since :data:`SERIES_EPOCH`
    x: tuple[float, ...] = ()
    #: categories whose value conflicts with another (ringed in red, explained in the notes)
    flagged: tuple[int, ...] = ()
    #: for "series": what each point covers — a flow's period length in months (6 for a half-year, 12 for a
    #: year), 0 for a stock's date. Only points of the same span are joined by the line: a year and a half-year
    #: are different amounts, and a line from one to the other would read as a fall or a rise.
    spans: tuple[int, ...] = ()

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_vi

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_vi

    def notes(self, lang: str) -> tuple[str, ...]:
        return self.notes_en if lang == "en" else self.notes_vi

    def is_empty(self) -> bool:
        return not self.categories or all(v is None for s in self.series for v in s.values)

    def signature(self) -> tuple:
        """Everything drawn; equal signatures mean nothing to redraw."""
        return (self.key, self.categories, self.series, self.target, self.kind, self.x, self.flagged, self.spans)


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _short_names(snapshot: Snapshot) -> dict[int, str]:
    """Each enterprise's short name (its Vietnamese name when it has none), by id."""
    return {e.id: (e.short_name or e.name_vi) for e in snapshot.enterprises}


def _cat(indicator: Indicator, short_names: dict[int, str] | None = None) -> Category:
    """The category of a figure; one an enterprise reported is prefixed with its short name."""
    vi, en = indicator.label_vi, indicator.label_en
    with_enterprise = None
    if short_names is not None and indicator.enterprise_id is not None:
        with_enterprise = short_names.get(indicator.enterprise_id)
    if with_enterprise:
        vi, en = f"{with_enterprise}: {vi}", f"{with_enterprise}: {en or vi}"
    return Category(vi, en, ("indicators", indicator.id))


def _stated_series(indicators: list[Indicator]) -> Series:
    return Series(*tr_pair("chart.series.stated"), tuple(_float(i.value) for i in indicators),
                  tuple(figure_text(i, "vi") for i in indicators), tuple(figure_text(i, "en") for i in indicators))


def parts_chart(snapshot: Snapshot, total: Indicator) -> ChartSpec | None:
    """The parts of a total (in the total's unit), with the total itself first."""
    parts = [p for p in snapshot.children(total) if p.value is not None and p.unit_vi == total.unit_vi
             and p.value_max is None]
    if len(parts) < 1 or total.value is None:
        return None
    rows = [total] + parts
    checks = [c for c in snapshot.checks_for("indicators", total.id) if c.status == "mismatch"]
    return ChartSpec(
        key=f"parts:{total.id}", title_vi=total.label_vi, title_en=total.label_en or total.label_vi,
        unit_vi=total.unit_vi or "", unit_en=total.unit_en or total.unit_vi or "",
        categories=tuple(_cat(i) for i in rows),
        series=(_stated_series(rows),),
        notes_vi=tuple("⚠ " + c.what_vi for c in checks), notes_en=tuple("⚠ " + c.what("en") for c in checks),
    )


def plan_chart(snapshot: Snapshot, indicators: list[Indicator], key: str = "plan",
               title_key: str = "chart.plan.title") -> ChartSpec | None:
    """Percent of plan as bars toward the 100 % line, titled by the catalogue's ``title_key``."""
    rows = [i for i in indicators if i.plan_pct is not None]
    if not rows:
        return None
    short = _short_names(snapshot)
    cats = tuple(_cat(i, short) for i in rows)
    title_vi, title_en = tr_pair(title_key)
    unit_vi, unit_en = tr_pair("chart.plan.unit")
    return ChartSpec(
        key=key, title_vi=title_vi, title_en=title_en, unit_vi=unit_vi, unit_en=unit_en,
        categories=cats,
        series=(Series(unit_vi, unit_en, tuple(_float(i.plan_pct) for i in rows),
                       tuple(plan_short(i, "vi") for i in rows),
                       tuple(plan_short(i, "en") for i in rows)),),
        target=100.0,
    )


def change_chart(snapshot: Snapshot, indicator: Indicator) -> ChartSpec | None:
    """This period against the previous one implied by the stated change; the implied bar is derived."""
    previous = next((d for d in snapshot.derived_for(indicator.id) if d.kind == "previous_value"), None)
    if previous is None or indicator.value is None:
        return None
    from .wording import derived_text

    formula_vi, formula_en = tr_pair("detail.formula", formula=previous.formula)
    return ChartSpec(
        key=f"change:{indicator.id}", title_vi=indicator.label_vi, title_en=indicator.label_en or indicator.label_vi,
        unit_vi=indicator.unit_vi or "", unit_en=indicator.unit_en or indicator.unit_vi or "",
        categories=(Category(previous.label_vi, previous.label_en, ("indicators", indicator.id)),
                    Category(*tr_pair("chart.this_period"), ("indicators", indicator.id))),
        series=(
            Series(*tr_pair("chart.series.derived"), (float(previous.value), None),
                   (derived_text(previous, indicator, "vi"), ""), (derived_text(previous, indicator, "en"), ""),
                   derived=True),
            Series(*tr_pair("chart.series.stated_short"), (None, float(indicator.value)),
                   ("", figure_text(indicator, "vi")), ("", figure_text(indicator, "en"))),
        ),
        notes_vi=(formula_vi,), notes_en=(formula_en,),
    )


def sector_chart(snapshot: Snapshot, sector_id: int) -> ChartSpec | None:
    """A sector's stated figures in its most common unit (figures in other units cannot share an axis)."""
    rows = [i for i in snapshot.indicators if i.sector_id == sector_id and i.value is not None and i.value_max is None]
    if not rows:
        return None
    by_unit: dict[str, list[Indicator]] = {}
    for i in rows:
        by_unit.setdefault(i.unit_vi or "", []).append(i)
    unit, chosen = max(by_unit.items(), key=lambda kv: len(kv[1]))
    sector = snapshot.sector(sector_id)
    short = _short_names(snapshot)
    first = chosen[0]
    return ChartSpec(
        key=f"sector:{sector_id}:{unit}", title_vi=sector.name_vi if sector else "",
        title_en=(sector.name("en") if sector else ""), unit_vi=unit, unit_en=first.unit_en or unit,
        categories=tuple(_cat(i, short) for i in chosen),
        series=(_stated_series(chosen),),
    )


def indicator_chart(snapshot: Snapshot, indicator: Indicator) -> ChartSpec | None:
    """The best chart for one selected indicator: its parts, its change, or its plan progress."""
    total = indicator if snapshot.children(indicator) else snapshot.indicator(indicator.parent_id)
    if total is not None:
        chart = parts_chart(snapshot, total)
        if chart is not None:
            return chart
    return change_chart(snapshot, indicator) or plan_chart(snapshot, [indicator], key=f"plan:{indicator.id}")


def enterprise_chart(snapshot: Snapshot, metrics: tuple[str, ...] = ("revenue", "profit")) -> ChartSpec | None:
    """Grouped bars: each enterprise's stated results per metric (only metrics stated in one unit)."""
    enterprises = []
    series = []
    unit_vi = unit_en = ""
    for metric in metrics:
        values, vi, en = [], [], []
        for e in snapshot.enterprises:
            result = next((i for i in snapshot.enterprise_results(e.id) if i.metric == metric and i.value is not None),
                          None)
            values.append(_float(result.value) if result else None)
            vi.append(figure_text(result, "vi") if result else "")
            en.append(figure_text(result, "en") if result else "")
            if result is not None:
                unit_vi, unit_en = result.unit_vi or "", result.unit_en or ""
        # a metric the catalogue does not name is shown as the briefing file names it
        label_vi, label_en = tr_pair(f"metric.{metric}") if has_text(f"metric.{metric}") else (metric, metric)
        series.append(Series(label_vi, label_en, tuple(values), tuple(vi), tuple(en)))
    enterprises = [Category(e.short_name or e.name_vi, e.short_name or e.name("en"), ("enterprises", e.id))
                   for e in snapshot.enterprises]
    keep = [k for k in range(len(enterprises)) if any(s.values[k] is not None for s in series)]
    if not keep:
        return None
    series = [Series(s.name_vi, s.name_en, tuple(s.values[k] for k in keep), tuple(s.texts_vi[k] for k in keep),
                     tuple(s.texts_en[k] for k in keep)) for s in series]
    title_vi, title_en = tr_pair("chart.enterprises.title")
    return ChartSpec(key="enterprises:" + ",".join(metrics), title_vi=title_vi, title_en=title_en,
                     unit_vi=unit_vi, unit_en=unit_en,
                     categories=tuple(enterprises[k] for k in keep), series=tuple(series))


def enterprise_plan_chart(snapshot: Snapshot) -> ChartSpec | None:
    rows = [i for i in snapshot.indicators if i.enterprise_id is not None and i.plan_pct is not None]
    return plan_chart(snapshot, rows, key="enterprises:plan", title_key="chart.enterprises_plan.title")


def overview_charts(snapshot: Snapshot) -> list[ChartSpec]:
    """The half-year at a glance: every breakdown of a total, enterprise results, and plan progress."""
    charts: list[ChartSpec] = []
    for indicator in snapshot.indicators:
        if indicator.enterprise_id is None and len(snapshot.children(indicator)) >= 2:
            chart = parts_chart(snapshot, indicator)
            if chart is not None and len(chart.categories) >= 3:
                charts.append(chart)
    for chart in (enterprise_chart(snapshot), plan_chart(snapshot, list(snapshot.indicators))):
        if chart is not None:
            charts.append(chart)
    return charts


def qualifier_note(indicator: Indicator, lang: str) -> str:
    return qualifier_word(indicator.qualifier, lang)


# ------------------------------------------------------------------ a measure over time
def _point_text(point: _series.SeriesPoint, unit: str, lang: str, words: dict[tuple, str]) -> str:
    """A point as the reader should see it: the value as written (qualifier, unit) and which briefing says it;
    an implied one with its formula. ``words`` memoises the qualifier's word (a series has thousands of points
    and a handful of qualifiers)."""
    if point.kind == "implied":
        if lang == "en":  # in English notation and the measure's English unit, its formula too
            written = f"{_implied_text(point, 'en')} {unit}"
            formula = _in_english(point.formula or "", point.unit_vi, unit)
        else:
            written, formula = f"{point.value_text} {point.unit_vi}", point.formula or ""
        return tr("series.implied_text", lang, value=written, briefing=point.briefing, formula=formula)
    key = (point.qualifier, lang)
    if key not in words:
        words[key] = qualifier_word(point.qualifier, lang)
    if lang == "en":  # in the measure's unit, in English notation
        value, shown_unit = format_number(point.value, "en"), unit
    else:  # as written
        value, shown_unit = point.value_text, point.unit_vi
    written = " ".join(filter(None, [words[key], value, shown_unit]))
    return tr("series.stated_text", lang, value=written, briefing=point.briefing)


def point_label(value: float, lang: str) -> str:
    """A series point's value label: one decimal below 1.000 (134,5 and an implied 119,8 are not both "120"),
    none above; the same on screen and on paper."""
    decimals = 1 if abs(value) < 1000 else 0
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return format_number(int(rounded), lang)
    return format_number(rounded, lang, decimals)


#: A number in Vietnamese notation inside a formula ("1.337.857", "9,36", "−2,1").
_VI_NUMBER = re.compile(r"[−-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")


def _in_english(formula: str, unit_vi: str, unit_en: str) -> str:
    """An implied value's formula (series.py writes it in Vietnamese notation) in English notation, every digit
    kept: "1.337.857 ÷ (100% + 9,36%) = 1.223.351 tỷ đồng" → "1,337,857 ÷ (100% + 9.36%) = 1,223,351 billion
    VND". A reader of the English window must never read 1.337.857 as a little over one."""
    def english(match: re.Match[str]) -> str:
        text = match.group(0)
        decimals = len(text.split(",", 1)[1]) if "," in text else 0
        return format_number(parse_number(text, "vi"), "en", decimals)

    converted = _VI_NUMBER.sub(english, formula)
    if unit_vi and converted.endswith(" " + unit_vi):
        converted = converted[: -len(unit_vi)] + unit_en
    return converted


def _implied_text(point: _series.SeriesPoint, lang: str) -> str:
    """An implied value to as many decimals as the series wrote it, in the language's notation."""
    if lang == "vi":
        return point.value_text
    decimals = len(point.value_text.split(",", 1)[1]) if "," in point.value_text else 0
    return format_number(round(point.value, decimals), lang, decimals)


def series_chart(series: _series.Series) -> ChartSpec | None:
    """A measure over time: one category per point (its period), stated values in series 0, values implied by
    other briefings' comparisons in series 1 (derived), conflicting points flagged and explained in the notes.
    None when the measure has no point at all."""
    if not series.points:
        return None
    measure = series.measure
    points = series.points
    periods: dict[str, Category] = {}  # a few dozen periods for thousands of points: each put in words once
    for p in points:
        if p.period not in periods:
            periods[p.period] = Category(date_text(p.period, "vi"), date_text(p.period, "en"), None)
    categories = tuple(periods[p.period] for p in points)
    x = tuple(float((p.period_end - SERIES_EPOCH).days) for p in points)
    spans = tuple(0 if p.period_start is None else
                  (p.period_end.year - p.period_start.year) * 12 + p.period_end.month - p.period_start.month + 1
                  for p in points)
    words: dict[tuple, str] = {}

    frozen_points = tuple(points)

    def column(kind: str, name_key: str, derived: bool) -> Series:
        values = tuple(float(p.value) if p.kind == kind else None for p in points)

        def texts(lang: str) -> LazyTexts:
            def make(i: int) -> str:
                point = frozen_points[i]
                return _point_text(point, measure.unit_en, lang, words) if point.kind == kind else ""
            return LazyTexts(len(frozen_points), make, (frozen_points, measure.unit_en, kind, lang))

        return Series(*tr_pair(name_key), values, texts("vi"), texts("en"), derived=derived)

    index = {id(p): i for i, p in enumerate(points)}
    flagged: set[int] = set()
    notes_vi: list[str] = []
    notes_en: list[str] = []
    for conflict in series.conflicts:
        for point in (conflict.stated, conflict.implied):
            found = index.get(id(point))
            if found is None:  # the conflict's points are the series' own; an equal copy is found by value
                found = next((i for i, p in enumerate(points) if p == point), None)
            if found is not None:
                flagged.add(found)
        for lang, notes in (("vi", notes_vi), ("en", notes_en)):
            stated = " ".join(filter(None, [qualifier_word(conflict.stated.qualifier, lang),
                                            format_number(conflict.stated.value, lang), measure.unit(lang)]))
            notes.append(tr("series.conflict_note", lang, period=date_text(conflict.stated.period, lang),
                            stated_by=conflict.stated.briefing, stated=stated, implied_by=conflict.implied.briefing,
                            implied=_implied_text(conflict.implied, lang),
                            difference=format_number(abs(conflict.difference_pct), lang)))
    title_vi, title_en = tr("series.title", "vi", name=measure.name_vi), tr("series.title", "en", name=measure.name_en)
    return ChartSpec(
        key=f"series:{measure.id}", title_vi=title_vi, title_en=title_en,
        unit_vi=measure.unit_vi, unit_en=measure.unit_en, categories=categories,
        series=(column("stated", "series.stated", False), column("implied", "series.implied", True)),
        notes_vi=tuple(notes_vi), notes_en=tuple(notes_en), kind="series", x=x, flagged=tuple(sorted(flagged)),
        spans=spans)
