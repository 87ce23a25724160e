"""What every view shares: the open briefing, the interface language, and navigation requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..data.snapshot import Snapshot

if TYPE_CHECKING:
    from ..data.store import BriefingStore

__all__ = ["ViewerState"]


class ViewerState(QObject):
    """The viewer's shared state. Tabs read it and listen; the main window changes it.

    Signals say what happened: ``snapshot_changed`` (new data, or data reloaded),
    ``language_changed``, ``item_requested`` (show this item in its tab),
    ``source_requested`` (show this passage in the Source tab), ``chart_print_requested``
    (print this chart alone, or save it as a PDF).
    """

    snapshot_changed = Signal(object)
    language_changed = Signal(str)
    item_requested = Signal(str, int)
    source_requested = Signal(int, int)
    chart_print_requested = Signal(object, str)
    #: the open database was read again or another one opened (views across all briefings refill)
    store_changed = Signal()

    def __init__(self, lang: str = "vi", parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang
        self._snapshot: Snapshot | None = None
        self._store: BriefingStore | None = None

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    @property
    def store(self) -> BriefingStore | None:
        """The open database's store, for views that read across all its briefings (a measure over time).
        Read it when needed, never keep it: the session replaces (and closes) it on every reload."""
        return self._store

    def set_store(self, store: BriefingStore | None) -> None:
        if store is not self._store:
            self._store = store
            self.store_changed.emit()

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            self.language_changed.emit(lang)

    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        self._snapshot = snapshot
        self.snapshot_changed.emit(snapshot)

    def request_item(self, section: str, item_id: int) -> None:
        """Ask the window to open ``section``'s tab with this item selected."""
        self.item_requested.emit(section, item_id)

    def request_chart_print(self, spec: object, kind: str) -> None:
        """Ask the window to print ``spec`` (a ChartSpec) alone (``kind`` "print") or save it as a PDF ("pdf")."""
        self.chart_print_requested.emit(spec, kind)

    def request_source(self, offset: int, length: int) -> None:
        """Ask the window to show the article with ``length`` characters at ``offset`` highlighted."""
        self.source_requested.emit(offset, length)
