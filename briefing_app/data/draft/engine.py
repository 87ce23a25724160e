"""Draft a briefing from an article's text: the orchestration of the rules (Qt-free, no network)."""

from __future__ import annotations

import re

from .dates import briefing_period
from .enterprises import find_enterprises
from .figures import find_figures
from .measure_guess import guess_measures
from .model import Draft, Span
from .prose import find_achievements_and_limitations, find_directives, find_meeting
from .text import split_article

__all__ = ["draft_briefing"]

_PUBLISHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})[ \u00a0]+(\d{1,2}):(\d{2})")
_MINISTRY = re.compile(r"Bộ (?:TT&TT|TT-TT|Thông tin và Truyền thông)")


def draft_briefing(article_text: str, briefing_id: str, article_name: str = "article.txt") -> Draft:
    """A briefing drafted from ``article_text``: every figure it states, the meeting, the numbered
    directives and candidate achievements and limitations, each with what the rules are unsure of.

    ``article_name`` is the article's file name, written as ``briefing.source.article`` (the article
    must stand beside the briefing file). Nothing is read or written here.
    """
    text = article_text
    paragraphs = split_article(text)
    headline = text[paragraphs[0].start:paragraphs[0].end] if paragraphs else ""
    unsure: dict[str, str] = {}
    published_at = None
    for paragraph in paragraphs[1:3]:
        m = _PUBLISHED.search(text, paragraph.start, paragraph.end)
        if m:
            day, month, printed_year, hour, minute = (int(g) for g in m.groups())
            published_at = f"{printed_year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
            break
    fallback_year = int(published_at[:4]) if published_at else None
    period_vi, period_en, start, end, as_of = briefing_period(headline, fallback_year)
    if period_vi is None:
        period_vi = headline[:200] or "?"
        unsure["period"] = "the headline names no half, quarter or year; write the period"
    year: int | None = int(start[:4]) if start else fallback_year
    authors: list[str] = []
    if paragraphs and len(paragraphs) > 3:
        last = text[paragraphs[-1].start:paragraphs[-1].end]
        if len(last) <= 80 and not last.endswith((".", ":", ";")) and len(last.split()) <= 10:
            authors = [a.strip() for a in re.split(r"[ \u00a0]+-[ \u00a0]+|,|;", last) if a.strip()]
            unsure["authors"] = "the article's last line, read as its authors"
    if _MINISTRY.search(text):
        organisation, organisation_en = "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications"
    else:
        organisation, organisation_en = "?", None
        unsure["organisation"] = "no ministry named as the article's subject; write who reports"
    enterprises = find_enterprises(text)
    meeting = find_meeting(text, paragraphs)
    skip: tuple[Span, ...] = (meeting.span,) if meeting else ()
    if paragraphs:
        # A headline restates a figure of the body, rounded ("hơn 2 triệu tỉ đồng"): the body's sentence is
        # the source, so the headline drafts none.
        skip += ((paragraphs[0].start, paragraphs[0].end),)
    figures = find_figures(text, paragraphs, enterprises, as_of, year, skip=skip)
    names = [n for e in enterprises.values() for n in (e.name, e.short)]
    figures = guess_measures(text, figures, names, str(year) if year else None)
    directives = find_directives(text, paragraphs)
    stop = directives[0].span[0] if directives else len(text)
    achievements, limitations = find_achievements_and_limitations(text, paragraphs, stop, skip=skip)
    used = {f.enterprise for f in figures if f.enterprise}
    return Draft(briefing_id=briefing_id, article_name=article_name, article_text=text, title=headline,
                 organisation=organisation, organisation_en=organisation_en, period_vi=period_vi,
                 period_en=period_en, period_start=start, period_end=end, period_as_of=as_of,
                 published_at=published_at, authors=authors, meeting=meeting, figures=figures,
                 achievements=achievements, limitations=limitations, directives=directives,
                 enterprises=[e for e in enterprises.values() if e.id in used], unsure=unsure)
