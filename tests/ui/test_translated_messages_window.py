"""A database the user chose that cannot be opened, said in the window's language (issue #16.3): what and
where, and which database the window still shows; at start-up, what it shows instead — never a quiet
fallback to other data."""

from __future__ import annotations

import os
import shutil

from modal_dialogs import when_modal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from briefing_app.paths import library_path
from briefing_app.ui.app import create_window, open_startup_database
from briefing_app.ui.database_status import database_label
from briefing_fixtures import make_bad_database


def visible_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def choose_in_open_dialog(window, path) -> None:
    """File → Open…, pick ``path`` in the file dialog and press Open, as a user does."""
    def pick(dialog: QFileDialog) -> None:
        dialog.selectFile(str(path))
        dialog.accept()

    when_modal(QFileDialog, pick)
    window.open_action.trigger()


def test_a_chosen_database_that_cannot_be_opened_is_said_in_vietnamese_then_english(
        qtbot, open_window, review_db, small_db, tmp_path):
    window = open_window(review_db, "vi")
    path, _ = make_bad_database(tmp_path, small_db, "foreign")
    choose_in_open_dialog(window, path)
    [box] = visible_boxes()
    assert box.windowTitle() == "Không mở được cơ sở dữ liệu"
    assert box.text() == (f"{path}\n\nlà cơ sở dữ liệu SQLite, nhưng không phải cơ sở dữ liệu báo cáo\n\n"
                          f"Vẫn đang hiển thị cơ sở dữ liệu trước đó: {database_label(review_db, 'vi')}")
    assert [b.text() for b in box.buttons()] == ["Đồng ý"]
    box.close()
    assert window.session.path == review_db and window.state.snapshot.briefing.id == "mic-2017-h1"

    window.language_actions["en"].trigger()
    newer, _ = make_bad_database(tmp_path, small_db, "newer")
    choose_in_open_dialog(window, newer)
    [box] = visible_boxes()
    assert box.windowTitle() == "Cannot Open Database"
    assert box.text().startswith(f"{newer}\n\nwas made by a newer version of Briefing Viewer (schema 7;")
    assert box.text().endswith(f"Still showing the previous database: {database_label(review_db, 'en')}")
    assert [b.text() for b in box.buttons()] == ["OK"]
    box.close()
    assert window.session.path == review_db


def test_a_problem_with_the_open_file_follows_the_language_in_the_status_bar(qtbot, open_window, review_db,
                                                                             tmp_path, time_limit):
    db = tmp_path / "live.db"
    shutil.copy(review_db, db)
    window = open_window(db, "vi")
    os.remove(db)
    qtbot.waitUntil(lambda: window.problem_status.isVisible(), timeout=time_limit.ms(3))
    assert window.problem_status.text().startswith("⚠ live.db: không tìm thấy tệp — vẫn hiển thị dữ liệu tải lúc")
    window.language_actions["en"].trigger()
    assert window.problem_status.text().startswith("⚠ live.db: file not found — still showing the data loaded at")


def test_a_database_asked_for_at_start_up_that_cannot_be_opened_says_what_is_shown_instead(
        qtbot, settings, small_db, tmp_path):
    path, _ = make_bad_database(tmp_path, small_db, "random")
    window = create_window(path, "vi", settings)
    qtbot.addWidget(window)
    window.show()
    open_startup_database(window)
    assert window.session.path == library_path()
    [box] = visible_boxes()
    assert box.text() == (f"{path}\n\nkhông phải cơ sở dữ liệu SQLite\n\n"
                          "Thay vào đó đang hiển thị — Thư viện của bạn: briefings.db (chỉ đọc)")
    box.close()


def test_the_last_database_damaged_since_is_not_replaced_quietly(qtbot, settings, small_db, tmp_path):
    first = create_window(None, "en", settings)
    qtbot.addWidget(first)
    copy = tmp_path / "mine.db"
    shutil.copy(small_db, copy)
    assert first.open_database(copy)
    first.close()
    copy.write_bytes(b"")  # emptied since the last session
    second = create_window(None, None, settings)
    qtbot.addWidget(second)
    second.show()
    open_startup_database(second)
    assert second.session.path == library_path()
    [box] = visible_boxes()
    assert box.text() == f"{copy}\n\nis empty (0 bytes)\n\nShowing instead — Your library: briefings.db (read-only)"
    box.close()
