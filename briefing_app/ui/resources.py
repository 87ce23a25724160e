"""Icons and other files under ``resources/``, loaded through one helper."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from ..paths import resource

__all__ = ["icon"]


@cache
def _icons() -> Path:
    # Found once: where resources/ is takes a few resolved paths and checks (~0.3 ms), and the window's
    # first paint needs seven icons.
    return resource("icons")


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons``; an empty icon if the file is missing."""
    path = _icons() / name
    return QIcon(str(path)) if path.is_file() else QIcon()
