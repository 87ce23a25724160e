"""`briefing-app draft` (issue #18): each kind of figure the rules read, a second article in the ministry's
style with other wording (ours, with a hand-made expected list), and a round trip article → draft →
validate → build → open the store."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.data.briefing_file import load_briefing_file
from briefing_app.data.build import build_database
from briefing_app.data.draft import draft_briefing, draft_to_yaml
from briefing_app.data.store import open_store
from briefing_fixtures import ROOT

HERE = Path(__file__).resolve().parent / "draft_articles"
SAMPLE = HERE / "sample-2019-q3.article.txt"
MIC = ROOT / "resources" / "briefings" / "mic-2017-h1.article.txt"


def _figures(text: str):
    return {f.value or f.plan_pct or f.change_pct: f for f in draft_briefing(text, "t").figures}


def _one(sentence: str):
    """The figures of one sentence inside a minimal article."""
    article = f"Bộ TT&TT sơ kết 6 tháng đầu năm 2017\n\n{sentence}\n"
    return draft_briefing(article, "t").figures


#: The second article: every figure, as a person would write it in the briefing file.
EXPECTED = [
    # value, value_max, unit, qualifier, plan_pct, change_pct, change_qualifier, same_period_pct
    ("1.024.500", None, "tỷ đồng", "ước tính", "74,2", "9,8", None, None),
    ("38.760", None, "tỷ đồng", "ước đạt", None, None, None, None),
    ("128,4", None, "triệu thuê bao", None, None, "-2,3", None, None),
    ("52,6", None, "triệu thuê bao", None, None, None, None, None),
    ("6.150", None, "trạm BTS", None, None, None, None, None),
    ("12.400", None, "km cáp quang", "khoảng", None, None, None, None),
    ("49", None, "nhà xuất bản", None, None, None, None, None),
    ("410", None, "triệu bản", "vào khoảng", None, None, None, "98"),
    ("71,5", None, "tỷ USD", "trên", None, None, None, None),
    ("90", None, "%", "khoảng", None, None, None, None),
    ("125.300", None, "tỷ đồng", None, "75", None, None, None),
    (None, None, None, None, None, "12", None, None),
    ("15", "25", "%", None, None, None, None, None),
]


def _row(f):
    return (f.value, f.value_max, f.unit, f.qualifier, f.plan_pct, f.change_pct, f.change_qualifier, f.same_period_pct)


def test_second_article_in_other_wording_is_drafted_as_expected():
    draft = draft_briefing(SAMPLE.read_text(encoding="utf-8"), "sample-2019-q3", SAMPLE.name)
    assert [_row(f) for f in draft.figures] == EXPECTED
    # Its facts: the period from the headline, the meeting, the enterprise, the parts.
    assert (draft.period_vi, draft.period_start, draft.period_end) == ("Quý III năm 2019", "2019-07-01", "2019-09-30")
    assert draft.published_at == "2019-10-09T09:30"
    meeting = draft.meeting
    assert (meeting.date, meeting.place, meeting.connected_sites) == ("2019-10-08", "Đà Nẵng", "63")
    assert meeting.chaired_by == "Thứ trưởng Nguyễn Văn An"
    by_value = {f.value: f for f in draft.figures}
    assert by_value["52,6"].parent == by_value["128,4"].id  # "trong đó có 52,6 triệu thuê bao 4G"
    assert by_value["128,4"].as_of == "2019-09-30"  # "Tính đến hết tháng 9/2019"
    assert by_value["90"].parent is None or by_value["90"].label.startswith("Tỷ trọng")
    assert by_value["125.300"].enterprise == "vnpt" and by_value["125.300"].metric == "revenue"
    profit = draft.figures[EXPECTED.index((None, None, None, None, None, "12", None, None))]
    assert (profit.enterprise, profit.metric, profit.compared_with) == ("vnpt", "profit", "cùng kỳ")
    assert [d.number for d in draft.directives] == [1, 2, 3]
    assert [d.sector for d in draft.directives] == ["legal", "it_application", "inspection"]
    assert len(draft.limitations) == 2 and draft.limitations[0].title.startswith("Tình trạng tin nhắn rác")
    assert draft.authors == ["Minh Châu"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # notation: thousands with '.', decimals with ',', leading zeros kept as written
    ("Tổng truy vấn là 72.736.956.416 truy vấn.", [("72.736.956.416", None, "truy vấn", None)]),
    ("Bán kính phục vụ bình quân đạt 2,93 km/điểm.", [("2,93", None, "km/điểm", None)]),
    ("Bộ đã trình Chính phủ 06 đề án.", [("06", None, "đề án", None)]),
    # ranges
    ("Doanh thu tăng trưởng từ 10-20% so với cùng kỳ.", [("10", "20", "%", None)]),
    # qualifiers, one each
    ("Có hơn 10,11 triệu thuê bao băng rộng.", [("10,11", None, "triệu thuê bao", "hơn")]),
    ("Công nghiệp phần cứng chiếm trên 91%.", [("91", None, "%", "trên")]),
    ("Đã xử lý gần 24 triệu Sim rác.", [("24", None, "triệu SIM", "gần")]),
    ("Số thuê bao 2G khoảng 68,8 triệu.", [("68,8", None, "triệu thuê bao", "khoảng")]),
    ("Doanh thu ước đạt 213.355 tỷ đồng.", [("213.355", None, "tỷ đồng", "ước đạt")]),
    ("Doanh thu ước tính 120 tỷ đồng.", [("120", None, "tỷ đồng", "ước tính")]),
    ("Sản lượng đạt vào khoảng 410 triệu bản.", [("410", None, "triệu bản", "vào khoảng")]),
])
def test_values_units_and_qualifiers(sentence, expected):
    assert [(f.value, f.value_max, f.unit, f.qualifier) for f in _one(sentence)] == expected


def test_dates_years_ordinals_document_numbers_and_durations_are_not_figures():
    figures = _one("Ngày 14/7/2017, thực hiện Nghị định số 49/2017/NĐ-CP và Thông tư 38, lần thứ 4, giai đoạn "
                   "2016-2020, trong 6 tháng đầu năm, tổng kết 10 năm, dịch vụ mức độ 3, 4 tại địa phương, "
                   "mạng 4G có 12 doanh nghiệp.")
    assert [(f.value, f.unit) for f in figures] == [("12", "doanh nghiệp")]


def test_percent_of_plan_change_and_same_period_attach_to_their_figure():
    (revenue, profit) = _one("Tập đoàn VNPT đạt lợi nhuận 2.390 tỷ đồng bằng 50,4% kế hoạch năm, tăng 15,5% so với "
                             "cùng kỳ năm trước, doanh thu toàn Tập đoàn đạt 68.000 tỷ đồng bằng 106% so với cùng kỳ.")
    assert (revenue.value, revenue.plan_pct, revenue.plan, revenue.change_pct, revenue.compared_with) == \
        ("2.390", "50,4", "kế hoạch năm", "15,5", "cùng kỳ năm trước")
    assert (profit.value, profit.same_period_pct, profit.plan_pct, profit.change_pct) == ("68.000", "106", None, None)
    assert revenue.enterprise == profit.enterprise == "vnpt"
    assert (revenue.metric, profit.metric) == ("profit", "revenue")


def test_change_keeps_its_own_qualifier_and_direction():
    (it,) = _one("Doanh thu ước đạt 31,34 tỷ USD, tăng khoảng 15% so với cùng kỳ năm 2016.")
    assert (it.qualifier, it.change_pct, it.change_qualifier, it.compared_with) == \
        ("ước đạt", "15", "khoảng", "cùng kỳ năm 2016")
    (fall,) = _one("Thuê bao cố định còn 3,1 triệu thuê bao, giảm 1,3% so với năm 2016.")
    assert (fall.change_pct, fall.compared_with) == ("-1,3", "năm 2016")


def test_a_comparison_with_its_own_subject_is_a_figure_without_value():
    revenue, profit = _one("Tổng công ty VTC đạt mức doanh thu 44% kế hoạch năm và lợi nhuận đạt 51% kế hoạch năm.")
    assert (revenue.value, revenue.plan_pct, revenue.label) == (None, "44", "Doanh thu")
    assert (profit.value, profit.plan_pct, profit.label) == (None, "51", "Lợi nhuận")
    assert "value" in revenue.unsure


def test_parts_after_trong_do_name_their_total_and_take_its_unit():
    total, *parts, radius = _one("Mạng lưới hiện có 12.783 điểm phục vụ, trong đó có: 64 bưu cục giao dịch cấp 1, "
                                 "43 kiốt, bán kính phục vụ bình quân đạt 2,93 km/điểm.")
    assert [(p.value, p.unit, p.label, p.parent) for p in parts] == [
        ("64", "điểm phục vụ", "Bưu cục giao dịch cấp 1", total.id), ("43", "điểm phục vụ", "Kiốt", total.id)]
    assert radius.parent is None and radius.unit == "km/điểm"
    assert "unit" in parts[0].unsure


def test_directives_meeting_and_spans_point_into_the_article():
    text = MIC.read_text(encoding="utf-8")
    draft = draft_briefing(text, "mic", MIC.name)
    assert [d.number for d in draft.directives] == list(range(1, 17))
    assert text[slice(*draft.directives[6].span)].startswith("7. Xây dựng các chính sách")
    meeting = draft.meeting
    assert (meeting.date, meeting.place, meeting.connected_sites) == ("2017-07-14", "Hà Nội", "67")
    assert meeting.chaired_by.endswith("Bộ trưởng Bộ TT&TT Trương Minh Tuấn")
    for figure in draft.figures:
        sentence = text[slice(*figure.sentence)]
        assert text[slice(*figure.span)] in sentence
        if figure.value:
            assert text[slice(*figure.field_spans["value"])] == figure.value
    assert len({f.id for f in draft.items()}) == len(draft.items())  # ids are unique…
    again = draft_briefing(text, "mic", MIC.name)
    assert [f.id for f in again.items()] == [f.id for f in draft.items()]  # …and stable


def test_round_trip_article_draft_validate_build_open(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / SAMPLE.name
    shutil.copy(SAMPLE, article)
    assert main(["draft", str(article)]) == 0
    draft_file = folder / "sample-2019-q3.article.draft.yaml"
    text = draft_file.read_text(encoding="utf-8")
    assert "# check:" in text and "# guess:" in text
    assert main(["validate", str(draft_file)]) == 0
    database = tmp_path / "out.db"
    build_database([draft_file], database)
    with open_store(database) as store:
        (summary,) = store.briefing_summaries()
        assert summary.id == "sample-2019-q3"
        from briefing_app.data.snapshot import load_snapshot

        snapshot = load_snapshot(store, summary.id)
        values = [i.value_text for i in snapshot.indicators]
        assert "1.024.500" in values and "410" in values


def test_the_2017_review_drafts_into_a_valid_file_and_a_reviewed_subset_too(tmp_path):
    shutil.copy(MIC, tmp_path / MIC.name)
    draft = draft_briefing(MIC.read_text(encoding="utf-8"), "mic-draft", MIC.name)
    whole = tmp_path / "whole.yaml"
    whole.write_text(draft_to_yaml(draft), encoding="utf-8")
    assert len(load_briefing_file(whole).indicators) == len(draft.figures)
    # A review keeps a few: a part whose total was rejected loses its parent; directives are renumbered.
    postal_total = next(f for f in draft.figures if f.value == "12.783")
    kept = [f.id for f in draft.figures if f.value in ("64", "213.355")] + [d.id for d in draft.directives[2:4]]
    some = tmp_path / "some.yaml"
    some.write_text(draft_to_yaml(draft, keep=kept), encoding="utf-8")
    document = load_briefing_file(some)
    assert [i["value_text"] for i in document.indicators] == ["64", "213.355"]
    assert document.indicators[0]["parent"] is None and postal_total.id not in kept
    assert [d["number"] for d in document.directives] == [1, 2]
    assert "the article numbers it 3" in some.read_text(encoding="utf-8")


def test_cli_refuses_to_overwrite_the_article_and_fails_plainly(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Bộ TT&TT\n\nDoanh thu ước đạt 1.000 tỷ đồng.\n", encoding="utf-8")
    before = article.read_bytes()
    assert main(["draft", str(article), "-o", str(article)]) == 1
    assert article.read_bytes() == before
    assert "briefing-app: error:" in capsys.readouterr().err
    assert main(["draft", str(tmp_path / "missing.txt")]) == 1
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    assert main(["draft", str(tmp_path / "bad.txt")]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["draft", str(article), "--id", "Bad Id"]) == 1


def test_cli_writes_to_standard_output_with_dash():
    result = subprocess.run([sys.executable, "-m", "briefing_app", "draft", str(SAMPLE), "-o", "-"],
                            capture_output=True, text=True, encoding="utf-8", check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Drafted by 'briefing-app draft'") and 'value: "1.024.500"' in result.stdout


def test_a_30_kb_article_drafts_within_a_second():
    text = MIC.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) >= 30_000
    started = time.perf_counter()
    draft_briefing(text, "mic")
    assert time.perf_counter() - started < 4.0  # the target is 1 s; a loaded CI machine gets slack


def test_the_quality_benchmark_prints_both_shares_and_the_time():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "draft_quality.py")], capture_output=True,
                            text=True, encoding="utf-8", check=False, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("mic-2017-h1.yaml: ") and "curated figures found exactly" in lines[0]
    assert lines[1].startswith("noise: ") and lines[2].startswith("time to draft ")
    assert "— pass" in lines[0] and "— pass" in lines[1]
    measures = [line for line in lines if line.startswith("measures, ")]
    assert measures[0].startswith("measures, mic-2017-h1.yaml (drafted): ") and len(measures) == 5
    assert all("(precision 100%; target 100 %) — pass" in line for line in measures)


@pytest.mark.parametrize("sentence, expected", [
    # Our own sentences, in the wording other reviews use (found wrong on articles the rules had not seen):
    # a unit word must be the word itself, tone marks included ("tính đến" is not "tỉnh"), not the last
    # syllable of another word ("thời điểm" is not "điểm", "dịch vụ" is not "vụ").
    ("Số thuê bao điện thoại tính đến cuối tháng 6 ước tính đạt 120,5 triệu.",
     [("120,5", "triệu thuê bao", "ước tính")]),
    ("Tại thời điểm này tổng số thuê bao di động giảm khoảng 1,2 triệu so với đầu năm.",
     [("1,2", "triệu thuê bao", "khoảng")]),
    ("Thuê bao di động là xấp xỉ 120 triệu, thuê bao băng rộng cố định đạt 14,2 triệu.",
     [("120", "triệu thuê bao", "xấp xỉ"), ("14,2", "triệu thuê bao", None)]),
    # Money: a bare "tỷ" after a revenue takes the sentence's currency, not a noun ending a word ("dịch vụ").
    ("Tổng doanh thu đạt 9.100 tỷ đồng; doanh thu dịch vụ viễn thông cố định đạt 2.100 tỷ, tăng 0,4% so với "
     "tháng trước.", [("9.100", "tỷ đồng", None), ("2.100", "tỷ đồng", None)]),
])
def test_a_bare_scale_takes_the_noun_or_currency_its_clause_states(sentence, expected):
    assert [(f.value, f.unit, f.qualifier) for f in _one(sentence)] == expected


def test_a_bare_scale_after_a_parenthesis_takes_the_sentences_subject():
    (phones,) = _one("Số thuê bao điện thoại cả nước (cả di động và cố định) tính đến hết tháng 6 ước đạt 125,3 triệu.")
    assert (phones.value, phones.unit, phones.qualifier) == ("125,3", "triệu thuê bao", "ước đạt")
    assert "unit" in phones.unsure


def test_a_percent_of_plan_after_a_change_without_a_comma_is_the_plan():
    # Other reviews write "tăng 5,1% so với cùng kỳ năm 2022 đạt 43,2% kế hoạch năm 2023" with no comma:
    # the direction word belongs to the first percentage, not to the second.
    (revenue,) = _one("Doanh thu dịch vụ bưu chính ước đạt 27.100 tỷ đồng, tăng 5,1% so với cùng kỳ năm 2022 đạt "
                      "43,2% kế hoạch năm 2023.")
    assert (revenue.value, revenue.change_pct, revenue.plan_pct, revenue.plan) == \
        ("27.100", "5,1", "43,2", "kế hoạch năm 2023")


@pytest.mark.parametrize("sentence, expected", [
    ("Tổng số lao động toàn ngành tính đến tháng 6 ước khoảng 1.500.000 lao động, tăng 2% so với cùng kỳ.",
     ("1.500.000", "lao động", "ước khoảng")),
    ("Tổng sản lượng bưu gửi trong 6 tháng ước đạt 1.050 triệu bưu gửi, tăng 18% so với cùng kỳ.",
     ("1.050", "triệu bưu gửi", "ước đạt")),
    ("Doanh thu toàn ngành ước đạt 2,1 triệu tỉ đồng, tăng 20% so với cùng kỳ.", ("2,1", "triệu tỉ đồng", "ước đạt")),
])
def test_units_and_qualifiers_of_later_reviews(sentence, expected):
    figure = _one(sentence)[0]
    assert (figure.value, figure.unit, figure.qualifier) == expected


def test_figures_in_the_headline_are_not_drafted_twice():
    # A headline restates a body figure, rounded ("hơn 2 triệu tỉ đồng"); the body's sentence is the source.
    article = ("Doanh thu ngành đạt hơn 2 triệu tỉ đồng\n\n"
               "Trong 6 tháng đầu năm 2024, doanh thu toàn ngành ước đạt 2,06 triệu tỉ đồng, tăng 27% so với "
               "cùng kỳ.\n")
    figures = draft_briefing(article, "t").figures
    assert [(f.value, f.unit) for f in figures] == [("2,06", "triệu tỉ đồng")]
