"""Hostile briefing files: special files, huge texts, YAML traps, floods of problems.

Each ends in a listed problem (file:line:column: field: message) and exit status 1, never a
traceback, a hang or exhausted memory. Anything that could hang runs in a subprocess with a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.cli import main
from briefing_app.data.briefing_file import (
    MAX_ARTICLE_BYTES,
    MAX_PROBLEMS,
    BriefingFileError,
    load_briefing_file,
    parse_briefing_text,
)
from briefing_fixtures import ARTICLE, ROOT, SMALL_YAML, write_briefing


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``briefing-app ARGS`` in a new process: a hang fails the test instead of stopping the suite."""
    return subprocess.run([sys.executable, "-m", "briefing_app", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def problems_for(tmp_path: Path, yaml_text: str, article: str = ARTICLE) -> list[str]:
    path = write_briefing(tmp_path, yaml_text, article)
    with pytest.raises(BriefingFileError) as info:
        load_briefing_file(path)
    return [str(p) for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# ---------------------------------------------------------------- case 6: special files
@pytest.fixture(params=["fifo", "dev_zero"])
def special_article(request, tmp_path) -> tuple[Path, Path]:
    """A briefing whose article is a FIFO (nobody writes to it) or a link to /dev/zero."""
    path = write_briefing(tmp_path / "special")
    article = path.parent / "article.txt"
    article.unlink()
    if request.param == "fifo":
        os.mkfifo(article)
    else:
        article.symlink_to("/dev/zero")
    return path, article


@pytest.mark.parametrize("command", ["validate", "import", "build-db"])
def test_a_special_file_as_the_article_is_refused_at_once(tmp_path, special_article, small_db, command):
    path, article = special_article
    line = line_of(SMALL_YAML, "article: article.txt")
    args = {"validate": [str(path)], "import": [str(path), "--db", str(small_db)],
            "build-db": [str(path), "-o", str(tmp_path / "out.db")]}[command]
    before = small_db.read_bytes()
    result = run_cli(command, *args, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"{path}:{line}:14: briefing.source.article: {article}: is not a regular file (a FIFO, a device or "
        "a socket); give the article as a text file")
    assert "Traceback" not in result.stderr
    assert small_db.read_bytes() == before
    assert not (tmp_path / "out.db").exists()


@pytest.mark.parametrize("kind", ["fifo", "dev_zero"])
def test_a_special_file_as_the_briefing_file_is_refused_at_once(tmp_path, kind):
    path = tmp_path / "brief.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = run_cli("validate", str(path), timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{path}: is not a regular file (a FIFO, a device or a socket); give the briefing file as a text file",
        "briefing-app: error: 1 problem in 1 of 1 file"]


def test_an_article_over_the_limit_is_refused_naming_the_limit(tmp_path):
    size = MAX_ARTICLE_BYTES + 1
    path = write_briefing(tmp_path, SMALL_YAML, ARTICLE + "x" * (size - len(ARTICLE.encode())))
    with pytest.raises(BriefingFileError) as info:
        load_briefing_file(path)
    [problem] = info.value.problems
    assert str(problem).endswith(
        f"briefing.source.article: {tmp_path / 'article.txt'}: is {size:,} bytes; "
        f"an article may be at most {MAX_ARTICLE_BYTES:,} bytes (2 MB)")


def test_an_article_at_the_limit_is_read(tmp_path):
    path = write_briefing(tmp_path, SMALL_YAML, ARTICLE + "x" * (MAX_ARTICLE_BYTES - len(ARTICLE.encode())))
    assert len(load_briefing_file(path).article_text.encode()) == MAX_ARTICLE_BYTES


def test_an_article_that_is_not_utf8_says_where(tmp_path):
    path = write_briefing(tmp_path)
    (tmp_path / "article.txt").write_bytes("Dòng một\nHai \xff".encode().replace(b"\xc3\xbf", b"\xed\xa0\x80"))
    problems = "\n".join(problems_for_path(path))
    assert (f"briefing.source.article: {tmp_path / 'article.txt'}: is not UTF-8 text "
            "(line 2, column 5: byte 0xed)") in problems


def problems_for_path(path: Path) -> list[str]:
    with pytest.raises(BriefingFileError) as info:
        load_briefing_file(path)
    return [str(p) for p in info.value.problems]


# ---------------------------------------------------------------- case 7: text lengths
@pytest.mark.parametrize("old, new, field, length, limit", [
    ('title: {vi: "Sim rác còn tồn tại"', 'title: {vi: "' + "x" * 501 + '"', "limitations[0].title.vi", 501, 500),
    ('label: {vi: "Bưu cục"', 'label: {vi: "' + "y" * 1_000_000 + '"', "indicators[1].label.vi", 1_000_000, 500),
    ('{id: postal, vi: "Bưu chính"', '{id: postal, vi: "' + "z" * 201 + '"', "sectors[0].vi", 201, 200),
    ('authors: ["Xuân Lộc"]', 'authors: ["' + "a" * 300 + '"]', "briefing.source.authors[0]", 300, 200),
    ('source: "Sim rác vẫn còn tồn tại."', 'source: "' + "s" * 5001 + '"', "limitations[0].source", 5001, 5000),
])
def test_too_long_texts_are_refused_naming_field_length_and_limit(tmp_path, old, new, field, length, limit):
    text = SMALL_YAML.replace(old, new, 1)
    assert text != SMALL_YAML
    started = time.monotonic()
    problems = problems_for(tmp_path, text)
    assert time.monotonic() - started < 10
    assert any(p.endswith(f": {field}: is {length:,} characters long; at most {limit:,} are allowed "
                          "(see docs/briefing-file.md)") for p in problems), problems


def test_the_shipped_briefing_is_within_the_limits():
    document = load_briefing_file(ROOT / "resources" / "briefings" / "mic-2017-h1.yaml")
    assert len(document.indicators) > 50


# ---------------------------------------------------------------- case 8: YAML traps
def test_a_lone_surrogate_escape_is_a_problem_with_line_and_column(tmp_path):
    text = SMALL_YAML.replace('title: {vi: "Sim rác còn tồn tại"', 'title: {vi: "Sim \\ud800 rác"')
    line = line_of(text, "\\ud800")
    column = text.splitlines()[line - 1].index("\\ud800") + 1
    assert problems_for(tmp_path, text) == [
        f"{tmp_path / 'test.yaml'}:{line}:{column}: contains a lone surrogate \\ud800, which is not text; remove it"]


@pytest.mark.parametrize("command", ["import", "build-db", "validate"])
def test_a_lone_surrogate_ends_in_a_message_not_a_traceback(tmp_path, small_db, command):
    path = write_briefing(tmp_path / "surrogate", SMALL_YAML.replace('"Hội nghị thử"', '"Hội \\udfff nghị"'))
    args = {"validate": [str(path)], "import": [str(path), "--db", str(small_db)],
            "build-db": [str(path), "-o", str(tmp_path / "out.db")]}[command]
    result = run_cli(command, *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "contains a lone surrogate \\udfff, which is not text; remove it" in result.stderr.splitlines()[0]


def test_a_lone_surrogate_in_text_given_directly_is_a_problem(tmp_path):
    with pytest.raises(BriefingFileError) as info:
        parse_briefing_text("format: briefing/1\nx: a\ud83db\n", tmp_path / "t.yaml")
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path / 't.yaml'}:2:5: contains a lone surrogate \\ud83d, which is not text; remove it"]


@pytest.mark.parametrize("snippet, expected", [
    ("x: 1" + "0" * 5000 + "\n", "1:4: a number 5,001 characters long is not allowed; quote it if it is text"),
    ("x: " + "1:" * 200_000 + "1\n", "1:4: a number 400,001 characters long is not allowed; quote it if it is text"),
    ("x: 2017-13-45\n", "1:4: cannot read this value: month must be in 1..12"),
    ("x:\n\t- b\n", "2:1: "),
    ("x: a\x01b\n", "1:5: contains the control character U+0001, which a briefing file cannot hold; remove it"),
    ('x: "\\U00110000"\n', "1:5: \\U00110000 is not a Unicode character"),
    ("<<: {a: b}\n", "1:1: merge keys (<<) are not allowed"),
    ("x: !!binary aGk=\n", "tags (tag:yaml.org,2002:binary) are not allowed"),
    ("x: [" * 40 + "]" * 40 + "\n", "nesting deeper than 32 levels"),
])
def test_yaml_traps_are_problems_with_a_position(tmp_path, snippet, expected):
    started = time.monotonic()
    with pytest.raises(BriefingFileError) as info:
        parse_briefing_text(snippet, tmp_path / "t.yaml")
    assert time.monotonic() - started < 10
    [problem] = [str(p) for p in info.value.problems]
    assert problem.startswith(f"{tmp_path / 't.yaml'}:") and expected in problem, problem


def test_a_byte_order_mark_inside_the_text_is_only_text(tmp_path):
    with pytest.raises(BriefingFileError) as info:
        parse_briefing_text("\ufeffformat: briefing/1\nx: a\ufeffb\n", tmp_path / "t.yaml")
    assert "x: unknown field" in str(info.value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"%@`#,?\\\t\n\r ab1\ufeff\x85\u2028\ud800")), max_size=200),
    st.lists(st.sampled_from(SMALL_YAML.splitlines(keepends=True) + ["\t", "\\ud800", "\"\\x", "? ", "<<: "]),
             max_size=40).map("".join),
))
def test_any_text_ends_in_a_briefing_file_error(tmp_path, text):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    try:
        parse_briefing_text(text, tmp_path / "fuzz.yaml")
    except BriefingFileError as exc:
        assert exc.problems and all(p.file == str(tmp_path / "fuzz.yaml") for p in exc.problems)


