"""What a briefing file may hold: one description of its fields, kept in code (Qt-free, no YAML).

The validator (:mod:`briefing_app.data.briefing_file`) takes from here which fields each mapping may
have, how long a text may be, the patterns of keys, dates, periods and numbers, the choices of a
qualifier or a relation, and which figures need a value or a comparison. :func:`json_schema` turns
the same description into a JSON Schema (draft 2020-12) for YAML editors (``briefing-app schema``),
so the two cannot drift apart: a field added here is known to both.

A briefing holds its source in one of two ways: the article's text beside the file (``briefing.source``,
each item with its ``source`` passage), or **cited by reference** (``briefing.sources``: title, publisher,
address and date of each article, each item naming its article with ``cited`` and an optional short
``locator``), for articles whose text we may not carry. The validator refuses a briefing that mixes
the two.

The schema is a help for editing, not the authority: what it cannot say — that a ``source`` is in the
article word for word, that a figure appears in its sentence, that keys are unique and references
resolve — only ``briefing-app validate`` checks (``docs/architecture.md`` explains the choice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .numbers import VI_NUMBER
from .periods import DATETIME, PERIOD
from .schema import NUMBER_FIELDS, QUALIFIERS

__all__ = ["FORMAT", "Field", "URL", "MAX_LOCATOR_WORDS", "briefing_fields", "field_names", "find_field",
           "text_limit", "json_schema", "KEY", "RELATIONS", "REF_SECTIONS", "TEXT_LIMITS", "MAX_OTHER_TEXT",
           "SCHEMA_DIALECT"]

FORMAT = "briefing/1"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Longest text, in characters, by field name; every other text field (keys, names, dates, units…) 200.
TEXT_LIMITS = {"source": 5000, **dict.fromkeys(
    ("title", "label", "what", "kind", "organisation", "publisher", "chaired_by", "plan", "compared_with",
     "expected", "stated", "period", "note", "url"), 500)}
MAX_OTHER_TEXT = 200
KEY = re.compile(r"[a-z0-9][a-z0-9_.\-]*")
#: The sections a reference (``limitation:sim_junk``) may point into, by the word it starts with.
REF_SECTIONS = {"indicator": "indicators", "achievement": "achievements",
                "limitation": "limitations", "directive": "directives"}
RELATIONS = ("addressed_by", "cited_by", "related")
#: A cited article's address: http or https only (a ``file:`` or ``javascript:`` address is never a source).
URL = re.compile(r"https?://[^\s/?#]+[^\s]*")
#: A ``locator`` finds the figure in the article; it is a few words, never a copied sentence.
MAX_LOCATOR_WORDS = 12


@dataclass(frozen=True)
class Field:
    """One field of a briefing file.

    ``kind`` is one of: ``format`` (exactly :data:`FORMAT`), ``key``, ``text``, ``i18n`` (a text, or
    ``{vi: …, en: …}``), ``number`` (quoted, Vietnamese notation), ``whole`` (an unquoted whole number
    from 1), ``date`` (YYYY-MM-DD[THH:MM]), ``period`` (a date, month, half, quarter or year),
    ``url`` (an http or https address),
    ``choice`` (one of ``choices``), ``texts`` (a list of texts), ``ref`` / ``refs`` (``section:key``),
    ``mapping`` (with ``fields``) or ``list`` (of mappings with ``fields``).
    """

    name: str
    kind: str
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    #: Required when this other field of the same mapping is given (``unit`` with ``value``).
    required_with: str | None = None
    #: For a list: each entry needs at least one of these fields (a figure: a value or a comparison).
    needs_one_of: tuple[str, ...] = ()
    #: For a mapping: exactly one of these fields (a briefing's ``source`` article or its cited ``sources``).
    exactly_one_of: tuple[str, ...] = ()


def _item_fields(section: str) -> tuple[Field, ...]:
    number = (Field("number", "whole", True, "The directive's number in the source, in order from 1."),) \
        if section == "directives" else ()
    return (*number,
            Field("key", "key", True, "Unique within the section: lowercase a-z, 0-9, '_', '.', '-'."),
            Field("sector", "text", True, "The id of one of the sectors."),
            Field("title", "i18n", True, "A short title of ours."),
            *_reference_fields("The exact passage of the article, character for character."))


def _reference_fields(source_help: str) -> tuple[Field, ...]:
    """Where an item comes from: its passage (a briefing with its article) or its cited article (one cited
    by reference). Neither is required by itself; the validator requires the one the briefing's mode needs."""
    return (Field("source", "text", False, f"{source_help} Required unless the briefing cites by reference."),
            Field("cited", "key", False, "The key of the cited article (briefing.sources) this comes from; "
                  "required, instead of source, in a briefing cited by reference."),
            Field("locator", "text", False, f"A few words (at most {MAX_LOCATOR_WORDS}) to find it in the cited "
                  "article, never a copied sentence."))


