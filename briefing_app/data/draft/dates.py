"""Dates and periods in an article's words, read as a briefing file writes them (``2017-06-30``,
``2017-06``, ``2017-H1``, ``2017``)."""

from __future__ import annotations

import calendar
import re

__all__ = ["as_of_in", "period_phrase_as_of", "briefing_period", "date_in"]

_UP_TO = re.compile(r"(?:tính|tích lũy|lũy kế)?[ \u00a0]*(?:đến|tới)[ \u00a0]+(?:ngày[ \u00a0]+)?"
                    r"(\d{1,2})/(\d{1,2})/(\d{4})"
                    r"|(?:tính|lũy kế)[ \u00a0]+(?:đến|tới)[ \u00a0]+(hết[ \u00a0]+)?tháng[ \u00a0]+(\d{1,2})"
                    r"(?:[/-](\d{4}))?", re.IGNORECASE)
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def as_of_in(sentence: str, year: int | None) -> str | None:
    """The date a stock figure holds at, when the sentence says "Tính đến 30/6/2017", "tính đến hết tháng 6"
    (the month's last day) or "tính đến tháng 6/2017" (the month)."""
    m = _UP_TO.search(sentence)
    if not m:
        return None
    if m.group(1):
        day, month, stated = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(stated, month)[1]:
            return f"{stated:04d}-{month:02d}-{day:02d}"
        return None
    month = int(m.group(5))
    y: int | None = int(m.group(6)) if m.group(6) else year
    if y is None or not 1 <= month <= 12:
        return None
    return _month_end(y, month) if m.group(4) else f"{y:04d}-{month:02d}"


_HALF = re.compile(r"(\d+|sáu)[ \u00a0]+tháng[ \u00a0]+(đầu|cuối)[ \u00a0]+năm(?:[ \u00a0]+(\d{4}))?", re.IGNORECASE)
_QUARTER = re.compile(r"quý[ \u00a0]+(I{1,3}|IV|[1-4])(?:[ \u00a0/]+(?:năm[ \u00a0]+)?(\d{4}))?", re.IGNORECASE)
_YEAR = re.compile(r"(?:cả[ \u00a0]+)?năm[ \u00a0]+(\d{4})", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def period_phrase_as_of(phrase: str, year: int | None) -> str | None:
    """The period a phrase names: "6 tháng đầu năm 2016" → ``2016-H1``, "quý II" → ``<year>-Q2``."""
    m = _HALF.search(phrase)
    if m and m.group(1).lower() in ("6", "06", "sáu"):
        y = int(m.group(3)) if m.group(3) else year
        return f"{y}-H{'1' if m.group(2).lower() == 'đầu' else '2'}" if y else None
    m = _QUARTER.search(phrase)
    if m:
        q = _ROMAN.get(m.group(1).upper()) or int(m.group(1))
        y = int(m.group(2)) if m.group(2) else year
        return f"{y}-Q{q}" if y else None
    return None


def briefing_period(headline: str, fallback_year: int | None) -> tuple[str | None, str | None, str | None,
                                                                        str | None, str | None]:
    """The period a review covers, from its headline: (vi, en, start, end, as_of)."""
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d|19\d\d)(?!\d)", headline)]
    year = years[-1] if years else fallback_year
    if year is None:
        return None, None, None, None, None
    m = _HALF.search(headline)
    if m and m.group(1).lower() in ("6", "06", "sáu") and m.group(2).lower() == "đầu":
        return (f"6 tháng đầu năm {year}", f"First half of {year}", f"{year}-01-01", f"{year}-06-30", f"{year}-H1")
    m = re.search(r"(\d+)[ \u00a0]+tháng(?:[ \u00a0]+đầu năm)?", headline)
    if m and m.group(1) in ("3", "9"):
        months = int(m.group(1))
        end = _month_end(year, months)
        as_of = f"{year}-Q1" if months == 3 else None
        return (f"{months} tháng đầu năm {year}", f"First {months} months of {year}", f"{year}-01-01", end, as_of)
    m = _QUARTER.search(headline)
    if m:
        q = _ROMAN.get(m.group(1).upper()) or int(m.group(1))
        start_month = 3 * (q - 1) + 1
        return (f"Quý {m.group(1)} năm {year}", f"Q{q} {year}", f"{year}-{start_month:02d}-01",
                _month_end(year, start_month + 2), f"{year}-Q{q}")
    if re.search(r"tổng kết|cả năm|năm[ \u00a0]+\d{4}", headline, re.IGNORECASE):
        return f"Năm {year}", f"{year}", f"{year}-01-01", f"{year}-12-31", f"{year}"
    return None, None, None, None, None


def date_in(text: str) -> tuple[str, int, int] | None:
    """The first date ``D/M/YYYY`` in ``text`` as ``YYYY-MM-DD``, with where it stands; None if none."""
    for m in _DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}", m.start(), m.end()
    return None
