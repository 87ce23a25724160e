"""Reopen a review from the briefing file it saved (Qt-free): the article is drafted again with the same rules
and each item of the file is matched to its drafted item, so the review goes on where it was left.

How the file says what the person decided (``Review.to_yaml`` writes it so):

- an item of the file is **accepted** when its block carries no ``# check:`` / ``# guess:`` comment, and
  **pending** when it still does (a directive's ``number`` line says where it was renumbered whatever its
  status, so that comment does not count);
- a drafted item the file does not hold was **rejected**;
- an item of the file no drafted item matches (by key, else by its source sentence and value) was added by
  hand: it is placed in the article by its source sentence.

The file's fields win over the draft's (they are the person's edits), so saving the reopened review without
a change writes the file it was opened from. What cannot be read so (no article named, an item whose source is
no longer in the article) is a :class:`~briefing_app.data.briefing_file.BriefingFileError` naming the file,
the line and what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...i18n import Message
from ..briefing_file import BriefingFileError, Problem, parse_yaml
from .engine import draft_briefing
from .model import Draft, DraftEnterprise, DraftFigure, DraftItem, DraftMeeting, Span
from .review import ACCEPTED, PENDING, REJECTED, Review

__all__ = ["SavedDraft", "read_saved_draft", "reopen_review"]

#: The figure fields the file holds as plain text, under the same names.
_FIGURE_TEXTS = ("value", "value_max", "qualifier", "as_of", "enterprise", "metric", "plan_pct", "plan_qualifier",
                 "change_pct", "change_qualifier", "same_period_pct")
_SECTIONS = ("achievements", "limitations", "directives")
_GUESSED_FROM = re.compile(r"from '(.*)'$")
_ARTICLE_NUMBERS = re.compile(r"the article numbers it (\d+)")


@dataclass(frozen=True)
class SavedDraft:
    """A briefing file a review saved, read: its values (``document``) and its lines (for the comments)."""

    path: Path
    document: Any  # the marked mapping of briefing_file.parse_yaml
    lines: tuple[str, ...]

    @property
    def article_name(self) -> str:
        """``briefing.source.article``: the article's file name, beside the file."""
        return str(self.document["briefing"]["source"]["article"])


def _problem(path: Path, where: tuple[int, int] | None, field: str, key: str, **values: object) -> BriefingFileError:
    line, column = where if where else (None, None)
    return BriefingFileError([Problem(str(path), line, column, field, Message(key, **values))])


def read_saved_draft(text: str, path: Path) -> SavedDraft:
    """The briefing file ``text`` (read from ``path``) as a saved draft; BriefingFileError when it is not YAML or
    not a draft of an article (no ``briefing.source.article`` naming a file beside it)."""
    document = parse_yaml(text, path)
    briefing = document.get("briefing") if isinstance(document, dict) else None
    source = briefing.get("source") if isinstance(briefing, dict) else None
    article = source.get("article") if isinstance(source, dict) else None
    if not isinstance(article, str) or not article.strip():
        raise _problem(path, None, "", "reopen.not_a_draft")
    if Path(article).name != article:
        raise _problem(path, getattr(source, "marks", {}).get("article"), "briefing.source.article",
                       "reopen.article_not_beside")
    for section in ("indicators", *_SECTIONS):
        items = document.get(section)
        if items is not None and not (isinstance(items, list) and all(isinstance(i, dict) for i in items)):
            raise _problem(path, document.marks.get(section), section, "reopen.not_a_list")
    return SavedDraft(path, document, tuple(text.splitlines()))


