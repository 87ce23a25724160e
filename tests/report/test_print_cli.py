"""``briefing-app print``: a PDF without a display, and one-line errors with no file left behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from briefing_app.cli import main


def _listing(folder):
    return sorted(p.name for p in folder.rglob("*"))


def test_prints_the_bundled_pack(qapp, tmp_path, capsys, read_pdf):
    target = tmp_path / "summary.pdf"
    assert main(["print", "--briefing", "mic-2017-h1", "-o", str(target), "--lang", "en", "--page-size", "Letter"]) == 0
    out = capsys.readouterr()
    doc = read_pdf(target)
    assert doc.pages > 1 and out.out.strip() == f"Wrote {target} ({doc.pages} pages)."
    assert out.err == ""
    assert "estimated 213,355 billion VND" in " ".join(doc.texts)
    assert f"Page 1 of {doc.pages}" in doc.texts[0]
    assert round(float(doc.reader.pages[0].mediabox.width)) == 612


def test_sections_and_orientation(qapp, tmp_path, capsys, read_pdf, small_db):
    target = tmp_path / "tasks.pdf"
    assert main(["print", "-o", str(target), "--db", str(small_db), "--sections", "directives,sources",
                 "--orientation", "landscape"]) == 0
    doc = read_pdf(target)
    text = " ".join(doc.texts)
    assert "Nhiệm vụ" in text and "Nguồn số liệu" in text
    assert "Số liệu theo lĩnh vực" not in text
    box = doc.reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert "small.db · Mã dữ liệu: " in doc.texts[0]


def _fails(args, capsys, code=1):
    assert main(args) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefing-app: error: "), err
    return err


def test_missing_folder(qapp, tmp_path, capsys):
    err = _fails(["print", "--briefing", "mic-2017-h1", "-o", str(tmp_path / "nope" / "x.pdf")], capsys)
    assert "does not exist" in err and "no file was written" in err
    assert _listing(tmp_path) == []


def test_parent_is_a_file(qapp, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    err = _fails(["print", "--briefing", "mic-2017-h1", "-o", str(tmp_path / "file" / "x.pdf")], capsys)
    assert "is not a folder" in err
    assert _listing(tmp_path) == ["file"]


def test_a_folder_as_target(qapp, tmp_path, capsys):
    err = _fails(["print", "--briefing", "mic-2017-h1", "-o", str(tmp_path)], capsys)
    assert "is a folder" in err
    assert _listing(tmp_path) == []


def test_read_only_folder(qapp, tmp_path, capsys, monkeypatch, bundled_db):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # root ignores chmod; refuse as a read-only folder would
    err = _fails(["print", "--briefing", "mic-2017-h1", "-o", str(tmp_path / "x.pdf"), "--db", str(bundled_db)], capsys)
    assert "permission denied" in err
    assert _listing(tmp_path) == []


def test_full_disk(qapp, tmp_path, capsys, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    err = _fails(["print", "--briefing", "mic-2017-h1", "-o", str(tmp_path / "x.pdf")], capsys)
    monkeypatch.undo()
    assert "no space left" in err
    assert _listing(tmp_path) == []


def test_bad_arguments(qapp, tmp_path, capsys):
    err = _fails(["print", "-o", str(tmp_path / "x.pdf"), "--sections", "overview,gossip"], capsys, code=2)
    assert "gossip" in err
    err = _fails(["print", "-o", str(tmp_path / "x.pdf"), "--db", str(tmp_path / "none.db")], capsys)
    assert "file not found" in err
    assert _listing(tmp_path) == []


def test_works_without_a_display(tmp_path, read_pdf):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "headless.pdf"
    result = subprocess.run([sys.executable, "-m", "briefing_app", "print", "-o", str(target),
                             "--sections", "overview"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert read_pdf(target).pages >= 1


@pytest.mark.parametrize("args", [["print", "--help"]])
def test_help_names_the_options(args, capsys):
    with pytest.raises(SystemExit):
        main(args)
    out = capsys.readouterr().out
    for option in ("--sections", "--lang", "--page-size", "--orientation", "--db"):
        assert option in out


# ------------------------------------------------------------------ outputs that must not be replaced

def _digest(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_database_as_the_output_is_refused(qapp, small_db, tmp_path, capsys):
    before = _digest(small_db)
    err = _fails(["print", "--db", str(small_db), "-o", str(small_db)], capsys)
    assert err.strip() == (f"briefing-app: error: {small_db}: is the same file as the input {small_db}; "
                           "nothing was written")
    assert _digest(small_db) == before


def test_another_database_is_not_overwritten_with_a_pdf(qapp, small_db, tmp_path, capsys):
    other = tmp_path / "other.db"
    other.write_bytes(small_db.read_bytes())
    err = _fails(["print", "--db", str(small_db), "-o", str(other)], capsys)
    assert err.strip() == f"briefing-app: error: {other}: is a database; choose another name"
    assert other.read_bytes() == small_db.read_bytes()


def test_a_fifo_is_not_replaced(qapp, small_db, tmp_path, capsys):
    import stat

    fifo = tmp_path / "pack.pdf"
    os.mkfifo(fifo)
    err = _fails(["print", "--db", str(small_db), "-o", str(fifo)], capsys)
    assert err.strip() == f"briefing-app: error: {fifo}: is not a regular file; nothing was written"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0), reason="making a device node needs root")
def test_a_device_is_not_replaced(qapp, small_db, tmp_path, capsys):
    import stat

    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    err = _fails(["print", "--db", str(small_db), "-o", str(device)], capsys)
    assert "is not a regular file" in err
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_a_read_only_pdf_is_not_replaced(qapp, small_db, tmp_path, capsys):
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"%PDF-precious")
    out.chmod(0o444)
    err = _fails(["print", "--db", str(small_db), "-o", str(out)], capsys)
    assert err.strip() == f"briefing-app: error: {out}: is read-only; nothing was written"
    assert out.read_bytes() == b"%PDF-precious"


def test_a_symlinked_pdf_is_written_through_the_link(qapp, small_db, tmp_path, capsys, read_pdf):
    import stat

    folder = tmp_path / "real"
    folder.mkdir()
    real = folder / "pack.pdf"
    real.write_bytes(b"%PDF-old")
    real.chmod(0o640)
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert main(["print", "--db", str(small_db), "-o", str(link), "--sections", "directives"]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {link} (")
    assert link.is_symlink() and read_pdf(real).pages >= 1
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert _listing(folder) == ["pack.pdf"] and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
