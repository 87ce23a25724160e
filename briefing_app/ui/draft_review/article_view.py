"""The article under review: plain, read-only text with every drafted figure highlighted.

Highlights are extra selections (the document itself is never changed): a figure by its review status
(pending, pending with something to check, accepted, rejected), the current item stronger and its
source sentence tinted. Offsets are the draft's (code points into the article); Qt counts UTF-16 units of
the text as shown (a bidi control shows as ``‹U+202E›``), so one table maps between them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QMouseEvent, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ...data.draft import Span
from ..plain import shown

__all__ = ["ArticleView", "Highlight", "STYLES"]


@dataclass(frozen=True)
class Highlight:
    """A passage to mark: ``style`` is one of :data:`STYLES`."""

    span: Span
    style: str


#: Style → (background, foreground or None, underline style or None, strike out). Each style differs in more
#: than its colour (a mark, a line), for readers who do not tell the colours apart.
STYLES: dict[str, tuple[str, str | None, QTextCharFormat.UnderlineStyle | None, bool]] = {
    "sentence": ("#e3ecfb", None, None, False),  # the current figure's source sentence
    "passage": ("#d4e4fb", None, None, False),  # the current achievement, limitation or directive
    "pending": ("#fff0a6", "#1a1a1a", None, False),
    "unsure": ("#ffc89a", "#1a1a1a", QTextCharFormat.UnderlineStyle.DotLine, False),
    "accepted": ("#c9ecc4", "#1a1a1a", None, False),
    "rejected": ("#e2e2e2", "#5f5f5f", None, True),
    "current": ("#f5a300", "#000000", QTextCharFormat.UnderlineStyle.SingleUnderline, False),
}


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class ArticleView(QPlainTextEdit):
    """The article, read-only. ``clicked_at(offset)``: a click (not a selection) at that offset of the article;
    ``add_figure_action`` is offered in its context menu while text is selected."""

    clicked_at = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewArticle")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().setDocumentMargin(12)
        self._article = ""
        self._positions: list[int] = [0]  # Qt position of each code point offset (and of the end)
        self._press: QPoint | None = None
        self.add_figure_action: QAction | None = None

    # ------------------------------------------------------------ text and offsets
    def set_article(self, article: str) -> None:
        """Show ``article`` (as plain text: it is data)."""
        self._article = article
        positions = [0]
        at = 0
        for ch in article:
            at += _utf16_len(shown(ch))
            positions.append(at)
        self._positions = positions
        self.setPlainText(shown(article))

    def qt_position(self, offset: int) -> int:
        """The document position of the article's ``offset``."""
        return self._positions[max(0, min(offset, len(self._positions) - 1))]

    def article_offset(self, position: int) -> int:
        """The article offset of document ``position`` (inside a shown bidi mark: the control's own offset)."""
        return max(0, bisect_right(self._positions, position) - 1)

    def selected_span(self) -> Span | None:
        """The selected passage as article offsets; None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        end = self.article_offset(cursor.selectionEnd())
        if self._positions[end] < cursor.selectionEnd():  # the selection ends inside a shown mark: take it whole
            end += 1
        return self.article_offset(cursor.selectionStart()), min(end, len(self._article))

    def select_span(self, span: Span) -> None:
        """Select the article's ``span`` (as a user would with the mouse)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(span[0]))
        cursor.setPosition(self.qt_position(span[1]), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # ------------------------------------------------------------ highlights
    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Mark the passages; later ones paint over earlier ones (give the current item last)."""
        selections = []
        document = self.document()
        for highlight in highlights:
            background, foreground, underline, strike = STYLES[highlight.style]
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(background))
            if foreground:
                fmt.setForeground(QColor(foreground))
            if underline is not None:
                fmt.setUnderlineStyle(underline)
            if strike:
                fmt.setFontStrikeOut(True)
            cursor = QTextCursor(document)
            cursor.setPosition(self.qt_position(highlight.span[0]))
            cursor.setPosition(self.qt_position(highlight.span[1]), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def scroll_to(self, span: Span) -> None:
        """Bring ``span`` into view (the caret moves there, so keyboard reading continues from it)."""
        if self.textCursor().hasSelection():
            return  # never take away what the user is selecting
        caret = QTextCursor(self.document())
        caret.setPosition(self.qt_position(span[0]))
        self.setTextCursor(caret)
        self.centerCursor()  # with the lines around it: the sentence is read in its paragraph

    # ------------------------------------------------------------ events
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        pressed, self._press = self._press, None
        if event.button() == Qt.MouseButton.LeftButton and pressed is not None \
                and (event.position().toPoint() - pressed).manhattanLength() < 4 \
                and not self.textCursor().hasSelection():
            self.clicked_at.emit(self.article_offset(self.cursorForPosition(event.position().toPoint()).position()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu(event.pos())
        if self.add_figure_action is not None:
            menu.addSeparator()
            menu.addAction(self.add_figure_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
