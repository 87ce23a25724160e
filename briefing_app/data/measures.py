"""Measures: what a figure counts, so figures of different briefings can form one series (Qt-free).

The catalogue is ``resources/measures.yaml`` (found through :func:`briefing_app.paths.measures_path`).
A measure has one unit; a figure of it may be written in any unit that *converts* to it: the same
thing counted, with a scale word in front — ``tỷ đồng`` ↔ ``triệu đồng`` ↔ ``nghìn tỷ đồng``,
``triệu thuê bao`` ↔ ``thuê bao``, ``%`` ↔ ``%``. Scales are powers of ten, so conversion is exact
(:class:`~decimal.Decimal` shifted by its exponent, never multiplied through a float). Different
currencies never convert: a report gives no exchange rate.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["Measure", "Unit", "MeasureCatalogueError", "UnitMismatch", "KINDS", "load_measures", "shipped_measures",
           "read_unit", "convert", "unit_converts", "close_ids"]

#: stock: a level at a date (subscribers); flow: an amount over a period (revenue).
KINDS = ("stock", "flow")
CATALOGUE_FORMAT = "measures/1"
_ID = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)+")
#: Scale words as Vietnamese writes them, by power of ten ("nghìn tỷ" is read as two words: 3 + 9).
_SCALES = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}


class MeasureCatalogueError(ValueError):
    """The measure catalogue is missing or malformed; the message names the file and the entry."""


class UnitMismatch(ValueError):
    """A unit that does not convert to a measure's unit (different things counted)."""


class Unit(NamedTuple):
    """A unit read as a power of ten and the thing counted: ``nghìn tỷ đồng`` → (12, "đồng")."""

    exponent: int
    base: str


class Measure(NamedTuple):
    """One entry of the catalogue."""

    id: str
    name_vi: str
    name_en: str
    unit_vi: str
    unit_en: str
    kind: str
    definition_vi: str
    definition_en: str
    #: other nouns that count the same thing one for one ("thẻ" for press cards held)
    same_as: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_vi

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" and self.unit_en else self.unit_vi

    def definition(self, lang: str) -> str:
        return self.definition_en if lang == "en" and self.definition_en else self.definition_vi

    def bases(self) -> frozenset[str]:
        """The things this measure may be counted in: its unit's and those it names as the same."""
        return _bases(self)


@lru_cache(maxsize=512)
def _bases(measure: Measure) -> frozenset[str]:
    return frozenset({read_unit(measure.unit_vi).base, *(read_unit(u).base for u in measure.same_as)})


@lru_cache(maxsize=1024)  # a series converts thousands of figures written in a handful of units
def read_unit(text: str) -> Unit:
    """``text`` read as scale words and the thing counted ("tỷ đồng" → (9, "đồng"); "%" → (0, "%")).

    The thing counted is compared case-insensitively, in Unicode NFC, with runs of spaces as one.
    """
    words = unicodedata.normalize("NFC", text).casefold().split()
    exponent = 0
    while len(words) > 1 and words[0] in _SCALES:
        exponent += _SCALES[words.pop(0)]
    return Unit(exponent, " ".join(words))


def unit_converts(unit_vi: str, measure: Measure) -> bool:
    """Whether a figure written in ``unit_vi`` can be shown in ``measure``'s unit."""
    return read_unit(unit_vi).base in measure.bases()


def convert(value: Decimal, unit_vi: str, measure: Measure) -> Decimal:
    """``value`` written in ``unit_vi``, in ``measure``'s unit, exactly (213,355 nghìn tỷ → 213.355 tỷ).

    Raises :class:`UnitMismatch` naming both units when they count different things.
    """
    shift = _shift(unit_vi, measure)
    return value.scaleb(shift) if shift else value


