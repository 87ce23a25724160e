"""The window over damaged values (issue #13, case 8): a message naming the row and column, the
database that was open kept, the app alive — whether the damaged file is opened or swapped in."""

import os
import shutil

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.ui.database_status import database_label
from briefing_fixtures import DAMAGED_VALUES, damaged_copy

DAMAGES = DAMAGED_VALUES


def visible_boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.mark.parametrize("damage", DAMAGES)
def test_opening_it_says_what_and_where(qtbot, open_window, tmp_path, small_db, review_db, damage):
    window = open_window(review_db, lang="en")
    path = damaged_copy(small_db, tmp_path / "damaged.db", damage)
    assert not window.open_database(path)
    boxes = visible_boxes()
    assert len(boxes) == 1
    kept = f"Still showing the previous database: {database_label(review_db, 'en')}"
    assert boxes[0].text() == f"{path}\n\nis damaged: {DAMAGES[damage][1]}\n\n{kept}"
    boxes[0].close()
    assert window.session.path == review_db and window.state.snapshot.briefing.id == "mic-2017-h1"
    # Still alive: it switches tabs and reloads.
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    window.reload()
    assert not window.problem_status.isVisible()


@pytest.mark.parametrize("damage", DAMAGES)
def test_swapped_in_under_the_window_keeps_the_last_good_data(qtbot, open_window, tmp_path, small_db, damage):
    live = tmp_path / "live.db"
    shutil.copy(small_db, live)
    window = open_window(live, lang="en")
    shown = window.state.snapshot
    os.replace(damaged_copy(small_db, tmp_path / "new.db", damage), live)
    window.session.refresh_from_disk()
    assert window.problem_status.isVisible()
    status = window.problem_status.text()
    assert status.startswith(f"⚠ live.db: is damaged: {DAMAGES[damage][1]} — still showing the data loaded at ")
    assert window.state.snapshot is shown
    assert not visible_boxes()
