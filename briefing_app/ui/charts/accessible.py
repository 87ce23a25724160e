"""What a screen reader says of a chart: its name (the title), a description of what it shows, and buttons that
name their chart ("Export chart: Enterprise revenue and profit"), since a tab shows several charts whose
buttons would otherwise all be read as "Export".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...data.charts import ChartSpec
from ...i18n import tr, tr_n
from ...text_limits import elide

if TYPE_CHECKING:
    from .chart_view import ChartView

__all__ = ["chart_description", "name_chart"]


def chart_description(spec: ChartSpec, lang: str) -> str:
    """What ``spec`` shows, in words: kind, how many items or periods, unit, the largest (or latest) value,
    the series when there are several, and where every value can be read."""
    unit = spec.unit(lang)
    if spec.kind == "series":
        stated = spec.series[0]
        last = max((c for c, v in enumerate(stated.values) if v is not None), default=len(spec.categories) - 1)
        text = tr("chart.a11y.series", lang,
                  points=tr_n("chart.a11y.periods", len(spec.categories), lang),
                  first=spec.categories[0].label(lang), last=spec.categories[-1].label(lang), unit=unit,
                  latest=f"{spec.categories[last].label(lang)}, {stated.text(last, lang)}")
    else:
        values = [(v, c, s) for s, series in enumerate(spec.series) for c, v in enumerate(series.values)
                  if v is not None]
        _value, c, s = max(values)
        text = tr("chart.a11y.bars", lang, items=tr_n("chart.a11y.items", len(spec.categories), lang), unit=unit,
                  largest=f"{spec.categories[c].label(lang)}, {spec.series[s].text(c, lang)}")
        if len(spec.series) > 1:
            names = ", ".join(series.name(lang) for series in spec.series)
            text += " " + tr("chart.a11y.series_names", lang, names=names)
    return elide(text + " " + tr("chart.a11y.table_hint", lang), 600)


def name_chart(view: ChartView, spec: ChartSpec | None, lang: str) -> None:
    """Give the chart, its plot, its table and its buttons names that say which chart they belong to."""
    title = elide(spec.title(lang)) if spec is not None else ""
    description = chart_description(spec, lang) if spec is not None and not spec.is_empty() else ""
    view.setAccessibleName(title)
    view.setAccessibleDescription(description)
    plot = view._plot_widget()
    if plot is not None:
        plot.setAccessibleName(title)
        plot.setAccessibleDescription(description)
    for widget, plain, named in ((view.table_button, "chart.show_table", "chart.show_table_named"),
                                 (view.reset_button, "chart.reset", "chart.reset_named"),
                                 (view.export_button, "chart.export", "chart.export_named")):
        widget.setAccessibleName(tr(named, lang, title=title) if title else tr(plain, lang))
    if view._table is not None:
        view._table.setAccessibleName(tr("chart.table_named", lang, title=title) if title else tr("chart.table", lang))
