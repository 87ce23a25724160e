"""The one atomic write: through links, never over a special file, an input, a read-only file or a database."""

from __future__ import annotations

import errno
import os
import socket
import sqlite3
import stat

import pytest

from briefing_app.data.atomic import (
    OutputError,
    check_output,
    database_files,
    describe_write_error,
    describe_write_problem,
    write_atomically,
)
from briefing_app.i18n import Message

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_writes_a_new_file_with_mode_644_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.csv"
    assert write_atomically(target, b"a,b\r\n") == target
    assert target.read_bytes() == b"a,b\r\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert _listing(tmp_path) == ["out.csv"]


def test_keeps_an_existing_files_mode(tmp_path):
    target = tmp_path / "private.json"
    target.write_text("old")
    target.chmod(0o600)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_writes_through_a_symlink_to_its_target(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "pack.pdf").write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real / "pack.pdf")
    assert check_output(link) == real / "pack.pdf"
    assert write_atomically(link, b"new") == real / "pack.pdf"
    assert link.is_symlink() and os.readlink(link) == str(real / "pack.pdf")
    assert (real / "pack.pdf").read_bytes() == b"new"
    assert _listing(real) == ["pack.pdf"] and _listing(tmp_path) == ["link.pdf", "real"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "later.pdf")
    write_atomically(link, b"new")
    assert link.is_symlink() and (tmp_path / "later.pdf").read_bytes() == b"new"


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError) as info:
        write_atomically(fifo, b"x")
    assert str(info.value) == f"{fifo}: is not a regular file; nothing was written"
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and _listing(tmp_path) == ["pipe"]


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(OutputError, match="is not a regular file"):
            write_atomically(path, b"x")
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        server.close()


@pytest.mark.skipif(not AS_ROOT, reason="making a device node needs root")
def test_a_device_is_refused(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    with pytest.raises(OutputError, match="is not a regular file"):
        write_atomically(device, b"x")
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_a_folder_is_refused_as_before(tmp_path):
    with pytest.raises(IsADirectoryError):
        write_atomically(tmp_path, b"x")


def test_a_read_only_file_is_refused_even_as_root(tmp_path):
    target = tmp_path / "kept.csv"
    target.write_bytes(b"precious")
    target.chmod(0o444)
    with pytest.raises(OutputError) as info:
        write_atomically(target, b"new")
    assert str(info.value) == f"{target}: is read-only; nothing was written"
    assert target.read_bytes() == b"precious" and _listing(tmp_path) == ["kept.csv"]


def test_a_database_is_not_overwritten_by_an_export(tmp_path, small_db):
    before = small_db.read_bytes()
    with pytest.raises(OutputError) as info:
        write_atomically(small_db, b"%PDF-")
    assert str(info.value) == f"{small_db}: is a database; choose another name"
    assert small_db.read_bytes() == before


def test_a_database_may_be_replaced_by_a_database(tmp_path, small_db):
    def build(tmp):
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()

    write_atomically(small_db, build, database=True)
    conn = sqlite3.connect(small_db)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    conn.close()


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "relative"])
def test_the_output_may_not_be_an_input(tmp_path, how, monkeypatch):
    source = tmp_path / "s.db"
    source.write_bytes(b"input")
    out = {"same": source, "symlink": tmp_path / "l.db", "hardlink": tmp_path / "h.db",
           "relative": tmp_path / "sub" / ".." / "s.db"}[how]
    if how == "symlink":
        out.symlink_to(source)
    elif how == "hardlink":
        os.link(source, out)
    elif how == "relative":
        (tmp_path / "sub").mkdir()
    with pytest.raises(OutputError) as info:
        write_atomically(out, b"x", inputs=[source])
    assert str(info.value) == f"{out}: is the same file as the input {source}; nothing was written"
    assert source.read_bytes() == b"input"


def test_inputs_that_do_not_exist_are_ignored(tmp_path):
    write_atomically(tmp_path / "out", b"x", inputs=[tmp_path / "missing"])
    assert (tmp_path / "out").read_bytes() == b"x"


def test_database_files_include_its_journals(tmp_path):
    db = tmp_path / "s.db"
    assert database_files(db) == (db, tmp_path / "s.db-wal", tmp_path / "s.db-shm", tmp_path / "s.db-journal")


@pytest.mark.parametrize("failing", ["write", "replace", "fsync", "verify"])
def test_any_failure_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, failing):
    target = tmp_path / "x.csv"
    target.write_bytes(b"old")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    def write(tmp):
        if failing == "write":
            tmp.write_bytes(b"half")
            full()
        return b"new"

    if failing in ("replace", "fsync"):
        monkeypatch.setattr(os, failing, full)
    with pytest.raises(OSError) as info:
        write_atomically(target, write, verify=full if failing == "verify" else None)
    monkeypatch.undo()
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old" and _listing(tmp_path) == ["x.csv"]


def test_output_error_is_an_os_error_with_the_reason_as_strerror(tmp_path):
    error = OutputError(tmp_path / "x", Message("write.read_only_file"))
    assert isinstance(error, OSError)
    assert error.strerror == "is read-only; nothing was written"
    assert str(error) == f"{tmp_path / 'x'}: is read-only; nothing was written"
    assert describe_write_problem(tmp_path / "x", error, "vi") == "là tệp chỉ đọc; không có gì được ghi"


@pytest.mark.parametrize(("exc", "vi", "en"), [
    (FileNotFoundError(errno.ENOENT, "No such file"), "thư mục {folder} không tồn tại",
     "folder {folder} does not exist"),
    (PermissionError(errno.EACCES, "Permission denied"), "không có quyền ghi (không ghi được vào {folder})",
     "permission denied (cannot write in {folder})"),
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "là một thư mục, không phải tên tệp",
     "is a folder, not a file name"),
    (OSError(errno.ENOSPC, "No space left on device"), "thiết bị đã hết chỗ trống", "no space left on the device"),
    (OSError(errno.EROFS, "Read-only file system"), "{folder} nằm trên hệ thống tệp chỉ đọc",
     "{folder} is on a read-only file system"),
    (OSError(errno.EIO, "Input/output error"), "không ghi được (Input/output error)",
     "cannot write (Input/output error)"),
])
def test_why_a_write_failed_is_said_in_the_readers_language(tmp_path, exc, vi, en):
    path = tmp_path / "out" / "pack.pdf"
    folder = str(path.parent)
    assert describe_write_problem(path, exc, "vi") == vi.format(folder=folder)
    assert describe_write_problem(path, exc) == en.format(folder=folder)
    assert describe_write_error(path, exc, "vi") == f"{path}: {vi.format(folder=folder)}"


def test_every_refusal_is_said_in_both_languages(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError) as info:
        check_output(fifo)
    assert describe_write_problem(fifo, info.value, "vi") == "không phải tệp thông thường; không có gì được ghi"
    assert describe_write_problem(fifo, info.value, "en") == "is not a regular file; nothing was written"
