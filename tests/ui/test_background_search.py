"""Window search over several briefings: the briefing shown at once, the others from a worker thread.

A newer keystroke makes an older background query stale (its results never show), results of
the other briefings are added below without moving a row, and both scopes fold Vietnamese.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt

from briefing_app.data.folding import fold
from briefing_app.data.search import SearchResult
from briefing_app.data.search import search as real_search
from briefing_app.ui import background_search
from briefing_fixtures import series_database


@pytest.fixture
def series_db(tmp_path):
    return series_database(tmp_path / "src", tmp_path / "series.db")


def start_typing(qtbot, window, text):
    controller = window.search_controller
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(controller.field, text)
    qtbot.waitUntil(lambda: controller.popup.isVisible() and controller._query == controller.field.text())
    return controller


def shown_texts_recorder(controller):
    """Every text the list has shown, from every model change (the reader may look at any moment)."""
    seen: list[str] = []

    def record(*_args):
        seen.extend(controller.result_texts())

    for signal in (controller.model.modelReset, controller.model.rowsInserted):
        signal.connect(record)
    return seen


def hold_worker(monkeypatch, time_limit, seconds: float) -> threading.Event:
    """Make the worker's searches wait (at most ``seconds``, scaled) until the returned event is set."""
    release = threading.Event()

    def held(store, text, briefing_id=None, limit=50):
        release.wait(time_limit(seconds))
        return real_search(store, text, briefing_id, limit)

    monkeypatch.setattr(background_search, "search", held)
    return release


def stale_result(briefing_id: str) -> SearchResult:
    return SearchResult("limitations", 1, briefing_id, "STALE RESULT", "stale", (), 1)


def test_a_slow_older_query_never_shows_its_results(qtbot, open_window, series_db, monkeypatch):
    """The reader types "sim", whose background search is slow; they type on: only "sim rac" shows.

    The older query is a long SQLite statement, as a common word in a large library is: the newer
    keystroke interrupts it. Its (stale) results are still sent, as a query that ended anyway would.
    """
    window = open_window(series_db, "en")
    started = threading.Event()
    interrupted: list[str] = []

    def slow_for_the_older_query(store, text, briefing_id=None, limit=50):
        if text != "sim":
            return real_search(store, text, briefing_id, limit)
        started.set()
        try:  # seconds of work, unless interrupted
            store.connection().execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                       "WHERE x < 400000000) SELECT count(*) FROM c").fetchone()
        except sqlite3.OperationalError as exc:
            interrupted.append(str(exc))
        return [stale_result("test-2017-h1")]

    monkeypatch.setattr(background_search, "search", slow_for_the_older_query)
    controller = start_typing(qtbot, window, "sim")
    seen = shown_texts_recorder(controller)
    qtbot.waitUntil(started.is_set)
    assert controller.is_searching()
    qtbot.keyClicks(controller.field, " rac")
    qtbot.waitUntil(lambda: controller._query == "sim rac" and not controller.is_searching())
    qtbot.waitUntil(controller.background.is_idle)
    qtbot.wait(50)  # any result still on its way has arrived by now
    assert interrupted == ["interrupted"]
    texts = controller.result_texts()
    assert not any("STALE" in t for t in texts + seen)
    assert controller.model.result_count() == 12
    for result in controller.model.results():
        assert all(fold(result.snippet[s:e]) in ("sim rac", "sim", "rac") for s, e in result.highlights)


def test_the_other_briefings_are_added_below_without_moving_the_row_under_the_cursor(
        qtbot, open_window, series_db, monkeypatch, time_limit):
    window = open_window(series_db, "en")
    release = hold_worker(monkeypatch, time_limit, 5)
    controller = start_typing(qtbot, window, "sim rac")
    # The briefing shown (H1 2018) is listed at once; the status says more is coming.
    assert {r.briefing_id for r in controller.model.results()} == {"test-2018-h1"}
    assert controller.model.result_count() == 4
    assert "Searching the other briefings…" in controller.status.text()
    qtbot.keyClick(controller.field, Qt.Key.Key_Down)
    qtbot.keyClick(controller.view, Qt.Key.Key_Down)
    current = controller.view.currentIndex()
    chosen = controller.model.result_at(current.row())
    place = controller.view.visualRect(current)
    first_rows = controller.result_texts()
    release.set()
    qtbot.waitUntil(lambda: not controller.is_searching())
    # Nothing moved: the same row is current, in the same place, and the earlier rows are unchanged.
    assert controller.view.hasFocus()
    assert controller.model.result_at(controller.view.currentIndex().row()) is chosen
    # (a scroll bar may appear beside it: the row keeps its top and height)
    moved = controller.view.visualRect(controller.view.currentIndex())
    assert (moved.top(), moved.height()) == (place.top(), place.height())
    texts = controller.result_texts()
    assert texts[:len(first_rows)] == first_rows
    assert texts[len(first_rows)] == "Other briefings (8)"
    assert {r.briefing_id for r in controller.model.results()[4:]} == {"test-2017-h1", "test-2017-fy"}
    assert "Searching" not in controller.status.text()
    assert controller.status.text().startswith("12 results")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_both_scopes_fold_tone_marks_and_d(qtbot, open_window, series_db, lang):
    window = open_window(series_db, lang)
    controller = start_typing(qtbot, window, "dien thoai")
    qtbot.waitUntil(lambda: not controller.is_searching())
    results = controller.model.results()
    assert {r.briefing_id for r in results} == {"test-2018-h1", "test-2017-h1", "test-2017-fy"}
    assert results[0].briefing_id == "test-2018-h1"  # the briefing shown first
    for result in results:
        assert "điện thoại" in result.snippet
        assert [result.snippet[s:e] for s, e in result.highlights] == ["điện thoại"]
    qtbot.mouseClick(controller.scope_current_button, Qt.MouseButton.LeftButton)
    assert not controller.is_searching()  # one briefing: nothing goes to the background
    assert [r.briefing_id for r in controller.model.results()] == ["test-2018-h1"]
    assert "điện thoại" in controller.model.results()[0].snippet


def test_enter_opens_the_best_result_of_the_briefing_shown_without_waiting(
        qtbot, open_window, series_db, monkeypatch, time_limit):
    window = open_window(series_db, "en")
    release = hold_worker(monkeypatch, time_limit, 5)
    controller = start_typing(qtbot, window, "sim rac")
    qtbot.keyClick(controller.field, Qt.Key.Key_Return)
    assert window.state.snapshot.briefing.id == "test-2018-h1"
    assert not controller.popup.isVisible()
    release.set()
    qtbot.waitUntil(lambda: controller.background.is_idle())


def test_closing_the_window_stops_the_worker(qtbot, open_window, series_db, monkeypatch, time_limit):
    window = open_window(series_db, "en")
    hold_worker(monkeypatch, time_limit, 0.3)  # the window closes while it waits
    controller = start_typing(qtbot, window, "sim rac")
    assert controller.is_searching()
    window.close()
    assert controller.background.is_idle()
    assert not controller.is_searching()
