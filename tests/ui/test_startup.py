"""What the first paint does not wait for: pyqtgraph, numpy, sqlite-utils, dataclasses, PySide6's
``Qt`` namespace (~11 ms; see briefing_app/ui/main_window.py), its item-view classes, the focus style and the
cycle collector; and what the charts' first frames do not wait for: pyqtgraph and numpy (ui/charts/first_frame.py)."""

import subprocess
import sys
import textwrap


def test_window_paints_before_heavy_imports_and_charts_follow(tmp_path, review_db, time_limit):
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from briefing_app.ui.app import launch
        from briefing_app.ui.tabs import overview_tab
        # The Overview's text is laid out once, at the window's width: not first at a guessed width, in one
        # tile a row, and again when the window is shown.
        built = []
        overview_html = overview_tab.overview_html
        overview_tab.overview_html = lambda *args: built.append(args[2]) or overview_html(*args)
        settings = QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)
        # As `briefing-app DATABASE` starts it (the style, the icon, the window, the briefing).
        window = launch(app, __import__("pathlib").Path({str(review_db)!r}), "vi", settings)
        window.grab()  # the first paint
        print("overview built with columns:", built)
        # Heavy libraries, and standard modules whose import the first paint was measured paying for
        # (dataclasses: ~6 ms of class definitions; html: its entity table).
        heavy = sorted(m for m in ("pyqtgraph", "numpy", "sqlite_utils", "yaml", "dataclasses", "html")
                       if m in sys.modules)
        if "Qt" in sys.modules["PySide6.QtCore"].__dict__:
            heavy.append("the Qt namespace")
        # PySide6 makes each class on its first use (its enums: up to ms each). The Overview has no list or
        # table, and the focus style waits for the first paint (its polish() made dozens of widget classes).
        made = sys.modules["PySide6.QtWidgets"].__dict__
        heavy += sorted(c for c in ("QAbstractItemView", "QProxyStyle") if c in made)
        print("before:", ",".join(heavy) or "-")
        # The charts' first frames (QPainter, in the plot's layout) are painted without pyqtgraph or numpy.
        frames = [c.first_frame for c in window.overview_tab.charts]
        for frame in frames:
            if frame is not None:
                frame.grab()
        print("frames:", sum(bool(f and f.paint_count) for f in frames), "pyqtgraph" in sys.modules,
              "numpy" in sys.modules)
        import time
        charts = []
        deadline = time.perf_counter() + {time_limit(5)!r}
        while time.perf_counter() < deadline:
            app.processEvents()
            charts = window.overview_tab.charts
            shown = [c for c in charts if not c.visibleRegion().isEmpty()]
            if shown and all(c._plot is not None for c in shown):
                break
        print("after:", "pyqtgraph" in sys.modules, bool(shown) and all(c._plot is not None for c in shown),
              len(charts))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0] == "overview built with columns: [3]"
    assert lines[1] == "before: -"
    assert lines[2] == "frames: 5 False False"
    assert lines[3] == "after: True True 5"


def test_the_cycle_collector_is_back_on_once_the_charts_are_shown(qtbot, qapp, settings, review_db, time_limit):
    """The command line starts the window with gc off (cli._gui); launch turns it on, and sets the start's
    objects apart (long_lived.settle: a full collection, ~10 ms), once the first tab's charts have been shown:
    between the first paint and the charts, it delayed them."""
    import gc

    from briefing_app.ui.app import launch

    gc.disable()
    try:
        window = launch(qapp, review_db, "vi", settings)
        qtbot.addWidget(window)
        assert not gc.isenabled()
        with qtbot.waitSignal(window.first_painted, timeout=time_limit.ms(5)):
            pass
        assert not gc.isenabled()
        with qtbot.waitSignal(window.start_followed, timeout=time_limit.ms(5)):
            pass
        assert gc.isenabled()
        shown = [c for c in window.overview_tab.charts if not c.visibleRegion().isEmpty()]
        assert shown and all(c._plot is not None or c.first_frame.paint_count for c in shown)
        assert "Hội nghị" in window.overview_tab.text()
    finally:
        gc.enable()


def test_the_window_path_starts_without_the_cycle_collector(monkeypatch, review_db):
    """`briefing-app DATABASE` turns gc off before importing Qt; launch turns it back on (above)."""
    import gc

    import briefing_app.ui.app as app_module
    from briefing_app.cli import main

    seen = {}

    def fake_run(database, lang=None, review=None):
        seen.update(enabled=gc.isenabled(), database=database, lang=lang)
        return 0

    monkeypatch.setattr(app_module, "run", fake_run)
    try:
        assert main([str(review_db), "--lang", "en"]) == 0
    finally:
        gc.enable()
    assert seen == {"enabled": False, "database": review_db, "lang": "en"}


def test_the_focus_style_follows_the_first_paint_and_changes_no_pixel(tmp_path, review_db, time_limit):
    """The focus style (strong outline; Tab leaves tables) is installed after the first paint: a table built
    before it (the Indicators tab, the last one shown) lets Tab leave it from then on, and nothing the first
    paint showed changes when the style arrives."""
    script = textwrap.dedent(f"""
        import os, pathlib, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from briefing_app.ui.app import launch
        settings = QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)
        settings.setValue("last_tab", 1)  # the Indicators tab, with its table, in front
        window = launch(app, pathlib.Path({str(review_db)!r}), "vi", settings)
        tab = window.tabs.currentWidget()
        first = tab.grab().toImage()  # the first paint
        print("first paint:", type(app.style()).__name__ == "FocusStyle", tab.table.tabKeyNavigation())
        deadline = time.perf_counter() + {time_limit(5)!r}
        while type(app.style()).__name__ != "FocusStyle" and time.perf_counter() < deadline:
            app.processEvents()
        print("then:", type(app.style()).__name__ == "FocusStyle", tab.table.tabKeyNavigation(),
              tab.grab().toImage() == first)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == ["first paint: False True", "then: True False True"]


def test_shortcuts_work_from_the_first_paint(qtbot, qapp, settings, review_db, time_limit, monkeypatch):
    """Printing and search are built after the first paint, but their keys (and the tabs', and F1) work
    as soon as the window has painted: the window's own actions build them when pressed (Ctrl+Shift+E did
    nothing, and Ctrl+F focused nothing, until they were built)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog

    from briefing_app.ui.app import launch
    from briefing_app.ui.print_controller import PrintController

    asked = []
    monkeypatch.setattr(PrintController, "ask_options", lambda self: asked.append("options"))
    monkeypatch.setattr(PrintController, "export_pdf", lambda self, *args: asked.append("pdf"))
    monkeypatch.setattr(PrintController, "preview", lambda self, *args: asked.append("preview"))
    window = launch(qapp, review_db, "vi", settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=time_limit.ms(5)):
        pass
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=time_limit.ms(2))
    assert window._print_controller is None and window._search_controller is None  # not built yet
    for key, tab in ((Qt.Key.Key_8, "tab.trends"), (Qt.Key.Key_2, "tab.indicators"), (Qt.Key.Key_1, "tab.overview")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.current_entry().title_key == tab
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_controller.field.hasFocus()
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_E, shift)  # Export PDF, before printing is built
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_P, shift)  # Print Preview, once it is
    assert asked == ["pdf", "options", "preview"]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    [dialog] = [d for d in window.findChildren(QDialog, "shortcutsDialog") if d.isVisible()]
    dialog.close()
