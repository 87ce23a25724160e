"""Two briefings side by side: their figures measure by measure, and which directives and limitations
continue, are new or were dropped (Qt-free).

**Figures.** One row per measure named in either briefing. Where a briefing has several figures of a
measure (a national total and its parts, or one per enterprise), the row takes its *leading* one: no
enterprise, the shallowest, the first in the source. Values are converted exactly into the measure's
unit (:func:`~briefing_app.data.measures.convert`); a figure's period is read as a series reads it
(:mod:`briefing_app.data.series`): a stock at its date, a flow over its ``as_of`` period or else its
briefing's period. Two values are **comparable** when both are stated and, for a flow, their periods are
equally long (H1 with H1, a year with a year: counted in whole months, else in days). ``change_pct`` is
(b − a) ÷ a in percent, computed with :class:`~decimal.Decimal` and rounded half-even to 2 places.

**Stated change.** The change the *newer* briefing (later period end; B when they end together) states for
its figure, when its comparison refers to the other briefing's period: the same period that many years
before ("so với cùng kỳ năm 2017", "năm trước"), as :mod:`~briefing_app.data.series` reads it.
``change_pct`` is taken as stated; ``same_period_pct`` (bằng 112,3%) as its excess over 100 (12,3).
It is always *newer against older*, whatever order the user gave. When the figures do not fit what
the newer briefing states (the older value lies outside the range the stated percentage implies,
precision and qualifiers allowed for — the series' conflict test), the note says so.

**Alike but different.** Figures that look alike — labels sharing most of their folded words
(:data:`LABEL_THRESHOLD`) and counted in the same thing (đồng, thuê bao) — but that name different
measures, or name none, are **not comparable**: the note says they measure different things (213.355
"doanh thu viễn thông phát sinh" against 181.948 "doanh thu dịch vụ viễn thông"), or that one names no
measure so the app cannot tell. Each figure is paired with at most one other, best score first.

**Directives and limitations.** Matched on their folded Vietnamese titles within the same sector (same
sector key, or the same folded sector name): the score is the Jaccard index of the two titles' sets of
folded words; pairs scoring at least :data:`ITEM_THRESHOLD` continue (best first, each item used once);
the newer briefing's unmatched items are *new*, the older's *dropped*.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from ..i18n import tr
from .folding import fold
from .measures import Measure, UnitMismatch, read_unit, shipped_measures
from .numbers import NumberFormatError, format_number, parse_number
from .records import Briefing, Indicator, Item, MeasuredFigure, Sector, pick

# The series' reading of a figure's period, of "cùng kỳ năm 2017" and of its implied range: one reading
# for both views, so a comparison and a series never disagree about what a figure says.
from .series import SeriesPoint, implied_points, shift_years, stated_point, years_back

if TYPE_CHECKING:
    from .store import BriefingStore

__all__ = ["REASONS", "ComparedFigure", "ComparisonRow", "ItemMatch", "ItemComparison", "Comparison", "LABEL_THRESHOLD",
           "ITEM_THRESHOLD", "compare_briefings", "comparison_json", "comparison_table", "word_score"]

#: Two labels look alike from this Jaccard score of their folded words ("doanh thu viễn thông phát sinh" and
#: "doanh thu dịch vụ viễn thông" share 4 of 8 words: 0,5).
LABEL_THRESHOLD = 0.5
#: A directive or limitation continues from this Jaccard score of its folded title words (same sector).
ITEM_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
#: Why a row is not comparable, or what is wrong with it (each one a ``compare.note.<reason>`` text).
REASONS = ("only_a", "only_b", "not_stated", "unit", "period_length", "different_measures", "no_measure", "disagree")


class ComparedFigure(NamedTuple):
    """One briefing's figure in a row. ``value`` is in the measure's unit (as written when there is none)."""

    briefing: str
    key: str
    measure: str | None
    label_vi: str
    label_en: str | None
    value: Decimal | None
    value_text: str | None
    unit_vi: str | None
    unit_en: str | None
    qualifier: str | None
    period: str | None  # "2017-H1", "2018-06-30"; None when the figure has no measure
    period_start: date | None  # a flow's first day
    period_end: date | None

    def label(self, lang: str) -> str:
        return pick(lang, self.label_vi, self.label_en)


class ComparisonRow(NamedTuple):
    """A measure in both briefings, or a pair of figures that look alike.

    ``reason`` says why a row is not comparable, for :meth:`note`: ``only_a`` / ``only_b`` (the other
    briefing has no such figure), ``not_stated``, ``different_measures`` (``other`` is the alike figure in
    the other briefing), ``no_measure`` (alike labels, a measure missing), ``period_length``,
    ``unit``; ``disagree`` marks a comparable row whose values do not fit the stated change.
    """

    measure: Measure | None
    a: ComparedFigure | None
    b: ComparedFigure | None
    change_pct: Decimal | None
    stated_change_pct: Decimal | None
    comparable: bool
    reason: str | None = None
    other: ComparedFigure | None = None
    #: for ``disagree``: the older value the stated change implies, in Vietnamese notation
    implied_text: str | None = None

    def label(self, lang: str) -> str:
        """The row's name: its measure's, else the figures' labels."""
        if self.measure is not None:
            return self.measure.name(lang)
        labels = [f.label(lang) for f in (self.a, self.b) if f is not None]
        return " / ".join(dict.fromkeys(labels))

    def note(self, lang: str = "en") -> str:
        """Why the row is not comparable (or where its figures disagree), in ``lang``; "" when there is nothing."""
        if self.reason is None:
            return ""
        mine = self.a or self.b
        values: dict[str, object] = {}
        if self.reason in ("different_measures", "no_measure"):
            this, other = (mine, self.other) if self.other is not None else (self.a, self.b)
            if this is not None and other is not None:
                values = {"this": this.label(lang), "other": other.label(lang), "briefing": other.briefing,
                          "other_measure": other.measure or "—"}
        elif self.reason == "period_length" and self.a is not None and self.b is not None:
            values = {"a": self.a.period or "", "b": self.b.period or ""}
        elif self.reason in ("only_a", "only_b") and mine is not None:
            values = {"briefing": mine.briefing}
        elif self.reason == "disagree":
            values = {"stated": format_number(self.stated_change_pct or Decimal(0), lang),
                      "implied": self.implied_text or ""}
        return tr(f"compare.note.{self.reason}", lang, **values)


