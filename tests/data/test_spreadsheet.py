"""A briefing as spreadsheet tables, and ``export --format xlsx``: read back with openpyxl (not the writer),
checking values and their types, names instead of ids, headers bold and frozen, sheet names and widths."""

import csv
import hashlib
import io
import sqlite3
import subprocess
import sys
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from briefing_app.cli import main
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.spreadsheet import (
    briefing_sheets,
    enterprise_sheet,
    indicator_sheet,
    number_format,
    sheet_csv,
    sheet_name,
    workbook_bytes,
)
from briefing_app.data.store import open_store
from briefing_fixtures import CITED_YAML, write_briefing


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot_of(db):
    with open_store(db) as store:
        return load_snapshot(store, store.briefing_summaries()[0].id)


def rows_of(worksheet):
    """Header → cell for every row below the header."""
    header = [c.value for c in worksheet[1]]
    return [dict(zip(header, (c.value for c in row))) for row in worksheet.iter_rows(min_row=2)]


def export_xlsx(db, out, *extra):
    return main(["export", "--format", "xlsx", "--db", str(db), "-o", str(out), *extra])


# ------------------------------------------------------------------ the tables


def test_figures_carry_names_not_ids(small_db):
    sheet = indicator_sheet(snapshot_of(small_db), "vi")
    rows = [dict(zip(sheet.headers, row)) for row in sheet.rows]
    revenue = next(r for r in rows if r["Chỉ số"] == "Doanh thu viễn thông")
    assert revenue["Lĩnh vực"] == "Viễn thông" and revenue["Doanh nghiệp"] == "Tập đoàn VNPT"
    assert revenue["Giá trị"] == Decimal("213355") and revenue["Nguyên văn"] == "213.355"
    assert revenue["Mức độ"] == "ước đạt" and revenue["% kế hoạch"] == Decimal("47.41")
    offices = next(r for r in rows if r["Chỉ số"] == "Bưu cục")
    assert offices["Thuộc chỉ số"] == "Điểm phục vụ"
    assert not any("_id" in h for h in sheet.headers)
    # each total followed by its parts, as the Indicators tab shows them
    assert [r["Chỉ số"] for r in rows][:3] == ["Điểm phục vụ", "Bưu cục", "Đại lý"]


def test_enterprises_carry_their_figures(small_db):
    sheet = enterprise_sheet(snapshot_of(small_db), "en")
    assert sheet.name == "Enterprises"
    [row] = [dict(zip(sheet.headers, row)) for row in sheet.rows]
    assert row["Enterprise"] == "VNPT Group" and row["Short name"] == "VNPT"
    assert row["Indicator"] == "Telecom revenue" and row["Value"] == Decimal("213355")
    assert row["Qualifier"] == "estimated" and row["Unit"] == "billion VND" and row["% of plan"] == Decimal("47.41")


def test_number_formats_keep_the_stated_decimals():
    assert number_format(Decimal("72736956416")) == "#,##0"
    assert number_format(Decimal("2.93")) == "#,##0.00"
    assert number_format(Decimal("47.4")) == "#,##0.0"
    assert number_format(12) == "#,##0"


def test_sheet_names_are_what_excel_accepts():
    assert sheet_name("a/b:c*d?[e]") == "a b c d e"
    assert len(sheet_name("x" * 40)) == 31
    assert sheet_name("  ") == "Sheet"


def test_csv_cells_are_neutralised_and_numbers_plain(small_db):
    sheet = indicator_sheet(snapshot_of(small_db), "vi")
    evil = sheet._replace(rows=[("=HYPERLINK(\"x\")", "@SUM(A1)", *sheet.rows[0][2:])])
    rows = list(csv.reader(io.StringIO(sheet_csv(evil))))
    assert rows[0][:2] == ["Lĩnh vực", "Chỉ số"]
    assert rows[1][:2] == ["'=HYPERLINK(\"x\")", "'@SUM(A1)"]
    dns = next(r for r in csv.reader(io.StringIO(sheet_csv(sheet))) if r[1] == "Truy vấn tên miền")
    assert dns[4] == "72736956416" and dns[6] == "72.736.956.416"


# ------------------------------------------------------------------ the workbook


