"""Export through the command line: JSON and CSV, and the database left byte-identical."""

import csv
import hashlib
import io
import json
import subprocess
import sys

from briefing_app.cli import main


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_json_export_has_every_section(small_db, capsysbinary):
    before = digest(small_db)
    assert main(["export", "--format", "json", "--db", str(small_db)]) == 0
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert {"briefing", "indicators", "achievements", "limitations", "directives", "enterprises"} <= set(data)
    revenue = next(i for i in data["indicators"] if i["key"] == "telecom.revenue")
    assert revenue["value"] == 213355 and revenue["value_text"] == "213.355"
    assert revenue["qualifier"] == "ước đạt" and revenue["unit_vi"] == "tỷ đồng"
    assert revenue["source_text"].startswith("Doanh thu viễn thông ước đạt 213.355 tỷ đồng")
    assert data["enterprises"][0]["results"][0]["key"] == "telecom.revenue"
    radius = next(i for i in data["indicators"] if i["key"] == "postal.radius")
    assert radius["value"] == 2.93
    assert digest(small_db) == before


def test_csv_export_opens_in_a_spreadsheet_with_diacritics(small_db, tmp_path):
    out = tmp_path / "indicators.csv"
    before = digest(small_db)
    assert main(["export", "--format", "csv", "--section", "indicators", "--db", str(small_db), "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["label_vi"] == "Điểm phục vụ"
    assert {r["key"]: r["value"] for r in rows}["telecom.dns"] == "72736956416"
    assert digest(small_db) == before


def test_export_to_unwritable_path_fails_cleanly(small_db, tmp_path, capsys):
    target = tmp_path / "missing-folder" / "x.csv"
    code = main(["export", "--format", "csv", "--section", "indicators", "--db", str(small_db), "-o", str(target)])
    assert code == 1
    err = capsys.readouterr().err
    assert "missing-folder does not exist; no file was written" in err and "Traceback" not in err
    assert not target.parent.exists()
    code = main(["export", "--format", "csv", "--section", "indicators", "--db", str(small_db), "-o", str(tmp_path)])
    assert code == 1 and "is a folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_of_a_bad_database_is_one_line(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    result = subprocess.run([sys.executable, "-m", "briefing_app", "export", "--db", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "bad.db: is not an SQLite database" in result.stderr


def test_csv_needs_a_section(small_db, capsys):
    assert main(["export", "--format", "csv", "--db", str(small_db)]) == 2
    assert main(["export", "--format", "csv", "--section", "nope", "--db", str(small_db)]) == 2


# ------------------------------------------------------------------ outputs that must not be replaced

import os  # noqa: E402
import sqlite3  # noqa: E402
import stat  # noqa: E402

import pytest  # noqa: E402

from briefing_fixtures import SMALL_YAML, write_briefing  # noqa: E402


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefing-app: error: ") and "Traceback" not in err, err
    return err.strip().removeprefix("briefing-app: error: ")


def _export(db, out, *extra):
    return main(["export", "--format", "csv", "--section", "indicators", "--db", str(db), "-o", str(out), *extra])


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "journal"])
def test_the_database_as_the_output_is_refused(small_db, tmp_path, capsys, how):
    before = digest(small_db)
    out = {"same": small_db, "symlink": tmp_path / "link.csv", "hardlink": tmp_path / "hard.csv",
           "journal": tmp_path / "small.db-wal"}[how]
    if how == "symlink":
        out.symlink_to(small_db)
    elif how == "hardlink":
        os.link(small_db, out)
    elif how == "journal":
        out.write_bytes(b"")  # the database's write-ahead log, an input too
    assert _export(small_db, out) == 1
    source = out if how == "journal" else small_db
    assert _one_line_error(capsys) == f"{out}: is the same file as the input {source}; nothing was written"
    assert digest(small_db) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_another_database_is_not_overwritten(small_db, tmp_path, capsys):
    other = tmp_path / "other.db"
    other.write_bytes(small_db.read_bytes())
    assert main(["export", "--db", str(small_db), "-o", str(other)]) == 1
    assert _one_line_error(capsys) == f"{other}: is a database; choose another name"
    assert other.read_bytes() == small_db.read_bytes()


def test_a_fifo_is_not_replaced(small_db, tmp_path, capsys):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    assert _export(small_db, fifo) == 1
    assert _one_line_error(capsys) == f"{fifo}: is not a regular file; nothing was written"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0), reason="making a device node needs root")
