"""Damaged values inside a database (issue #13, case 8): a word where a number belongs, a figure that is
its own total. Reading refuses them as a database problem that names the row and the column — in
the store, and so in print and export — rather than crashing or silently leaving pages out."""

import shutil
import sqlite3
import subprocess
import sys

import pytest

from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import StoreError, open_store
from briefing_fixtures import DAMAGED_VALUES, damaged_copy

DAMAGES = DAMAGED_VALUES


@pytest.mark.parametrize("damage", DAMAGES)
def test_the_store_names_row_and_column(tmp_path, small_db, damage):
    path = damaged_copy(small_db, tmp_path / "damaged.db", damage)
    before = path.read_bytes()
    with open_store(path) as store:
        with pytest.raises(StoreError) as info:
            load_snapshot(store, "test-2017")
        assert str(info.value) == f"{path}: is damaged: {DAMAGES[damage][1]}"
        with pytest.raises(StoreError, match="damaged value in indicators, row 1"):
            store.table_rows("indicators")
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [["print", "-o", "out.pdf"], ["export", "--format", "json"],
                                     ["export", "--format", "csv", "--section", "indicators"],
                                     ["export", "--format", "json", "-o", "out.json"]])
@pytest.mark.parametrize("damage", DAMAGES)
def test_print_and_export_say_so_in_one_line(tmp_path, small_db, damage, command):
    path = damaged_copy(small_db, tmp_path / "damaged.db", damage)
    result = subprocess.run([sys.executable, "-m", "briefing_app", *command, "--db", str(path)],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"briefing-app: error: {path}: is damaged: {DAMAGES[damage][1]}\n"
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.db", "small.db", "src"]


@pytest.mark.parametrize("table, change, message", [
    ("indicators", "parent_id = 3 WHERE id = 2", r"row 2 \(column depth: 1, not one deeper than its total's\)"),
    ("indicators", "parent_id = 2 WHERE id = 3", r"row \d \(column depth: 1, not one deeper than its total's\)"),
    ("indicators", "parent_id = 99 WHERE id = 2", r"row 2 \(column parent_id: 99, which is not a figure"),
    ("indicators", "sector_id = 99 WHERE id = 2", r"row 2 \(column sector_id: 99, which is not a row of sectors"),
    ("indicators", "value = 'many' WHERE id = 2", r"row 2 \(column value: 'many'\)"),
    ("indicators", "value_text = '1..2' WHERE id = 2", r"row 2 \(column value_text: '1..2'\)"),
    ("achievements", "position = x'00' WHERE id = 1", r"row 1 \(column position: b'\\x00'\)"),
    ("derived_values", "indicator_id = 99", r"row \d+ \(column indicator_id: 99, which is not"),
])
def test_other_damage(tmp_path, small_db, table, change, message):
    path = tmp_path / "damaged.db"
    shutil.copy(small_db, path)
    conn = sqlite3.connect(path)
    assert conn.execute(f"UPDATE {table} SET {change}").rowcount
    conn.commit()
    conn.close()
    with open_store(path) as store:
        with pytest.raises(StoreError, match=rf"is damaged: damaged value in {table}, {message}"):
            load_snapshot(store, "test-2017")


def test_a_loop_of_two_totals(tmp_path, small_db):
    """Two figures each the other's total: the depths cannot both be one deeper than the other's."""
    path = tmp_path / "loop.db"
    shutil.copy(small_db, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE indicators SET parent_id = 2, depth = 2 WHERE id = 1")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        with pytest.raises(StoreError, match=r"damaged value in indicators, row \d \(column depth"):
            load_snapshot(store, "test-2017")


def test_undamaged_databases_read_as_before(small_db, bundled_db):
    for path in (small_db, bundled_db):
        with open_store(path) as store:
            for summary in store.briefing_summaries():
                load_snapshot(store, summary.id)
                for table in ("briefings", "indicators", "checks"):
                    store.table_rows(table, summary.id)
