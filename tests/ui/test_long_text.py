"""Long text from any database (issue #13, case 7): a 1 MB title froze the window for minutes in text
layout. Lists, tables and trees show at most ~300 characters ending in "…", tooltips a few thousand,
reading panes the first 20,000 with a visible note of the full length."""

import time

import pytest
from PySide6.QtCore import Qt

from briefing_app.text_limits import LIST_CHARS, PANE_CHARS, TOOLTIP_CHARS
from briefing_fixtures import LONG_TEXT, long_text_database

NOTE = "… (text shortened: 1,000,000 characters)"


@pytest.fixture
def long_db(tmp_path, small_db):
    return long_text_database(small_db, tmp_path / "long.db")


def all_texts(model, role, parent=None, columns=None):
    """Every text ``model`` gives for ``role``, through the tree (a list model: ``columns=1``)."""
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    columns = columns or model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            value = index.data(role)
            if isinstance(value, str):
                yield value
        if columns > 1 or model.rowCount(model.index(row, 0, parent)):
            yield from all_texts(model, role, model.index(row, 0, parent))


def test_every_tab_opens_quickly_and_says_what_it_cut(qtbot, open_window, long_db, time_limit):
    started = time.monotonic()
    window = open_window(long_db, lang="en")
    # Every tab is built and shown, with its first entry chosen, so each reading pane lays out its text.
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        view = getattr(tab, "view", None) or getattr(tab, "table", None)
        if view is not None:
            model = view.model()
            first = model.index(0, 0)
            if model.rowCount(first):
                first = model.index(0, 0, first)
            view.setCurrentIndex(first)
        qtbot.wait(50)
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: bool(window.overview_tab.charts), timeout=time_limit.ms(5))
    for chart in window.overview_tab.charts + [window.indicators_tab.chart, window.enterprises_tab.metric_chart,
                                               window.enterprises_tab.plan_chart]:
        chart.ensure_plot()
    qtbot.wait(200)
    elapsed = time.monotonic() - started
    assert elapsed < time_limit(5), f"took {elapsed:.1f} s"  # a hang guard, not a benchmark: it took minutes

    assert window.windowTitle() == LONG_TEXT[:LIST_CHARS - 1] + "… — Briefing Viewer"
    assert window.briefing_status.text().endswith("…") and len(window.briefing_status.text()) == LIST_CHARS
    # Lists, tables and trees: at most LIST_CHARS characters, ending in "…"; tooltips capped.
    for tab, attribute in ((window.indicators_tab, "model"), (window.achievements_tab, "model"),
                           (window.directives_tab, "model"), (window.enterprises_tab, "model")):
        model = getattr(tab, attribute)
        shown = list(all_texts(model, Qt.ItemDataRole.DisplayRole))
        if tab is not window.enterprises_tab:  # its cells show the short name, which is short
            assert any(text.endswith("…") for text in shown), type(tab).__name__
        assert max(len(text) for text in shown) <= LIST_CHARS + 20, type(tab).__name__
        tips = list(all_texts(model, Qt.ItemDataRole.ToolTipRole))
        assert max(len(text) for text in tips) <= TOOLTIP_CHARS + 200, type(tab).__name__
    # Reading panes: the first PANE_CHARS characters, then the note.
    for pane in (window.overview_tab.pane, window.indicators_tab.detail, window.achievements_tab.pane):
        text = pane.toPlainText()
        assert NOTE in text
        assert len(text) < 3 * PANE_CHARS
    # Copying still gives the whole text.
    window.tabs.setCurrentWidget(window.achievements_tab)
    headers, rows = window.achievements_tab.copy_rows()
    assert rows[0][1] == LONG_TEXT


def test_search_results_are_cut(qtbot):
    from briefing_app.data.search import SearchResult
    from briefing_app.ui.search_results import SearchResultModel

    model = SearchResultModel()
    model.set_results([SearchResult("achievements", 1, "test-2017", LONG_TEXT, LONG_TEXT, ((0, 5),), 1)])
    shown = list(all_texts(model, Qt.ItemDataRole.DisplayRole, columns=1))
    assert len(shown) == 2 and shown[1] == LONG_TEXT[:LIST_CHARS - 1] + "… — " + LONG_TEXT[:LIST_CHARS - 1] + "…"
    tips = list(all_texts(model, Qt.ItemDataRole.ToolTipRole, columns=1))
    assert max(len(text) for text in tips) <= TOOLTIP_CHARS + 20
