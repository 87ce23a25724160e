"""What every view shares: the open briefing, the interface language, and navigation requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..data.snapshot import Snapshot

if TYPE_CHECKING:
    from ..data.compare import Comparison
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
    #: the briefing compared with the open one was chosen, cleared, or compared again (a Comparison or None)
    comparison_changed = Signal(object)

    def __init__(self, lang: str = "vi", parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang
        self._snapshot: Snapshot | None = None
        self._store: BriefingStore | None = None
        self._compare_with: str | None = None
        self._comparison: Comparison | None = None

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

    @property
    def compare_with(self) -> str | None:
        """The briefing the open one is compared with ("Compare with…"), or None."""
        return self._compare_with

    @property
    def comparison(self) -> Comparison | None:
        """The open briefing compared with :attr:`compare_with` (None when not comparing)."""
        return self._comparison

    def set_compare_with(self, briefing_id: str | None) -> None:
        """Compare the open briefing with ``briefing_id`` (None: stop comparing)."""
        self._compare_with = briefing_id
        self.refresh_comparison()

    def refresh_comparison(self) -> None:
        """Compare again from the store and snapshot now open (the briefing or the database changed).

        The comparison ends by itself when the other briefing is gone from the database, or is the one open.
        """
        comparison = None
        snapshot, store = self._snapshot, self._store
        if snapshot is not None and snapshot.briefing.id == self._compare_with:
            self._compare_with = None
        if self._compare_with is not None and snapshot is not None and store is not None:
            # Lazily: the comparison's modules are not on the window's start-up path.
            from ..data.compare import compare_briefings
            from ..data.measures import MeasureCatalogueError
            from ..data.store import StoreError

            try:
                comparison = compare_briefings(store, snapshot.briefing.id, self._compare_with)
            except (StoreError, MeasureCatalogueError):
                self._compare_with = None
        if comparison != self._comparison:  # a reload that changed nothing refills nothing
            self._comparison = comparison
            self.comparison_changed.emit(comparison)

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
