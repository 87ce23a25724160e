"""The data layer imports no Qt, no charts library and no numpy; reading a database needs no sqlite-utils.

Every module is imported in a fresh interpreter, so what it pulls in is not hidden by what the
test session (or another module) imported before. The interpreter records who imported each
watched package first, so a failure names the module to fix.
"""

import importlib.util
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import briefing_app.data

# Imports each module named on the command line; prints {package: the module that imported it first}.
_PROBE = r"""
import importlib, importlib.abc, json, sys

WATCHED = {"PySide6", "shiboken6", "pyqtgraph", "numpy", "sqlite_utils", "yaml"}
first = {}


class Recorder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in WATCHED and top not in first:
            frame = sys._getframe(1)
            while frame is not None and frame.f_globals.get("__name__", "").startswith(
                    ("importlib", "_frozen_importlib")):
                frame = frame.f_back
            first[top] = frame.f_globals.get("__name__", "?") if frame is not None else "?"
        return None  # only watching: the usual finders do the import


sys.meta_path.insert(0, Recorder())
for module in sys.argv[1:]:
    importlib.import_module(module)
print(json.dumps(first))
"""

#: What the window and the charts need; no module of the data layer may load them, even indirectly.
GUI_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")

DATA_PACKAGE = Path(briefing_app.data.__file__).parent
#: Every module of the data layer, found on disk (a new module is checked without editing this test),
#: and the Qt-free modules beside it that the import contract counts as part of that layer.
DATA_MODULES = sorted(
    ["briefing_app.data", "briefing_app.i18n", "briefing_app.paths", "briefing_app.text_limits"]
    + [m.name for m in pkgutil.walk_packages([str(DATA_PACKAGE)], "briefing_app.data.")]
)


def first_importers(*modules: str) -> dict[str, str]:
    """Import ``modules`` in a new interpreter: {watched package: the module that imported it first}."""
    out = subprocess.run([sys.executable, "-c", _PROBE, *modules], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def test_every_data_module_is_checked():
    on_disk = {f"briefing_app.data.{p.stem}" for p in DATA_PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert on_disk <= set(DATA_MODULES)
    assert {"briefing_app.data.store", "briefing_app.data.build", "briefing_app.data.snapshot"} <= on_disk
    for name in DATA_MODULES:  # each name is importable as written
        assert importlib.util.find_spec(name) is not None, name


@pytest.mark.parametrize("module", DATA_MODULES)
def test_data_module_imports_no_qt_charts_or_numpy(module):
    importers = first_importers(module)
    gui = {package: by for package, by in importers.items() if package in GUI_PACKAGES}
    assert not gui, f"{module} loads the GUI: {gui}"
    # sqlite-utils itself imports numpy whenever it is installed (to store numpy values), so the
    # modules that build a database get it that way; our code must never be the one to import it.
    numpy_by = importers.get("numpy")
    assert numpy_by is None or numpy_by.startswith("sqlite_utils"), f"{module} loads numpy (through {numpy_by})"


def test_reading_imports_neither_sqlite_utils_nor_numpy_nor_yaml():
    # Opening, reading and searching a database, and the command line in front of them: sqlite-utils
    # (and numpy with it) and PyYAML are for building from briefing files only.
    importers = first_importers("briefing_app.cli", "briefing_app.data.store", "briefing_app.data.snapshot",
                                "briefing_app.data.search", "briefing_app.data.export")
    assert {p: by for p, by in importers.items() if p in ("sqlite_utils", "numpy", "yaml")} == {}
