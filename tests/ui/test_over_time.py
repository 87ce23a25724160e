"""A measure over time in the window (issue #15 §3): the Indicators tab's "Over time" chart of the selected
figure's measure, across every briefing of the database, and the Trends tab of every measure with two or
more points."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPointF, Qt

from briefing_app.data.build import build_database
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_app.i18n import tr
from briefing_app.ui.charts.series_plot import CONFLICT_COLOR
from briefing_app.ui.tabs.indicators_tab import IndicatorsTab
from briefing_app.ui.tabs.trends_tab import TrendsTab
from briefing_fixtures import measured_briefing

H1 = {2017: ("6 tháng đầu năm 2017", "2017-01-01", "2017-06-30"),
      2018: ("6 tháng đầu năm 2018", "2018-01-01", "2018-06-30"),
      2019: ("6 tháng đầu năm 2019", "2019-01-01", "2019-06-30")}
MOBILE = "telecom.subscribers.mobile"
REVENUE = "telecom.revenue.generated"


def mobile(value: str, year: int, qualifier: str | None = None, **more) -> dict:
    said = f"{qualifier} {value}" if qualifier else value
    return dict(key="mobile", measure=MOBILE, value=value, unit="triệu thuê bao", qualifier=qualifier,
                as_of=f"{year}-06-30", sentence=more.pop("sentence", f"Cả nước có {said} triệu thuê bao di động."),
                **more)


def revenue(value: str) -> dict:
    return dict(key="revenue", measure=REVENUE, value=value, unit="tỷ đồng",
                sentence=f"Doanh thu viễn thông phát sinh đạt {value} tỷ đồng.")


#: Three half-years: mobile subscribers stated in each (3 points) and implied once by H1-2019's
#: "bằng 112,3% so với cùng kỳ năm 2018" (134,5 ÷ 112,3% ≈ 119,8 against "khoảng 136": a conflict);
#: revenue stated twice; fixed-line subscribers once (one point only); one figure names no measure.
BRIEFINGS = [
    ("b-2019", H1[2019], [
        mobile("134,5", 2019, same_period_pct="112,3", compared_with="cùng kỳ năm 2018",
               sentence="Tổng số thuê bao di động là 134,5 triệu thuê bao, bằng 112,3% so với cùng kỳ năm 2018."),
        dict(key="fixed", measure="telecom.subscribers.fixed", value="4,2", unit="triệu thuê bao",
             as_of="2019-06-30", sentence="Thuê bao cố định còn 4,2 triệu thuê bao."),
        dict(key="sites", value="66", unit="điểm cầu", sentence="Hội nghị có 66 điểm cầu."),
    ]),
    ("b-2017", H1[2017], [mobile("120", 2017), revenue("180.000")]),
    ("b-2018", H1[2018], [mobile("136", 2018, "khoảng"), revenue("190.000")]),
]


@pytest.fixture
def three_db(tmp_path):
    target = tmp_path / "three.db"
    build_database([measured_briefing(tmp_path / "src", bid, period, figures) for bid, period, figures in BRIEFINGS],
                   target)
    return target


@pytest.fixture
def store(three_db):
    with open_store(three_db) as opened:
        yield opened


def indicators_tab(open_tab, state, store, briefing="b-2019"):
    state.set_store(store)
    return open_tab(IndicatorsTab, load_snapshot(store, briefing))


def select_key(qtbot, tab, key):
    indicator = next(i for i in tab._snapshot.indicators if i.key == key)
    assert tab.select_item("indicators", indicator.id)
    qtbot.waitUntil(lambda: not tab.over_time.is_empty() or tab.over_time.empty_label.isVisible())
    return indicator


def filled(qtbot, tab, timeout=5000):
    """The Trends tab once every measure is read into its table (it fills a few at a time)."""
    qtbot.waitUntil(lambda: not tab.filling(), timeout=timeout)
    return tab


def drawn(qtbot, chart):
    qtbot.waitUntil(lambda: chart.series_plot is not None and chart.series_plot.widget.isVisible())
    return chart.series_plot


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_over_time_shows_stated_and_implied_points_and_the_conflict(qtbot, open_tab, state, store, lang):
    state.set_language(lang)
    tab = indicators_tab(open_tab, state, store)
    select_key(qtbot, tab, "mobile")
    plot = drawn(qtbot, tab.over_time)
    points = plot.points()
    assert sorted(s for _, s, _, _ in points) == [0, 0, 0, 1]  # 3 stated (solid), 1 implied (hollow)
    assert plot.stated.data.size == 3 and plot.implied.data.size == 1
    assert plot.implied.opts["brush"].style() == Qt.BrushStyle.NoBrush  # hollow
    # The implied value sits at H1-2018 with its formula on hover; the stated "khoảng 136" there is ringed too.
    implied = next(c for c, s, _, _ in points if s == 1)
    hover = tab.over_time.hover_text(implied, 1)
    # the formula in the window's notation (it was Vietnamese in the English window: "1.337.857" read as ~1.3)
    formula = {"vi": "134,5 ÷ 112,3% = 119,77 triệu thuê bao", "en": "134.5 ÷ 112.3% = 119.77 million subscribers"}
    assert formula[lang] in hover and "b-2019" in hover
    assert plot.ring_count() == 2
    assert plot.rings.opts["pen"].color().name().upper() == CONFLICT_COLOR
    note = tab.over_time.notes.text()
    if lang == "vi":
        assert note.startswith("⚠ Mâu thuẫn (30/06/2018): b-2018 nêu khoảng 136 triệu thuê bao, b-2019 suy ra 119,77")
        assert note.endswith("chênh 13,55%")
        assert tab.over_time.title.text() == "Theo thời gian: Thuê bao điện thoại di động"
    else:
        assert note.startswith("⚠ Conflict (30 Jun 2018): b-2018 states about 136 million subscribers, "
                               "b-2019 implies 119.77")
        assert note.endswith("13.55% apart")
        assert tab.over_time.title.text() == "Over time: Mobile telephone subscribers"
    assert tab.over_time.notes.isVisible()


def test_over_time_table_lists_every_point_by_period(qtbot, open_tab, state, store):
    tab = indicators_tab(open_tab, state, store)
    select_key(qtbot, tab, "mobile")
    tab.over_time.show_as_table(True)
    table = tab.over_time.table
    assert tab.over_time.is_showing_table()
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["Kỳ", "Nguồn nêu", "Suy ra từ so sánh"]
    assert rows[0] == ["30/06/2017", "120 triệu thuê bao (b-2017)", "Chưa nêu"] or rows[0][:2] == [
        "30/06/2017", "120 triệu thuê bao (b-2017)"]
    assert [r[0] for r in rows] == ["30/06/2017", "30/06/2018", "30/06/2018", "30/06/2019"]
    assert rows[2][2].startswith("119,77 triệu thuê bao, suy ra từ b-2019: 134,5 ÷ 112,3%")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_figure_without_measure_or_with_one_point_says_so(qtbot, open_tab, state, store, lang):
    state.set_language(lang)
    tab = indicators_tab(open_tab, state, store)
    select_key(qtbot, tab, "sites")
    assert tab.over_time.is_empty()
    assert tab.over_time.empty_label.isVisible()
    assert tab.over_time.empty_label.text() == tr("series.no_measure", lang)
    select_key(qtbot, tab, "fixed")
    assert tab.over_time.is_empty()
    assert tab.over_time.empty_label.text() == tr("series.one_point", lang)
    assert tab.over_time.empty_label.text() == (
        "Only one point so far; a measure needs two or more to be shown over time." if lang == "en" else
        "Mới có một số liệu của thước đo này; cần từ hai kỳ trở lên để vẽ theo thời gian.")


def test_over_time_is_drawn_soon_after_selecting_a_row(qtbot, open_tab, state, store, time_limit):
    tab = indicators_tab(open_tab, state, store, "b-2018")
    select_key(qtbot, tab, "revenue")
    drawn(qtbot, tab.over_time)  # pyqtgraph imported and the plot built once
    tab.over_time_source.clear()  # the series is read again, as after selecting in a new database
    start = time.perf_counter()
    select_key(qtbot, tab, "mobile")
    qtbot.waitUntil(lambda: len(tab.over_time.series_plot.points()) == 4, timeout=time_limit.ms(2))
    elapsed = time.perf_counter() - start
    # The bound is 100 ms (benchmarks/run.py measures it); here a generous bound guards against a hang.
    assert elapsed < time_limit(1.0)


def mobile_in_window(qtbot, open_window, db):
    """The window on the 2019 briefing, its Indicators tab showing mobile subscribers over time:
    (window, tab, the drawn plot)."""
    window = open_window(db)
    window.session.select_briefing("b-2019")
    window.tabs.setCurrentWidget(window.indicators_tab)
    tab = window.indicators_tab
    select_key(qtbot, tab, "mobile")
    return window, tab, drawn(qtbot, tab.over_time)


def test_over_time_follows_the_window_to_another_database(qtbot, open_window, three_db):
    window, tab, plot = mobile_in_window(qtbot, open_window, three_db)
    assert len(plot.points()) == 4
    assert window.state.store is window.session.store


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_trends_lists_measures_with_two_or_more_points_and_charts_the_chosen(qtbot, open_tab, state, store, lang):
    state.set_language(lang)
    state.set_store(store)
    tab = filled(qtbot, open_tab(TrendsTab, load_snapshot(store, "b-2017")))
    # Across all three briefings, whichever is shown; fixed-line subscribers (one point) is not listed.
    assert sorted(tab.measures()) == [REVENUE, MOBILE]
    row = tab.measures().index(MOBILE)
    cells = [tab.table.item(row, c).text() for c in range(tab.table.columnCount())]
    if lang == "vi":
        assert cells == ["Thuê bao điện thoại di động", "triệu thuê bao", "mức tại một thời điểm", "4", "30/06/2017",
                         "30/06/2019", "134,5 triệu thuê bao", "1"]
    else:
        assert cells == ["Mobile telephone subscribers", "million subscribers", "stock (a level at a date)", "4",
                         "30 Jun 2017", "30 Jun 2019", "134.5 million subscribers", "1"]
    assert tab.chart.is_empty() and tab.chart.empty_label.text() == tr("trends.choose", lang)
    assert tab.select_measure(REVENUE)
    plot = drawn(qtbot, tab.chart)
    assert sorted(s for _, s, _, _ in plot.points()) == [0, 0]
    assert tab.chart.title.text() == tr("series.title", lang, name="Doanh thu viễn thông phát sinh" if lang == "vi"
                                        else "Telecommunications revenue generated")
    assert tab.select_measure(MOBILE)
    qtbot.waitUntil(lambda: len(plot.points()) == 4)


def test_trends_is_a_tab_of_the_window(qtbot, open_window, three_db):
    window = open_window(three_db, "en")
    index = next(i for i, e in enumerate(window.tabs.entries) if e.key == "trends")
    window.tabs.setCurrentIndex(index)
    tab = filled(qtbot, window.tabs.tab("trends"))
    assert window.tabs.tabText(index) == "Trends"
    assert sorted(tab.measures()) == [REVENUE, MOBILE]


def test_trends_shows_the_last_value_as_its_briefing_wrote_it(qtbot, open_tab, state, bundled_db):
    """The 2019 review states 51.128.599 thuê bao; the measure counts millions. English shows the
    source's digits in English notation, never the converted "51.128599 million"."""
    from briefing_app.data.store import open_store

    with open_store(bundled_db) as store:
        state.set_store(store)
        for lang, expected in (("en", "51,128,599 subscribers"), ("vi", "51.128.599 thuê bao")):
            state.set_language(lang)
            tab = filled(qtbot, open_tab(TrendsTab, load_snapshot(store, "mic-2019-h1")))
            row = tab.measures().index("telecom.subscribers.mobile_broadband")
            assert tab.table.item(row, 6).text() == expected


