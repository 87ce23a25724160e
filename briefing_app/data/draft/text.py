"""Paragraphs and sentences of an article, as character offsets (so a source is a slice, exact).

A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space and a capital, a digit, a quote or
an opening bracket, or at the end of its paragraph (a line). Not an end: ``2.390`` (no space),
``TP. Hồ Chí Minh`` (a short abbreviation), the ``1.`` that numbers a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Span

__all__ = ["Sentence", "Paragraph", "split_article", "WS"]

#: Spaces as articles write them: a non-breaking space is common between a number and its unit.
WS = "[ \u00a0\u2009\u202f\t]"
_END = re.compile(r"(?:[.!?]+|…)(?=[ \u00a0\u2009\u202f\t]+[\"“‘'(\[«A-ZÀ-Ỹ\d])", re.UNICODE)
_LIST_MARKER = re.compile(r"[ \t]*\d{1,2}\.[ \u00a0]")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-ZĐ][a-zđ]?|TP|TS|ThS|PGS|GS|Th|v\.v)$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of its paragraph

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    index: int
    sentences: tuple[Sentence, ...]

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_article(text: str) -> list[Paragraph]:
    """The article's non-empty lines, each with its sentences, as offsets into ``text``."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for line in text.split("\n"):
        start, end = _trim(text, offset, offset + len(line))
        offset += len(line) + 1
        if start == end:
            continue
        index = len(paragraphs)
        sentences = []
        cursor = start
        marker = _LIST_MARKER.match(text, start)
        search_from = marker.end() if marker else start
        for match in _END.finditer(text, search_from, end):
            before = text[cursor:match.start()]
            if match.group() == "." and _ABBREVIATION.search(before):
                continue
            s, e = _trim(text, cursor, match.end())
            if s < e:
                sentences.append(Sentence(s, e, index))
            cursor = match.end()
        s, e = _trim(text, cursor, end)
        if s < e:
            sentences.append(Sentence(s, e, index))
        paragraphs.append(Paragraph(start, end, index, tuple(sentences)))
    return paragraphs
