"""Chart specifications: what each chart shows, taken from the stated data."""

import pytest

from briefing_app.data.charts import (
    change_chart,
    enterprise_chart,
    indicator_chart,
    overview_charts,
    plan_chart,
    sector_chart,
)
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store


@pytest.fixture(scope="module")
def snapshot(bundled_db):
    with open_store(bundled_db) as store:
        yield load_snapshot(store, "mic-2017-h1")


def by_value(snapshot, text):
    return next(i for i in snapshot.indicators if i.value_text == text)


def test_overview_has_the_breakdowns_enterprises_and_plan(snapshot):
    charts = {c.key.split(":")[0] + ":" + c.title_en: c for c in overview_charts(snapshot)}
    titles = [c.title_vi for c in overview_charts(snapshot)]
    assert "Điểm phục vụ của mạng lưới bưu chính công cộng" in titles
    assert "Tổng số thuê bao điện thoại" in titles
    assert "Cơ quan báo, tạp chí in được cấp phép" in titles
    postal = next(c for c in overview_charts(snapshot) if c.title_vi.startswith("Điểm phục vụ"))
    assert postal.series[0].values == (12783.0, 64.0, 760.0, 1973.0, 8098.0, 434.0, 43.0, 1537.0)
    assert postal.notes_vi and "12.909" in postal.notes_vi[0]
    assert any(k.startswith("enterprises") for k in charts) and any(k.startswith("plan") for k in charts)


def test_enterprise_chart_groups_revenue_and_profit(snapshot):
    chart = enterprise_chart(snapshot)
    assert [c.label_vi for c in chart.categories] == ["VNPT", "Viettel", "MobiFone", "VietnamPost"]
    revenue, profit = chart.series
    assert revenue.values == (68000.0, 117714.0, 21300.0, 7485.0)
    assert profit.values[3] is None and profit.texts_vi[0] == "2.390 tỷ đồng"
    assert chart.unit_en == "billion VND"


def test_plan_chart_aims_at_one_hundred(snapshot):
    chart = plan_chart(snapshot, list(snapshot.indicators))
    assert chart.target == 100.0
    assert chart.series[0].values[0] == 47.41 and chart.series[0].texts_vi[0] == "47,41%"


def test_change_chart_marks_the_implied_value_as_derived(snapshot):
    dns = by_value(snapshot, "72.736.956.416")
    chart = change_chart(snapshot, dns)
    derived, stated = chart.series
    assert derived.derived and not stated.derived
    assert round(derived.values[0]) == round(72736956416 / 1.13)
    assert "(suy ra)" in derived.texts_vi[0] and stated.texts_en[1] == "72,736,956,416 queries"


def test_indicator_chart_picks_parts_then_change_then_plan(snapshot):
    assert indicator_chart(snapshot, by_value(snapshot, "193")).key.startswith("parts:")
    # Its only part (hardware, 91 %) is in another unit, so the change on last year is charted.
    assert indicator_chart(snapshot, by_value(snapshot, "31,34")).key.startswith("change:")
    assert indicator_chart(snapshot, by_value(snapshot, "7,59")).key.startswith("change:")
    assert indicator_chart(snapshot, by_value(snapshot, "213.355")).key.startswith("plan:")
    assert indicator_chart(snapshot, by_value(snapshot, "150")) is None


def test_sector_chart_keeps_one_unit(snapshot):
    telecom = by_value(snapshot, "213.355").sector_id
    chart = sector_chart(snapshot, telecom)
    assert chart.unit_vi == "triệu thuê bao"
    assert len({c.label_vi for c in chart.categories}) == len(chart.categories) >= 4
