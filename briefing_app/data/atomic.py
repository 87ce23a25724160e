"""The one way the app writes a file: whole or not at all, and never over something it must not replace.

Every command that writes (build-db, export, print, chart export, desktop install) goes
through :func:`write_atomically`: the new content is written to a temporary file beside
the target, flushed to disk, given the mode the old file had, and moved into place with
:func:`os.replace`; any failure removes the temporary file and leaves the target as it was.

Before anything is written, :func:`check_output` decides what the output really is, the way
a user expects from ``cp``: a symbolic link is written through (its target is replaced, the
link stays); a device, FIFO or socket is refused (replacing ``/dev/null`` with a regular file
is never what was meant); so are a read-only file, the very file an input is read from (by
device and inode, so through links and hard links), and, for exports, an SQLite database.

A database output (build-db) replaces an existing database only while holding its exclusive
lock, after taking it out of WAL mode: renaming a file over a WAL database that another
program still has open would leave that program's ``-wal`` beside the new file, where SQLite
would read it as part of the new database and find it damaged. When another program keeps
such a connection, or is writing, the build is refused with a one-line message instead.

Qt-free.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..i18n import Message, render

__all__ = ["OutputError", "describe_write_problem", "describe_write_error",
           "LOCK_TIMEOUT", "NEW_FILE_MODE", "check_output", "write_atomically",
           "write_text_atomically", "write_bytes_atomically", "temporary_beside", "database_files",
           "is_sqlite_database"]

#: Seconds to wait for another program's write to a database before refusing to replace it.
LOCK_TIMEOUT = 5.0
#: The mode of a file that did not exist before (an existing file keeps its own).
NEW_FILE_MODE = 0o644

_SQLITE_HEADER = b"SQLite format 3\x00"

#: What :func:`write_atomically` writes: the bytes themselves, or a function given the temporary
#: file's path that either returns the bytes (painted only once the temporary file exists, so an
#: unwritable folder fails before any slow work) or writes the file itself and returns None.
Content = bytes | Callable[[Path], bytes | None]


class OutputError(OSError):
    """An output the app refuses to write. ``reason`` says why in any language (``strerror`` is its English);
    ``str()`` is ``PATH: reason``."""

    def __init__(self, path: Path | str, reason: Message) -> None:
        super().__init__(None, str(reason), str(path))
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def database_files(path: Path | str) -> tuple[Path, ...]:
    """A database and the journal files SQLite keeps beside it: all are inputs when it is read."""
    path = Path(path)
    return (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")))


def is_sqlite_database(path: Path | str) -> bool:
    """True if the regular file at ``path`` starts with SQLite's header (never opens anything else)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def check_output(path: Path | str, inputs: Iterable[Path | str] = (), database: bool = False) -> Path:
    """The file to write for the output ``path``: ``path`` with its links resolved, once it may be replaced.

    Raises :class:`OutputError` (nothing written) when the output is a device, FIFO or socket,
    the same file as one of ``inputs``, read-only, or — unless ``database`` — an SQLite
    database; :class:`IsADirectoryError` when it is a folder. A path that does not exist yet
    is fine here (a missing folder fails when the temporary file is made).
    """
    path = Path(path)
    # Links are followed, in the folders too: the link stays, its target gets the new content.
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return real
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(path, Message("write.not_regular"))
    for source in inputs:
        if _identity(source) == (st.st_dev, st.st_ino):
            raise OutputError(path, Message("write.same_as_input", source=str(source)))
    if not database and is_sqlite_database(real):
        raise OutputError(path, Message("write.is_database"))
    # Root passes access() for any file, so the write bits are looked at too, as cp would.
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
        raise OutputError(path, Message("write.read_only_file"))
    return real


