"""Screen readers (issue #16.4): every chart is named by its title and described by what it shows, and its
"Show as table / Reset zoom / Export" buttons name their chart, so that a tab of several charts is not read
as "Export, Export, Export"."""

from __future__ import annotations

import pytest

from briefing_app.data.charts import enterprise_chart, series_chart
from briefing_app.data.series import build_series
from briefing_app.data.store import open_store
from briefing_app.ui.charts.chart_view import ChartView
from briefing_app.ui.tabs.enterprises_tab import EnterprisesTab
from briefing_app.ui.tabs.overview_tab import OverviewTab

BUTTONS = {"vi": ("Xem dạng bảng: {}", "Đặt lại thu phóng: {}", "Xuất biểu đồ: {}"),
           "en": ("Show as table: {}", "Reset zoom: {}", "Export chart: {}")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_of_a_tab_and_its_buttons_name_the_chart(qtbot, state, snapshot, open_tab, lang):
    state.set_language(lang)
    for tab_class in (OverviewTab, EnterprisesTab):
        tab = open_tab(tab_class, snapshot)
        def charted(tab=tab):
            return [c for c in tab.findChildren(ChartView) if not c.is_empty()]

        qtbot.waitUntil(lambda: len(charted()) >= 2)
        charts = charted()
        for chart in charts:
            title = chart.spec.title(lang)
            assert chart.accessibleName() == title
            assert chart.spec.unit(lang) in chart.accessibleDescription()
            buttons = (chart.table_button, chart.reset_button, chart.export_button)
            assert [b.accessibleName() for b in buttons] == [text.format(title) for text in BUTTONS[lang]]
        names = [c.export_button.accessibleName() for c in charts]
        assert len(set(names)) == len(names)


def test_a_bar_chart_is_described_by_its_items_largest_value_and_series(qtbot, snapshot):
    view = ChartView()
    qtbot.addWidget(view)
    view.set_spec(enterprise_chart(snapshot), "en")
    assert view.accessibleDescription() == (
        "Horizontal bar chart of 4 items, in billion VND. Largest: Viettel, 117,714 billion VND. "
        "Series: Revenue, Profit. “Show as table” lists every value.")
    view.set_spec(enterprise_chart(snapshot), "vi")
    assert view.accessibleDescription().startswith("Biểu đồ thanh ngang gồm 4 mục, đơn vị tỷ đồng. "
                                                   "Lớn nhất: Viettel, 117.714 tỷ đồng.")
    view.show_as_table(True)
    assert view.table.accessibleName() == "Bảng số liệu của biểu đồ: Doanh thu và lợi nhuận của doanh nghiệp"


def test_a_chart_over_time_is_described_by_its_periods_and_latest_value(qtbot, bundled_db):
    with open_store(bundled_db) as store:
        spec = series_chart(build_series(store, "ict.budget_contribution"))
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show()
    view.set_spec(spec, "en")
    view.ensure_plot()
    qtbot.waitUntil(lambda: view.series_plot is not None)
    description = view.accessibleDescription()
    assert description.startswith(f"Chart over time of {len(spec.categories)} periods, from "
                                  f"{spec.categories[0].label('en')} to {spec.categories[-1].label('en')}")
    assert "Latest: " in description
    assert view.series_plot.widget.accessibleName() == spec.title("en")
    assert view.series_plot.widget.accessibleDescription() == description