_NUMBER_HELP = {
    "value": 'The figure as written, in Vietnamese notation ("213.355", "2,93"); null when only a comparison is given.',
    "value_max": 'The upper end of a stated range ("từ 10-20%" → value "10", value_max "20").',
    "plan_pct": 'Percent of plan: "bằng 47,41% so với kế hoạch" → "47,41".',
    "change_pct": 'Change in percent, signed: "tăng 13%" → "13", "giảm 5%" → "-5".',
    "same_period_pct": 'Percent of the same period: "bằng 106% so với cùng kỳ" → "106".',
}


def briefing_fields() -> tuple[Field, ...]:
    """The fields of a briefing file's top level, each with its own fields (read afresh on each call, so
    a number added to :data:`schema.NUMBER_FIELDS` is a field of the file at once)."""
    qualifiers = tuple(QUALIFIERS)
    numbers = tuple(Field(name, "number", False, _NUMBER_HELP.get(name, "A stated number, as written."))
                    for name in NUMBER_FIELDS["indicators"])
    return (
        Field("format", "format", True, f"Always {FORMAT}."),
        Field("briefing", "mapping", True, "What the briefing is and where it comes from.", fields=(
            Field("id", "key", True, "The briefing's key, unique across all briefings."),
            Field("revision", "whole", False, "Raise it when you correct a published briefing (default 1)."),
            Field("organisation", "i18n", True, "Who reports."),
            Field("title", "i18n", True, "The meeting or report title."),
            Field("period", "mapping", True, "The period the briefing covers.", fields=(
                Field("vi", "text", True, "In Vietnamese, as the source says it."),
                Field("en", "text"),
                Field("start", "date", False, "First day, YYYY-MM-DD."),
                Field("end", "date", False, "Last day, YYYY-MM-DD."))),
            Field("meeting", "mapping", False, "The meeting the briefing was given at.", fields=(
                Field("date", "date", False, "YYYY-MM-DD."),
                Field("place", "i18n"),
                Field("kind", "i18n"),
                Field("chaired_by", "text", False, "The person and role as the source says."),
                Field("attendees", "texts", False, "Each group or person as the source lists them."),
                Field("connected_sites", "number", False, "How many sites took part online, as written."),
                Field("source", "text", False, "The exact sentence(s) the meeting facts come from."),
                *_reference_fields("The exact sentence(s) the meeting facts come from.")[1:])),
            Field("source", "mapping", False, "The article the briefing is written from, its text beside this file "
                  "(or give sources instead).", fields=(
                Field("title", "text", True, "The article's headline, verbatim."),
                Field("publisher", "i18n"),
                Field("published_at", "date", False, "Local time as printed: YYYY-MM-DDTHH:MM."),
                Field("authors", "texts"),
                Field("article", "text", True, "The article text file, beside this file."))),
            Field("sources", "list", False, "The articles the briefing cites by reference, when their text is "
                  "not held (instead of source).", fields=(
                Field("key", "key", True, "How items name this article (cited: KEY)."),
                Field("title", "text", True, "The article's own title, as published."),
                Field("publisher", "i18n", True, "Who published it."),
                Field("url", "url", True, "Its address: http:// or https://."),
                Field("published_at", "date", False, 'YYYY-MM-DD[THH:MM]; leave out when the article gives no '
                      'date ("date not stated" is shown).'),
                Field("note", "i18n", False, "A remark of ours about the article."))),
        ), exactly_one_of=("source", "sources")),
        Field("sectors", "list", True, "The sectors, in display order.", fields=(
            Field("id", "key", True),
            Field("vi", "text", True, "The sector's name."),
            Field("en", "text"))),
        Field("enterprises", "list", False, "Enterprises whose results the source gives.", fields=(
            Field("id", "key", True),
            Field("name", "i18n", True),
            Field("short", "text", False, "A short name for tables and charts."))),
        Field("indicators", "list", False, "Every figure the source states.",
              needs_one_of=tuple(n for n in ("value", "plan_pct", "change_pct", "same_period_pct")
                                 if n in NUMBER_FIELDS["indicators"]), fields=(
            Field("key", "key", True),
            Field("sector", "text", True, "The id of one of the sectors."),
            Field("label", "i18n", True, "What the figure is."),
            *numbers,
            Field("unit", "i18n", False, "The unit as the source writes it; required with a value.",
                  required_with="value"),
            Field("qualifier", "choice", False, "hơn, trên (over), gần (nearly), khoảng, vào khoảng (about), "
                  "xấp xỉ (approximately), ước đạt, ước tính (estimated), an estimate that is also approximate "
                  "as written (ước đạt hơn, ước tính khoảng, …); null when the source states the figure plainly.",
                  choices=qualifiers),
            Field("as_of", "period", False, 'A date or period: "2017-06-30", "2017-06", "2017-H1", "2017-Q2", "2017".'),
            Field("parent", "text", False, "The key of the total this figure is part of."),
            Field("enterprise", "text", False, "The id of the enterprise, for its results."),
            Field("metric", "text", False, "For enterprise results: revenue, profit, budget, subscribers…"),
            Field("measure", "key", False, "What the figure counts, as an id of resources/measures.yaml "
                  "(telecom.subscribers.mobile): figures of one measure form a series across briefings; "
                  "the unit must convert to the measure's."),
            Field("plan_qualifier", "choice", False, '"đạt khoảng 49% kế hoạch" → khoảng.', choices=qualifiers),
            Field("plan", "i18n", False, "What the plan is, when stated."),
            Field("change_qualifier", "choice", False, '"tăng khoảng 15%" → khoảng.', choices=qualifiers),
            Field("compared_with", "i18n", False, "What the change compares with, when stated."),
            *_reference_fields("The exact sentence of the article that states the figure."))),
        Field("achievements", "list", False, fields=_item_fields("achievements")),
        Field("limitations", "list", False, fields=_item_fields("limitations")),
        Field("directives", "list", False, "The numbered tasks.", fields=_item_fields("directives")),
        Field("links", "list", False, "Where the source connects two items.", fields=(
            Field("from", "ref", True),
            Field("to", "ref", True),
            Field("relation", "choice", True, choices=RELATIONS))),
        Field("checks", "list", False, "Discrepancies in the source the builder cannot compute.", fields=(
            Field("key", "key", True),
            Field("items", "refs", True, "The items involved, as section:key."),
            Field("what", "i18n", True),
            Field("expected", "text", True),
            Field("stated", "text", True))),
    )


