"""The main window as a user meets it: open, switch tabs, shortcuts, copy, language, settings."""

import shutil
import sqlite3

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTableWidget

from briefing_app.ui.app import create_window, open_startup_database


@pytest.fixture
def window(open_window, review_db):
    return open_window(review_db)


def message_boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_opens_the_bundled_database_and_says_so(open_window, bundled_db):
    window = open_window(bundled_db)
    assert window.database_status.text() == "Dữ liệu kèm ứng dụng: data.db (chỉ đọc)"
    # The newest briefing by period first: the 2019 review.
    assert window.state.snapshot.briefing.id == "mic-2019-h1"
    assert window.loaded_status.text().startswith("Tải lúc ")
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Tổng quan", "Chỉ số", "Kết quả", "Hạn chế", "Nhiệm vụ", "Doanh nghiệp", "Nguồn", "Xu hướng"]
    # Two bundled briefings (mic-2017-h1, mic-2019-h1): the selector is shown.
    assert window.briefing_combo.isVisible()


def test_ctrl_number_switches_tabs(qtbot, window):
    for n in range(1, 9):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == n - 1


def test_language_switch_without_restart(qtbot, window):
    window.language_actions["en"].trigger()
    assert window.tabs.tabText(1) == "Indicators"
    assert window.file_menu.title() == "&File"
    assert window.database_status.text().startswith("data.db in ")
    assert window.database_status.text().endswith(" (read-only)")
    assert "The meeting" in window.overview_tab.text()
    assert window.settings.value("language") == "en"
    window.language_actions["vi"].trigger()
    assert window.tabs.tabText(1) == "Chỉ số"


