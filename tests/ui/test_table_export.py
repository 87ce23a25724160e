"""File → Export Table… as a reader uses it: sort and filter a table, export, and find the same rows in the same
order in the file (read back with openpyxl), numbers as numbers; no table, no export; a failed write says where."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from briefing_app.ui.models.indicator_table_model import COL_LABEL, COL_VALUE
from briefing_app.ui.models.item_tree_model import ITEM_ROLE


@pytest.fixture
def window(open_window, review_db):
    win = open_window(review_db)
    win.table_export  # noqa: B018 - built after the first paint; built now if the paint has not come yet
    return win


def click_header(qtbot, view, column):
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def rows_of(worksheet):
    header = [c.value for c in worksheet[1]]
    return [dict(zip(header, (c.value for c in row))) for row in worksheet.iter_rows(min_row=2)]


def choose_file(monkeypatch, path, chosen_filter=""):
    asked = []

    def fake(parent, title, suggested, filters, *args, **kwargs):
        asked.append((title, suggested, filters))
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_sorted_and_filtered_indicators_export_in_the_order_shown(qtbot, window, tmp_path, monkeypatch):
    tab = window.tabs.show_tab("indicators")
    qtbot.keyClicks(tab.filter_edit, "doanh thu")
    qtbot.waitUntil(lambda: 0 < tab.proxy.rowCount() < tab.model.rowCount(), timeout=2000)
    click_header(qtbot, tab.table, COL_VALUE)  # figures largest first
    shown = [tab.model.indicator_at(tab.proxy.mapToSource(tab.proxy.index(r, COL_LABEL)).row())
             for r in range(tab.proxy.rowCount())]
    values = [float(i.value) if i.value is not None else None for i in shown]
    assert [v for v in values if v is not None] == sorted((v for v in values if v is not None), reverse=True)
    out = tmp_path / "doanh-thu.xlsx"
    asked = choose_file(monkeypatch, out)
    window.table_export.action.trigger()
    assert asked and asked[0][0] == "Xuất bảng" and "(*.xlsx)" in asked[0][2] and "(*.csv)" in asked[0][2]
    book = load_workbook(out)
    assert book.sheetnames == ["Chỉ số"]
    sheet = book.active
    rows = rows_of(sheet)
    assert [r["Chỉ số"] for r in rows] == [i.label("vi") for i in shown]
    assert [r["Giá trị"] for r in rows] == values
    value_cells = [row[4] for row in sheet.iter_rows(min_row=2) if row[4].value is not None]
    assert value_cells and {c.data_type for c in value_cells} == {"n"}
    revenue = next(r for r in rows if r["Nguyên văn"] == "213.355")
    assert revenue["Giá trị"] == 213355 and revenue["Mức độ"] == "ước đạt" and revenue["Lĩnh vực"] == "Viễn thông"
    assert sheet.freeze_panes == "A2" and all(c.font.b for c in sheet[1])
    assert window.statusBar().currentMessage() == f"Đã lưu doanh-thu.xlsx ({len(rows)} dòng)"


def test_enterprises_sorted_by_name_export_as_csv_with_their_figures(qtbot, window, tmp_path, monkeypatch):
    window.language_actions["en"].trigger()
    tab = window.tabs.show_tab("enterprises")
    click_header(qtbot, tab.table, 0)  # A→Z by name
    order = [tab.model.enterprise_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row())
             for r in range(tab.proxy.rowCount())]
    assert len(order) > 1
    out = tmp_path / "enterprises"
    choose_file(monkeypatch, out, "CSV, comma-separated (*.csv)")  # no extension typed: the filter chosen gives it
    window.table_export.action.trigger()
    written = tmp_path / "enterprises.csv"
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    names = list(dict.fromkeys(r["Enterprise"] for r in rows))
    assert names == [e.name("en") for e in order]
    vnpt = [r for r in rows if r["Short name"] == "VNPT"]
    assert any(r["Indicator"] and r["Value"] and r["Unit"] for r in vnpt)


def test_filtered_directives_keep_their_numbers_and_sectors(qtbot, window, tmp_path):
    tab = window.tabs.show_tab("directives")
    qtbot.keyClicks(tab.filter_edit, "an toan")  # tone marks optional (and QTest types ASCII only)
    qtbot.waitUntil(lambda: tab.proxy.rowCount() > 0, timeout=2000)
    out = window.table_export.export_table(tmp_path / "d.xlsx")
    rows = rows_of(load_workbook(out).active)
    assert rows and all(isinstance(r["STT"], int) and r["Lĩnh vực"] for r in rows)
    shown = [tab.proxy.index(r, 0).data(ITEM_ROLE) for r in range(tab.proxy.rowCount())]
    assert [r["STT"] for r in rows] == [item.number for item in shown]
    assert [r["Nội dung"] for r in rows] == [item.title("vi") for item in shown]
    assert len(rows) < len(window.state.snapshot.directives)


def test_a_tab_without_a_table_cannot_export_and_says_why(qtbot, window):
    action = window.table_export.action
    window.tabs.show_tab("indicators")
    assert action.isEnabled() and action.text() == "Xuất &bảng…"
    window.tabs.show_tab("overview")
    assert not action.isEnabled()
    assert action.toolTip() == "Thẻ Tổng quan không có bảng để xuất"
    window.language_actions["en"].trigger()
    assert action.toolTip() == "The Overview tab has no table to export" and action.text() == "Export &Table…"
    window.tabs.show_tab("source")
    assert not action.isEnabled()


def test_the_action_sits_with_the_exports_in_the_file_menu(window):
    window.print_controller  # noqa: B018 - whichever is built first, the order is the same
    actions = window.file_menu.actions()
    at = actions.index(window.table_export.action)
    assert actions[at - 1] is window.print_controller.export_pdf_action
    assert actions[at + 1].isSeparator() and actions[at + 2] is window.quit_action


def test_a_write_that_fails_says_what_and_where_and_leaves_the_file(qtbot, window, tmp_path):
    window.tabs.show_tab("indicators")
    missing = tmp_path / "no-such-folder" / "x.xlsx"
    assert window.table_export.export_table(missing) is None
    box = window.table_export.last_error_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Không ghi được bảng"
    # Why, in the window's language (it was English in a Vietnamese window).
    assert str(missing) in box.text() and f"thư mục {missing.parent} không tồn tại" in box.text()
    assert not missing.parent.exists()
    kept = tmp_path / "kept.xlsx"
    kept.write_bytes(b"precious")
    kept.chmod(0o444)
    box.close()
    assert window.table_export.export_table(kept) is None
    assert "là tệp chỉ đọc; không có gì được ghi" in window.table_export.last_error_box.text()
    assert kept.read_bytes() == b"precious"
    window.table_export.last_error_box.close()
    window.language_actions["en"].trigger()
    assert window.table_export.export_table(kept) is None
    assert "is read-only; nothing was written" in window.table_export.last_error_box.text()
    window.table_export.last_error_box.close()


def test_a_comparison_exports_as_shown_cell_by_cell(qtbot, open_window, bundled_db, tmp_path):
    """A table no section sheet describes (the comparison) is written as it reads, in its order."""
    window = open_window(bundled_db, "vi")
    tab = window.tabs.show_tab("indicators")
    next(a for a in window.compare_choices() if a.data() == "mic-2017-h1").trigger()
    qtbot.waitUntil(lambda: tab.comparing and tab.comparison_proxy.rowCount() > 0, timeout=2000)
    tab.comparison_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    proxy = tab.comparison_proxy
    shown = [[str(proxy.index(r, c).data() or "") for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]
    out = window.table_export.export_table(tmp_path / "compare.xlsx")
    sheet = load_workbook(out).active
    assert sheet.title == "Chỉ số"
    assert [c.value for c in sheet[1]][0] == proxy.headerData(0, Qt.Orientation.Horizontal)
    assert [[c.value or "" for c in row] for row in sheet.iter_rows(min_row=2)] == shown
