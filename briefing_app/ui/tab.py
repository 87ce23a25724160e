"""The contract every tab keeps with the main window."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QStackedWidget, QWidget

from ..data.snapshot import Entry, Snapshot
from ..i18n import tr
from .plain import plain_label
from .state import ViewerState

__all__ = ["BriefingTab", "PrintScope", "EmptyState", "source_reachable"]


def source_reachable(entry: Entry | None, lang: str) -> tuple[bool, str]:
    """Whether "Show in Source" can show ``entry``'s sentence, and the tooltip that says why not: an item of a
    briefing cited by reference has no sentence in the app."""
    if entry is not None and entry.cited is not None:
        return False, tr("citation.no_source_tab", lang)
    return entry is not None, ""


class PrintScope(NamedTuple):
    """How "Only the current tab" narrows the tab's report section to what the tab shows.

    (The section itself comes from the tab registry, :mod:`briefing_app.ui.tabs`.)
    """

    #: print the directives as a checklist
    checklist: bool = False
    #: only this sector's indicators
    sector_id: int | None = None


class BriefingTab(QWidget):
    """A tab over one kind of content.

    The main window calls :meth:`set_snapshot` when data arrives or reloads (keep
    the selection where the item still exists), :meth:`retranslate` when the
    language changes, :meth:`select_item` to navigate, and :meth:`copy_rows` for Ctrl+C.
    Search gives :meth:`focus_target` the keyboard after opening a result in the tab;
    printing asks :meth:`print_scope` what "Only the current tab" prints.
    """

    #: key in :mod:`briefing_app.i18n` for the tab's title
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

    def focus_target(self) -> QWidget:
        """The widget that takes the keyboard when the tab is brought up to show an item."""
        return self

    def print_scope(self) -> PrintScope:
        """What of the tab's report section "Only the current tab" prints: by default, all of it."""
        return PrintScope()

    def show_in_source(self, entry: Entry | None) -> None:
        if entry is not None and entry.cited is None:
            self.state.request_source(entry.source_offset, len(entry.source_text))


class EmptyState(QStackedWidget):
    """A tab's content, or in its place one sentence saying what the briefing lacks
    ("This briefing lists no directives"), instead of an empty list or chart."""

    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.label = plain_label("", self, wrap=True, selectable=False)
        self.label.setObjectName("emptyState")
        self.label.setProperty("alignment", "AlignCenter")
        self.label.setContentsMargins(24, 24, 24, 24)
        self.addWidget(content)
        self.addWidget(self.label)

    def show_empty(self, text: str | None) -> None:
        """Say ``text`` in place of the content, or show the content again (None)."""
        if text:
            self.label.setText(text)
            self.setCurrentWidget(self.label)
        else:
            self.setCurrentWidget(self.content)

    def is_empty(self) -> bool:
        """Whether the sentence is shown instead of the content."""
        return self.currentWidget() is self.label
