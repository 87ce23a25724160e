"""The Source tab: the article itself, with a passage highlighted on request; for a briefing cited by
reference, the list of its cited articles (title, publisher, date, address) as plain text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

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
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        self._highlight: tuple[int, int] | None = None
        self._article = ""
        self._snapshot: Snapshot | None = None
        self.retranslate()

    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        self._snapshot = snapshot
        scroll = self.text.verticalScrollBar().value()
        article = snapshot.briefing.article_text if snapshot else ""
        if snapshot is not None and snapshot.cites_by_reference:
            article = self._cited_list(snapshot)
        if article != self._article:
            # setPlainText: the article is data, never markup.
            self._article = article
            self.text.setPlainText(shown(article))
            self._highlight = None
            self.text.setExtraSelections([])
        else:
            self.text.verticalScrollBar().setValue(scroll)
        cited = snapshot is not None and snapshot.cites_by_reference
        heading = tr("source.cited_heading", self.lang) if cited else snapshot.briefing.source_title if snapshot else ""
        self.heading.setText(shown(heading))
        self.note.setText(tr("source.cited_note" if cited else "source.original_note", self.lang))

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
        # Qt counts UTF-16 code units; Python counts code points.
        # Counted in the text as shown, where a bidi control is a visible ‹U+202E›.
        start = _utf16_len(shown(self._article[:offset]))
        stop = start + _utf16_len(shown(self._article[offset:offset + length]))
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


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
