"""Live charts: bars equal the data, hover text, click-to-select both ways, table view, export."""

import pytest
from PySide6.QtCore import QPointF, Qt

from briefing_app.data.charts import change_chart, enterprise_chart, overview_charts
from briefing_app.ui.charts.axis import tick_strings
from briefing_app.ui.charts.chart_view import ChartView, wrap_label


@pytest.fixture
def view(qtbot):
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(640, 360)
    chart.show()
    return chart


def postal(snapshot):
    return next(c for c in overview_charts(snapshot) if c.title_vi.startswith("Điểm phục vụ"))


def test_bars_equal_the_data(qtbot, view, snapshot):
    spec = postal(snapshot)
    view.resize(640, 480)  # rows tall enough for labels on two lines
    view.set_spec(spec, "vi")
    view.ensure_plot()
    [bar] = [b for b in view._bars if b.isVisible()]
    assert list(bar.opts["width"]) == [12783.0, 64.0, 760.0, 1973.0, 8098.0, 434.0, 43.0, 1537.0]
    ticks = view._plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks][0] == "Điểm phục vụ của mạng lưới\nbưu chính công cộng"
    labels = [item.toPlainText() for item in view._labels if item.isVisible()]
    assert labels[:3] == ["12.783", "64", "760"]
    view.set_spec(spec, "en")
    labels = [item.toPlainText() for item in view._labels if item.isVisible()]
    assert labels[0] == "12,783"
    assert view.title.text() == "Service points of the public postal network"


def test_unchanged_data_is_not_redrawn(qtbot, view, snapshot):
    spec = postal(snapshot)
    view.set_spec(spec, "vi")
    view.ensure_plot()
    count = view.redraw_count
    items = list(view._bars)
    view.set_spec(postal(snapshot), "vi")
    assert view.redraw_count == count
    view.set_spec(enterprise_chart(snapshot), "vi")
    assert view.redraw_count == count + 1
    # The same plot items are updated, not replaced.
    assert view._bars[: len(items)] == items


def test_hover_text_has_exact_value_unit_and_qualifier(qtbot, view, snapshot):
    chart = next(c for c in overview_charts(snapshot) if c.title_vi == "Tổng số thuê bao điện thoại")
    view.set_spec(chart, "vi")
    view.ensure_plot()
    rect = view.bar_rect(1, 0)
    assert view.bar_at(rect.center().x(), rect.center().y()) == (1, 0)
    assert view.hover_text(1, 0) == "Thuê bao 2G\nkhoảng 68,8 triệu thuê bao"
    assert view.hover_text(0, 0) == "Tổng số thuê bao điện thoại\nhơn 130 triệu thuê bao"
    view.set_spec(chart, "en")
    assert view.hover_text(1, 0) == "2G subscribers\nabout 68.8 million subscribers"


def test_derived_bar_is_marked(qtbot, view, snapshot):
    dns = next(i for i in snapshot.indicators if i.value_text == "72.736.956.416")
    view.set_spec(change_chart(snapshot, dns), "vi")
    view.ensure_plot()
    assert "(suy ra)" in view.hover_text(0, 0) and "Giá trị suy ra" in view.hover_text(0, 0)
    derived_bar = view._bars[0]
    assert derived_bar.opts["brushes"][0].style() == Qt.BrushStyle.BDiagPattern
    assert [i.toPlainText() for i in view._labels if i.isVisible()][0].endswith("*")