class ItemMatch(NamedTuple):
    """A directive or limitation of A and the one of B it continues as, with their title score."""

    a: Item
    b: Item
    score: float


class ItemComparison(NamedTuple):
    """Which items continue, which are new (only in the newer briefing), which were dropped (only in the older)."""

    continued: list[ItemMatch]
    new: list[Item]
    dropped: list[Item]

    def silent_side(self) -> str | None:
        """Which briefing lists none of these items while the other does: "older" or "newer" (then nothing can be
        said to continue, be new or be dropped: a briefing cited by reference may carry figures only), else
        None (both list some, or neither does)."""
        if self.continued or (not self.new and not self.dropped):
            return None
        if not self.new:
            return "newer"
        if not self.dropped:
            return "older"
        return None


class Comparison(NamedTuple):
    """Two briefings compared (A and B in the order asked; ``newer`` is the one whose changes are stated)."""

    a: Briefing
    b: Briefing
    newer: str  # "a" or "b"
    rows: list[ComparisonRow]
    directives: ItemComparison
    limitations: ItemComparison
    sectors: dict[tuple[str, int], Sector]  # (briefing id, sector id) → sector, to name an item's sector

    def sector_of(self, item: Item, briefing_id: str) -> Sector | None:
        return self.sectors.get((briefing_id, item.sector_id))


