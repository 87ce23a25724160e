"""Chart fills and tile borders reach 3:1 against their background, light and dark (issue #16.6, WCAG 1.4.11).

The contrast is computed from the colours actually painted: the bar brushes of a live chart against its plot's
background, the pack's bar colours against paper, the Overview tile border against the tab's base colour.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette, QPdfWriter

from briefing_app.chart_palette import DERIVED, MIN_CONTRAST, TILE_BORDER, contrast_ratio
from briefing_app.data.charts import change_chart, enterprise_chart
from briefing_app.report.style import Style
from briefing_app.ui.charts.chart_view import ChartView, series_colors


def palette(dark: bool) -> QPalette:
    """Qt's light palette, or a dark one as desktops give it (Fusion's dark Window and Base)."""
    colours = QPalette()
    if dark:
        for role, colour in ((QPalette.ColorRole.Window, "#353535"), (QPalette.ColorRole.Base, "#2d2d2d"),
                             (QPalette.ColorRole.WindowText, "#ffffff"), (QPalette.ColorRole.Text, "#ffffff")):
            colours.setColor(role, QColor(colour))
    return colours


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def dark(request):
    return request.param


def test_every_bar_fill_reaches_3_to_1_against_the_plot(qtbot, snapshot, dark):
    view = ChartView()
    qtbot.addWidget(view)
    view.setPalette(palette(dark))
    view.resize(640, 360)
    view.show()
    view.set_spec(enterprise_chart(snapshot), "vi")  # revenue and profit: the orange bar was 2.25:1 on white
    view.ensure_plot()
    background = view._plot.backgroundBrush().color().name()
    assert (QColor(background).lightness() < 128) == dark
    fills = {brush.color().name() for bar in view._bars if bar.isVisible() for brush in bar.opts["brushes"]}
    assert len(fills) == 2
    for fill in fills | {c.name() for c in series_colors(dark)} | {QColor(DERIVED).name()}:
        assert contrast_ratio(fill, background) >= MIN_CONTRAST, (fill, background)


def test_a_derived_bar_reaches_3_to_1_too(qtbot, snapshot, dark):
    view = ChartView()
    qtbot.addWidget(view)
    view.setPalette(palette(dark))
    dns = next(i for i in snapshot.indicators if i.value_text == "72.736.956.416")
    view.set_spec(change_chart(snapshot, dns), "vi")
    view.ensure_plot()
    background = view._plot.backgroundBrush().color().name()
    for brush in view._bars[0].opts["brushes"]:
        assert contrast_ratio(brush.color().name(), background) >= MIN_CONTRAST


def test_printed_bars_reach_3_to_1_on_paper(tmp_path):
    style = Style(QPdfWriter(str(tmp_path / "x.pdf")))
    for name in ("bar", "bar2", "bar3"):
        assert contrast_ratio(style.colour(name).name(), "#ffffff") >= MIN_CONTRAST, name


def test_overview_tile_borders_reach_3_to_1(open_tab, snapshot, dark):
    from briefing_app.ui.tabs.overview_tab import OverviewTab

    tab = open_tab(OverviewTab, snapshot)
    tab.setPalette(palette(dark))
    assert TILE_BORDER in tab.pane.toHtml()
    base = tab.pane.palette().color(QPalette.ColorRole.Base).name()
    assert contrast_ratio(TILE_BORDER, base) >= MIN_CONTRAST


def test_contrast_ratio_is_wcags():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#E69F00", "#ffffff"), 2) == 2.25  # Okabe–Ito orange, as the issue measured
