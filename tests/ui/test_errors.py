"""Faults while running: logged, shown with details to copy, and the app carries on."""

import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.logs import setup_logging
from briefing_app.ui.errors import install_excepthook


def test_an_exception_is_logged_and_shown_with_details(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_LOG_DIR", str(tmp_path))
    log = setup_logging("INFO")
    previous = sys.excepthook
    try:
        install_excepthook(lambda: None, lambda: "en")
        try:
            raise ValueError("<b>bad</b> value")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    [box] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "errorBox"]
    assert box.text() == "ValueError: <b>bad</b> value"
    assert box.textFormat().name == "PlainText"
    assert "Traceback" in box.detailedText() and "carries on" in box.informativeText()
    copy = next(b for b in box.buttons() if b.text() == "Copy Details")
    copy.click()
    assert "ValueError" in QApplication.clipboard().text()
    box.close()
    box.deleteLater()
    assert "ValueError: <b>bad</b> value" in log.read_text(encoding="utf-8")


def test_the_app_carries_on_after_an_error_in_a_slot(tmp_path, bundled_db):
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["BRIEFING_LOG_DIR"] = {str(tmp_path)!r}
        os.environ["XDG_CONFIG_HOME"] = {str(tmp_path)!r}
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        from briefing_app.logs import setup_logging
        from briefing_app.ui import app as app_module

        setup_logging("INFO")
        application = QApplication([])

        def broken():
            raise RuntimeError("a slot failed")

        def check():
            boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
            print("boxes:", [b.text() for b in boxes])
            window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")
            print("still running:", window.isVisible(), window.state.snapshot is not None)
            window.close()
            QApplication.quit()

        QTimer.singleShot(200, broken)
        QTimer.singleShot(600, check)
        raise SystemExit(app_module.run({str(bundled_db)!r}, "en"))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "boxes: ['RuntimeError: a slot failed']" in result.stdout
    assert "still running: True True" in result.stdout
    log = (tmp_path / "briefing-app.log").read_text(encoding="utf-8")
    assert "opened" in log and "data.db" in log and "RuntimeError: a slot failed" in log


def test_the_log_is_rotated_when_large(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_LOG_DIR", str(tmp_path))
    log = tmp_path / "briefing-app.log"
    log.write_text("x" * 1_000_001)
    setup_logging("INFO")
    assert (tmp_path / "briefing-app.log.1").stat().st_size == 1_000_001
    assert not log.exists() or log.stat().st_size < 1000
