"""Notice when the open database changes on disk, without ever blocking the window.

What was measured on this machine, and what this does about it:

- with WAL, a watch on ``data.db`` alone never fires, so the ``-wal`` file and the
  folder are watched too;
- after an atomic rename the watch stays on the old file, so watches are added
  again after every folder change;
- change events arrive before the writer's commit returns, so events are
  debounced and then confirmed by the file's fingerprint (inode, size, mtime, and
  the WAL's) before anyone reloads;
- a slow poll catches whatever the watcher misses; it costs one ``stat``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..data.store import file_fingerprint

__all__ = ["DatabaseWatcher"]

DEBOUNCE_MS = 60
POLL_MS = 1000


class DatabaseWatcher(QObject):
    """Emits ``database_changed`` once per real change of the watched database file."""

    database_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS, poll_ms: int = POLL_MS):
        super().__init__(parent)
        self._path: Path | None = None
        self._fingerprint: tuple | None = None
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._debounce.timeout.connect(self.check)
        self._poll.timeout.connect(self.check)

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None stops watching); its current state counts as seen."""
        self._path = Path(path).absolute() if path is not None else None
        self._fingerprint = file_fingerprint(self._path) if self._path else None
        self._rewatch()
        if self._path is None:
            self._poll.stop()
        else:
            self._poll.start()

    def acknowledge(self) -> None:
        """The current state on disk has been read; only later changes count."""
        if self._path is not None:
            self._fingerprint = file_fingerprint(self._path)

    def _rewatch(self) -> None:
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        if self._path is None:
            return
        wanted = [str(self._path.parent), str(self._path), str(self._path) + "-wal"]
        existing = [p for p in wanted if Path(p).exists()]
        if existing:
            self._watcher.addPaths(existing)

    def _on_watcher_changed(self, _path: str) -> None:
        # A rename or a new -wal file replaces what we watch: watch the new files.
        self._rewatch()
        self._debounce.start()

    def check(self) -> None:
        """Compare the file with what was last seen; emit once if it changed."""
        if self._path is None:
            return
        current = file_fingerprint(self._path)
        if current != self._fingerprint:
            self._fingerprint = current
            self._rewatch()
            self.database_changed.emit()
