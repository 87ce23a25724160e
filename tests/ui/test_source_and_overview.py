"""The Source tab's highlighting and the Overview tab's content."""

from PySide6.QtCore import Qt

from briefing_app.ui.tabs.overview_tab import OverviewTab, headline_indicators
from briefing_app.ui.tabs.source_tab import SourceTab


def test_source_shows_the_article_and_highlights_a_passage(qtbot, state, snapshot):
    tab = SourceTab(state)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    tab.set_snapshot(snapshot)
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


def test_overview_shows_the_meeting_tiles_counts_and_discrepancies(qtbot, state, snapshot):
    tab = OverviewTab(state)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    tab.set_snapshot(snapshot)
    assert tab.title.text() == snapshot.briefing.title_vi
    assert tab.meeting_values["sites"].text() == "67"
    assert tab.meeting_values["when"].text() == "14/07/2017"
    assert "Trương Minh Tuấn" in tab.meeting_values["chaired_by"].text()
    assert "55 chỉ số" in tab.counts_label.text() and "16 nhiệm vụ" in tab.counts_label.text()
    texts = [label.text() for label in tab.discrepancy_labels]
    assert any("832" in t and "982" in t for t in texts)
    revenue = next(t for t in tab.tiles if t.indicator.value_text == "213.355")
    assert revenue.value.text() == "213.355"
    assert revenue.qualifier.text() == "ước đạt" and revenue.unit.text() == "tỷ đồng"
    assert "bằng 47,41% kế hoạch năm 2017" in revenue.comparison.text()


def test_overview_switches_language_and_tiles_navigate(qtbot, state, snapshot):
    tab = OverviewTab(state)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_snapshot(snapshot)
    state.set_language("en")
    tab.retranslate()
    revenue = next(t for t in tab.tiles if t.indicator.value_text == "213.355")
    assert revenue.value.text() == "213,355"
    assert revenue.qualifier.text() == "estimated" and revenue.unit.text() == "billion VND"
    assert tab.meeting_values["when"].text() == "14 Jul 2017"
    assert tab.meeting_box.title() == "The meeting"
    with qtbot.waitSignal(state.item_requested) as blocker:
        qtbot.mouseClick(revenue, Qt.MouseButton.LeftButton)
    assert blocker.args == ["indicators", revenue.indicator.id]


def test_headlines_are_one_stated_total_per_sector(snapshot):
    chosen = headline_indicators(snapshot)
    assert len({i.sector_id for i in chosen}) == len(chosen) >= 6
    assert all(i.parent_id is None and i.value is not None and i.enterprise_id is None for i in chosen)