def word_score(first: frozenset[str], second: frozenset[str]) -> float:
    """The Jaccard index of two sets of folded words (shared ÷ all), 0 when both are empty."""
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(text)))


# ------------------------------------------------------------------ figures
def _leading(indicators: list[Indicator]) -> dict[str, Indicator]:
    """{measure: the figure that leads it}: no enterprise first, then the shallowest, then source order."""
    out: dict[str, Indicator] = {}
    for indicator in indicators:
        if indicator.measure is None:
            continue
        held = out.get(indicator.measure)
        if held is None or (indicator.enterprise_id is None, -indicator.depth) > (held.enterprise_id is None,
                                                                                  -held.depth):
            out[indicator.measure] = indicator
    return out


def _measured(indicator: Indicator, briefing_id: str) -> MeasuredFigure:
    return MeasuredFigure(briefing_id, indicator.key, indicator.value, indicator.value_text, indicator.unit_vi,
                          indicator.qualifier, indicator.as_of, indicator.change_pct, indicator.change_qualifier,
                          indicator.same_period_pct, indicator.compared_with_vi)


def _briefing_period(briefing: Briefing) -> tuple[str, str | None, str | None, str | None]:
    return (briefing.period_vi, briefing.period_en, briefing.period_start, briefing.period_end)


class _Side:
    """One briefing's figures as the comparison reads them."""

    def __init__(self, briefing: Briefing, indicators: list[Indicator], catalogue: dict[str, Measure]):
        self.briefing = briefing
        self.indicators = indicators
        self.catalogue = catalogue
        self.leading = {m: i for m, i in _leading(indicators).items() if m in catalogue}
        self.points: dict[str, SeriesPoint | None] = {}

    def point(self, measure: Measure) -> SeriesPoint | None:
        if measure.id not in self.points:
            indicator = self.leading[measure.id]
            self.points[measure.id] = stated_point(measure, self.briefing.id, _measured(indicator, self.briefing.id),
                                              _briefing_period(self.briefing))
        return self.points[measure.id]

    def figure(self, indicator: Indicator) -> ComparedFigure:
        measure = self.catalogue.get(indicator.measure) if indicator.measure else None
        point = self.point(measure) if measure is not None and self.leading.get(measure.id) == indicator else None
        value = point.value if point is not None else indicator.value
        return ComparedFigure(self.briefing.id, indicator.key, indicator.measure, indicator.label_vi,
                              indicator.label_en, value, indicator.value_text, indicator.unit_vi, indicator.unit_en,
                              indicator.qualifier,
                              point.period if point else None, point.period_start if point else None,
                              point.period_end if point else None)


