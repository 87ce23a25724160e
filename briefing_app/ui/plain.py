"""Database text is data, never markup: helpers that keep it plain everywhere.

Every helper here also shows bidirectional controls visibly (``‹U+202E›``, see
:mod:`briefing_app.data.text`); text set on a widget or returned from a model without
them goes through :func:`shown`.

Qt properties here are set by name (``setProperty("textFormat", "PlainText")``)
rather than with ``Qt.TextFormat.PlainText``: the first use of PySide6's ``Qt``
namespace costs ~11 ms, and the labels of the window's first paint must not pay it
(see ``tests/ui/test_startup.py``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ..data.text import shown

__all__ = ["plain_label", "escape", "heading_label", "make_plain", "shown"]


#: What ``html.escape(text, quote=True)`` replaces, in one pass. (Importing :mod:`html` costs ~1.5 ms
#: of start-up, for its entity table.)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: object) -> str:
    """Escape text for Qt rich text (also quotes, so it is safe inside attributes); bidi controls shown."""
    return shown(str(text)).translate(_ESCAPES)


def make_plain(widget: QWidget) -> None:
    """Show the text of ``widget`` (a label or message box) literally (``Qt.PlainText``)."""
    widget.setProperty("textFormat", "PlainText")


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True,
                selectable: bool = True) -> QLabel:
    """A label that always shows its text literally (``Qt.PlainText``)."""
    label = QLabel(parent)
    make_plain(label)
    label.setWordWrap(wrap)
    if wrap:
        # Never squeeze wrapped text below the height it needs; let a scroll area scroll instead.
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setProperty("textInteractionFlags", "TextSelectableByMouse|TextSelectableByKeyboard")
    label.setText(shown(text))
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
