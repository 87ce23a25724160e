"""The measure catalogue (resources/measures.yaml), unit conversion, and ``measure:`` in briefing files:
checked by the validator, stored in ``indicators.measure`` (schema 3), exported, absent from older databases."""

import csv
import io
import sqlite3
from decimal import Decimal

import pytest

from briefing_app import paths
from briefing_app.cli import main
from briefing_app.data.briefing_file import BriefingFileError, load_briefing_file
from briefing_app.data.build import build_database
from briefing_app.data.export import export_csv, export_json
from briefing_app.data.importer import import_briefing
from briefing_app.data.measures import (
    MeasureCatalogueError,
    UnitMismatch,
    convert,
    load_measures,
    read_unit,
    shipped_measures,
)
from briefing_app.data.schema import SCHEMA_VERSION, SERIES_SELECT_SQL
from briefing_app.data.store import open_store
from briefing_fixtures import SMALL_YAML, measured_briefing, write_briefing

REQUIRED_IDS = ["telecom.revenue.generated", "telecom.revenue.services", "telecom.revenue.total", "ict.revenue.total",
                "ict.budget_contribution", "telecom.subscribers.mobile", "telecom.subscribers.fixed",
                "telecom.subscribers.phone_total", "telecom.subscribers.fixed_broadband",
                "telecom.subscribers.mobile_broadband", "legal.schemes_submitted", "press.agencies.print",
                "press.journalists_card", "postal.service_points", "internet.dns_queries", "it.industry.revenue"]
#: What the H1-2019, H1-2018, FY-2017 and FY-2016 briefings need beyond the issue's list (docs/data-model.md).
FOR_OTHER_PERIODS = ["postal.enterprises", "postal.service_points_public_admin",
                     "telecom.subscribers.mobile_removed", "postal.revenue", "telecom.budget_contribution",
                     "press.revenue", "it.industry.budget_contribution"]


def test_the_catalogue_holds_every_id_the_issue_and_the_other_periods_need():
    catalogue = shipped_measures()
    assert [i for i in REQUIRED_IDS + FOR_OTHER_PERIODS if i not in catalogue] == []
    for measure in catalogue.values():
        assert measure.kind in ("stock", "flow") and measure.name_en and measure.definition_vi
    assert catalogue["telecom.subscribers.mobile"].kind == "stock"
    assert catalogue["telecom.revenue.generated"].kind == "flow"


def test_the_catalogue_ships_with_every_layout():
    assert ("measures.yaml",) in paths.SHIPPED
    assert paths.measures_path() == paths.resources_dir() / "measures.yaml"
    assert paths.measures_path().is_file()


@pytest.mark.parametrize(("value", "unit", "measure", "expected"), [
    ("213.355", "tỷ đồng", "telecom.revenue.generated", "213355"),
    ("213,355", "nghìn tỷ đồng", "telecom.revenue.generated", "213355"),
    ("1,347087", "triệu tỷ đồng", "ict.revenue.total", "1347087"),
    ("52849000", "triệu đồng", "telecom.revenue.services", "52849"),
    ("51.128.599", "thuê bao", "telecom.subscribers.mobile_broadband", "51.128599"),
    ("134,5", "Triệu  Thuê bao", "telecom.subscribers.mobile", "134.5"),
    ("19.166", "thẻ", "press.journalists_card", "19166"),
    ("38,5", "%", "telecom.numbering_fee_noncompliance", "38.5"),
])
def test_units_convert_exactly(value, unit, measure, expected):
    from briefing_app.data.numbers import parse_number

    assert convert(parse_number(value), unit, shipped_measures()[measure]) == Decimal(expected)


def test_a_unit_that_counts_something_else_does_not_convert():
    revenue = shipped_measures()["it.industry.revenue"]
    with pytest.raises(UnitMismatch, match="unit 'tỷ USD' does not convert to 'tỷ đồng', the unit of measure "
                                           "'it.industry.revenue'"):
        convert(Decimal("31.34"), "tỷ USD", revenue)
    assert read_unit("nghìn tỷ đồng") == (12, "đồng")
    assert read_unit("%") == (0, "%")


def test_a_malformed_catalogue_names_every_problem(tmp_path):
    bad = tmp_path / "measures.yaml"
    bad.write_text('format: "measures/1"\nmeasures:\n  - {id: "Bad Id", kind: level}\n', encoding="utf-8")
    with pytest.raises(MeasureCatalogueError) as caught:
        load_measures(bad)
    message = str(caught.value)
    assert message.startswith(f"{bad}: measures[0].id: expected lowercase words joined by dots")
    assert "measures[0].kind: expected one of stock, flow, got 'level'" in message
    assert "measures[0].unit: expected {vi: …, en: …}, both written" in message
    with pytest.raises(MeasureCatalogueError, match="the measure catalogue is missing"):
        load_measures(tmp_path / "none.yaml")


H1 = ("6 tháng đầu năm 2019", "2019-01-01", "2019-06-30")
H2 = ("6 tháng cuối năm 2019", "2019-07-01", "2019-12-31")


