"""One answer to "which briefing": the one asked for, else the one shown before, else the first."""

from __future__ import annotations

import pytest

from briefing_app.data.build import build_database
from briefing_app.data.store import StoreError, choose_briefing, open_store
from briefing_fixtures import SMALL_YAML, write_briefing


@pytest.fixture
def two(tmp_path):
    first = write_briefing(tmp_path / "a", SMALL_YAML, name="a.yaml")
    second = write_briefing(tmp_path / "b", SMALL_YAML.replace("id: test-2017", "id: test-2018"), name="b.yaml")
    target = tmp_path / "two.db"
    build_database([first, second], target)
    with open_store(target) as store:
        yield store


def test_the_requested_one(two):
    assert choose_briefing(two, "test-2018") == "test-2018"
    assert choose_briefing(two, "test-2018", keep="test-2017") == "test-2018"


def test_a_missing_request_names_what_there_is(two):
    with pytest.raises(StoreError, match=r"has no briefing 'nope' \(it has: test-2017, test-2018\)"):
        choose_briefing(two, "nope")


def test_the_one_shown_before_while_it_is_there_else_the_first(two):
    assert choose_briefing(two, keep="test-2018") == "test-2018"
    assert choose_briefing(two, keep="gone") == "test-2017"
    assert choose_briefing(two) == "test-2017"


def test_an_empty_database_says_so(tmp_path, small_db):
    import sqlite3

    conn = sqlite3.connect(small_db)
    with conn:
        conn.execute("DELETE FROM briefings")
    conn.close()
    with open_store(small_db) as store, pytest.raises(StoreError, match="holds no briefing"):
        choose_briefing(store)


@pytest.fixture
def series(tmp_path):
    from briefing_fixtures import series_database

    with open_store(series_database(tmp_path / "src", tmp_path / "series.db")) as store:
        yield store


def test_briefings_are_listed_newest_period_first_whatever_the_import_order(series):
    # Written H1-2017, H1-2018, FY-2017: listed by period end, newest first.
    assert [b.id for b in series.briefing_summaries()] == ["test-2018-h1", "test-2017-fy", "test-2017-h1"]
    assert [b.id for b in series.briefings()] == ["test-2018-h1", "test-2017-fy", "test-2017-h1"]


def test_without_a_request_or_a_kept_one_the_newest_by_period(series):
    assert choose_briefing(series) == "test-2018-h1"
    assert choose_briefing(series, keep="gone") == "test-2018-h1"
    assert choose_briefing(series, keep="test-2017-h1") == "test-2017-h1"


def test_same_period_end_keeps_the_database_order_and_no_period_goes_last(tmp_path):
    import sqlite3

    from briefing_fixtures import SERIES, series_database

    entries = [SERIES[0], ("test-b", "B", "B", "Sáu tháng", "Half", "2017-01-01", "2017-06-30"), SERIES[1]]
    path = series_database(tmp_path / "src", tmp_path / "s.db", entries)
    with open_store(path) as store:
        assert [b.id for b in store.briefing_summaries()] == ["test-2018-h1", "test-2017-h1", "test-b"]
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE briefings SET period_end = NULL WHERE id = 'test-2017-h1'")
    conn.close()
    with open_store(path) as store:
        assert [b.id for b in store.briefing_summaries()] == ["test-2018-h1", "test-b", "test-2017-h1"]
