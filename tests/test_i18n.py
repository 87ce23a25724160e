"""The text catalogue (briefing_app/i18n.py): both languages, plurals, and every key the code asks for exists —
including keys put together at run time — and every key in it is asked for."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.i18n import (
    LANGUAGES,
    PLURALS,
    QUALIFIER_KEYS,
    STRINGS,
    has_text,
    language_name,
    tr,
    tr_n,
    tr_pair,
)

PACKAGE = Path(__file__).resolve().parents[1] / "briefing_app"
KEYS = set(STRINGS) | set(PLURALS)
NAMESPACES = {key.split(".")[0] for key in KEYS}
PLACEHOLDER = re.compile(r"{(\w+)(?:[:!][^}]*)?}")

#: Patterns each language fills from its own pieces (a Vietnamese date has the month's number where an
#: English one has its name): the caller passes every piece, and each language uses the ones it needs.
OWN_PIECES = {"date.day": {"day", "month", "month_name", "year"}, "date.month": {"month", "month_name", "year"}}

#: Strings in the code that look like keys but name something else: paths in a briefing file (briefing.id,
#: briefing.meeting.date), icon files (search.svg).
NOT_KEYS = re.compile(r"briefing\.(id|sources?|period|revision|meeting)\b.*|.*\.svg")

#: Keys the code does not ask for, kept on purpose (each with why).
KEPT = {
    # in the catalogue since the first commit and never shown; kept until the lead decides (issue #14.3)
    "app.tagline": "never shown", "check.expected": "never shown", "check.stated": "never shown",
    "detail.comparisons": "never shown", "detail.figure": "never shown", "enterprises.plan": "never shown",
    "section.source": "never shown: no entry is in the source section",
}


def _runtime_values() -> dict[str, tuple[str, ...]]:
    """Every key pattern the code builds at run time (as written in the f-string) → the values its one
    placeholder can take, taken from the code's own lists."""
    from briefing_app.data.briefing_file import RELATIONS
    from briefing_app.data.compare import REASONS
    from briefing_app.data.draft.review import STATUSES as REVIEW_STATUSES
    from briefing_app.data.schema import SECTIONS as ENTRY_SECTIONS
    from briefing_app.data.search import SECTIONS as SEARCH_SECTIONS
    from briefing_app.data.spreadsheet import COLUMN_KEYS, SHEET_KEYS
    from briefing_app.data.wording import MEETING_FACTS
    from briefing_app.report.options import ORIENTATIONS
    from briefing_app.report.options import SECTIONS as REPORT_SECTIONS
    from briefing_app.ui.charts.export import FORMATS
    from briefing_app.ui.draft_review.legend import LEGEND_STYLES
    from briefing_app.ui.models.enterprise_table_model import METRIC_ORDER
    from briefing_app.ui.table_export import FORMATS as TABLE_FORMATS
    from briefing_app.ui.tabs import TABS

    return {
        "report.section.{section}": REPORT_SECTIONS,
        "compare.note.{self.reason}": REASONS,
        "chart.export_{kind}": FORMATS,
        "lang.{lang}": LANGUAGES,
        "overview.{name}": MEETING_FACTS,
        "count.{name}": _counted_sections(),
        "section.{entry.section}": ENTRY_SECTIONS,
        # data.snapshot.related turns addressed_by/cited_by round when seen from the other item
        "relation.{relation}": RELATIONS + ("addresses", "cites"),
        "print.{name}": ORIENTATIONS,
        "metric.{metric}": METRIC_ORDER,
        "month.{month}": tuple(str(m) for m in range(1, 13)),
        "tab.{key}": tuple(entry.key for entry in TABS),
        "sheet.{section}": SHEET_KEYS,
        "sheet.col.{key}": COLUMN_KEYS,
        "table_export.filter.{fmt}": TABLE_FORMATS,
        "review.status.{status}": REVIEW_STATUSES,
        "review.kind.{item.section}": ("achievements", "limitations", "directives"),
        "review.legend.{style}": LEGEND_STYLES,
        "review.error.{exc.kind}": ("number", "qualifier", "sector", "required", "unknown", "measure", "measure_unit"),
        # a search section without a tab of its own (none today) falls back to tab.<section>
        "tab.{section}": SEARCH_SECTIONS,
        # data.store.file_kind_message: what a file that is not a regular file is
        "file_kind.{kind}": ("fifo", "char", "block", "socket", "folder", "link"),
        # data.briefing_file._read_text_file names the file it reads: the briefing or its article
        "file_what.{what}": ("briefing", "article"),
        "file_what.a_{what}": ("briefing", "article"),
        # the compared lists (directives, limitations) when one briefing, or neither, lists any
        "compare.silent.{section}": ("directives", "limitations"),
        "compare.silent.{self.section}": ("directives", "limitations"),
        "compare.neither.{section}": ("directives", "limitations"),
        "compare.neither.{self.section}": ("directives", "limitations"),
    }


