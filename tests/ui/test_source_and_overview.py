"""The Source tab's highlighting and the Overview tab's content."""

from briefing_app.ui.tabs.overview_tab import OverviewTab
from briefing_app.ui.tabs.source_tab import SourceTab


def test_source_shows_the_article_and_highlights_a_passage(qtbot, state, snapshot, open_tab):
    tab = open_tab(SourceTab, snapshot)
    assert tab.text.toPlainText().startswith("Bộ TT&TT sơ kết công tác 6 tháng đầu năm")
    directive = snapshot.directives[15]
    tab.highlight(directive.source_offset, len(directive.source_text))
    assert tab.highlighted_text() == directive.source_text
    [selection] = tab.text.extraSelections()
    assert selection.cursor.selectedText().replace("\u2029", "\n") == directive.source_text.replace("\u00a0", " ") \
        or selection.cursor.selectedText() == directive.source_text
    # Scrolled to the end of the article, where directive 16 is.
    bar = tab.text.verticalScrollBar()
    assert bar.value() > bar.maximum() // 2


def test_overview_shows_the_meeting_tiles_counts_and_discrepancies(qtbot, state, snapshot, open_tab):
    tab = open_tab(OverviewTab, snapshot)
    text = tab.text()
    assert text.startswith(snapshot.briefing.title_vi)
    assert "Điểm cầu trực tuyến: 67" in text.replace("\n", " ")
    assert "14/07/2017" in text and "Trương Minh Tuấn" in text
    assert "55 chỉ số" in text and "16 nhiệm vụ" in text
    assert "832 cơ quan, nguồn nêu tổng là 982 cơ quan" in text
    # The headline tile: qualifier, value in Vietnamese notation, unit, comparison in words.
    assert "ước đạt 213.355\ntỷ đồng\nbằng 47,41% kế hoạch năm 2017" in text


def test_overview_switches_language_and_tiles_navigate(qtbot, state, snapshot, open_tab):
    from PySide6.QtCore import QUrl

    tab = open_tab(OverviewTab, snapshot)
    state.set_language("en")
    tab.retranslate()
    text = tab.text()
    assert "estimated 213,355\nbillion VND\n47.41% of the 2017 plan" in text
    assert "14 Jul 2017" in text and "The meeting" in text
    revenue = next(i for i in snapshot.indicators if i.value_text == "213.355")
    assert f'href="item:indicators:{revenue.id}"' in tab.pane.toHtml()
    with qtbot.waitSignal(state.item_requested) as blocker:
        tab.pane.anchorClicked.emit(QUrl(f"item:indicators:{revenue.id}"))
    assert blocker.args == ["indicators", revenue.id]


def test_overview_text_is_never_markup(qtbot, state, snapshot):
    briefing = snapshot.briefing._replace(title_vi='<img src="file:///etc/passwd"><b>x</b>')
    tab = OverviewTab(state)
    qtbot.addWidget(tab)
    tab.set_snapshot(snapshot.replace(briefing=briefing))
    assert tab.text().startswith('<img src="file:///etc/passwd"><b>x</b>')


def test_headlines_are_one_stated_total_per_sector(snapshot):
    chosen = snapshot.headline_indicators()
    assert len({i.sector_id for i in chosen}) == len(chosen) >= 6
    assert all(i.parent_id is None and i.value is not None and i.enterprise_id is None for i in chosen)


def test_an_overview_with_nothing_to_chart_gives_the_text_the_whole_width(qtbot, open_window, bundled_db):
    from briefing_app.data.charts import overview_charts

    window = open_window(bundled_db)  # the newest: the 2019 review, a few figures cited by reference
    assert overview_charts(window.state.snapshot) == []
    tab = window.overview_tab
    qtbot.waitUntil(lambda: tab.chart_layout is not None)
    assert not tab.chart_scroll.isVisible()
    combo = window.briefing_combo
    combo.setCurrentIndex(combo.findData("mic-2017-h1"))
    combo.activated.emit(combo.currentIndex())  # as a user's choice in the period selector
    assert window.state.snapshot.briefing.id == "mic-2017-h1"
    qtbot.waitUntil(lambda: tab.chart_scroll.isVisible() and len(tab.charts) > 0)
