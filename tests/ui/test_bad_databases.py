"""Opening a bad database in the window: a message naming the file and the problem, the good one kept,
and nothing on disk changed or created."""

import hashlib
import os
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.state import ViewerState


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


def make_case(tmp_path, small_db, case):
    data = small_db.read_bytes()
    folder = tmp_path / "cases"
    folder.mkdir(exist_ok=True)
    if case == "missing":
        return folder / "a#b?c" / "missing.db", "file not found"
    if case == "folder":
        (folder / "a folder.db").mkdir()
        return folder / "a folder.db", "is a folder"
    path = folder / f"{case}.db"
    if case == "empty":
        path.write_bytes(b"")
        return path, "is empty"
    if case == "random":
        path.write_bytes(os.urandom(8192))
        return path, "is not an SQLite database"
    if case == "text":
        path.write_text("Bộ TT&TT sơ kết công tác 6 tháng\n", encoding="utf-8")
        return path, "is not an SQLite database"
    if case == "truncated":
        path.write_bytes(data[:4096])
        return path, "not a readable briefing database"
    if case == "damaged":
        damaged = bytearray(data)
        page = int.from_bytes(damaged[16:18], "big")
        for offset in range(page * 3, len(damaged), page * 4):
            damaged[offset:offset + 16] = b"\xff" * 16
        path.write_bytes(bytes(damaged))
        return path, "damaged|malformed|not a readable"
    path.write_bytes(data)
    conn = sqlite3.connect(path)
    if case == "foreign":
        conn.execute("PRAGMA application_id = 1234")
        expected = "not a briefing database"
    elif case == "newer":
        conn.execute("PRAGMA user_version = 7")
        expected = "newer version"
    elif case == "missing_table":
        conn.execute("DROP TABLE directives")
        expected = "table 'directives' is missing"
    elif case == "view":
        conn.execute("DROP TABLE links")
        conn.execute("CREATE VIEW links AS SELECT * FROM checks")
        expected = "'links' is a view"
    conn.commit()
    conn.close()
    return path, expected


@pytest.mark.parametrize("case", ["missing", "folder", "empty", "random", "text", "truncated", "damaged",
                                  "foreign", "newer", "missing_table", "view"])
def test_bad_database_is_refused_plainly_and_nothing_changes(qtbot, settings, tmp_path, small_db, bundled_db, case):
    import re

    window = MainWindow(ViewerState("en"), settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(bundled_db)
    path, expected = make_case(tmp_path, small_db, case)
    before = snapshot_of(tmp_path / "cases")
    assert not window.open_database(path)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    assert str(path) in text and re.search(expected, text), text
    assert "The open database is kept: data.db" in text
    boxes[0].close()
    # The good database stays open and shown.
    assert window.database_path == bundled_db and window.state.snapshot.briefing.id == "mic-2017-h1"
    assert snapshot_of(tmp_path / "cases") == before
