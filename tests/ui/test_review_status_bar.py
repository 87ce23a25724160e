"""The draft review window's status bar: a save's message is read whole (the counts step aside while it shows,
as the main window's status does), and what the review says is in the window's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QSizeGrip, QWidget

from briefing_app.data.briefing_file import Problem
from briefing_app.data.draft.review import ItemProblems
from briefing_app.i18n import Message
from briefing_fixtures import ROOT

MIC = ROOT / "resources" / "briefings" / "mic-2017-h1.article.txt"


def message_rect(bar) -> QRect:
    """Where QStatusBar draws its temporary message: from the left margin, as wide as its text."""
    width = bar.fontMetrics().horizontalAdvance(bar.currentMessage())
    return QRect(2, 0, width, bar.height())


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_long_save_message_is_read_whole(qtbot, open_review, tmp_path, lang):
    window = open_review(lang)
    bar = window.statusBar()
    counts = window.counts_label.text()
    assert counts and window.counts_label.isVisible()
    # Saved into a folder without the article: the message says so too ("… · copied the article … beside it").
    assert window.save(tmp_path / "mic-2017-h1.review-of-the-first-half.yaml") is not None
    QApplication.processEvents()
    message = bar.currentMessage()
    assert "mic-2017-h1.article.txt" in message
    drawn = message_rect(bar)
    assert drawn.right() < bar.width() - 4, "the message is wider than the window"
    # Nothing is drawn over it: every widget still shown in the bar is right of the message's end.
    for child in bar.findChildren(QWidget):
        if child.isVisible() and child.parent() is bar and not isinstance(child, QSizeGrip):
            assert child.geometry().left() > drawn.right() or not child.geometry().intersects(drawn), (
                child.objectName(), child.geometry(), drawn)
    # The counts come back when the message has been read.
    bar.clearMessage()
    QApplication.processEvents()
    assert window.counts_label.isVisible() and window.counts_label.text() == counts
    assert window.counts_label.geometry().right() <= bar.width()


def test_the_problems_of_the_whole_file_are_said_in_the_window_s_language(open_review):
    window = open_review("vi")
    missing = Problem("review.yaml", None, None, "", Message("file_problem.not_found"))
    window.show_problems(ItemProblems({}, (missing,)))
    assert "không tìm thấy tệp" in window.problem_banner.text()
    assert "file not found" not in window.problem_banner.text()
    window.set_language("en")
    assert "file not found" in window.problem_banner.text()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_figure_missing_from_its_sentence_is_said_in_the_window_s_language(open_review, tmp_path, lang):
    """The problem a reviewer's edit meets most (the value or qualifier typed is not in the sentence): its field
    name stays as the file writes it, the rest is in the window's language."""
    window = open_review(lang)
    row = next(r for r, f in enumerate(window.review.draft.figures) if f.label == "Cố định")
    window.figure_table.selectRow(row)
    window.form.fields["value"].setText("7,4")
    window.form.apply_button.click()
    window.save(tmp_path / "review.yaml")
    said = window.form.message.text()
    tip = window.figure_model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    if lang == "vi":
        assert said == "value: “7,4” không có trong câu nguồn"
        assert "không có trong câu nguồn" in tip and "does not appear" not in tip
    else:
        assert said == "value: '7,4' does not appear in the source sentence"
