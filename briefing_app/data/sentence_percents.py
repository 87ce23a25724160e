"""The percentages a source sentence states, and whether a briefing file's comparison matches one.

"tăng khoảng 15% so với cùng kỳ" states a change of about +15; "giảm 2,1%" a
change of −2,1; "bằng 47,41% so với kế hoạch" a percent of plan. A comparison
figure in a briefing file (``change_pct``, ``plan_pct``, ``same_period_pct``)
must be one of them, with the right direction and qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import Message
from .schema import QUALIFIERS

__all__ = ["PercentMention", "percent_mentions", "check_percent", "COMPARISONS"]

#: The comparison fields of an indicator, and the field holding each one's qualifier (None: it has none).
COMPARISONS = {"plan_pct": "plan_qualifier", "change_pct": "change_qualifier", "same_period_pct": None}

_PERCENT = re.compile(r"(?<![\w.,])((?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)\s?%")
_DIRECTION = re.compile(r"\b(tăng|giảm)\b", re.IGNORECASE)
#: Where a clause ends: a comma, semicolon or full stop followed by a space (not "2,1" or "2.390").
_CLAUSE_END = re.compile(r"[,;:.](?=\s)")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")
_WORDS_AFTER = re.compile(r"^(?:\s+[^\s,;.()]+){1,4}")
#: Qualifiers, longest first, so "vào khoảng" is found before "khoảng".
_QUALIFIERS_LONGEST_FIRST = sorted(QUALIFIERS, key=len, reverse=True)


@dataclass(frozen=True)
class PercentMention:
    """One percentage in a sentence: the number as written, and what the words before it say."""

    text: str  # "2,1"
    direction: str | None  # "tăng" or "giảm" when the clause says so
    qualifier: str | None  # a qualifier written just before the number ("tăng khoảng 15%")
    phrase: str  # the words that state it: "giảm 2,1%", "bằng 47,41% so với kế hoạch"


def percent_mentions(sentence: str) -> list[PercentMention]:
    """Every ``X%`` in ``sentence`` with its direction and qualifier, in order."""
    out = []
    previous_end = 0
    for match in _PERCENT.finditer(sentence):
        ends = [m.end() for m in _CLAUSE_END.finditer(sentence, previous_end, match.start())]
        clause_start = max([previous_end, *ends])
        before = sentence[clause_start:match.start()]
        qualifier = None
        trimmed = before.rstrip()
        for q in _QUALIFIERS_LONGEST_FIRST:
            if trimmed.endswith(q) and (len(trimmed) == len(q) or not trimmed[-len(q) - 1].isalnum()):
                qualifier = q
                trimmed = trimmed[:-len(q)].rstrip()
                break
        directions = list(_DIRECTION.finditer(before))
        if directions:
            direction = directions[-1].group(1).lower()
            phrase_start = clause_start + directions[-1].start()
            phrase_end = match.end()
        else:
            direction = None
            word = _WORD_BEFORE.search(trimmed)
            phrase_start = clause_start + (word.start() if word else len(trimmed))
            after = _WORDS_AFTER.match(sentence[match.end():])
            phrase_end = match.end() + (after.end() if after else 0)
        out.append(PercentMention(match.group(1), direction, qualifier, sentence[phrase_start:phrase_end].strip()))
        previous_end = match.end()
    return out


def _says(mentions: list[PercentMention]) -> Message:
    if not mentions:
        return Message("field_problem.percent.says_none")
    return Message("field_problem.percent.says", phrases=", ".join(repr(m.phrase) for m in mentions))


def check_percent(name: str, text: str, qualifier: str | None, sentence: str) -> list[tuple[str, Message]]:
    """What is wrong with comparison ``name`` written as ``text`` (with ``qualifier``) for ``sentence``,
    as (field, message) pairs; the field is ``name`` or its qualifier's field. The messages quote the file's
    text and the sentence's phrases as written.

    An empty list means it matches a percentage the sentence states. A negative
    ``change_pct`` is a fall, written "giảm X%" in the sentence.
    """
    mentions = percent_mentions(sentence)
    number = text.strip().lstrip("+-")
    negative = text.strip().startswith("-")
    same_number = [m for m in mentions if m.text == number]
    if name == "change_pct":
        relevant = [m for m in mentions if m.direction] or mentions
        if not same_number:
            return [(name, Message("field_problem.percent.not_in_sentence", text=repr(text), says=_says(relevant)))]
        wanted = "giảm" if negative else "tăng"
        matching = [m for m in same_number if m.direction == wanted]
        if not matching:
            opposite = [m for m in same_number if m.direction]
            if opposite:
                fix = number if negative else f"-{number}"
                key = "field_problem.percent.fall_but" if negative else "field_problem.percent.rise_but"
                return [(name, Message(key, text=repr(text), phrase=repr(opposite[0].phrase), fix=repr(fix)))]
            if negative:
                return [(name, Message("field_problem.percent.fall_unsaid", text=repr(text), number=number,
                                       says=_says(same_number)))]
            matching = same_number  # a rise stated without "tăng" ("đạt mức tăng trưởng" is rare, "+13%" too)
    else:
        relevant = [m for m in mentions if not m.direction] or mentions
        if negative:
            key = ("field_problem.percent.negative_plan" if name == "plan_pct"
                   else "field_problem.percent.negative_same_period")
            return [(name, Message(key, text=repr(text)))]
        if not same_number:
            return [(name, Message("field_problem.percent.not_in_sentence", text=repr(text), says=_says(relevant)))]
        matching = [m for m in same_number if not m.direction]
        if not matching:
            key = ("field_problem.percent.change_not_plan" if name == "plan_pct"
                   else "field_problem.percent.change_not_same_period")
            return [(name, Message(key, text=repr(text), says=_says(same_number)))]
    qualifier_field = COMPARISONS[name]
    if qualifier_field is None:
        return []
    if any(m.qualifier == qualifier for m in matching):
        return []
    mention = matching[0]
    if qualifier is None:
        return [(qualifier_field, Message("field_problem.percent.qualifier_missing", phrase=repr(mention.phrase),
                                          field=qualifier_field, qualifier=str(mention.qualifier)))]
    key = "field_problem.percent.qualifier_differs" if mention.qualifier else "field_problem.percent.qualifier_absent"
    return [(qualifier_field, Message(key, qualifier=repr(qualifier), phrase=repr(mention.phrase),
                                      field=qualifier_field))]
