"""Going on with a review saved half-way, as a person does it: accept, reject, edit and add in the review window,
save and close; File ▸ Open Draft for Review… (or `briefing-app FILE.yaml`) shows the same statuses, edits and
added figure in the lists and the article, and Ctrl+S saves back to that file; a file that cannot be reopened
gives a message and changes no file."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from review_keys import add_figure_from, edit_figure
from windows import in_front

from briefing_app.data.draft.review import ACCEPTED, PENDING, REJECTED, Review
from briefing_app.data.draft_file import draft_article
from briefing_app.ui.draft_review import DraftReviewWindow, open_draft_review
from briefing_app.ui.draft_review.article_view import STYLES
from briefing_fixtures import ROOT

MIC = ROOT / "resources" / "briefings" / "mic-2017-h1.article.txt"
ARTICLE = MIC.read_text(encoding="utf-8")


def _cell(window: DraftReviewWindow, row: int, column: int) -> str:
    return str(window.figure_table.model().index(row, column).data())


def _styled(window: DraftReviewWindow, style: str) -> list[str]:
    """The article's passages painted in ``style``, in the article's order."""
    colour = QColor(STYLES[style][0])
    return [s.cursor.selectedText() for s in window.article.extraSelections()
            if s.format.background().color() == colour]


def _review_saved_half_way(qtbot, folder: Path) -> tuple[Path, dict]:
    """Accept two figures (A), reject one (R), edit one's label and value, add one from a selection, reject an
    achievement, save (Ctrl+S to review.yaml) and close. What the lists showed, to compare after reopening."""
    article = folder / MIC.name
    shutil.copy(MIC, article)
    window = in_front(qtbot, DraftReviewWindow(Review(draft_article(article)), article, "en"))
    table = window.figure_table
    table.setFocus()
    table.selectRow(0)
    for key in (Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_A):
        qtbot.keyClick(table, key)
    edit_figure(qtbot, window, lambda f: f.label == "Cố định")
    window.form.fields["label"].setText("Thuê bao cố định")  # as an input method types it
    value = window.form.fields["value"]
    value.setFocus()
    value.selectAll()
    qtbot.keyClicks(value, "7,4")
    qtbot.keyClick(value, Qt.Key.Key_Return)
    add_figure_from(qtbot, window, "67 điểm cầu", ARTICLE.index("67 điểm cầu"))
    added = window.current_item()
    assert added is not None and added.id.endswith(":added")
    window.form.fields["label"].setText("Điểm cầu trực tuyến (thêm)")
    qtbot.keyClick(window.form.fields["label"], Qt.Key.Key_Return)
    window.lists.setCurrentWidget(window.item_table)
    window.item_table.setFocus()
    qtbot.keyClick(window.item_table, Qt.Key.Key_R)
    path = folder / "review.yaml"
    saved = window.save(path)
    assert saved is not None and not window.isWindowModified()
    shown = {
        "statuses": [_cell(window, r, 0) for r in range(window.figure_model.rowCount())],
        "labels": [_cell(window, r, 1) for r in range(window.figure_model.rowCount())],
        "items": [window.item_model.index(r, 0).data() for r in range(window.item_model.rowCount())],
        "counts": window.counts_label.text(),
        "styles": {s: _styled(window, s) for s in ("accepted", "rejected", "pending", "unsure")},
    }
    window.close()
    assert not window.isVisible()
    return path, shown


def test_a_review_saved_half_way_reopens_as_it_was_and_saves_back_to_its_file(qtbot, open_window, review_db,
                                                                                monkeypatch, tmp_path):
    path, before = _review_saved_half_way(qtbot, tmp_path)
    saved = path.read_bytes()
    main = open_window(review_db, "en")
    action = main.open_draft_action
    assert action in main.file_menu.actions() and action.text() == "Open &Draft for Review…"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    action.trigger()
    window = main.findChild(DraftReviewWindow)
    assert window is not None and window.isVisible() and window.path == path
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert window.windowTitle().startswith("review.yaml[*]") and "Reopened review.yaml" in (
        window.statusBar().currentMessage())
    rows = window.figure_model.rowCount()
    assert [_cell(window, r, 0) for r in range(rows)] == before["statuses"]
    assert [_cell(window, r, 1) for r in range(rows)] == before["labels"]
    assert [window.item_model.index(r, 0).data() for r in range(window.item_model.rowCount())] == before["items"]
    assert window.counts_label.text() == before["counts"]
    assert {s: _styled(window, s) for s in before["styles"]} == before["styles"]
    figures = window.review.draft.figures
    edited = next(f for f in figures if f.label == "Thuê bao cố định")
    added = next(f for f in figures if f.label == "Điểm cầu trực tuyến (thêm)")
    assert (edited.value, window.review.status(edited.id)) == ("7,4", ACCEPTED)
    assert added.id.endswith(":added") and window.review.status(added.id) == ACCEPTED
    assert ARTICLE[slice(*window.figure_span(added))] == "67 điểm cầu"
    drafted = [f for f in figures if not f.id.endswith(":added")]
    assert [window.review.status(f.id) for f in drafted[:3]] == [ACCEPTED, REJECTED, ACCEPTED]
    assert window.review.status(window.review.draft.achievements[0].id) == REJECTED
    # the selected added figure shows its fields and its sentence
    window.select_item(added.id)
    assert window.form.fields["label"].text() == "Điểm cầu trực tuyến (thêm)"
    assert _styled(window, "current") == ["67 điểm cầu"]
    # Ctrl+S, unchanged: back to the same file, without asking, byte for byte
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (_ for _ in ()).throw(
        AssertionError("asked where to save"))))
    window.figure_table.setFocus()
    written = []
    window.saved.connect(written.append)
    qtbot.keyClick(window.figure_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert written == [path] and path.read_bytes() == saved
    # the review goes on: a pending figure accepted, saved to the same file
    row = next(r for r, f in enumerate(figures) if window.review.status(f.id) == PENDING)
    window.figure_table.selectRow(row)
    qtbot.keyClick(window.figure_table, Qt.Key.Key_A)
    qtbot.keyClick(window.figure_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.read_bytes() != saved and not window.isWindowModified()
    window.close()


def test_a_file_that_cannot_be_reopened_gives_a_message_and_changes_nothing(qtbot, open_window, review_db,
                                                                            tmp_path):
    main = open_window(review_db, "vi")
    tmp_path = tmp_path / "drafts"  # the window's settings are beside
    tmp_path.mkdir()
    shutil.copy(MIC, tmp_path / MIC.name)
    cases = {
        "broken.yaml": "format: [\n",
        "no-article.yaml": 'format: "briefing/1"\nbriefing:\n  id: "x"\n',
        "hand.yaml": (ROOT / "resources" / "briefings" / "mic-2017-h1.yaml").read_text(encoding="utf-8"),
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}
    expected = {"broken.yaml": "lỗi cú pháp YAML", "no-article.yaml": "không phải bản nháp từ một bài viết",
                "hand.yaml": "không phải tệp do bản duyệt lưu"}
    for name, words in expected.items():
        assert open_draft_review(main, main.state, tmp_path / name) is None
        box = main.findChild(QMessageBox, "reviewOpenErrorBox")
        assert box is not None and box.isVisible() and box.windowTitle() == "Không mở lại được bản duyệt"
        assert str(tmp_path / name) in box.text() and words in box.text() and "Tệp không bị thay đổi." in box.text()
        assert box.textFormat() == Qt.TextFormat.PlainText
        box.close()
        box.deleteLater()
        qtbot.waitUntil(lambda: main.findChild(QMessageBox, "reviewOpenErrorBox") is None)
    assert main.findChild(DraftReviewWindow) is None
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_briefing_app_with_a_saved_draft_reopens_its_review(qtbot, qapp, settings, review_db, monkeypatch,
                                                            tmp_path):
    """`briefing-app FILE.yaml`: the window opens with the review saved to it in front."""
    import briefing_app.ui.app as app_module
    from briefing_app.cli import _window_inputs, main
    from briefing_app.ui.app import launch

    assert _window_inputs(Path("x.draft.yaml")) == (None, Path("x.draft.yaml"))
    assert _window_inputs(Path("x.YML")) == (None, Path("x.YML"))
    path, before = _review_saved_half_way(qtbot, tmp_path)
    seen = []
    monkeypatch.setattr(app_module, "run", lambda database, lang=None, review=None: seen.append(review) or 0)
    assert main([str(path)]) == 0 and seen == [path]
    window = launch(qapp, review_db, "vi", settings, path)
    qtbot.addWidget(window)
    review = window.findChild(DraftReviewWindow)
    assert review is not None and review.isVisible() and review.path == path
    assert review.counts_label.text().startswith("Số liệu: 4 nhận · 1 bỏ · 51 chờ")
    window.state.set_language("en")
    assert review.counts_label.text() == before["counts"]
    review.close()
