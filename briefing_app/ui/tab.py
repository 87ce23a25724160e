"""The contract every tab keeps with the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..data.snapshot import Entry, Snapshot
from .state import ViewerState

__all__ = ["BriefingTab"]


class BriefingTab(QWidget):
    """A tab over one kind of content.

    The main window calls :meth:`set_snapshot` when data arrives or reloads (keep
    the selection where the item still exists), :meth:`retranslate` when the
    language changes, :meth:`select_item` to navigate, and :meth:`copy_rows` for Ctrl+C.
    """

    #: key in :mod:`briefing_app.ui.strings` for the tab's title
    title_key = ""
    #: sections whose items this tab can select
    sections: tuple[str, ...] = ()

    def __init__(self, state: ViewerState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state

    @property
    def lang(self) -> str:
        return self.state.lang

    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def select_item(self, section: str, item_id: int) -> bool:
        """Select the item; return whether this tab has it."""
        return False

    def copy_rows(self) -> tuple[list[str], list[list[str]]] | None:
        """Headers and the selected rows as displayed, or None when nothing is selected."""
        return None

    def show_in_source(self, entry: Entry | None) -> None:
        if entry is not None:
            self.state.request_source(entry.source_offset, len(entry.source_text))
