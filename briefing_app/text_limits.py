"""How much of a long database text is laid out, on screen and on paper (Qt-free: the window and the report use it).

Laying out text costs time that grows faster than its length: a 1 MB title without spaces
took two minutes to wrap in a list, and froze the window. The database may come from anyone,
so every view caps what it lays out — a cell or a title at :data:`LIST_CHARS`, a tooltip at
:data:`TOOLTIP_CHARS`, a reading pane's text at :data:`PANE_CHARS`, a printed paragraph at
:data:`PRINT_CHARS` —
and says so: a cut cell ends with "…", a cut passage with "… (text shortened: N characters)".
Searching, copying and exporting still use the whole text.

Both cuts also show bidirectional controls visibly (:func:`briefing_app.data.text.shown`), so the
text a view passes through here can neither freeze it nor reorder what the reader sees.
"""

from __future__ import annotations

from .data.text import shown
from .i18n import tr_n

__all__ = ["LIST_CHARS", "TOOLTIP_CHARS", "PANE_CHARS", "PRINT_CHARS", "ELLIPSIS", "elide", "shorten"]

#: A cell of a list, table or tree, a window title, a status bar text, a chart label.
LIST_CHARS = 300
#: A tooltip.
TOOLTIP_CHARS = 3000
#: The text laid out in a reading pane.
PANE_CHARS = 20_000
#: One printed paragraph, title or cell: a printed piece is never split across pages, so it must fit
#: on one (the longest passage of the bundled briefing has 733 characters).
PRINT_CHARS = 2_000
ELLIPSIS = "…"


def elide(text: str, limit: int = LIST_CHARS) -> str:
    """``text`` if it has at most ``limit`` characters, else its first ones ending in "…" (bidi controls shown)."""
    if len(text) <= limit:
        return shown(text)
    return shown(text[:limit - 1]) + ELLIPSIS


def shorten(text: str, lang: str, limit: int = PANE_CHARS) -> str:
    """``text`` if it has at most ``limit`` characters, else its first ``limit`` followed by a visible
    note of how long it really is: "… (text shortened: 1,000,000 characters)"."""
    if len(text) <= limit:
        return shown(text)
    return shown(text[:limit]) + ELLIPSIS + " " + tr_n("text.shortened", len(text), lang)