def test_clicking_a_bar_emits_its_item(qtbot, view, snapshot):
    spec = postal(snapshot)
    view.set_spec(spec, "vi")
    view.ensure_plot()
    qtbot.waitUntil(lambda: view._plot.isVisible())
    rect = view.bar_rect(4, 0)
    vb = view._plot.getPlotItem().vb
    scene_point = vb.mapViewToScene(QPointF(rect.center().x() / 2, rect.center().y()))
    widget_point = view._plot.mapFromScene(scene_point)
    with qtbot.waitSignal(view.bar_clicked) as blocker:
        qtbot.mouseClick(view._plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    assert blocker.args == list(spec.categories[4].ref)


def test_show_as_table_lists_every_value(qtbot, view, snapshot):
    view.set_spec(enterprise_chart(snapshot), "vi")
    qtbot.mouseClick(view.table_button, Qt.MouseButton.LeftButton)
    assert view.is_showing_table()
    table = view.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Mục", "Doanh thu", "Lợi nhuận"]
    assert table.item(1, 0).text() == "Viettel" and table.item(1, 1).text() == "117.714 tỷ đồng"
    assert table.item(3, 2).text() == "—"
    qtbot.mouseClick(view.table_button, Qt.MouseButton.LeftButton)
    assert not view.is_showing_table()


def test_export_png_and_svg(qtbot, view, snapshot, tmp_path):
    view.set_spec(postal(snapshot), "vi")
    view.export(str(tmp_path / "chart.png"), "png")
    view.export(str(tmp_path / "chart.svg"), "svg")
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "<path" in svg
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png", "chart.svg"]
    with pytest.raises(OSError):
        view.export(str(tmp_path / "missing" / "x.svg"), "svg")
    assert not (tmp_path / "missing").exists()


def test_chart_text_is_never_markup(qtbot, view, snapshot):
    import dataclasses

    spec = postal(snapshot)
    spec = dataclasses.replace(spec, title_vi="<b>x</b>", unit_vi="<i>u</i>")
    view.set_spec(spec, "vi")
    view.ensure_plot()
    assert view.title.text() == "<b>x</b>" and view.title.textFormat() == Qt.TextFormat.PlainText
    assert view._plot.getPlotItem().getAxis("bottom").labelText == "&lt;i&gt;u&lt;/i&gt;"


def test_row_selection_highlights_its_bar_and_bar_click_selects_the_row(open_tab, snapshot):
    from briefing_app.ui.tabs.indicators_tab import IndicatorsTab

    tab = open_tab(IndicatorsTab, snapshot)
    part = next(i for i in snapshot.indicators if i.value_text == "8.098")
    assert tab.select_item("indicators", part.id)
    chart = tab.chart
    assert chart.spec.key.startswith("parts:")
    assert [chart.spec.categories[c].ref for c in chart.highlighted_categories()] == [("indicators", part.id)]
    other = next(i for i in snapshot.indicators if i.value_text == "1.973")
    index = next(n for n, c in enumerate(chart.spec.categories) if c.ref == ("indicators", other.id))
    chart.click_bar(index)
    assert tab.current_indicator().id == other.id


def test_ticks_use_the_locale_and_compact_large_numbers():
    assert tick_strings([5000.0, 10000.0], 5000, "vi") == ["5.000", "10.000"]
    assert tick_strings([5000.0, 10000.0], 5000, "en") == ["5,000", "10,000"]
    assert tick_strings([2e10, 4e10], 2e10, "vi") == ["20 tỷ", "40 tỷ"]
    assert tick_strings([2e10], 2e10, "en") == ["20 bn"]


def test_long_labels_wrap_on_two_lines():
    assert wrap_label("Tên miền quốc tế được chủ thể báo cáo sử dụng trên thongbaotenmien.vn") == \
        "Tên miền quốc tế được chủ\nthể báo cáo sử dụng trên…"


def test_every_category_label_fits_its_axis(qtbot, view, snapshot):
    # pyqtgraph silently drops a tick label wider than its axis.
    for spec in overview_charts(snapshot):
        view.set_spec(spec, "vi")
        view.ensure_plot()
        qtbot.wait(10)
        axis = view._plot.getPlotItem().getAxis("left")
        metrics = view.fontMetrics()
        for _, label in axis._tickLevels[0]:
            for line in label.split("\n"):
                assert metrics.horizontalAdvance(line) + 8 <= axis.width(), (spec.title_vi, line)


def test_nothing_to_chart_is_said_in_words_not_drawn_as_empty_axes(open_tab, qtbot, snapshot, state):
    from briefing_app.ui.tabs.indicators_tab import IndicatorsTab

    tab = open_tab(IndicatorsTab, snapshot)  # all sectors, nothing selected
    chart = tab.chart
    qtbot.waitUntil(lambda: chart.empty_label.isVisible())
    assert chart.empty_label.text() == "Chọn một lĩnh vực hoặc một chỉ số có thành phần để xem biểu đồ."
    assert not chart.export_button.isVisible() and not chart.table_button.isVisible()
    state.set_language("en")
    tab.retranslate()
    assert chart.empty_label.text() == "Choose a sector, or an indicator with parts, to see a chart."
    # Choosing a sector draws its chart in place of the words, with its buttons.
    tab.sector_list.setCurrentRow(3)
    assert not chart.is_empty()
    qtbot.waitUntil(lambda: chart._plot is not None and chart._plot.isVisible())
    assert not chart.empty_label.isVisible() and chart.export_button.isVisible()
    # "Show as table" stays on when the chart changes, and words come back when it empties.
    chart.table_button.click()
    assert chart.is_showing_table()
    tab.sector_list.setCurrentRow(0)
    assert chart.empty_label.isVisible() and not chart.is_showing_table()
    tab.sector_list.setCurrentRow(3)
    assert chart.is_showing_table()


def test_a_view_without_a_spec_says_there_is_nothing_to_chart(view):
    view.set_spec(None, "en")
    assert view.empty_label.isVisible() and view.empty_label.text() == "Nothing to chart."


def test_export_writes_through_a_link_and_refuses_special_and_read_only_files(qtbot, view, snapshot, tmp_path):
    import os
    import stat

    from briefing_app.data.atomic import OutputError

    view.set_spec(postal(snapshot), "vi")
    real = tmp_path / "real.png"
    real.write_bytes(b"old")
    link = tmp_path / "link.png"
    link.symlink_to(real)
    view.export(str(link), "png")
    assert link.is_symlink() and real.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="is not a regular file"):
        view.export(str(fifo), "svg")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    kept = tmp_path / "kept.svg"
    kept.write_bytes(b"<svg/>")
    kept.chmod(0o444)
    with pytest.raises(OutputError, match="is read-only"):
        view.export(str(kept), "svg")
    assert kept.read_bytes() == b"<svg/>"
