"""Validation of hand-written briefing files: every problem, with where it is."""

from pathlib import Path

import pytest

from briefing_app.data.briefing_file import BriefingFileError, load_briefing_file
from briefing_fixtures import SMALL_YAML, write_briefing


def problems_for(tmp_path: Path, yaml_text: str) -> list[str]:
    path = write_briefing(tmp_path, yaml_text)
    with pytest.raises(BriefingFileError) as info:
        load_briefing_file(path)
    return [str(p) for p in info.value.problems]


def test_small_briefing_loads(small_briefing):
    document = load_briefing_file(small_briefing)
    assert document.briefing["id"] == "test-2017"
    assert [row["key"] for row in document.directives] == ["d01", "d02"]
    revenue = next(r for r in document.indicators if r["key"] == "telecom.revenue")
    assert str(revenue["value"]) == "213355" and revenue["value_text"] == "213.355"
    assert revenue["qualifier"] == "ước đạt"


def test_unquoted_number_is_reported_with_line_and_column(tmp_path):
    text = SMALL_YAML.replace('value: "2,93"', "value: 2.93")
    problems = problems_for(tmp_path, text)
    line = text.splitlines().index("    value: 2.93") + 1
    assert any(f"test.yaml:{line}:12: indicators[3].value: expected a number written as quoted text" in p
               for p in problems), problems


def test_yaml_surprises_are_explained(tmp_path):
    text = (SMALL_YAML.replace('value: "600"', "value: 1:30")
            .replace('en: "Postal"', "en: NO")
            .replace('value: "300"', "value: 010"))
    problems = "\n".join(problems_for(tmp_path, text))
    assert "YAML reads 1:30 as 90" in problems
    assert "sectors[0].en: expected text, got False (YAML reads unquoted yes/no/on/off/NO as true or false" in problems
    assert "indicators[2].value" in problems


def test_all_problems_are_listed_at_once(tmp_path):
    text = (SMALL_YAML.replace('label: {vi: "Bưu cục", en: "Post offices"}', "")
            .replace('key: postal.agents', "key: postal.offices")
            .replace('value: "2,93"', 'value: "hai phẩy"')
            .replace('sector: telecom\n    label: {vi: "Truy', 'sector: nowhere\n    label: {vi: "Truy'))
    problems = "\n".join(problems_for(tmp_path, text))
    assert "indicators[1].label: is missing" in problems
    assert "indicators[2].key: duplicate id 'postal.offices'" in problems
    assert "'hai phẩy' is not a number in Vietnamese notation" in problems
    assert "unknown sector 'nowhere'" in problems


def test_figure_must_appear_in_its_sentence(tmp_path):
    problems = "\n".join(problems_for(tmp_path, SMALL_YAML.replace('value: "600"', 'value: "601"')))
    assert "indicators[1].value: '601' does not appear in the source sentence" in problems


def test_source_must_be_in_the_article(tmp_path):
    problems = "\n".join(problems_for(tmp_path, SMALL_YAML.replace('"Sim rác vẫn còn tồn tại."', '"Sim rác đã hết."')))
    assert "limitations[0].source: is not found word for word in the article" in problems


def test_directives_must_be_numbered_in_order(tmp_path):
    problems = "\n".join(problems_for(tmp_path, SMALL_YAML.replace("number: 2", "number: 3")))
    assert "directives[1].number: directives must be numbered in order; expected 2, got 3" in problems


@pytest.mark.parametrize("snippet, message", [
    ("x: &a 1\ny: *a\n", "anchors"),
    ("x: !!python/object:os.system 1\n", "tags"),
    ("x: !!str 1\n", "tags"),
])
def test_aliases_and_tags_are_refused(tmp_path, snippet, message):
    problems = "\n".join(problems_for(tmp_path, snippet))
    assert message in problems


def test_too_deep_nesting_is_refused_quickly(tmp_path):
    problems = "\n".join(problems_for(tmp_path, "x: " + "[" * 500 + "]" * 500 + "\n"))
    assert "nesting deeper than" in problems


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * (6 * 1024 * 1024))
    with pytest.raises(BriefingFileError, match="a briefing file may be at most"):
        load_briefing_file(path)


def test_not_utf8_and_missing_files(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"format: \xff\xfe\n")
    with pytest.raises(BriefingFileError, match="is not UTF-8"):
        load_briefing_file(bad)
    with pytest.raises(BriefingFileError, match="missing.yaml: file not found"):
        load_briefing_file(tmp_path / "missing.yaml")


def test_links_must_point_at_existing_items(tmp_path):
    problems = "\n".join(problems_for(tmp_path, SMALL_YAML.replace('to: "directive:d01"', 'to: "directive:d99"')))
    assert "links[0].to: no directive with key 'd99'" in problems
