"""Fold Vietnamese text for matching: no tone marks, ``đ`` as ``d``, lower case.

Users type ``dien thoai`` and expect ``điện thoại``. SQLite's
``remove_diacritics`` strips combining marks but leaves ``đ`` (a letter of its
own, not a ``d`` with a mark), so we fold before text reaches the index and
before a query reaches SQLite.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "number_variants"]

_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})

# 72.736.956.416 / 213,355: digits grouped by three with '.' or ','.
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def fold(text: str) -> str:
    """Lower-case ``text`` and remove tone marks and other diacritics; ``đ`` → ``d``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def number_variants(text: str) -> str:
    """Grouped numbers in ``text`` written without separators, space separated.

    Indexed beside the text so ``213355`` finds ``213.355`` (the tokenizer
    splits ``213.355`` into ``213`` and ``355``).
    """
    return " ".join(re.sub(r"[.,]", "", m.group(0)) for m in _GROUPED.finditer(text))