def _months(start: date, end: date) -> int | None:
    """A period's length in whole months (1 January … 30 June → 6), None if it is not whole months."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _same_length(first: SeriesPoint, second: SeriesPoint) -> bool:
    if first.period_start is None or second.period_start is None:
        return True  # stocks: levels at dates always compare
    months = _months(first.period_start, first.period_end), _months(second.period_start, second.period_end)
    if months[0] is not None and months[1] is not None:
        return months[0] == months[1]
    return (first.period_end - first.period_start) == (second.period_end - second.period_start)


def _change(old: Decimal, new: Decimal) -> Decimal | None:
    if old == 0:
        return None
    return ((new - old) / old * 100).quantize(Decimal("0.01"))


def _stated_change(measure: Measure, newer: _Side, older: _Side, older_point: SeriesPoint | None,
                   ) -> tuple[Decimal | None, SeriesPoint | None]:
    """The newer briefing's stated change for ``measure`` when it refers to the older's period, and the value
    that change implies for that period (None when it refers to something else)."""
    indicator = newer.leading.get(measure.id)
    point = newer.point(measure) if indicator is not None else None
    if indicator is None or point is None:
        return None, None
    back = years_back(_measured(indicator, newer.briefing.id), point.period_end.year)
    if back is None:
        return None, None
    end = shift_years(point.period_end, back)
    start = shift_years(point.period_start, back) if point.period_start else None
    target: tuple[date | None, date | None]
    if older_point is not None:
        target = (older_point.period_start, older_point.period_end)
    else:
        first, last = _day(older.briefing.period_start), _day(older.briefing.period_end)
        target = (first if measure.kind == "flow" else None, last)
    if (start, end) != target:
        return None, None
    if indicator.change_pct is not None:
        stated = indicator.change_pct
    elif indicator.same_period_pct is not None:
        stated = indicator.same_period_pct - 100
    else:
        return None, None
    implied = implied_points(measure, point, _measured(indicator, newer.briefing.id))
    return stated, (implied[0] if implied else None)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _measure_row(measure: Measure, a: _Side, b: _Side, newer_is_b: bool) -> ComparisonRow:
    in_a, in_b = measure.id in a.leading, measure.id in b.leading
    fa = a.figure(a.leading[measure.id]) if in_a else None
    fb = b.figure(b.leading[measure.id]) if in_b else None
    pa = a.point(measure) if in_a else None
    pb = b.point(measure) if in_b else None
    newer, older = (b, a) if newer_is_b else (a, b)
    older_point = pa if newer_is_b else pb
    stated, implied = _stated_change(measure, newer, older, older_point)
    if not (in_a and in_b):
        return ComparisonRow(measure, fa, fb, None, stated, False, "only_b" if in_b else "only_a")
    if pa is None or pb is None:
        unit = any(_unit_mismatch(side.leading[measure.id], measure) for side in (a, b))
        return ComparisonRow(measure, fa, fb, None, stated, False, "unit" if unit else "not_stated")
    if not _same_length(pa, pb):
        return ComparisonRow(measure, fa, fb, None, stated, False, "period_length")
    change = _change(pa.value, pb.value)
    if implied is not None and older_point is not None and (older_point.high < implied.low
                                                            or implied.high < older_point.low):
        return ComparisonRow(measure, fa, fb, change, stated, True, "disagree", implied_text=implied.value_text)
    return ComparisonRow(measure, fa, fb, change, stated, True)


def _unit_mismatch(indicator: Indicator, measure: Measure) -> bool:
    from .measures import convert

    if indicator.value is None or not indicator.unit_vi:
        return False
    try:
        convert(indicator.value, indicator.unit_vi, measure)
    except UnitMismatch:
        return True
    return False


class _Candidate(NamedTuple):
    indicator: Indicator
    words: frozenset[str]
    base: str


def _candidates(side: _Side, shared: set[str]) -> list[_Candidate]:
    """Figures that may look like one of the other briefing's: the leading figure of a measure the other lacks,
    and every figure naming no measure, with a value."""
    leading = {i.key for m, i in side.leading.items() if m not in shared}
    out = []
    for indicator in side.indicators:
        if indicator.value is None or not indicator.unit_vi:
            continue
        if indicator.key in leading or indicator.measure is None or indicator.measure not in side.catalogue:
            out.append(_Candidate(indicator, _words(indicator.label_vi), read_unit(indicator.unit_vi).base))
    return out


def _alike(a: _Side, b: _Side, shared: set[str]) -> list[tuple[Indicator, Indicator]]:
    """Pairs of figures that look alike (same thing counted, labels over :data:`LABEL_THRESHOLD`) but are not one
    measure, best score first, each figure in one pair at most."""
    by_base: dict[str, list[_Candidate]] = {}
    for candidate in _candidates(b, shared):
        by_base.setdefault(candidate.base, []).append(candidate)
    scored = []
    for first in _candidates(a, shared):
        for second in by_base.get(first.base, ()):
            if first.indicator.measure is not None and first.indicator.measure == second.indicator.measure:
                continue
            score = word_score(first.words, second.words)
            if score >= LABEL_THRESHOLD:
                scored.append((-score, first.indicator.position, second.indicator.position, first.indicator,
                               second.indicator))
    return [(first, second) for _score, first, second in _best_first(scored, lambda i: i.key)]


def _figure_rows(a: _Side, b: _Side, newer_is_b: bool) -> list[ComparisonRow]:
    shared = set(a.leading) & set(b.leading)
    rows: dict[str, ComparisonRow] = {}
    order = list(dict.fromkeys([*a.leading, *b.leading]))
    for measure_id in order:
        rows[measure_id] = _measure_row(a.catalogue[measure_id], a, b, newer_is_b)
    extra: list[ComparisonRow] = []
    follows: dict[str, list[ComparisonRow]] = {}
    for first, second in _alike(a, b, shared):
        fa, fb = a.figure(first), b.figure(second)
        if first.measure in rows and second.measure in rows:
            # two measures, each in one briefing only: each row names the other figure, and B's follows A's
            rows[first.measure] = rows[first.measure]._replace(reason="different_measures", other=fb)
            rows[second.measure] = rows[second.measure]._replace(reason="different_measures", other=fa)
            follows.setdefault(first.measure, []).append(rows.pop(second.measure))
        elif first.measure in rows:
            rows[first.measure] = rows[first.measure]._replace(reason="no_measure", other=fb)
        elif second.measure in rows:
            rows[second.measure] = rows[second.measure]._replace(reason="no_measure", other=fa)
        else:
            extra.append(ComparisonRow(None, fa, fb, None, None, False, "no_measure"))
    out = []
    for measure_id, row in rows.items():
        out.append(row)
        out.extend(follows.get(measure_id, ()))
    return out + extra


# ------------------------------------------------------------------ items
def _sector_names(sectors: list[Sector]) -> dict[int, tuple[str, str]]:
    return {s.id: (s.key, fold(s.name_vi)) for s in sectors}


def _match_items(older: list[Item], newer: list[Item], older_sectors: dict[int, tuple[str, str]],
                 newer_sectors: dict[int, tuple[str, str]]) -> tuple[list[tuple[Item, Item, float]], list[Item],
                                                                     list[Item]]:
    """(older, newer, score) pairs that continue, best first and each used once; then the newer's unmatched,
    then the older's, each in source order."""
    newer_words = [(item, _words(item.title_vi)) for item in newer]
    scored = []
    for old in older:
        old_words = _words(old.title_vi)
        old_key, old_name = older_sectors.get(old.sector_id, ("", ""))
        for new, words in newer_words:
            new_key, new_name = newer_sectors.get(new.sector_id, ("", ""))
            if old_key != new_key and old_name != new_name:
                continue
            score = word_score(old_words, words)
            if score >= ITEM_THRESHOLD:
                scored.append((-score, old.position, new.position, old, new))
    pairs = [(old, new, score) for score, old, new in _best_first(scored, lambda item: item.id)]
    pairs.sort(key=lambda p: p[1].position)
    used_old, used_new = {old.id for old, _, _ in pairs}, {new.id for _, new, _ in pairs}
    return pairs, [i for i in newer if i.id not in used_new], [i for i in older if i.id not in used_old]


