"""One worker thread with its own read-only store, newest request only: what the window's background search
(:mod:`.background_search`) and the Trends tab's series (:mod:`.background_series`) share.

A :class:`QThreadPool` of one thread, kept for the window's life (starting one costs milliseconds). SQLite
connections are not shared between threads, so the worker opens its own store, and opens it again when the
database does (another file, or a reload: a new ``epoch``). Each request takes a generation: :meth:`cancel`
makes every request so far stale (queued ones are dropped; a running one checks :meth:`is_current`), so a
stale result that still arrives can be told from the newest.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool

from ..data.store import BriefingStore, open_store

__all__ = ["BackgroundReader", "READ_TIMEOUT_S"]

#: How long a worker's store waits for another program's write lock (as the session's store does).
READ_TIMEOUT_S = 0.05


class BackgroundReader(QObject):
    """The worker thread, its store and the generations of requests; subclasses say what a request does."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._lock = threading.Lock()
        self._generation = 0
        self._store: BriefingStore | None = None
        self._store_key: tuple[Path, int] | None = None

    # ------------------------------------------------------------ GUI thread
    def cancel(self) -> int:
        """Make every request so far stale; returns the new generation."""
        with self._lock:
            self._generation += 1
            generation = self._generation
            store = self._store
        self._pool.clear()
        if store is not None:
            self._went_stale(store)
        return generation

    def _went_stale(self, store: BriefingStore) -> None:
        """What the store of a request that just went stale should do (nothing; a search interrupts its query)."""

    def is_current(self, generation: int) -> bool:
        """Whether ``generation`` is the newest request (its results are the ones to show)."""
        return generation == self._generation

    def is_idle(self) -> bool:
        """Nothing queued or running."""
        return self._pool.activeThreadCount() == 0

    def _run_in_worker(self, work: Callable[[], None]) -> None:
        self._pool.start(_Work(work))

    def _wait_and_close(self) -> None:
        """Wait for the worker (a request already running finishes or stops), then close its store."""
        self._pool.waitForDone()
        with self._lock:
            store, self._store, self._store_key = self._store, None, None
        if store is not None:
            store.close()

    # ------------------------------------------------------------ worker thread
    def _store_for(self, path: Path, epoch: int) -> BriefingStore:
        """The worker's store of the database at ``path`` as opened at ``epoch`` (opened again for a new one).
        Raises :class:`~briefing_app.data.store.StoreError` when it cannot be opened."""
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


class _Work(QRunnable):
    """One request, run in the worker thread."""

    def __init__(self, work: Callable[[], None]):
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()
