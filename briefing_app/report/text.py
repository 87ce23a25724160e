"""Plain text laid out in lines with :class:`QTextLayout` — never interpreted as HTML.

A database text such as ``<b>x</b>`` or ``<img src='file:///…'>`` is laid out
and drawn character for character; nothing in it is parsed or loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QTextLayout, QTextOption

from ..text_limits import PRINT_CHARS, shorten
from .style import Style

__all__ = ["TextBox"]


class TextBox:
    """One paragraph wrapped to ``width`` (device units); ``height`` is known before drawing."""

    def __init__(self, style: Style, text: str, text_style: str = "body", width: float = 1e9,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft):
        self.text_style = text_style
        # Capped, with a visible note: a 1 MB title took 18 s to lay out, and then was scaled down
        # to fit one page, unreadable. Every printed text passes here; shorten() also shows bidi
        # controls visibly, so a right-to-left override cannot reorder what the reader sees.
        text = shorten(text, style.lang, PRINT_CHARS)
        self.colour = style.text_colour(text_style)
        font = style.font(text_style)
        # keep line breaks the text has; QTextLayout wants U+2028 for them
        self._layout = QTextLayout(text.replace("\r\n", "\n").replace("\n", "\u2028"), font, style.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setAlignment(align)
        self._layout.setTextOption(option)
        self._layout.setCacheEnabled(True)
        leading = QFontMetricsF(font, style.device).leading()
        y = 0.0
        natural = 0.0
        lines = 0
        self._layout.beginLayout()
        while True:
            line = self._layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            line.setPosition(QPointF(0, y))
            y += line.height() + max(0.0, leading)
            natural = max(natural, line.naturalTextWidth())
            lines += 1
        self._layout.endLayout()
        self.height = y if text else 0.0
        self.natural_width = natural
        self.line_count = lines if text else 0
        self.width = width

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        if not self.height:
            return
        painter.setPen(self.colour)
        self._layout.draw(painter, QPointF(x, y))
