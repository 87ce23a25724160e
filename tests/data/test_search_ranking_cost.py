"""What search ranks, and what it does not need to: the word as typed first, the briefings added last
first in a large library, rowids only, and an interrupt from another thread."""

from __future__ import annotations

import pytest

from briefing_app.data import search as search_module
from briefing_app.data.build import build_database
from briefing_app.data.search import SearchInterrupted, search
from briefing_app.data.store import open_store
from briefing_fixtures import ARTICLE, SMALL_YAML, series_database, write_briefing

# "số hóa" typed whole, and "số hoạt động": "so hoa*" matches both.
PREFIX_YAML = SMALL_YAML.replace(
    '''limitations:
  - key: l1''', '''limitations:
  - key: longer_word
    sector: telecom
    title: {vi: "Số hoạt động", en: "Longer word"}
    source: "Số hoạt động."
  - key: typed_word
    sector: telecom
    title: {vi: "Số hóa truyền hình mặt đất tại các tỉnh miền núi và vùng sâu, vùng xa còn chậm", en: "Typed word"}
    source: "Số hóa truyền hình mặt đất tại các tỉnh miền núi và vùng sâu, vùng xa còn chậm."
  - key: l1''')
PREFIX_ARTICLE = "Tiêu đề thử nghiệm\n\nSố hoạt động.\nSố hóa truyền hình mặt đất tại các tỉnh miền núi và vùng sâu, " \
                 "vùng xa còn chậm.\n"


@pytest.fixture
def prefix_db(tmp_path):
    path = write_briefing(tmp_path / "src", PREFIX_YAML, ARTICLE.replace("Sim rác vẫn", PREFIX_ARTICLE + "Sim rác vẫn"))
    target = tmp_path / "prefix.db"
    build_database([path], target)
    return target


def test_the_word_as_typed_ranks_above_longer_words_that_start_with_it(prefix_db):
    with open_store(prefix_db) as store:
        ids = {i.key: i.id for i in store.items("limitations", "test-2017")}
        # bm25 alone prefers the short item ("số hoạt động"): its title is all match ...
        floor = [row[0] for row in store.connection().execute(
            "SELECT item_id FROM search_index WHERE search_index MATCH ? AND section = 'limitations' "
            "ORDER BY bm25(search_index, 0, 0, 0, 4, 1)", ('"so hoa" *',))]
        assert floor == [ids["longer_word"], ids["typed_word"]]
        # ... while the reader typed "số hóa", a whole word: that comes first.
        results = [r for r in search(store, "so hoa") if r.section == "limitations"]
        assert [r.item_id for r in results] == [ids["typed_word"], ids["longer_word"]]
        best = results[0]
        assert [best.snippet[s:e] for s, e in best.highlights] == ["Số hóa"]
        # With a space after it the word is complete: the longer word no longer matches.
        assert [r.item_id for r in search(store, "so hoa ") if r.section == "limitations"] == [ids["typed_word"]]


@pytest.fixture
def series_db(tmp_path):
    return series_database(tmp_path / "src", tmp_path / "series.db")


def test_a_large_library_ranks_the_briefings_added_last_first(series_db, monkeypatch):
    """With more index rows than RECENT_ROWS, a page the briefings added last fill comes from them;
    a page they do not fill is ranked over every briefing, as in a small library."""
    with open_store(series_db) as store:
        everything = search(store, "sim rac")
        assert len({r.briefing_id for r in everything}) == 3
        added_last = store.connection().execute(
            "SELECT briefing_id FROM search_index ORDER BY rowid DESC LIMIT 1").fetchone()[0]
        monkeypatch.setattr(search_module, "RECENT_ROWS", 3)
        search_module._ROWID_RANGES.clear()
        page = search(store, "sim rac", limit=2)
        assert {r.briefing_id for r in page} == {added_last}
        assert [r.rank for r in page] == [1, 2]
        # Not filled by the last briefing alone (4 results there): every briefing, ranked as before.
        assert search(store, "sim rac") == everything


def test_one_briefing_is_searched_in_its_rows_only(series_db):
    with open_store(series_db) as store:
        for briefing in ("test-2017-h1", "test-2018-h1", "test-2017-fy"):
            results = search(store, "sim rac", briefing)
            assert len(results) == 4 and {r.briefing_id for r in results} == {briefing}


def test_an_interrupted_search_says_so(series_db):
    """Another thread's ``interrupt()`` (a newer keystroke in the window) ends a search with SearchInterrupted,
    not with a "cannot be searched" error about the database."""
    with open_store(series_db) as store:
        assert len(search(store, "sim rac")) == 12
        store.connection().set_progress_handler(lambda: 1, 1)  # what interrupt() does to a running statement
        with pytest.raises(SearchInterrupted):
            search(store, "sim rac")
        store.connection().set_progress_handler(None, 1)
        assert len(search(store, "sim rac")) == 12


def test_a_paragraph_result_follows_a_change_of_its_article(tmp_path, series_db):
    """Articles are kept between searches (successive keystrokes find the same paragraphs), but
    a change of the file shows at the next search."""
    import sqlite3

    with open_store(series_db) as store:
        before = [r for r in search(store, "sim rac", "test-2017-h1") if r.section == "source"]
        assert before and "Sim rác" in before[0].snippet
        writer = sqlite3.connect(series_db)
        with writer:
            writer.execute("UPDATE briefings SET article_text = replace(article_text, 'Sim rác vẫn', 'SIM RÁC VẪN') "
                           "WHERE id = 'test-2017-h1'")
        writer.close()
        after = [r for r in search(store, "sim rac", "test-2017-h1") if r.section == "source"]
        assert [r.item_id for r in after] == [r.item_id for r in before]
        assert "SIM RÁC VẪN" in after[0].snippet
        assert [after[0].snippet[s:e] for s, e in after[0].highlights] == ["SIM RÁC"]
