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


def test_choosing_a_period_shows_that_briefing(qtbot, open_window, series_db):
    window = open_window(series_db, "en")
    combo = window.briefing_selector.combo
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    assert window.state.snapshot.briefing.id == "test-2017-h1"
    assert combo.toolTip() == "Mid-year review 2017"
