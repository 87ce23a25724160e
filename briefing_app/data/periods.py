"""Dates and periods as briefing files write them: ``2017-06-30``, ``2017-06``, ``2017-H1``, ``2017-Q2``, ``2017``.

The one reading of these strings (Qt-free): the validator checks them with :data:`PERIOD` and
:data:`DATETIME`, the figures table sorts them by :func:`period_end`, and the wording shows them
from :func:`parse_period`. A period ends on its real last day (``2017-Q2`` → 30 June, ``2017-02`` →
28 February), so a quarter sorts with the date that closes it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

__all__ = ["PERIOD", "DATETIME", "Period", "parse_period", "period_end"]

#: An ``as_of``: a date, a month, a half (H1, H2), a quarter (Q1…Q4) or a year.
PERIOD = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-H[12]|-Q[1-4])?")
#: A date with an optional local time (``published_at``, ``meeting.date``, ``period.start``).
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?")

_READ = re.compile(r"(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|H(?P<half>[12])|Q(?P<quarter>[1-4])))?"
                   r"(?:T(?P<time>\d{2}:\d{2}(?::\d{2})?))?")


class Period(NamedTuple):
    """A date or period read from its text. ``kind`` is day, month, half, quarter or year;
    ``number`` is the month, half or quarter (0 for a day or a year); ``time`` is ``13:06`` or ``""``."""

    kind: str
    year: int
    number: int
    start: date
    end: date
    time: str = ""


def parse_period(text: str | None) -> Period | None:
    """``text`` read as a date or period; None when it is not one (or names a day that does not exist)."""
    if not text:
        return None
    match = _READ.fullmatch(text)
    if match is None:
        return None
    year = int(match["year"])
    time = match["time"] or ""
    try:
        if match["day"] is not None:
            day = date(year, int(match["month"]), int(match["day"]))
            return Period("day", year, 0, day, day, time)
        if time:  # a time belongs to a day only
            return None
        if match["month"] is not None:
            month = int(match["month"])
            return Period("month", year, month, date(year, month, 1), _last_day(year, month))
    except ValueError:  # month 13, 30 February
        return None
    if match["half"] is not None:
        half = int(match["half"])
        return Period("half", year, half, date(year, 6 * half - 5, 1), _last_day(year, 6 * half))
    if match["quarter"] is not None:
        quarter = int(match["quarter"])
        return Period("quarter", year, quarter, date(year, 3 * quarter - 2, 1), _last_day(year, 3 * quarter))
    return Period("year", year, 0, date(year, 1, 1), date(year, 12, 31))


def period_end(text: str | None) -> str | None:
    """A text that sorts dates and periods by when they end (``2017-Q2`` and ``2017-H1`` → ``2017-06-30``;
    a day keeps its time). None for no text; a text that is not a period is returned as it is."""
    if not text:
        return None
    period = parse_period(text)
    if period is None:
        return text
    if period.kind == "day":
        return text
    return period.end.isoformat()


def _last_day(year: int, month: int) -> date:
    # The day before the first of the next month (no calendar module on the window's start-up path).
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
