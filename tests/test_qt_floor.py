"""The Qt floor in pyproject.toml is the one the code relies on (no untested branches for older Qt)."""

import re
import tomllib

from briefing_fixtures import ROOT


def test_pyside6_floor_is_6_9_on_every_python_line():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    floors = [re.search(r">=([\d.]+)", d).group(1) for d in dependencies if d.startswith("PySide6")]
    assert floors == ["6.9", "6.9"]


def test_the_filter_proxies_use_the_qt_6_9_filter_change_api():
    from PySide6.QtCore import QSortFilterProxyModel

    assert hasattr(QSortFilterProxyModel, "beginFilterChange")  # what the 6.9 floor is for