def _counted_sections() -> tuple[str, ...]:
    from briefing_app.data.snapshot import Snapshot

    # Snapshot.counts() names what the Overview and the pack count; read its names from the code itself.
    source = ast.parse(Path(sys.modules[Snapshot.__module__].__file__).read_text(encoding="utf-8"))
    counts = next(n for n in ast.walk(source) if isinstance(n, ast.FunctionDef) and n.name == "counts")
    returned = next(n for n in ast.walk(counts) if isinstance(n, ast.Dict))
    return tuple(k.value for k in returned.keys)


def _sources() -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(PACKAGE.rglob("*.py"))]


def _catalogue_keys(tree: ast.AST) -> set[int]:
    """The ids of the key nodes of the STRINGS and PLURALS tables themselves (they define keys, not use them)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                and node.target.id in ("STRINGS", "PLURALS") and isinstance(node.value, ast.Dict):
            out |= {id(k) for k in node.value.keys}
    return out


def _literal_keys() -> dict[str, list[str]]:
    """Every string in the code that reads as a key of the catalogue's namespaces → where it is."""
    found: dict[str, list[str]] = {}
    for path, tree in _sources():
        skip = _catalogue_keys(tree)
        parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                    and id(node) not in parts and re.fullmatch(r"[a-z_]+(\.[a-z_0-9]+)+", node.value)
                    and node.value.split(".")[0] in NAMESPACES and not NOT_KEYS.fullmatch(node.value)):
                found.setdefault(node.value, []).append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def _built_keys() -> dict[str, list[str]]:
    """Every f-string in the code that builds a key (``f"report.section.{section}"``) → where it is."""
    found: dict[str, list[str]] = {}
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant)):
                continue
            head = node.values[0].value
            if re.fullmatch(r"[a-z_]+\.([a-z_0-9]+[._])*[a-z_0-9]*", head) and head.split(".")[0] in NAMESPACES:
                pattern = ast.unparse(node)[2:-1]  # f'…' → …
                if not NOT_KEYS.fullmatch(pattern):
                    found.setdefault(pattern, []).append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_every_text_has_both_languages_with_the_same_placeholders():
    for key, (vi, en) in STRINGS.items():
        assert vi.strip() and en.strip(), key
        if key in OWN_PIECES:
            assert set(PLACEHOLDER.findall(vi)) | set(PLACEHOLDER.findall(en)) <= OWN_PIECES[key], key
        else:
            assert set(PLACEHOLDER.findall(vi)) == set(PLACEHOLDER.findall(en)), key


def test_every_plural_has_each_language_s_forms_and_counts_with_n():
    assert not set(STRINGS) & set(PLURALS)
    for key, (vi, en) in PLURALS.items():
        assert len(vi) == 1 and len(en) == 2, key  # Vietnamese: one form; English: one, other
        placeholders = {frozenset(PLACEHOLDER.findall(form)) for form in vi + en}
        assert len(placeholders) == 1 and "n" in next(iter(placeholders)), key


def test_the_window_and_the_report_count_in_words_that_agree_with_the_number():
    assert tr_n("status.copied", 1, "en") == "Copied 1 row"
    assert tr_n("status.copied", 3, "en") == "Copied 3 rows"
    assert tr_n("status.copied", 0, "en") == "Copied 0 rows"
    assert tr_n("status.copied", 1, "vi") == tr_n("status.copied", 3, "vi").replace("3", "1") == "Đã sao chép 1 dòng"
    assert tr_n("count.discrepancies", 1, "en") == "1 discrepancy"
    assert tr_n("search.count", 1, "en").startswith("1 result · ")
    assert tr("print.saved", "en", name="a.pdf", n=1) == "Saved a.pdf (1 page)"
    assert tr("status.library_updated", "en", n=2) == \
        "Your library received 2 new or corrected briefings from this version"


