"""The Indicators tab's detail area, below the table in a window up to 1280 px wide: the reading pane (the figure
and its source sentence) gets a readable share beside the two charts, whether a figure is selected or not."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

SIZES = ((1280, 800), (1024, 640))


def open_indicators(open_window, bundled_db, lang, size):
    window = open_window(bundled_db, lang)
    window.resize(*size)
    window.session.select_briefing("mic-2017-h1")
    tab = window.tabs.show_tab("indicators")
    QApplication.processEvents()
    return window, tab


def select_figure(tab, starts: str) -> None:
    proxy = tab.proxy
    row = next(r for r in range(proxy.rowCount()) if str(proxy.index(r, 0).data()).startswith(starts))
    tab.table.selectRow(row)
    QApplication.processEvents()


def chars_per_line(tab) -> float:
    """How many average characters a line of the reading pane holds."""
    pane = tab.detail
    return pane.viewport().width() / pane.fontMetrics().averageCharWidth()


@pytest.mark.parametrize("lang, figure", [("vi", "Điểm phục vụ của mạng lưới"), ("en", "Service points of the")])
@pytest.mark.parametrize("size", SIZES)
def test_the_reading_pane_is_wide_enough_to_read(qtbot, open_window, bundled_db, lang, figure, size):
    window, tab = open_indicators(open_window, bundled_db, lang, size)
    qtbot.waitUntil(lambda: tab.isVisible() and tab.detail.isVisible())
    # Nothing selected, then a figure with its source sentence: the pane keeps its share.
    # At 1280 px some 50 characters a line (it was 30, the sentence broken every three words); at 1024 px the two
    # charts' buttons take most of the width, and the pane keeps its minimum of 30 characters (less its frame).
    least = 45 if size[0] >= 1280 else 27
    assert chars_per_line(tab) >= least, (tab.detail_splitter.sizes(), "nothing selected")
    select_figure(tab, figure)
    assert tab.detail.toPlainText().strip()
    assert chars_per_line(tab) >= least, tab.detail_splitter.sizes()
    # ... and the charts beside it keep room for their bars: the bar chart is not narrower than the pane.
    # The pane's minimum never widens the window.
    assert window.width() == size[0]
    pane, chart, over_time = tab.detail_splitter.sizes()
    assert chart >= pane * 0.9 and over_time >= 240, (pane, chart, over_time)
