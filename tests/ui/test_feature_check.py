"""PySide6 asks of every module imported after it whether it uses PySide6 (for ``from __feature__ import …``);
the window's start has it read each module's file as bytes rather than through ``inspect.getsource`` (see
briefing_app/ui/feature_check.py). Same question, same answers, and PySide6's features still work."""

import subprocess
import sys
import textwrap


def run(script: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                            timeout=120, env=None)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.splitlines()


def test_the_window_path_reads_no_module_source_and_answers_as_pyside_does(tmp_path, review_db):
    lines = run(f"""
        import linecache, os, pathlib, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        import briefing_app.ui  # PySide6's check replaced: what PySide6 read until then stays in linecache
        before = set(linecache.cache)
        from briefing_app.ui.app import launch
        settings = QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)
        window = launch(app, pathlib.Path({str(review_db)!r}), "vi", settings)
        window.grab()
        # inspect.getsource keeps what it reads in linecache: nothing more was read that way.
        print("sources read:", sorted(set(linecache.cache) - before))
        check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
        differ = [name for name, module in list(sys.modules.items())
                  if module is not None and check(module) != check.original(module)]
        uses = sorted(name for name in ("briefing_app.ui.app", "briefing_app.data.store", "json")
                      if check(sys.modules[name]))
        print("differ:", differ, "uses PySide6:", uses)
    """)
    assert lines == ["sources read: []", "differ: [] uses PySide6: ['briefing_app.ui.app']"]


def test_pyside_features_apply_as_without_the_byte_check(tmp_path):
    (tmp_path / "snake.py").write_text(textwrap.dedent("""
        from __feature__ import snake_case  # noqa: F401
        from PySide6.QtCore import QObject

        def name_of(obj):
            return obj.object_name()
    """), encoding="utf-8")
    script = f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        import {{first}}
        from PySide6.QtCore import QObject
        import snake
        obj = QObject()
        obj.setProperty("objectName", "kept")
        print(snake.name_of(obj), hasattr(obj, "object_name"), hasattr(obj, "objectName"),
              type(sys.modules["shibokensupport.feature"]._mod_uses_pyside).__name__)
    """
    checked = run(script.format(first="briefing_app.ui"))  # the byte check in place
    plain = run(script.format(first="PySide6.QtCore"))
    assert checked[0].startswith("kept ") and checked[0].endswith(" ByteCheck")
    assert checked[0].removesuffix(" ByteCheck") == plain[0].removesuffix(" function")
