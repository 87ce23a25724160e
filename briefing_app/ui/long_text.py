"""Moved to :mod:`briefing_app.text_limits` (Qt-free, shared with the report); this shim keeps old imports working.

Import from ``briefing_app.text_limits`` in new code: this module goes once every caller has moved.
"""

from __future__ import annotations

from ..text_limits import ELLIPSIS, LIST_CHARS, PANE_CHARS, PRINT_CHARS, TOOLTIP_CHARS, elide, shorten

__all__ = ["LIST_CHARS", "TOOLTIP_CHARS", "PANE_CHARS", "PRINT_CHARS", "ELLIPSIS", "elide", "shorten"]
