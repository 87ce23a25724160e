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
