"""Acting on a modal dialog from inside its own event loop, as a user at the screen would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_modal(kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """Once a modal ``kind`` dialog is up (polled every 20 ms), run ``act`` on it: the caller then triggers
    what shows it (``exec`` blocks until ``act`` accepts or rejects)."""
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)
