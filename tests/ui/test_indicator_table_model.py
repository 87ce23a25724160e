"""The indicator table model on its own (no widgets): texts, numbers, sorting data, tooltips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QSignalSpy

from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_app.i18n import tr
from briefing_app.ui.models.indicator_table_model import (
    COL_AS_OF,
    COL_CHANGE,
    COL_LABEL,
    COL_PLAN,
    COL_QUALIFIER,
    COL_UNIT,
    COL_VALUE,
    COLUMN_KEYS,
    SORT_ROLE,
    IndicatorTableModel,
)
from briefing_app.ui.tabs.indicators_tab import IndicatorFilterProxy


@pytest.fixture
def small_snapshot(small_db):
    with open_store(small_db) as store:
        yield load_snapshot(store, "test-2017")


def make_model(snapshot, lang="vi"):
    model = IndicatorTableModel()
    names = {e.id: e.short_name for e in snapshot.enterprises if e.short_name}
    model.set_rows(snapshot.indicators_in_tree_order(), lang, names)
    return model


def cell(model, key, column, role=Qt.ItemDataRole.DisplayRole):
    row = next(r for r in range(model.rowCount()) if model.indicator_at(r).key == key)
    return model.index(row, column).data(role)


def test_models_pass_the_model_tester(qtmodeltester, small_snapshot, snapshot):
    qtmodeltester.check(make_model(small_snapshot))
    model = make_model(snapshot, "en")
    qtmodeltester.check(model)
    model.set_language("vi")
    qtmodeltester.check(model)
    model.set_rows([], "vi")
    qtmodeltester.check(model)


def test_columns_and_headers_come_from_the_strings(qapp, small_snapshot):
    model = make_model(small_snapshot)
    assert model.columnCount() == 7 == len(COLUMN_KEYS)
    assert (COL_LABEL, COL_VALUE, COL_UNIT, COL_QUALIFIER, COL_PLAN, COL_CHANGE, COL_AS_OF) == tuple(range(7))
    for column, key in enumerate(COLUMN_KEYS):
        assert model.headerData(column, Qt.Orientation.Horizontal) == tr(key, "vi")
    model.set_language("en")
    assert model.headerData(COL_VALUE, Qt.Orientation.Horizontal) == "Value"
    assert model.headers() == [tr(key, "en") for key in COLUMN_KEYS]
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0


def test_values_in_each_languages_notation(qapp, small_snapshot):
    model = make_model(small_snapshot)
    assert cell(model, "telecom.revenue", COL_VALUE) == "213.355"
    assert cell(model, "telecom.revenue", COL_UNIT) == "tỷ đồng"
    assert cell(model, "telecom.revenue", COL_QUALIFIER) == "ước đạt"
    assert cell(model, "telecom.revenue", COL_PLAN) == "47,41%"
    assert cell(model, "telecom.dns", COL_VALUE) == "72.736.956.416"
    assert cell(model, "telecom.dns", COL_CHANGE) == "+13%"
    assert cell(model, "postal.radius", COL_VALUE) == "2,93"
    model.set_language("en")
    assert cell(model, "telecom.revenue", COL_VALUE) == "213,355"
    assert cell(model, "telecom.revenue", COL_UNIT) == "billion VND"
    assert cell(model, "telecom.revenue", COL_QUALIFIER) == "estimated"
    assert cell(model, "telecom.revenue", COL_PLAN) == "47.41%"
    assert cell(model, "postal.radius", COL_VALUE) == "2.93"


def test_set_language_announces_every_cell_and_header(qapp, small_snapshot):
    model = make_model(small_snapshot)
    data_spy = QSignalSpy(model.dataChanged)
    header_spy = QSignalSpy(model.headerDataChanged)
    reset_spy = QSignalSpy(model.modelReset)
    model.set_language("en")
    assert data_spy.count() == 1 and header_spy.count() == 1 and reset_spy.count() == 0
    top_left, bottom_right = data_spy.at(0)[0], data_spy.at(0)[1]
    assert (top_left.row(), top_left.column()) == (0, 0)
    assert (bottom_right.row(), bottom_right.column()) == (model.rowCount() - 1, model.columnCount() - 1)


def test_set_rows_resets_the_model(qapp, small_snapshot):
    model = IndicatorTableModel()
    spy = QSignalSpy(model.modelReset)
    model.set_rows(small_snapshot.indicators, "vi")
    assert spy.count() == 1 and model.rowCount() == len(small_snapshot.indicators)


def test_parts_are_indented_under_their_total(qapp, small_snapshot):
    model = make_model(small_snapshot)
    labels = [model.index(r, COL_LABEL).data() for r in range(model.rowCount())]
    assert labels[:3] == ["Điểm phục vụ", "    ↳ Bưu cục", "    ↳ Đại lý"]
    deep = small_snapshot.indicators[1]._replace(depth=2)
    assert model.cell_text(deep, COL_LABEL) == "        ↳ Bưu cục"
    assert model.cell_text(deep, COL_LABEL, indent=False) == "Bưu cục"
    # Totals with parts are bold; others use the view's font.
    assert model.index(0, COL_LABEL).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, COL_LABEL).data(Qt.ItemDataRole.FontRole) is None


def test_lookups_by_row_and_id(qapp, small_snapshot):
    model = make_model(small_snapshot)
    revenue = next(i for i in small_snapshot.indicators if i.key == "telecom.revenue")
    row = model.row_of(revenue.id)
    assert model.indicator_at(row) == revenue
    assert model.row_of(99999) == -1
    assert model.indicator_at(-1) is None and model.indicator_at(model.rowCount()) is None


def test_enterprise_tells_shared_labels_apart(qapp, small_snapshot):
    model = make_model(small_snapshot)
    assert cell(model, "telecom.revenue", COL_LABEL) == "Doanh thu viễn thông (VNPT)"
    plain = IndicatorTableModel()
    plain.set_rows(small_snapshot.indicators, "vi")
    assert cell(plain, "telecom.revenue", COL_LABEL) == "Doanh thu viễn thông"


def test_numbers_are_right_aligned(qapp, small_snapshot):
    model = make_model(small_snapshot)
    right = Qt.AlignmentFlag.AlignRight
    for column in (COL_VALUE, COL_PLAN, COL_CHANGE):
        assert Qt.AlignmentFlag(model.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole)) & right
    assert not Qt.AlignmentFlag(model.index(0, COL_LABEL).data(Qt.ItemDataRole.TextAlignmentRole)) & right


def test_sort_role_gives_numbers_and_folded_text(qapp, small_snapshot):
    model = make_model(small_snapshot)
    assert cell(model, "telecom.revenue", COL_VALUE, SORT_ROLE) == 213355.0
    assert cell(model, "telecom.dns", COL_VALUE, SORT_ROLE) == 72736956416.0
    assert cell(model, "postal.radius", COL_VALUE, SORT_ROLE) == pytest.approx(2.93)
    assert cell(model, "telecom.revenue", COL_PLAN, SORT_ROLE) == pytest.approx(47.41)
    assert cell(model, "telecom.dns", COL_CHANGE, SORT_ROLE) == 13.0
    assert cell(model, "postal.points", COL_PLAN, SORT_ROLE) is None
    assert cell(model, "postal.points", COL_CHANGE, SORT_ROLE) is None
    assert cell(model, "telecom.dns", COL_LABEL, SORT_ROLE) == "truy van ten mien"
    assert cell(model, "postal.points", COL_LABEL, SORT_ROLE) == "diem phuc vu"


def test_sort_role_orders_periods_by_their_end(qapp, snapshot):
    model = make_model(snapshot)
    keys = {model.indicator_at(r).as_of: model.index(r, COL_AS_OF).data(SORT_ROLE) for r in range(model.rowCount())}
    assert keys["2016-H1"] < keys["2017-06-30"] <= keys["2017-H1"] < keys["2017"]
    assert keys["2016-H1"] < keys["2017-06"] < keys["2017"]
    assert keys[None] is None


def test_proxy_sorts_numbers_with_blanks_last(qapp, snapshot):
    model = make_model(snapshot)
    proxy = IndicatorFilterProxy()
    proxy.setSourceModel(model)

    def column(col):
        return [proxy.index(r, col).data(SORT_ROLE) for r in range(proxy.rowCount())]

    proxy.sort(COL_VALUE, Qt.SortOrder.DescendingOrder)
    values = column(COL_VALUE)
    stated = [v for v in values if v is not None]
    assert values == stated + [None] * (len(values) - len(stated))
    assert stated == sorted(stated, reverse=True) and stated[0] == 72736956416.0
    proxy.sort(COL_VALUE, Qt.SortOrder.AscendingOrder)
    values = column(COL_VALUE)
    assert values[: len(stated)] == sorted(stated) and values[len(stated):] == [None] * (len(values) - len(stated))
    proxy.sort(COL_PLAN, Qt.SortOrder.AscendingOrder)
    plans = [v for v in column(COL_PLAN) if v is not None]
    assert plans == sorted(plans) and column(COL_PLAN)[-1] is None
    proxy.sort(-1)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == \
        [model.index(r, 0).data() for r in range(model.rowCount())]


def test_change_texts(qapp, small_snapshot):
    model = make_model(small_snapshot)
    dns = next(i for i in small_snapshot.indicators if i.key == "telecom.dns")
    about = dns._replace(change_pct=Decimal("15"), change_qualifier="khoảng")
    assert model.cell_text(about, COL_CHANGE) == "khoảng +15%"
    down = dns._replace(change_pct=Decimal("-5.5"))
    assert model.cell_text(down, COL_CHANGE) == "−5,5%"
    same = dns._replace(change_pct=None, same_period_pct=Decimal("106"), compared_with_vi="cùng kỳ")
    text = model.cell_text(same, COL_CHANGE)
    assert "106%" in text and "cùng kỳ" in text and len(text) <= 24
    model.set_language("en")
    assert model.cell_text(about, COL_CHANGE) == "about +15%"
    assert "106%" in model.cell_text(same, COL_CHANGE)
    assert model.cell_text(dns._replace(change_pct=None), COL_CHANGE) == ""


def test_stated_comparisons_of_the_bundled_briefing(qapp, snapshot):
    model = make_model(snapshot)
    assert cell(model, "it_industry.revenue", COL_CHANGE) == "khoảng +15%"
    assert cell(model, "vnpt.revenue", COL_CHANGE).startswith("106%")
    assert cell(model, "vnpt.revenue", COL_CHANGE, SORT_ROLE) == 6.0
    assert cell(model, "telecom.revenue", COL_AS_OF) == "6 tháng đầu năm 2017"
    model.set_language("en")
    assert cell(model, "telecom.revenue", COL_AS_OF) == "first half of 2017"


def test_tooltip_is_the_escaped_source_sentence(qapp, small_snapshot):
    model = IndicatorTableModel()
    revenue = next(i for i in small_snapshot.indicators if i.key == "telecom.revenue")
    tricky = revenue._replace(source_text='<b>x</b> & "y" <img src="http://example.com/a.png">')
    model.set_rows([revenue, tricky], "vi")
    assert model.index(0, COL_VALUE).data(Qt.ItemDataRole.ToolTipRole) == f"<p>{revenue.source_text}</p>"
    tip = model.index(1, COL_LABEL).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == ("<p>&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; "
                   "&lt;img src=&quot;http://example.com/a.png&quot;&gt;</p>")


def test_display_is_literal_text(qapp, small_snapshot):
    model = IndicatorTableModel()
    revenue = next(i for i in small_snapshot.indicators if i.key == "telecom.revenue")
    model.set_rows([revenue._replace(label_vi="<b>x</b>")], "vi")
    index = model.index(0, COL_LABEL)
    assert index.data() == "<b>x</b>"
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "<b>x</b>"
    assert model.flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_sort_role_ends_a_quarter_on_its_real_last_day(qapp, small_snapshot):
    """``2017-Q2`` ends on 30 June (it sorted as the impossible ``2017-06-31``, after every June day)."""
    rows = small_snapshot.indicators_in_tree_order()
    periods = ["2017-Q2", "2017-06-30", "2017-07-01", "2017-Q1", "2017-03-31", "2017-Q4"]
    model = IndicatorTableModel()
    model.set_rows([row._replace(as_of=period) for row, period in zip(rows, periods)], "vi", {})
    keys = {model.indicator_at(r).as_of: model.index(r, COL_AS_OF).data(SORT_ROLE) for r in range(model.rowCount())}
    assert keys["2017-Q2"] == keys["2017-06-30"] < keys["2017-07-01"] < keys["2017-Q4"]
    assert keys["2017-Q1"] == keys["2017-03-31"]
