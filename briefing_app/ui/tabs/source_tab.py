"""The Source tab: the article itself, with a passage highlighted on request; for a briefing cited by
reference, the list of its cited articles (title, publisher, date, address) as plain text.

The article is shown as a reader wants it: photo captions as captions (smaller, italic, muted) and
without the photos' file names (:func:`~briefing_app.data.article_parts.article_parts` says which lines
those are). The stored text and every offset into it stay as they are: the tab keeps a map from article
offsets to positions in what it shows.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from ...data.article_parts import ArticlePart, article_parts
from ...data.snapshot import Snapshot
from ...data.wording import date_text
from ...i18n import tr
from ..plain import heading_label, plain_label, shown
from ..state import ViewerState
from ..tab import BriefingTab

__all__ = ["SourceTab"]


class SourceTab(BriefingTab):
    title_key = "tab.source"
    sections = ()

    def __init__(self, state: ViewerState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.heading = heading_label()
        self.note = plain_label()
        self.note.setObjectName("sourceNote")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("articleText")
        self.text.setReadOnly(True)
        self.text.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.text.document().setDocumentMargin(16)
        self.text.document().setUndoRedoEnabled(False)  # read-only: filling it is not an edit to undo
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        self._highlight: tuple[int, int] | None = None
        self._article = ""
        self._shown_parts: list[tuple[int, int, int]] = []
        self._part_starts: list[int] = []
        self._snapshot: Snapshot | None = None
        self.retranslate()

    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        self._snapshot = snapshot
        scroll = self.text.verticalScrollBar().value()
        article = snapshot.briefing.article_text if snapshot else ""
        if snapshot is not None and snapshot.cites_by_reference:
            article = self._cited_list(snapshot)
        if article != self._article:
            self._article = article
            self._show_article(article, captions=snapshot is not None and not snapshot.cites_by_reference)
            self._highlight = None
            self.text.setExtraSelections([])
        else:
            self.text.verticalScrollBar().setValue(scroll)
        cited = snapshot is not None and snapshot.cites_by_reference
        heading = tr("source.cited_heading", self.lang) if cited else snapshot.briefing.source_title if snapshot else ""
        self.heading.setText(shown(heading))
        self.note.setText(tr("source.cited_note" if cited else "source.original_note", self.lang))

    def _show_article(self, article: str, *, captions: bool) -> None:
        """Show ``article`` as plain text (it is data, never markup), its captions as captions and its photo
        file names left out; remember where each shown part of it starts on screen."""
        parts = article_parts(article) if captions else [ArticlePart(0, len(article), "text")]
        self.text.clear()
        cursor = QTextCursor(self.text.document())
        body = QTextCharFormat()
        caption = QTextCharFormat()
        caption.setFontItalic(True)
        caption.setFontPointSize(max(1.0, self.font().pointSizeF() * 0.9))
        caption.setForeground(_muted(self.text.palette()))
        caption.setFontWeight(QFont.Weight.Normal)
        self._shown_parts = []  # (article start, article stop, position shown)
        position = 0
        for part in parts:
            if not part.shown:
                continue
            piece = shown(article[part.start:part.stop])
            self._shown_parts.append((part.start, part.stop, position))
            cursor.insertText(piece, caption if part.kind == "caption" else body)
            position += _utf16_len(piece)
        self._part_starts = [start for start, _stop, _at in self._shown_parts]
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _position(self, offset: int) -> int:
        """Where the article's character at ``offset`` is shown (a left-out line: where the text goes on)."""
        index = bisect_right(self._part_starts, offset) - 1
        if index < 0:
            return 0
        start, stop, at = self._shown_parts[index]
        # Qt counts UTF-16 code units; Python counts code points. Counted in the text as shown, where a bidi
        # control is a visible ‹U+202E›.
        return at + _utf16_len(shown(self._article[start:min(offset, stop)]))

    def _cited_list(self, snapshot: Snapshot) -> str:
        """The cited articles, one paragraph each, as plain text (the address as written, to copy)."""
        lang = self.lang
        paragraphs = []
        for number, source in enumerate(snapshot.cited_sources, start=1):
            date = date_text(source.published_at, lang) if source.published_at else tr("citation.no_date", lang)
            lines = [f"[{number}] {source.title}", f"{source.publisher(lang)} — {date}", source.url]
            if source.note(lang):
                lines.append(tr("citation.note", lang, note=source.note(lang)))
            paragraphs.append("\n".join(lines))
        return "\n\n".join(paragraphs)

    def retranslate(self) -> None:
        lang = self.lang
        if self._snapshot is not None:
            self.set_snapshot(self._snapshot)
        else:
            self.note.setText(tr("source.original_note", lang))
        self.text.setAccessibleName(tr("source.article", lang))
        self.heading.setAccessibleName(tr("source.article", lang))

    def highlight(self, offset: int, length: int) -> None:
        """Highlight ``length`` characters at ``offset`` of the article and scroll them into view."""
        document = self.text.document()
        if offset < 0 or length <= 0 or offset + length > len(self._article):
            return
        start, stop = self._position(offset), self._position(offset + length)
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(stop, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe58a"))
        fmt.setForeground(QColor("#1a1a1a"))
        selection.format = fmt
        selection.cursor = cursor
        self.text.setExtraSelections([selection])
        self._highlight = (offset, length)
        # Put the caret at the passage (without selecting it) so it scrolls into view and a
        # keyboard user continues reading from there.
        caret = QTextCursor(document)
        caret.setPosition(stop)
        self.text.setTextCursor(caret)
        self.text.ensureCursorVisible()
        caret.setPosition(start)
        self.text.setTextCursor(caret)
        self.text.ensureCursorVisible()

    def focus_target(self) -> QWidget:
        return self.text

    def highlighted_text(self) -> str:
        if self._highlight is None:
            return ""
        offset, length = self._highlight
        return self._article[offset:offset + length]


def _muted(palette: QPalette) -> QColor:
    """The text colour two thirds of the way from the background: set apart, yet above 4.5:1 contrast
    in light and dark palettes (the placeholder grey is fainter than reading text should be)."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.62
    return QColor(*(round(t * mix + b * (1 - mix)) for t, b in ((text.red(), base.red()),
                                                              (text.green(), base.green()),
                                                              (text.blue(), base.blue()))))


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
