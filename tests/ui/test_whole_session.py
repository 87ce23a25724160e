"""A whole session — every tab, a search, a PDF, a reload, a copy — leaves data.db byte-identical."""

import hashlib
import shutil

from PySide6.QtCore import Qt

from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.state import ViewerState


def test_a_whole_session_changes_nothing_on_disk(qtbot, settings, tmp_path, bundled_db, monkeypatch):
    db = tmp_path / "data.db"
    shutil.copy(bundled_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    folder_before = sorted(p.name for p in tmp_path.iterdir())

    window = MainWindow(ViewerState("vi"), settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_database(db)
    for n in range(1, 8):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(10)
    snapshot = window.state.snapshot
    window.indicators_tab.select_item("indicators", snapshot.indicators[3].id)
    window.tabs.setCurrentWidget(window.indicators_tab)
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    # search
    controller = window.search_controller
    controller.field.setText("dien thoai")
    controller.run_search()
    qtbot.waitUntil(lambda: not controller.is_searching())  # the other briefings' results, from the worker
    assert controller.model.result_count() > 0
    # a PDF, through Export PDF… with the file dialog answered
    pdf = tmp_path / "out" / "pack.pdf"
    pdf.parent.mkdir()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(pdf), ""))
    from briefing_app.report.options import ReportOptions

    window.print_controller.export_pdf(ReportOptions())  # the options dialog answered with the defaults
    assert pdf.read_bytes().startswith(b"%PDF")
    # reload and switch language
    qtbot.keyClick(window, Qt.Key.Key_F5)
    window.language_actions["en"].trigger()
    for n in range(1, 8):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
    window.close()

    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    # Only what the session was asked to write: the PDF (and the settings file of this test).
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(set(folder_before) | {"out", "settings.ini"})
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["pack.pdf"]
