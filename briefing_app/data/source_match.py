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

from ..i18n import Message

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
    cause: Message | None  # the likely cause, or None when none is recognised

    def describe(self, article_name: str) -> Message:
        """One sentence for a problem report, in the reader's language: where, what differs, and the likely
        cause. The texts shown stay as written (with :func:`visible` escapes)."""
        where = f"{article_name}:{self.line}:{self.column}"
        if self.matched == 0:
            text = Message("field_problem.match.none", start=visible(self.source_rest))
        else:
            article_rest = (visible(self.article_rest) if self.article_rest
                            else Message("field_problem.match.article_end"))
            text = Message("field_problem.match.partial", matched=self.matched, where=where,
                           source=visible(self.source_rest), article=article_rest)
        return Message("field_problem.match.with_cause", text=text, cause=self.cause) if self.cause else text


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


def _cause(source: str, article: str, matched: int, offset: int) -> Message | None:
    a = source[matched:matched + 1]
    b = article[offset:offset + 1]
    if _NBSP in (a, b):
        return (Message("field_problem.cause.nbsp_in_source", other=visible(b)) if a == _NBSP
                else Message("field_problem.cause.nbsp_in_article", other=visible(a)))
    if a in QUOTES and b in QUOTES:
        return Message("field_problem.cause.quote", source=a, source_code=f"{ord(a):04X}",
                       article=b, article_code=f"{ord(b):04X}")
    if (a and unicodedata.combining(a)) or (b and unicodedata.combining(b)) or (
            unicodedata.normalize("NFC", source) in unicodedata.normalize("NFC", article)):
        in_source = unicodedata.normalize("NFC", source) != source
        return Message("field_problem.cause.nfd_source" if in_source else "field_problem.cause.nfd_article")
    if a.isspace() or b.isspace():
        return Message("field_problem.cause.line_break" if "\n" in (a, b) else "field_problem.cause.space")
    source_word, article_word = _word_at(source, matched), _word_at(article, offset)
    if (source_word != article_word and source_word.translate(_Y_TO_I) == article_word.translate(_Y_TO_I)):
        return Message("field_problem.cause.spelling", source=repr(source_word), article=repr(article_word))
    if a and b and _base(a) == _base(b):
        return Message("field_problem.cause.accent", source=repr(source_word), article=repr(article_word))
    # Nothing at the point of difference itself: does the whole passage match once spaces are ignored?
    if _SPACES.sub(" ", source).strip() in _SPACES.sub(" ", article):
        return Message("field_problem.cause.spaces")
    return None


def find_mismatch(source: str, article: str) -> Mismatch:
    """Where ``source`` (not found in ``article``) stops matching it, and the likely cause."""
    matched, start = _longest_prefix(source, article)
    offset = start + matched
    line = article.count("\n", 0, offset) + 1
    column = offset - (article.rfind("\n", 0, offset) + 1) + 1
    return Mismatch(matched, offset, line, column, source[matched:matched + SHOWN],
                    article[offset:offset + SHOWN], _cause(source, article, matched, offset))
