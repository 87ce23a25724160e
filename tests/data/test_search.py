"""Full-text search: folding, prefixes, numbers, ranking, snippets, and any input at all."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.data.folding import fold
from briefing_app.data.search import (
    MAX_QUERY_CHARS,
    MAX_WORDS,
    SearchResult,
    _and_expr,
    _phrase_pattern,
    _word_patterns,
    make_snippet,
    parse_query,
    search,
)
from briefing_app.data.store import StoreError, open_store
from briefing_fixtures import SMALL_YAML, write_briefing


@pytest.fixture(scope="module")
def store(request):
    from briefing_fixtures import ROOT

    with open_store(ROOT / "data.db") as opened:
        yield opened


def keys(results: list[SearchResult]) -> list[tuple[str, int]]:
    return [(r.section, r.item_id) for r in results]


def highlighted(result: SearchResult) -> list[str]:
    return [result.snippet[start:end] for start, end in result.highlights]


def plain(snippet: str) -> str:
    return snippet.strip("…")


# ------------------------------------------------------------------ folding
@pytest.mark.parametrize("query", ["điện thoại", "ĐIỆN THOẠI", "Điện Thoại", "dien thoai", "DIEN THOAI"])
def test_tone_marks_case_and_d_do_not_matter(store, query):
    expected = search(store, "dien thoai")
    assert expected
    assert keys(search(store, query)) == keys(expected)


def test_d_with_stroke_is_d(store):
    assert keys(search(store, "đơn vị")) == keys(search(store, "don vi"))
    assert search(store, "đơn vị")
    results = search(store, "Đà Nẵng")
    assert keys(results) == keys(search(store, "da nang"))


def test_results_carry_original_titles_and_snippets(store):
    results = search(store, "dien thoai", briefing_id="mic-2017-h1")  # the briefing that holds its article
    top = results[0]
    assert top.section == "indicators"
    indicator = next(i for i in store.indicators(top.briefing_id) if i.id == top.item_id)
    assert top.title == indicator.label_vi
    assert "điện thoại" in top.title
    assert plain(top.snippet) in indicator.source_text
    assert [r.rank for r in results] == list(range(1, len(results) + 1))


def test_highlights_land_on_the_matched_words_in_the_original(store):
    for result in search(store, "dien thoai"):
        spans = highlighted(result)
        assert spans, result
        for text in spans:
            assert fold(text) in ("dien thoai", "dien", "thoai"), text
        # A phrase is one span, the space included, in its original spelling.
    top = search(store, "dien thoai")[0]
    assert {s.lower() for s in highlighted(top)} == {"điện thoại"}


# ------------------------------------------------------------------ prefixes
def test_last_word_is_a_prefix_while_typing(store):
    for query in ("thue b", "thue ba", "thuê bao", "thue bao"):
        results = search(store, query)
        assert results, query
        assert "thuê bao" in results[0].snippet.lower() or "thuê bao" in results[0].title.lower()
    assert any("viễn thông" in r.snippet.lower() for r in search(store, "vien th"))
    assert any("viễn thông" in r.snippet.lower() for r in search(store, "vien thon"))


def test_short_prefix_highlights_the_start_of_the_word(store):
    top = search(store, "thue b")[0]
    assert all(fold(t).startswith("thue b") for t in highlighted(top))


def test_a_trailing_space_ends_the_word(store):
    assert parse_query("thue b ").open_tail is False
    assert parse_query("thue b").open_tail is True
    # "b" is not a word of the report; a finished "b" finds nothing.
    assert search(store, "thue b ") == []


def test_fts_gets_a_star_only_on_a_last_word_of_three_letters_or_more():
    assert _and_expr(parse_query("thue bao").words, parse_query("thue bao").fts_prefix) == '"thue" AND "bao" *'
    short = parse_query("thue b")
    assert not short.fts_prefix and short.short_tail
    assert _and_expr(short.words, short.fts_prefix) == '"thue" AND "b"'
    assert not parse_query("ba").fts_prefix


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize("query", ["213.355", "213355", "213,355"])
def test_numbers_match_with_or_without_separators(store, query):
    results = search(store, query)
    telecom_revenue = next(i for i in store.indicators("mic-2017-h1") if i.value_text == "213.355")
    assert ("indicators", telecom_revenue.id) in keys(results)
    indicator = next(r for r in results if r.section == "indicators")
    assert highlighted(indicator) == ["213.355"]


def test_long_grouped_numbers(store):
    assert keys(search(store, "72.736.956.416")) == keys(search(store, "72736956416"))
    assert highlighted(search(store, "72736956416")[0]) == ["72.736.956.416"]


def test_numbers_in_a_small_database(small_db):
    with open_store(small_db) as small:
        assert keys(search(small, "213355")) == keys(search(small, "213.355"))
        assert search(small, "213355")


# ------------------------------------------------------------------ ranking
RANKING_YAML = SMALL_YAML.replace(
    '''limitations:
  - key: l1''', '''limitations:
  - key: scattered
    sector: telecom
    title: {vi: "Thoại và điện", en: "Scattered"}
    source: "Thoại và điện năng."
  - key: phrase
    sector: telecom
    title: {vi: "Phát triển mạng lưới điện thoại cố định tại các vùng sâu, vùng xa trên cả nước", en: "Phrase"}
    source: "Phát triển mạng lưới điện thoại cố định tại các vùng sâu, vùng xa và biên giới trên cả nước."
  - key: l1''')
RANKING_ARTICLE = (
    "Tiêu đề thử nghiệm\n\n"
    "Phát triển mạng lưới điện thoại cố định tại các vùng sâu, vùng xa và biên giới trên cả nước.\n"
    "Thoại và điện năng.\n"
)


@pytest.fixture
def ranking_db(tmp_path):
    from briefing_app.data.build import build_database
    from briefing_fixtures import ARTICLE

    path = write_briefing(tmp_path / "src", RANKING_YAML,
                          ARTICLE.replace("Sim rác vẫn", RANKING_ARTICLE + "Sim rác vẫn"))
    target = tmp_path / "ranking.db"
    build_database([path], target)
    return target


def test_an_exact_phrase_ranks_above_scattered_words(ranking_db):
    with open_store(ranking_db) as ranked:
        ids = {i.key: i.id for i in ranked.items("limitations", "test-2017")}
        conn = ranked.connection()
        # bm25 alone prefers the short item with the words repeated ...
        floor = [tuple(r) for r in conn.execute(
            "SELECT section, item_id FROM search_index WHERE search_index MATCH ? AND section = 'limitations' "
            "ORDER BY bm25(search_index, 0, 0, 0, 4, 1)", ('"dien" AND "thoai"',))]
        assert floor[0] == ("limitations", ids["scattered"])
        # ... search puts the phrase first.
        results = [r for r in search(ranked, "dien thoai") if r.section == "limitations"]
        assert [r.item_id for r in results] == [ids["phrase"], ids["scattered"]]
        sources = [r for r in search(ranked, "dien thoai") if r.section == "source"]
        assert sources[-1].snippet == "Thoại và điện năng."
        assert all("điện thoại" in r.snippet for r in sources[:-1])


def test_results_of_one_section_order_and_limit(store):
    assert len(search(store, "thong", limit=3)) == 3
    assert search(store, "thong", limit=0) == []
    assert len(search(store, "thong", limit=10_000)) <= 500


def test_restrict_to_a_briefing(store):
    assert search(store, "dien thoai", briefing_id="mic-2017-h1")
    assert search(store, "dien thoai", briefing_id="no-such-briefing") == []


# ------------------------------------------------------------------ snippets
def test_source_paragraph_results(store):
    results = [r for r in search(store, "so hoa truyen hinh") if r.section == "source"]
    assert results
    article = store.briefing(results[0].briefing_id).article_text
    for result in results:
        paragraph = article[result.item_id:result.item_id + result.length]
        assert "\n" not in paragraph and result.length > 0
        assert article[result.item_id + result.length:result.item_id + result.length + 1] in ("\n", "")
        assert plain(result.snippet) in paragraph
        assert paragraph.startswith(result.title.rstrip("…"))


def test_long_texts_are_cut_around_the_match_at_spaces(store):
    result = next(r for r in search(store, "Internet") if r.snippet.startswith("…"))
    assert len(result.snippet) <= 170
    assert all(result.snippet[s:e].lower() == "internet" for s, e in result.highlights)
    assert result.snippet[1] != " "


def test_snippet_spans_survive_folding_that_changes_length():
    query = parse_query("dien thoai")
    decomposed = unicodedata.normalize("NFD", "Straße và điện thoại")
    for text in ("Straße và điện thoại", decomposed, "ﬁ điện thoại ß"):
        snippet, spans = make_snippet([text], _word_patterns(query), _phrase_pattern(query))
        assert snippet == text
        assert [unicodedata.normalize("NFC", snippet[s:e]) for s, e in spans] == ["điện thoại"], text


def test_snippet_prefers_the_text_with_most_words():
    query = parse_query("thue bao")
    texts = ["chỉ có thuê", "thuê bao di động", "bao"]
    snippet, spans = make_snippet(texts, _word_patterns(query))
    assert snippet == "thuê bao di động" and spans == ((0, 4), (5, 8))
    # With the phrase pattern the two words are one span.
    assert make_snippet(texts, _word_patterns(query), _phrase_pattern(query))[1] == ((0, 8),)


def test_snippet_text_is_never_markup(store):
    for result in search(store, "tt&tt"):
        assert "&amp;" not in result.snippet
    assert any("TT&TT" in r.snippet for r in search(store, "tt&tt"))


# ------------------------------------------------------------------ any input is safe
@pytest.mark.parametrize("query", [
    "", " ", "\t\n", "!!!", "*", "^", ":", "(", ")", '"', '""', "'", "NEAR", "AND", "OR", "NOT",
    'dien AND thoai', 'dien OR thoai', 'NOT dien', 'NEAR(dien thoai, 2)', '"dien thoai"', 'dien*', '^dien',
    'title:dien', 'body:thoai', '{title body}:dien', 'dien + thoai', '"dien" "', 'dien"thoai', '(((', "\x00",
    "😀", "dien 😀 thoai", "\ud800", "🇻🇳 điện thoại", "-dien", "dien -thoai", "\u200b", "ｄｉｅｎ",
])
def test_fts_syntax_and_odd_characters_are_just_text(store, query):
    results = search(store, query)
    assert isinstance(results, list)


def test_quotes_and_operators_are_searched_as_words(store):
    assert keys(search(store, '"dien thoai"')) == keys(search(store, "dien thoai "))
    assert keys(search(store, "dien AND thoai")) == keys(search(store, "dien and thoai"))
    assert search(store, "dien thoai (") == search(store, "dien thoai ")
    assert search(store, "") == [] and search(store, "!!!") == []


def test_a_ten_thousand_character_paste(store):
    assert isinstance(search(store, "điện thoại " * 1000), list)
    assert isinstance(search(store, "x" * 10_000), list)
    assert isinstance(search(store, '"*(^:' * 2000), list)
    assert len(parse_query("a " * 5000).words) == MAX_WORDS
    assert len("".join(parse_query("b" * 10_000).tokens)) == MAX_QUERY_CHARS


def test_a_query_with_nothing_searchable_parses_to_none():
    for text in ("", "   ", "!!!", '"', "😀", "_"):
        assert parse_query(text) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_never_raises(store, text):
    results = search(store, text)
    assert isinstance(results, list)
    for result in results:
        for start, end in result.highlights:
            assert 0 <= start < end <= len(result.snippet)


FTS_PIECES = ['"', "'", "*", "^", ":", "(", ")", "{", "}", "+", "-", ",", "AND", "OR", "NOT", "NEAR", "NEAR(",
              "dien", "thoai", "đ", "Đ", "ấ", "b", "213", ".355", "😀", " ", "  ", "\x00", "title", "body", "\\"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FTS_PIECES), max_size=12).map("".join))
def test_fts_like_input_never_raises(store, text):
    assert isinstance(search(store, text), list)


# ------------------------------------------------------------------ the database itself
def test_a_closed_store_raises_store_error(bundled_db):
    closed = open_store(bundled_db)
    closed.close()
    with pytest.raises(StoreError):
        search(closed, "dien thoai")


def test_search_module_imports_no_qt():
    code = textwrap.dedent("""
        import sys
        import briefing_app.data.search
        print([m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))])
    """)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


# ------------------------------------------------------------------ command line
def test_cli_search_json(capsysbinary, bundled_db):
    import json

    from briefing_app.cli import main

    assert main(["search", "dien thoai", "--json", "--db", str(bundled_db), "--limit", "3"]) == 0
    results = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert len(results) == 3
    assert set(results[0]) == {"section", "id", "briefing", "title", "snippet", "highlights"}
    top = results[0]
    assert top["section"] == "indicators" and "điện thoại" in top["title"]
    assert all(fold(top["snippet"][s:e]) == "dien thoai" for s, e in top["highlights"])


def test_cli_search_plain_lines_and_errors(capsysbinary, bundled_db, tmp_path):
    from briefing_app.cli import main

    assert main(["search", "213355", "--db", str(bundled_db), "--briefing", "mic-2017-h1"]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 4 for line in lines)
    assert lines[0].startswith("indicators\tmic-2017-h1\tDoanh thu viễn thông phát sinh\t")
    assert main(["search", '"(*^:)', "--db", str(bundled_db)]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == b"" and b"no results" in captured.err
    assert main(["search", "x", "--db", str(tmp_path / "missing.db")]) == 1
    err = capsysbinary.readouterr().err.decode("utf-8")
    assert err.count("\n") == 1 and "file not found" in err
