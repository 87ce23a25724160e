"""Reviewing a drafted briefing in the window (issue #18), as a person does it: read the list beside the
highlighted article, move with the arrows, accept (A) and reject (R), edit a figure, add one from a selection,
save (Ctrl+S) and see the validator's problems on their items; a save that cannot write loses nothing;
`briefing-app ARTICLE.txt` and File ▸ New Briefing from Article… open the review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from review_keys import add_figure_from, edit_figure

from briefing_app.data.briefing_file import load_briefing_file
from briefing_app.data.build import build_database
from briefing_app.data.draft.review import ACCEPTED, PENDING, REJECTED, Review
from briefing_app.data.draft_file import draft_article
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_app.ui.draft_review import DraftReviewWindow, open_article_review
from briefing_app.ui.draft_review.article_view import STYLES
from briefing_app.ui.models.draft_item_model import DraftItemModel
from briefing_fixtures import ROOT

MIC = ROOT / "resources" / "briefings" / "mic-2017-h1.article.txt"
ARTICLE = MIC.read_text(encoding="utf-8")


def _cell(window, row: int, column: int) -> str:
    model = window.figure_table.model()
    return str(model.index(row, column).data())


def _current_selection(window):
    """The article's extra selection painted in the "current" style."""
    current = QColor(STYLES["current"][0])
    return [s for s in window.article.extraSelections() if s.format.background().color() == current]


def test_the_list_shows_every_drafted_figure_beside_the_highlighted_article(open_review):
    window = open_review("en")
    figures = window.review.draft.figures
    assert window.figure_table.model().rowCount() == len(figures) == 55
    assert window.lists.tabText(0) == "Figures (55)"
    revenue = next(r for r, f in enumerate(figures) if f.value == "213.355")
    assert [_cell(window, revenue, c) for c in range(6)] == [
        "• Pending", "Doanh thu viễn thông phát sinh", "213.355", "tỷ đồng", "ước đạt", "47,41% of plan"]
    # every figure is highlighted, the ones the rules are unsure of in their own colour
    backgrounds = [s.format.background().color().name() for s in window.article.extraSelections()]
    assert backgrounds.count(STYLES["unsure"][0]) == sum(1 for f in figures if f.unsure)
    assert backgrounds.count(STYLES["pending"][0]) == sum(1 for f in figures if not f.unsure)
    # the article as it is (toPlainText shows a non-breaking space as a space)
    assert window.article.isReadOnly() and window.article.toPlainText() == ARTICLE.replace("\u00a0", " ")


def test_selecting_a_row_highlights_its_figure_and_a_click_on_a_highlight_selects_its_row(qtbot, open_review):
    window = open_review()
    figures = window.review.draft.figures
    row = next(r for r, f in enumerate(figures) if f.value == "193")
    window.figure_table.setFocus()
    window.figure_table.selectRow(row)
    (current,) = _current_selection(window)
    assert current.cursor.selectedText() == "193 cơ quan"
    caret = window.article.textCursor().position()
    assert caret == ARTICLE.index("193 cơ quan") and window.article.cursorRect().top() >= 0
    assert window.form.fields["value"].text() == "193" and window.form.fields["label"].text() == "Báo in"
    # the next figure of the same sentence, clicked in the article, becomes the current row
    magazines = next(r for r, f in enumerate(figures) if f.value == "639")
    cursor = QTextCursor(window.article.document())
    cursor.setPosition(ARTICLE.index("639 cơ quan") + 1)
    point = window.article.cursorRect(cursor).center()
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.figure_table.currentIndex().row() == magazines
    assert _current_selection(window)[0].cursor.selectedText() == "639 cơ quan"
    # the arrows go through the items, the highlight follows
    window.figure_table.setFocus()
    qtbot.keyClick(window.figure_table, Qt.Key.Key_Down)
    assert window.figure_table.currentIndex().row() == magazines + 1
    assert _current_selection(window)[0].cursor.selectedText() == ARTICLE[slice(*window.figure_span(
        figures[magazines + 1]))]


