"""Plain records the data layer hands out (never cursors, never Qt).

Records are immutable named tuples: they compare and hash by value, and a
database of 100,000 figures builds them quickly. (Frozen dataclasses took
~6 ms just to define here, on the way to the window's first paint, and set
each field of each record through ``object.__setattr__``.)
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

__all__ = ["BriefingSummary", "Briefing", "Sector", "Enterprise", "Indicator", "MeasuredFigure", "Item", "Link",
           "DerivedValue", "Check", "CitedSource"]


def pick(lang: str, vi: str | None, en: str | None) -> str:
    """The text for ``lang``: English where one exists, else the Vietnamese original."""
    if lang == "en" and en:
        return en
    return vi or en or ""


class Briefing(NamedTuple):
    id: str
    position: int
    file_name: str
    organisation_vi: str
    organisation_en: str | None
    title_vi: str
    title_en: str | None
    period_vi: str
    period_en: str | None
    period_start: str | None
    period_end: str | None
    meeting_date: str | None
    meeting_place_vi: str | None
    meeting_place_en: str | None
    meeting_kind_vi: str | None
    meeting_kind_en: str | None
    chaired_by: str | None
    attendees: tuple[str, ...]
    connected_sites: int | None
    meeting_source_text: str | None
    source_title: str
    source_publisher_vi: str | None
    source_publisher_en: str | None
    source_published_at: str | None
    source_authors: tuple[str, ...]
    article_text: str
    #: schema 4: the meeting facts' cited article and locator, in a briefing cited by reference
    meeting_cited: str | None = None
    meeting_locator: str | None = None

    def __repr__(self) -> str:  # without the article
        return f"Briefing(id={self.id!r}, title_vi={self.title_vi!r}, period_vi={self.period_vi!r})"

    def title(self, lang: str) -> str:
        return pick(lang, self.title_vi, self.title_en)

    def organisation(self, lang: str) -> str:
        return pick(lang, self.organisation_vi, self.organisation_en)

    def period(self, lang: str) -> str:
        return pick(lang, self.period_vi, self.period_en)


class BriefingSummary(NamedTuple):
    """What a list of briefings needs (no article text: a database may hold hundreds)."""

    id: str
    position: int
    title_vi: str
    title_en: str | None
    period_vi: str
    period_en: str | None

    def title(self, lang: str) -> str:
        return pick(lang, self.title_vi, self.title_en)

    def period(self, lang: str) -> str:
        return pick(lang, self.period_vi, self.period_en)


class Sector(NamedTuple):
    id: int
    key: str
    position: int
    name_vi: str
    name_en: str | None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_vi, self.name_en)


class Enterprise(NamedTuple):
    id: int
    key: str
    position: int
    name_vi: str
    name_en: str | None
    short_name: str | None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_vi, self.name_en)


class Indicator(NamedTuple):
    """A figure as the source states it. Numbers are exact Decimals parsed from the stated text."""

    id: int
    key: str
    position: int
    sector_id: int
    enterprise_id: int | None
    metric: str | None
    label_vi: str
    label_en: str | None
    value: Decimal | None
    value_text: str | None
    value_max: Decimal | None
    unit_vi: str | None
    unit_en: str | None
    qualifier: str | None
    as_of: str | None
    parent_id: int | None
    depth: int
    plan_pct: Decimal | None
    plan_vi: str | None
    plan_en: str | None
    change_pct: Decimal | None
    change_qualifier: str | None
    same_period_pct: Decimal | None
    compared_with_vi: str | None
    compared_with_en: str | None
    source_text: str
    source_offset: int
    #: "đạt khoảng 49% kế hoạch" → khoảng (schema 2; None in older databases)
    plan_qualifier: str | None = None
    #: the measure this figure counts (``resources/measures.yaml``; schema 3, None in older databases)
    measure: str | None = None
    # schema 4: in a briefing cited by reference, the key of the cited article (source_text is then empty)
    cited: str | None = None
    locator: str | None = None

    @property
    def section(self) -> str:
        """The section, as an :class:`Item` carries it; a field here would make it a column."""
        return "indicators"

    def label(self, lang: str) -> str:
        return pick(lang, self.label_vi, self.label_en)

    def unit(self, lang: str) -> str:
        return pick(lang, self.unit_vi, self.unit_en)

    def title(self, lang: str) -> str:
        return self.label(lang)


class MeasuredFigure(NamedTuple):
    """What a series needs of a figure that names a measure (not its label, sentence or links: a series reads
    thousands across every briefing). Fields are named as in :class:`Indicator`."""

    briefing_id: str
    key: str
    value: Decimal | None
    value_text: str | None
    unit_vi: str | None
    qualifier: str | None
    as_of: str | None
    change_pct: Decimal | None
    change_qualifier: str | None
    same_period_pct: Decimal | None
    compared_with_vi: str | None


class Item(NamedTuple):
    """An achievement, limitation or directive: a short title of ours and the source passage."""

    section: str
    id: int
    key: str
    position: int
    sector_id: int
    title_vi: str
    title_en: str | None
    source_text: str
    source_offset: int
    number: int | None = None
    #: schema 4: the cited article's key, in a briefing cited by reference (source_text is then empty)
    cited: str | None = None
    locator: str | None = None

    def title(self, lang: str) -> str:
        return pick(lang, self.title_vi, self.title_en)


class Link(NamedTuple):
    from_section: str
    from_id: int
    to_section: str
    to_id: int
    relation: str


class DerivedValue(NamedTuple):
    """A value implied by the source (never stated by it), with its formula."""

    id: int
    indicator_id: int
    kind: str
    value: Decimal
    unit_vi: str | None
    unit_en: str | None
    formula: str
    label_vi: str
    label_en: str

    def label(self, lang: str) -> str:
        return pick(lang, self.label_vi, self.label_en)

    def unit(self, lang: str) -> str:
        return pick(lang, self.unit_vi, self.unit_en)


class Check(NamedTuple):
    """A comparison of the source's figures with each other; ``status`` is "ok" or "mismatch"."""

    id: int
    key: str
    kind: str
    status: str
    indicator_id: int | None
    what_vi: str
    what_en: str | None
    expected: str
    stated: str
    items: tuple[tuple[str, int], ...]

    def what(self, lang: str) -> str:
        return pick(lang, self.what_vi, self.what_en)


class CitedSource(NamedTuple):
    """An article a briefing cites by reference: its own title, publisher, address and date (its text is
    not held). ``published_at`` is None when the article states no date."""

    key: str
    position: int
    title: str
    publisher_vi: str
    publisher_en: str | None
    url: str
    published_at: str | None
    note_vi: str | None
    note_en: str | None

    def publisher(self, lang: str) -> str:
        return pick(lang, self.publisher_vi, self.publisher_en)

    def note(self, lang: str) -> str:
        return pick(lang, self.note_vi, self.note_en) if self.note_vi or self.note_en else ""