def test_show_in_source_switches_to_the_source_tab_highlighted(qtbot, window):
    window.tabs.setCurrentWidget(window.directives_tab)
    directive = window.state.snapshot.directives[2]
    assert window.directives_tab.select_item("directives", directive.id)
    qtbot.mouseClick(window.directives_tab.source_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.source_tab
    assert window.source_tab.highlighted_text() == directive.source_text


def test_related_link_opens_the_item_in_its_tab(qtbot, window):
    snapshot = window.state.snapshot
    directive = snapshot.directives[6]
    window.state.request_item("directives", directive.id)
    assert window.tabs.currentWidget() is window.directives_tab
    assert window.directives_tab.current_item().id == directive.id
    window.state.request_item("limitations", snapshot.limitations[0].id)
    assert window.tabs.currentWidget() is window.limitations_tab


def test_ctrl_c_copies_tsv_and_html(qtbot, window):
    window.tabs.setCurrentWidget(window.directives_tab)
    window.directives_tab.view.setFocus()
    window.directives_tab.view.selectAll()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QApplication.clipboard().mimeData()
    lines = mime.text().splitlines()
    assert lines[0].split("\t")[:2] == ["STT", "Nội dung"] and len(lines) == 17
    assert "<table>" in mime.html() and "<td>16</td>" in mime.html()
    assert "16 dòng" in window.statusBar().currentMessage()


def test_a_bad_database_keeps_the_open_one(qtbot, window, tmp_path, review_db):
    bad = tmp_path / "not a briefing.db"
    conn = sqlite3.connect(bad)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = bad.read_bytes()
    assert not window.open_database(bad)
    [box] = message_boxes()
    assert str(bad) in box.text() and "không phải cơ sở dữ liệu báo cáo" in box.text()  # the window is Vietnamese
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "data.db" in box.text()  # the kept database is named
    box.close()
    assert window.session.path == review_db
    assert bad.read_bytes() == before


def test_many_briefings_show_a_selector(qtbot, window, tmp_path, small_briefing):
    from briefing_app.data.build import build_database
    from briefing_fixtures import SMALL_YAML, write_briefing

    second = write_briefing(tmp_path / "two", SMALL_YAML.replace("id: test-2017", "id: test-2018").replace(
        'title: {vi: "Hội nghị thử", en: "Test meeting"}', 'title: {vi: "Hội nghị thứ hai", en: "Second meeting"}'),
        name="b.yaml")
    db = tmp_path / "two briefings.db"
    build_database([small_briefing, second], db)
    assert window.open_database(db)
    qtbot.waitUntil(window.briefing_combo.isVisible)  # the toolbar shows it when it lays itself out
    assert window.briefing_combo.count() == 2
    window.briefing_combo.activated.emit(1)
    assert window.state.snapshot.briefing.id == "test-2018"
    assert window.overview_tab.text().startswith("Hội nghị thứ hai")


def test_recent_files_and_drop(qtbot, window, tmp_path, small_db, review_db):
    copy = tmp_path / "copy.db"
    shutil.copy(small_db, copy)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.session.path == copy
    recent = window.recent.files()
    assert recent[0] == str(copy) and str(review_db) in recent
    titles = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert titles[0] == "&1 copy.db"
    window.recent_menu.actions()[1].trigger()
    assert window.session.path == review_db


def test_reload_keeps_tab_and_selection(qtbot, window):
    window.tabs.setCurrentWidget(window.limitations_tab)
    chosen = window.state.snapshot.limitations[4]
    window.limitations_tab.select_item("limitations", chosen.id)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.tabs.currentWidget() is window.limitations_tab
    assert window.limitations_tab.current_item().id == chosen.id


def test_shortcuts_dialog_lists_every_shortcut(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    [dialog] = [d for d in window.findChildren(QDialog, "shortcutsDialog") if d.isVisible()]
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    keys = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert keys == ["Ctrl+1 … Ctrl+8", "Ctrl+O", "F5", "Ctrl+F", "Ctrl+P", "Ctrl+Shift+P", "Ctrl+Shift+E",
                    "Ctrl+C", "Ctrl+Q", "F1"]
    # Every listed shortcut is a real action of the window (printing's are added after the first paint).
    qtbot.waitUntil(lambda: window.findChild(QAction, "exportPdfAction") is not None)
    bound = {a.shortcut().toString() for a in window.findChildren(QAction)}
    assert {"Ctrl+O", "F5", "Ctrl+F", "Ctrl+P", "Ctrl+Shift+P", "Ctrl+Shift+E", "Ctrl+C", "Ctrl+Q", "F1",
            "Ctrl+1", "Ctrl+8"} <= bound
    dialog.close()


def test_settings_remember_tab_language_and_database(qtbot, settings, tmp_path, small_db):
    first = create_window(None, "en", settings)
    qtbot.addWidget(first)
    first.show()
    assert first.open_database(small_db)
    first.tabs.setCurrentIndex(4)
    first.close()
    second = create_window(None, None, settings)
    qtbot.addWidget(second)
    second.show()
    open_startup_database(second)
    assert second.state.lang == "en"
    assert second.tabs.currentIndex() == 4
    assert second.session.path == small_db


def test_every_control_has_an_accessible_name(window):
    from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

    missing = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QAbstractItemView, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)) \
                and widget.isVisibleTo(window) and not widget.accessibleName():
            missing.append(widget.objectName() or type(widget).__name__)
    assert not missing, missing


def test_the_app_quits_cleanly_after_copying(tmp_path, review_db):
    """Copy rows, quit: the process exits 0 (PySide6 would crash on the clipboard's QMimeData)."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["XDG_CONFIG_HOME"] = {str(tmp_path)!r}
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from briefing_app.ui import app as app_module

        def act():
            window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")
            window.tabs.setCurrentWidget(window.directives_tab)
            window.directives_tab.view.selectAll()
            window.copy_selection()
            print(QApplication.clipboard().mimeData().hasHtml())
            window.close()
            QApplication.quit()

        application = QApplication([])
        QTimer.singleShot(300, act)
        raise SystemExit(app_module.run({str(review_db)!r}, "vi"))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "True"
