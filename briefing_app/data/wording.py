"""How a figure reads in Vietnamese or English: value, unit, qualifier, comparisons, dates.

Shared by the views, the charts and the printout, so a number is worded the
same way everywhere. Qt-free. The words themselves are in the catalogue (briefing_app/i18n.py);
this module only puts the pieces together.
"""

from __future__ import annotations

from decimal import Decimal

from ..i18n import QUALIFIER_KEYS, tr
from .numbers import format_number
from .periods import parse_period
from .records import Briefing, CitedSource, DerivedValue, Indicator

__all__ = ["meeting_facts", "change_short", "plan_short", "change_number", "qualifier_word", "value_text",
           "figure_text", "percent_text", "comparisons", "as_of_text", "derived_text", "date_text", "plan_progress",
           "MEETING_FACTS", "citation_text"]

#: The facts :func:`meeting_facts` names, in reading order; each is worded by the key ``overview.<fact>``.
MEETING_FACTS = ("what", "when", "where", "chaired_by", "attendees", "sites", "source", "published", "authors")


def qualifier_word(qualifier: str | None, lang: str) -> str:
    """``ước đạt`` in Vietnamese, ``estimated`` in English; empty when there is none."""
    if not qualifier:
        return ""
    key = QUALIFIER_KEYS.get(qualifier)
    return tr(key, lang) if key else qualifier


def value_text(indicator: Indicator, lang: str) -> str:
    """The stated value in the language's notation (``213.355`` / ``213,355``; a range as ``10–20``)."""
    if indicator.value is None:
        return ""
    text = format_number(indicator.value, lang)
    if indicator.value_max is not None:
        text += "–" + format_number(indicator.value_max, lang)
    return text


def figure_text(indicator: Indicator, lang: str, with_qualifier: bool = True) -> str:
    """Value with qualifier and unit: ``ước đạt 213.355 tỷ đồng`` / ``estimated 213,355 billion VND``."""
    if indicator.value is None:
        return ""
    parts = []
    if with_qualifier and indicator.qualifier:
        parts.append(qualifier_word(indicator.qualifier, lang))
    parts.append(value_text(indicator, lang))
    unit = indicator.unit(lang)
    if unit:
        parts.append(unit if unit != "%" else "")
    text = " ".join(p for p in parts if p)
    return text + "%" if unit == "%" else text


def percent_text(value: Decimal | None, lang: str, decimals: int | None = None) -> str:
    return "" if value is None else format_number(value, lang, decimals) + "%"


def comparisons(indicator: Indicator, lang: str) -> list[str]:
    """Every comparison the source states, in words (never only a colour)."""
    out = []
    if indicator.plan_pct is not None:
        # An English plan falls back to the Vietnamese one; the basis below does not (as stated, or the default).
        plan = (indicator.plan_en or indicator.plan_vi if lang == "en" else indicator.plan_vi) or tr(
            "wording.annual_plan", lang)
        out.append(tr("wording.of_plan", lang, pct=plan_short(indicator, lang), plan=_article(plan, lang)))
    basis = _article((indicator.compared_with_en if lang == "en" else indicator.compared_with_vi)
                     or tr("wording.same_period", lang), lang)
    if indicator.change_pct is not None:
        change = indicator.change_pct
        amount = " ".join(filter(None, [qualifier_word(indicator.change_qualifier, lang),
                                        percent_text(abs(change), lang)]))
        out.append(tr("wording.rise" if change >= 0 else "wording.fall", lang, amount=amount, basis=basis))
    if indicator.same_period_pct is not None:
        out.append(tr("wording.of_basis", lang, pct=percent_text(indicator.same_period_pct, lang), basis=basis))
    return out


def plan_short(indicator: Indicator, lang: str) -> str:
    """Percent of plan in a table cell, with its qualifier: ``47,41%``, ``khoảng 49%`` / ``about 49%``."""
    if indicator.plan_pct is None:
        return ""
    word = qualifier_word(indicator.plan_qualifier, lang)
    pct = percent_text(indicator.plan_pct, lang)
    return f"{word} {pct}" if word else pct


def change_short(indicator: Indicator, lang: str) -> str:
    """The change in a table cell: ``+13%``, ``khoảng +15%`` / ``about +15%``, ``−5%``, or
    ``106% cùng kỳ`` / ``106% of last year`` when only the percent of the same period is stated."""
    if indicator.change_pct is not None:
        change = indicator.change_pct
        sign = "+" if change > 0 else "\u2212" if change < 0 else "\u00b1"
        text = sign + percent_text(abs(change), lang)
        word = qualifier_word(indicator.change_qualifier, lang)
        return f"{word} {text}" if word else text
    if indicator.same_period_pct is not None:
        return tr("wording.of_last_year", lang, pct=percent_text(indicator.same_period_pct, lang))
    return ""


