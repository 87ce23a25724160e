"""The window over a database of several briefings: the selector, the search box, search across
briefings, and the briefing the window starts on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing_fixtures import SERIES, series_database

LONG = " về kết quả thực hiện nhiệm vụ công tác thông tin và truyền thông và phương hướng nhiệm vụ trọng tâm"
LONG_EN = " on the results of the information and communications work and the key tasks for the period ahead"


@pytest.fixture
def long_titles_db(tmp_path):
    entries = [(bid, vi + LONG, en + LONG_EN, *rest) for bid, vi, en, *rest in SERIES]
    return series_database(tmp_path / "src", tmp_path / "series.db", entries)


@pytest.fixture
def series_db(tmp_path):
    return series_database(tmp_path / "src", tmp_path / "series.db")


def search_field_shown(window) -> bool:
    field = window.search_controller.field
    return field.isVisible() and window.toolbar.rect().contains(
        field.geometry()) and field.width() >= 15 * field.fontMetrics().averageCharWidth()


@pytest.mark.parametrize("width", [1280, 900, 640])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_long_titles_never_push_the_search_box_into_the_overflow(qtbot, open_window, long_titles_db, width, lang):
    window = open_window(long_titles_db, lang)
    window.resize(width, 800)
    window.search_controller  # noqa: B018 - built after the first paint otherwise
    qtbot.waitUntil(lambda: window.toolbar.width() <= width)
    QApplication.processEvents()
    assert window.briefing_selector.combo.isVisible()
    assert search_field_shown(window)
    window.tabs.currentWidget().setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_controller.field.hasFocus()
    qtbot.keyClicks(window.search_controller.field, "hoi")
    assert window.search_controller.field.text() == "hoi"
    assert QApplication.activePopupWidget() is None  # no menu opened by the typing


def test_the_selector_shows_periods_newest_first_with_titles_in_tooltips(qtbot, open_window, long_titles_db):
    window = open_window(long_titles_db, "vi")
    combo = window.briefing_selector.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "6 tháng đầu năm 2018", "Năm 2017", "6 tháng đầu năm 2017"]
    assert combo.itemData(0, Qt.ItemDataRole.ToolTipRole) == "Hội nghị sơ kết 6 tháng đầu năm 2018" + LONG
    assert combo.currentText() == "6 tháng đầu năm 2018"  # the newest is shown first
    assert window.state.snapshot.briefing.id == "test-2018-h1"
    assert combo.toolTip().startswith("Hội nghị sơ kết 6 tháng đầu năm 2018")
    window.state.set_language("en")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "First half of 2018", "The year 2017", "First half of 2017"]
    assert combo.toolTip().startswith("Mid-year review 2018")


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform cannot raise or grab a popup
def test_the_open_list_shows_whole_periods_where_the_box_is_narrower(qtbot, open_window, long_titles_db):
    window = open_window(long_titles_db, "vi")
    combo = window.briefing_selector.combo
    combo.setMaximumWidth(combo.minimumWidth())  # the toolbar gave the box little room: its text is elided
    qtbot.waitUntil(lambda: combo.width() == combo.minimumWidth())
    combo.showPopup()
    try:
        view = combo.view()
        qtbot.waitUntil(view.isVisible)
        widest = max(view.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        assert combo.width() < widest <= view.viewport().width()
    finally:
        combo.hidePopup()


def test_choosing_a_period_shows_that_briefing(qtbot, open_window, series_db):
    window = open_window(series_db, "en")
    combo = window.briefing_selector.combo
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    assert window.state.snapshot.briefing.id == "test-2017-h1"
    assert combo.toolTip() == "Mid-year review 2017"


def type_query(qtbot, window, text):
    controller = window.search_controller
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(controller.field, text)
    qtbot.waitUntil(lambda: controller.popup.isVisible() and controller._query == text)
    # The other briefings' results come from the background search.
    qtbot.waitUntil(lambda: not controller.is_searching())
    return controller


def test_window_search_covers_every_briefing_like_the_cli(qtbot, open_window, series_db, capsys):
    from briefing_app.cli import main

    window = open_window(series_db, "en")
    controller = type_query(qtbot, window, "sim rac")
    assert main(["search", "sim rac", "--db", str(series_db)]) == 0
    cli_lines = capsys.readouterr().out.splitlines()
    assert controller.model.result_count() == len(cli_lines) == 12  # 4 per briefing (3 items, 1 paragraph) × 3
    assert {r.briefing_id for r in controller.model.results()} == {"test-2017-h1", "test-2018-h1", "test-2017-fy"}
    texts = controller.result_texts()
    assert "Curb junk SIMs (First half of 2017) — 1. Hạn chế SIM rác và đẩy mạnh dịch vụ 4G." in texts
    assert controller.scope_bar.isVisible()
    assert controller.scope_all_button.isChecked() and controller.scope_all_button.text() == "All briefings"


def test_the_scope_switch_narrows_to_the_briefing_shown(qtbot, open_window, series_db):
    window = open_window(series_db, "vi")
    controller = type_query(qtbot, window, "sim rac")
    assert controller.scope_current_button.text() == "Báo cáo này"
    qtbot.mouseClick(controller.scope_current_button, Qt.MouseButton.LeftButton)
    assert controller.scope == "current"
    assert {r.briefing_id for r in controller.model.results()} == {"test-2018-h1"}
    assert controller.model.result_count() == 4
    assert controller.field.hasFocus()  # typing goes on in the field
    qtbot.mouseClick(controller.scope_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.model.result_count() == 12)


def test_opening_a_result_of_another_briefing_switches_to_it(qtbot, open_window, series_db):
    window = open_window(series_db, "en")
    assert window.state.snapshot.briefing.id == "test-2018-h1"
    controller = type_query(qtbot, window, "sim rac")
    row = next(r for r in range(controller.model.rowCount())
               if (res := controller.model.result_at(r)) is not None
               and res.section == "directives" and res.briefing_id == "test-2017-h1")
    result = controller.model.result_at(row)
    controller.view.setFocus()
    controller.view.setCurrentIndex(controller.model.index(row))
    qtbot.keyClick(controller.view, Qt.Key.Key_Return)
    assert window.state.snapshot.briefing.id == "test-2017-h1"
    assert window.briefing_selector.combo.currentText() == "First half of 2017"
    assert window.tabs.currentWidget() is window.directives_tab
    assert window.directives_tab.current_item().id == result.item_id
    assert window.directives_tab.current_item().title("en") == "Curb junk SIMs"


def test_one_briefing_shows_no_scope_switch_nor_labels(qtbot, open_window, small_db):
    window = open_window(small_db, "en")
    controller = type_query(qtbot, window, "sim rac")
    assert not controller.scope_bar.isVisible()
    assert all("(First half" not in t for t in controller.result_texts())