def find_field(*path: str) -> Field:
    """The field at ``path`` (``find_field("briefing", "source")``); KeyError if there is none."""
    fields = briefing_fields()
    found: Field | None = None
    for name in path:
        found = next((f for f in fields if f.name == name), None)
        if found is None:
            raise KeyError(".".join(path))
        fields = found.fields
    if found is None:
        raise KeyError("")
    return found


def field_names(*path: str) -> set[str]:
    """The names a mapping at ``path`` may hold: the top level for no path, an entry's for a list."""
    fields = find_field(*path).fields if path else briefing_fields()
    return {f.name for f in fields}


def text_limit(field: str) -> int:
    """The longest text allowed in ``field`` ("indicators[3].label.vi" → the limit for labels)."""
    parts = [re.sub(r"\[\d+\]$", "", part) for part in field.split(".")]
    while len(parts) > 1 and parts[-1] in ("vi", "en") and parts[-2] not in ("sectors",):
        parts.pop()
    return TEXT_LIMITS.get(parts[-1], MAX_OTHER_TEXT)


# ------------------------------------------------------------------ JSON Schema
def json_schema() -> dict[str, Any]:
    """The briefing file format as a JSON Schema (draft 2020-12), for YAML editors' completion and checks."""
    schema = {
        "$schema": SCHEMA_DIALECT,
        "title": f"Briefing file ({FORMAT})",
        "description": "A briefing of Briefing Viewer, written by hand from a source article (docs/briefing-file.md). "
                       "The editor's checks are a help; 'briefing-app validate FILE' is the authority (it also "
                       "checks every source against the article and every figure against its sentence).",
    }
    schema.update(_object(briefing_fields(), ()))
    return schema


