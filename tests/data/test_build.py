"""Building a database: content, derived values, checks, and atomic replacement."""

import sqlite3
from decimal import Decimal

import pytest

from briefing_app.data.briefing_file import BriefingFileError
from briefing_app.data.build import build_database
from briefing_app.data.schema import APPLICATION_ID, SCHEMA_VERSION
from briefing_app.data.store import open_store
from briefing_fixtures import ARTICLE, SMALL_YAML, write_briefing


def test_build_marks_the_database_as_ours(small_db):
    conn = sqlite3.connect(small_db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_parts_are_linked_and_indented(small_db):
    with open_store(small_db) as store:
        indicators = {i.key: i for i in store.indicators("test-2017")}
    assert indicators["postal.offices"].parent_id == indicators["postal.points"].id
    assert indicators["postal.offices"].depth == 1 and indicators["postal.points"].depth == 0


def test_derived_values_are_kept_apart_with_their_formula(small_db):
    with open_store(small_db) as store:
        derived = {d.kind: d for d in store.derived_values("test-2017")}
        stated = {i.key: i for i in store.indicators("test-2017")}
    plan = derived["annual_plan"]
    assert round(plan.value, 2) == Decimal("450021.09")
    assert plan.formula == "213355 ÷ 47.41 % = 450,021.09"
    assert plan.label_en == "2017 plan (derived)"
    previous = derived["previous_value"]
    assert round(previous.value) == round(Decimal(72736956416) / Decimal("1.13"))
    # The stated figures are untouched.
    assert stated["telecom.revenue"].value == Decimal("213355")


def test_parts_that_do_not_add_up_are_recorded_not_fixed(small_db):
    with open_store(small_db) as store:
        checks = store.checks("test-2017")
        points = next(i for i in store.indicators("test-2017") if i.key == "postal.points")
    assert len(checks) == 1
    check = checks[0]
    assert check.status == "mismatch"
    assert check.expected == "900 điểm" and check.stated == "1.000 điểm"
    assert "add up to 900 points; the source states 1,000 points" in check.what_en
    assert points.value == 1000


def test_consistent_parts_pass(tmp_path):
    yaml = SMALL_YAML.replace("Mạng lưới có 1.000 điểm, trong đó có 600 bưu cục, 300 đại lý.",
                              "Mạng lưới có 900 điểm, trong đó có 600 bưu cục, 300 đại lý.")
    yaml = yaml.replace('value: "1.000"', 'value: "900"')
    path = write_briefing(tmp_path / "src", yaml, article=ARTICLE.replace("1.000 điểm", "900 điểm"))
    target = tmp_path / "ok.db"
    build_database([path], target)
    with open_store(target) as store:
        assert [c.status for c in store.checks("test-2017")] == ["ok"]


def test_failed_build_leaves_target_and_folder_untouched(tmp_path, small_briefing):
    target = tmp_path / "out" / "data.db"
    target.parent.mkdir()
    target.write_bytes(b"previous contents")
    broken = write_briefing(tmp_path / "broken", SMALL_YAML.replace('value: "600"', "value: 600"))
    with pytest.raises(BriefingFileError):
        build_database([small_briefing, broken], target)
    assert target.read_bytes() == b"previous contents"
    assert sorted(p.name for p in target.parent.iterdir()) == ["data.db"]


def test_duplicate_briefing_ids_across_files_are_refused(tmp_path, small_briefing):
    other = write_briefing(tmp_path / "other", name="again.yaml")
    with pytest.raises(BriefingFileError, match="duplicate briefing id 'test-2017'"):
        build_database([small_briefing, other], tmp_path / "x.db")


def test_many_briefings_in_one_database(tmp_path, small_briefing):
    second = write_briefing(tmp_path / "two", SMALL_YAML.replace("id: test-2017", "id: test-2018"), name="b.yaml")
    target = tmp_path / "many.db"
    result = build_database([small_briefing, second], target)
    assert result.briefings == 2
    with open_store(target) as store:
        assert [b.id for b in store.briefings()] == ["test-2017", "test-2018"]
        first_ids = {i.id for i in store.indicators("test-2017")}
        second_ids = {i.id for i in store.indicators("test-2018")}
        assert len(first_ids) == len(second_ids) == 6 and not first_ids & second_ids
        assert len(store.links("test-2018")) == 2