def reopen_review(saved: SavedDraft, article_text: str) -> Review:
    """The review that saved ``saved``, rebuilt over the article's ``article_text``: drafted again, each item of
    the file matched to a drafted one, with the file's fields, its status and the items added by hand.

    The review must write the file back as it is (what it does not hold, such as an English label added by
    hand, would be lost at the next save), else BriefingFileError at the first line it would write otherwise.
    """
    review = _Reopening(saved, article_text).review()
    written = review.to_yaml().splitlines()
    for number, (line, again) in enumerate(zip([*saved.lines, None], [*written, None]), start=1):
        if line != again and number == 1:
            raise _problem(saved.path, None, "", "reopen.not_from_review")
        if line != again:
            shown = " ".join((again or "").split())
            raise _problem(saved.path, (number, 1), "", "reopen.not_kept",
                           line=shown if len(shown) <= 90 else shown[:89] + "…")
    return review


class _Reopening:
    def __init__(self, saved: SavedDraft, article_text: str):
        self.saved = saved
        self.text = article_text
        self.doc = saved.document
        briefing = self.doc["briefing"]
        ident = briefing.get("id")
        self.draft = draft_briefing(article_text, ident if isinstance(ident, str) else "draft", saved.article_name)
        self.status: dict[str, str] = {}

    # ------------------------------------------------------------ reading the file
    def comment(self, mapping: dict, key: str) -> tuple[str, str] | None:
        """The ``# check:`` / ``# guess:`` comment (kind, why) on the line of ``mapping[key]``; a block list's
        comment stands on its key's line, above it."""
        where = getattr(mapping, "marks", {}).get(key)
        if where is None:
            return None
        found = _comment(self.saved.lines[where[0] - 1])
        if found is None and isinstance(mapping[key], list) and where[0] >= 2:
            found = _comment(self.saved.lines[where[0] - 2])
        return found

    def fail(self, mapping: dict, key: str | None, field: str, message: str, **values: object) -> BriefingFileError:
        marks = getattr(mapping, "marks", {})
        where = marks.get(key) if key else getattr(mapping, "start", None)
        return _problem(self.saved.path, where, field, message, **values)

    def text_of(self, mapping: dict, key: str, field: str) -> str | None:
        value = mapping.get(key)
        if isinstance(value, dict):  # {vi: …, en: …}
            value = value.get("vi")
        if value is not None and not isinstance(value, str):
            raise self.fail(mapping, key, f"{field}.{key}", "reopen.not_text")
        return value

    def english_of(self, mapping: dict, key: str) -> str | None:
        value = mapping.get(key)
        english = value.get("en") if isinstance(value, dict) else None
        return english if isinstance(english, str) else None

    def locate(self, mapping: dict, field: str, near: int) -> Span:
        """Where the item's ``source`` stands in the article (the occurrence nearest ``near``)."""
        source = self.text_of(mapping, "source", field)
        if not source:
            raise self.fail(mapping, None, field, "reopen.no_source")
        starts = [m.start() for m in re.finditer(re.escape(source), self.text)]
        if not starts:
            raise self.fail(mapping, "source", f"{field}.source", "reopen.not_in_article",
                            article=self.saved.article_name)
        start = min(starts, key=lambda s: abs(s - near))
        return start, start + len(source)

    # ------------------------------------------------------------ matching
    def match(self, saved_items: list[dict], drafted: list, source_of) -> list:
        """For each item of the file, its drafted item (None: added by hand): by key, else the one item of the
        same source sentence (with the same value when the sentence states several)."""
        by_key = {d.key: d for d in drafted}
        found: list = []
        taken: set[str] = set()
        for saved in saved_items:
            same_key = by_key.get(saved.get("key"))
            if same_key is not None and same_key.id not in taken:
                taken.add(same_key.id)
                found.append(same_key)
            else:
                found.append(None)
        for i, saved in enumerate(saved_items):
            if found[i] is not None:
                continue
            same = [d for d in drafted if d.id not in taken and source_of(d) == saved.get("source")]
            if len(same) > 1:
                same = [d for d in same if getattr(d, "value", None) == saved.get("value")]
            if len(same) == 1:
                found[i] = same[0]
                taken.add(same[0].id)
        return found

    def decide(self, item_id: str, mapping: dict, ignore: tuple[str, ...] = ()) -> str:
        commented = any(self.comment(mapping, k) for k in mapping if k not in ignore)
        self.status[item_id] = PENDING if commented else ACCEPTED
        return self.status[item_id]

    def unsure_of(self, mapping: dict, drafted, status: str, commentable: tuple[str, ...]) -> dict[str, str]:
        """A pending item: what its comments say (and the draft's notes on fields no comment is written for);
        an accepted one: the draft's notes on the fields the file did not change."""
        if drafted is None:
            kept: dict[str, str] = {}
        elif status == PENDING:
            kept = {k: v for k, v in drafted.unsure.items() if k not in commentable}
        else:
            kept = {k: v for k, v in drafted.unsure.items() if getattr(drafted, k, None) == self.value_of(mapping, k)}
        if status == PENDING:
            for key in mapping:
                found = self.comment(mapping, key)
                if found and found[0] == "check" and key not in ("sector", "number", "key"):
                    kept[key] = found[1]
        return kept

    def value_of(self, mapping: dict, key: str) -> object:
        value = mapping.get(key)
        return value.get("vi") if isinstance(value, dict) else value

    def sector_hint(self, mapping: dict, drafted, status: str) -> str:
        found = self.comment(mapping, "sector")
        if status == PENDING and found is not None:
            if found[0] == "check":
                return ""
            guessed = _GUESSED_FROM.search(found[1])
            return guessed.group(1) if guessed else found[1]
        return drafted.sector_hint if drafted is not None else ""

    # ------------------------------------------------------------ figures
    def figures(self) -> list[DraftFigure]:
        saved_items = self.doc.get("indicators") or []
        drafted = self.draft.figures
        found = self.match(saved_items, drafted, lambda d: self.text[d.sentence[0]:d.sentence[1]])
        taken: set[str] = set()
        kept: list[DraftFigure] = []
        for index, (saved, figure) in enumerate(zip(saved_items, found)):
            kept.append(self.figure(saved, figure, f"indicators[{index}]", taken))
            taken.add(kept[-1].id)
        by_key = {f.key: f.id for f in kept}
        for i, saved in enumerate(saved_items):
            parent = saved.get("parent")
            if isinstance(parent, str):
                kept[i] = replace(kept[i], parent=by_key.get(parent))
            elif kept[i].parent in taken:  # null in the file although its drafted total was kept: cut by hand
                kept[i] = replace(kept[i], parent=None)
            # else the total was rejected (the file cannot say it): the figure keeps it, should it come back
        for figure in drafted:
            if figure.id not in taken:
                self.status[figure.id] = REJECTED
        listed = list(drafted)
        added = [f for f, d in zip(kept, found) if d is None]
        if added:  # placed as Review.add_figure places them
            listed = sorted([*listed, *added], key=lambda f: (f.span[0], f.id))
        return _in_file_order(listed, kept)

    def figure(self, saved: dict, drafted: DraftFigure | None, field: str, taken: set[str]) -> DraftFigure:
        for name in ("key", "sector"):
            if not isinstance(saved.get(name), str):
                raise self.fail(saved, name if name in saved else None, f"{field}.{name}", "reopen.not_text")
        sentence = self.locate(saved, field, drafted.sentence[0] if drafted else 0)
        label = self.text_of(saved, "label", field) or ""
        values: dict[str, Any] = {name: self.text_of(saved, name, field) for name in _FIGURE_TEXTS}
        values.update(key=saved["key"], sector=saved["sector"], label=label,
                      unit=self.text_of(saved, "unit", field), unit_en=self.english_of(saved, "unit"),
                      plan=self.text_of(saved, "plan", field),
                      compared_with=self.text_of(saved, "compared_with", field))
        if drafted is None:
            value = values["value"]
            at = self.text.find(value, *sentence) if value else -1
            span = (at, at + len(value or "")) if at >= 0 else sentence
            spans = {"value": span} if at >= 0 else {}
            unit = values["unit"]
            after = self.text.find(unit, span[1], sentence[1]) if at >= 0 and unit else -1
            if 0 <= after - span[1] <= 3:  # the unit as written after the number is highlighted with it
                spans["unit"] = (after, after + len(unit))
            figure = DraftFigure(id=_new_id("figure", span[0], taken), key="", span=span, sentence=sentence,
                                 sector="", label="", field_spans=spans)
        else:
            figure = replace(drafted, sentence=sentence)
        status = self.decide(figure.id, saved, ignore=("key",))
        commentable = tuple(k for k in saved if k not in ("key", "sector", "source", "measure"))
        measure = self.text_of(saved, "measure", field)
        return replace(figure, **values, unsure=self.unsure_of(saved, drafted, status, commentable),
                       sector_hint=self.sector_hint(saved, drafted, status), measure=measure,
                       measure_hint=self.measure_hint(saved, drafted, status, measure),
                       label_en=self.english_of(saved, "label"))

    def measure_hint(self, mapping: dict, drafted: DraftFigure | None, status: str, measure: str | None) -> str:
        """The words a pending guess of the measure was made from (its ``# guess:`` comment); else the draft's
        when it guessed the same measure."""
        found = self.comment(mapping, "measure")
        if status == PENDING and found is not None and found[0] == "guess":
            guessed = _GUESSED_FROM.search(found[1])
            return guessed.group(1) if guessed else found[1]
        if status == PENDING:
            return ""  # a measure written by hand, or none
        return drafted.measure_hint if drafted is not None and drafted.measure == measure else ""

    # ------------------------------------------------------------ achievements, limitations, directives
    def items(self, section: str) -> list[DraftItem]:
        saved_items = self.doc.get(section) or []
        drafted: list[DraftItem] = getattr(self.draft, section)
        found = self.match(saved_items, drafted, lambda d: self.text[d.span[0]:d.span[1]])
        kept: list[DraftItem] = []
        taken: set[str] = set()
        for index, (saved, item) in enumerate(zip(saved_items, found)):
            kept.append(self.item(saved, item, section, f"{section}[{index}]", taken))
            taken.add(kept[-1].id)
        for item in drafted:
            if item.id not in taken:
                self.status[item.id] = REJECTED
        listed = list(drafted)
        added = [k for k, d in zip(kept, found) if d is None]
        if added:
            listed = sorted([*listed, *added], key=lambda i: (i.span[0], i.id))
        return _in_file_order(listed, kept)

    def item(self, saved: dict, drafted: DraftItem | None, section: str, field: str, taken: set[str]) -> DraftItem:
        for name in ("key", "sector"):
            if not isinstance(saved.get(name), str):
                raise self.fail(saved, name if name in saved else None, f"{field}.{name}", "reopen.not_text")
        span = self.locate(saved, field, drafted.span[0] if drafted else 0)
        if drafted is None:
            ident = _new_id(section[:-1], span[0], taken)
            renumbered = self.comment(saved, "number")
            at = _ARTICLE_NUMBERS.search(renumbered[1]) if renumbered else None
            number = saved.get("number") if section == "directives" else None
            drafted_item = DraftItem(id=ident, section=section, key="", span=span, sector="", title="",
                                     number=int(at.group(1)) if at else number if isinstance(number, int) else None)
        else:
            drafted_item = drafted
        status = self.decide(drafted_item.id, saved, ignore=("key", "number"))
        unsure = self.unsure_of(saved, drafted, status, ("title",))
        return replace(drafted_item, span=span, key=saved["key"], sector=saved["sector"],
                       title=self.text_of(saved, "title", field) or "", unsure=unsure,
                       sector_hint=self.sector_hint(saved, drafted, status))

    # ------------------------------------------------------------ the briefing's own fields
    def header(self) -> dict[str, Any]:
        """The draft's fields the file may have changed: the id, organisation, period, publication, authors."""
        b = self.doc["briefing"]
        src = b["source"]
        out: dict[str, Any] = {}
        if isinstance(b.get("organisation"), dict):
            out["organisation"] = self.text_of(b, "organisation", "briefing") or "?"
            out["organisation_en"] = self.english_of(b, "organisation")
        period = b.get("period")
        if isinstance(period, dict):
            for name, key in (("period_vi", "vi"), ("period_en", "en"), ("period_start", "start"),
                              ("period_end", "end")):
                value = period.get(key)
                out[name] = value if isinstance(value, str) else None
        published = src.get("published_at")
        out["published_at"] = published if isinstance(published, str) else None
        authors = src.get("authors")
        out["authors"] = [a for a in authors if isinstance(a, str)] if isinstance(authors, list) else []
        unsure = {k: v for k, v in self.draft.unsure.items() if k not in ("organisation", "period", "authors")}
        for key, mapping in (("organisation", b), ("period", b), ("authors", src)):
            found = self.comment(mapping, key)
            if found and found[0] == "check":
                unsure[key] = found[1]
        out["unsure"] = unsure
        return out

    def meeting(self) -> DraftMeeting | None:
        m = self.doc["briefing"].get("meeting")
        if not isinstance(m, dict):
            return None
        drafted = self.draft.meeting
        span = self.locate(m, "briefing.meeting", drafted.span[0] if drafted else 0)
        attendees = m.get("attendees")
        unsure = {}
        for key in ("chaired_by", "attendees"):
            found = self.comment(m, key)
            if found and found[0] == "check":
                unsure[key] = found[1]
        return DraftMeeting(span=span, date=m.get("date") if isinstance(m.get("date"), str) else None,
                            place=self.text_of(m, "place", "briefing.meeting"),
                            kind=self.text_of(m, "kind", "briefing.meeting"),
                            chaired_by=self.text_of(m, "chaired_by", "briefing.meeting"),
                            attendees=[a for a in attendees if isinstance(a, str)] if isinstance(attendees, list)
                            else [], connected_sites=self.text_of(m, "connected_sites", "briefing.meeting"),
                            unsure=unsure)

    def enterprises(self) -> list[DraftEnterprise]:
        saved = [DraftEnterprise(str(e["id"]), self.text_of(e, "name", "enterprises") or "", str(e.get("short", "")))
                 for e in self.doc.get("enterprises") or [] if isinstance(e, dict) and isinstance(e.get("id"), str)]
        ids = {e.id for e in saved}
        return [*saved, *(e for e in self.draft.enterprises if e.id not in ids)]

    def review(self) -> Review:
        draft: Draft = replace(self.draft, figures=self.figures(), achievements=self.items("achievements"),
                               limitations=self.items("limitations"), directives=self.items("directives"),
                               meeting=self.meeting(), enterprises=self.enterprises(), **self.header())
        review = Review(draft)
        for item_id, status in self.status.items():
            review.set_status(item_id, status)
        return review


def _new_id(kind: str, start: int, taken: set[str]) -> str:
    """An id for an item added by hand, as ``Review.add_figure`` makes them (``figure:<offset>:added``)."""
    ident, n = f"{kind}:{start}:added", 2
    while ident in taken:
        ident, n = f"{kind}:{start}:added{n}", n + 1
    return ident


def _in_file_order(listed: list, kept: list) -> list:
    """``listed`` with the places of the items the file holds filled by them in the file's order (the rejected
    ones stay where they are): the file is written in the order it was read."""
    ids = {k.id for k in kept}
    in_file = iter(kept)
    return [next(in_file) if item.id in ids else item for item in listed]


def _comment(line: str) -> tuple[str, str] | None:
    """The ``# check: why`` or ``# guess: why`` comment ending ``line``, as (kind, why); a ``#`` inside a quoted
    text is text."""
    quote = ""
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'" and line[:i].rstrip()[-1:] in ("", ":", "[", "{", ",", "-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            m = re.match(r"#\s*(check|guess):\s*(.*)", line[i:])
            return (m.group(1), m.group(2).strip()) if m else None
        i += 1
    return None
