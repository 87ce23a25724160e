"""A person's review of a draft: accept, edit or reject each drafted item, add figures the rules missed
(Qt-free; the window in ``ui/draft_review`` is a view of it).

The decisions live here, by item id, never in the draft's items, so the draft can be written again at any
time. What the saved file holds follows them:

- an **accepted** item is written as it stands, without its ``# check:`` / ``# guess:`` comments (a person
  has checked it);
- a **pending** item is written with them (the file still says what to check);
- a **rejected** item is left out.

An edit is checked field by field as it is made (a number in Vietnamese notation, a known qualifier, sector
and measure, a measure the figure's unit converts to) and accepts the item; whether the figure still agrees
with its sentence is the validator's to say when the file is saved (:func:`item_problems` places its problems
on the items). A measure changed takes the English label its old one gave, and gives its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..briefing_file import Problem
from ..folding import fold
from ..measures import Measure, MeasureCatalogueError, shipped_measures, unit_converts
from ..numbers import NumberFormatError, parse_number
from ..schema import QUALIFIERS
from .enterprises import find_enterprises
from .figures import find_figures
from .model import Draft, DraftFigure, DraftItem, Span
from .sectors import SECTORS, guess_sector
from .text import split_article
from .units import unit_en
from .writer import draft_to_yaml

__all__ = ["PENDING", "ACCEPTED", "REJECTED", "STATUSES", "FIGURE_FIELDS", "ITEM_FIELDS", "NUMBER_FIELDS",
           "EditError", "Review", "check_field", "item_problems", "ItemProblems"]

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
STATUSES = (PENDING, ACCEPTED, REJECTED)

#: The fields a person edits, in the order the form shows them.
FIGURE_FIELDS = ("label", "value", "value_max", "unit", "qualifier", "plan_pct", "change_pct", "same_period_pct",
                 "compared_with", "sector", "measure")
ITEM_FIELDS = ("title", "sector")
#: Fields written as numbers in Vietnamese notation ("72.736.956.416", "2,93"; a change may be signed).
NUMBER_FIELDS = ("value", "value_max", "plan_pct", "change_pct", "same_period_pct")
_REQUIRED = ("label", "title", "sector")
_SECTOR_IDS = tuple(s[0] for s in SECTORS)
_NUMBER_IN = re.compile(r"(?<![\w.,])[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\w]|[.,]\d)")


class EditError(ValueError):
    """An edit the file could not hold; ``field`` names the field, the message says why (English, for logs;
    the window words it from ``field`` and ``kind``)."""

    def __init__(self, field: str, kind: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.kind = kind  # "number", "qualifier", "sector", "required"


def check_field(name: str, text: str) -> str | None:
    """The value ``text`` typed into field ``name`` as the file will hold it (None: empty), or EditError."""
    value = " ".join(text.split())
    if not value:
        if name in _REQUIRED:
            raise EditError(name, "required", "may not be empty")
        return None
    if name in NUMBER_FIELDS:
        try:
            parse_number(value, "vi")
        except NumberFormatError:
            raise EditError(name, "number", f"{value!r} is not a number in Vietnamese notation") from None
        if value.startswith(("+", "-")) and name != "change_pct":
            raise EditError(name, "number", f"{value!r}: only a change may carry a sign")
        return value.lstrip("+")
    if name == "qualifier" and value not in QUALIFIERS:
        raise EditError(name, "qualifier", f"{value!r} is not one of {', '.join(QUALIFIERS)}")
    if name == "sector" and value not in _SECTOR_IDS:
        raise EditError(name, "sector", f"unknown sector {value!r}")
    if name == "measure" and value not in _catalogue():
        raise EditError(name, "measure", f"{value!r} is not an id of the measure catalogue")
    return value


def _catalogue() -> Mapping[str, Measure]:
    try:
        return shipped_measures()
    except MeasureCatalogueError:
        return {}


@dataclass(frozen=True)
class ItemProblems:
    """A validation's problems placed on the items they are about; ``general``: the rest."""

    by_item: Mapping[str, tuple[Problem, ...]]
    general: tuple[Problem, ...]

    @property
    def count(self) -> int:
        return sum(len(p) for p in self.by_item.values()) + len(self.general)


_PLACE = re.compile(r"(indicators|achievements|limitations|directives)\[(\d+)\]")


