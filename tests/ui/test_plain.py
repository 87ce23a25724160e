"""plain.escape is html.escape(quote=True) without importing html; plain labels show markup literally."""

import html

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.ui.plain import escape, plain_label


@given(st.text())
def test_escape_is_html_escape_with_quotes(text):
    assert escape(text) == html.escape(text, quote=True)


def test_escape_takes_any_value_and_never_escapes_twice():
    assert escape(12) == "12"
    assert escape('<a href="x">&amp;</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;"


def test_a_plain_label_shows_markup_as_written(qtbot):
    from PySide6.QtCore import Qt

    label = plain_label("<b>Hà Nội</b> & 'x'")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>Hà Nội</b> & 'x'"
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
