"""DatabaseSession without a window: what it opens, what it says through its signals, and what it keeps."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from briefing_app.data.store import StoreError
from briefing_app.i18n import render
from briefing_app.ui.session import BUSY, DatabaseSession


@pytest.fixture
def session(qapp):
    opened = DatabaseSession()
    yield opened
    opened.close()


@pytest.fixture
def heard(session):
    """Every signal the session emits, in order, as (name, argument)."""
    log = []
    session.snapshot_loaded.connect(lambda s: log.append(("snapshot_loaded", s.briefing.id)))
    session.database_opened.connect(lambda p: log.append(("database_opened", p)))
    session.open_failed.connect(lambda exc: log.append(("open_failed", exc)))
    session.problem_changed.connect(lambda p: log.append(("problem_changed", p)))
    session.refreshed.connect(lambda: log.append(("refreshed", None)))
    return log


def test_opening_says_which_file_and_which_briefing(session, heard, review_db):
    assert session.path is None and session.snapshot is None
    assert session.open(review_db)
    assert heard == [("database_opened", review_db), ("problem_changed", None),
                     ("snapshot_loaded", "mic-2017-h1")]
    assert session.path == review_db and session.store is not None and session.problem is None
    assert [b.id for b in session.briefings] == ["mic-2017-h1"]
    assert session.watcher.path == review_db.absolute()


def test_a_bad_file_keeps_the_open_one_and_says_why_unless_quiet(session, heard, review_db, tmp_path):
    assert session.open(review_db)
    heard.clear()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all")
    assert not session.open(bad)
    [(name, exc)] = heard
    assert name == "open_failed" and isinstance(exc, StoreError) and exc.path == bad
    assert not session.open(bad, quiet=True)
    assert len(heard) == 1
    assert session.path == review_db and session.snapshot.briefing.id == "mic-2017-h1"


def test_reading_again_reloads_only_what_changed(session, heard, review_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(review_db, db)
    assert session.open(db)
    heard.clear()
    session.refresh_from_disk()
    assert heard == [("refreshed", None)]  # nothing changed: nothing to redraw
    session.reload()
    assert heard[1:] == [("snapshot_loaded", "mic-2017-h1"), ("refreshed", None)]  # F5 shows it again anyway
    assert session.refreshed_at is not None


def test_a_vanished_file_is_a_problem_and_the_last_good_data_stays(session, heard, review_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(review_db, db)
    assert session.open(db)
    before = session.snapshot
    heard.clear()
    db.unlink()
    session.refresh_from_disk()
    [(name, problem)] = heard
    # The problem is said when shown, in the window's language.
    assert name == "problem_changed" and render(problem, "en") == "copy.db: file not found"
    assert render(problem, "vi") == "copy.db: không tìm thấy tệp"
    assert session.snapshot is before


def test_a_busy_database_is_retried_without_waiting(qtbot, session, heard, review_db, tmp_path, time_limit):
    db = tmp_path / "copy.db"
    shutil.copy(review_db, db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        assert not session.open(db)
        assert session.problem == BUSY and heard == [("problem_changed", BUSY)]
    finally:
        writer.execute("COMMIT")
        writer.close()
    qtbot.waitUntil(lambda: session.path == db, timeout=time_limit.ms(2))
    assert session.problem is None and heard[-1] == ("snapshot_loaded", "mic-2017-h1")


def test_choosing_another_briefing_that_cannot_be_read_says_so(session, heard, review_db):
    assert session.open(review_db)
    heard.clear()
    session.select_briefing("no-such-briefing")
    [(name, exc)] = heard
    assert name == "open_failed" and isinstance(exc, StoreError)
    assert session.snapshot.briefing.id == "mic-2017-h1"

