"""A writer killed mid-transaction leaves a journal; the window still opens the database, as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys

from briefing_fixtures import ROOT, SMALL_YAML, write_briefing


def test_the_window_opens_a_database_a_killed_import_left_behind(open_window, tmp_path, small_db):
    from briefing_fixtures import KILLED_IMPORT

    db = tmp_path / "db" / "briefings.db"
    db.parent.mkdir()
    shutil.copy(small_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    source = write_briefing(tmp_path / "second", SMALL_YAML.replace("id: test-2017", "id: test-2018"), name="s.yaml")
    killed = subprocess.run([sys.executable, "-c", KILLED_IMPORT, str(source), str(db)], capture_output=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert killed.returncode == -9 and (tmp_path / "db" / "briefings.db-journal").exists()

    window = open_window(db)
    assert window.state.snapshot is not None and window.state.snapshot.briefing.id == "test-2017"
    assert window.briefing_combo.count() == 1  # the interrupted import's briefing is not there
    assert [p.name for p in db.parent.iterdir()] == ["briefings.db"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