def test_the_line_never_joins_a_year_to_a_half_year(qtbot, open_tab, state, bundled_db):
    """Budget contribution: years 2016 and 2017 and the first half of 2019. A line from 94.994 (a year) to
    50.000 (six months) would read as a fall; only the two years are joined."""
    from briefing_app.data.charts import series_chart
    from briefing_app.data.series import build_series
    from briefing_app.data.store import open_store

    with open_store(bundled_db) as store:
        spec = series_chart(build_series(store, "ict.budget_contribution"))
        assert spec is not None
        stated = [c for c, v in enumerate(spec.series[0].values) if v is not None]
        assert [spec.spans[c] for c in stated] == [12, 12, 6]
        state.set_store(store)
        state.set_language("en")
        tab = filled(qtbot, open_tab(TrendsTab, load_snapshot(store, "mic-2019-h1")))
        assert tab.select_measure("ict.budget_contribution")
        plot = drawn(qtbot, tab.chart)
        assert list(plot.line.opts["connect"]) == [True, False, False]



def test_a_measure_is_read_once_until_the_database_changes(qtbot, open_window, three_db, monkeypatch, time_limit):
    """The "Over time" series is kept per measure for the open database: going back to a figure draws it without
    reading the database again; another program's commit (live reload) reads it afresh and the chart shows it."""
    import sqlite3

    from briefing_app.ui.charts import over_time

    reads: list[str] = []
    real = over_time.build_series
    monkeypatch.setattr(over_time, "build_series",
                        lambda store, measure, **kw: reads.append(measure) or real(store, measure, **kw))
    window, tab, plot = mobile_in_window(qtbot, open_window, three_db)
    select_key(qtbot, tab, "fixed")
    select_key(qtbot, tab, "mobile")
    assert reads.count(MOBILE) == 1
    assert 136.0 in [y for _c, s, _x, y in plot.points() if s == 0]

    conn = sqlite3.connect(three_db, isolation_level=None)
    conn.execute("UPDATE indicators SET value_text = '150', value = 150 WHERE key = 'mobile' AND value_text = '136'")
    conn.close()
    qtbot.waitUntil(lambda: 150.0 in [y for _c, s, _x, y in plot.points() if s == 0], timeout=time_limit.ms(3))
    assert 136.0 not in [y for _c, s, _x, y in plot.points() if s == 0]
    assert reads.count(MOBILE) == 2
    assert tab.over_time.title.text() == "Theo thời gian: Thuê bao điện thoại di động"