def test_keys_accept_and_reject_and_the_rejected_figure_is_greyed_in_the_article(qtbot, open_review):
    window = open_review("en")
    table = window.figure_table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_R)
    qtbot.keyClick(table, Qt.Key.Key_A)
    qtbot.keyClick(table, Qt.Key.Key_A)
    figures = window.review.draft.figures
    assert [window.review.status(f.id) for f in figures[:4]] == [REJECTED, ACCEPTED, ACCEPTED, PENDING]
    assert [_cell(window, r, 0) for r in range(3)] == ["✗ Rejected", "✓ Accepted", "✓ Accepted"]
    assert table.currentIndex().row() == 3  # each decision moves on to the next item
    assert window.counts_label.text().startswith("Figures: 2 accepted · 1 rejected · 52 pending")
    rejected = ARTICLE[slice(*window.figure_span(figures[0]))]
    struck = [s for s in window.article.extraSelections() if s.format.fontStrikeOut()]
    assert [s.cursor.selectedText() for s in struck] == [rejected]
    assert window.isWindowModified()
    # P sets an item back to pending; the items list takes the same keys
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_P)
    assert window.review.status(figures[0].id) == PENDING
    window.lists.setCurrentWidget(window.item_table)
    window.item_table.setFocus()
    qtbot.keyClick(window.item_table, Qt.Key.Key_R)
    assert window.review.status(window.review.draft.achievements[0].id) == REJECTED


def test_a_letter_typed_in_a_field_is_text_not_a_decision(qtbot, open_review):
    window = open_review()
    window.figure_table.setFocus()
    window.figure_table.selectRow(0)
    qtbot.keyClick(window.figure_table, Qt.Key.Key_Return)  # Enter edits, as E does
    label = window.form.fields["label"]
    assert QApplication.focusWidget() is label
    before = label.text()
    qtbot.keyClick(label, Qt.Key.Key_End)
    qtbot.keyClicks(label, "Ar")
    assert label.text() == before + "Ar"
    assert window.review.status(window.review.draft.figures[0].id) == PENDING


def test_edit_a_value_and_qualifier_with_the_form_then_save_shows_problems_in_place(qtbot, open_review, tmp_path,
                                                                                    monkeypatch):
    window = open_review("en")
    figures = window.review.draft.figures
    row = edit_figure(qtbot, window, lambda f: f.label == "Cố định")
    table = window.figure_table
    assert QApplication.focusWidget() is window.form.fields["label"]
    value = window.form.fields["value"]
    assert isinstance(value, QLineEdit)
    value.setFocus()
    value.selectAll()
    qtbot.keyClicks(value, "7.4")  # English notation: refused as it is typed
    assert "is not a number in Vietnamese notation" in window.form.message.text()
    qtbot.keyClick(value, Qt.Key.Key_Return)
    assert window.review.draft.figures[row].value == "7,3" and window.review.status(figures[row].id) == PENDING
    value.selectAll()
    qtbot.keyClicks(value, "7,4")
    qualifier = window.form.fields["qualifier"]
    qualifier.setCurrentIndex(qualifier.findData("khoảng"))
    qtbot.keyClick(value, Qt.Key.Key_Return)
    edited = window.review.draft.figures[row]
    assert (edited.value, edited.qualifier) == ("7,4", "khoảng") and window.review.status(edited.id) == ACCEPTED
    assert _cell(window, row, 2) == "7,4" and _cell(window, row, 4) == "khoảng"
    # Ctrl+S asks where (beside the article by default), saves although the file has problems, and marks them
    target = tmp_path / "review.yaml"
    asked = []

    def fake(parent, title, suggested, filters, *args, **kwargs):
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [str(MIC.with_name("mic-2017-h1.article.draft.yaml"))]
    assert target.is_file() and not window.isWindowModified()
    assert _cell(window, row, 0) == "✓ Accepted ⚠ 2"
    assert "does not appear in the source sentence" in window.figure_table.model().index(row, 1).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "qualifier: 'khoảng' does not appear in the source sentence" in window.form.message.text()
    assert window.problem_banner.isVisible()
    assert "has 2 problems; their items are marked ⚠" in window.problem_banner.text()
    assert "with 2 problems" in window.statusBar().currentMessage()
    # fixed in the form, saved again (Ctrl+S now saves where it saved): valid
    value.setFocus()
    value.selectAll()
    qtbot.keyClicks(value, "7,3")
    qualifier.setCurrentIndex(qualifier.findData("hơn"))
    qtbot.keyClick(value, Qt.Key.Key_Return)
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and _cell(window, row, 0) == "✓ Accepted"
    assert not window.problem_banner.isVisible() and "valid" in window.statusBar().currentMessage()


