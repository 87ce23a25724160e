"""`briefing-app validate` and the messages that lead to the fix: where a source stops matching the
article and why, comparison percentages checked against their sentence, and approximate percentages."""

import sqlite3
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.data.briefing_file import BriefingFileError, load_briefing_file
from briefing_app.data.build import build_database
from briefing_app.data.derive import derive_values
from briefing_app.data.importer import import_briefing
from briefing_app.data.schema import SCHEMA_VERSION
from briefing_app.data.source_match import find_mismatch, visible
from briefing_app.data.store import open_store
from briefing_app.data.wording import comparisons, derived_text, plan_short, qualifier_word
from briefing_fixtures import ARTICLE, ROOT, SMALL_YAML, write_briefing

#: A sentence added to the test article, for percentages with qualifiers and falls.
EXTRA = ("Doanh thu dịch vụ “kỹ thuật số” ước tính 120 tỉ đồng, đạt khoảng 49% kế hoạch năm, "
         "giảm 2,1% so với cùng kỳ năm trước.\n")
EXTRA_SOURCE = EXTRA.strip()
_EXTRA_QUOTED = EXTRA_SOURCE.replace('"', '\\"')
EXTRA_INDICATOR = f"""\
  - key: telecom.digital
    sector: telecom
    label: {{vi: "Doanh thu dịch vụ kỹ thuật số", en: "Digital services revenue"}}
    value: "120"
    unit: {{vi: "tỉ đồng", en: "billion VND"}}
    qualifier: "ước tính"
    plan_pct: "49"
    plan_qualifier: "khoảng"
    change_pct: "-2,1"
    source: "{_EXTRA_QUOTED}"
"""


def with_extra(yaml_text: str = SMALL_YAML, indicator: str = EXTRA_INDICATOR) -> str:
    return yaml_text.replace("achievements:\n", indicator + "achievements:\n", 1)


def problems_for(tmp_path: Path, yaml_text: str, article: str = ARTICLE + EXTRA) -> list[str]:
    path = write_briefing(tmp_path, yaml_text, article)
    with pytest.raises(BriefingFileError) as info:
        load_briefing_file(path)
    return [str(p) for p in info.value.problems]


