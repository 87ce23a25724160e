"""The search results list lays its rows out once per width: the scroll bar that comes with the first long list
does not lay them out and paint them all again, and a new width of the list wraps the snippets anew."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from briefing_app.data.search import SearchResult
from briefing_app.ui.search_results import ResultList, SearchResultDelegate, SearchResultModel

SNIPPET = ("Doanh thu dịch vụ viễn thông đạt 213.355 tỷ đồng, tăng 5,2% so với cùng kỳ năm trước; "
           "thuê bao di động 4G tăng mạnh ở Hà Nội, Đà Nẵng và Thành phố Hồ Chí Minh.")


def results(n: int) -> list[SearchResult]:
    return [SearchResult("indicators", i, "b", f"Chỉ tiêu {i}", SNIPPET, ((0, 9),), i) for i in range(1, n + 1)]


class CountingDelegate(SearchResultDelegate):
    """The shipped delegate, noting which rows it paints."""

    def __init__(self, parent):
        super().__init__(parent)
        self.painted: list[int] = []

    def paint(self, painter, option, index):
        self.painted.append(index.row())
        super().paint(painter, option, index)


def make_list(qtbot) -> tuple[ResultList, SearchResultModel, CountingDelegate]:
    model = SearchResultModel()
    view = ResultList()
    view.setModel(model)
    delegate = CountingDelegate(view)
    view.setItemDelegate(delegate)
    view.setWordWrap(True)  # as the search popup has it
    qtbot.addWidget(view)
    view.resize(480, 300)
    model.set_results(results(2))  # short: no scroll bar
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: bool(delegate.painted))
    return view, model, delegate


def snippet_heights(view: ResultList, model: SearchResultModel) -> list[int]:
    return [view.visualRect(model.index(row)).height() for row in range(model.rowCount())
            if model.result_at(row) is not None]


def test_the_first_long_list_paints_each_row_once(qtbot):
    view, model, delegate = make_list(qtbot)
    assert not view.verticalScrollBar().isVisible()
    delegate.painted.clear()
    model.set_results(results(30))
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible() and bool(delegate.painted))
    qtbot.wait(250)  # QListView lays wrapped text out again 100 ms after a resize of its viewport
    QApplication.processEvents()
    assert delegate.painted == sorted(set(delegate.painted)), "each row shown once, top to bottom"
    assert delegate.painted[0] == 0 and len(delegate.painted) >= 4


def test_a_new_width_wraps_the_snippets_anew(qtbot):
    view, model, _delegate = make_list(qtbot)
    model.set_results(results(30))
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible())
    wide = snippet_heights(view, model)
    view.resize(260, 300)
    qtbot.waitUntil(lambda: snippet_heights(view, model)[0] > wide[0])
    rows = [view.visualRect(model.index(row)) for row in range(model.rowCount())]
    assert all(rect.right() < view.viewport().width() for rect in rows)  # every row fits the narrower list
    view.resize(480, 300)
    qtbot.waitUntil(lambda: snippet_heights(view, model) == wide)  # and back