def _items(section: str, store: BriefingStore, a: Briefing, b: Briefing, newer_is_b: bool,
           sectors: dict[str, list[Sector]]) -> ItemComparison:
    items_a, items_b = store.items(section, a.id), store.items(section, b.id)
    names_a, names_b = _sector_names(sectors[a.id]), _sector_names(sectors[b.id])
    if newer_is_b:
        pairs, new, dropped = _match_items(items_a, items_b, names_a, names_b)
        continued = [ItemMatch(old, new_item, round(score, 2)) for old, new_item, score in pairs]
    else:
        pairs, new, dropped = _match_items(items_b, items_a, names_b, names_a)
        continued = [ItemMatch(new_item, old, round(score, 2)) for old, new_item, score in pairs]
    return ItemComparison(continued, new, dropped)


# ------------------------------------------------------------------ the comparison
def _newer_is_b(a: Briefing, b: Briefing) -> bool:
    """B is the newer unless A's period ends later (or, ending together, starts later)."""
    def when(briefing: Briefing) -> tuple[str, str]:
        return (briefing.period_end or "", briefing.period_start or "")
    return not when(a) > when(b)


def compare_briefings(store: BriefingStore, a_id: str, b_id: str,
                      catalogue: dict[str, Measure] | None = None) -> Comparison:
    """Briefing ``a_id`` and briefing ``b_id`` of ``store`` compared: a row per measure (and per pair of
    alike-looking figures), the directives and the limitations that continue, are new or were dropped.

    Raises :class:`~briefing_app.data.store.StoreError` when either briefing is not in the database
    (its message names those that are), :class:`~briefing_app.data.measures.MeasureCatalogueError` when the
    catalogue cannot be read.
    """
    from .store import choose_briefing

    for wanted in (a_id, b_id):
        choose_briefing(store, wanted)  # one "has no briefing … (it has: …)" message for every command
    catalogue = shipped_measures() if catalogue is None else catalogue
    with store.read_transaction():
        a, b = store.briefing(a_id), store.briefing(b_id)
        side_a = _Side(a, store.indicators(a_id), catalogue)
        side_b = _Side(b, store.indicators(b_id), catalogue)
        newer_is_b = _newer_is_b(a, b)
        sectors = {a_id: store.sectors(a_id), b_id: store.sectors(b_id)}
        directives = _items("directives", store, a, b, newer_is_b, sectors)
        limitations = _items("limitations", store, a, b, newer_is_b, sectors)
    rows = _figure_rows(side_a, side_b, newer_is_b)
    by_id = {(bid, s.id): s for bid, listed in sectors.items() for s in listed}
    return Comparison(a, b, "b" if newer_is_b else "a", rows, directives, limitations, by_id)


