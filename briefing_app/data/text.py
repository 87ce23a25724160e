"""Database text made safe to show: bidirectional controls become visible marks.

A right-to-left override (U+202E) in a title makes "\u202eevil" display as "live": the
reader sees text that is not there. Every place that shows database text (the window,
its tooltips and search results, the PDF) passes it through :func:`shown`, which
replaces each bidi control with a visible mark such as ``‹U+202E›``. Stored and
exported data are left as they are. (Qt-free, for the report and the command line too.)
"""

from __future__ import annotations

__all__ = ["BIDI_CONTROLS", "shown"]

#: Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the marks LRM, RLM and ALM.
BIDI_CONTROLS = (tuple(range(0x202A, 0x202F)) + tuple(range(0x2066, 0x206A)) + (0x200E, 0x200F, 0x061C))

_VISIBLE = {code: f"‹U+{code:04X}›" for code in BIDI_CONTROLS}
_ANY = frozenset(map(chr, BIDI_CONTROLS))


def shown(text: str) -> str:
    """``text`` with every bidirectional control character replaced by a visible ``‹U+XXXX›``."""
    # Most texts hold none: a set test is cheaper than translate for the common case.
    if _ANY.isdisjoint(text):
        return text
    return text.translate(_VISIBLE)
