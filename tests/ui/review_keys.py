"""What a reviewer does with the keyboard in the draft review window, for the tests that do it."""

from __future__ import annotations

from PySide6.QtCore import Qt


def add_figure_from(qtbot, window, text: str, at: int) -> None:
    """Select ``text`` where it starts at offset ``at`` of the article shown, and press Ctrl+Shift+F (add a
    figure the rules missed)."""
    window.article.setFocus()
    window.article.select_span((at, at + len(text)))
    assert window.add_figure_action.isEnabled()
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article, Qt.Key.Key_F, control_shift)


def edit_figure(qtbot, window, wanted) -> int:
    """Select the first drafted figure ``wanted(figure)`` is true of in the figures' list and press E (edit it in
    the form); returns its row."""
    row = next(r for r, f in enumerate(window.review.draft.figures) if wanted(f))
    table = window.figure_table
    table.setFocus()
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_E)
    return row
