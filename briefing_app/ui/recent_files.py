"""File → Open Recent: the databases opened last, kept in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

__all__ = ["RecentFiles", "MAX_RECENT"]

MAX_RECENT = 8
SETTING = "recent_files"


class RecentFiles(QObject):
    """Fills ``menu`` with the recent databases and ``clear_action``; ``file_chosen(str)`` when one is picked."""

    file_chosen = Signal(str)

    def __init__(self, settings: QSettings, menu: QMenu, clear_action: QAction, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.menu = menu
        self.clear_action = clear_action
        clear_action.triggered.connect(self._on_clear_action_triggered)

    def files(self) -> list[str]:
        """The recent databases' absolute paths, the latest first."""
        value = self.settings.value(SETTING, [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a plain string
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def add(self, path: Path) -> None:
        """Put ``path`` first in the list."""
        entry = str(path.absolute())
        recent = [entry] + [p for p in self.files() if p != entry]
        self.settings.setValue(SETTING, recent[:MAX_RECENT])
        self.rebuild()

    def rebuild(self) -> None:
        """Fill the menu again from the settings."""
        self.menu.clear()
        recent = self.files()
        for index, entry in enumerate(recent):
            act = self.menu.addAction(f"&{index + 1} {Path(entry).name}")
            act.setToolTip(entry)
            act.setData(entry)
            act.triggered.connect(lambda _checked=False, p=entry: self.file_chosen.emit(p))
        if recent:
            self.menu.addSeparator()
        self.menu.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(recent))

    def _on_clear_action_triggered(self) -> None:
        self.settings.setValue(SETTING, [])
        self.rebuild()