def limitation_source(text: str) -> str:
    """The small briefing with its limitation's source replaced by ``text`` (YAML double-quoted)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return SMALL_YAML.replace('"Sim rác vẫn còn tồn tại."', f'"{escaped}"')


def article_position(needle: str, article: str = ARTICLE + EXTRA) -> str:
    offset = article.index(needle)
    line = article.count("\n", 0, offset) + 1
    column = offset - (article.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


# ------------------------------------------------------------------ sources
def test_nbsp_is_named_and_shown_escaped(tmp_path):
    [problem] = problems_for(tmp_path, limitation_source("Sim rác\u00a0vẫn còn tồn tại."))
    assert "limitations[0].source: is not found word for word in the article" in problem
    assert "the source has '\\xa0vẫn còn tồn' and the article has ' vẫn còn tồn'" in problem
    assert "non-breaking space (U+00A0)" in problem


def test_position_is_the_line_and_column_in_the_article(tmp_path):
    [problem] = problems_for(tmp_path, limitation_source("Sim rác vẫn còn tồn tai."))
    where = article_position("ại.\n1. Hạn")  # right after "Sim rác vẫn còn tồn t", the longest prefix found
    assert f"the first 21 characters match up to {tmp_path / 'article.txt'}:{where}," in problem
    assert "where the source has 'ai.' and the article has 'ại.\\n1. Hạn c'" in problem
    assert "likely cause: a different accent or tone mark: the source writes 'tai', the article 'tại'" in problem


def test_curly_quote_is_named(tmp_path):
    source = EXTRA_SOURCE.replace("“kỹ thuật số”", '"kỹ thuật số"')
    [problem] = problems_for(tmp_path, limitation_source(source))
    assert ("likely cause: a different quote or apostrophe: the source has \" (U+0022), the article “ (U+201C)"
            in problem)


def test_extra_space_is_named_as_whitespace(tmp_path):
    [problem] = problems_for(tmp_path, limitation_source("Sim rác vẫn  còn tồn tại."))
    assert "likely cause: whitespace: an extra or missing space" in problem


def test_line_break_is_named_as_whitespace(tmp_path):
    [problem] = problems_for(tmp_path, limitation_source("Sim rác vẫn còn tồn tại. 1. Hạn chế SIM rác"))
    assert "the article has '\\n1. Hạn chế '" in problem
    assert "likely cause: whitespace: an extra or missing line break" in problem


@pytest.mark.parametrize("written, stated", [("tỷ", "tỉ"), ("kĩ", "kỹ")])
def test_y_i_spelling_variant_is_named(tmp_path, written, stated):
    source = EXTRA_SOURCE.replace(stated, written, 1)
    [problem] = problems_for(tmp_path, limitation_source(source))
    assert f"a spelling variant: the source writes {written!r}, the article {stated!r}" in problem


def test_decomposed_unicode_is_named():
    article = "Doanh thu viễn thông tăng."
    mismatch = find_mismatch(unicodedata.normalize("NFD", article), article)
    assert "Unicode normalisation: the source has decomposed letters (NFD" in str(mismatch.cause)
    described = str(mismatch.describe("a.txt"))
    assert "\\u0303" in described or "\\u0302" in described


def test_visible_escapes_only_what_cannot_be_seen():
    assert visible("tỷ\u00a0đồng\n“x”") == "'tỷ\\xa0đồng\\n“x”'"


# ------------------------------------------------------------ comparisons
def test_change_pct_must_be_a_percentage_the_sentence_states(tmp_path):
    problems = problems_for(tmp_path, with_extra(indicator=EXTRA_INDICATOR.replace('"-2,1"', '"-9"')))
    assert any("indicators[6].change_pct: '-9' does not appear as a percentage in the source sentence; "
               "the sentence says 'giảm 2,1%'" in p for p in problems), problems


def test_a_fall_is_negative(tmp_path):
    problems = problems_for(tmp_path, with_extra(indicator=EXTRA_INDICATOR.replace('"-2,1"', '"2,1"')))
    assert any("change_pct: '2,1' is a rise, but the sentence says 'giảm 2,1%'; write '-2,1'" in p
               for p in problems), problems
    problems = problems_for(tmp_path, SMALL_YAML.replace('change_pct: "13"', 'change_pct: "-13"'))
    assert any("'-13' is a fall, but the sentence says 'tăng 13%'; write '13'" in p for p in problems), problems


def test_plan_pct_mismatch_quotes_the_sentence(tmp_path):
    problems = problems_for(tmp_path, SMALL_YAML.replace('plan_pct: "47,41"', 'plan_pct: "47,4"'))
    assert any("indicators[4].plan_pct: '47,4' does not appear as a percentage in the source sentence; "
               "the sentence says 'bằng 47,41% so với kế hoạch'" in p for p in problems), problems


def test_plan_pct_is_not_the_change(tmp_path):
    indicator = EXTRA_INDICATOR.replace('plan_pct: "49"', 'plan_pct: "2,1"')
    problems = problems_for(tmp_path, with_extra(indicator=indicator))
    assert any("plan_pct: '2,1': the sentence says 'giảm 2,1%', a change (change_pct)" in p for p in problems), problems


def test_same_period_pct_is_checked(tmp_path):
    text = SMALL_YAML.replace('change_pct: "13"', 'same_period_pct: "113"')
    problems = problems_for(tmp_path, text)
    assert any("same_period_pct: '113' does not appear as a percentage" in p for p in problems), problems


# -------------------------------------------------------------- qualifiers
def test_uoc_tinh_and_plan_qualifier_are_accepted(tmp_path):
    document = load_briefing_file(write_briefing(tmp_path, with_extra(), ARTICLE + EXTRA))
    digital = next(r for r in document.indicators if r["key"] == "telecom.digital")
    assert (digital["qualifier"], digital["plan_qualifier"], digital["change_pct"]) == (
        "ước tính", "khoảng", Decimal("-2.1"))


def test_vao_khoang_is_a_qualifier(tmp_path):
    article = ARTICLE + "Số thuê bao vào khoảng 7,3 triệu.\n"
    indicator = """\
  - key: telecom.about
    sector: telecom
    label: {vi: "Thuê bao", en: "Subscribers"}
    value: "7,3"
    unit: {vi: "triệu", en: "million"}
    qualifier: "vào khoảng"
    source: "Số thuê bao vào khoảng 7,3 triệu."