# ------------------------------------------------------------------ output
def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _figure_json(figure: ComparedFigure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {"key": figure.key, "value": _number(figure.value), "value_text": figure.value_text,
            "qualifier": figure.qualifier, "period_end": figure.period_end.isoformat() if figure.period_end else None}


def _item_json(item: Item, comparison: Comparison, briefing_id: str) -> dict[str, Any]:
    sector = comparison.sector_of(item, briefing_id)
    return {"key": item.key, "number": item.number, "sector": sector.key if sector else None,
            "title": {"vi": item.title_vi, "en": item.title_en}}


def _items_json(items: ItemComparison, comparison: Comparison) -> dict[str, Any]:
    newer = comparison.b.id if comparison.newer == "b" else comparison.a.id
    older = comparison.a.id if comparison.newer == "b" else comparison.b.id
    return {
        "continued": [{"a": _item_json(m.a, comparison, comparison.a.id),
                       "b": _item_json(m.b, comparison, comparison.b.id), "score": m.score}
                      for m in items.continued],
        "new": [_item_json(i, comparison, newer) for i in items.new],
        "dropped": [_item_json(i, comparison, older) for i in items.dropped],
    }


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as ``briefing-app compare --json`` prints it (shape in docs/data-model.md, "Comparison")."""
    return {
        "a": comparison.a.id,
        "b": comparison.b.id,
        "rows": [{
            "measure": row.measure.id if row.measure else None,
            "a": _figure_json(row.a),
            "b": _figure_json(row.b),
            "change_pct": _number(row.change_pct),
            "stated_change_pct": _number(row.stated_change_pct),
            "comparable": row.comparable,
            "note": row.note("en"),
        } for row in comparison.rows],
        "directives": _items_json(comparison.directives, comparison),
        "limitations": _items_json(comparison.limitations, comparison),
    }


def figure_cell(figure: ComparedFigure | None, lang: str) -> str:
    """A figure as the other views word it, in its own unit: "ước tính 181.948 tỷ đồng" / "estimated 181,948
    billion VND"; "—" for no figure."""
    from .wording import qualifier_word

    if figure is None:
        return "—"
    if figure.value_text is None:
        return tr("report.not_stated", lang)
    try:
        number = format_number(parse_number(figure.value_text, "vi"), lang)
    except NumberFormatError:  # a range ("10-20") or text the store let through: shown as written
        number = figure.value_text
    unit = pick(lang, figure.unit_vi, figure.unit_en)
    qualifier = qualifier_word(figure.qualifier, lang) if figure.qualifier else ""
    return " ".join(filter(None, [qualifier, number, unit]))


def change_cell(change: Decimal | None, lang: str) -> str:
    """A percentage change with its sign ("+4,83%" / "−1.10%"); "—" for none."""
    if change is None:
        return "—"
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    return f"{sign}{format_number(abs(change), lang)}%"


def comparison_table(comparison: Comparison, lang: str = "en") -> str:
    """The comparison as aligned plain text (``briefing-app compare``): figures, then directives and limitations."""
    a, b = comparison.a, comparison.b
    newer = b.id if comparison.newer == "b" else a.id
    lines = [f"A: {a.id} — {a.period(lang)}", f"B: {b.id} — {b.period(lang)}",
             f"stated changes: as {newer} (the newer) states them", ""]
    table = [("measure", f"A ({a.id})", f"B ({b.id})", "change", "stated", "note")]
    for row in comparison.rows:
        table.append((row.measure.id if row.measure else row.label(lang), figure_cell(row.a, lang),
                      figure_cell(row.b, lang), change_cell(row.change_pct, lang),
                      change_cell(row.stated_change_pct, lang), row.note(lang)))
    if len(table) == 1:
        lines.append("no figures name a measure in either briefing")
    else:
        widths = [max(len(r[i]) for r in table) for i in range(len(table[0]) - 1)]
        lines += ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)) + "  " + r[-1] for r in table]
    older, newer_briefing = (a, b) if comparison.newer == "b" else (b, a)
    for name, items in (("directives", comparison.directives), ("limitations", comparison.limitations)):
        silent = items.silent_side()
        if silent is not None:
            quiet, other = (older, newer_briefing) if silent == "older" else (newer_briefing, older)
            lines += ["", f"{name}: {quiet.id} lists none, so none continued, is new or was dropped; "
                          f"{other.id} lists {len(items.new) + len(items.dropped)}"]
            lines += [f"  · {_item_text(item)}" for item in items.new + items.dropped]
            continue
        lines += ["", f"{name}: {len(items.continued)} continued, {len(items.new)} new, {len(items.dropped)} dropped"]
        for match in items.continued:
            lines.append(f"  = {match.score:.2f}  {_item_text(match.a)}  →  {_item_text(match.b)}")
        lines += [f"  + new      {_item_text(item)}" for item in items.new]
        lines += [f"  - dropped  {_item_text(item)}" for item in items.dropped]
    return "\n".join(line.rstrip() for line in lines)


def _item_text(item: Item) -> str:
    number = f"{item.number}. " if item.number else ""
    return f"{number}{item.title_vi} [{item.key}]"


def _best_first(scored: list[tuple[Any, ...]], identity: Callable[[Any], object]) -> list[tuple[Any, Any, Any]]:
    """Pairs from ``scored`` entries ``(-score, position_a, position_b, a, b)``: the best score first (ties by
    position), each side used at most once. Returns ``(score, a, b)``."""
    scored.sort(key=lambda entry: entry[:3])
    used_a: set[object] = set()
    used_b: set[object] = set()
    pairs = []
    for negative, _pa, _pb, a, b in scored:
        if identity(a) in used_a or identity(b) in used_b:
            continue
        used_a.add(identity(a))
        used_b.add(identity(b))
        pairs.append((-negative, a, b))
    return pairs