def _object(fields: tuple[Field, ...], path: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _field(f, (*path, f.name)) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        out["required"] = required
    dependent = {f.required_with: [f.name] for f in fields if f.required_with}
    if dependent:
        out["dependentRequired"] = dependent
    return out


def _exactly_one(names: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"required": [name], "not": {"anyOf": [{"required": [other]} for other in names if other != name]}}
            for name in names]


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` also allowing null: the validator reads an optional field written as null (``parent: null``)
    as left out. Said with ``type`` (not ``anyOf``), so an editor points at the wrong value inside it."""
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*kinds, "null"]}


def _text(path: tuple[str, ...], required: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "maxLength": text_limit(".".join(path))}
    if required:
        schema["pattern"] = r"\S"  # not empty
    return schema


def _field(field: Field, path: tuple[str, ...]) -> dict[str, Any]:
    kind = field.kind
    schema: dict[str, Any]
    if kind == "format":
        schema = {"const": FORMAT}
    elif kind == "key":
        schema = {"type": "string", "pattern": f"^{KEY.pattern}$", "maxLength": text_limit(".".join(path))}
    elif kind == "text":
        schema = _text(path, field.required)
    elif kind == "i18n":
        # A text, or {vi: …, en: …}: one schema for both ("maxLength" applies to a text only,
        # "properties" to a mapping only), so an editor's message points at the value.
        schema = {**_text(path, field.required), "type": ["string", "object"],
                  "properties": {"vi": _text((*path, "vi"), field.required),
                                 "en": _nullable(_text((*path, "en"), False))},
                  "additionalProperties": False}
        if field.required:
            schema["required"] = ["vi"]
    elif kind == "url":
        schema = {"type": "string", "pattern": f"^{URL.pattern}$", "maxLength": text_limit(".".join(path)),
                  "examples": ["https://example.org/article.html"]}
    elif kind == "number":
        schema = {"type": "string", "pattern": rf"^\s*{VI_NUMBER.pattern}\s*$",
                  "examples": ["213.355", "2,93", "72.736.956.416"]}
    elif kind == "whole":
        schema = {"type": "integer", "minimum": 1}
    elif kind == "date":
        schema = {"type": "string", "pattern": f"^{DATETIME.pattern}$"}
    elif kind == "period":
        schema = {"type": "string", "pattern": f"^{PERIOD.pattern}$"}
    elif kind == "choice":
        schema = {"enum": list(field.choices)}
    elif kind == "texts":
        schema = {"type": "array", "items": {"type": "string", "maxLength": text_limit(".".join(path))}}
    elif kind in ("ref", "refs"):
        ref = {"type": "string", "pattern": f"^({'|'.join(REF_SECTIONS)}):.+$",
               "examples": ["limitation:sim_junk"]}
        schema = ref if kind == "ref" else {"type": "array", "minItems": 1, "items": ref}
    elif kind == "mapping":
        schema = _object(field.fields, path)
        if field.exactly_one_of:
            schema["oneOf"] = _exactly_one(field.exactly_one_of)
    elif kind == "list":
        entry = _object(field.fields, path)
        if field.needs_one_of:
            entry["anyOf"] = [{"required": [name], "properties": {name: {"type": "string"}}}
                              for name in field.needs_one_of]
        schema = {"type": "array", "items": entry}
    else:  # pragma: no cover - a kind this function does not know is a mistake in the description
        raise ValueError(f"unknown field kind {kind!r}")
    if not field.required and kind not in ("format", "whole"):
        schema = _nullable(schema)
    return {"description": field.help, **schema} if field.help else schema
