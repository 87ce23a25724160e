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

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..data.search import SearchInterrupted, search, warm_up
from ..data.store import BriefingStore, StoreError, open_store

__all__ = ["BackgroundSearch"]

#: How long the worker's store waits for another program's write lock (as the session's store does).
READ_TIMEOUT_S = 0.05


class BackgroundSearch(QObject):
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
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # one thread for the window's life: starting one costs milliseconds
        self._lock = threading.Lock()
        self._generation = 0
        self._store: BriefingStore | None = None
        self._store_key: tuple[Path, int] | None = None
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
            self._pool.start(_Job(self, generation, Path(path), epoch, text, briefing_id))

    def prepare(self, path: Path, epoch: int) -> None:
        """Open the worker's store and read its briefing ranges now, so the first search does not wait."""
        if not self._closed:
            self._pool.start(_Job(self, self._generation, Path(path), epoch, None, None))

    def cancel(self) -> int:
        """Make every query so far stale (a running one is interrupted); returns the new generation."""
        with self._lock:
            self._generation += 1
            generation = self._generation
            store = self._store
        self._pool.clear()
        if store is not None:
            store.connection().interrupt()
        return generation

    def is_current(self, generation: int) -> bool:
        """Whether ``generation`` is the newest query (its results are the ones to show)."""
        return generation == self._generation

    def is_idle(self) -> bool:
        """Nothing queued or running."""
        return self._pool.activeThreadCount() == 0

    def shutdown(self) -> None:
        """Stop: interrupt the running query, wait for the thread, close the store. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self.cancel()
        self._pool.waitForDone()
        with self._lock:
            store, self._store, self._store_key = self._store, None, None
        if store is not None:
            store.close()

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

    def _store_for(self, path: Path, epoch: int) -> BriefingStore:
        key = (path, epoch)
        with self._lock:
            if self._store is not None and self._store_key == key:
                return self._store
            old, self._store, self._store_key = self._store, None, None
        if old is not None:
            old.close()
        store = open_store(path, timeout=READ_TIMEOUT_S)
        with self._lock:
            self._store, self._store_key = store, key
        return store


class _Job(QRunnable):
    """One query for :class:`BackgroundSearch` (``text`` None: only open the store)."""

    def __init__(self, owner: BackgroundSearch, generation: int, path: Path, epoch: int,
                 text: str | None, briefing_id: str | None):
        super().__init__()
        self._args = (owner, generation, path, epoch, text, briefing_id)

    def run(self) -> None:
        owner, generation, path, epoch, text, briefing_id = self._args
        owner._run(generation, path, epoch, text, briefing_id)