"""
    document = load_briefing_file(write_briefing(tmp_path, with_extra(indicator=indicator), article))
    assert document.indicators[-1]["qualifier"] == "vào khoảng"
    assert qualifier_word("vào khoảng", "en") == "about" and qualifier_word("ước tính", "en") == "estimated"


def test_missing_plan_qualifier_is_reported(tmp_path):
    indicator = EXTRA_INDICATOR.replace('    plan_qualifier: "khoảng"\n', "")
    problems = problems_for(tmp_path, with_extra(indicator=indicator))
    assert any("indicators[6].plan_qualifier: is missing: the sentence says 'đạt khoảng 49% kế hoạch năm'" in p
               for p in problems), problems


def test_wrong_change_qualifier_is_reported(tmp_path):
    text = SMALL_YAML.replace('change_pct: "13"', 'change_pct: "13"\n    change_qualifier: "khoảng"')
    text = text.replace("truy vấn, tăng 13%", "truy vấn, khoảng tăng 13%")
    article = ARTICLE.replace("truy vấn, tăng 13%", "truy vấn, khoảng tăng 13%")
    problems = problems_for(tmp_path, text, article)
    assert any("change_qualifier: 'khoảng' is not what the sentence says: 'tăng 13%'" in p for p in problems), problems


def test_plan_qualifier_reads_in_both_languages(tmp_path):
    db = tmp_path / "out.db"
    build_database([write_briefing(tmp_path / "src", with_extra(), ARTICLE + EXTRA)], db)
    with open_store(db) as store:
        digital = next(i for i in store.indicators("test-2017") if i.key == "telecom.digital")
    assert digital.plan_qualifier == "khoảng"
    assert plan_short(digital, "vi") == "khoảng 49%" and plan_short(digital, "en") == "about 49%"
    assert comparisons(digital, "vi")[:2] == ["bằng khoảng 49% kế hoạch năm", "giảm 2,1% so với cùng kỳ năm trước"]
    assert comparisons(digital, "en")[0] == "about 49% of the annual plan"


def test_derived_value_from_an_approximate_percentage_is_rounded_and_marked(tmp_path):
    document = load_briefing_file(write_briefing(tmp_path, with_extra(), ARTICLE + EXTRA))
    derived = {d.kind: d for d in derive_values(document.indicators) if d.indicator_key == "telecom.digital"}
    plan = derived["annual_plan"]
    assert plan.value == Decimal("240")  # 120 ÷ 49 % = 244,897… → two digits, as "khoảng 49%" states
    assert plan.formula == "120 ÷ (≈ 49 %) ≈ 240"
    assert "xấp xỉ" in plan.label_vi and "approximate" in plan.label_en
    # An exact change keeps its two decimals: 120 ÷ 97,9 % = 122,57.
    assert derived["previous_value"].formula == "120 ÷ (100 % + -2.1 %) = 122.57"
    db = tmp_path / "out.db"
    build_database([tmp_path / "test.yaml"], db)
    with open_store(db) as store:
        rows = {i.key: i for i in store.indicators("test-2017")}
        [stored] = [d for d in store.derived_values("test-2017")
                    if d.indicator_id == rows["telecom.digital"].id and d.kind == "annual_plan"]
    assert derived_text(stored, rows["telecom.digital"], "vi") == "Kế hoạch năm (suy ra, xấp xỉ): ≈ 240 tỉ đồng"


def test_database_of_schema_1_is_read_and_upgraded_by_import(tmp_path, small_db):
    conn = sqlite3.connect(small_db)
    conn.execute("ALTER TABLE indicators DROP COLUMN plan_qualifier")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with open_store(small_db) as store:
        assert all(i.plan_qualifier is None for i in store.indicators("test-2017"))
    source = write_briefing(tmp_path / "new", with_extra().replace("id: test-2017", "id: test-new"), ARTICLE + EXTRA)
    import_briefing(source, small_db)
    with open_store(small_db) as store:
        assert [i.plan_qualifier for i in store.indicators("test-new") if i.key == "telecom.digital"] == ["khoảng"]
    conn = sqlite3.connect(small_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


# --------------------------------------------------------------------- CLI
def test_validate_prints_one_line_per_valid_file_and_writes_nothing(tmp_path, capsys):
    first = write_briefing(tmp_path / "a", with_extra(), ARTICLE + EXTRA)
    second = write_briefing(tmp_path / "b", SMALL_YAML.replace("id: test-2017", "id: test-b"))
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["validate", str(first), str(second)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{first}: valid — 7 indicators, 1 achievements, 1 limitations, 2 directives, 1 enterprises",
                   f"{second}: valid — 6 indicators, 1 achievements, 1 limitations, 2 directives, 1 enterprises"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_validate_lists_every_problem_and_exits_1(tmp_path, capsys):
    bad = write_briefing(tmp_path / "bad", with_extra(indicator=EXTRA_INDICATOR.replace('"-2,1"', '"-9"'))
                         .replace('"Sim rác vẫn còn tồn tại."', '"Sim rác\u00a0vẫn còn tồn tại."'), ARTICLE + EXTRA)
    good = write_briefing(tmp_path / "good")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert any(line.startswith(f"{bad}:") and "indicators[6].change_pct: '-9'" in line for line in err), err
    assert any(line.startswith(f"{bad}:") and "limitations[0].source:" in line and "U+00A0" in line
               for line in err), err
    assert err[-1] == "briefing-app: error: 2 problems in 1 of 2 files"
    assert captured.out.startswith(f"{good}: valid")
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_validate_reports_duplicate_briefing_ids(tmp_path, capsys):
    first = write_briefing(tmp_path / "a")
    second = write_briefing(tmp_path / "b")
    assert main(["validate", str(first), str(second)]) == 1
    assert f"{second}: briefing.id: duplicate briefing id 'test-2017' (also in {first})" in capsys.readouterr().err


def test_validate_needs_a_file(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2


def test_shipped_briefing_validates(capsys):
    path = ROOT / "resources/briefings/mic-2017-h1.yaml"
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: valid — 55 indicators")
