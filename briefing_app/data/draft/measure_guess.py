"""Guess the measure a drafted figure counts (``resources/measures.yaml``), so a draft joins the series of the
briefings before it (Qt-free).

A wrong measure silently joins different things in one series, which is worse than none, so the guess is
conservative: it names a measure only when

- the figure has a value and a unit that *converts* to the measure's unit (else the file would not validate);
  a unit the draft took from the sentence ("68,8 triệu" of "số thuê bao 2G") counts only when the measure's
  name holds it next to the number;
- it is not an enterprise's result (an enterprise named or a ``Tập đoàn``/``Tổng công ty`` in the sentence)
  nor a province's or a level of government's (a province, ``địa phương`` or ``Trung ương`` in the figure's
  stretch, see below), nor of another year than the briefing's;
- **every** content word of the measure's Vietnamese name is in the figure's sentence (words compared folded,
  :func:`~briefing_app.data.folding.fold`), and at least half of them stand in the figure's own stretch of it:
  the words around the number up to a ``;`` or a ``trong đó`` (a part's words are not its total's);
- it clearly beats every other measure that fits so, by how close its words stand to the number (a measure
  whose words all belong to a longer one that fits as well gives way to it: "tạp chí in" is inside "cơ quan
  báo, tạp chí in"), and no word of the figure's phrase (its words up to a comma or another figure) names
  another measure but not it ("băng rộng 3G và 4G" is not "thuê bao 3G");
- for a part (a figure after ``trong đó``, or whose total the draft knows) the measure is not its total's:
  the part's own words must name another measure ("7,3 triệu thuê bao cố định" of "130 triệu thuê bao điện
  thoại"), and the total's words only complete it;
- no other figure of the draft is a better guess for the same measure (a briefing states a measure once).

The guess is written ``measure: "id"  # guess: from '<the article's words it matched>'``, pending review.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..folding import fold
from ..measures import Measure, MeasureCatalogueError, read_unit, shipped_measures, unit_converts
from .model import DraftFigure, Span

__all__ = ["MeasureGuess", "guess_measure", "guess_measures", "name_words"]

#: Words of a measure's name that say nothing of what is counted (compared before folding: "có" is a stop
#: word, "cố" in "cố định" is not).
_STOP = frozenset("""
    của một trên được theo do và các số lượng là có tại trong cho với đã đang những này đó qua về từ đến
    ở bị thêm mới hiện nay tổng số
    """.split()) - {"tổng"}
#: Phrases the ministry writes for the same thing, as (written, as the catalogue names it): wired broadband is
#: fixed broadband ("thuê bao Internet băng rộng có dây").
_SYNONYMS = ((("có", "dây"), ("cố", "định")),)
_WORD = re.compile(r"\w+")
#: Where a figure's own stretch of its sentence ends: a semicolon, or "trong đó" (what follows is a part).
_HARD = re.compile(r";|\btrong[ \u00a0]+đó\b", re.IGNORECASE)
_PART = re.compile(r"\btrong[ \u00a0]+đó\b", re.IGNORECASE)
#: An enterprise's own result is never a sector's measure.
_ENTERPRISE = re.compile(r"\b(?:tập đoàn|tổng công ty|công ty)\b", re.IGNORECASE)
#: Nor is a province's, nor the central or the local part of a total ("86 cơ quan Trung ương").
_LOCAL = re.compile(r"\b(?:tỉnh|thành phố|tp\.|địa phương|trung ương|hà nội|hồ chí minh|đà nẵng|hải phòng|cần thơ)"
                    r"(?!\w)", re.IGNORECASE)
#: Where a figure's phrase ends within its stretch: a comma or a bracket.
_SOFT = re.compile(r"[,()]")
#: The least share of a measure's words in the figure's own stretch, and how far the best guess must lead.
_OWN_SHARE = 0.5
_MARGIN = 0.1
#: How much a word of the measure's name weighs by where it stands: in the figure's phrase, in the rest of its
#: stretch, or further (the rest of the sentence, the total's sentence, the label only).
_PHRASE = 1.0
_STRETCH = 0.5
_FAR = 0.3


@dataclass(frozen=True)
class MeasureGuess:
    """A measure guessed for a figure: its id, the article's words it matched, and how well (0..1)."""

    measure: Measure
    words: str
    score: float


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def name_words(measure: Measure) -> tuple[str, ...]:
    """The content words of ``measure``'s Vietnamese name, folded, in order, once each."""
    return _name_words(measure.name_vi)


