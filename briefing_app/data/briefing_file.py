"""Read and validate a hand-written briefing file (YAML; see ``docs/briefing-file.md``).

Every problem is collected with its file, line, column and field, so an editor
sees them all at once. Numbers must be quoted strings in Vietnamese notation,
which sidesteps YAML's surprises (``NO`` → false, ``1:30`` → 90, ``010`` → 8).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

try:  # libyaml parses a large file about five times faster than PyYAML's own parser
    from yaml.cyaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml
    _CParser = None

from ..i18n import Message, render, tr
from .briefing_format import (
    FORMAT,
    KEY,
    MAX_LOCATOR_WORDS,
    REF_SECTIONS,
    RELATIONS,
    TEXT_LIMITS,
    URL,
    field_names,
    find_field,
    text_limit,
)
from .numbers import NumberFormatError, parse_number
from .periods import DATETIME, PERIOD
from .schema import NUMBER_FIELDS, QUALIFIERS, number_text
from .sentence_percents import COMPARISONS, check_percent
from .source_match import find_mismatch

__all__ = ["Problem", "MoreProblems", "BriefingFileError", "BriefingDocument", "load_briefing_file",
           "parse_briefing_text", "read_text_file", "parse_yaml", "MAX_FILE_BYTES", "MAX_ARTICLE_BYTES", "MAX_PROBLEMS",
           "TEXT_LIMITS"]

#: Limits documented in docs/briefing-file.md ("Limits").
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
#: Problems listed per file; the rest are counted ("… and 199,900 more problems").
MAX_PROBLEMS = 100
#: A number longer than this is refused before Python converts it (int("1:1:…:1") is quadratic).
_MAX_NUMBER_CHARS = 50


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a briefing file, and where.

    ``message`` is a :class:`~briefing_app.i18n.Message`, said in the reader's language by :meth:`text`: what
    is wrong with the file as a whole (missing, unreadable, not YAML) or with one of its fields. ``field`` is the
    field's path as the file format names it (``briefing.source.article``), never translated, as are the
    values a message quotes from the file. ``str()`` is the English. (A plain ``str`` message is said as it is.)
    """

    file: str
    line: int | None
    column: int | None
    field: str
    message: str | Message

    def text(self, lang: str) -> str:
        """``file:line:column: field: message`` with the message in ``lang``."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = render(self.message, lang)
        return f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class MoreProblems(Problem):
    """Stands for the ``count`` problems found beyond the first :data:`MAX_PROBLEMS` of a file."""

    count: int = 0

    def text(self, lang: str) -> str:
        return tr("file_problem.more", lang, n=self.count)


class BriefingFileError(Exception):
    """A briefing file cannot be used; ``problems`` lists the reasons.

    At most :data:`MAX_PROBLEMS` are kept, then one :class:`MoreProblems` counts the rest, so a
    file with 200,000 mistakes prints 101 lines. ``count`` is the number of problems found.
    Problems of several files (which may each end in a :class:`MoreProblems`) can be passed in together.
    """

    def __init__(self, problems: list[Problem]):
        kept = [p for p in problems if not isinstance(p, MoreProblems)]
        self.count = len(kept) + sum(p.count for p in problems if isinstance(p, MoreProblems))
        self.problems = kept[:MAX_PROBLEMS]
        if self.count > len(self.problems):
            files = {p.file for p in problems}
            self.problems.append(MoreProblems(files.pop() if len(files) == 1 else "", None, None, "", "",
                                              count=self.count - len(self.problems)))
        super().__init__("\n".join(str(p) for p in self.problems))

    def text(self, lang: str) -> str:
        """Every problem kept, one per line, in ``lang``."""
        return "\n".join(p.text(lang) for p in self.problems)


@dataclass
class BriefingDocument:
    """A validated briefing file, normalised into plain rows keyed by ``key``."""

    path: Path
    briefing: dict[str, Any]
    article_text: str
    sectors: list[dict[str, Any]]
    enterprises: list[dict[str, Any]]
    indicators: list[dict[str, Any]]
    achievements: list[dict[str, Any]]
    limitations: list[dict[str, Any]]
    directives: list[dict[str, Any]]
    links: list[dict[str, Any]] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    #: The articles a briefing cited by reference names (``briefing.sources``); empty for one with its article.
    cited_sources: list[dict[str, Any]] = field(default_factory=list)
    #: The article file the sources were checked against (an input of a build, never its output).
    article_path: Path | None = None


# --------------------------------------------------------------------- YAML
class _Marked(dict):
    """A mapping that remembers where each of its keys and values stood."""

    marks: dict[str, tuple[int, int]]
    start: tuple[int, int]


class _MarkedList(list):
    marks: list[tuple[int, int]]
    start: tuple[int, int]


if TYPE_CHECKING:
    # For the type checker, the mixin below is what it is at run time: the front of a PyYAML loader,
    # whose get_event, resolve and construct_* it calls (and whose super() it extends).
    from yaml import SafeLoader as _LoaderBase
else:
    _LoaderBase = object


class _Refused(yaml.MarkedYAMLError):
    """What a briefing file's YAML may not hold (an alias, a duplicate key…), at its place, as a message."""

    def __init__(self, message: Message, mark: yaml.Mark):
        super().__init__(None, None, str(message), mark)
        self.message = message


