"""The data layer imports no Qt and the viewer's start-up path imports no heavy libraries."""

import subprocess
import sys


def imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(out.split())


def test_data_layer_imports_no_qt():
    modules = imported_after(
        "import briefing_app.data.store, briefing_app.data.build, briefing_app.data.export, "
        "briefing_app.data.numbers, briefing_app.data.folding, briefing_app.data.derive"
    )
    assert not {m for m in modules if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))}


def test_reading_path_imports_neither_sqlite_utils_nor_numpy():
    modules = imported_after("import briefing_app.cli, briefing_app.data.store, briefing_app.data.export")
    assert "sqlite_utils" not in modules
    assert "numpy" not in modules
    assert "yaml" not in modules