def test_a_device_is_not_replaced(small_db, tmp_path, capsys):
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert main(["export", "--db", str(small_db), "-o", str(device)]) == 1
    assert _one_line_error(capsys) == f"{device}: is not a regular file; nothing was written"
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_a_read_only_file_is_not_replaced(small_db, tmp_path, capsys):
    out = tmp_path / "kept.csv"
    out.write_bytes(b"precious")
    out.chmod(0o444)
    assert _export(small_db, out) == 1
    assert _one_line_error(capsys) == f"{out}: is read-only; nothing was written"
    assert out.read_bytes() == b"precious"


def test_a_symlink_is_written_through_and_the_mode_kept(small_db, tmp_path):
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    real.chmod(0o600)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert _export(small_db, link) == 0
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"\xef\xbb\xbfid,")
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


# ------------------------------------------------------------------ CSV cells that a spreadsheet would run

HOSTILE_YAML = (SMALL_YAML
                .replace('short: "VNPT"', 'short: "=HYPERLINK(\\"http://evil.example\\",\\"VNPT\\")"')
                .replace('title: {vi: "Doanh thu viễn thông tăng", en: "Telecom revenue grew"}',
                         'title: {vi: "+cmd|\' /C calc\'!A0", en: "@SUM(A1:A9)"}')
                .replace('title: {vi: "Sim rác còn tồn tại", en: "Junk SIMs remain"}',
                         'title: {vi: "-2+3+cmd|\' /C calc\'!A0", en: "−2,1 is a number with a true minus"}'))


@pytest.fixture
def hostile_db(tmp_path):
    from briefing_app.data.build import build_database

    target = tmp_path / "hostile.db"
    build_database([write_briefing(tmp_path / "hostile", HOSTILE_YAML)], target)
    conn = sqlite3.connect(target)
    # Cells a briefing file cannot give (leading whitespace is trimmed there) but another tool's database can.
    conn.execute("UPDATE directives SET title_vi = char(9) || '=1+1', title_en = char(13) || '=2+2' WHERE key = 'd01'")
    conn.execute("UPDATE indicators SET value_text = '-2,1', value = -2.1, change_pct_text = '-9', change_pct = -9 "
                 "WHERE key = 'postal.radius'")
    conn.commit()
    conn.close()
    return target


def _csv_rows(db, tmp_path, section):
    out = tmp_path / f"{section}.csv"
    assert main(["export", "--format", "csv", "--section", section, "--db", str(db), "-o", str(out)]) == 0
    return list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))


def test_formula_cells_are_neutralised(hostile_db, tmp_path):
    enterprise = _csv_rows(hostile_db, tmp_path, "enterprises")[0]
    assert enterprise["short_name"] == "'=HYPERLINK(\"http://evil.example\",\"VNPT\")"
    assert enterprise["name_vi"] == "Tập đoàn VNPT"
    achievement = _csv_rows(hostile_db, tmp_path, "achievements")[0]
    assert achievement["title_vi"] == "'+cmd|' /C calc'!A0"
    assert achievement["title_en"] == "'@SUM(A1:A9)"
    limitation = _csv_rows(hostile_db, tmp_path, "limitations")[0]
    assert limitation["title_vi"] == "'-2+3+cmd|' /C calc'!A0"
    assert limitation["title_en"] == "−2,1 is a number with a true minus"
    directive = next(r for r in _csv_rows(hostile_db, tmp_path, "directives") if r["key"] == "d01")
    assert directive["title_vi"] == "'\t=1+1" and directive["title_en"] == "'\r=2+2"


def test_numbers_stay_numbers(hostile_db, tmp_path):
    radius = next(r for r in _csv_rows(hostile_db, tmp_path, "indicators") if r["key"] == "postal.radius")
    assert radius["value_text"] == "-2,1" and radius["value"] == "-2.1"
    assert radius["change_pct_text"] == "-9" and radius["change_pct"] == "-9"


def test_json_export_keeps_the_text_as_it_is(hostile_db, capsysbinary):
    assert main(["export", "--db", str(hostile_db)]) == 0
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert data["enterprises"][0]["short_name"] == "=HYPERLINK(\"http://evil.example\",\"VNPT\")"