def test_workbook_reads_back_with_numbers_as_numbers(small_db, tmp_path):
    snapshot = snapshot_of(small_db)
    path = tmp_path / "b.xlsx"
    path.write_bytes(workbook_bytes(briefing_sheets(snapshot, "vi"), "vi"))
    book = load_workbook(path)
    assert book.sheetnames == ["Chỉ số", "Doanh nghiệp", "Kết quả", "Hạn chế", "Nhiệm vụ", "Cuộc họp"]
    sheet = book["Chỉ số"]
    dns = sheet.cell(row=7, column=2)
    assert dns.value == "Truy vấn tên miền"
    value = sheet.cell(row=7, column=5)
    assert value.data_type == "n" and value.value == 72736956416 and value.number_format == "#,##0"
    assert sheet.cell(row=7, column=7).value == "72.736.956.416" and sheet.cell(row=7, column=7).data_type == "s"
    radius = next(r for r in rows_of(sheet) if r["Chỉ số"] == "Bán kính phục vụ bình quân")
    assert radius["Giá trị"] == pytest.approx(2.93)
    radius_cell = next(row[4] for row in sheet.iter_rows(min_row=2) if row[1].value == "Bán kính phục vụ bình quân")
    assert radius_cell.number_format == "#,##0.00"
    change = next(r for r in rows_of(sheet) if r["Chỉ số"] == "Truy vấn tên miền")["Thay đổi (%)"]
    assert change == 13 and isinstance(change, int | float)
    # the header: bold, frozen above the rows, with filter buttons; columns fitted to what they hold
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=sheet.max_column).column_letter}7"
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["Chỉ số"] >= len("Bán kính phục vụ bình quân") and widths["Đơn vị"] < widths["Chỉ số"]
    meeting = {r["Mục"]: r["Chi tiết"] for r in rows_of(book["Cuộc họp"])}
    assert meeting["Báo cáo"] == "Hội nghị thử" and meeting["Điểm cầu trực tuyến"] == 12


