"""The Source tab shows the article's photo captions as captions and leaves out the photos' file names
(issue #16 §8); highlighting a passage still finds it, by the stored article's offsets."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from briefing_app.ui.tabs.source_tab import SourceTab

CAPTION = "Các đại biểu tham dự Hội nghị"
LEAD_CAPTION = "Bộ trưởng Trương Minh Tuấn phát biểu chỉ đạo tại Hội nghị"


def _format_of(tab: SourceTab, text: str):
    document = tab.text.document()
    found = document.find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 1)
    return cursor.charFormat()


def test_file_names_are_left_out_and_a_repeated_caption_is_shown_once(open_tab, snapshot):
    tab = open_tab(SourceTab, snapshot)
    shown = tab.text.toPlainText()
    assert "20170714-m6.JPG" not in shown and "20170714-m8.jpg" not in shown
    assert shown.count(LEAD_CAPTION) == 1
    assert CAPTION in shown
    # the stored article is unchanged
    assert "20170714-m6.JPG" in snapshot.briefing.article_text


def test_captions_look_like_captions(open_tab, snapshot):
    tab = open_tab(SourceTab, snapshot)
    body = _format_of(tab, "Theo báo cáo tại Hội nghị")
    for caption in (CAPTION, LEAD_CAPTION):
        fmt = _format_of(tab, caption)
        assert fmt.fontItalic() and not body.fontItalic()
        assert fmt.fontPointSize() < tab.font().pointSizeF()
        assert fmt.foreground().color() != tab.text.palette().text().color()


def test_a_passage_after_the_photos_is_highlighted_exactly(open_tab, snapshot):
    tab = open_tab(SourceTab, snapshot)
    indicator = max(snapshot.indicators, key=lambda i: i.source_offset or 0)
    tab.highlight(indicator.source_offset, len(indicator.source_text))
    selections = tab.text.extraSelections()
    assert selections[0].cursor.selectedText() == indicator.source_text.replace("\n", "\u2029")
    assert tab.highlighted_text() == indicator.source_text