def test_a_saved_draft_s_problem_is_said_in_the_window_s_language(qtbot, open_review, tmp_path):
    """The validator's problem on an edited figure reads in Vietnamese in a Vietnamese review, with the field
    and the typed value as written; switching the window to English says it in English."""
    window = open_review("vi")
    row = next(r for r, f in enumerate(window.review.draft.figures) if f.label == "Cố định")
    window.figure_table.setFocus()
    window.figure_table.selectRow(row)
    change = window.form.fields["change_pct"]
    assert isinstance(change, QLineEdit)
    change.setFocus()
    change.selectAll()
    qtbot.keyClicks(change, "99")  # the sentence states no such percentage
    qtbot.keyClick(change, Qt.Key.Key_Return)
    saved = window.save(tmp_path / "review.yaml")
    assert saved is not None and saved.problems.count == 1
    said = "change_pct: '99' không có trong câu nguồn dưới dạng phần trăm; câu nguồn "
    assert window.form.message.isVisible() and window.form.message.text().startswith(said)
    assert "'99' không có trong câu nguồn dưới dạng phần trăm" in window.figure_table.model().index(row, 1).data(
        Qt.ItemDataRole.ToolTipRole)
    window.set_language("en")
    assert window.form.message.text().startswith(
        "change_pct: '99' does not appear as a percentage in the source sentence; the sentence ")


def test_add_a_figure_from_a_selection_then_save_validate_and_build(qtbot, open_review, tmp_path):
    window = open_review()
    draft = window.review.draft
    before = len(draft.figures)
    rejected = draft.figures[2]
    window.review.set_status(rejected.id, REJECTED)
    start = ARTICLE.index("7,3 triệu thuê bao cố định")
    add_figure_from(qtbot, window, "7,3 triệu thuê bao", start)
    assert window.figure_table.model().rowCount() == before + 1
    added = window.current_item()
    assert added is not None and added.id.endswith(":added") and (added.value, added.unit) == ("7,3", "triệu thuê bao")
    assert QApplication.focusWidget() is window.form.fields["label"]
    label = window.form.fields["label"]
    label.setText("Thuê bao cố định (thêm)")  # as an input method types it (QTest types Latin-1 only)
    qtbot.keyClick(label, Qt.Key.Key_Return)
    saved = window.save(tmp_path / "review.yaml")
    assert saved is not None and saved.problems.count == 0 and saved.article_copied == tmp_path / MIC.name
    document = load_briefing_file(tmp_path / "review.yaml")
    assert "Thuê bao cố định (thêm)" in {r["label_vi"] for r in document.indicators}
    assert rejected.key not in {r["key"] for r in document.indicators}
    assert len(document.indicators) == before  # one rejected, one added
    built = build_database([tmp_path / "review.yaml"], tmp_path / "review.db")
    assert built is not None
    with open_store(tmp_path / "review.db") as store:
        snapshot = load_snapshot(store, "mic-2017-h1")
        labels = {i.label_vi: i for i in snapshot.indicators}
    assert labels["Thuê bao cố định (thêm)"].value_text == "7,3"


def test_a_save_that_cannot_write_says_so_and_loses_nothing(qtbot, open_review, read_only_folder, tmp_path):
    window = open_review("en")
    figures = window.review.draft.figures
    window.figure_table.selectRow(0)
    window.decide(REJECTED)
    folder = read_only_folder({"review.yaml": b"old draft\n"})
    assert window.save(folder / "review.yaml") is None
    box = window.last_message_box
    assert box is not None and box.isVisible() and box.objectName() == "reviewSaveErrorBox"
    assert str(folder / "review.yaml") in box.text() and "Nothing was lost" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
    assert (folder / "review.yaml").read_bytes() == b"old draft\n"
    assert window.isWindowModified() and window.review.status(figures[0].id) == REJECTED
    saved = window.save(tmp_path / "review.yaml")
    assert saved is not None and not window.isWindowModified()


def test_closing_an_unsaved_review_asks_first(qtbot, open_review):
    window = open_review("en")
    window.figure_table.setFocus()
    window.decide(REJECTED)
    window.close()
    box = window.last_message_box
    assert window.isVisible() and box is not None and box.objectName() == "reviewUnsavedBox"
    box.button(box.StandardButton.Cancel).click()
    assert window.isVisible()
    window.close()
    window.last_message_box.button(window.last_message_box.StandardButton.Discard).click()
    assert not window.isVisible()


def test_the_review_speaks_the_window_s_language(qtbot, open_review):
    window = open_review("vi")
    assert window.lists.tabText(0) == "Số liệu (55)" and window.file_menu.title() == "&Tệp"
    assert window.figure_table.accessibleName() == "Số liệu đã trích"
    assert window.form.fields["value"].accessibleName() == "Giá trị"
    assert window.form.fields["sector"].currentText() == "Xây dựng thể chế, chính sách"
    window.set_language("en")
    assert window.lists.tabText(0) == "Figures (55)"
    sector = window.form.fields["sector"]
    assert sector.currentText() == "Legislation and policy-making" and sector.count() == 18
    assert window.figure_table.model().headerData(2, Qt.Orientation.Horizontal) == "Value (as written)"
    assert window.accept_action.shortcut().toString() == "A"
    assert "rejected items are left out" in window.save_note.text()


