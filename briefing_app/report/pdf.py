"""Write the briefing pack as a PDF, atomically: a complete, checked file or none at all.

The PDF is painted into memory with :class:`QPdfWriter`, checked (it starts
with ``%PDF`` and ends with ``%%EOF``) and written with the app's one atomic
write (:func:`briefing_app.data.atomic.write_atomically`): to a temporary file
beside the target, flushed to disk, checked again there and moved into place.
Any failure — a missing folder, a read-only one, a folder's name, a full disk —
removes the temporary file and leaves the target as it was; a device, a FIFO, a
read-only file, a database or the database printed from is refused before any
painting, and a symbolic link is written through.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter

from ..data.atomic import describe_write_error, describe_write_problem, write_atomically
from ..data.snapshot import Snapshot
from .document import PackInfo, RenderedPack, paint_report
from .options import ReportOptions

__all__ = ["render_pdf", "write_pdf", "write_bytes_atomically", "check_pdf", "describe_write_error",
           "describe_write_problem"]

T = TypeVar("T")


def render_pdf(snapshot: Snapshot, options: ReportOptions, info: PackInfo | None = None) -> tuple[bytes, RenderedPack]:
    """The pack as PDF bytes, and what was painted. Needs a QGuiApplication."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("Briefing Viewer")
    writer.setTitle(snapshot.briefing.title(options.lang))
    writer.setResolution(600)
    rendered = paint_report(writer, snapshot, options, info)
    del writer  # flushes the trailer into the buffer
    data = bytes(buffer.data().data())  # QByteArray → bytes (the stubs do not declare its buffer interface)
    buffer.close()
    check_pdf(data)
    return data, rendered


def check_pdf(data: bytes) -> None:
    """Raise OSError unless ``data`` looks like a whole PDF file."""
    if not data:
        raise OSError(errno.EIO, "the PDF came out empty")
    if not data.startswith(b"%PDF-"):
        raise OSError(errno.EIO, "the PDF does not start with %PDF")
    if b"%%EOF" not in data[-64:]:
        raise OSError(errno.EIO, "the PDF is incomplete (no %%EOF at its end)")


def _write_atomically(path: Path | str, produce: Callable[[], tuple[bytes, T]], inputs: Iterable[Path | str] = ()) -> T:
    """Paint with ``produce`` only once the temporary file exists (so an unwritable folder fails
    before any painting), check the PDF in memory and on disk, and move it into place."""
    painted: list[tuple[int, T]] = []

    def paint(_tmp: Path) -> bytes:
        data, result = produce()
        check_pdf(data)
        painted.append((len(data), result))
        return data

    write_atomically(path, paint, inputs, verify=lambda tmp: _check_written(tmp, painted[0][0]))
    return painted[0][1]


def write_bytes_atomically(path: Path | str, data: bytes) -> None:
    """Write PDF ``data`` to a temporary file beside ``path`` and move it into place; no partial file on failure."""
    _write_atomically(path, lambda: (data, None))


def _check_written(path: Path, size: int) -> None:
    """The file on disk is the whole PDF: its size, its first and last bytes."""
    if path.stat().st_size != size:
        raise OSError(errno.EIO, "the file on disk is not the size of the PDF written")
    with open(path, "rb") as handle:
        head = handle.read(8)
        handle.seek(max(0, size - 64))
        tail = handle.read()
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
        raise OSError(errno.EIO, "the file on disk is not a whole PDF")


def write_pdf(path: Path | str, snapshot: Snapshot, options: ReportOptions,
              info: PackInfo | None = None, inputs: Iterable[Path | str] = ()) -> RenderedPack:
    """Paint the pack and write it to ``path`` atomically; return what was painted.

    Raises OSError (nothing written, no temporary file left) when the path cannot be written,
    :class:`~briefing_app.data.atomic.OutputError` when it must not be (it is one of ``inputs``,
    a device, read-only, a database).
    """
    return _write_atomically(path, lambda: render_pdf(snapshot, options, info), inputs)