def test_point_texts_are_made_when_read_and_equal_for_equal_series(store):
    """Thousands of points: their hover texts are made when read, and two charts of one series still compare
    equal (nothing is redrawn)."""
    from briefing_app.data.charts import series_chart
    from briefing_app.data.series import build_series

    series = build_series(store, MOBILE)
    first, again = series_chart(series), series_chart(series)
    assert first is not None and again is not None
    assert first.signature() == again.signature()
    stated = first.series[0]
    texts = [stated.text(i, "vi") for i in range(len(first.categories))]
    assert [t for t in texts if t] == [
        "120 triệu thuê bao (b-2017)", "khoảng 136 triệu thuê bao (b-2018)", "134,5 triệu thuê bao (b-2019)"]
    assert list(stated.texts_vi) == texts


def shown_labels(plot) -> list[tuple[str, object]]:
    """The value labels on screen and their rectangles, in the plot widget's pixels."""
    return [(label.toPlainText(), plot.widget.mapFromScene(label.sceneBoundingRect()).boundingRect())
            for label in plot.labels if label.isVisible()]


@pytest.mark.parametrize("width", [260, 420, 900])
def test_value_labels_and_periods_never_overlap_nor_leave_the_plot(qtbot, open_window, bundled_db, width):
    # Seen at 800×600: "1.920.615*" over "2.100.000", "1.223.351*" cut at the left edge, "năm 2015" on "2016".
    window = open_window(bundled_db, "vi")
    tab = window.tabs.show_tab("indicators")
    figure = next(i for i in window.state.snapshot.indicators if i.measure == "ict.revenue.total")
    assert tab.select_item("indicators", figure.id)
    plot = drawn(qtbot, tab.over_time)
    plot.widget.setFixedWidth(width)
    qtbot.waitUntil(lambda: plot.widget.width() == width)
    qtbot.wait(50)
    view = plot.widget.mapFromScene(plot.widget.getPlotItem().vb.sceneBoundingRect()).boundingRect()
    labels = shown_labels(plot)
    assert labels, "at least one value is labelled"
    for i, (text, box) in enumerate(labels):
        assert view.adjusted(-1, -1, 1, 1).contains(box), (text, box, view)
        for other, other_box in labels[i + 1:]:
            assert not box.intersects(other_box), (text, other)
    axis = plot.widget.getPlotItem().getAxis("bottom")
    metrics = plot.widget.fontMetrics()
    ticks = plot._ticks
    assert len(ticks) >= 2
    spans = []
    for x, text in ticks:
        centre = plot.widget.mapFromScene(plot.widget.getPlotItem().vb.mapViewToScene(QPointF(x, 0))).x()
        half = metrics.horizontalAdvance(text) / 2
        spans.append((centre - half, centre + half, text))
        assert view.left() - 1 <= centre - half and centre + half <= view.right() + 1, (text, width)
    for (_l, right, text), (left, _r, other) in zip(spans, spans[1:]):
        assert right < left, (text, other, width)
    assert axis.isVisible()
    if width >= 900:  # room for the periods' names
        assert any("năm" in text for _x, text in ticks), ticks
