"""A stated number is declared once (schema.TABLES, NULLABLE, NUMBER_FIELDS) and every stage follows.

The test adds a made-up nullable number to the indicators, as the next engineer would, and carries
it from a briefing file through ``build-db``, the store and ``export`` with no other code changed.
"""

import csv
import io
import json
import sqlite3

import pytest

from briefing_app.cli import main
from briefing_app.data import schema
from briefing_app.data.records import Indicator
from briefing_app.data.store import StoreError, open_store
from briefing_fixtures import SMALL_YAML, write_briefing


@pytest.fixture
def target_pct(monkeypatch):
    """``target_pct``: a new stated number of indicators, declared in the schema only."""
    monkeypatch.setitem(schema.TABLES, "indicators",
                        {**schema.TABLES["indicators"], "target_pct": float, "target_pct_text": str})
    monkeypatch.setitem(schema.NULLABLE, "indicators",
                        schema.NULLABLE["indicators"] | {"target_pct", "target_pct_text"})
    monkeypatch.setitem(schema.NUMBER_FIELDS, "indicators", (*schema.NUMBER_FIELDS["indicators"], "target_pct"))
    return "target_pct"


def build(tmp_path):
    yaml_text = SMALL_YAML.replace('    value: "2,93"\n', '    value: "2,93"\n    target_pct: "2,93"\n')
    assert yaml_text != SMALL_YAML
    source = write_briefing(tmp_path / "src", yaml_text)
    db = tmp_path / "data.db"
    assert main(["build-db", str(source), "-o", str(db)]) == 0
    return db


def test_a_new_number_round_trips_from_file_to_export(tmp_path, target_pct, capsysbinary):
    db = build(tmp_path)
    capsysbinary.readouterr()
    with open_store(db) as store:
        bid = store.briefing_summaries()[0].id
        radius = next(i for i in store.indicators(bid) if i.key == "postal.radius")
        assert str(radius.value) == "2.93"  # the record reads as before; it gains the field when it declares one
    assert main(["export", "--format", "json", "--db", str(db)]) == 0
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    by_key = {row["key"]: row for row in data["indicators"]}
    assert by_key["postal.radius"]["target_pct"] == 2.93
    assert by_key["postal.radius"]["target_pct_text"] == "2,93"
    assert by_key["telecom.dns"]["target_pct"] is None
    out = tmp_path / "indicators.csv"
    assert main(["export", "--format", "csv", "--section", "indicators", "--db", str(db), "-o", str(out)]) == 0
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    assert rows["postal.radius"]["target_pct"] == "2.93" and rows["postal.radius"]["target_pct_text"] == "2,93"


def test_a_new_number_is_checked_like_the_others(tmp_path, target_pct, capsys):
    """A word where the new number belongs is a damaged value, reported by row and column."""
    db = build(tmp_path)
    with sqlite3.connect(db) as conn:
        rowid = conn.execute("SELECT rowid FROM indicators WHERE key = 'postal.radius'").fetchone()[0]
        conn.execute("UPDATE indicators SET target_pct_text = 'abc' WHERE key = 'postal.radius'")
    conn.close()
    with open_store(db) as store, pytest.raises(StoreError) as caught:
        store.indicators(store.briefing_summaries()[0].id)
    assert f"damaged value in indicators, row {rowid} (column target_pct_text: 'abc')" in str(caught.value)


def test_a_new_number_must_appear_in_its_source_sentence(tmp_path, target_pct, capsys):
    yaml_text = SMALL_YAML.replace('    value: "2,93"\n', '    value: "2,93"\n    target_pct: "7,5"\n')
    source = write_briefing(tmp_path / "src", yaml_text)
    assert main(["validate", str(source)]) == 1
    assert "indicators[3].target_pct: '7,5' does not appear in the source sentence" in capsys.readouterr().err


def test_the_indicator_record_holds_columns_of_the_table_only():
    """The store picks the record's fields out of the table's columns by name; a field that is not a
    column would be a mistake in records.py."""
    assert set(Indicator._fields) <= set(schema.TABLES["indicators"])
    for name in schema.NUMBER_FIELDS["indicators"]:
        assert schema.TABLES["indicators"][name] is float
        assert schema.TABLES["indicators"][schema.number_text(name)] is str


def test_a_new_number_is_a_field_of_the_file_schema(target_pct):
    from briefing_app.data.briefing_format import json_schema

    field = json_schema()["properties"]["indicators"]["items"]["properties"]["target_pct"]
    assert field["type"] == ["string", "null"] and field["pattern"].startswith("^")
