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


def filled_then_shown(qtbot, tab, snapshot, width: int = 1280, height: int = 800):
    """``tab`` given ``snapshot`` while hidden (as the window fills its hidden tabs), then shown at
    ``width``×``height`` and exposed."""
    qtbot.addWidget(tab)
    tab.resize(width, height)
    tab.set_snapshot(snapshot)
    tab.show()
    qtbot.waitExposed(tab)
    return tab
