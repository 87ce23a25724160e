"""The Trends tab on a database where reading every measure takes a while (issue #17; 770 ms on the scale
database when it read every series before showing): it shows at once, fills as a worker thread builds each
measure while the event loop keeps running, ends with the same rows as reading them all at once, refreshes on a
database change, says when the database cannot be read, stops its worker when the window closes, and shares what
it read with the Indicators tab's "Over time" chart."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
import test_over_time
from PySide6.QtCore import QTimer
from test_over_time import MOBILE, REVENUE, filled, select_key

from briefing_app.data.measures import shipped_measures
from briefing_app.data.series import build_series
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import StoreError
from briefing_app.i18n import Message, tr
from briefing_app.ui import background_series
from briefing_app.ui.charts import over_time
from briefing_app.ui.tabs.trends_tab import TrendsTab, _row

# The three half-years of test_over_time and a store open on them.
three_db = test_over_time.three_db
store = test_over_time.store

#: How long each measure takes to read in these tests: longer than a step may hold the event loop.
SLOW_S = 0.06


@pytest.fixture
def reads(monkeypatch):
    """Every series read, in order, by the window (the "Over time" chart) or the Trends tab's worker thread;
    each read takes SLOW_S, as a measure of a large database does."""
    done: list[str] = []
    real = over_time.build_series

    def slow(store, measure, **kw):
        time.sleep(SLOW_S)
        done.append(measure)
        return real(store, measure, **kw)

    monkeypatch.setattr(over_time, "build_series", slow)
    monkeypatch.setattr(background_series, "build_series", slow)
    return done


def table_rows(tab) -> list[list[str]]:
    return sorted([tab.table.item(r, c).text() for c in range(tab.table.columnCount())]
                  for r in range(tab.table.rowCount()))


def rows_read_at_once(store, lang: str) -> list[list[str]]:
    """The rows as the tab listed them when it read every measure of the catalogue before showing."""
    found = [build_series(store, m) for m in shipped_measures()]
    return sorted([text for text, _ in _row(s, lang)] for s in found if len(s.points) >= 2)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_trends_shows_at_once_and_fills_while_the_window_stays_responsive(qtbot, open_tab, state, store, reads,
                                                                          lang):
    state.set_language(lang)
    state.set_store(store)
    ticks: list[float] = []
    beat = QTimer()
    beat.setInterval(5)
    beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    beat.start()
    started = time.perf_counter()
    tab = open_tab(TrendsTab, load_snapshot(store, "b-2017"))
    # Shown before any measure is read: the heading says the table is being filled.
    assert tab.isVisible() and tab.filling() and tab.table.rowCount() == 0
    assert tab.heading.text() == tr("trends.reading", lang, done="0", total="3")
    assert time.perf_counter() - started < 3 * SLOW_S  # not one read per measure before showing
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=5000)
    filled(qtbot, tab)
    beat.stop()
    # The event loop ran between the reads: the timer fired while the three measures were read.
    during = [t for t in ticks if t > started]
    assert len(during) >= 3
    assert table_rows(tab) == rows_read_at_once(store, lang)
    assert tab.heading.text() == tr("trends.table", lang)
    assert tab.chart.empty_label.text() == tr("trends.choose", lang)


def test_a_measure_never_named_is_never_read(qtbot, open_tab, state, store, reads):
    """One query says which measures some figure names: the catalogue's other sixty are not read."""
    state.set_store(store)
    filled(qtbot, open_tab(TrendsTab, load_snapshot(store, "b-2017")))
    assert sorted(reads) == sorted([MOBILE, REVENUE, "telecom.subscribers.fixed"])