@lru_cache(maxsize=1024)
def _shift(unit_vi: str, measure: Measure) -> int:
    """The power of ten from ``unit_vi`` to ``measure``'s unit; UnitMismatch if they count different things."""
    written = read_unit(unit_vi)
    if written.base not in measure.bases():
        raise UnitMismatch(f"unit {unit_vi!r} does not convert to {measure.unit_vi!r}, the unit of measure "
                           f"{measure.id!r} (they count different things)")
    return written.exponent - read_unit(measure.unit_vi).exponent


def close_ids(wanted: str, ids: list[str] | tuple[str, ...], count: int = 3) -> list[str]:
    """The catalogue's ids closest to a mistyped one, best first (for "did you mean")."""
    # An id cut short ("telecom.subscribers.mobil") names its completions first, then the nearest spellings.
    close = [i for i in ids if i.startswith(wanted)]
    close += [i for i in difflib.get_close_matches(wanted, ids, n=count, cutoff=0.5) if i not in close]
    return close[:count]


def load_measures(path: str | Path) -> dict[str, Measure]:
    """The catalogue at ``path`` as {id: Measure}, in the file's order.

    Raises :class:`MeasureCatalogueError` listing every problem (entry and field) in one message.
    """
    import yaml

    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MeasureCatalogueError(f"{path}: the measure catalogue is missing") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MeasureCatalogueError(f"{path}: cannot read the measure catalogue ({exc})") from None
    problems: list[str] = []
    if not isinstance(document, dict) or document.get("format") != CATALOGUE_FORMAT:
        raise MeasureCatalogueError(f"{path}: not a measure catalogue (expected format: {CATALOGUE_FORMAT!r})")
    entries = document.get("measures")
    if not isinstance(entries, list):
        raise MeasureCatalogueError(f"{path}: measures: expected a list of measures")
    out: dict[str, Measure] = {}
    for index, entry in enumerate(entries):
        where = f"measures[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        measure = _read_entry(entry, where, problems)
        if measure is None:
            continue
        if measure.id in out:
            problems.append(f"{where}.id: {measure.id!r} is listed twice")
        out[measure.id] = measure
    if problems:
        raise MeasureCatalogueError(f"{path}: " + "; ".join(problems))
    return out


def _read_entry(entry: dict[str, Any], where: str, problems: list[str]) -> Measure | None:
    before = len(problems)
    known = {"id", "name", "unit", "kind", "definition", "same_as"}
    for name in sorted(set(entry) - known):
        problems.append(f"{where}.{name}: unknown field")
    mid = entry.get("id")
    if not isinstance(mid, str) or not _ID.fullmatch(mid):
        problems.append(f"{where}.id: expected lowercase words joined by dots (telecom.revenue.total), got {mid!r}")
    texts: dict[str, tuple[str, str]] = {}
    for name in ("name", "unit", "definition"):
        value = entry.get(name)
        if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) and value[lang].strip()
                                                   for lang in ("vi", "en")):
            problems.append(f"{where}.{name}: expected {{vi: …, en: …}}, both written")
            continue
        texts[name] = (value["vi"].strip(), value["en"].strip())
    kind = entry.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}.kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    same_as = entry.get("same_as", [])
    if not isinstance(same_as, list) or not all(isinstance(u, str) and u.strip() for u in same_as):
        problems.append(f"{where}.same_as: expected a list of units")
        same_as = []
    if len(problems) > before or not isinstance(mid, str) or not isinstance(kind, str):
        return None
    return Measure(mid, *texts["name"], *texts["unit"], kind, *texts["definition"], tuple(same_as))


@lru_cache(maxsize=4)
def _cached(path: str, stamp: tuple[int, int]) -> dict[str, Measure]:
    return load_measures(path)


def shipped_measures(path: str | Path | None = None) -> dict[str, Measure]:
    """The catalogue the app ships with (or the one at ``path``), read once while the file is unchanged."""
    if path is None:
        from ..paths import measures_path

        path = measures_path()
    path = Path(path)
    try:
        st = path.stat()
    except OSError:
        return load_measures(path)  # raises MeasureCatalogueError naming the file
    return _cached(str(path), (st.st_mtime_ns, st.st_size))
