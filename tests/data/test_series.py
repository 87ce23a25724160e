"""A measure over time (``briefing-app series``): stated values across briefings, values implied by their
comparisons, and conflicts beyond what the written precision and qualifiers allow."""

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from briefing_app.cli import main
from briefing_app.data.build import build_database
from briefing_app.data.series import build_series
from briefing_app.data.store import open_store
from briefing_fixtures import measured_briefing

H1 = {2017: ("6 tháng đầu năm 2017", "2017-01-01", "2017-06-30"),
      2018: ("6 tháng đầu năm 2018", "2018-01-01", "2018-06-30"),
      2019: ("6 tháng đầu năm 2019", "2019-01-01", "2019-06-30")}
YEAR = {2016: ("năm 2016", "2016-01-01", "2016-12-31"), 2017: ("năm 2017", "2017-01-01", "2017-12-31")}

MOBILE_2019 = dict(key="mobile", measure="telecom.subscribers.mobile", value="134,5", unit="triệu thuê bao",
                   as_of="2019-06-30", same_period_pct="112,3", compared_with="cùng kỳ năm 2018",
                   sentence="Tổng số thuê bao di động là 134,5 triệu thuê bao, bằng 112,3% so với cùng kỳ năm 2018.")


def mobile_2018(value: str, qualifier: str | None = None, unit: str = "triệu thuê bao") -> dict:
    said = f"{qualifier} {value}" if qualifier else value
    return dict(key="mobile", measure="telecom.subscribers.mobile", value=value, unit=unit, qualifier=qualifier,
                as_of="2018-06-30", sentence=f"Cả nước có {said} {unit} di động.")


def database(tmp_path, *briefings) -> str:
    target = tmp_path / "series.db"
    build_database([measured_briefing(tmp_path / "src", bid, period, figures) for bid, period, figures in briefings],
                   target)
    return str(target)


def series_of(db: str, measure: str):
    with open_store(db) as store:
        return build_series(store, measure)


def test_points_are_ordered_by_period_end_not_import_order(tmp_path):
    db = database(tmp_path,
                  ("b-2019", H1[2019], [MOBILE_2019]),
                  ("b-2017", H1[2017], [dict(mobile_2018("120"), as_of="2017-06-30")]),
                  ("b-2018", H1[2018], [mobile_2018("123,91")]))
    series = series_of(db, "telecom.subscribers.mobile")
    assert [(p.period_end.isoformat(), p.briefing, p.kind) for p in series.points] == [
        ("2017-06-30", "b-2017", "stated"),
        ("2018-06-30", "b-2018", "stated"),
        ("2018-06-30", "b-2019", "implied"),
        ("2019-06-30", "b-2019", "stated"),
    ]


def test_values_are_converted_exactly_into_the_measures_unit(tmp_path):
    db = database(tmp_path,
                  ("b-2018", H1[2018], [mobile_2018("123.910.000", unit="thuê bao")]),
                  ("b-2017", H1[2017], [dict(key="revenue", measure="telecom.revenue.generated", value="213,355",
                                             unit="nghìn tỷ đồng",
                                             sentence="Doanh thu viễn thông phát sinh đạt 213,355 nghìn tỷ đồng.")]))
    [mobile] = series_of(db, "telecom.subscribers.mobile").points
    assert (mobile.value, mobile.value_text, mobile.unit_vi) == (Decimal("123.91"), "123.910.000", "thuê bao")
    [revenue] = series_of(db, "telecom.revenue.generated").points
    assert revenue.value == Decimal("213355")


def test_flows_of_different_length_are_never_set_against_each_other(tmp_path):
    # The year's comparison implies a value for the whole of 2016; the stated H1-2016 value is far below it,
    # but half a year is not a year: no conflict, and the two keep their own periods.
    db = database(tmp_path,
                  ("fy-2017", YEAR[2017], [dict(key="revenue", measure="telecom.revenue.total", value="400.000",
                                                unit="tỷ đồng", change_pct="10", compared_with="năm 2016",
                                                sentence="Doanh thu viễn thông đạt 400.000 tỷ đồng, "
                                                         "tăng 10% so với năm 2016.")]),
                  ("h1-2016", ("6 tháng đầu năm 2016", "2016-01-01", "2016-06-30"),
                   [dict(key="revenue", measure="telecom.revenue.total", value="190.000", unit="tỷ đồng",
                         sentence="Doanh thu viễn thông đạt 190.000 tỷ đồng.")]))
    series = series_of(db, "telecom.revenue.total")
    assert [(p.period, p.kind) for p in series.points] == [("2016-H1", "stated"), ("2016", "implied"),
                                                          ("2017", "stated")]
    assert series.conflicts == []


def test_implied_values_from_change_and_same_period_percentages(tmp_path):
    db = database(tmp_path,
                  ("b-2019", H1[2019], [MOBILE_2019]),
                  ("b-2018", H1[2018], [dict(key="services", measure="telecom.revenue.services", value="181.948",
                                             unit="tỷ đồng", qualifier="ước tính", change_pct="4,83",
                                             change_qualifier="khoảng", compared_with="cùng kỳ năm 2017",
                                             sentence="Doanh thu dịch vụ viễn thông ước tính 181.948 tỷ đồng, "
                                                      "tăng khoảng 4,83% so với cùng kỳ năm 2017.")]))
    [implied, _stated] = series_of(db, "telecom.subscribers.mobile").points
    assert implied.value == Decimal("134.5") / Decimal("1.123")
    assert (implied.period, implied.value_text, implied.formula) == (
        "2018-06-30", "119,77", "134,5 ÷ 112,3% = 119,77 triệu thuê bao")
    [implied, _stated] = series_of(db, "telecom.revenue.services").points
    assert implied.value == Decimal("181948") / Decimal("1.0483")
    assert (implied.period, implied.kind, implied.qualifier, implied.value_text) == (
        "2017-H1", "implied", "khoảng", "173.565")
    assert implied.formula == "181.948 ÷ (100% + 4,83%) = 173.565 tỷ đồng"