def figure(measure: str, unit: str = "triệu thuê bao") -> dict:
    return dict(key="mobile", measure=measure, value="134,5", unit=unit, as_of="2019-06-30",
                sentence="Tổng số thuê bao di động là 134,5 triệu thuê bao.")


def problems(path) -> list[str]:
    with pytest.raises(BriefingFileError) as caught:
        load_briefing_file(path)
    return [str(p) for p in caught.value.problems]


def test_the_validator_refuses_an_unknown_measure_naming_close_ids(tmp_path):
    path = measured_briefing(tmp_path, "b", H1, [figure("telecom.subscribers.mobil")])
    [problem] = problems(path)
    assert problem.endswith("indicators[0].measure: unknown measure 'telecom.subscribers.mobil'; did you mean "
                            "telecom.subscribers.mobile, telecom.subscribers.mobile_broadband, "
                            "telecom.subscribers.mobile_removed?")


def test_the_validator_refuses_a_unit_that_does_not_convert_naming_both(tmp_path):
    path = measured_briefing(tmp_path, "b", H1, [figure("telecom.revenue.services")])
    [problem] = problems(path)
    assert problem.endswith("indicators[0].measure: the unit 'triệu thuê bao' does not convert to 'tỷ đồng', the "
                            "unit of measure 'telecom.revenue.services' (they count different things)")
    assert ":17:14: " in problem  # the line and column of the measure


def test_files_without_measures_stay_valid_and_store_null(tmp_path):
    path = write_briefing(tmp_path / "src", SMALL_YAML)
    assert all(row["measure"] is None for row in load_briefing_file(path).indicators)
    db = tmp_path / "small.db"
    build_database([path], db)
    with open_store(db) as store:
        assert {i.measure for i in store.indicators("test-2017")} == {None}


def test_the_measure_is_stored_read_and_exported(tmp_path):
    db = tmp_path / "m.db"
    build_database([measured_briefing(tmp_path / "src", "b", H1, [figure("telecom.subscribers.mobile")])], db)
    with open_store(db) as store:
        [indicator] = store.indicators("b")
        assert indicator.measure == "telecom.subscribers.mobile"
        assert export_json(store, "b")["indicators"][0]["measure"] == "telecom.subscribers.mobile"
        [row] = list(csv.DictReader(io.StringIO(export_csv(store, "indicators", "b"))))
        assert row["measure"] == "telecom.subscribers.mobile"


def test_a_database_made_before_measures_opens_and_is_upgraded_by_import(tmp_path, capsys):
    db = tmp_path / "old.db"
    build_database([write_briefing(tmp_path / "src", SMALL_YAML)], db)
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX IF EXISTS idx_indicators_series")
    conn.execute("ALTER TABLE indicators DROP COLUMN measure")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with open_store(db) as store:
        assert {i.measure for i in store.indicators("test-2017")} == {None}
    assert main(["series", "telecom.subscribers.mobile", "--db", str(db), "--json"]) == 0
    assert '"points": []' in capsys.readouterr().out
    import_briefing(measured_briefing(tmp_path / "new", "b", H1, [figure("telecom.subscribers.mobile")]), db)
    with open_store(db) as store:
        assert [i.measure for i in store.indicators("b")] == ["telecom.subscribers.mobile"]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'idx_indicators_series'").fetchone() == (1,)
    conn.close()


def series_plan(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + SERIES_SELECT_SQL, ("x",)))
    finally:
        conn.close()


def test_a_series_is_read_from_its_index_alone(tmp_path):
    # Its figures lie a few per briefing: read from the table, each row cost a page of its own.
    db = tmp_path / "m.db"
    build_database([measured_briefing(tmp_path / "src", "b", H1, [figure("telecom.subscribers.mobile")])], db)
    assert "COVERING INDEX idx_indicators_series" in series_plan(db)
    assert "TEMP B-TREE" not in series_plan(db)  # already in briefing and source order


def test_an_import_gives_a_database_of_an_older_app_the_series_index(tmp_path):
    db = tmp_path / "older-app.db"
    build_database([measured_briefing(tmp_path / "a", "a", H1, [figure("telecom.subscribers.mobile")])], db)
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX idx_indicators_series")  # same schema version, made before the index existed
    conn.commit()
    conn.close()
    assert "COVERING INDEX" not in series_plan(db)
    with open_store(db) as store:  # read as before, only slower
        assert [f.key for f in store.measured_figures("telecom.subscribers.mobile")] == ["mobile"]
    import_briefing(measured_briefing(tmp_path / "b", "b", H2, [figure("telecom.subscribers.mobile")]), db)
    assert "COVERING INDEX idx_indicators_series" in series_plan(db)
    with open_store(db) as store:
        assert [(f.briefing_id, f.key) for f in store.measured_figures("telecom.subscribers.mobile")] == [
            ("a", "mobile"), ("b", "mobile")]