class _StrictRules(_LoaderBase):
    """Refuses anchors, aliases, explicit tags and merge keys, bounds nesting, and keeps positions.

    Mixed into a loader below (libyaml's parser where there is one), in front of PyYAML's composer
    and constructor. Every value Python cannot convert becomes a :class:`yaml.MarkedYAMLError` at
    the value, so it is reported with its line and column.
    """

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        # PyYAML's composer, cut down to what a briefing file may hold (no aliases, anchors, tags or
        # path resolvers) and bounded in depth; tight, since a 5 MB file holds ~400,000 nodes.
        event = self.get_event()
        kind = type(event)
        if kind is yaml.AliasEvent:
            raise _Refused(Message("field_problem.alias"), event.start_mark)
        if event.anchor is not None:
            raise _Refused(Message("field_problem.anchor"), event.start_mark)
        tag = event.tag
        if tag is not None and tag != "!":
            raise _Refused(Message("field_problem.tag", tag=tag), event.start_mark)
        if kind is yaml.ScalarEvent:
            tag = self.resolve(yaml.ScalarNode, event.value, event.implicit) if event.implicit[0] else _STR
            return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        self._depth = getattr(self, "_depth", 0) + 1
        if self._depth > MAX_DEPTH:
            raise _Refused(Message("field_problem.too_deep", levels=MAX_DEPTH), event.start_mark)
        items: list = []
        if kind is yaml.SequenceStartEvent:
            node: yaml.Node = yaml.SequenceNode(_SEQ, items, event.start_mark, None, flow_style=event.flow_style)
            while not self.check_event(yaml.SequenceEndEvent):
                items.append(self.compose_node(node, None))
        else:
            node = yaml.MappingNode(_MAP, items, event.start_mark, None, flow_style=event.flow_style)
            while not self.check_event(yaml.MappingEndEvent):
                key = self.compose_node(node, None)
                items.append((key, self.compose_node(node, key)))
        node.end_mark = self.get_event().end_mark
        self._depth -= 1
        return node

    def construct_object(self, node, deep=False):  # noqa: ANN001
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, ArithmeticError) as exc:
            # An impossible date (2017-13-45) and the like.
            raise _Refused(Message("field_problem.unreadable_value", reason=str(exc)), node.start_mark) from None

    def construct_mapping(self, node, deep=False):  # noqa: ANN001
        result = _Marked()
        result.marks = {}
        result.start = (node.start_mark.line + 1, node.start_mark.column + 1)
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(Message("field_problem.merge_key"), key_node.start_mark)
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _Refused(Message("field_problem.key_not_text", found=repr(key)), key_node.start_mark)
            if key in result:
                raise _Refused(Message("field_problem.duplicate_key", name=repr(key)), key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.marks[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        return result

    def construct_sequence(self, node, deep=False):  # noqa: ANN001
        result = _MarkedList(self.construct_object(child, deep=True) for child in node.value)
        result.marks = [(c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value]
        result.start = (node.start_mark.line + 1, node.start_mark.column + 1)
        return result

    def construct_scalar(self, node):  # noqa: ANN001
        value = super().construct_scalar(node)
        # PyYAML's own scanner turns the escape "\ud800" into a lone surrogate (libyaml refuses it).
        surrogate = _SURROGATE.search(value) if isinstance(value, str) else None
        if surrogate:
            raise _Refused(_surrogate_message(surrogate.group()), node.start_mark)
        return value

    def construct_number(self, node):  # noqa: ANN001
        if len(node.value) > _MAX_NUMBER_CHARS:
            raise _Refused(Message("field_problem.long_number", length=len(node.value)), node.start_mark)
        if node.tag.endswith(":int"):
            return SafeConstructor.construct_yaml_int(self, node)
        return SafeConstructor.construct_yaml_float(self, node)


if _CParser is not None:
    class _StrictLoader(_StrictRules, Composer, _CParser, SafeConstructor, Resolver):
        """libyaml reads the events; PyYAML's composer and constructor (with our rules) build the values."""

        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
else:
    class _StrictLoader(_StrictRules, yaml.SafeLoader):  # type: ignore[no-redef]
        """PyYAML's own parser, with our rules."""


for _tag, _constructor in (("map", _StrictRules.construct_mapping), ("seq", _StrictRules.construct_sequence),
                           ("int", _StrictRules.construct_number), ("float", _StrictRules.construct_number)):
    _StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _constructor)

_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
#: Lone surrogates (never text; they cannot even be stored) and what YAML refuses to hold.
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_YAML = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")


def _surrogate_message(char_or_escape: str) -> Message:
    escape = char_or_escape if char_or_escape.startswith("\\") else f"\\u{ord(char_or_escape):04x}"
    return Message("field_problem.surrogate", escape=escape)


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of ``text[index]``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _unreadable_characters(text: str, name: str) -> list[Problem]:
    """Lone surrogates and characters YAML cannot hold, each with its place (caught before the parser)."""
    problems: list[Problem] = []
    for match in _NOT_YAML.finditer(text):
        char = match.group()
        if _SURROGATE.fullmatch(char):
            message = _surrogate_message(char)
        else:
            message = Message("field_problem.control", code=f"{ord(char):04X}")
        problems.append(Problem(name, *_position(text, match.start()), "", message))
        if len(problems) > MAX_PROBLEMS:
            break
    return problems


def _bad_escape(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, Message] | None:
    """libyaml's "invalid Unicode character escape code", as where and what the escape is."""
    mark = exc.problem_mark
    if mark is None or "escape code" not in (exc.problem or ""):
        return None
    lines = text.split("\n")
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    found = [m for m in _ESCAPE.finditer(line) if m.start() <= mark.column]
    if not found:
        return None
    escape = found[-1].group()
    code = int(escape[2:], 16)
    message = (_surrogate_message(escape) if 0xD800 <= code <= 0xDFFF
               else Message("field_problem.not_unicode", escape=escape))
    return mark.line + 1, found[-1].start() + 1, message


# --------------------------------------------------------------- validation
#: How a problem names the prose item it is about ("directive sim_junk").
_WHAT = {"achievements": "field_problem.what.achievement", "limitations": "field_problem.what.limitation",
         "directives": "field_problem.what.directive"}


class _Checker:
    """Walks a loaded document, collecting problems and normalised rows."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        #: Problems found beyond the first MAX_PROBLEMS: only counted.
        self.more = 0
        #: The article's file name, for positions in it ("article.txt:5:23").
        self.article_name = "the article"

    def problem(self, where: tuple[int, int] | None, field: str, message: Message) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1
            return
        line, column = where if where else (None, None)
        self.problems.append(Problem(self.file, line, column, field, message))

    def all_problems(self) -> list[Problem]:
        """The problems kept, then what stands for the rest."""
        more = [MoreProblems(self.file, None, None, "", "", count=self.more)] if self.more else []
        return self.problems + more

    def too_long(self, value: str, where: tuple[int, int] | None, field: str) -> bool:
        """Whether ``value`` is longer than its field allows (then it is a problem)."""
        limit = text_limit(field)
        if len(value) <= limit:
            return False
        self.problem(where, field, Message("field_problem.too_long", length=len(value), limit=limit))
        return True

    @staticmethod
    def mark(mapping: Any, key: str) -> tuple[int, int] | None:
        marks = getattr(mapping, "marks", None)
        if isinstance(marks, dict) and key in marks:
            return marks[key]
        return getattr(mapping, "start", None)

    def mapping(self, value: Any, where: tuple[int, int] | None, field: str) -> dict | None:
        if not isinstance(value, dict):
            self.problem(where, field, Message("field_problem.not_mapping", found=_describe(value)))
            return None
        return value

    def text(self, mapping: dict, key: str, path: str, required: bool = True) -> str | None:
        value = mapping.get(key)
        where = self.mark(mapping, key)
        if value is None:
            if required:
                self.problem(where, f"{path}.{key}", _MISSING)
            return None
        if not isinstance(value, str):
            self.problem(where, f"{path}.{key}", _wrong_type(value, Message("field_problem.kind.text")))
            return None
        if self.too_long(value, where, f"{path}.{key}"):
            return None
        if required and not value.strip():
            self.problem(where, f"{path}.{key}", Message("field_problem.empty"))
            return None
        return value

    def i18n(self, mapping: dict, key: str, path: str, required: bool = True) -> tuple[str | None, str | None]:
        value = mapping.get(key)
        where = self.mark(mapping, key)
        if value is None:
            if required:
                self.problem(where, f"{path}.{key}", _MISSING)
            return None, None
        if isinstance(value, str):
            return value, None
        if not isinstance(value, dict):
            self.problem(where, f"{path}.{key}", _wrong_type(value, Message("field_problem.kind.text_or_pair")))
            return None, None
        vi = self.text(value, "vi", f"{path}.{key}", required=required)
        en = self.text(value, "en", f"{path}.{key}", required=False)
        return vi, en

    def number(self, mapping: dict, key: str, path: str, required: bool = False) -> tuple[Decimal | None, str | None]:
        value = mapping.get(key)
        where = self.mark(mapping, key)
        if value is None:
            if required:
                self.problem(where, f"{path}.{key}", _MISSING)
            return None, None
        if not isinstance(value, str):
            self.problem(where, f"{path}.{key}", _wrong_type(value, Message("field_problem.kind.quoted_number")))
            return None, None
        try:
            return parse_number(value, "vi"), value
        except NumberFormatError:
            self.problem(where, f"{path}.{key}", Message("field_problem.not_vi_number", value=repr(value)))
            return None, None

    def key(self, mapping: dict, path: str, seen: dict[str, Any], name: str = "key") -> str | None:
        value = self.text(mapping, name, path)
        if value is None:
            return None
        where = self.mark(mapping, name)
        if not KEY.fullmatch(value):
            self.problem(where, f"{path}.{name}", Message("field_problem.bad_id", value=repr(value)))
            return None
        if value in seen:
            self.problem(where, f"{path}.{name}", Message("field_problem.duplicate_id", value=repr(value)))
            return None
        seen[value] = mapping
        return value

    def known_fields(self, mapping: dict, allowed: set[str], path: str) -> None:
        for name in mapping:
            if name not in allowed:
                self.problem(self.mark(mapping, name), f"{path}.{name}" if path else name,
                             Message("field_problem.unknown_field"))

    def source(self, mapping: dict, key: str, path: str, article: str | None,
               required: bool = True) -> tuple[str | None, int | None]:
        text = self.text(mapping, key, path, required=required)
        if text is None or article is None:
            return text, None
        offset = article.find(text)
        if offset < 0:
            mismatch = find_mismatch(text, article)
            self.problem(self.mark(mapping, key), f"{path}.{key}",
                         Message("field_problem.not_word_for_word", detail=mismatch.describe(self.article_name)))
        return text, (offset if offset >= 0 else None)

    def reference(self, mapping: dict, path: str, article: str | None, cited: dict[str, Any] | None,
                  what: Message, required: bool = True) -> dict[str, Any]:
        """Where an item comes from, as its row's columns: ``source_text``/``source_offset`` (its passage in
        the article) or, in a briefing cited by reference (``cited`` is its articles by key), ``cited`` and
        ``locator`` with an empty passage. A field of the other way is a problem that says which to use."""
        if cited is None:
            for name in ("cited", "locator"):
                if name in mapping:
                    self.problem(self.mark(mapping, name), f"{path}.{name}",
                                 Message("field_problem.holds_article", what=what, name=repr(name)))
            text, offset = self.source(mapping, "source", path, article, required=required)
            return {"source_text": text, "source_offset": offset, "cited": None, "locator": None}
        if "source" in mapping:
            self.problem(self.mark(mapping, "source"), f"{path}.source",
                         Message("field_problem.cites_sources", what=what))
        key = self.text(mapping, "cited", path, required=required)
        if key is not None and key not in cited:
            known = ", ".join(cited) or Message("field_problem.none")
            self.problem(self.mark(mapping, "cited"), f"{path}.cited",
                         Message("field_problem.unknown_cited", value=repr(key), known=known))
        locator = self.text(mapping, "locator", path, required=False)
        if locator is not None and len(locator.split()) > MAX_LOCATOR_WORDS:
            self.problem(self.mark(mapping, "locator"), f"{path}.locator",
                         Message("field_problem.long_locator", words=len(locator.split()), limit=MAX_LOCATOR_WORDS))
        return {"source_text": "" if key is not None or required else None, "source_offset": 0,
                "cited": key, "locator": locator}

    def items(self, document: dict, name: str) -> list[tuple[int, dict]]:
        value = document.get(name)
        where = self.mark(document, name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(where, name, Message("field_problem.not_list", found=_describe(value)))
            return []
        marks = getattr(value, "marks", [None] * len(value))
        out = []
        for index, entry in enumerate(value):
            mapping = self.mapping(entry, marks[index], f"{name}[{index}]")
            if mapping is not None:
                out.append((index, mapping))
        return out


def _describe(value: Any) -> Message | str:
    """What a value of the wrong type is, after "got": a number as YAML read it (not in either language's
    number format: it is the file's own value), a Python type's name as it is."""
    if isinstance(value, bool):
        return Message("field_problem.found.bool", value=repr(value))
    if isinstance(value, int):
        return Message("field_problem.found.int", value=repr(value))
    if isinstance(value, float):
        return Message("field_problem.found.float", value=repr(value))
    if isinstance(value, list):
        return Message("field_problem.found.list")
    if isinstance(value, dict):
        return Message("field_problem.found.mapping")
    if value is None:
        return Message("field_problem.found.nothing")
    return type(value).__name__


def _wrong_type(value: Any, expected: Message) -> Message:
    return Message("field_problem.wrong_type", expected=expected, found=_describe(value))


_MISSING = Message("field_problem.missing")


class _Unreadable(Exception):
    """Why a file was not read: ``message`` completes "FILE: …"."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def _read_text_file(path: Path, limit: int, what: str) -> str:
    """The text of ``path``, a regular UTF-8 file of at most ``limit`` bytes; else :class:`_Unreadable`.

    ``what`` is "briefing" or "article" (how the messages name the file). A FIFO would block the open and
    the read for ever and ``/dev/zero`` would fill the memory, so the type is checked before opening, the
    file is opened without blocking and checked again (it may have been swapped meanwhile), and at most
    ``limit + 1`` bytes are ever read.
    """
    def refuse_special(mode: int) -> None:
        if stat.S_ISDIR(mode):
            raise _Unreadable(Message("file_problem.folder"))
        if not stat.S_ISREG(mode):
            raise _Unreadable(Message("file_problem.special", what=Message(f"file_what.{what}")))

    def refuse_large(size: int) -> None:
        if size > limit:
            raise _Unreadable(Message("file_problem.too_large", size=size, limit=limit, mb=limit // 2**20,
                                      what=Message(f"file_what.a_{what}")))

    try:
        refuse_special(os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
                     | getattr(os, "O_BINARY", 0))
        with open(fd, "rb", closefd=True) as file:
            info = os.fstat(fd)
            refuse_special(info.st_mode)
            refuse_large(info.st_size)
            raw = file.read(limit + 1)
    except FileNotFoundError:
        raise _Unreadable(Message("file_problem.not_found")) from None
    except OSError as exc:
        raise _Unreadable(Message("file_problem.unreadable", reason=exc.strerror or str(exc))) from None
    refuse_large(len(raw))  # it grew since fstat
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line = raw.count(b"\n", 0, start) + 1
        line_start = raw.rfind(b"\n", 0, start) + 1
        column = len(raw[line_start:start].decode("utf-8", "replace")) + 1
        raise _Unreadable(Message("file_problem.not_utf8", line=str(line), column=str(column),
                                  byte=f"{raw[start]:02x}")) from None


def load_briefing_file(path: str | Path) -> BriefingDocument:
    """Read, parse and validate one briefing file; raise :class:`BriefingFileError` listing every problem."""
    path = Path(path)
    return parse_briefing_text(read_text_file(path, "briefing"), path)


def read_text_file(path: Path, what: str) -> str:
    """The text of the briefing file (``what`` "briefing") or article ("article") at ``path``, read as the
    validator reads it; :class:`BriefingFileError` saying what is wrong with the file."""
    limit = MAX_FILE_BYTES if what == "briefing" else MAX_ARTICLE_BYTES
    try:
        return _read_text_file(path, limit, what)
    except _Unreadable as exc:
        raise BriefingFileError([Problem(str(path), None, None, "", exc.message)]) from None


def parse_briefing_text(text: str, path: Path) -> BriefingDocument:
    """Validate briefing YAML ``text`` read from ``path`` (the article is read beside it).

    Any text at all ends in a document or a :class:`BriefingFileError`, never another exception.
    """
    name = str(path)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        too_big = Message("file_problem.too_large_text", size=size, limit=MAX_FILE_BYTES)
        raise BriefingFileError([Problem(name, None, None, "", too_big)])
    document = parse_yaml(text, path)
    check = _Checker(name)
    if not isinstance(document, dict):
        raise BriefingFileError([Problem(name, 1, 1, "", Message("file_problem.not_mapping",
                                                                 found=_describe(document)))])
    result = _validate(document, path, check)
    if check.problems:
        raise BriefingFileError(check.all_problems())
    assert result is not None
    return result


def parse_yaml(text: str, path: Path) -> Any:
    """The YAML ``text`` (read from ``path``) as the validator reads it, unchecked: mappings and lists remember
    where their values stand (``.marks``, 1-based (line, column); ``.start``). BriefingFileError when it is not
    YAML a briefing file may be written in (no anchors, aliases or tags; bounded depth)."""
    name = str(path)
    unreadable = _unreadable_characters(text, name)
    if unreadable:
        raise BriefingFileError(unreadable)
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        escape = _bad_escape(text, exc)
        if escape is not None:
            raise BriefingFileError([Problem(name, escape[0], escape[1], "", escape[2])]) from None
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        # PyYAML's own words stay English; the window says around them that this is YAML's complaint.
        detail = " ".join(filter(None, [exc.context, exc.problem]))
        if isinstance(exc, _Refused):  # our own rules speak both languages
            message = exc.message
        else:
            message = Message("file_problem.yaml_at", detail=detail) if detail else Message("file_problem.not_yaml")
        raise BriefingFileError([Problem(name, line, column, "", message)]) from None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError, ArithmeticError) as exc:
        problem = Problem(name, None, None, "", Message("file_problem.yaml", detail=str(exc)))
        raise BriefingFileError([problem]) from None


def _validate(doc: dict, path: Path, c: _Checker) -> BriefingDocument | None:
    c.known_fields(doc, field_names(), "")
    fmt = doc.get("format")
    if fmt != FORMAT:
        c.problem(c.mark(doc, "format"), "format", Message("field_problem.wrong_format", expected=repr(FORMAT),
                                                            found=repr(fmt)))

    # briefing ------------------------------------------------------------
    article: str | None = None
    briefing: dict[str, Any] = {}
    b = c.mapping(doc.get("briefing"), c.mark(doc, "briefing"), "briefing")
    if b is not None:
        c.known_fields(b, field_names("briefing"), "briefing")
        briefing["id"] = c.key(b, "briefing", {}, "id")
        revision = b.get("revision", 1)
        if isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
            c.problem(c.mark(b, "revision"), "briefing.revision",
                      Message("field_problem.bad_revision", found=repr(revision)))
            revision = 1
        briefing["revision"] = revision
        briefing["organisation_vi"], briefing["organisation_en"] = c.i18n(b, "organisation", "briefing")
        briefing["title_vi"], briefing["title_en"] = c.i18n(b, "title", "briefing")
        cited = _cited_sources(c, b)
        src = None
        if cited is None and b.get("source") is not None:
            src = c.mapping(b.get("source"), c.mark(b, "source"), "briefing.source")
        elif b.get("source") is not None:
            c.problem(c.mark(b, "source"), "briefing.source", Message("field_problem.source_and_sources"))
        briefing["source_title"] = ""
        if src is not None:
            c.known_fields(src, field_names("briefing", "source"), "briefing.source")
            article_name = c.text(src, "article", "briefing.source")
            if article_name is not None:
                article_path = path.parent / article_name
                if Path(article_name).name != article_name:
                    c.problem(c.mark(src, "article"), "briefing.source.article", Message("field_problem.not_beside"))
                else:
                    c.article_name = str(article_path)
                    try:
                        article = _read_text_file(article_path, MAX_ARTICLE_BYTES, "article")
                    except _Unreadable as exc:
                        c.problem(c.mark(src, "article"), "briefing.source.article",
                                  Message("file_problem.in_file", file=str(article_path), problem=exc.message))
            briefing["source_title"] = c.text(src, "title", "briefing.source")
            briefing["source_publisher_vi"], briefing["source_publisher_en"] = c.i18n(
                src, "publisher", "briefing.source", required=False)
            published = c.text(src, "published_at", "briefing.source", required=False)
            if published is not None and not DATETIME.fullmatch(published):
                c.problem(c.mark(src, "published_at"), "briefing.source.published_at",
                          Message("field_problem.not_datetime", value=repr(published)))
            briefing["source_published_at"] = published
            briefing["source_authors"] = _text_list(c, src, "authors", "briefing.source")
        period = c.mapping(b.get("period"), c.mark(b, "period"), "briefing.period")
        if period is not None:
            c.known_fields(period, field_names("briefing", "period"), "briefing.period")
            briefing["period_vi"] = c.text(period, "vi", "briefing.period")
            briefing["period_en"] = c.text(period, "en", "briefing.period", required=False)
            for end in ("start", "end"):
                value = c.text(period, end, "briefing.period", required=False)
                if value is not None and not DATETIME.fullmatch(value):
                    c.problem(c.mark(period, end), f"briefing.period.{end}",
                              Message("field_problem.not_date", value=repr(value)))
                briefing[f"period_{end}"] = value
        meeting = b.get("meeting")
        if meeting is not None and c.mapping(meeting, c.mark(b, "meeting"), "briefing.meeting") is not None:
            c.known_fields(meeting, field_names("briefing", "meeting"), "briefing.meeting")
            date = c.text(meeting, "date", "briefing.meeting", required=False)
            if date is not None and not DATETIME.fullmatch(date):
                c.problem(c.mark(meeting, "date"), "briefing.meeting.date",
                          Message("field_problem.not_date", value=repr(date)))
            briefing["meeting_date"] = date
            briefing["meeting_place_vi"], briefing["meeting_place_en"] = c.i18n(
                meeting, "place", "briefing.meeting", required=False)
            briefing["meeting_kind_vi"], briefing["meeting_kind_en"] = c.i18n(
                meeting, "kind", "briefing.meeting", required=False)
            briefing["chaired_by"] = c.text(meeting, "chaired_by", "briefing.meeting", required=False)
            briefing["attendees"] = _text_list(c, meeting, "attendees", "briefing.meeting")
            sites, sites_text = c.number(meeting, "connected_sites", "briefing.meeting")
            briefing["connected_sites"] = int(sites) if sites is not None else None
            meeting_ref = c.reference(meeting, "briefing.meeting", article, cited,
                                      Message("field_problem.what.meeting"), required=False)
            briefing["meeting_source_text"] = meeting_ref["source_text"] or None
            briefing["meeting_cited"], briefing["meeting_locator"] = meeting_ref["cited"], meeting_ref["locator"]
            if sites_text and briefing["meeting_source_text"] and sites_text not in briefing["meeting_source_text"]:
                c.problem(c.mark(meeting, "connected_sites"), "briefing.meeting.connected_sites",
                          Message("field_problem.not_in_meeting_source", text=repr(sites_text)))

    else:
        cited = None

    # sectors and enterprises ------------------------------------------------
    sector_keys: dict[str, Any] = {}
    sectors = []
    for index, s in c.items(doc, "sectors"):
        p = f"sectors[{index}]"
        c.known_fields(s, field_names("sectors"), p)
        key = c.key(s, p, sector_keys, "id")
        sectors.append({"key": key, "name_vi": c.text(s, "vi", p), "name_en": c.text(s, "en", p, required=False)})
    if not sectors and "sectors" not in doc:
        c.problem(None, "sectors", _MISSING)
    enterprise_keys: dict[str, Any] = {}
    enterprises = []
    for index, e in c.items(doc, "enterprises"):
        p = f"enterprises[{index}]"
        c.known_fields(e, field_names("enterprises"), p)
        key = c.key(e, p, enterprise_keys, "id")
        name_vi, name_en = c.i18n(e, "name", p)
        enterprises.append({"key": key, "name_vi": name_vi, "name_en": name_en,
                            "short_name": c.text(e, "short", p, required=False)})

    def sector_of(mapping: dict, p: str) -> str | None:
        value = c.text(mapping, "sector", p)
        if value is not None and value not in sector_keys:
            c.problem(c.mark(mapping, "sector"), f"{p}.sector",
                      Message("field_problem.unknown_sector", value=repr(value)))
            return None
        return value

    # indicators -------------------------------------------------------------
    indicator_keys: dict[str, Any] = {}
    indicators = []
    indicator_fields = field_names("indicators")
    needs_one_of = find_field("indicators").needs_one_of
    unit_needed_with = find_field("indicators", "unit").required_with
    for index, m in c.items(doc, "indicators"):
        p = f"indicators[{index}]"
        c.known_fields(m, indicator_fields, p)
        row: dict[str, Any] = {"key": c.key(m, p, indicator_keys), "sector": sector_of(m, p)}
        row["label_vi"], row["label_en"] = c.i18n(m, "label", p)
        row.update(c.reference(m, p, article, cited, Message("field_problem.what.figure", item=row["key"] or p)))
        for name in ("qualifier", "plan_qualifier", "change_qualifier"):
            q = c.text(m, name, p, required=False)
            if q is not None and q not in QUALIFIERS:
                c.problem(c.mark(m, name), f"{p}.{name}",
                          Message("field_problem.not_one_of", value=repr(q), choices=", ".join(QUALIFIERS)))
                q = None
            if q is not None and row["source_text"] and q not in row["source_text"]:
                c.problem(c.mark(m, name), f"{p}.{name}", _not_in_source(q))
                q = None
            row[name] = q
        for name in NUMBER_FIELDS["indicators"]:
            number, text = c.number(m, name, p)
            row[name] = number
            row[number_text(name)] = text
            if text is None or not row["source_text"]:  # no sentence to check it in (or cited by reference)
                continue
            if name in COMPARISONS:
                # A comparison must be one of the sentence's percentages, in its direction, with its qualifier.
                qualifier_field = COMPARISONS[name]
                qualifier = row[qualifier_field] if qualifier_field else None
                for field_name, message in check_percent(name, text, qualifier, row["source_text"]):
                    c.problem(c.mark(m, field_name), f"{p}.{field_name}", message)
            elif text.lstrip("+-") not in row["source_text"]:
                c.problem(c.mark(m, name), f"{p}.{name}", _not_in_source(text))
        for name, qualifier_field in COMPARISONS.items():
            if qualifier_field and row[qualifier_field] is not None and row[name] is None:
                c.problem(c.mark(m, qualifier_field), f"{p}.{qualifier_field}",
                          Message("field_problem.set_without", name=name))
        if all(row[name] is None for name in needs_one_of):
            c.problem(c.mark(m, "value"), f"{p}.value", Message("field_problem.needs_value"))
        if row["value_max"] is not None and row["value"] is not None and row["value_max"] < row["value"]:
            c.problem(c.mark(m, "value_max"), f"{p}.value_max", Message("field_problem.below_value"))
        unit_required = unit_needed_with is not None and row[unit_needed_with] is not None
        row["unit_vi"], row["unit_en"] = c.i18n(m, "unit", p, required=unit_required)
        as_of = c.text(m, "as_of", p, required=False)
        if as_of is not None and not PERIOD.fullmatch(as_of):
            c.problem(c.mark(m, "as_of"), f"{p}.as_of", Message("field_problem.not_period", value=repr(as_of)))
        row["as_of"] = as_of
        row["parent"] = c.text(m, "parent", p, required=False)
        row["enterprise"] = c.text(m, "enterprise", p, required=False)
        if row["enterprise"] is not None and row["enterprise"] not in enterprise_keys:
            c.problem(c.mark(m, "enterprise"), f"{p}.enterprise",
                      Message("field_problem.unknown_enterprise", value=repr(row["enterprise"])))
        row["metric"] = c.text(m, "metric", p, required=False)
        row["measure"] = _check_measure(c, m, p, row["unit_vi"])
        row["plan_vi"], row["plan_en"] = c.i18n(m, "plan", p, required=False)
        row["compared_with_vi"], row["compared_with_en"] = c.i18n(m, "compared_with", p, required=False)
        row["_mark"] = c.mark(m, "key")
        indicators.append(row)
    for row, (index, m) in zip(indicators, c.items(doc, "indicators")):
        parent = row["parent"]
        if parent is not None and parent not in indicator_keys:
            c.problem(c.mark(m, "parent"), f"indicators[{index}].parent",
                      Message("field_problem.unknown_indicator", value=repr(parent)))
            row["parent"] = None
        elif parent is not None and parent == row["key"]:
            c.problem(c.mark(m, "parent"), f"indicators[{index}].parent", Message("field_problem.own_part"))
            row["parent"] = None
    _check_parent_cycles(indicators, c)

    # prose items ------------------------------------------------------------
    sections: dict[str, list[dict[str, Any]]] = {}
    keys_by_section: dict[str, dict[str, Any]] = {"indicators": indicator_keys}
    for section in ("achievements", "limitations", "directives"):
        seen: dict[str, Any] = {}
        rows: list[dict[str, Any]] = []
        for index, m in c.items(doc, section):
            p = f"{section}[{index}]"
            c.known_fields(m, field_names(section), p)
            row = {"key": c.key(m, p, seen), "sector": sector_of(m, p)}
            row["title_vi"], row["title_en"] = c.i18n(m, "title", p)
            row.update(c.reference(m, p, article, cited, Message(_WHAT[section], item=row["key"] or p)))
            if section == "directives":
                number = m.get("number")
                if not isinstance(number, int) or isinstance(number, bool) or number < 1:
                    c.problem(c.mark(m, "number"), f"{p}.number",
                              _wrong_type(number, Message("field_problem.kind.whole_number")))
                elif number != len(rows) + 1:
                    # the numbers as the file writes them: positions, not quantities (no thousands separator)
                    c.problem(c.mark(m, "number"), f"{p}.number",
                              Message("field_problem.out_of_order", expected=str(len(rows) + 1), found=str(number)))
                row["number"] = number
            rows.append(row)
        sections[section] = rows
        keys_by_section[section] = seen

    def resolve(ref: Any, where: tuple[int, int] | None, p: str) -> tuple[str, str] | None:
        if not isinstance(ref, str) or ":" not in ref:
            got = _describe(ref) if not isinstance(ref, str) else repr(ref)
            c.problem(where, p, Message("field_problem.not_reference", found=got))
            return None
        prefix, key = ref.split(":", 1)
        section = REF_SECTIONS.get(prefix)
        if section is None:
            c.problem(where, p, Message("field_problem.unknown_section", value=repr(prefix),
                                        choices=", ".join(REF_SECTIONS)))
            return None
        if key not in keys_by_section[section]:
            c.problem(where, p, Message("field_problem.no_such_item", section=prefix, value=repr(key)))
            return None
        return section, key

    links = []
    for index, m in c.items(doc, "links"):
        p = f"links[{index}]"
        c.known_fields(m, field_names("links"), p)
        source = resolve(m.get("from"), c.mark(m, "from"), f"{p}.from")
        target = resolve(m.get("to"), c.mark(m, "to"), f"{p}.to")
        relation = c.text(m, "relation", p)
        if relation is not None and relation not in RELATIONS:
            c.problem(c.mark(m, "relation"), f"{p}.relation",
                      Message("field_problem.not_one_of", value=repr(relation), choices=", ".join(RELATIONS)))
        if source and target:
            links.append({"from": source, "to": target, "relation": relation})

    checks = []
    check_keys: dict[str, Any] = {}
    for index, m in c.items(doc, "checks"):
        p = f"checks[{index}]"
        c.known_fields(m, field_names("checks"), p)
        key = c.key(m, p, check_keys)
        refs = m.get("items")
        items = []
        if not isinstance(refs, list) or not refs:
            c.problem(c.mark(m, "items"), f"{p}.items", Message("field_problem.not_references"))
        else:
            marks = getattr(refs, "marks", [c.mark(m, "items")] * len(refs))
            for i, ref in enumerate(refs):
                resolved = resolve(ref, marks[i], f"{p}.items[{i}]")
                if resolved:
                    items.append(resolved)
        what_vi, what_en = c.i18n(m, "what", p)
        checks.append({"key": key, "items": items, "what_vi": what_vi, "what_en": what_en,
                       "expected": c.text(m, "expected", p), "stated": c.text(m, "stated", p)})

    if c.problems:
        return None
    return BriefingDocument(path=path, briefing=briefing, article_text=article or "", sectors=sectors,
                            enterprises=enterprises, indicators=indicators,
                            achievements=sections["achievements"], limitations=sections["limitations"],
                            directives=sections["directives"], links=links, checks=checks,
                            cited_sources=list(cited.values()) if cited else [],
                            article_path=Path(c.article_name) if article is not None else None)


def _check_measure(c: _Checker, mapping: dict, path: str, unit_vi: str | None) -> str | None:
    """An indicator's ``measure``: an id of the shipped catalogue, in whose unit the figure's unit converts.
    The catalogue is read only when a file names a measure, so files without measures need none."""
    measure_id = c.text(mapping, "measure", path, required=False)
    if measure_id is None:
        return None
    where, field = c.mark(mapping, "measure"), f"{path}.measure"
    if not KEY.fullmatch(measure_id):
        c.problem(where, field, Message("field_problem.not_measure_id", value=repr(measure_id)))
        return None
    from .measures import MeasureCatalogueError, close_ids, shipped_measures, unit_converts

    try:
        catalogue = shipped_measures()
    except MeasureCatalogueError as exc:
        c.problem(where, field, Message("field_problem.measures_unreadable", reason=str(exc)))
        return None
    measure = catalogue.get(measure_id)
    if measure is None:
        close = close_ids(measure_id, list(catalogue))
        c.problem(where, field, Message("field_problem.unknown_measure_close", value=repr(measure_id),
                                        close=", ".join(close)) if close
                  else Message("field_problem.unknown_measure", value=repr(measure_id)))
        return None
    if unit_vi is not None and not unit_converts(unit_vi, measure):
        c.problem(where, field, Message("field_problem.unit_mismatch", unit=repr(unit_vi),
                                        measure_unit=repr(measure.unit_vi), measure=repr(measure_id)))
        return None
    return measure_id


def _cited_sources(c: _Checker, b: dict) -> dict[str, dict[str, Any]] | None:
    """The articles a briefing cites by reference (``briefing.sources``), as rows by key; None when it gives
    none (then it holds its article, ``briefing.source``)."""
    if b.get("sources") is None:
        if b.get("source") is None:
            c.problem(c.mark(b, "source"), "briefing.source", Message("field_problem.no_source"))
        return None
    cited: dict[str, dict[str, Any]] = {}
    entries = c.items(b, "sources")
    if not entries and not c.problems:
        c.problem(c.mark(b, "sources"), "briefing.sources", Message("field_problem.no_sources"))
    for index, m in entries:
        p = f"briefing.sources[{index}]"
        c.known_fields(m, field_names("briefing", "sources"), p)
        key = c.key(m, p, cited)
        row: dict[str, Any] = {"key": key, "title": c.text(m, "title", p)}
        row["publisher_vi"], row["publisher_en"] = c.i18n(m, "publisher", p)
        url = c.text(m, "url", p)
        if url is not None and not URL.fullmatch(url):
            c.problem(c.mark(m, "url"), f"{p}.url", Message("field_problem.not_url", value=repr(url)))
        row["url"] = url
        published = c.text(m, "published_at", p, required=False)
        if published is not None and not DATETIME.fullmatch(published):
            c.problem(c.mark(m, "published_at"), f"{p}.published_at",
                      Message("field_problem.not_datetime", value=repr(published)))
        row["published_at"] = published
        row["note_vi"], row["note_en"] = c.i18n(m, "note", p, required=False)
        if key is not None:
            cited[key] = row
    return cited


def _text_list(c: _Checker, mapping: dict, key: str, path: str) -> list[str]:
    value = mapping.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        c.problem(c.mark(mapping, key), f"{path}.{key}", Message("field_problem.not_text_list"))
        return []
    marks = getattr(value, "marks", [c.mark(mapping, key)] * len(value))
    if any([c.too_long(v, marks[i], f"{path}.{key}[{i}]") for i, v in enumerate(value)]):
        return []
    return list(value)


def _check_parent_cycles(indicators: list[dict[str, Any]], c: _Checker) -> None:
    parent_of = {row["key"]: row["parent"] for row in indicators if row["key"]}
    for row in indicators:
        seen = set()
        key = row["key"]
        while key is not None:
            if key in seen:
                c.problem(row["_mark"], f"indicator {row['key']}.parent", Message("field_problem.cycle"))
                row["parent"] = None
                break
            seen.add(key)
            key = parent_of.get(key)


def _not_in_source(text: str) -> Message:
    """A figure's value or qualifier that its source sentence does not contain (the problem a reviewer's edit
    meets most)."""
    return Message("field_problem.not_in_source", text=text)
