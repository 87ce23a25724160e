# Run-time hook, in place of PyInstaller's pyi_rth_pyside6 (see packaging/briefing-app.spec).
# That hook imports PySide6.QtCore before the app starts, to register a qt.conf that the PySide6
# wheels do not need (their Qt finds its plugins from libQt6Core's own folder): ~110 ms on every
# start, also for `--version`, `search` and `export`, which never use Qt. The plugin path it sets
# is kept, so Qt looks for plugins in the bundle only.
import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
