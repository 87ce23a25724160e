"""A read-only rich-text pane for details, built from escaped text, that never loads anything."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

__all__ = ["ReadingPane"]


class ReadingPane(QTextBrowser):
    """Shows HTML we compose (every database text escaped); links navigate within the app.

    Links are ``item:<section>:<id>`` (open that item) and ``source:<offset>:<length>``
    (show the passage in the article). No resource named in the text is ever fetched.
    """

    item_link_activated = Signal(str, int)
    source_link_activated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)

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
