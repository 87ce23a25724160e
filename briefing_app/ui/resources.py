"""Icons and other files under ``resources/``, loaded through one helper."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ..paths import resource

__all__ = ["icon"]


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons``; an empty icon if the file is missing."""
    path = resource("icons", name)
    return QIcon(str(path)) if path.is_file() else QIcon()