def test_a_count_is_written_in_the_language_s_number_format():
    assert tr_n("count.indicators", 1234, "vi") == "1.234 chỉ số"
    assert tr_n("count.indicators", 1234, "en") == "1,234 indicators"
    assert tr("text.shortened", "en", n=1_000_000) == "(text shortened: 1,000,000 characters)"


def test_a_plural_asked_for_without_its_count_says_so():
    with pytest.raises(KeyError, match="plural"):
        tr("status.copied", "en")


def test_every_key_the_code_asks_for_exists():
    missing = {key: where for key, where in _literal_keys().items() if not has_text(key)}
    assert not missing, missing


def test_keys_built_at_run_time_exist_in_both_languages():
    """Each f-string that builds a key has its values listed in _runtime_values (a new one fails here until it
    is), and every key it can build has a text in Vietnamese and English."""
    built = _built_keys()
    values = _runtime_values()
    assert set(built) == set(values), {p: built.get(p, "no longer in the code") for p in set(built) ^ set(values)}
    for pattern, choices in values.items():
        assert choices, pattern
        placeholder = re.search(r"{[^}]+}", pattern)
        for choice in choices:
            key = pattern[:placeholder.start()] + choice + pattern[placeholder.end():]
            assert has_text(key), (key, built[pattern])
            texts = STRINGS[key] if key in STRINGS else tuple(form for forms in PLURALS[key] for form in forms)
            assert all(t.strip() for t in texts), key


def test_every_key_in_the_catalogue_is_used_or_kept_on_purpose():
    used = set(_literal_keys())
    for pattern, choices in _runtime_values().items():
        placeholder = re.search(r"{[^}]+}", pattern)
        used |= {pattern[:placeholder.start()] + c + pattern[placeholder.end():] for c in choices}
    assert not (KEYS - used - set(KEPT)), sorted(KEYS - used - set(KEPT))
    assert not (set(KEPT) & used), sorted(set(KEPT) & used)  # kept, but now used: take it off the list


def test_qualifiers_read_as_the_source_writes_them_and_in_english():
    from briefing_app.data.schema import QUALIFIERS
    from briefing_app.data.wording import qualifier_word

    assert list(QUALIFIERS) == list(QUALIFIER_KEYS)
    for word in QUALIFIERS:
        assert qualifier_word(word, "vi") == word
        assert qualifier_word(word, "en") == QUALIFIERS[word]
    assert qualifier_word("vào khoảng", "en") == "about"
    assert qualifier_word("something else", "en") == "something else"


def test_the_language_menu_names_each_language_in_itself():
    assert [language_name(lang) for lang in LANGUAGES] == ["Tiếng Việt", "English"]
    assert tr_pair("chart.plan.unit") == ("% kế hoạch", "% of plan")


def test_the_data_layer_the_catalogue_and_the_report_import_no_window_code():
    code = ("import sys, briefing_app.i18n, briefing_app.text_limits, briefing_app.data.wording, "
            "briefing_app.data.charts, briefing_app.report.pdf, briefing_app.report.document; "
            "print('\\n'.join(sorted(sys.modules)))")
    modules = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                 text=True).stdout.split())
    assert not {m for m in modules if m.startswith("briefing_app.ui")}
    code = "import sys, briefing_app.i18n, briefing_app.text_limits; print('\\n'.join(sorted(sys.modules)))"
    modules = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                 text=True).stdout.split())
    assert not {m for m in modules if m.startswith(("PySide6", "shiboken6", "pyqtgraph", "briefing_app.ui"))}


def test_every_field_problem_is_said_in_both_languages_with_the_same_values():
    """What is wrong with a field of a briefing file (data/briefing_file.py and the checks it calls) reads in
    Vietnamese and English alike: both texts, and the same values (field names, the file's text) in each."""
    keys = [key for key in STRINGS if key.startswith("field_problem.")]
    assert len(keys) > 50
    for key in keys:
        vi, en = STRINGS[key]
        assert vi.strip() and en.strip() and vi != en, key
        assert sorted(PLACEHOLDER.findall(vi)) == sorted(PLACEHOLDER.findall(en)), key