def _name_words(name: str) -> tuple[str, ...]:
    words = [w for w in _WORD.findall(_norm(name)) if w not in _STOP]
    return tuple(dict.fromkeys(fold(w) for w in words))


@dataclass(frozen=True)
class _Token:
    word: str  # folded
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """The words of ``text[start:end]`` (stop words left out, synonyms read as the catalogue names them)."""
    raw = [(_norm(m.group()), start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    out: list[_Token] = []
    i = 0
    while i < len(raw):
        for written, named in _SYNONYMS:
            if tuple(w for w, _, _ in raw[i:i + len(written)]) == written:
                out.extend(_Token(fold(n), s, e) for n, (_, s, e) in zip(named, raw[i:i + len(written)]))
                i += len(written)
                break
        else:
            word, s, e = raw[i]
            if word not in _STOP:
                out.append(_Token(fold(word), s, e))
            i += 1
    return out


def _own_stretch(text: str, sentence: Span, value: Span) -> tuple[Span, bool]:
    """The figure's own stretch of its sentence (between the hard breaks around the value) and whether a
    ``trong đó`` stands before it in the sentence (then the figure is a part)."""
    start, end = sentence
    before = text[start:value[0]]
    part = bool(_PART.search(before))
    breaks = list(_HARD.finditer(before))
    own_start = start + breaks[-1].end() if breaks else start
    after = _HARD.search(text, value[1], end)
    own_end = after.start() if after else end
    return (own_start, own_end), part


def _blocked(sentence_text: str, names: Iterable[str]) -> bool:
    if _ENTERPRISE.search(sentence_text):
        return True
    folded = fold(sentence_text)
    return any(re.search(rf"(?<!\w){re.escape(fold(n))}(?!\w)", folded) for n in names if n)


def guess_measure(text: str, figure: DraftFigure, catalogue: Mapping[str, Measure], *,
                  total: Span | None = None, excluded: Iterable[str] = (), others: Iterable[Span] = (),
                  enterprise_names: Iterable[str] = (), year: str | None = None) -> MeasureGuess | None:
    """The measure ``figure`` (of the article ``text``) counts, or None when the rules are not sure.

    ``total``: the sentence of the total the figure is a part of (its words may complete a part's);
    ``excluded``: measures it cannot be (its total's); ``others``: where the other figures' values stand (a
    figure's own phrase stops at them); ``enterprise_names``: the enterprises the article names (a figure of
    theirs gets none); ``year``: the briefing's year (a figure of another year gets none).
    """
    value = figure.field_spans.get("value")
    if figure.value is None or value is None or not figure.unit or figure.enterprise or figure.metric:
        return None
    if "value" in figure.unsure:
        return None
    if year and figure.as_of and not figure.as_of.startswith(year):
        return None
    if _blocked(text[figure.sentence[0]:figure.sentence[1]], enterprise_names):
        return None
    ruled_out = set(excluded)
    candidates = [m for m in catalogue.values() if m.id not in ruled_out and unit_converts(figure.unit, m)]
    if not candidates:
        return None
    (own_start, own_end), after_part = _own_stretch(text, figure.sentence, value)
    if _LOCAL.search(text, own_start, own_end):
        return None
    part = after_part or figure.parent is not None
    phrase = _phrase(text, (own_start, own_end), value, figure.field_spans.get("unit"), others)
    # Each word of the sentence weighs by where it stands: in the figure's phrase, in its stretch, or further.
    seq: list[tuple[_Token, float]] = []
    for token in _tokens(text, *figure.sentence):
        inside = phrase[0] <= token.start < phrase[1]
        seq.append((token, _PHRASE if inside else _STRETCH if own_start <= token.start < own_end else _FAR))
    if total is not None and total != figure.sentence:
        seq.extend((token, _FAR) for token in _tokens(text, *total))
    weight_of: dict[str, float] = {}
    for token, weight in seq:
        weight_of[token.word] = max(weight, weight_of.get(token.word, 0.0))
    label = {fold(w) for w in _WORD.findall(_norm(figure.label)) if w not in _STOP}
    unit_words = _unit_words(figure.unit)
    unsure_unit = "unit" in figure.unsure
    base_words = _unit_words(read_unit(figure.unit).base)

    fits: list[tuple[float, Measure]] = []
    for measure in candidates:
        words = name_words(measure)
        if not words or not all(w in weight_of or w in label for w in words):
            continue  # every word of the name must be in the sentence
        own = [w for w in words if weight_of.get(w, 0.0) >= _STRETCH]
        if len(own) < _OWN_SHARE * len(words):
            continue
        if part and not any(w not in unit_words for w in own):
            continue  # a part named only by its unit is its total's kind of thing, not a measure of its own
        if unsure_unit and not all(w in words and weight_of.get(w, 0.0) >= _PHRASE for w in base_words):
            continue  # a unit the draft took from the sentence counts for the name's words next to the number
        score = sum(weight_of.get(w, _FAR) for w in words) / len(words)
        fits.append((score, measure))
    # A name whose words all belong to a longer name that fits within the figure's stretch gives way to it.
    longer_fit = {m.id for _, m in fits for _, longer in fits
                  if longer is not m and set(name_words(m)) < set(name_words(longer))
                  and all(weight_of.get(w, 0.0) >= _STRETCH for w in name_words(longer))}
    fits = sorted((f for f in fits if f[1].id not in longer_fit), key=lambda f: -f[0])
    if not fits or (len(fits) > 1 and fits[0][0] - fits[1][0] < _MARGIN):
        return None
    score, best = fits[0]
    # A word of the figure's phrase that names another measure, not this one, says the figure is something
    # else or more ("băng rộng 3G và 4G là 51.128.599 thuê bao" is not "thuê bao 3G").
    named = set(name_words(best))
    phrase_words = {t.word for t, weight in seq if weight == _PHRASE}
    if any(w in phrase_words and w not in named and w not in unit_words
           for m in candidates if m is not best for w in name_words(m)):
        return None
    return MeasureGuess(best, _matched_words(text, _matched_tokens(name_words(best), seq, weight_of, value)), score)


def _matched_tokens(words: Sequence[str], seq: Sequence[tuple[_Token, float]], weight_of: Mapping[str, float],
                    value: Span) -> list[_Token]:
    """For each word of a name, the place it was counted from: of its heaviest places, one next to another word
    of the name ("quyết định", not the "định" of a "nghị định" nearer the number), else the nearest."""
    out = []
    for word in words:
        places = [i for i, (token, weight) in enumerate(seq) if token.word == word and weight == weight_of.get(word)]
        if not places:
            continue  # a word of the label only

        others = set(words) - {word}

        def rank(i: int, others: set[str] = others) -> tuple[bool, int]:
            beside = any(0 <= j < len(seq) and seq[j][0].word in others for j in (i - 1, i + 1))
            return (not beside, _gap(seq[i][0], value))

        out.append(seq[min(places, key=rank)][0])
    return out


def _phrase(text: str, stretch: Span, value: Span, unit: Span | None, others: Iterable[Span]) -> Span:
    """The figure's phrase: its stretch cut at the commas and brackets around the value and its unit, and at
    the other figures' values."""
    after = max(value[1], unit[1]) if unit else value[1]
    start = max([stretch[0], *(m.end() + stretch[0] for m in _SOFT.finditer(text[stretch[0]:value[0]])),
                 *(e for s, e in others if stretch[0] <= s and e <= value[0])])
    cut = _SOFT.search(text, after, stretch[1])
    end = min([stretch[1], cut.start() if cut else stretch[1], *(s for s, e in others if after <= s < stretch[1])])
    return start, max(end, after)


def _gap(token: _Token, value: Span) -> int:
    return value[0] - token.end if token.end <= value[0] else token.start - value[1]


def _unit_words(unit: str) -> set[str]:
    return {fold(w) for w in _WORD.findall(_norm(unit))}


def _matched_words(text: str, matched: Sequence[_Token]) -> str:
    """The article's words a guess matched, in the article's order, runs of neighbours joined ("điện thoại …
    thuê bao cố định")."""
    runs: list[list[_Token]] = []
    for token in sorted({(t.start, t.end): t for t in matched}.values(), key=lambda t: t.start):
        gap = text[runs[-1][-1].end:token.start] if runs else None
        if gap is not None and len(gap) <= 12 and not re.search(r"\d", gap):
            runs[-1].append(token)
        else:
            runs.append([token])
    return " … ".join(" ".join(text[run[0].start:run[-1].end].split()) for run in runs)


def guess_measures(text: str, figures: Sequence[DraftFigure], enterprise_names: Iterable[str] = (),
                   year: str | None = None, catalogue: Mapping[str, Measure] | None = None) -> list[DraftFigure]:
    """``figures`` with the measures the rules are sure of (``measure``, ``measure_hint``: the words matched,
    and the measure's English name as the label's ``en``); the others as they are.

    A part's total is guessed first (figures come in the article's order); a measure guessed for two figures
    stays with the better guess only.
    """
    if catalogue is None:
        try:
            catalogue = shipped_measures()
        except MeasureCatalogueError:
            return list(figures)  # no catalogue: no guesses, the draft is still a draft
    names = tuple(enterprise_names)
    by_id = {f.id: f for f in figures}
    guessed: dict[str, MeasureGuess] = {}
    for figure in figures:
        excluded: set[str] = set()
        total: Span | None = None
        if figure.parent and figure.parent in by_id:
            parent = by_id[figure.parent]
            total = parent.sentence
            if figure.parent in guessed:
                excluded.add(guessed[figure.parent].measure.id)
        # A measure guessed for an earlier figure of the sentence is not this one's: a total before "trong đó",
        # or another item of the same list.
        for other_id, other in guessed.items():
            earlier = by_id[other_id]
            if earlier.sentence == figure.sentence and earlier.span[0] < figure.span[0]:
                excluded.add(other.measure.id)
        values = [v for f in figures if f.id != figure.id and (v := f.field_spans.get("value")) is not None]
        found = guess_measure(text, figure, catalogue, total=total, excluded=excluded, others=values,
                              enterprise_names=names, year=year)
        if found is not None:
            guessed[figure.id] = found
    best: dict[str, tuple[float, str]] = {}
    clash: set[str] = set()
    for figure_id, found in guessed.items():
        held = best.get(found.measure.id)
        if held is None or found.score > held[0]:
            best[found.measure.id] = (found.score, figure_id)
        elif found.score == held[0]:
            clash.add(found.measure.id)
    keep = {figure_id for measure_id, (_, figure_id) in best.items() if measure_id not in clash}
    out = []
    for figure in figures:
        found = guessed.get(figure.id) if figure.id in keep else None
        if found is None:
            out.append(figure)
        else:
            out.append(replace(figure, measure=found.measure.id, measure_hint=found.words,
                               label_en=found.measure.name_en))
    return out
