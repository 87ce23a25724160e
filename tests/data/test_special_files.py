"""Special files as the database (issue #13, case 6): a FIFO, a device or a socket is refused at once,
by its type, before anything is opened — it never hangs and never reads without end."""

import os
import socket
import subprocess
import sys
import time

import pytest

from briefing_app.data.store import StoreError, open_store
from briefing_fixtures import FifoUnblocker


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "f.db"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo):
    with FifoUnblocker(fifo, after=3) as guard:
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            open_store(fifo)
        elapsed = time.monotonic() - started
    assert str(info.value) == f"{fifo}: is not a regular file (a FIFO)"
    assert elapsed < 1 and not guard.released


def test_a_device_is_refused_without_reading_it():
    with pytest.raises(StoreError) as info:
        open_store("/dev/zero")
    assert str(info.value) == "/dev/zero: is not a regular file (a character device)"


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.db"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(StoreError, match=r"is not a regular file \(a socket\)"):
            open_store(path)
    finally:
        server.close()


def test_a_link_to_a_fifo_is_refused(tmp_path, fifo):
    link = tmp_path / "link.db"
    link.symlink_to(fifo)
    with FifoUnblocker(fifo, after=3) as guard:
        with pytest.raises(StoreError, match=r"is not a regular file \(a FIFO\)"):
            open_store(link)
    assert not guard.released


def test_a_fifo_beside_the_database_is_refused(tmp_path, small_db):
    """SQLite opens ``-wal`` beside a database; a FIFO there would block it just the same."""
    wal = small_db.with_name(small_db.name + "-wal")
    os.mkfifo(wal)
    with FifoUnblocker(wal, after=3) as guard:
        with pytest.raises(StoreError, match=r"small.db-wal is not a regular file \(a FIFO\)"):
            open_store(small_db)
    assert not guard.released


@pytest.mark.parametrize("command", [["search", "x"], ["export", "--format", "json"], ["print", "-o", "out.pdf"]])
def test_the_command_line_says_so_in_one_line(tmp_path, fifo, command):
    with FifoUnblocker(fifo, after=5):
        result = subprocess.run([sys.executable, "-m", "briefing_app", *command, "--db", str(fifo)],
                                capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"briefing-app: error: {fifo}: is not a regular file (a FIFO)\n"
    assert not (tmp_path / "out.pdf").exists()
