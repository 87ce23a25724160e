"""``build-db -o``: never over its own inputs, never under another program's open WAL connection."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from briefing_app.cli import main

# A second program: opens the database, commits a row, says "ready" and keeps its connection
# (and, with "hold", a write transaction) open until its standard input is closed.
HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("CREATE TABLE IF NOT EXISTS other_writer (note TEXT)")
conn.execute("INSERT INTO other_writer VALUES ('kept')")
if sys.argv[2] == "hold":
    conn.execute("BEGIN IMMEDIATE")
print("ready", flush=True)
sys.stdin.read()
conn.close()
"""


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _quick_check(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefing-app: error: ") and "Traceback" not in err, err
    return err.strip()


@pytest.fixture
def holder():
    started = []

    def start(db, mode="idle"):
        proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        started.append(proc)
        assert proc.stdout.readline().strip() == "ready"
        return proc

    yield start
    for proc in started:
        proc.stdin.close()
        proc.wait(timeout=10)


@pytest.fixture
def quick_lock(monkeypatch):
    import briefing_app.data.atomic as atomic

    monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.3)


def _wal(path):
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=wal").fetchone()[0] == "wal"
    conn.close()


@pytest.fixture
def big_db(tmp_path, bundled_db):
    """A copy of the bundled database: rebuilt from the small briefing, its pages all differ."""
    target = tmp_path / "w.db"
    target.write_bytes(bundled_db.read_bytes())
    return target


def test_a_wal_database_held_by_another_program_is_refused_and_kept(big_db, small_briefing, holder,
                                                                    quick_lock, capsys):
    _wal(big_db)
    holder(big_db, "idle")
    assert main(["build-db", str(small_briefing), "-o", str(big_db)]) == 1
    err = _one_line_error(capsys)
    assert err == (f"briefing-app: error: {big_db}: is open in another program (a database in WAL mode); "
                   "close it and try again; nothing was changed")
    assert _quick_check(big_db) == "ok"
    conn = sqlite3.connect(big_db)
    assert conn.execute("SELECT note FROM other_writer").fetchall() == [("kept",)]
    assert conn.execute("SELECT count(*) FROM briefings").fetchone()[0] >= 1
    conn.close()


def test_a_database_in_the_middle_of_another_programs_write_is_refused(small_db, small_briefing, holder,
                                                                       quick_lock, capsys):
    holder(small_db, "hold")
    before = _digest(small_db)
    assert main(["build-db", str(small_briefing), "-o", str(small_db)]) == 1
    err = _one_line_error(capsys)
    assert err == (f"briefing-app: error: {small_db}: is busy: another program is writing to it; "
                   "try again when it is done; nothing was changed")
    assert _digest(small_db) == before


def test_a_wal_database_nobody_holds_is_replaced_whole(big_db, small_briefing, capsys):
    _wal(big_db)
    conn = sqlite3.connect(big_db)
    conn.execute("CREATE TABLE old_only (x)")
    conn.commit()
    conn.close()
    assert main(["build-db", str(small_briefing), "-o", str(big_db)]) == 0
    assert capsys.readouterr().out.startswith(f"Built {big_db} from 1 briefing file:")
    assert sorted(p.name for p in big_db.parent.iterdir() if p.name.startswith("w.db")) == ["w.db"]
    assert _quick_check(big_db) == "ok"
    conn = sqlite3.connect(big_db)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'old_only'").fetchone()[0] == 0
    assert conn.execute("SELECT id FROM briefings").fetchall() == [("test-2017",)]
    conn.close()


def test_an_idle_reader_of_a_rollback_database_does_not_stop_a_build(small_db, small_briefing, holder, capsys):
    holder(small_db, "idle")
    assert main(["build-db", str(small_briefing), "-o", str(small_db)]) == 0
    assert _quick_check(small_db) == "ok"


@pytest.mark.parametrize("which", ["briefing file", "article", "symlink to the briefing file"])
def test_an_input_as_the_output_is_refused(tmp_path, small_briefing, capsys, which):
    article = small_briefing.parent / "article.txt"
    target = {"briefing file": small_briefing, "article": article,
              "symlink to the briefing file": tmp_path / "link.db"}[which]
    if which.startswith("symlink"):
        target.symlink_to(small_briefing)
    before = {p.name: _digest(p) for p in small_briefing.parent.iterdir()}
    assert main(["build-db", str(small_briefing), "-o", str(target)]) == 1
    err = _one_line_error(capsys)
    source = article if which == "article" else small_briefing
    assert err == f"briefing-app: error: {target}: is the same file as the input {source}; nothing was written"
    assert {p.name: _digest(p) for p in small_briefing.parent.iterdir()} == before


def test_a_fifo_as_the_output_is_refused(tmp_path, small_briefing, capsys):
    import os
    import stat

    fifo = tmp_path / "out.db"
    os.mkfifo(fifo)
    assert main(["build-db", str(small_briefing), "-o", str(fifo)]) == 1
    assert _one_line_error(capsys) == f"briefing-app: error: {fifo}: is not a regular file; nothing was written"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_read_only_database_is_refused(small_db, small_briefing, capsys):
    small_db.chmod(0o444)
    before = _digest(small_db)
    assert main(["build-db", str(small_briefing), "-o", str(small_db)]) == 1
    assert _one_line_error(capsys) == f"briefing-app: error: {small_db}: is read-only; nothing was written"
    assert _digest(small_db) == before


def test_a_build_through_a_symlink_keeps_the_link(tmp_path, small_db, small_briefing, capsys):
    link = tmp_path / "link.db"
    link.symlink_to(small_db)
    small_db.chmod(0o640)
    assert main(["build-db", str(small_briefing), "-o", str(link)]) == 0
    assert link.is_symlink() and _quick_check(small_db) == "ok"
    assert oct(small_db.stat().st_mode & 0o777) == oct(0o640)
