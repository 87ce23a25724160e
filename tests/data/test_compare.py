"""Two briefings compared (``briefing-app compare``, ``print --compare-with``): figures measure by measure with
computed and stated changes, "not comparable" where figures only look alike, directives and limitations that
continue, are new or were dropped."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

from compare_fixtures import (
    DIRECTIVES_2017,
    DIRECTIVES_2018,
    FY_2017,
    GENERATED_2017,
    H1_2017,
    H1_2018,
    H1_2019,
    SERVICES_2018,
    briefing,
    compared,
    database,
    issue_database,
    mobile,
    row_of,
    services,
)

from briefing_app.cli import main
from briefing_app.data.compare import compare_briefings
from briefing_app.data.store import open_store


# ------------------------------------------------------------------ figures
def test_the_same_measure_is_compared_in_its_unit_with_the_computed_change(tmp_path):
    src = tmp_path / "src"
    db = database(tmp_path,
                  briefing(src, "h1-2017", H1_2017, [services("170.000")]),
                  briefing(src, "h1-2018", H1_2018, [dict(services("181,948"), unit="nghìn tỷ đồng",
                                                          sentence="Doanh thu dịch vụ viễn thông đạt 181,948 "
                                                                   "nghìn tỷ đồng.")]))
    comparison = compared(db, "h1-2017", "h1-2018")
    row = row_of(comparison, "telecom.revenue.services")
    assert (row.a.value, row.b.value, row.b.value_text) == (Decimal(170000), Decimal(181948), "181,948")
    assert row.change_pct == Decimal("7.03")  # 181.948 ÷ 170.000 − 1 = 7,0282…%
    assert (row.comparable, row.note("en"), row.stated_change_pct) == (True, "", None)


def test_the_change_the_newer_briefing_states_is_read_whatever_the_order_asked(tmp_path):
    src = tmp_path / "src"
    db = database(tmp_path,
                  briefing(src, "h1-2017", H1_2017, [services("173.500")]),
                  briefing(src, "h1-2018", H1_2018, [services("181.948", change_pct="4,83",
                                                              compared_with="cùng kỳ năm 2017")]))
    forward = row_of(compared(db, "h1-2017", "h1-2018"), "telecom.revenue.services")
    backward = row_of(compared(db, "h1-2018", "h1-2017"), "telecom.revenue.services")
    assert (forward.change_pct, forward.stated_change_pct) == (Decimal("4.87"), Decimal("4.83"))
    # A and B keep the order asked; the stated change is still the newer briefing's
    assert (backward.a.briefing, backward.change_pct, backward.stated_change_pct) == (
        "h1-2018", Decimal("-4.64"), Decimal("4.83"))


def test_figures_that_do_not_fit_the_stated_change_are_noted(tmp_path):
    src = tmp_path / "src"
    db = database(tmp_path,
                  briefing(src, "h1-2018", H1_2018, [mobile("136", "2018-06-30", "khoảng")]),
                  briefing(src, "h1-2019", H1_2019, [mobile("134,5", "2019-06-30", same_period_pct="112,3",
                                                            compared_with="cùng kỳ năm 2018",
                                                            tail=", bằng 112,3% so với cùng kỳ năm 2018")]))
    row = row_of(compared(db, "h1-2018", "h1-2019"), "telecom.subscribers.mobile")
    assert (row.change_pct, row.stated_change_pct, row.comparable) == (Decimal("-1.10"), Decimal("12.3"), True)
    assert row.note("en") == "the figures do not fit the stated change: 12.3% implies 119,77 for the earlier period"


def test_alike_labels_of_different_measures_are_not_comparable(tmp_path):
    # The issue's case: H1-2017's 213.355 "phát sinh" against H1-2018's 181.948 "dịch vụ" looks like a fall.
    src = tmp_path / "src"
    db = database(tmp_path, briefing(src, "h1-2017", H1_2017, [GENERATED_2017]),
                  briefing(src, "h1-2018", H1_2018, [SERVICES_2018]))
    comparison = compared(db, "h1-2017", "h1-2018")
    assert [(r.measure.id, r.a and r.a.value_text, r.b and r.b.value_text, r.comparable) for r in comparison.rows] \
        == [("telecom.revenue.generated", "213.355", None, False), ("telecom.revenue.services", None, "181.948", False)]
    generated, services_row = comparison.rows
    assert generated.note("en") == ("not comparable: looks like h1-2018's “Doanh thu dịch vụ viễn thông” but measures "
                                    "a different thing (telecom.revenue.services)")
    assert services_row.note("en").startswith("not comparable: looks like h1-2017's “Doanh thu viễn thông phát sinh”")
    # and the newer briefing's own statement is there to read: a rise on H1-2017
    assert services_row.stated_change_pct == Decimal("4.83") and services_row.change_pct is None


def test_alike_labels_without_a_measure_are_not_comparable(tmp_path):
    src = tmp_path / "src"
    unmeasured = dict(GENERATED_2017, measure=None)
    db = database(tmp_path, briefing(src, "h1-2017", H1_2017, [unmeasured]),
                  briefing(src, "h1-2018", H1_2018, [dict(SERVICES_2018, measure=None)]))
    [row] = compared(db, "h1-2017", "h1-2018").rows
    assert (row.measure, row.a.key, row.b.key, row.comparable, row.change_pct) == (
        None, "revenue", "revenue", False, None)
    assert "no measure is named, so they may count different things" in row.note("en")


def test_unalike_figures_are_not_paired(tmp_path):
    src = tmp_path / "src"
    points = dict(key="points", label="Điểm phục vụ bưu chính", measure="postal.service_points", value="18.000",
                  unit="điểm", sector="postal", sentence="Có 18.000 điểm phục vụ bưu chính.")
    db = database(tmp_path, briefing(src, "h1-2017", H1_2017, [GENERATED_2017]),
                  briefing(src, "h1-2018", H1_2018, [points]))
    assert [(r.measure.id, r.note("en")) for r in compared(db, "h1-2017", "h1-2018").rows] == [
        ("telecom.revenue.generated", "only in h1-2017"), ("postal.service_points", "only in h1-2018")]


def test_flows_over_a_half_year_and_a_full_year_are_not_comparable(tmp_path):
    src = tmp_path / "src"
    db = database(tmp_path, briefing(src, "h1-2017", H1_2017, [services("170.000")]),
                  briefing(src, "fy-2017", FY_2017, [services("350.000")]))
    row = row_of(compared(db, "h1-2017", "fy-2017"), "telecom.revenue.services")
    assert (row.comparable, row.change_pct) == (False, None)
    assert row.note("en") == "not comparable: amounts over periods of different length (2017-H1 vs 2017)"
    assert row.note("vi") == "không so sánh được: lượng tính trong các kỳ dài ngắn khác nhau (2017-H1 và 2017)"


def test_stocks_at_any_two_dates_are_comparable(tmp_path):
    src = tmp_path / "src"
    db = database(tmp_path, briefing(src, "h1-2017", H1_2017, [mobile("120", "2017-06-30")]),
                  briefing(src, "fy-2017", FY_2017, [mobile("126", "2017-12-31")]))
    row = row_of(compared(db, "h1-2017", "fy-2017"), "telecom.subscribers.mobile")
    assert (row.comparable, row.change_pct, row.a.period_end.isoformat()) == (True, Decimal("5.00"), "2017-06-30")


# ------------------------------------------------------------------ directives and limitations
def test_directives_continued_new_and_dropped_with_scores(tmp_path):
    src = tmp_path / "src"
    db = database(tmp_path,
                  briefing(src, "h1-2017", H1_2017, [], DIRECTIVES_2017, [("telecom", "Sim rác vẫn còn tồn tại")]),
                  briefing(src, "h1-2018", H1_2018, [], DIRECTIVES_2018,
                           [("telecom", "SIM rác vẫn còn tồn tại"),
                            ("postal", "Chất lượng dịch vụ bưu chính chưa cao")]))
    comparison = compared(db, "h1-2017", "h1-2018")
    d = comparison.directives
    # tone marks and case folded: "SIM rác, tin nhắn rác" continues "tin nhắn rác và SIM rác" (6 of 9 words)
    assert [(m.a.key, m.b.key, m.score) for m in d.continued] == [("d1", "d1", 0.67)]
    # "Phát triển dịch vụ 4G" shares its words with d2 of 2017, but moved sector: not a continuation
    assert [i.key for i in d.new] == ["d2", "d3"] and [i.key for i in d.dropped] == ["d2", "d3"]
    lim = comparison.limitations
    assert [(m.a.key, m.b.key, m.score) for m in lim.continued] == [("l1", "l1", 1.0)]
    assert [i.key for i in lim.new] == ["l2"] and lim.dropped == []


# ------------------------------------------------------------------ the command line
def test_compare_json_has_exactly_the_issues_shape(tmp_path, capsys):
    db = issue_database(tmp_path)
    assert main(["compare", "h1-2017", "h1-2018", "--db", str(db), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["a", "b", "rows", "directives", "limitations"]
    assert (out["a"], out["b"]) == ("h1-2017", "h1-2018")
    assert out["rows"][0] == {
        "measure": "telecom.revenue.generated",
        "a": {"key": "revenue", "value": 213355, "value_text": "213.355", "qualifier": "ước đạt",
              "period_end": "2017-06-30"},
        "b": None, "change_pct": None, "stated_change_pct": None, "comparable": False,
        "note": "not comparable: looks like h1-2018's “Doanh thu dịch vụ viễn thông” but measures a different thing "
                "(telecom.revenue.services)"}
    assert out["rows"][2] == {
        "measure": "telecom.subscribers.mobile",
        "a": {"key": "mobile", "value": 120, "value_text": "120", "qualifier": None, "period_end": "2017-06-30"},
        "b": {"key": "mobile", "value": 123.91, "value_text": "123,91", "qualifier": None,
              "period_end": "2018-06-30"},
        "change_pct": 3.26, "stated_change_pct": None, "comparable": True, "note": ""}
    assert out["rows"][1]["stated_change_pct"] == 4.83
    assert out["directives"]["continued"] == [{
        "a": {"key": "d1", "number": 1, "sector": "telecom", "title": {"vi": "Hạn chế tin nhắn rác và SIM rác",
                                                                      "en": None}},
        "b": {"key": "d1", "number": 1, "sector": "telecom", "title": {"vi": "Tiếp tục hạn chế SIM rác, tin nhắn rác",
                                                                      "en": None}},
        "score": 0.67}]
    assert [e["key"] for e in out["directives"]["new"]] == ["d2", "d3"]
    assert [e["key"] for e in out["directives"]["dropped"]] == ["d2", "d3"]
    assert out["limitations"] == {"continued": [], "new": [], "dropped": []}


def test_compare_plain_output_is_an_aligned_table(tmp_path, capsys):
    db = issue_database(tmp_path)
    assert main(["compare", "h1-2017", "h1-2018", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.startswith("measure"))
    mobile_line = next(line for line in lines if line.startswith("telecom.subscribers.mobile"))
    assert header.index("B (h1-2018)") == mobile_line.index("123.91 triệu thuê bao")
    assert header.index("change") == mobile_line.index("+3.26%")
    assert "directives: 1 continued, 2 new, 2 dropped" in lines
    assert any(line.startswith("  = 0.67  1. Hạn chế tin nhắn rác và SIM rác [d1]") for line in lines)


def test_unknown_briefings_fail_in_one_line_naming_those_there_are(tmp_path):
    db = issue_database(tmp_path)
    done = subprocess.run([sys.executable, "-m", "briefing_app", "compare", "h1-2017", "h1-2099", "--db", str(db)],
                          capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (f"briefing-app: error: {db}: has no briefing 'h1-2099' (it has: h1-2018, h1-2017)\n")


def test_a_briefing_listing_no_directives_is_the_silent_side_not_a_drop(bundled_db, capsys):
    with open_store(bundled_db) as store:
        comparison = compare_briefings(store, "mic-2017-h1", "mic-2019-h1")
    assert comparison.directives.silent_side() == "newer" and len(comparison.directives.dropped) == 16
    assert main(["compare", "mic-2017-h1", "mic-2019-h1", "--db", str(bundled_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "directives: mic-2019-h1 lists none, so none continued, is new or was dropped; mic-2017-h1 lists 16" in lines
    assert not any("dropped  " in line for line in lines)
