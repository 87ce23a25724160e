"""Writing the PDF: a whole, checked file in place, or nothing at all (no partial file, no temporary file)."""

from __future__ import annotations

import errno
import os

import pytest

from briefing_app.report import ReportOptions, describe_write_error, write_pdf
from briefing_app.report.pdf import check_pdf, write_bytes_atomically

OPTIONS = ReportOptions(sections=("overview", "directives"))


def _listing(folder):
    return sorted(p.name for p in folder.rglob("*"))


def test_writes_a_whole_pdf(qapp, bundled_snapshot, tmp_path, read_pdf):
    target = tmp_path / "pack.pdf"
    rendered = write_pdf(target, bundled_snapshot, OPTIONS)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert read_pdf(target).pages == rendered.pages
    assert _listing(tmp_path) == ["pack.pdf"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)


def test_replaces_an_existing_file(qapp, bundled_snapshot, tmp_path):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"old")
    write_pdf(target, bundled_snapshot, OPTIONS)
    assert target.read_bytes().startswith(b"%PDF-")
    assert _listing(tmp_path) == ["pack.pdf"]


def test_missing_folder(qapp, bundled_snapshot, tmp_path):
    target = tmp_path / "missing" / "pack.pdf"
    with pytest.raises(FileNotFoundError) as info:
        write_pdf(target, bundled_snapshot, OPTIONS)
    assert _listing(tmp_path) == []
    assert describe_write_error(target, info.value) == f"{target}: folder {target.parent} does not exist"


def test_parent_is_a_regular_file(qapp, bundled_snapshot, tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    target = tmp_path / "notes.txt" / "pack.pdf"
    with pytest.raises(NotADirectoryError) as info:
        write_pdf(target, bundled_snapshot, OPTIONS)
    assert _listing(tmp_path) == ["notes.txt"]
    assert "is not a folder" in describe_write_error(target, info.value)


def test_a_folders_name(qapp, bundled_snapshot, tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(IsADirectoryError) as info:
        write_pdf(tmp_path / "out", bundled_snapshot, OPTIONS)
    assert _listing(tmp_path) == ["out"]
    assert describe_write_error(tmp_path / "out", info.value).endswith("is a folder, not a file name")


def test_read_only_folder(qapp, bundled_snapshot, read_only_folder):
    folder = read_only_folder({})
    with pytest.raises(OSError) as info:
        write_pdf(folder / "pack.pdf", bundled_snapshot, OPTIONS)
    assert _listing(folder) == []
    assert str(folder / "pack.pdf") in describe_write_error(folder / "pack.pdf", info.value)


def test_permission_denied_leaves_nothing(qapp, bundled_snapshot, tmp_path, monkeypatch):
    # Tests may run as root, whom chmod does not stop: refuse the temporary file the way a
    # read-only folder does.
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "pack.pdf"
    with pytest.raises(PermissionError) as info:
        write_pdf(target, bundled_snapshot, OPTIONS)
    assert _listing(tmp_path) == []
    assert "permission denied" in describe_write_error(target, info.value)


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_full_disk_leaves_the_old_file_and_no_temporary_file(qapp, bundled_snapshot, tmp_path, monkeypatch, failing):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"%PDF-old")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class FullFile:
            def __init__(self, handle):
                self._handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self._handle.close()

            def write(self, data):
                self._handle.write(data[: len(data) // 2])
                full()

            def __getattr__(self, name):
                return getattr(self._handle, name)

        monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullFile(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(os, failing, full)
    with pytest.raises(OSError) as info:
        write_pdf(target, bundled_snapshot, OPTIONS)
    monkeypatch.undo()
    assert info.value.errno == errno.ENOSPC
    assert _listing(tmp_path) == ["pack.pdf"]
    assert target.read_bytes() == b"%PDF-old"
    assert describe_write_error(target, info.value) == f"{target}: no space left on the device"


def test_a_truncated_pdf_is_refused(tmp_path):
    with pytest.raises(OSError, match="incomplete"):
        check_pdf(b"%PDF-1.4\n1 0 obj")
    with pytest.raises(OSError, match="empty"):
        check_pdf(b"")
    with pytest.raises(OSError):
        write_bytes_atomically(tmp_path / "x.pdf", b"not a pdf")
    assert _listing(tmp_path) == []
