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