def test_text_is_never_a_formula(small_db, tmp_path):
    snapshot = snapshot_of(small_db)
    sheet = indicator_sheet(snapshot, "vi")
    hostile = ["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "http://evil.example", "0123", "\t=2+2"]
    evil = sheet._replace(rows=[(text, *sheet.rows[0][1:]) for text in hostile])
    path = tmp_path / "evil.xlsx"
    path.write_bytes(workbook_bytes([evil], "vi"))
    cells = [row[0] for row in load_workbook(path).active.iter_rows(min_row=2)]
    assert [c.value for c in cells] == hostile
    assert {c.data_type for c in cells} == {"s"}
    assert not any(c.hyperlink for c in cells)


def test_english_sheets_and_the_same_numbers(small_db, tmp_path):
    path = tmp_path / "en.xlsx"
    path.write_bytes(workbook_bytes(briefing_sheets(snapshot_of(small_db), "en"), "en"))
    book = load_workbook(path)
    assert book.sheetnames == ["Indicators", "Enterprises", "Achievements", "Limitations", "Directives", "Meeting"]
    revenue = next(r for r in rows_of(book["Indicators"]) if r["Indicator"] == "Telecom revenue")
    assert revenue["Value"] == 213355 and revenue["As stated"] == "213.355" and revenue["Qualifier"] == "estimated"
    assert revenue["Sector"] == "Telecommunications" and revenue["Enterprise"] == "VNPT Group"
    directives = rows_of(book["Directives"])
    assert [(d["No."], d["Sector"], d["Title"]) for d in directives] == [
        (1, "Telecommunications", "Curb junk SIMs"), (2, "Telecommunications", "Information security")]


# ------------------------------------------------------------------ the command


def test_export_xlsx_writes_every_section(small_db, tmp_path):
    out = tmp_path / "briefing.xlsx"
    before = digest(small_db)
    assert export_xlsx(small_db, out) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Chỉ số", "Doanh nghiệp", "Kết quả", "Hạn chế", "Nhiệm vụ", "Cuộc họp"]
    assert [r["Nội dung"] for r in rows_of(book["Kết quả"])] == ["Doanh thu viễn thông tăng"]
    assert rows_of(book["Doanh nghiệp"])[0]["Giá trị"] == 213355
    assert digest(small_db) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_xlsx_in_english(small_db, tmp_path):
    out = tmp_path / "briefing.xlsx"
    assert export_xlsx(small_db, out, "--lang", "en", "--briefing", "test-2017") == 0
    assert load_workbook(out).sheetnames[0] == "Indicators"


def test_export_xlsx_of_a_cited_briefing_has_its_sources(tmp_path):
    from briefing_app.data.build import build_database

    db = tmp_path / "cited.db"
    build_database([write_briefing(tmp_path / "cited", CITED_YAML)], db)
    out = tmp_path / "cited.xlsx"
    assert export_xlsx(db, out, "--lang", "en") == 0
    book = load_workbook(out)
    assert book.sheetnames[-1] == "Cited sources"
    sources = rows_of(book["Cited sources"])
    assert sources and all(s["Address"].startswith("http") for s in sources)


def test_export_xlsx_needs_a_file(small_db, capsys):
    assert main(["export", "--format", "xlsx", "--db", str(small_db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing-app: error: ") and "-o" in err


def test_export_xlsx_replaces_a_file_atomically_or_not_at_all(small_db, tmp_path, capsys):
    out = tmp_path / "kept.xlsx"
    out.write_bytes(b"precious")
    out.chmod(0o444)
    assert export_xlsx(small_db, out) == 1
    assert capsys.readouterr().err.strip() == f"briefing-app: error: {out}: is read-only; nothing was written"
    assert out.read_bytes() == b"precious"
    missing = tmp_path / "no-such-folder" / "x.xlsx"
    assert export_xlsx(small_db, missing) == 1
    err = capsys.readouterr().err
    assert "no-such-folder does not exist; no file was written" in err and err.count("\n") == 1
    out.chmod(0o644)
    assert export_xlsx(small_db, out) == 0
    assert out.read_bytes().startswith(b"PK")


def test_export_xlsx_exit_status_in_a_process(small_db, tmp_path):
    out = tmp_path / "p.xlsx"
    result = subprocess.run([sys.executable, "-m", "briefing_app", "export", "--format", "xlsx", "--db", str(small_db),
                             "-o", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).sheetnames[0] == "Chỉ số"


def test_csv_sections_name_the_sector_and_enterprise(small_db, tmp_path):
    out = tmp_path / "indicators.csv"
    assert main(["export", "--format", "csv", "--section", "indicators", "--db", str(small_db), "-o", str(out)]) == 0
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    assert rows["telecom.revenue"]["sector_vi"] == "Viễn thông"
    assert rows["telecom.revenue"]["sector_en"] == "Telecommunications"
    assert rows["telecom.revenue"]["enterprise_vi"] == "Tập đoàn VNPT"
    assert rows["postal.offices"]["parent_key"] == "postal.points"
    out = tmp_path / "directives.csv"
    assert main(["export", "--format", "csv", "--section", "directives", "--db", str(small_db), "-o", str(out)]) == 0
    first = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert first["sector_vi"] == "Viễn thông"


def test_csv_enterprises_carry_their_figures(small_db, tmp_path):
    out = tmp_path / "enterprises.csv"
    assert main(["export", "--format", "csv", "--section", "enterprises", "--db", str(small_db), "-o", str(out)]) == 0
    [row] = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert row["name_vi"] == "Tập đoàn VNPT"
    assert row["figures_vi"] == "Doanh thu viễn thông: ước đạt 213.355 tỷ đồng"
    assert row["figures_en"] == "Telecom revenue: estimated 213,355 billion VND"


def test_a_damaged_name_does_not_stop_the_workbook(small_db, tmp_path):
    """A name holding a character XML cannot carry (another tool's database) is still written, as text."""
    conn = sqlite3.connect(small_db)
    conn.execute("UPDATE sectors SET name_vi = 'Viễn' || char(1) || 'thông' WHERE key = 'telecom'")
    conn.commit()
    conn.close()
    out = tmp_path / "d.xlsx"
    assert export_xlsx(small_db, out) == 0
    assert load_workbook(out)["Chỉ số"].cell(row=6, column=1).value.startswith("Viễn")
