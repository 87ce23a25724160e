"""A read-only rich-text pane for details, built from escaped text, that never loads anything."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

__all__ = ["ReadingPane"]


class ReadingPane(QTextBrowser):
    """Shows HTML we compose (every database text escaped); links navigate within the app.

    Links are ``item:<section>:<id>`` (open that item) and ``source:<offset>:<length>``
    (show the passage in the article). No resource named in the text is ever fetched.
    ``first_painted`` is emitted once, when the text has first been painted.
    """

    item_link_activated = Signal(str, int)
    source_link_activated = Signal(int, int)
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        # Told here rather than by an event filter on viewport(): wrapping the viewport costs ~5 ms
        # of PySide6 type look-ups, which the window's first paint would pay.
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        return None

    def _on_anchor_clicked(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        try:
            if parts[0] == "item" and len(parts) == 3:
                self.item_link_activated.emit(parts[1], int(parts[2]))
            elif parts[0] == "source" and len(parts) == 3:
                self.source_link_activated.emit(int(parts[1]), int(parts[2]))
        except ValueError:
            pass
