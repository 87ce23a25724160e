"""The enterprise table model: one row per enterprise, figures per metric, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing_app.data.snapshot import Snapshot, load_snapshot
from briefing_app.data.store import open_store
from briefing_app.ui.models.enterprise_table_model import (
    SORT_ROLE,
    ColumnKey,
    EnterpriseSortProxy,
    EnterpriseTableModel,
)

TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def bundled(bundled_db) -> Snapshot:
    with open_store(bundled_db) as store:
        return load_snapshot(store, "mic-2017-h1")


@pytest.fixture
def model(qapp, bundled) -> EnterpriseTableModel:
    model = EnterpriseTableModel()
    model.set_rows(bundled, "vi")
    return model


def row_named(model: EnterpriseTableModel, name: str) -> int:
    for row in range(model.rowCount()):
        if model.index(row, model.COL_ENTERPRISE).data() == name:
            return row
    raise AssertionError(f"no row {name!r}")


def cell(model: EnterpriseTableModel, name: str, metric: str, kind: str = "value", role=Qt.ItemDataRole.DisplayRole):
    column = model.column_of(ColumnKey(metric, kind))
    assert column > 0, (metric, kind)
    return model.index(row_named(model, name), column).data(role)


def test_model_passes_the_model_tester(qtmodeltester, model, bundled):
    qtmodeltester.check(model)
    model.set_language("en")
    qtmodeltester.check(model)
    model.set_rows(None, "vi")
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.columnCount() == 1


def test_one_row_per_enterprise_with_short_names(model, bundled):
    assert model.rowCount() == len(bundled.enterprises) == 6
    names = [model.index(r, model.COL_ENTERPRISE).data() for r in range(model.rowCount())]
    assert names == ["VNPT", "Viettel", "MobiFone", "VTC", "VietnamPost", "Vietnamobile"]
    assert [model.enterprise_at(r).key for r in range(6)] == [e.key for e in bundled.enterprises]
    assert model.enterprise_at(6) is None


def test_columns_come_from_the_data_in_metric_order(model):
    keys = [model.column_key(c) for c in range(model.columnCount())]
    metrics = []
    for key in keys[1:]:
        if key.metric not in metrics:
            metrics.append(key.metric)
    assert keys[0] == ColumnKey(None)
    assert metrics == ["revenue", "profit", "budget", "subscribers"]
    assert {k.kind for k in keys if k.metric == "revenue"} == {"value", "plan", "change"}
    assert [k.kind for k in keys if k.metric == "subscribers"] == ["value"]
    assert model.headerData(model.column_of(ColumnKey("revenue", "plan")), Qt.Orientation.Horizontal) == \
        "Doanh thu\n% kế hoạch"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Doanh nghiệp"


def test_figures_in_vietnamese_and_english(model):
    assert cell(model, "VNPT", "profit") == "2.390 tỷ đồng"
    assert cell(model, "VNPT", "profit", "plan") == "50,4%"
    assert cell(model, "VNPT", "profit", "change") == "+15,5%"
    assert cell(model, "VNPT", "revenue", "change") == "106% cùng kỳ"
    assert cell(model, "Viettel", "revenue") == "117.714 tỷ đồng"
    assert cell(model, "Viettel", "subscribers") == "gần 100 triệu thuê bao"
    model.set_language("en")
    assert cell(model, "VNPT", "profit") == "2,390 billion VND"
    assert cell(model, "VNPT", "profit", "plan") == "50.4%"
    assert cell(model, "VNPT", "profit", "change") == "+15.5%"
    assert cell(model, "Viettel", "revenue") == "117,714 billion VND"
    assert cell(model, "Viettel", "subscribers") == "nearly 100 million subscribers"
    assert model.headerData(model.column_of(ColumnKey("profit", "value")), Qt.Orientation.Horizontal) == \
        "Profit\nValue"


def test_language_change_signals_views(qtbot, model):
    with qtbot.waitSignals([model.dataChanged, model.headerDataChanged]):
        model.set_language("en")


def test_not_stated_cells_show_a_dash(model):
    row = row_named(model, "Vietnamobile")
    for column in range(1, model.columnCount()):
        assert model.index(row, column).data() == "—"
        assert model.indicator_at(row, column) is None
        assert model.index(row, column).data(TOOLTIP) is None
    assert cell(model, "VTC", "revenue") == "—"
    assert cell(model, "VietnamPost", "profit") == "—"


def test_vtc_states_only_percent_of_plan(model):
    assert cell(model, "VTC", "revenue", "plan") == "44%"
    assert cell(model, "VTC", "profit", "plan") == "51%"
    row = row_named(model, "VTC")
    indicator = model.indicator_at(row, model.column_of(ColumnKey("revenue", "value")))
    assert indicator is not None and indicator.key == "vtc.revenue"
    assert model.indicator_at(row, model.COL_ENTERPRISE) is None


def test_second_result_for_a_metric_goes_in_the_tooltip(model):
    # VietnamPost states the half-year profit change and the whole-year one
    assert cell(model, "VietnamPost", "profit", "change") == "+34%"
    row = row_named(model, "VietnamPost")
    column = model.column_of(ColumnKey("profit", "change"))
    assert model.indicator_at(row, column).key == "vietnampost.profit"
    assert [i.key for i in model.results_at(row, column)] == ["vietnampost.profit", "vietnampost.profit_2017"]
    tip = model.index(row, column).data(TOOLTIP)
    assert "38%" in tip and "2016" in tip


def test_tooltip_is_the_escaped_source_sentence(model, bundled):
    row = row_named(model, "VNPT")
    indicator = model.indicator_at(row, model.column_of(ColumnKey("profit", "value")))
    tip = cell(model, "VNPT", "profit", role=TOOLTIP)
    assert tip == f"<p>{indicator.source_text}</p>"  # the sentence has nothing to escape

    # text from the database is never markup
    hostile = [i._replace(source_text='<b>bold</b> & <a href="x">link</a>')
               if i.enterprise_id == indicator.enterprise_id else i for i in bundled.indicators]
    model.set_rows(bundled.replace(indicators=hostile), "vi")
    tip = cell(model, "VNPT", "profit", role=TOOLTIP)
    assert tip == "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href=&quot;x&quot;&gt;link&lt;/a&gt;</p>"
    assert "<b>" not in tip


def test_sort_role_gives_numbers_and_none(model):
    assert cell(model, "Viettel", "revenue", role=SORT_ROLE) == pytest.approx(117714)
    assert cell(model, "VNPT", "profit", "plan", role=SORT_ROLE) == pytest.approx(50.4)
    assert cell(model, "VNPT", "profit", "change", role=SORT_ROLE) == pytest.approx(15.5)
    assert cell(model, "VNPT", "revenue", "change", role=SORT_ROLE) == pytest.approx(6)  # 106% of same period
    assert cell(model, "Vietnamobile", "revenue", role=SORT_ROLE) is None
    assert cell(model, "VTC", "revenue", role=SORT_ROLE) is None


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_proxy_sorts_numbers_and_keeps_missing_figures_last(model, order):
    proxy = EnterpriseSortProxy()
    proxy.setSourceModel(model)
    column = model.column_of(ColumnKey("revenue", "value"))
    proxy.sort(column, order)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    stated = ["VietnamPost", "MobiFone", "VNPT", "Viettel"]
    if order == Qt.SortOrder.DescendingOrder:
        stated.reverse()
    assert names == stated + ["VTC", "Vietnamobile"]  # not stated: last, in source order


def test_small_briefing_has_only_its_metrics(qapp, small_db):
    with open_store(small_db) as store:
        snapshot = load_snapshot(store, "test-2017")
    model = EnterpriseTableModel()
    model.set_rows(snapshot, "en")
    assert [model.column_key(c) for c in range(model.columnCount())] == [
        ColumnKey(None), ColumnKey("revenue", "value"), ColumnKey("revenue", "plan")]
    assert model.index(0, 1).data() == "estimated 213,355 billion VND"
    assert model.index(0, 2).data() == "47.41%"
