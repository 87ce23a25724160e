"""Explain why a ``source`` passage is not found word for word in its article.

A passage copied by hand differs from the article in a few typical ways: a
non-breaking space, a straight quote for a curly one, a line break, a spelling
variant (``tỉ``/``tỷ``), or decomposed Unicode (NFD). The explanation says where
the passage stops matching (line and column in the article), shows both texts
from there with visible escapes, and names the likely cause.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Mismatch", "find_mismatch", "visible"]

QUOTES = frozenset("“”‘’\"'„‟‚‛«»")
_NBSP = "\u00a0"
#: Vietnamese y/i spelling variants (tỉ/tỷ, kĩ/kỹ, quí/quý): y with a tone mark → i with the same mark.
_Y_TO_I = str.maketrans("yýỳỷỹỵYÝỲỶỸỴ", "iíìỉĩịIÍÌỈĨỊ")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
#: How many characters of each text the explanation shows from the point of difference.
SHOWN = 12


@dataclass(frozen=True)
class Mismatch:
    """Where the best partial match of a passage ends in the article, and why it likely ends there."""

    matched: int  # characters of the passage found in the article (its longest prefix that occurs there)
    offset: int  # the article's offset right after that prefix
    line: int  # 1-based line of ``offset`` in the article
    column: int  # 1-based column of ``offset`` in the article
    source_rest: str  # the passage from the point of difference (at most SHOWN characters)
    article_rest: str  # the article from the point of difference (at most SHOWN characters)
    cause: str | None  # the likely cause in words, or None when none is recognised

    def describe(self, article_name: str) -> str:
        """One sentence for a problem report: where, what differs, and the likely cause."""
        where = f"{article_name}:{self.line}:{self.column}"
        if self.matched == 0:
            text = f"not even its start ({visible(self.source_rest)}) occurs in the article"
        else:
            article_rest = visible(self.article_rest) if self.article_rest else "the end of the article"
            text = (f"the first {self.matched} characters match up to {where}, where the source has "
                    f"{visible(self.source_rest)} and the article has {article_rest}")
        return f"{text}; likely cause: {self.cause}" if self.cause else text


def visible(text: str) -> str:
    """``repr``-like quoting that makes invisible differences visible: ``'tỷ\\xa0đồng'``, ``'\\n'``,
    ``'e\\u0301'`` (a combining accent), while Vietnamese letters and curly quotes print as they are."""
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == " ":
            out.append(ch)
        elif category[0] in "CZ" or category in ("Mn", "Me"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def _longest_prefix(source: str, article: str) -> tuple[int, int]:
    """The length of the longest prefix of ``source`` that occurs in ``article``, and where it first occurs."""
    low, high = 0, len(source)  # a prefix of length ``low`` occurs; is there a longer one?
    while low < high:
        mid = (low + high + 1) // 2
        if source[:mid] in article:
            low = mid
        else:
            high = mid - 1
    return low, (article.find(source[:low]) if low else 0)


def _word_at(text: str, index: int) -> str:
    for match in _WORD.finditer(text):
        if match.start() <= index <= match.end():
            return match.group(0)
    return ""


def _base(ch: str) -> str:
    """A letter without its accents and tone marks (ạ → a, ế → e)."""
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()


def _cause(source: str, article: str, matched: int, offset: int) -> str | None:
    a = source[matched:matched + 1]
    b = article[offset:offset + 1]
    if _NBSP in (a, b):
        return ("a non-breaking space (U+00A0) in the source where the article has "
                f"{visible(b)}" if a == _NBSP else
                f"the article has a non-breaking space (U+00A0) where the source has {visible(a)}")
    if a in QUOTES and b in QUOTES:
        return f"a different quote or apostrophe: the source has {a} (U+{ord(a):04X}), the article {b} (U+{ord(b):04X})"
    if (a and unicodedata.combining(a)) or (b and unicodedata.combining(b)) or (
            unicodedata.normalize("NFC", source) in unicodedata.normalize("NFC", article)):
        which = "the source" if unicodedata.normalize("NFC", source) != source else "the article"
        return (f"Unicode normalisation: {which} has decomposed letters (NFD, a letter followed by a "
                "combining accent); save it as NFC (composed)")
    if a.isspace() or b.isspace():
        kind = "line break" if "\n" in (a, b) else "space"
        return (f"whitespace: an extra or missing {kind} (copy the passage with the article's spaces and "
                "line breaks exactly)")
    source_word, article_word = _word_at(source, matched), _word_at(article, offset)
    if (source_word != article_word and source_word.translate(_Y_TO_I) == article_word.translate(_Y_TO_I)):
        return (f"a spelling variant: the source writes {source_word!r}, the article {article_word!r} "
                "(y/i, as in tỉ/tỷ, kĩ/kỹ, quí/quý); copy the article's spelling")
    if a and b and _base(a) == _base(b):
        return f"a different accent or tone mark: the source writes {source_word!r}, the article {article_word!r}"
    # Nothing at the point of difference itself: does the whole passage match once spaces are ignored?
    if _SPACES.sub(" ", source).strip() in _SPACES.sub(" ", article):
        return "whitespace: spaces or line breaks differ from the article's"
    return None


def find_mismatch(source: str, article: str) -> Mismatch:
    """Where ``source`` (not found in ``article``) stops matching it, and the likely cause."""
    matched, start = _longest_prefix(source, article)
    offset = start + matched
    line = article.count("\n", 0, offset) + 1
    column = offset - (article.rfind("\n", 0, offset) + 1) + 1
    return Mismatch(matched, offset, line, column, source[matched:matched + SHOWN],
                    article[offset:offset + SHOWN], _cause(source, article, matched, offset))
