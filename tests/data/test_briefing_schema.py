"""``briefing-app schema``: the JSON Schema YAML editors use, made from the validator's own description.

The shipped briefing and the tests' small one validate against it; it refuses what the validator
refuses at the same field; and the fields it lists are exactly those the validator knows.
"""

import copy
import json

import jsonschema
import pytest
import yaml

from briefing_app.cli import main
from briefing_app.data.briefing_file import BriefingFileError, load_briefing_file
from briefing_app.data.briefing_format import field_names, json_schema
from briefing_fixtures import ROOT, SMALL_YAML, write_briefing

SHIPPED = ROOT / "resources" / "briefings" / "mic-2017-h1.yaml"


@pytest.fixture(scope="module")
def printed_schema():
    """The schema as ``briefing-app schema`` prints it."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "briefing_app", "schema"], capture_output=True, check=True)
    return json.loads(result.stdout.decode("utf-8"))


def errors(schema, document):
    return sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: e.json_path)


def test_printed_schema_is_a_draft_2020_12_schema(printed_schema):
    assert printed_schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(printed_schema)
    assert printed_schema == json_schema()


def test_shipped_and_test_briefings_validate_against_the_schema(printed_schema):
    for text in (SHIPPED.read_text(encoding="utf-8"), SMALL_YAML):
        assert errors(printed_schema, yaml.safe_load(text)) == []


def test_schema_written_to_a_file(tmp_path, capsys):
    out = tmp_path / "briefing.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json_schema()
    assert main(["schema", "-o", str(tmp_path / "missing" / "x.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing-app: error: ") and "missing" in err and "Traceback" not in err


def small():
    return yaml.safe_load(SMALL_YAML)


@pytest.mark.parametrize("change, where, validator_says", [
    (lambda d: d["indicators"][0].__setitem__("value", 1000), "$.indicators[0].value",
     "indicators[0].value: expected a number written as quoted text"),
    (lambda d: d["indicators"][0].__setitem__("valeu", "1.000"), "$.indicators[0]",
     "indicators[0].valeu: unknown field"),
    (lambda d: d["indicators"][4].__setitem__("qualifier", "about"), "$.indicators[4].qualifier",
     "indicators[4].qualifier: 'about' is not one of"),
    (lambda d: d["indicators"][0].__setitem__("as_of", "2017-Q5"), "$.indicators[0].as_of",
     "indicators[0].as_of: '2017-Q5' is not a date or period"),
    (lambda d: d["indicators"][0].pop("unit"), "$.indicators[0]", "indicators[0].unit: is missing"),
    (lambda d: d["briefing"]["period"].pop("vi"), "$.briefing.period", "briefing.period.vi: is missing"),
    (lambda d: d["sectors"][0].__setitem__("id", "Postal"), "$.sectors[0].id", "sectors[0].id: 'Postal' must be"),
    (lambda d: d["links"][0].__setitem__("relation", "fixes"), "$.links[0].relation",
     "links[0].relation: 'fixes' is not one of"),
    (lambda d: d["directives"][0].__setitem__("number", "1"), "$.directives[0].number",
     "directives[0].number: expected a whole number from 1"),
    (lambda d: d.__setitem__("format", "briefing/2"), "$.format", "format: must be 'briefing/1'"),
])
def test_schema_refuses_what_the_validator_refuses_at_the_same_field(tmp_path, change, where, validator_says):
    document = small()
    change(document)
    found = errors(json_schema(), document)
    assert where in {e.json_path for e in found}
    path = write_briefing(tmp_path, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    with pytest.raises(BriefingFileError) as caught:
        load_briefing_file(path)
    assert validator_says in str(caught.value)


def object_paths(schema, path=()):
    """(path, property names) of every mapping the schema describes."""
    if isinstance(schema.get("items"), dict) and "properties" in schema["items"]:
        yield from object_paths(schema["items"], path)
    if "properties" in schema:
        names = set(schema["properties"])
        if names != {"vi", "en"}:  # a {vi, en} text is a value, not a mapping of the file
            yield path, names
        for name, sub in schema["properties"].items():
            yield from object_paths(sub, (*path, name))


def test_the_schema_lists_exactly_the_fields_the_validator_knows():
    described = dict(object_paths(json_schema()))
    assert set(described) == {(), ("briefing",), ("briefing", "period"), ("briefing", "meeting"),
                              ("briefing", "source"), ("briefing", "sources"), ("sectors",), ("enterprises",),
                              ("indicators",), ("achievements",), ("limitations",), ("directives",),
                              ("links",), ("checks",)}
    for path, names in described.items():
        assert names == field_names(*path), path


def test_every_required_field_of_the_schema_is_required_by_the_validator(tmp_path):
    """Left out one at a time from the small briefing, each required field is a problem at that field."""
    schema = json_schema()
    cases = []

    def walk(node, schema_node, path, field):
        if isinstance(node, list):
            walk(node[0], schema_node["items"], [*path, 0], f"{field}[0]")
        elif isinstance(node, dict) and "properties" in schema_node and set(schema_node["properties"]) != {"vi", "en"}:
            for name in schema_node.get("required", ()):
                if name in node:
                    cases.append(([*path, name], f"{field}.{name}" if field else name))
            for name, value in node.items():
                walk(value, schema_node["properties"][name], [*path, name], f"{field}.{name}" if field else name)

    walk(small(), schema, [], "")
    assert len(cases) >= 30  # (the passages are required by the validator only: source or cited, by mode)
    for keys, field in cases:
        document = copy.deepcopy(small())
        parent = document
        for key in keys[:-1]:
            parent = parent[key]
        del parent[keys[-1]]
        path = write_briefing(tmp_path / field.replace("[", "_").replace("]", ""),
                              yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
        with pytest.raises(BriefingFileError) as caught:
            load_briefing_file(path)
        assert any(p.field == field or p.field.startswith(f"{field}.") for p in caught.value.problems), \
            (field, str(caught.value))
