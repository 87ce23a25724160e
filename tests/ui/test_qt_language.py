"""Qt's own dialogs (file, print, Print Preview, message boxes, standard buttons) speak the window's language.

PySide6 ships no Vietnamese Qt translation; the app ships resources/translations/qtbase_vi.ts compiled to
the .qm beside it (briefing_app/ui/qt_language.py). Each test opens the dialog the way a user does and reads
the texts on screen, in Vietnamese, then again after switching the window to English.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from modal_dialogs import when_modal
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from briefing_app.paths import resource
from briefing_app.report import ReportOptions
from briefing_app.ui.qt_language import apply_qt_language


@pytest.fixture(autouse=True)
def _english_qt_afterwards():
    """The translator is the application's: leave Qt in English for the next test."""
    yield
    apply_qt_language("en")


def visible_texts(dialog: QWidget) -> dict[str, set[str]]:
    """What a user reads on ``dialog``: its title, labels, buttons (text or tooltip) and actions."""
    texts: dict[str, set[str]] = {"title": {dialog.windowTitle()}, "label": set(), "button": set(), "action": set()}
    for child in dialog.findChildren(QWidget):
        if not child.isVisibleTo(dialog):
            continue
        if isinstance(child, QLabel) and child.text():
            texts["label"].add(child.text())
        if isinstance(child, QAbstractButton) and (child.text() or child.toolTip()):
            texts["button"].add(child.text() or child.toolTip())
    texts["action"] = {a.text() for a in dialog.findChildren(QAction) if a.text()}
    return texts


def modal_dialog_texts(qtbot, open_it) -> dict[str, set[str]]:
    """Run ``open_it`` (which shows a modal dialog and waits for it), read the dialog, then cancel it."""
    seen: dict[str, set[str]] = {}

    def read_and_close(dialog: QDialog) -> None:
        seen.update(visible_texts(dialog))
        dialog.reject()

    when_modal(QDialog, read_and_close)
    open_it()
    assert seen, "no dialog was shown"
    return seen


def switch_language(window, lang: str) -> None:
    """View → Language → the language, as the user picks it."""
    window.language_actions[lang].trigger()
    assert window.state.lang == lang


def test_the_committed_translation_is_the_ts_file_compiled(tmp_path):
    """The .qm ships as committed (wheel and bundle copy resources/ as is): it must be the .ts compiled now."""
    import PySide6

    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) \
        or shutil.which("lrelease", path=str(Path(PySide6.__file__).parent))
    assert lrelease, "PySide6's lrelease is missing (pip install PySide6-Essentials)"
    compiled = tmp_path / "qtbase_vi.qm"
    subprocess.run([lrelease, "-silent", str(resource("translations", "qtbase_vi.ts")), "-qm", str(compiled)],
                   check=True, capture_output=True, timeout=60)
    committed = resource("translations", "qtbase_vi.qm")
    assert committed.read_bytes() == compiled.read_bytes(), (
        "resources/translations/qtbase_vi.qm is stale: run "
        "pyside6-lrelease resources/translations/qtbase_vi.ts -qm resources/translations/qtbase_vi.qm")


def test_the_open_dialog_speaks_the_window_language(qtbot, open_window, review_db):
    window = open_window(review_db, "vi")
    texts = modal_dialog_texts(qtbot, window.open_action.trigger)
    assert {"&Tìm trong:", "Tên &tệp:", "&Loại tệp:"} <= texts["label"]
    assert {"Hủy", "Quay lại", "Thư mục cha", "Tạo thư mục mới"} <= texts["button"]
    # The accept button reads "&Open" from QFileDialog, or "Open" from the platform theme once the folder is read.
    assert texts["button"] & {"&Mở", "Mở"}
    assert not {"Open", "&Open", "Cancel", "File &name:"} & (texts["label"] | texts["button"])
    assert texts["title"] == {"Mở cơ sở dữ liệu báo cáo"}

    switch_language(window, "en")
    texts = modal_dialog_texts(qtbot, window.open_action.trigger)
    assert {"&Look in:", "File &name:", "Files of &type:"} <= texts["label"]
    assert {"Cancel", "Back", "Parent Directory"} <= texts["button"]
    assert texts["button"] & {"&Open", "Open"}


def test_print_preview_and_the_print_dialog_speak_the_window_language(qtbot, open_window, review_db, monkeypatch):
    window = open_window(review_db, "vi")
    controller = window.print_controller
    options = ReportOptions(sections=("overview",))
    seen: list[dict[str, set[str]]] = []

    def read(dialog) -> int:
        dialog.show()
        seen.append(visible_texts(dialog))
        dialog.close()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintPreviewDialog, "exec", read)
    monkeypatch.setattr(QPrintDialog, "exec", read)
    controller.preview(options)
    controller.print_pack(options)
    preview, printing = seen
    # Qt names the preview "Print Preview: <the document's name>".
    assert [t.split(":")[0] for t in preview["title"]] == ["Xem trước khi in"]
    assert {"In", "Thiết lập trang", "Trang sau", "Trang trước", "Phóng to", "Thu nhỏ", "Khổ dọc",
            "Khổ ngang"} <= preview["action"]
    assert printing["title"] == {"In"}
    assert {"&In", "Hủy", "Th&uộc tính", "&Tùy chọn >>"} <= printing["button"]
    assert {"&Tên:", "Vị trí:", "Loại:"} <= printing["label"]

    switch_language(window, "en")
    seen.clear()
    controller.preview(options)
    controller.print_pack(options)
    preview, printing = seen
    assert [t.split(":")[0] for t in preview["title"]] == ["Print Preview"]
    assert {"Print", "Page setup", "Next page", "Zoom in", "Portrait"} <= preview["action"]
    assert {"&Print", "Cancel", "P&roperties"} <= printing["button"]


def test_the_shortcuts_dialog_close_button_follows_the_language_while_open(qtbot, open_window, review_db):
    window = open_window(review_db, "vi")
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Đóng"
    switch_language(window, "en")
    QCoreApplication.processEvents()  # the LanguageChange event Qt posts to every widget
    assert close.text() == "Close"


def test_message_box_buttons_and_text_field_menus_are_vietnamese(qtbot, open_window, review_db, tmp_path):
    window = open_window(review_db, "vi")
    missing = tmp_path / "missing.db"
    window.open_database(missing)
    box = window.findChild(QMessageBox, "openErrorBox")
    assert box is not None and box.isVisible()
    assert [b.text() for b in box.buttons()] == ["Đồng ý"]
    box.close()

    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    labels = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert {"&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"} <= set(labels)


def test_english_loads_no_translation_and_vietnamese_costs_little(qapp):
    """Loading the .qm happens only for Vietnamese, before the window's widgets exist; it is cheap."""
    from briefing_app.ui import qt_language

    assert apply_qt_language("en")
    assert qt_language._installed is None
    started = time.perf_counter()
    assert apply_qt_language("vi")
    cost = time.perf_counter() - started
    assert qt_language._installed is not None
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert cost < 0.05, f"installing Qt's Vietnamese took {cost * 1000:.1f} ms"
    assert apply_qt_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
