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
    assert "missing-folder" in err and "cannot write" in err and "Traceback" not in err
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
