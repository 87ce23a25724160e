"""A reading command on a database another program is writing (issue #13, case 13).

Before, the command said "is locked by another program (busy); trying again" and exited. Now it
says once that it waits, waits up to a stated time, and either does its work or says it gave up.
A writer killed mid-transaction does not lock readers out either.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from briefing_app import cli
from briefing_app.cli import main
from briefing_fixtures import ROOT, SMALL_YAML, write_briefing

COMMANDS = {
    "search": ["search", "Bưu cục"],
    "export": ["export", "--format", "json"],
    "print": ["print", "-o", "{tmp}/pack.pdf"],
}


def command(name, tmp_path, db):
    return [arg.format(tmp=tmp_path) for arg in COMMANDS[name]] + ["--db", str(db)]


def lock_exclusively(db) -> sqlite3.Connection:
    """Another program in the middle of writing: in rollback-journal mode, no one may read meanwhile."""
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN EXCLUSIVE")
    return conn


@pytest.mark.parametrize("name", ["search", "export"])
def test_a_reading_command_waits_saying_so_once_and_then_works(name, tmp_path, small_db, capsys, monkeypatch):
    holder = lock_exclusively(small_db)

    def release_soon():
        time.sleep(0.8)
        holder.execute("COMMIT")

    releaser = threading.Thread(target=release_soon)
    releaser.start()
    try:
        assert main(command(name, tmp_path, small_db)) == 0
    finally:
        releaser.join()
        holder.close()
    out, err = capsys.readouterr()
    assert err == f"briefing-app: another program is writing to {small_db}; waiting (up to 10 s)…\n"
    assert "Bưu cục" in out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_reading_command_gives_up_after_the_stated_time(name, tmp_path, small_db, capsys, monkeypatch):
    monkeypatch.setattr(cli, "READ_WAIT_S", 0.5, raising=False)
    holder = lock_exclusively(small_db)
    try:
        started = time.monotonic()
        assert main(command(name, tmp_path, small_db)) == 1
        assert 0.4 < time.monotonic() - started < 5
    finally:
        holder.close()
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"briefing-app: another program is writing to {small_db}; waiting (up to 0.5 s)…",
        f"briefing-app: error: {small_db}: still busy after 0.5 s (another program is writing)",
    ]
    assert not (tmp_path / "pack.pdf").exists()


def test_a_free_database_is_read_without_a_note(tmp_path, small_db, capsys):
    assert main(command("search", tmp_path, small_db)) == 0
    assert capsys.readouterr().err == ""


def test_a_reading_command_after_a_killed_import_reads_the_database_as_it_was(tmp_path, small_db):
    """An import killed mid-transaction leaves a -journal; until SQLite rolls it back, a read-only open
    fails ("attempt to write a readonly database"). A reading command lets SQLite roll it back."""
    from briefing_fixtures import KILLED_IMPORT

    db = tmp_path / "db" / "briefings.db"
    db.parent.mkdir()
    shutil.copy(small_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    source = write_briefing(tmp_path / "second", SMALL_YAML.replace("id: test-2017", "id: test-2018"), name="s.yaml")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", KILLED_IMPORT, str(source), str(db)], capture_output=True, env=env)
    assert killed.returncode == -9 and (tmp_path / "db" / "briefings.db-journal").exists()
    result = subprocess.run([sys.executable, "-m", "briefing_app", "search", "Bưu cục", "--db", str(db)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0 and result.stderr == "" and "Bưu cục" in result.stdout
    assert [p.name for p in db.parent.iterdir()] == ["briefings.db"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
