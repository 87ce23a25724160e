"""The open database: its store, following it on disk, busy retries, and which briefing is shown.

The window and its controllers ask the session (``window.session``) about the open
database instead of reaching into the window; the session tells them what happened
through its signals. It never blocks the GUI thread: a read that would wait for
another program's lock gives up after :data:`READ_TIMEOUT_S` and is retried on a timer.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..data.records import BriefingSummary
from ..data.snapshot import Snapshot, load_snapshot
from ..data.store import BriefingStore, StoreBusy, StoreError, choose_briefing, open_store
from ..i18n import Message
from ..logs import logger
from .live_reload import DatabaseWatcher

__all__ = ["DatabaseSession", "BUSY", "READ_TIMEOUT_S", "BUSY_RETRY_MS"]

#: How long a read may wait for another program's lock before we step back and retry.
READ_TIMEOUT_S = 0.02
BUSY_RETRY_MS = 150
#: :attr:`DatabaseSession.problem` while another program holds the database (a retry is on its way).
BUSY = "busy"


class DatabaseSession(QObject):
    """One briefing database, opened read-only, and the briefing of it that is shown.

    Signals say what happened:

    - ``snapshot_loaded(Snapshot)``: there is data to show (a database opened, the file read
      again with changes or by request, another briefing chosen);
    - ``database_opened(Path)``: another database file is now the open one;
    - ``open_failed(StoreError)``: a database or briefing the user asked for cannot be read;
      what was open stays open;
    - ``problem_changed(object)``: :attr:`problem` changed (``BUSY``, a :class:`Message`, or None);
    - ``refreshed()``: the open file was read again, whether or not anything changed.
    """

    snapshot_loaded = Signal(object)
    database_opened = Signal(object)
    open_failed = Signal(object)
    problem_changed = Signal(object)
    refreshed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._store: BriefingStore | None = None
        self._snapshot: Snapshot | None = None
        self._briefings: list[BriefingSummary] = []
        self._loaded_at: _dt.datetime | None = None
        self._refreshed_at: _dt.datetime | None = None
        self._problem: str | Message | None = None
        self._last_failure: StoreError | None = None
        self.watcher = DatabaseWatcher(self)
        self.watcher.database_changed.connect(self._on_watcher_database_changed)

    # ------------------------------------------------------------ what is open
    @property
    def store(self) -> BriefingStore | None:
        """The open store (for queries such as search), or None."""
        return self._store

    @property
    def path(self) -> Path | None:
        """The open database file, or None."""
        return self._store.path if self._store else None

    @property
    def snapshot(self) -> Snapshot | None:
        """The briefing last loaded (what ``snapshot_loaded`` last carried)."""
        return self._snapshot

    @property
    def briefings(self) -> list[BriefingSummary]:
        """Every briefing in the open database, in the database's order."""
        return list(self._briefings)

    @property
    def loaded_at(self) -> _dt.datetime | None:
        return self._loaded_at

    @property
    def refreshed_at(self) -> _dt.datetime | None:
        """When the open file was last read again (None until then)."""
        return self._refreshed_at

    @property
    def problem(self) -> str | Message | None:
        """Why what is shown may not be what is on disk: ``BUSY``, a message naming the file (said in the
        reader's language with ``i18n.render``), or None."""
        return self._problem

    @property
    def last_failure(self) -> StoreError | None:
        """Why the last :meth:`open` failed (None until one does), said or not (``quiet``)."""
        return self._last_failure

    # ------------------------------------------------------------ reading
    def open(self, path: Path | str, *, quiet: bool = False) -> bool:
        """Open a briefing database, keeping the briefing shown before where it has it.

        On failure ``open_failed`` says what and where (unless ``quiet``: a choice the user did
        not make) and the open database stays open. A database another program holds is
        retried shortly; False is returned meanwhile.
        """
        path = Path(path)
        try:
            store, briefings, snapshot = self._read(path)
        except StoreBusy:
            # Another program is writing: say so and try again shortly, never freezing the window.
            self._set_problem(BUSY)
            QTimer.singleShot(BUSY_RETRY_MS, self, lambda: self.open(path, quiet=quiet))
            return False
        except StoreError as exc:
            logger.warning("cannot open %s: %s", path, exc.problem)
            self._last_failure = exc
            if not quiet:
                self.open_failed.emit(exc)
            return False
        logger.info("opened %s (briefing %s)", path.absolute(), snapshot.briefing.id)
        self._replace_store(store, briefings)
        self._loaded_at = _dt.datetime.now()
        self._refreshed_at = None
        self._problem = None
        self._snapshot = snapshot
        self.database_opened.emit(path)
        self.problem_changed.emit(None)
        self.snapshot_loaded.emit(snapshot)
        return True

    def reload(self) -> None:
        """Read the open database again and show it, even when nothing changed (F5)."""
        self.refresh_from_disk(force=True)

    def refresh_from_disk(self, force: bool = False) -> None:
        """Read what is now on disk; ``snapshot_loaded`` only when it changed (or ``force``).

        Never blocks: a read that would wait for another program's lock gives up after a
        few milliseconds and is retried shortly. A file that went missing, was truncated or
        replaced by something else leaves the last good data shown, with a plain ``problem``;
        the watcher reloads when a good file returns.
        """
        if self._store is None:
            return
        try:
            store, briefings, snapshot = self._read(self._store.path)
        except StoreBusy:
            self._set_problem(BUSY)
            QTimer.singleShot(BUSY_RETRY_MS, self, self.refresh_from_disk)
            return
        except StoreError as exc:
            self._set_problem(Message("status.file_problem", name=exc.path.name, problem=exc.message))
            return
        self._replace_store(store, briefings)
        self._refreshed_at = _dt.datetime.now()
        changed = force or snapshot != self._snapshot
        self._snapshot = snapshot
        self._set_problem(None)
        if changed:
            self.snapshot_loaded.emit(snapshot)
        self.refreshed.emit()

    def select_briefing(self, briefing_id: str) -> None:
        """Show another briefing of the open database (``open_failed`` when it cannot be read)."""
        if self._store is None:
            return
        try:
            snapshot = load_snapshot(self._store, briefing_id)
        except StoreError as exc:
            self.open_failed.emit(exc)
            return
        self._snapshot = snapshot
        self.snapshot_loaded.emit(snapshot)

    def close(self) -> None:
        """Stop following the file and close the store."""
        self.watcher.watch(None)
        if self._store is not None:
            self._store.close()
            self._store = None

    # ------------------------------------------------------------ helpers
    def _read(self, path: Path) -> tuple[BriefingStore, list[BriefingSummary], Snapshot]:
        """A new store on ``path``, its briefings, and the briefing to show (raises StoreBusy, StoreError)."""
        store = open_store(path, timeout=READ_TIMEOUT_S)
        try:
            briefings = store.briefing_summaries()
            keep = self._snapshot.briefing.id if self._snapshot else None
            return store, briefings, load_snapshot(store, choose_briefing(store, keep=keep))
        except StoreError:
            store.close()
            raise

    def _replace_store(self, store: BriefingStore, briefings: list[BriefingSummary]) -> None:
        if self._store is not None:
            self._store.close()
        self._store = store
        self._briefings = briefings
        # Follow changes on disk, unless the store reads a fixed file (a read-only folder's WAL database).
        if store.immutable:
            self.watcher.watch(None)
        elif self.watcher.path != store.path.absolute():
            self.watcher.watch(store.path)
        else:
            self.watcher.acknowledge()

    def _set_problem(self, problem: str | Message | None) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problem_changed.emit(problem)

    def _on_watcher_database_changed(self) -> None:
        self.refresh_from_disk()
