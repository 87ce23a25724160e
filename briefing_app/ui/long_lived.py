"""What the window keeps for long — the briefing read, its records, models and widgets — set apart from
Python's cycle collector once it is loaded.

A large database's snapshot is some 100,000 objects that live until the next reload; every full collection
walked them all (~30 ms on the scale database), and one came every few selections in the Indicators tab, inside
the "Over time" chart's 100 ms. After each load, once the window is idle, :func:`settle` collects what is garbage
now and freezes the rest (``gc.freeze``): later collections skip it. What was frozen goes back to the collector at
the next settle (``gc.unfreeze``), so garbage among it is collected then; objects without cycles are freed by
their reference count as always.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["settle", "Settler"]


def settle() -> None:
    """Collect once, then freeze what is left. Nothing while the collector is off (the window's start, until its
    first paint: the start-up turns it on and settles then)."""
    if not gc.isenabled():
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class Settler(QObject):
    """Settles once the event loop is idle after :meth:`request` (several requests, one settle)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(settle)

    def request(self) -> None:
        self._timer.start()