def test_the_draft_item_model_is_a_well_behaved_table(qtmodeltester):
    review = Review(draft_article(MIC))
    for kind in ("figures", "items"):
        model = DraftItemModel(review, kind, "en")
        qtmodeltester.check(model)
        model.set_problems({})
        model.refresh()


def test_briefing_app_with_an_article_opens_its_review(monkeypatch, tmp_path):
    """`briefing-app ARTICLE.txt`: the window opens with the review of the article in front."""
    import briefing_app.ui.app as app_module
    from briefing_app.cli import _window_inputs, main

    assert _window_inputs(Path("x.article.txt")) == (None, Path("x.article.txt"))
    assert _window_inputs(Path("x.db")) == (Path("x.db"), None)
    assert _window_inputs(None) == (None, None)
    seen = []
    monkeypatch.setattr(app_module, "run", lambda database, lang=None, review=None: seen.append(
        (database, lang, review)) or 0)
    assert main([str(MIC), "--lang", "en"]) == 0
    assert main([]) == 0
    assert seen == [(None, "en", MIC), (None, None, None)]


def test_launch_with_an_article_shows_the_review_over_the_window(qtbot, qapp, settings, review_db):
    from briefing_app.ui.app import launch

    window = launch(qapp, review_db, "en", settings, MIC)
    qtbot.addWidget(window)
    review = window.findChild(DraftReviewWindow)
    assert review is not None and review.isVisible() and review.isWindow()
    assert review.figure_table.model().rowCount() == 55 and "Review Drafted Briefing" in review.windowTitle()
    window.state.set_language("vi")
    assert review.lists.tabText(0) == "Số liệu (55)"
    review.close()


def test_new_briefing_from_article_in_the_file_menu(qtbot, open_window, review_db, monkeypatch, tmp_path):
    window = open_window(review_db, "en")
    action = window.new_from_article_action
    assert action in window.file_menu.actions() and action.text() == "&New Briefing from Article…"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(MIC), "")))
    action.trigger()
    review = window.findChild(DraftReviewWindow)
    assert review is not None and review.isVisible() and review.lang == "en"
    review.close()
    # an article that cannot be read: a message says which file and why, nothing opens
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    assert open_article_review(window, window.state, bad) is None
    box = window.findChild(QMessageBox, "reviewOpenErrorBox")
    assert box is not None and "is not UTF-8 text" in box.text()
    box.close()


def test_round_trip_article_draft_validate_build_open(qtbot, open_window, open_review, tmp_path, capsys):
    """article → `briefing-app draft` → `validate` → `build-db` → the window reads it; the review of the same
    article highlights the same figures the file holds."""
    from briefing_app.cli import main

    article = tmp_path / MIC.name
    article.write_bytes(MIC.read_bytes())
    drafted = tmp_path / "mic.draft.yaml"
    assert main(["draft", str(article), "-o", str(drafted)]) == 0
    assert main(["validate", str(drafted)]) == 0
    assert main(["build-db", "--output", str(tmp_path / "drafted.db"), str(drafted)]) == 0
    window = open_window(tmp_path / "drafted.db", "en")
    tab = window.tabs.show_tab("indicators")
    review = open_review("en")
    assert tab.model.rowCount() == review.figure_table.model().rowCount() == 55
    assert window.state.snapshot.briefing.id == "mic-2017-h1"
    keys = {i.key for i in window.state.snapshot.indicators}
    assert keys == {f.key for f in review.review.draft.figures}


def test_the_form_shows_the_guessed_measure_and_refuses_an_id_the_catalogue_lacks(qtbot, open_review):
    window = open_review("en")
    row = edit_figure(qtbot, window, lambda f: f.value == "213.355")
    measure = window.form.fields["measure"]
    assert isinstance(measure, QLineEdit) and measure.isVisible()
    assert measure.text() == "telecom.revenue.generated"
    assert window.form.labels["measure"].text() == "&Measure (id):"
    measure.setFocus()
    measure.selectAll()
    qtbot.keyClicks(measure, "telecom.revenue.servics")
    assert "is not a measure id of resources/measures.yaml" in window.form.message.text()
    qtbot.keyClick(measure, Qt.Key.Key_Return)
    assert window.review.draft.figures[row].measure == "telecom.revenue.generated"
    measure.selectAll()
    qtbot.keyClicks(measure, "telecom.revenue.services")
    qtbot.keyClick(measure, Qt.Key.Key_Return)
    edited = window.review.draft.figures[row]
    assert (edited.measure, edited.label_en) == ("telecom.revenue.services", "Telecommunications services revenue")
    assert window.review.status(edited.id) == ACCEPTED
