"""File → Print…, Print Preview… and Export PDF… as a user meets them."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from briefing_app.report import ReportOptions, page_layout, write_pdf
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.print_controller import PrintOptionsDialog
from briefing_app.ui.state import ViewerState


@pytest.fixture
def window(open_window, review_db):
    win = open_window(review_db)
    # the window may already build its controller (one line in MainWindow); never attach two
    win.print_controller  # noqa: B018 - the window builds its controller on first use
    return win


def pages_of(path) -> int:
    return len(PdfReader(io.BytesIO(path.read_bytes())).pages)


def text_of(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def test_actions_sit_beside_print_in_the_file_menu(window):
    controller = window.print_controller
    actions = window.file_menu.actions()
    index = actions.index(window.print_action)
    assert actions[index + 1] is controller.preview_action
    assert actions[index + 2] is controller.export_pdf_action
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert controller.preview_action.text() == "&Xem trước khi in…"
    assert controller.export_pdf_action.text() == "&Xuất PDF…"
    window.language_actions["en"].trigger()
    assert controller.preview_action.text() == "Print Pre&view…"
    assert controller.export_pdf_action.text() == "&Export PDF…"
    assert window.print_action.text() == "&Print…"


def test_ctrl_p_asks_for_options_instead_of_saying_coming_later(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(window.print_controller, "ask_options", lambda: asked.append(1))
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1]
    assert "phiên bản sau" not in window.statusBar().currentMessage()


def test_options_dialog_returns_the_choices(qtbot, window):
    dialog = PrintOptionsDialog("vi", ReportOptions(), False, "Nhiệm vụ", window)
    qtbot.addWidget(dialog)
    for section in ("achievements", "limitations", "sources"):
        qtbot.mouseClick(dialog.section_boxes[section], Qt.MouseButton.LeftButton)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.page_size_combo.setCurrentIndex(dialog.page_size_combo.findData("A3"))
    dialog.orientation_combo.setCurrentIndex(dialog.orientation_combo.findData("landscape"))
    options = dialog.options()
    assert options.sections == ("overview", "indicators", "directives", "enterprises")
    assert (options.lang, options.page_size, options.orientation) == ("en", "A3", "landscape")
    assert dialog.current_only_box.text() == "Chỉ thẻ đang xem (Nhiệm vụ)"
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    for box in dialog.section_boxes.values():
        box.setChecked(False)
    assert not ok.isEnabled()  # nothing to print
    dialog.current_only_box.setChecked(True)
    assert ok.isEnabled() and not dialog.sections_box.isEnabled()


def test_only_the_current_tab(window, monkeypatch):
    controller = window.print_controller

    def accept_current_only(dialog):
        dialog.current_only_box.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PrintOptionsDialog, "exec", accept_current_only)
    window.tabs.setCurrentWidget(window.directives_tab)
    options = controller.ask_options()
    assert options.sections == ("directives",) and options.checklist
    window.tabs.setCurrentWidget(window.indicators_tab)
    window.indicators_tab.sector_list.setCurrentRow(2)
    sector_id = window.indicators_tab.proxy.sector_id
    assert sector_id is not None
    options = controller.ask_options()
    assert options.sections == ("indicators",) and options.sector_id == sector_id
    window.tabs.setCurrentWidget(window.source_tab)
    assert controller.ask_options().sections == ("sources",)
    # the choice is remembered for next time
    assert controller.current_only


def test_export_pdf_writes_a_valid_file(qtbot, window, monkeypatch, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "pack"), ""))
    window.print_controller.export_pdf_action.trigger()
    target = tmp_path / "pack.pdf"
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-32:]
    assert pages_of(target) >= 8
    assert "ước đạt 213.355 tỷ đồng" in text_of(target)
    assert window.statusBar().currentMessage().startswith("Đã lưu pack.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


def test_export_error_shows_a_plain_text_message(qtbot, window, monkeypatch, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "<b>missing</b>" / "pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    assert window.print_controller.export_pdf(ReportOptions(sections=("overview",))) is None
    box = window.print_controller.last_error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert str(target) in box.text()
    assert f"thư mục {target.parent} không tồn tại" in box.text()  # in the window's language
    assert box.windowTitle() == "Không ghi được PDF"
    assert list(tmp_path.iterdir()) == []
    box.close()


def test_cancelled_export_writes_nothing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    assert window.print_controller.export_pdf(ReportOptions()) is None
    monkeypatch.setattr(PrintOptionsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert window.print_controller.export_pdf() is None


def test_print_paints_the_pack_on_the_printer(window, monkeypatch, tmp_path):
    target = tmp_path / "printed.pdf"

    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    options = ReportOptions(sections=("directives",), checklist=True)
    rendered = window.print_controller.print_pack(options)
    assert rendered is not None and pages_of(target) == rendered.pages
    assert "☐" in text_of(target)


def test_preview_paints_exactly_what_prints(window, monkeypatch, tmp_path, qapp):
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: 0)
    options = ReportOptions(lang="en", sections=("overview", "enterprises", "sources"))
    dialog = window.print_controller.preview(options)
    assert dialog is not None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(options))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    dialog.paintRequested.emit(printer)
    written = write_pdf(tmp_path / "export.pdf", window.state.snapshot, options)
    assert pages_of(tmp_path / "preview.pdf") == written.pages
    preview_text = text_of(tmp_path / "preview.pdf")
    assert "estimated 213,355 billion VND" in preview_text
    assert f"Page {written.pages} of {written.pages}" in preview_text
    dialog.close()


def test_actions_are_disabled_without_a_briefing(qtbot, settings):
    win = MainWindow(ViewerState("en"), settings)
    qtbot.addWidget(win)
    controller = win.print_controller
    assert not controller.export_pdf_action.isEnabled()
    assert controller.export_pdf(ReportOptions()) is None


def test_the_chart_in_front_of_you_prints_alone(qtbot, window, monkeypatch, tmp_path):
    """Export ▾ → Export as PDF… / Print Chart… on an Overview chart: that chart, one page, its sources."""
    chart = next(c for c in window.overview_tab.charts if c.spec.title_vi.startswith("Điểm phục vụ"))
    assert chart.pdf_action in chart.export_menu.actions() and chart.print_action in chart.export_menu.actions()
    suggested = []

    def save_as(parent, title, start, filter_):
        suggested.append(start)
        return str(tmp_path / "chart"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    chart.pdf_action.trigger()
    target = tmp_path / "chart.pdf"
    assert pages_of(target) == 1
    text = text_of(target)
    assert "Điểm phục vụ của mạng lưới bưu chính công cộng" in text and "12.783" in text
    assert "Câu nguồn của các số liệu trong biểu đồ" in text
    assert "Tổng quan" not in text and "Mục lục" not in text  # no other section
    assert suggested[0].endswith(f"mic-2017-h1-{chart.spec.key.replace(':', '-')}-vi.pdf")

    # Print Chart… goes through the system print dialog, in the interface language.
    window.language_actions["en"].trigger()
    printed = tmp_path / "printed.pdf"

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    chart.print_action.trigger()
    assert pages_of(printed) == 1
    text = text_of(printed)
    assert "Service points of the public postal network" in text and "12,783" in text


def test_an_empty_chart_offers_nothing_to_print(qtbot, window, monkeypatch):
    requested = []
    window.state.chart_print_requested.connect(lambda spec, kind: requested.append(kind))
    chart = window.indicators_tab.chart  # all sectors: nothing to chart
    assert chart.is_empty() and not chart.print_action.isEnabled() and not chart.pdf_action.isEnabled()
    chart.print_action.trigger()
    chart.pdf_action.trigger()
    assert requested == []


def test_export_over_a_database_is_refused_in_a_dialog(qtbot, window, monkeypatch, tmp_path, small_db):
    before = small_db.read_bytes()
    link = tmp_path / "pack.pdf"
    link.symlink_to(small_db)  # written through: the database would be replaced
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(link), ""))
    assert window.print_controller.export_pdf(ReportOptions(sections=("overview",))) is None
    box = window.print_controller.last_error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert str(link) in box.text() and "là một cơ sở dữ liệu; hãy chọn tên khác" in box.text()
    assert small_db.read_bytes() == before
    box.close()


def test_printing_while_comparing_prints_the_comparison(qtbot, open_window, bundled_db, monkeypatch, tmp_path):
    # Reported: "Print this tab" while the Indicators tab showed a comparison printed the plain figures.
    window = open_window(bundled_db, "en")
    window.tabs.show_tab("indicators")
    next(a for a in window.compare_choices() if a.data() == "mic-2017-h1").trigger()

    notes = []

    def accept_current_only(dialog):
        dialog.current_only_box.setChecked(True)
        notes.append(dialog.comparison_note.text() if dialog.comparison_note.isVisibleTo(dialog) else None)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PrintOptionsDialog, "exec", accept_current_only)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "tab.pdf"), ""))
    assert window.print_controller.export_pdf() == tmp_path / "tab.pdf"
    assert notes == ["The printout includes the comparison on screen (compared with: First half of 2017)."]
    text = text_of(tmp_path / "tab.pdf")
    assert "Compared with mic-2017-h1" in text
    assert "Earlier: mic-2017-h1" in text
    window.stop_compare_action.trigger()
    assert window.print_controller.export_pdf() == tmp_path / "tab.pdf"
    assert "Compared with" not in text_of(tmp_path / "tab.pdf")
    assert notes[-1] is None
