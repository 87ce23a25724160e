"""Database text is data, never markup: helpers that keep it plain everywhere."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

__all__ = ["plain_label", "escape", "heading_label"]


def escape(text: object) -> str:
    """Escape text for Qt rich text (also quotes, so it is safe inside attributes)."""
    return html.escape(str(text), quote=True)


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True,
                selectable: bool = True) -> QLabel:
    """A label that always shows its text literally (``Qt.PlainText``)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if wrap:
        # Never squeeze wrapped text below the height it needs; let a scroll area scroll instead.
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setText(text)
    return label


def heading_label(text: str = "", parent: QWidget | None = None, *, size: float = 1.15) -> QLabel:
    """A bold plain-text heading, scaled from the application font."""
    label = plain_label(text, parent, selectable=False)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * size)
    label.setFont(font)
    label.setAccessibleName(text)
    return label
