"""Opening a bad database in the window: a message naming the file and the problem, the good one kept,
and nothing on disk changed or created."""

import hashlib
import os

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.ui.database_status import database_label
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.state import ViewerState
from briefing_fixtures import BAD_DATABASE_CASES, make_bad_database


def snapshot_of(folder):
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            out[os.path.join(root, name)] = "dir"
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                out[path] = hashlib.sha256(handle.read()).hexdigest()
    return out


@pytest.mark.parametrize("case", BAD_DATABASE_CASES)
def test_bad_database_is_refused_plainly_and_nothing_changes(qtbot, settings, tmp_path, small_db, review_db, case):
    import re

    window = MainWindow(ViewerState("en"), settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(review_db)
    path, expected = make_bad_database(tmp_path, small_db, case)
    before = snapshot_of(tmp_path / "cases")
    assert not window.open_database(path)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    assert str(path) in text and re.search(expected, text), text
    assert f"Still showing the previous database: {database_label(review_db, 'en')}" in text
    boxes[0].close()
    # The good database stays open and shown.
    assert window.session.path == review_db and window.state.snapshot.briefing.id == "mic-2017-h1"
    assert snapshot_of(tmp_path / "cases") == before