@contextlib.contextmanager
def temporary_beside(target: Path | str, suffix: str = ".part") -> Iterator[Path]:
    """An empty temporary file in ``target``'s folder (so the final rename stays on one file system),
    removed when the block ends unless it was moved into place."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def _fill(tmp: Path, write: Content) -> None:
    """Put the content into ``tmp`` and flush it to the disk."""
    data = write(tmp) if callable(write) else write
    if data is not None:
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_TRUNC), "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    else:
        # The function wrote the file itself (Qt, SQLite): flush what it wrote.
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_owner_and_mode(tmp: Path, real: Path, mode: int | None) -> None:
    try:
        old = os.stat(real)
    except FileNotFoundError:
        os.chmod(tmp, NEW_FILE_MODE if mode is None else mode)
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode) if mode is None else mode)
    if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        # Only root may give a file away; others keep what they can, as cp does.
        with contextlib.suppress(OSError):
            os.chown(tmp, old.st_uid, old.st_gid)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every file system lets a folder be opened for it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


@contextlib.contextmanager
def _database_held(path: Path, real: Path) -> Iterator[None]:
    """Hold the existing database at ``real`` out of WAL mode and exclusively locked while it is replaced.

    No other connection can then be writing, and none can have a ``-wal`` open that would be
    left beside the new file. Raises :class:`OutputError` when another program holds it. A
    file SQLite cannot open as a database is replaced without a lock: nobody can hold it as one.
    """
    try:
        conn = sqlite3.connect(real, timeout=LOCK_TIMEOUT, isolation_level=None)
    except sqlite3.Error:
        conn = None
    was_wal = False
    try:
        if conn is not None:
            try:
                was_wal = conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
                # Leaving WAL mode needs every other connection closed; it checkpoints and removes the -wal.
                if was_wal and conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0].lower() == "wal":
                    raise sqlite3.OperationalError("database is locked")
                conn.execute("BEGIN EXCLUSIVE")
            except sqlite3.Error as exc:
                if was_wal and _is_busy(exc):
                    raise OutputError(path, Message("write.open_elsewhere")) from None
                if _is_busy(exc):
                    raise OutputError(path, Message("write.busy")) from None
                conn.close()
                conn = None  # a damaged database: replacing it is what was asked for
        try:
            yield
        except BaseException:
            if conn is not None and was_wal:
                # The old database stays as it was, in WAL mode.
                with contextlib.suppress(sqlite3.Error):
                    conn.rollback()
                    conn.execute("PRAGMA journal_mode=WAL")
            raise
    finally:
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.rollback()
            conn.close()


def write_atomically(path: Path | str, write: Content, inputs: Iterable[Path | str] = (), mode: int | None = None,
                     database: bool = False, verify: Callable[[Path], None] | None = None,
                     suffix: str = ".part") -> Path:
    """Write ``write`` to ``path`` whole or not at all; return the file written (``path`` with links resolved).

    :func:`check_output` first (``inputs`` and ``database`` as there); then a temporary file
    beside the target is filled, flushed, checked with ``verify`` (which raises OSError to
    refuse it), given the old file's mode and owner (or ``mode``, or :data:`NEW_FILE_MODE`) and
    renamed over the target — for a ``database`` output while holding the old database's lock.
    Raises OSError with nothing written and no temporary file left.
    """
    inputs = list(inputs)
    real = check_output(path, inputs, database)
    with temporary_beside(real, suffix) as tmp:
        _fill(tmp, write)
        if verify is not None:
            verify(tmp)
        _keep_owner_and_mode(tmp, real, mode)
        # Checked again just before the swap: the slow part may have given another program time.
        real = check_output(path, inputs, database)
        held = _database_held(Path(path), real) if database and is_sqlite_database(real) else contextlib.nullcontext()
        with held:
            os.replace(tmp, real)
    _sync_folder(real.parent)
    return real


def write_bytes_atomically(path: Path | str, data: bytes, inputs: Iterable[Path | str] = ()) -> Path:
    """Write ``data`` to ``path`` with :func:`write_atomically`."""
    return write_atomically(path, data, inputs)


def write_text_atomically(path: Path | str, text: str, encoding: str = "utf-8",
                          inputs: Iterable[Path | str] = ()) -> Path:
    """Write ``text`` to ``path`` with :func:`write_atomically`."""
    return write_atomically(path, text.encode(encoding), inputs)


def describe_write_problem(path: Path | str, exc: BaseException, lang: str = "en") -> str:
    """Why ``path`` could not be written, in ``lang``, in words a reader can act on (without the path itself)."""
    path = Path(path)
    folder = str(path.parent if str(path.parent) else Path("."))
    code = getattr(exc, "errno", None)
    if isinstance(exc, OutputError):
        return render(exc.reason, lang)
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return render(Message("write.is_folder"), lang)
    if isinstance(exc, NotADirectoryError) or code == errno.ENOTDIR:
        return render(Message("write.not_a_folder", folder=folder), lang)
    if isinstance(exc, FileNotFoundError) or code == errno.ENOENT:
        return render(Message("write.no_folder", folder=folder), lang)
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return render(Message("write.permission", folder=folder), lang)
    if code == errno.EROFS:
        return render(Message("write.read_only_fs", folder=folder), lang)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return render(Message("write.no_space"), lang)
    # The operating system's own words (English, or the system's language) for anything rarer.
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return render(Message("write.failed", reason=reason), lang)


def describe_write_error(path: Path | str, exc: BaseException, lang: str = "en") -> str:
    """One line: ``PATH: why it could not be written`` (in ``lang``)."""
    return f"{path}: {describe_write_problem(path, exc, lang)}"
