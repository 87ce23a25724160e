"""The window a test works in, as a user would have it: shown at a size, exposed and active."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def in_front(qtbot, window: QWidget, width: int = 1280, height: int = 800) -> QWidget:
    """Show ``window`` at ``width``×``height`` as the active window: keys such as Ctrl+F go to it, whatever window
    an earlier test left active. The test owns it (closed at its end)."""
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window
