"""The Enterprises tab against the bundled briefing, driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QTableView

from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_app.ui.models.enterprise_table_model import ColumnKey
from briefing_app.ui.reading_pane import ReadingPane
from briefing_app.ui.tabs.enterprises_tab import EnterprisesTab


@pytest.fixture
def bundled(snapshot):
    return snapshot


@pytest.fixture
def viewer_state(state):
    return state


@pytest.fixture
def tab(open_tab, bundled):
    return open_tab(EnterprisesTab, bundled)


def enterprise(snapshot, key):
    return next(e for e in snapshot.enterprises if e.key == key)


def proxy_index(tab, key, column=0):
    row = tab.model.row_of(enterprise(tab._snapshot, key).id)
    return tab.proxy.mapFromSource(tab.model.index(row, column))


def click_cell(qtbot, tab, index, button=Qt.MouseButton.LeftButton):
    tab.table.scrollTo(index)
    qtbot.mouseClick(tab.table.viewport(), button, pos=tab.table.visualRect(index).center())


def click_header(qtbot, tab, column):
    header = tab.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def displayed_names(tab):
    return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]


def test_contract_and_widgets(tab):
    assert tab.title_key == "tab.enterprises"
    assert tab.sections == ("enterprises",)
    assert isinstance(tab.findChild(QTableView, "enterpriseTable"), QTableView)
    assert isinstance(tab.findChild(ReadingPane, "enterpriseDetail"), ReadingPane)
    button = tab.findChild(QPushButton, "showInSourceButton")
    assert button is tab.source_button
    assert tab.table.selectionMode() == QTableView.SelectionMode.ExtendedSelection
    assert tab.table.isSortingEnabled()
    for widget in (tab, tab.table, tab.pane, tab.source_button):
        assert widget.accessibleName()
    assert displayed_names(tab) == ["VNPT", "Viettel", "MobiFone", "VTC", "VietnamPost", "Vietnamobile"]
    assert tab.copy_rows() is None


def test_clicking_a_row_shows_the_enterprise_results(qtbot, tab, bundled):
    viettel = enterprise(bundled, "viettel")
    click_cell(qtbot, tab, proxy_index(tab, "viettel"))
    text = tab.pane.toPlainText()
    assert viettel.name_vi in text
    for result in bundled.enterprise_results(viettel.id):
        assert " ".join(result.source_text.split()) in " ".join(text.split())
    assert tab.source_button.isEnabled()


def test_clicking_a_cell_shows_that_result(qtbot, tab, bundled):
    column = tab.model.column_of(ColumnKey("subscribers", "value"))
    click_cell(qtbot, tab, proxy_index(tab, "viettel", column))
    text = tab.pane.toPlainText()
    assert "Tổng số thuê bao di động trên toàn cầu" in text
    assert "Doanh thu toàn Tập đoàn" not in text


def test_enterprise_without_figures_says_so(qtbot, tab):
    click_cell(qtbot, tab, proxy_index(tab, "vietnamobile"))
    assert "Vietnamobile" in tab.pane.toPlainText()
    assert not tab.source_button.isEnabled()


def test_sorting_by_clicking_a_header(qtbot, tab):
    column = tab.model.column_of(ColumnKey("revenue", "value"))
    click_header(qtbot, tab, column)  # figures: biggest first
    assert displayed_names(tab) == ["Viettel", "VNPT", "MobiFone", "VietnamPost", "VTC", "Vietnamobile"]
    click_header(qtbot, tab, column)
    assert displayed_names(tab) == ["VietnamPost", "MobiFone", "VNPT", "Viettel", "VTC", "Vietnamobile"]
    click_header(qtbot, tab, 0)  # names: A→Z first
    assert displayed_names(tab) == ["MobiFone", "Vietnamobile", "VietnamPost", "Viettel", "VNPT", "VTC"]


def test_english_after_retranslate(qtbot, tab, viewer_state):
    click_cell(qtbot, tab, proxy_index(tab, "vnpt"))
    viewer_state.set_language("en")
    tab.retranslate()
    column = tab.model.column_of(ColumnKey("profit", "value"))
    assert proxy_index(tab, "vnpt", column).data() == "2,390 billion VND"
    assert tab.proxy.headerData(0, Qt.Orientation.Horizontal) == "Enterprise"
    assert "VNPT Group" in tab.pane.toPlainText()
    assert "2,390 billion VND" in tab.pane.toPlainText()
    assert tab.source_button.text() == "Show in &Source"
    assert tab.table.accessibleName() == "Enterprise results"


def test_select_item(tab, bundled):
    post = enterprise(bundled, "vietnampost")
    assert tab.select_item("enterprises", post.id)
    assert tab.current_enterprise() == post
    assert [e.key for e in tab.selected_enterprises()] == ["vietnampost"]
    assert "Tổng công ty Bưu điện Việt Nam" in tab.pane.toPlainText()
    assert not tab.select_item("enterprises", 9999)
    assert not tab.select_item("indicators", post.id)


def test_copy_rows_gives_headers_and_displayed_text(qtbot, tab):
    click_cell(qtbot, tab, proxy_index(tab, "vnpt"))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     pos=tab.table.visualRect(proxy_index(tab, "vtc")).center())
    headers, rows = tab.copy_rows()
    assert headers[0] == "Doanh nghiệp"
    assert "Lợi nhuận (Giá trị)" in headers and "\n" not in "".join(headers)
    assert len(rows) == 2 and all(len(r) == len(headers) for r in rows)
    assert rows[0][0] == "VNPT" and rows[1][0] == "VTC"
    assert rows[0][headers.index("Lợi nhuận (Giá trị)")] == "2.390 tỷ đồng"
    assert rows[1][headers.index("Doanh thu (% kế hoạch)")] == "44%"


def test_show_in_source_button_requests_the_sentence(qtbot, tab, viewer_state, bundled):
    profit = next(i for i in bundled.indicators if i.key == "vnpt.profit")
    click_cell(qtbot, tab, proxy_index(tab, "vnpt"))
    with qtbot.waitSignal(viewer_state.source_requested) as blocker:
        qtbot.mouseClick(tab.source_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [profit.source_offset, len(profit.source_text)]


def test_show_in_source_action_uses_the_current_cell(qtbot, tab, viewer_state, bundled):
    subscribers = next(i for i in bundled.indicators if i.key == "viettel.subscribers")
    column = tab.model.column_of(ColumnKey("subscribers", "value"))
    click_cell(qtbot, tab, proxy_index(tab, "viettel", column))
    assert tab.show_in_source_action in tab.table.actions()
    with qtbot.waitSignal(viewer_state.source_requested) as blocker:
        tab.show_in_source_action.trigger()
    assert blocker.args == [subscribers.source_offset, len(subscribers.source_text)]


def test_pane_links_go_to_the_state(qtbot, tab, viewer_state):
    with qtbot.waitSignal(viewer_state.item_requested) as blocker:
        tab.pane.item_link_activated.emit("achievements", 3)
    assert blocker.args == ["achievements", 3]
    with qtbot.waitSignal(viewer_state.source_requested) as blocker:
        tab.pane.source_link_activated.emit(10, 20)
    assert blocker.args == [10, 20]


def test_reload_keeps_the_selected_enterprise(qtbot, tab, bundled_db):
    click_cell(qtbot, tab, proxy_index(tab, "mobifone"))
    with open_store(bundled_db) as store:
        again = load_snapshot(store, "mic-2017-h1")
    tab.set_snapshot(again)
    assert tab.current_enterprise().key == "mobifone"
    assert [e.key for e in tab.selected_enterprises()] == ["mobifone"]
    assert "Mobifone" in tab.pane.toPlainText()
    tab.set_snapshot(None)
    assert tab.proxy.rowCount() == 0 and tab.copy_rows() is None
    assert not tab.source_button.isEnabled()


def test_no_text_is_clipped_at_1280(qtbot, tab, viewer_state):
    for lang in ("vi", "en"):
        viewer_state.set_language(lang)
        tab.retranslate()
        header = tab.table.horizontalHeader()
        for column in range(tab.proxy.columnCount()):
            width = header.sectionSize(column)
            assert width >= tab.table.sizeHintForColumn(column), (lang, column)
            assert width >= header.sectionSizeHint(column), (lang, column)
        total = sum(header.sectionSize(c) for c in range(header.count()))
        assert total <= tab.table.viewport().width(), lang
