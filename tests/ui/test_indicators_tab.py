"""The Indicators tab over the bundled briefing, driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton, QTableView
from windows import filled_then_shown

from briefing_app.data.folding import fold
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_app.i18n import tr
from briefing_app.ui.models.indicator_table_model import COL_CHANGE, COL_LABEL, COL_VALUE, SORT_ROLE
from briefing_app.ui.reading_pane import ReadingPane
from briefing_app.ui.tabs.indicators_tab import IndicatorsTab
from briefing_fixtures import SMALL_YAML, write_briefing

TELECOM_REVENUE = "telecom.revenue"


def load(path, briefing_id="mic-2017-h1"):
    with open_store(path) as store:
        return load_snapshot(store, briefing_id)


@pytest.fixture
def bundled(bundled_db):
    return load(bundled_db)


@pytest.fixture
def tab(open_tab, bundled):
    return open_tab(IndicatorsTab, bundled)


def by_key(snapshot, key):
    return next(i for i in snapshot.indicators if i.key == key)


def shown(tab, column=COL_LABEL):
    proxy = tab.table.model()
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def click_sector(qtbot, tab, row):
    item = tab.sector_list.item(row)
    tab.sector_list.scrollToItem(item)
    rect = tab.sector_list.visualItemRect(item)
    qtbot.mouseClick(tab.sector_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def sector_row(tab, snapshot, key):
    sector = next(s for s in snapshot.sectors if s.key == key)
    return next(r for r in range(tab.sector_list.count())
                if tab.sector_list.item(r).text().startswith(sector.name(tab.lang) + " ("))


def click_row(qtbot, tab, indicator_id, modifier=Qt.KeyboardModifier.NoModifier):
    index = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(indicator_id), COL_LABEL))
    assert index.isValid()
    tab.table.scrollTo(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     tab.table.visualRect(index).center())


def click_header(qtbot, tab, column):
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_widgets_are_named_for_tests_and_assistive_technology(tab):
    for cls, name, key in ((QListWidget, "sectorList", "indicators.sectors"),
                           (QLineEdit, "indicatorFilter", None),
                           (QTableView, "indicatorTable", "indicators.table"),
                           (ReadingPane, "indicatorDetail", "indicators.detail"),
                           (QPushButton, "showInSourceButton", None)):
        widget = tab.findChild(cls, name)
        assert widget is not None, name
        assert widget.accessibleName()
        if key:
            assert widget.accessibleName() == tr(key, "vi")
    assert tab.filter_edit.placeholderText() == tr("indicators.filter", "vi")
    assert tab.filter_edit.isClearButtonEnabled()
    assert tab.source_button.text() == tr("action.show_in_source", "vi")
    assert "&" not in tab.source_button.accessibleName()
    assert IndicatorsTab.title_key == "tab.indicators" and IndicatorsTab.sections == ("indicators",)


def test_sector_list_has_all_first_and_counts(tab, bundled):
    items = [tab.sector_list.item(r).text() for r in range(tab.sector_list.count())]
    assert items[0] == f"{tr('indicators.all_sectors', 'vi')} ({len(bundled.indicators)})"
    assert "Viễn thông (7)" in items
    with_indicators = [s for s in bundled.sectors if any(i.sector_id == s.id for i in bundled.indicators)]
    assert len(items) == 1 + len(with_indicators)
    assert tab.sector_list.currentRow() == 0
    assert tab.proxy.rowCount() == len(bundled.indicators)


def test_initial_order_is_the_tree_order_with_parts_indented(tab, bundled):
    labels = shown(tab)
    tree = bundled.indicators_in_tree_order()
    assert [tab.model.indicator_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).id
            for r in range(tab.proxy.rowCount())] == [i.id for i in tree]
    parts = [label for label, i in zip(labels, tree) if i.parent_id is not None]
    assert parts and all(label.startswith("    ↳ ") for label in parts)
    assert tab.table.horizontalHeader().sortIndicatorSection() == -1


def test_clicking_a_sector_shows_only_its_rows(qtbot, tab, bundled):
    telecom = next(s for s in bundled.sectors if s.key == "telecom")
    row = sector_row(tab, bundled, "telecom")
    click_sector(qtbot, tab, row)
    assert tab.sector_list.currentRow() == row
    visible = tab.visible_indicators()
    assert len(visible) == 7
    assert {i.sector_id for i in visible} == {telecom.id}
    assert [i.id for i in visible] == [i.id for i in bundled.indicators_in_tree_order(telecom.id)]
    click_sector(qtbot, tab, 0)
    assert tab.proxy.rowCount() == len(bundled.indicators)


def test_filter_folds_tones_and_d(qtbot, tab):
    qtbot.keyClicks(tab.filter_edit, "dien thoai")
    labels = shown(tab)
    assert labels
    assert any("điện thoại" in label for label in labels)
    assert all("dien" in fold(label) and "thoai" in fold(label) for label in labels)
    assert len(labels) < tab.model.rowCount()
    tab.filter_edit.clear()
    assert tab.proxy.rowCount() == tab.model.rowCount()


def test_filter_and_sector_combine(qtbot, tab, bundled):
    click_sector(qtbot, tab, sector_row(tab, bundled, "enterprises"))
    qtbot.keyClicks(tab.filter_edit, "LOI NHUAN")
    labels = shown(tab)
    assert labels and all("loi nhuan" in fold(label) for label in labels)
    # Figures that share a label say whose they are.
    assert "Lợi nhuận (VNPT)" in labels


def test_clicking_headers_sorts_by_value_then_restores_the_source_order(qtbot, tab):
    original = shown(tab)
    click_header(qtbot, tab, COL_VALUE)
    values = [tab.proxy.index(r, COL_VALUE).data(SORT_ROLE) for r in range(tab.proxy.rowCount())]
    stated = [v for v in values if v is not None]
    assert stated == sorted(stated, reverse=True)  # largest figure first
    assert values[len(stated):] == [None] * (len(values) - len(stated))  # unstated last
    assert shown(tab, COL_VALUE)[0] == "72.736.956.416"
    click_header(qtbot, tab, COL_VALUE)
    values = [tab.proxy.index(r, COL_VALUE).data(SORT_ROLE) for r in range(tab.proxy.rowCount())]
    assert values[: len(stated)] == sorted(stated)
    assert shown(tab, COL_VALUE)[0] == "2,93"
    click_header(qtbot, tab, COL_VALUE)
    assert tab.table.horizontalHeader().sortIndicatorSection() == -1
    assert shown(tab) == original


def test_sorting_by_label_ignores_tones(qtbot, tab):
    click_header(qtbot, tab, COL_LABEL)
    keys = [tab.proxy.index(r, COL_LABEL).data(SORT_ROLE) for r in range(tab.proxy.rowCount())]
    assert keys == sorted(keys)


def test_selecting_a_row_shows_its_details(qtbot, tab, bundled):
    assert tr("indicators.none_selected", "vi") in tab.detail.toPlainText()
    assert not tab.source_button.isEnabled()
    assert not tab.show_in_source_action.isEnabled()
    revenue = by_key(bundled, TELECOM_REVENUE)
    click_row(qtbot, tab, revenue.id)
    text = tab.detail.toPlainText()
    assert revenue.source_text in text
    assert "213.355" in text
    assert "(suy ra)" in text
    assert tab.source_button.isEnabled()
    assert tab.show_in_source_action.isEnabled()
    assert tab.current_indicator() == revenue


def test_show_in_source_button_and_context_action(qtbot, tab, bundled):
    revenue = by_key(bundled, TELECOM_REVENUE)
    click_row(qtbot, tab, revenue.id)
    with qtbot.waitSignal(tab.state.source_requested, timeout=1000) as blocker:
        qtbot.mouseClick(tab.source_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [revenue.source_offset, len(revenue.source_text)]
    assert tab.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert tab.show_in_source_action in tab.table.actions()
    with qtbot.waitSignal(tab.state.source_requested, timeout=1000) as blocker:
        tab.show_in_source_action.trigger()
    assert blocker.args == [revenue.source_offset, len(revenue.source_text)]


def test_detail_links_ask_the_state(qtbot, tab, bundled):
    part = by_key(bundled, "telecom.subscribers_2g")
    tab.select_item("indicators", part.id)
    with qtbot.waitSignal(tab.state.item_requested, timeout=1000) as blocker:
        tab.detail.anchorClicked.emit(QUrl(f"item:indicators:{part.parent_id}"))
    assert blocker.args == ["indicators", part.parent_id]
    with qtbot.waitSignal(tab.state.source_requested, timeout=1000) as blocker:
        tab.detail.anchorClicked.emit(QUrl(f"source:{part.source_offset}:{len(part.source_text)}"))
    assert blocker.args == [part.source_offset, len(part.source_text)]


def test_switching_language(qtbot, tab, bundled):
    revenue = by_key(bundled, TELECOM_REVENUE)
    click_row(qtbot, tab, revenue.id)
    tab.state.set_language("en")
    tab.retranslate()
    assert "213,355" in shown(tab, COL_VALUE)
    assert "213,355" in tab.detail.toPlainText()
    assert revenue.label_en in tab.detail.toPlainText()
    assert tab.sector_list.item(0).text() == f"All sectors ({len(bundled.indicators)})"
    assert "Telecommunications (7)" in [tab.sector_list.item(r).text() for r in range(tab.sector_list.count())]
    assert tab.table.model().headerData(COL_VALUE, Qt.Orientation.Horizontal) == "Value"
    assert tab.filter_edit.placeholderText() == tr("indicators.filter", "en")
    assert tab.source_button.text() == "Show in &Source"
    assert tab.table.accessibleName() == tr("indicators.table", "en")
    assert tab.current_indicator() == revenue  # the selection survives


def test_filter_follows_the_language(qtbot, tab):
    tab.state.set_language("en")
    tab.retranslate()
    qtbot.keyClicks(tab.filter_edit, "subscribers")
    labels = shown(tab)
    assert labels and all("subscribers" in label.lower() for label in labels)
    tab.state.set_language("vi")
    tab.retranslate()
    assert tab.proxy.rowCount() == 0  # no Vietnamese label says "subscribers"


def test_select_item(qtbot, tab, bundled):
    revenue = by_key(bundled, TELECOM_REVENUE)
    click_sector(qtbot, tab, sector_row(tab, bundled, "postal"))
    qtbot.keyClicks(tab.filter_edit, "buu cuc")
    assert tab.select_item("indicators", revenue.id)
    assert tab.sector_list.currentRow() == 0  # back to all sectors
    assert tab.filter_edit.text() == ""  # the filter hid it
    assert tab.current_indicator() == revenue
    assert [i.id for i in tab.selected_indicators()] == [revenue.id]
    index = tab.table.currentIndex()
    assert tab.table.viewport().rect().intersects(tab.table.visualRect(index))
    assert revenue.source_text in tab.detail.toPlainText()
    assert not tab.select_item("indicators", 999999)
    assert not tab.select_item("achievements", revenue.id)


def test_select_item_keeps_a_sector_that_holds_it(qtbot, tab, bundled):
    revenue = by_key(bundled, TELECOM_REVENUE)
    row = sector_row(tab, bundled, "telecom")
    click_sector(qtbot, tab, row)
    assert tab.select_item("indicators", revenue.id)
    assert tab.sector_list.currentRow() == row


def test_copy_rows(qtbot, tab, bundled):
    assert tab.copy_rows() is None
    total = by_key(bundled, "telecom.subscribers_total")
    part = next(i for i in bundled.indicators if i.parent_id == total.id)
    click_row(qtbot, tab, part.id)
    click_row(qtbot, tab, total.id, Qt.KeyboardModifier.ControlModifier)
    headers, rows = tab.copy_rows()
    assert headers == [tr(k, "vi") for k in ("col.label", "col.value", "col.unit", "col.qualifier",
                                              "col.plan", "col.change", "col.as_of")]
    # In view order (the total above its part), labels without indentation.
    assert [r[0] for r in rows] == [total.label_vi, part.label_vi]
    assert rows[0][1:4] == ["130", "triệu thuê bao", "hơn"]
    assert rows[1][1] == "68,8"
    click_header(qtbot, tab, COL_VALUE)  # largest first: still total, then part
    click_header(qtbot, tab, COL_VALUE)  # smallest first: part above total
    assert [r[0] for r in tab.copy_rows()[1]] == [part.label_vi, total.label_vi]


def test_reload_keeps_sector_selection_and_scroll(qtbot, tab, bundled, bundled_db):
    # The sector and the selected indicator survive a reload.
    revenue = by_key(bundled, TELECOM_REVENUE)
    row = sector_row(tab, bundled, "telecom")
    click_sector(qtbot, tab, row)
    click_row(qtbot, tab, revenue.id)
    tab.set_snapshot(load(bundled_db))
    assert tab.sector_list.currentRow() == row
    assert tab.current_indicator() is not None and tab.current_indicator().id == revenue.id
    assert revenue.source_text in tab.detail.toPlainText()
    # So does the scroll position in a long list, with nothing selected.
    click_sector(qtbot, tab, 0)
    tab.table.clearSelection()
    bar = tab.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    tab.set_snapshot(load(bundled_db))
    assert tab.table.verticalScrollBar().value() == before
    assert tab.current_indicator() is None
    assert tr("indicators.none_selected", "vi") in tab.detail.toPlainText()
    # A selected row scrolled out of sight stays out of sight.
    click_row(qtbot, tab, revenue.id)
    bar.setValue(bar.maximum())
    before = bar.value()
    index = tab.table.currentIndex()
    assert not tab.table.viewport().rect().intersects(tab.table.visualRect(index))
    tab.set_snapshot(load(bundled_db))
    qtbot.wait(20)  # no deferred scrolling undoes it
    assert tab.current_indicator().id == revenue.id
    assert tab.table.verticalScrollBar().value() == before


def test_no_snapshot_empties_the_tab(tab):
    tab.set_snapshot(None)
    assert tab.proxy.rowCount() == 0
    assert tab.sector_list.count() == 0
    assert not tab.table.isEnabled()
    assert tab.copy_rows() is None
    assert not tab.select_item("indicators", 1)
    assert tr("indicators.none_selected", "vi") in tab.detail.toPlainText()


def test_change_column_shows_stated_comparisons(tab):
    changes = shown(tab, COL_CHANGE)
    assert "+13%" in changes and "khoảng +15%" in changes
    assert any(c.startswith("106%") for c in changes)


def test_markup_in_a_label_is_shown_literally(qtbot, tmp_path, open_tab):
    from briefing_app.data.build import build_database

    yaml_text = SMALL_YAML.replace('label: {vi: "Bưu cục", en: "Post offices"}',
                                   'label: {vi: "<b>x</b>", en: "<b>x</b>"}')
    assert yaml_text != SMALL_YAML
    target = tmp_path / "markup.db"
    build_database([write_briefing(tmp_path / "src", yaml_text)], target)
    snapshot = load(target, "test-2017")
    tab = open_tab(IndicatorsTab, snapshot)
    odd = next(i for i in snapshot.indicators if i.label_vi == "<b>x</b>")
    assert "    ↳ <b>x</b>" in shown(tab)
    qtbot.keyClicks(tab.filter_edit, "<b>")
    assert shown(tab) == ["    ↳ <b>x</b>"]
    click_row(qtbot, tab, odd.id)
    assert "<b>x</b>" in tab.detail.toPlainText()
    headers, rows = tab.copy_rows()
    assert rows[0][0] == "<b>x</b>"
    tip = tab.proxy.index(0, COL_LABEL).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and tip.startswith("<p>")


def clipped_cells(table) -> list[str]:
    """The texts of the rows shown that their column, but the label (which takes the rest), is too narrow
    to show whole (the cell's text and its margins on both sides)."""
    from PySide6.QtWidgets import QStyle

    model, header = table.model(), table.horizontalHeader()
    metrics = table.fontMetrics()
    margins = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    out = []
    for column in range(model.columnCount()):
        if column == COL_LABEL or header.isSectionHidden(column):
            continue
        for row in range(model.rowCount()):
            text = model.index(row, column).data() or ""
            if metrics.horizontalAdvance(text) + margins > header.sectionSize(column):
                out.append(text)
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_figure_shows_whole_in_each_sector_and_language(qtbot, state, bundled, lang):
    """The columns fit the rows shown: filled while the tab was hidden (the window fills hidden tabs), then
    shown, then for each sector chosen and after a language change."""
    tab = filled_then_shown(qtbot, IndicatorsTab(state), bundled)
    assert tab.proxy.rowCount() > 20 and clipped_cells(tab.table) == []
    state.set_language(lang)
    tab.retranslate()
    for row in range(tab.sector_list.count()):
        click_sector(qtbot, tab, row)
        assert clipped_cells(tab.table) == [], tab.sector_list.item(row).text()
    click_sector(qtbot, tab, 0)
    qtbot.keyClicks(tab.filter_edit, "doanh thu" if lang == "vi" else "revenue")
    assert 0 < tab.proxy.rowCount() < 20 and clipped_cells(tab.table) == []
