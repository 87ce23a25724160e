"""Opening databases read-only, and refusing what is not a briefing database."""

import os
import sqlite3
from pathlib import Path

import pytest

from briefing_app.data.store import StoreError, database_uri, open_store


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_missing_file_is_not_created(tmp_path):
    target = tmp_path / "a#b?c" / "missing.db"
    with pytest.raises(StoreError, match="file not found"):
        open_store(target)
    assert not target.exists() and not target.parent.exists()


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"hello, I am a text file\n", "is not an SQLite database"),
    (os.urandom(4096), "is not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 20, "truncated"),
])
def test_bad_files_are_named_and_unchanged(tmp_path, content, message):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as info:
        open_store(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content


def test_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_foreign_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a briefing database"):
        open_store(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path, small_db):
    conn = sqlite3.connect(small_db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="made by a newer version"):
        open_store(small_db)


def test_missing_table_and_view_are_refused(tmp_path, small_db):
    conn = sqlite3.connect(small_db)
    conn.execute("DROP TABLE checks")
    conn.execute("CREATE VIEW checks AS SELECT 1")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="'checks' is a view"):
        open_store(small_db)


def test_wrong_column_kind_is_refused(tmp_path, small_db):
    conn = sqlite3.connect(small_db)
    conn.execute("ALTER TABLE links RENAME TO old_links")
    conn.execute("CREATE TABLE links (id INTEGER, briefing_id TEXT, from_section TEXT, from_id TEXT, "
                 "to_section TEXT, to_id INTEGER, relation TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"links.from_id is TEXT, expected INTEGER"):
        open_store(small_db)


@pytest.mark.parametrize("name", ["with space.db", "tiếng Việt.db", "a#b.db", "q?x.db", "100%.db"])
def test_awkward_paths_open(tmp_path, small_db, name):
    path = tmp_path / name
    path.write_bytes(small_db.read_bytes())
    with open_store(path) as store:
        assert store.briefings()[0].id == "test-2017"
    assert "?mode=ro" in database_uri(path)


def test_reading_never_writes(tmp_path, small_db):
    before = folder_state(small_db.parent)
    with open_store(small_db) as store:
        for b in store.briefings():
            store.indicators(b.id), store.checks(b.id), store.links(b.id), store.derived_values(b.id)
            for section in ("achievements", "limitations", "directives"):
                store.items(section, b.id)
    assert folder_state(small_db.parent) == before


@pytest.mark.parametrize("size", [100, 4096, "half"])
def test_truncated_databases_are_refused(tmp_path, small_db, size):
    data = small_db.read_bytes()
    cut = len(data) // 2 if size == "half" else size
    path = tmp_path / "cut.db"
    path.write_bytes(data[:cut])
    with pytest.raises(StoreError) as info:
        with open_store(path) as store:
            store.indicators("test-2017")
    assert str(path) in str(info.value)
    assert path.read_bytes() == data[:cut]


def test_damaged_pages_are_caught_at_open(tmp_path, small_db):
    path = tmp_path / "damaged.db"
    data = bytearray(small_db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 3, len(data), page * 4):  # the b-tree headers of every fourth page
        data[offset:offset + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged|malformed|not a readable"):
        open_store(path)
    assert path.read_bytes() == bytes(data)


def test_missing_file_inside_folders_named_with_hash_and_question_mark(tmp_path):
    for name in ("a#b", "q?x", "p%20c"):
        target = tmp_path / name / "data.db"
        with pytest.raises(StoreError, match="file not found"):
            open_store(target)
        assert not (tmp_path / name).exists()


@pytest.fixture
def read_only_databases(tmp_path, small_db, read_only_folder):
    wal = tmp_path / "wal.db"
    wal.write_bytes(small_db.read_bytes())
    conn = sqlite3.connect(wal)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return read_only_folder({"plain.db": small_db, "wal.db": wal})


@pytest.mark.parametrize("name", ["plain.db", "wal.db"])
def test_a_database_in_a_read_only_folder_opens(read_only_databases, name):
    before = folder_state(read_only_databases)
    with open_store(read_only_databases / name) as store:
        assert [b.id for b in store.briefings()] == ["test-2017"]
        assert len(store.indicators("test-2017")) == 6
    assert folder_state(read_only_databases) == before