# ---------------------------------------------------------------- case 12: floods of problems
@pytest.fixture
def flood(tmp_path) -> Path:
    """A briefing with 200,000 unknown keys."""
    return write_briefing(tmp_path / "flood", SMALL_YAML + "".join(f"k{i}: x\n" for i in range(200_000)))


def expected_flood_output(path: Path, summary: str) -> list[str]:
    first = len(SMALL_YAML.splitlines()) + 1
    return ([f"{path}:{first + i}:{len(str(i)) + 4}: k{i}: unknown field (see docs/briefing-file.md)"
             for i in range(MAX_PROBLEMS)]
            + ["… and 199,900 more problems", summary])


@pytest.mark.parametrize("command", ["validate", "import", "build-db"])
def test_a_flood_of_problems_stops_after_a_hundred(tmp_path, flood, small_db, capsys, command):
    args = {"validate": [str(flood)], "import": [str(flood), "--db", str(small_db)],
            "build-db": [str(flood), "-o", str(tmp_path / "out.db")]}[command]
    summary = {"validate": "briefing-app: error: 200,000 problems in 1 of 1 file",
               "import": f"briefing-app: error: 200,000 problems found; {small_db} was not changed",
               "build-db": f"briefing-app: error: 200,000 problems found; {tmp_path / 'out.db'} was not changed"}
    started = time.monotonic()
    assert main([command, *args]) == 1
    elapsed = time.monotonic() - started
    assert capsys.readouterr().err.splitlines() == expected_flood_output(flood, summary[command])
    # A hang guard, generous for slow machines: it took 12 s before, about 2 s now.
    assert elapsed < 8, elapsed
