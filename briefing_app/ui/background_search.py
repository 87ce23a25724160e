"""Searching every briefing off the GUI thread, newest query only.

The window shows the current briefing's results at once (a one-briefing search
takes milliseconds); the other briefings' results come from here, where a common
word in a large library may take tens of milliseconds, while the user types on.

One worker thread (a :class:`QThreadPool` of one) with its own read-only store:
SQLite connections are not shared between threads. Each :meth:`start` makes the
query before it stale: a queued one is dropped, a running one is interrupted
(``sqlite3.Connection.interrupt()``, which SQLite allows from another thread), and
should a stale result still arrive, :attr:`results_ready` carries its generation
so the receiver can tell (:meth:`is_current`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..data.search import SearchInterrupted, search, warm_up
from ..data.store import BriefingStore, StoreError
from .background_reader import BackgroundReader

__all__ = ["BackgroundSearch"]


class BackgroundSearch(BackgroundReader):
    """Runs :func:`briefing_app.data.search.search` in a worker thread, newest query only.

    Signals (delivered on the GUI thread): ``results_ready(generation, results)`` (a list of
    :class:`~briefing_app.data.search.SearchResult`) and
    ``failed(generation, error)`` (the :class:`StoreError`, for the receiver to say in the window's
    language); neither is emitted for a query that was interrupted.
    """

    results_ready = Signal(int, list)
    failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._closed = False

    # ------------------------------------------------------------ GUI thread
    def start(self, path: Path, epoch: int, text: str, briefing_id: str | None = None) -> int:
        """Search ``path`` for ``text`` (in ``briefing_id`` only, or every briefing); returns the query's
        generation. ``epoch`` names the database file as opened: a new epoch opens a new store."""
        generation = self.cancel()
        self.submit(generation, path, epoch, text, briefing_id)
        return generation

    def submit(self, generation: int, path: Path, epoch: int, text: str, briefing_id: str | None = None) -> None:
        """Run the query of ``generation`` (from :meth:`cancel`), unless a newer one came since."""
        if not self._closed and self.is_current(generation):
            self._run_in_worker(partial(self._run, generation, Path(path), epoch, text, briefing_id))

    def prepare(self, path: Path, epoch: int) -> None:
        """Open the worker's store and read its briefing ranges now, so the first search does not wait."""
        if not self._closed:
            self._run_in_worker(partial(self._run, self._generation, Path(path), epoch, None, None))

    def _went_stale(self, store: BriefingStore) -> None:
        store.connection().interrupt()  # the running query stops (SQLite allows this from another thread)

    def shutdown(self) -> None:
        """Stop: interrupt the running query, wait for the thread, close the store. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self.cancel()
        self._wait_and_close()

    # ------------------------------------------------------------ worker thread
    def _run(self, generation: int, path: Path, epoch: int, text: str | None, briefing_id: str | None) -> None:
        if not self.is_current(generation) or self._closed:
            return  # a newer query came while this one waited
        try:
            store = self._store_for(path, epoch)
            if text is None:
                warm_up(store)
                return
            results = search(store, text, briefing_id)
        except SearchInterrupted:
            return
        except StoreError as exc:
            if text is not None and self.is_current(generation):
                self.failed.emit(generation, exc)
            return
        if self.is_current(generation) and not self._closed:
            self.results_ready.emit(generation, results)