def item_problems(problems: Iterable[Problem], kept: Mapping[str, list[str]]) -> ItemProblems:
    """Place each problem (``indicators[3].value: …``) on its item: ``kept`` lists, per section of the file,
    the ids of the items written there, in order (``Review.kept_by_section``)."""
    by_item: dict[str, list[Problem]] = {}
    general: list[Problem] = []
    for problem in problems:
        m = _PLACE.match(problem.field)
        ids = kept.get(m.group(1), []) if m else []
        index = int(m.group(2)) if m else -1
        if m and 0 <= index < len(ids):
            by_item.setdefault(ids[index], []).append(problem)
        else:
            general.append(problem)
    return ItemProblems({k: tuple(v) for k, v in by_item.items()}, tuple(general))


class Review:
    """The decisions on one draft: a status per item (pending until decided), edits, added figures."""

    def __init__(self, draft: Draft):
        self.draft = draft
        self._status: dict[str, str] = {}

    # ------------------------------------------------------------ decisions
    def status(self, item_id: str) -> str:
        return self._status.get(item_id, PENDING)

    def set_status(self, item_id: str, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self.draft.item(item_id)  # KeyError for an unknown id
        self._status[item_id] = status

    def counts(self, section: str | None = None) -> dict[str, int]:
        """How many items (of ``section``: "figures", else the prose items; all when None) have each status."""
        out = dict.fromkeys(STATUSES, 0)
        for item in self.draft.items():
            if section is None or (section == "figures") == isinstance(item, DraftFigure):
                out[self.status(item.id)] += 1
        return out

    def kept_by_section(self) -> dict[str, list[str]]:
        """The ids written to the file, by its section, in the file's order (rejected items are left out)."""
        sections: dict[str, list[DraftFigure] | list[DraftItem]] = {
            "indicators": self.draft.figures, "achievements": self.draft.achievements,
            "limitations": self.draft.limitations, "directives": self.draft.directives}
        return {name: [i.id for i in items if self.status(i.id) != REJECTED] for name, items in sections.items()}

    # ------------------------------------------------------------ edits
    def edit(self, item_id: str, changes: Mapping[str, str]) -> DraftFigure | DraftItem:
        """Apply the typed ``changes`` (field → text) to the item and accept it; EditError (nothing changed)
        when a field cannot be written so. Clearing a comparison clears its qualifier too."""
        item = self.draft.item(item_id)
        allowed = FIGURE_FIELDS if isinstance(item, DraftFigure) else ITEM_FIELDS
        values: dict[str, str | None] = {}
        for name, text in changes.items():
            if name not in allowed:
                raise EditError(name, "unknown", "is not a field a review edits")
            values[name] = check_field(name, text)
        if isinstance(item, DraftFigure):
            updated: DraftFigure | DraftItem = self._edited_figure(item, values)
        else:
            updated = replace(item, **values)  # type: ignore[arg-type]  # title, sector: text
        self._put(updated)
        self._status[item_id] = ACCEPTED
        return updated

    def _edited_figure(self, figure: DraftFigure, values: dict[str, str | None]) -> DraftFigure:
        extra: dict[str, object] = {}
        if "unit" in values and values["unit"] != figure.unit:
            extra["unit_en"] = unit_en(values["unit"]) if values["unit"] else None
        catalogue = _catalogue()
        measure_id = values.get("measure", figure.measure)
        measure = catalogue.get(measure_id) if measure_id else None
        unit = values.get("unit", figure.unit)
        if measure is not None and unit is not None and not unit_converts(unit, measure):
            raise EditError("measure", "measure_unit", f"unit {unit!r} does not convert to the unit of {measure_id!r}")
        if measure_id != figure.measure:
            # An English label the old measure gave goes with it; the new one gives its own.
            old = catalogue.get(figure.measure) if figure.measure else None
            if figure.label_en is None or (old is not None and figure.label_en == old.name_en):
                extra["label_en"] = measure.name_en if measure is not None else None
            extra["measure_hint"] = ""
        if "plan_pct" in values and values["plan_pct"] is None:
            extra.update(plan_qualifier=None, plan=None)
        if "change_pct" in values and values["change_pct"] is None:
            extra["change_qualifier"] = None
        if "same_period_pct" in values and values["same_period_pct"] is None and "compared_with" not in values:
            extra["compared_with"] = None
        unsure = {k: v for k, v in figure.unsure.items() if k not in values}
        return replace(figure, **values, **extra, unsure=unsure)  # type: ignore[arg-type]

    def _put(self, item: DraftFigure | DraftItem) -> None:
        lists: list[list] = [self.draft.figures, self.draft.achievements, self.draft.limitations,
                             self.draft.directives]
        for items in lists:
            for i, old in enumerate(items):
                if old.id == item.id:
                    items[i] = item
                    return
        raise KeyError(item.id)

    # ------------------------------------------------------------ added figures
    def add_figure(self, start: int, end: int) -> DraftFigure:
        """A figure for the article's text ``[start, end)``, added to the draft (in the article's order) and
        accepted. Its source is the sentence(s) holding the selection; its fields come from the figure rules
        run over them where a figure of theirs lies in the selection, else from the selection itself (its
        first number as the value, its words as the label), marked for checking. ValueError: no sentence."""
        text = self.draft.article_text
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        paragraphs = split_article(text)
        sentences = [s for p in paragraphs for s in p.sentences if s.start < end and start < s.end]
        if start >= end or not sentences:
            raise ValueError("the selection holds no text of the article's sentences")
        holding = sorted({s.paragraph for s in sentences})
        sentence: Span = (sentences[0].start, sentences[-1].end)
        found = self._rules_over([p for p in paragraphs if p.index in holding], start, end)
        if found is not None:
            figure = found
        else:
            figure = self._bare_figure(text, start, end, sentence)
        figure = replace(figure, id=self._new_id(start), key=self._new_key(figure))
        self.draft.figures.append(figure)
        self.draft.figures.sort(key=lambda f: (f.span[0], f.id))
        self._status[figure.id] = ACCEPTED
        return figure

    def _rules_over(self, paragraphs, start: int, end: int) -> DraftFigure | None:
        draft = self.draft
        year = int(draft.period_start[:4]) if draft.period_start else None
        enterprises = find_enterprises(draft.article_text)
        found = find_figures(draft.article_text, paragraphs, enterprises, draft.period_as_of, year)
        hit = next((f for f in found if f.span[0] < end and start < f.span[1]), None)
        if hit is None:
            return None
        by_span = {f.span: f.id for f in draft.figures}
        parent = next((by_span.get(f.span) for f in found if f.id == hit.parent), None) if hit.parent else None
        if hit.enterprise and all(e.id != hit.enterprise for e in draft.enterprises):
            draft.enterprises.append(enterprises[hit.enterprise])
        unsure = dict(hit.unsure)
        unsure["figure"] = "added from a selection; the rules read it so"
        return replace(hit, parent=parent, unsure=unsure)

    def _bare_figure(self, text: str, start: int, end: int, sentence: Span) -> DraftFigure:
        selected = text[start:end]
        number = _NUMBER_IN.search(selected)
        value = number.group().lstrip("+") if number else None
        span = (start + number.start(), start + number.end()) if number else (start, end)
        words = " ".join(selected.replace("\u00a0", " ").split())
        label = " ".join(words.split()[:9]) or "Số liệu"
        sector, hint = guess_sector(words, text[sentence[0]:sentence[1]])
        unsure = {"figure": "added from a selection; the rules found no figure in it: check every field"}
        if value is None:
            unsure["value"] = "the selection holds no number; write the value"
        return DraftFigure(id="", key="", span=span, sentence=sentence, sector=sector,
                           label=label[:1].upper() + label[1:], value=value, as_of=self.draft.period_as_of,
                           field_spans={"value": span} if number else {}, sector_hint=hint, unsure=unsure)

    def _new_id(self, start: int) -> str:
        taken = {i.id for i in self.draft.items()}
        ident, n = f"figure:{start}:added", 2
        while ident in taken:
            ident, n = f"figure:{start}:added{n}", n + 1
        return ident

    def _new_key(self, figure: DraftFigure) -> str:
        taken = {f.key for f in self.draft.figures}
        slug = "_".join(re.sub(r"[^a-z0-9 ]+", " ", fold(figure.label)).split()[:4]) or "figure"
        base = f"{figure.enterprise}.{figure.metric or slug}" if figure.enterprise else f"{figure.sector}.{slug}"
        key, n = base, 2
        while key in taken:
            key, n = f"{base}_{n}", n + 1
        return key

    # ------------------------------------------------------------ the file
    def to_yaml(self) -> str:
        """The briefing file: accepted and pending items (accepted ones without their check comments)."""
        draft = self.draft

        def written(items):
            return [replace(i, reviewed=True) if self.status(i.id) == ACCEPTED else i for i in items]

        shown = replace(draft, figures=written(draft.figures), achievements=written(draft.achievements),
                        limitations=written(draft.limitations), directives=written(draft.directives))
        return draft_to_yaml(shown, keep=[i.id for i in draft.items() if self.status(i.id) != REJECTED])
