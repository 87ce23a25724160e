"""Write a draft as a briefing file (``docs/briefing-file.md``), with ``# check:`` comments where the rules
are unsure and ``# guess:`` on every guessed sector and measure (and on the English label a measure gave).
Written by hand, not by a YAML library, so the comments stand on the lines they are about; every text is a
double-quoted YAML string."""

from __future__ import annotations

from collections.abc import Iterable

from ..briefing_format import FORMAT
from .model import Draft, DraftFigure, DraftItem
from .sectors import SECTORS

__all__ = ["draft_to_yaml", "quote"]

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\u00a0": "\\_", "\u0085": "\\N",
            "\u2028": "\\L", "\u2029": "\\P"}


def quote(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: a non-breaking space stays visible as ``\\_``."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20 or 0x7F <= code < 0xA0 or ch == "\ufeff":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(text: str | None) -> str:
    return "null" if text is None else quote(text)


def _i18n(vi: str | None, en: str | None = None) -> str:
    if vi is None:
        return "null"
    return f"{{vi: {quote(vi)}, en: {quote(en)}}}" if en else f"{{vi: {quote(vi)}}}"


def _comment(kind: str, why: str | None) -> str:
    return f"  # {kind}: {' '.join(why.split())}" if why else ""


def draft_to_yaml(draft: Draft, keep: Iterable[str] | None = None) -> str:
    """The briefing file for ``draft``, holding the items whose ``id`` is in ``keep`` (all when None).

    A kept figure whose total was not kept loses its ``parent``; kept directives are numbered 1, 2, 3 …
    in order (the validator wants them so), with a check where that differs from the article.
    """
    kept = None if keep is None else set(keep)

    def wanted(item: DraftFigure | DraftItem) -> bool:
        return kept is None or item.id in kept

    text = draft.article_text
    lines = [
        f"# Drafted by 'briefing-app draft' from {draft.article_name}: check every line marked '# check:' and",
        "# every '# guess:', write the labels and titles in your own words, then 'briefing-app validate' it.",
        f"format: {quote(FORMAT)}",
        "briefing:",
        f"  id: {quote(draft.briefing_id)}",
        f"  organisation: {_i18n(draft.organisation, draft.organisation_en)}"
        + _comment("check", draft.unsure.get("organisation")),
        f"  title: {_i18n(draft.title)}  # check: the headline; shorten it to the meeting's title",
    ]
    period = [f"vi: {quote(draft.period_vi or '?')}"]
    if draft.period_en:
        period.append(f"en: {quote(draft.period_en)}")
    if draft.period_start:
        period.append(f"start: {quote(draft.period_start)}")
    if draft.period_end:
        period.append(f"end: {quote(draft.period_end)}")
    lines.append(f"  period: {{{', '.join(period)}}}" + _comment("check", draft.unsure.get("period")))
    meeting = draft.meeting
    if meeting is not None:
        lines.append("  meeting:")
        if meeting.date:
            lines.append(f"    date: {quote(meeting.date)}")
        if meeting.place:
            lines.append(f"    place: {_i18n(meeting.place)}")
        if meeting.kind:
            lines.append(f"    kind: {_i18n(meeting.kind)}")
        if meeting.chaired_by:
            lines.append(f"    chaired_by: {quote(meeting.chaired_by)}"
                         + _comment("check", meeting.unsure.get("chaired_by")))
        if meeting.attendees:
            lines.append("    attendees:" + _comment("check", meeting.unsure.get("attendees")))
            lines.extend(f"      - {quote(a)}" for a in meeting.attendees)
        if meeting.connected_sites:
            lines.append(f"    connected_sites: {quote(meeting.connected_sites)}")
        lines.append(f"    source: {quote(text[meeting.span[0]:meeting.span[1]])}")
    lines.append("  source:")
    lines.append(f"    title: {quote(draft.title)}")
    if draft.published_at:
        lines.append(f"    published_at: {quote(draft.published_at)}")
    if draft.authors:
        lines.append(f"    authors: [{', '.join(quote(a) for a in draft.authors)}]"
                     + _comment("check", draft.unsure.get("authors")))
    lines.append(f"    article: {quote(draft.article_name)}")
    lines.append("sectors:")
    lines.extend(f"  - {{id: {quote(i)}, vi: {quote(vi)}, en: {quote(en)}}}" for i, vi, en in SECTORS)
    figures = [f for f in draft.figures if wanted(f)]
    used = {f.enterprise for f in figures if f.enterprise}
    enterprises = [e for e in draft.enterprises if e.id in used]
    if enterprises:
        lines.append("enterprises:")
        lines.extend(f"  - {{id: {quote(e.id)}, name: {_i18n(e.name)}, short: {quote(e.short)}}}"
                     for e in enterprises)
    keys = {f.id: f.key for f in figures}
    lines.append("")
    lines.append("indicators:" if figures else "indicators: []")
    for figure in figures:
        lines.extend(_figure_lines(figure, keys, text))
    for section in ("achievements", "limitations", "directives"):
        items = [i for i in getattr(draft, section) if wanted(i)]
        lines.append("")
        lines.append(f"{section}:" if items else f"{section}: []")
        for number, item in enumerate(items, start=1):
            lines.extend(_item_lines(item, text, number if section == "directives" else None))
    return "\n".join(lines) + "\n"


def _sector_comment(item: DraftFigure | DraftItem) -> str:
    if item.reviewed:
        return ""
    return (_comment("guess", f"from '{item.sector_hint}'") if item.sector_hint
            else _comment("check", "no keyword found; set the sector"))


def _measure_comment(f: DraftFigure) -> str:
    """A guessed measure is pending review: ``# guess: from '<the article's words it matched>'``."""
    return "" if f.reviewed or not f.measure_hint else _comment("guess", f"from '{f.measure_hint}'")


def _label_guess(f: DraftFigure) -> str:
    """The English label a guessed measure gave is a guess as well."""
    return _comment("guess", "en: the measure's name") if _measure_comment(f) and f.label_en else ""


def _figure_lines(f: DraftFigure, keys: dict[str, str], text: str) -> list[str]:
    unsure: dict[str, str] = {} if f.reviewed else f.unsure  # a person checked a reviewed figure
    why = unsure.get
    parent = keys.get(f.parent) if f.parent else None
    unit = None if f.unit is None else _i18n(f.unit, f.unit_en)
    rows = [
        f"  - key: {quote(f.key)}",
        f"    sector: {quote(f.sector)}" + _sector_comment(f),
        f"    label: {_i18n(f.label, f.label_en)}" + (_comment("check", why("label")) or _label_guess(f)),
        f"    value: {_value(f.value)}" + _comment("check", why("value")),
        f"    value_max: {_value(f.value_max)}",
        f"    unit: {unit or 'null'}" + _comment("check", why("unit")),
        f"    qualifier: {_value(f.qualifier)}",
        f"    as_of: {_value(f.as_of)}" + _comment("check", why("as_of")),
        f"    parent: {_value(parent)}" + _comment("check", why("parent")),
        f"    enterprise: {_value(f.enterprise)}",
        f"    metric: {_value(f.metric)}" + _comment("check", why("metric")),
        *([f"    measure: {quote(f.measure)}" + _measure_comment(f)] if f.measure else []),
        f"    plan_pct: {_value(f.plan_pct)}" + _comment("check", why("plan_pct")),
        f"    plan_qualifier: {_value(f.plan_qualifier)}",
        f"    plan: {_i18n(f.plan)}",
        f"    change_pct: {_value(f.change_pct)}" + _comment("check", why("change_pct")),
        f"    change_qualifier: {_value(f.change_qualifier)}",
        f"    same_period_pct: {_value(f.same_period_pct)}" + _comment("check", why("same_period_pct")),
        f"    compared_with: {_i18n(f.compared_with)}",
        f"    source: {quote(text[f.sentence[0]:f.sentence[1]])}",
    ]
    return rows


def _item_lines(item: DraftItem, text: str, number: int | None) -> list[str]:
    rows = []
    if number is not None:
        renumbered = item.number is not None and number != item.number
        rows.append(f"  - number: {number}" + _comment(
            "check", f"the article numbers it {item.number}; directives are numbered in order" if renumbered else None))
        rows.append(f"    key: {quote(item.key)}")
    else:
        rows.append(f"  - key: {quote(item.key)}")
    rows.append(f"    sector: {quote(item.sector)}" + _sector_comment(item))
    title_check = None if item.reviewed else item.unsure.get("title")
    rows.append(f"    title: {_i18n(item.title)}" + _comment("check", title_check))
    rows.append(f"    source: {quote(text[item.span[0]:item.span[1]])}")
    return rows