def change_number(indicator: Indicator) -> Decimal | None:
    """The change in percent: stated, or implied by "x% of the same period" (x − 100)."""
    if indicator.change_pct is not None:
        return indicator.change_pct
    if indicator.same_period_pct is not None:
        return indicator.same_period_pct - 100
    return None


def _article(phrase: str, lang: str) -> str:
    """English puts "the" before a plan or a period the data names bare ("annual plan" → "the annual plan")."""
    if lang != "en":
        return phrase
    lowered = phrase.lower()
    if lowered.isdigit() or lowered.startswith(("the ", "a ", "an ")):
        return phrase
    return "the " + phrase


def plan_progress(indicator: Indicator) -> Decimal | None:
    """Percent of plan, when stated."""
    return indicator.plan_pct


def date_text(iso: str | None, lang: str) -> str:
    """``2017-07-14`` → ``14/07/2017`` / ``14 Jul 2017``; periods (``2017-H1``) in words; anything
    that is not a date or period (month 13, 30 February) as written."""
    if not iso:
        return ""
    period = parse_period(iso)
    if period is None:
        return iso
    year = str(period.year)
    if period.kind == "half":
        return tr("date.first_half" if period.number == 1 else "date.second_half", lang, year=year)
    if period.kind == "quarter":
        return tr("date.quarter", lang, quarter=period.number, year=year)
    if period.kind == "year":
        return tr("date.year", lang, year=year)
    month = period.start.month
    names = {"month": month, "month_name": _month_name(month, lang), "year": year}
    if period.kind == "month":
        return tr("date.month", lang, **names)
    text = tr("date.day", lang, day=period.start.day, **names)
    return f"{text} {period.time}" if period.time else text


def _month_name(month: int, lang: str) -> str:
    """``7`` → ``Jul``."""
    return tr(f"month.{month}", lang)


def as_of_text(indicator: Indicator, lang: str) -> str:
    return date_text(indicator.as_of, lang)


def _decimals_of(indicator: Indicator) -> int:
    if indicator.value is None:
        return 0
    exponent = indicator.value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def derived_text(derived: DerivedValue, indicator: Indicator | None, lang: str) -> str:
    """``Kế hoạch năm 2017 (suy ra): ≈ 450.021 tỷ đồng`` — rounded to the stated value's precision."""
    decimals = _decimals_of(indicator) if indicator is not None else 2
    # Never more decimals than the derived value has: one rounded from an approximate percentage
    # ("khoảng 15%" → ≈ 27 tỷ USD) must not read as 27,00.
    exponent = derived.value.as_tuple().exponent
    own = max(0, -exponent) if isinstance(exponent, int) else 0
    value = format_number(derived.value, lang, min(decimals, own))
    unit = derived.unit(lang)
    return f"{derived.label(lang)}: ≈ {value}{'%' if unit == '%' else ' ' + unit if unit else ''}"


def meeting_facts(briefing: Briefing, lang: str) -> list[tuple[str, str]]:
    """The meeting and its source as (fact, text) pairs, in reading order, empty ones left out.

    Facts (:data:`MEETING_FACTS`): what, when, where, chaired_by, attendees (one per line), sites, source,
    published, authors.
    """
    def pick(vi: str | None, en: str | None) -> str:
        return (en if lang == "en" and en else vi) or ""

    b = briefing
    facts = [
        ("what", pick(b.meeting_kind_vi, b.meeting_kind_en)),
        ("when", date_text(b.meeting_date, lang)),
        ("where", pick(b.meeting_place_vi, b.meeting_place_en)),
        ("chaired_by", b.chaired_by or ""),
        ("attendees", "\n".join(b.attendees)),
        ("sites", str(b.connected_sites) if b.connected_sites is not None else ""),
        ("source", " — ".join(p for p in (b.source_title, pick(b.source_publisher_vi, b.source_publisher_en)) if p)),
        ("published", date_text(b.source_published_at, lang)),
        ("authors", ", ".join(b.source_authors)),
    ]
    return [(name, text) for name, text in facts if text]


def citation_text(source: CitedSource, lang: str) -> str:
    """A cited article in one line, where its sentence would stand: "Nguồn: <title> — <publisher>, <date>,
    <url>" (the date "không ghi ngày" / "date not stated" when the article gives none). Plain text."""
    date = date_text(source.published_at, lang) if source.published_at else tr("citation.no_date", lang)
    return tr("citation.line", lang, title=source.title, publisher=source.publisher(lang), date=date, url=source.url)