def test_a_stated_value_the_next_review_contradicts_is_a_conflict(tmp_path):
    db = database(tmp_path, ("b-2019", H1[2019], [MOBILE_2019]), ("b-2018", H1[2018], [mobile_2018("136", "khoảng")]))
    [conflict] = series_of(db, "telecom.subscribers.mobile").conflicts
    assert (conflict.stated.briefing, conflict.implied.briefing) == ("b-2018", "b-2019")
    assert conflict.difference_pct == Decimal("13.55")  # 136 against 134,5 ÷ 112,3% = 119,77


@pytest.mark.parametrize(("qualifier", "conflicts"), [(None, 1), ("khoảng", 0)])
def test_a_qualifier_widens_the_tolerance(tmp_path, qualifier, conflicts):
    # 125 is 4,4% above the implied 119,77: beyond what "125" allows (±0,5), within "khoảng 125" (±5%).
    db = database(tmp_path, ("b-2019", H1[2019], [MOBILE_2019]), ("b-2018", H1[2018], [mobile_2018("125", qualifier)]))
    assert len(series_of(db, "telecom.subscribers.mobile").conflicts) == conflicts


def test_the_json_has_exactly_the_documented_shape(tmp_path, capsys):
    db = database(tmp_path, ("b-2019", H1[2019], [MOBILE_2019]), ("b-2018", H1[2018], [mobile_2018("136", "khoảng")]))
    assert main(["series", "telecom.subscribers.mobile", "--db", db, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"measure", "points", "conflicts"}
    assert data["measure"] == {"id": "telecom.subscribers.mobile",
                               "label": {"vi": "Thuê bao điện thoại di động", "en": "Mobile telephone subscribers"},
                               "unit": {"vi": "triệu thuê bao", "en": "million subscribers"}, "kind": "stock"}
    for point in data["points"]:
        assert set(point) == {"period", "period_end", "briefing", "value", "value_text", "qualifier", "kind", "basis"}
    assert data["points"][0] == {"period": "2018-06-30", "period_end": "2018-06-30", "briefing": "b-2018",
                                 "value": 136, "value_text": "136", "qualifier": "khoảng", "kind": "stated",
                                 "basis": {"indicator": "mobile", "formula": None}}
    implied = data["points"][1]
    assert (implied["kind"], implied["briefing"], implied["value_text"]) == ("implied", "b-2019", "119,77")
    assert implied["value"] == pytest.approx(119.768477)
    assert implied["basis"] == {"indicator": "mobile", "formula": "134,5 ÷ 112,3% = 119,77 triệu thuê bao"}
    assert data["points"][2]["value"] == 134.5
    assert data["conflicts"] == [{"period_end": "2018-06-30", "stated": 136, "implied": implied["value"],
                                  "implied_by": "b-2019", "difference_pct": 13.55}]


def test_plain_output_is_an_aligned_table_with_the_conflicts(tmp_path, capsys):
    db = database(tmp_path, ("b-2019", H1[2019], [MOBILE_2019]), ("b-2018", H1[2018], [mobile_2018("136", "khoảng")]))
    assert main(["series", "telecom.subscribers.mobile", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "telecom.subscribers.mobile — Mobile telephone subscribers (million subscribers, stock)"
    header, *rows = lines[1:5]
    assert header.split() == ["period", "end", "briefing", "value", "(triệu", "thuê", "bao)", "as", "written",
                              "kind", "basis"]
    assert len({line.index("b-20") for line in rows}) == 1  # the briefing column lines up
    assert rows[1].split()[:4] == ["2018-06-30", "2018-06-30", "b-2019", "119,77"]
    assert lines[-1] == "conflict 2018-06-30: b-2018 states 136, b-2019 implies 119,77 (13,55%)"


def test_an_unknown_measure_is_one_line_naming_close_ids(tmp_path):
    db = database(tmp_path, ("b-2019", H1[2019], [MOBILE_2019]))
    run = subprocess.run([sys.executable, "-m", "briefing_app", "series", "telecom.subscribers.mobil", "--db", db],
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.splitlines() == [
        "briefing-app: error: unknown measure 'telecom.subscribers.mobil'; did you mean telecom.subscribers.mobile, "
        "telecom.subscribers.mobile_broadband, telecom.subscribers.mobile_removed?"]


def test_a_measure_no_briefing_names_is_an_empty_series(tmp_path, capsys):
    db = database(tmp_path, ("b-2019", H1[2019], [MOBILE_2019]))
    assert main(["series", "postal.enterprises", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["points"] == []


def test_every_qualifier_a_file_may_write_says_how_far_it_reaches():
    # A qualifier added to the catalogue without a tolerance would count as exact in series and sum checks.
    from briefing_app.data.schema import QUALIFIER_TOLERANCE, QUALIFIERS

    assert set(QUALIFIERS) <= set(QUALIFIER_TOLERANCE)
    assert all(below >= 0 and above >= 0 and below + above > 0 for below, above in QUALIFIER_TOLERANCE.values())
