"""What a draft holds: plain dataclasses a review can accept, edit or reject one by one (Qt-free).

Every drafted thing carries the character offsets of what it was read from, so a window can
highlight it in the article, and ``unsure``: the fields the rules are not sure of, each with why.
A drafted item's ``id`` is stable for one article (it is made from where the item stands in it),
so a review can keep its decisions by id while the draft is remade.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Span", "DraftFigure", "DraftItem", "DraftMeeting", "DraftEnterprise", "Draft"]

#: (start, end) character offsets into the article text, end exclusive.
Span = tuple[int, int]


@dataclass
class DraftFigure:
    """One stated figure, with the fields of an indicator of the briefing file."""

    id: str  # "figure:<offset>": stable for the article; never written to the file
    key: str  # the indicator's key in the file ("telecom.doanh_thu_vien_thong")
    span: Span  # the figure as written: its value (to value_max for a range), else its first percentage
    sentence: Span  # the shortest whole sentence stating it: the `source`
    sector: str
    label: str  # a short label of ours (vi)
    value: str | None = None  # as written: "72.736.956.416", "2,93", "06"
    value_max: str | None = None
    unit: str | None = None  # vi, as the article writes it ("tỷ đồng", "triệu thuê bao")
    unit_en: str | None = None
    qualifier: str | None = None
    as_of: str | None = None  # "2017-06-30", "2017-06", "2017-H1", "2017"
    parent: str | None = None  # the id (not the key) of the figure this is a part of
    enterprise: str | None = None  # an id of Draft.enterprises
    metric: str | None = None
    plan_pct: str | None = None
    plan_qualifier: str | None = None
    plan: str | None = None
    change_pct: str | None = None  # signed: "-2,1" for "giảm 2,1%"
    change_qualifier: str | None = None
    same_period_pct: str | None = None
    compared_with: str | None = None
    #: Where each stated field stands in the article: value, value_max, unit, qualifier, plan_pct, …
    field_spans: dict[str, Span] = field(default_factory=dict)
    #: The keyword the sector was guessed from ("" when none matched).
    sector_hint: str = ""
    #: Field name → why the rules are unsure of it (written as ``# check:`` comments).
    unsure: dict[str, str] = field(default_factory=dict)
    #: A person accepted it in a review: written without its ``# check:`` and ``# guess:`` comments.
    reviewed: bool = False
    #: The id of the measure it counts (resources/measures.yaml), guessed by ``measure_guess`` or written.
    measure: str | None = None
    #: The article's words the measure was guessed from ("" when it was not guessed, or was accepted).
    measure_hint: str = ""
    #: The label in English: the guessed measure's English name, until a person writes one.
    label_en: str | None = None

    @property
    def checks(self) -> list[str]:
        """Why the tool is unsure, one line per field: ``"unit: not in the list of units; …"``."""
        return [f"{name}: {why}" for name, why in self.unsure.items()]


@dataclass
class DraftItem:
    """A candidate achievement or limitation, or a numbered directive."""

    id: str  # "achievement:<offset>", "limitation:<offset>", "directive:<offset>"
    section: str  # "achievements", "limitations" or "directives"
    key: str
    span: Span  # the passage: the `source`
    sector: str
    title: str  # a short title (vi), shortened from the passage
    number: int | None = None  # a directive's number as the article writes it
    focus: Span | None = None  # the part of the passage the title is made from (one of several in a sentence)
    sector_hint: str = ""
    unsure: dict[str, str] = field(default_factory=dict)
    reviewed: bool = False  # as DraftFigure.reviewed

    @property
    def checks(self) -> list[str]:
        return [f"{name}: {why}" for name, why in self.unsure.items()]


@dataclass
class DraftMeeting:
    """The meeting's facts, where the article states them."""

    span: Span  # the sentence(s) they come from
    date: str | None = None
    place: str | None = None
    kind: str | None = None
    chaired_by: str | None = None
    attendees: list[str] = field(default_factory=list)
    connected_sites: str | None = None
    unsure: dict[str, str] = field(default_factory=dict)


@dataclass
class DraftEnterprise:
    """An enterprise whose results the article gives."""

    id: str
    name: str  # as the article first names it ("Tập đoàn VNPT")
    short: str  # "VNPT"


@dataclass
class Draft:
    """A briefing drafted from one article; ``draft_to_yaml`` writes it as a briefing file."""

    briefing_id: str
    article_name: str  # the article's file name, beside the briefing file
    article_text: str
    title: str  # the article's headline, verbatim
    organisation: str
    organisation_en: str | None
    period_vi: str | None
    period_en: str | None
    period_start: str | None
    period_end: str | None
    period_as_of: str | None  # the briefing period as an as_of ("2017-H1")
    published_at: str | None
    authors: list[str]
    meeting: DraftMeeting | None
    figures: list[DraftFigure]
    achievements: list[DraftItem]
    limitations: list[DraftItem]
    directives: list[DraftItem]
    enterprises: list[DraftEnterprise]
    #: Field of the briefing (``period``, ``published_at``, ``authors``…) → why the rules are unsure.
    unsure: dict[str, str] = field(default_factory=dict)

    def items(self) -> list[DraftFigure | DraftItem]:
        """Every drafted figure and item, in the order of the file."""
        return [*self.figures, *self.achievements, *self.limitations, *self.directives]

    def item(self, item_id: str) -> DraftFigure | DraftItem:
        """The figure or item with ``item_id``; KeyError if there is none."""
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)
