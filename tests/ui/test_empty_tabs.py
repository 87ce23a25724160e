"""A tab over something the briefing does not have says so, in both languages, instead of showing a
blank pane or "Nothing to chart." twice."""

from __future__ import annotations

import pytest

from briefing_app.data.build import build_database
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_fixtures import SMALL_YAML, without_sections, write_briefing

SECTIONS = ("indicators", "achievements", "limitations", "directives", "enterprises")
SAID = {
    "indicators": ("Báo cáo này không có số liệu nào.", "This briefing lists no figures."),
    "achievements": ("Báo cáo này không có kết quả nào.", "This briefing lists no achievements."),
    "limitations": ("Báo cáo này không có hạn chế nào.", "This briefing lists no limitations."),
    "directives": ("Báo cáo này không có nhiệm vụ nào.", "This briefing lists no directives."),
    "enterprises": ("Báo cáo này không có số liệu doanh nghiệp nào.", "This briefing lists no enterprises."),
}


@pytest.fixture(scope="module")
def bare_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bare")
    target = folder / "bare.db"
    build_database([write_briefing(folder / "src", without_sections(SMALL_YAML, *SECTIONS))], target)
    return target


@pytest.mark.parametrize("section", SECTIONS)
def test_a_tab_says_what_the_briefing_lacks(qtbot, open_window, bare_db, section):
    window = open_window(bare_db, "vi")
    tab = window.tabs.show_tab(section)
    assert tab.empty_state.is_empty()
    assert tab.empty_state.label.isVisible()
    assert tab.empty_state.label.text() == SAID[section][0]
    window.state.set_language("en")
    assert tab.empty_state.label.text() == SAID[section][1]
    # No chart says "Nothing to chart." where the sentence says it all.
    assert not [w for w in tab.findChildren(type(tab.empty_state.label), "chartEmpty") if w.isVisible()]


@pytest.mark.parametrize("section", SECTIONS)
def test_a_briefing_with_them_shows_the_content(qtbot, open_window, small_db, section):
    window = open_window(small_db, "en")
    tab = window.tabs.show_tab(section)
    assert not tab.empty_state.is_empty()
    assert not tab.empty_state.label.isVisible()


def test_switching_to_a_briefing_with_directives_shows_them_again(qtbot, open_window, bare_db, small_db):
    window = open_window(bare_db, "en")
    tab = window.tabs.show_tab("directives")
    assert tab.empty_state.is_empty()
    with open_store(small_db) as store:
        window.state.set_snapshot(load_snapshot(store, "test-2017"))
    assert not tab.empty_state.is_empty()
    assert tab.model.rowCount() > 0