def test_a_database_change_refreshes_the_trends_and_keeps_the_choice(qtbot, open_window, three_db, reads):
    window = open_window(three_db, "en")
    window.tabs.setCurrentIndex(next(i for i, e in enumerate(window.tabs.entries) if e.key == "trends"))
    tab = filled(qtbot, window.tabs.tab("trends"))
    assert sorted(tab.measures()) == [REVENUE, MOBILE]
    assert tab.select_measure(MOBILE)
    row = tab.measures().index(MOBILE)
    assert tab.table.item(row, 3).text() == "4"

    conn = sqlite3.connect(three_db, isolation_level=None)
    conn.execute("UPDATE indicators SET measure = NULL WHERE measure = ?", (REVENUE,))
    conn.execute("UPDATE indicators SET value_text = '150', value = 150 WHERE key = 'mobile' AND value_text = '136'")
    conn.close()
    qtbot.waitUntil(lambda: tab.measures() == [MOBILE] and not tab.filling(), timeout=5000)
    assert tab.current_measure() == MOBILE
    assert tab.table.item(0, 6).text() == "134.5 million subscribers"
    qtbot.waitUntil(lambda: tab.chart.series_plot is not None and 150.0 in [
        y for _c, s, _x, y in tab.chart.series_plot.points() if s == 0], timeout=5000)


def test_trends_and_over_time_read_each_measure_once_until_the_database_changes(qtbot, open_window, three_db,
                                                                                  reads):
    window = open_window(three_db)
    window.session.select_briefing("b-2019")
    window.tabs.setCurrentIndex(next(i for i, e in enumerate(window.tabs.entries) if e.key == "trends"))
    filled(qtbot, window.tabs.tab("trends"))
    assert reads.count(MOBILE) == 1
    window.tabs.setCurrentWidget(window.indicators_tab)
    select_key(qtbot, window.indicators_tab, "mobile")
    assert reads.count(MOBILE) == 1  # the Trends tab's series drew the chart
    assert window.indicators_tab.over_time_source is window.tabs.tab("trends").source

    conn = sqlite3.connect(three_db, isolation_level=None)
    conn.execute("UPDATE indicators SET value_text = '150', value = 150 WHERE key = 'mobile' AND value_text = '136'")
    conn.close()
    qtbot.waitUntil(lambda: reads.count(MOBILE) == 2, timeout=5000)  # the chart shown reads it again
    window.tabs.setCurrentIndex(next(i for i, e in enumerate(window.tabs.entries) if e.key == "trends"))
    filled(qtbot, window.tabs.tab("trends"))
    assert reads.count(MOBILE) == 2  # and the Trends tab uses that read


def test_the_series_are_built_off_the_gui_thread(qtbot, open_tab, state, store, monkeypatch):
    """Each measure takes tens of milliseconds on a large database: none of them holds the event loop."""
    on_gui_thread: list[bool] = []
    real = background_series.build_series

    def recording(store, measure, **kw):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(store, measure, **kw)

    monkeypatch.setattr(background_series, "build_series", recording)
    monkeypatch.setattr(over_time, "build_series", recording)
    state.set_store(store)
    tab = filled(qtbot, open_tab(TrendsTab, load_snapshot(store, "b-2017")))
    assert sorted(tab.measures()) == sorted([MOBILE, REVENUE])
    assert on_gui_thread == [False, False, False]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_database_that_cannot_be_read_is_said_in_the_heading(qtbot, open_tab, state, store, monkeypatch, lang):
    def failing(store, measure, **kw):
        raise StoreError(store.path, Message("problem.read_failed", reason="disk I/O error"))

    monkeypatch.setattr(background_series, "build_series", failing)
    state.set_language(lang)
    state.set_store(store)
    tab = open_tab(TrendsTab, load_snapshot(store, "b-2017"))
    qtbot.waitUntil(lambda: tab.heading.text() == tr("series.unreadable", lang), timeout=5000)
    assert not tab.filling() and tab.table.rowCount() == 0


def test_closing_the_window_while_the_trends_fill_stops_the_worker(qtbot, open_window, three_db, reads):
    window = open_window(three_db, "en")
    window.tabs.setCurrentIndex(next(i for i, e in enumerate(window.tabs.entries) if e.key == "trends"))
    tab = window.tabs.tab("trends")
    assert tab.filling()
    window.close()
    # The worker finished the measure it was building and reads no more; nothing arrives after the window closed.
    assert tab.reader.is_idle() and len(reads) <= 1
    qtbot.wait(3 * int(SLOW_S * 1000))
    assert len(reads) <= 1 and tab.table.rowCount() == 0
