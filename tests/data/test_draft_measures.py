"""A draft guesses each figure's measure where the catalogue has one (resources/measures.yaml), so a drafted
briefing joins the series of the others: the guesses on the 2017 review are those of the hand-made file, none for
a part that only repeats its total, an enterprise's result or a province's, none whose unit does not convert;
the guess is written pending review (``# guess:``), with the measure's English name as the label's, and the
drafted file validates, builds into a series and reopens as it was saved."""

from __future__ import annotations

import shutil

import pytest

from briefing_app.data.briefing_file import load_briefing_file
from briefing_app.data.build import build_database
from briefing_app.data.draft import draft_briefing, draft_to_yaml
from briefing_app.data.draft.review import ACCEPTED, EditError, Review
from briefing_app.data.draft_file import draft_article, reopen_review_file, save_review
from briefing_app.data.measures import shipped_measures, unit_converts
from briefing_app.data.series import build_series
from briefing_app.data.store import open_store
from briefing_fixtures import ROOT

MIC = ROOT / "resources" / "briefings" / "mic-2017-h1.article.txt"
CURATED = ROOT / "resources" / "briefings" / "mic-2017-h1.yaml"


@pytest.fixture(scope="module")
def mic_draft():
    return draft_briefing(MIC.read_text(encoding="utf-8"), "mic-draft", MIC.name)


def _by_value(draft):
    return {f.value: f for f in draft.figures if f.value}


def _one(sentence: str):
    """The figures of one sentence inside a minimal article."""
    return draft_briefing(f"Bộ TT&TT sơ kết 6 tháng đầu năm 2017\n\n{sentence}\n", "t").figures


@pytest.mark.parametrize("value, measure", [
    ("213.355", "telecom.revenue.generated"),
    ("130", "telecom.subscribers.phone_total"),
    ("7,3", "telecom.subscribers.fixed"),  # a part ("trong đó"), named by its own words: not its total's measure
    ("68,8", "telecom.subscribers.2g"),
    ("54,2", "telecom.subscribers.3g"),
    ("06", "legal.schemes_submitted"),
    ("17", "legal.circulars_issued"),
    ("982", "press.agencies.print"),
    ("193", "press.agencies.print_newspapers"),
    ("12.783", "postal.service_points"),
    ("72.736.956.416", "internet.dns_queries"),
    ("31,34", "it.industry.revenue_usd"),
])
def test_known_figures_of_the_2017_review_get_the_hand_made_file_s_measure(mic_draft, value, measure):
    figure = _by_value(mic_draft)[value]
    assert figure.measure == measure
    curated = next(r for r in load_briefing_file(CURATED).indicators if r["value_text"] == value)
    assert curated["measure"] == measure  # the truth is the shipped file's
    assert figure.label_en == shipped_measures()[measure].name_en and figure.measure_hint


def test_every_guess_on_the_2017_review_is_the_hand_made_file_s(mic_draft):
    curated = load_briefing_file(CURATED).indicators
    guessed = [f for f in mic_draft.figures if f.measure]
    for figure in guessed:
        same = [r for r in curated if r["value_text"] == figure.value and r["unit_vi"].lower() == figure.unit.lower()]
        assert figure.measure in {r["measure"] for r in same}, figure.key
    assert len(guessed) >= 18  # of the 20 the file names


def test_no_guess_for_parts_that_repeat_their_total_nor_for_enterprises(mic_draft):
    figures = _by_value(mic_draft)
    for value in ("64", "760", "8.098", "1.537"):  # "trong đó có: 64 bưu cục …": points of the total's kind
        assert figures[value].parent is not None and figures[value].measure is None
    enterprise = [f for f in mic_draft.figures if f.enterprise]
    assert enterprise and all(f.measure is None for f in enterprise)
    # "Tổng số thuê bao di động trên toàn cầu của Viettel": thuê bao, but Viettel's
    assert figures["100"].enterprise == "viettel" and figures["100"].measure is None


@pytest.mark.parametrize("sentence", [
    "Doanh thu viễn thông phát sinh của tỉnh ước đạt 2.130 tỷ đồng.",
    "Doanh thu viễn thông phát sinh trên địa bàn thành phố Hà Nội ước đạt 2.130 tỷ đồng.",
    "Tập đoàn VNPT cho biết doanh thu viễn thông phát sinh ước đạt 2.130 tỷ đồng.",
    "Cả nước có 193 cơ quan báo in, trong đó báo in có 86 cơ quan Trung ương.",
])
def test_no_guess_for_a_province_an_enterprise_or_a_level_of_government(sentence):
    figures = _one(sentence)
    assert figures
    assert all(f.measure is None for f in figures if f.value in ("2.130", "86"))


def test_no_guess_whose_unit_does_not_convert(mic_draft):
    catalogue = shipped_measures()
    assert all(unit_converts(f.unit, catalogue[f.measure]) for f in mic_draft.figures if f.measure)
    # the words of "telecom.revenue.generated", in USD: the measure counts đồng, and no rate converts them
    (figure,) = _one("Doanh thu viễn thông phát sinh ước đạt 9,5 tỷ USD.")
    assert figure.unit == "tỷ USD" and figure.measure is None
    (figure,) = _one("Doanh thu viễn thông phát sinh ước đạt 213.355 tỷ đồng.")
    assert figure.measure == "telecom.revenue.generated"


def test_a_phrase_naming_more_than_the_measure_gets_none():
    # "băng rộng 3G và 4G" is not "thuê bao 3G"
    (figure,) = _one("Số thuê bao băng rộng 3G và 4G là 51.128.599 thuê bao.")
    assert figure.measure is None


def test_the_guess_is_written_pending_with_the_words_it_matched_and_dropped_when_accepted(mic_draft, tmp_path):
    text = draft_to_yaml(mic_draft)
    assert ('    measure: "telecom.revenue.generated"  # guess: from \'Doanh thu viễn thông phát sinh\'\n'
            in text)
    assert ('    label: {vi: "Doanh thu viễn thông phát sinh", en: "Telecommunications revenue generated"}'
            '  # guess: en: the measure\'s name\n' in text)
    review = Review(draft_briefing(MIC.read_text(encoding="utf-8"), "mic-draft", MIC.name))
    revenue = next(f for f in review.draft.figures if f.value == "213.355")
    review.set_status(revenue.id, ACCEPTED)
    accepted = review.to_yaml()
    assert '    measure: "telecom.revenue.generated"\n' in accepted
    assert ('    label: {vi: "Doanh thu viễn thông phát sinh", en: "Telecommunications revenue generated"}\n'
            in accepted)


def test_the_drafted_file_validates_builds_and_its_figures_join_their_series(mic_draft, tmp_path):
    shutil.copy(MIC, tmp_path / MIC.name)
    path = tmp_path / "mic-draft.yaml"
    path.write_text(draft_to_yaml(mic_draft), encoding="utf-8")
    document = load_briefing_file(path)  # validates: the ids exist and the units convert
    assert {r["measure"] for r in document.indicators} >= {"telecom.revenue.generated", "telecom.subscribers.fixed"}
    database = tmp_path / "out.db"
    build_database([path, ROOT / "resources" / "briefings" / "mic-2018-h1.yaml"], database)
    with open_store(database) as store:
        series = build_series(store, "telecom.subscribers.fixed")
    assert [(p.briefing, p.value_text) for p in series.points if p.kind == "stated"] == [
        ("mic-draft", "7,3"), ("mic-2018-h1", "5,051")]


def test_a_review_with_guesses_reopens_as_saved_and_the_measure_is_edited_in_it(tmp_path):
    article = tmp_path / MIC.name
    shutil.copy(MIC, article)
    review = Review(draft_article(article))
    figures = {f.value: f for f in review.draft.figures if f.value}
    review.set_status(figures["213.355"].id, ACCEPTED)
    review.edit(figures["130"].id, {"label": "Tổng số thuê bao điện thoại"})  # the measure stays, accepted
    with pytest.raises(EditError) as unknown:
        review.edit(figures["7,3"].id, {"measure": "telecom.subscribers.fixd"})
    assert unknown.value.kind == "measure"
    with pytest.raises(EditError) as mismatch:
        review.edit(figures["7,3"].id, {"measure": "telecom.revenue.generated"})  # triệu thuê bao is not đồng
    assert mismatch.value.kind == "measure_unit" and review.draft.item(figures["7,3"].id).measure == (
        "telecom.subscribers.fixed")
    moved = review.edit(figures["68,8"].id, {"measure": "telecom.subscribers.mobile"})
    assert moved.label_en == "Mobile telephone subscribers" and moved.measure_hint == ""
    cleared = review.edit(figures["54,2"].id, {"measure": ""})
    assert cleared.measure is None and cleared.label_en is None
    path = tmp_path / "review.yaml"
    save_review(review, path)
    saved = path.read_text(encoding="utf-8")
    again = reopen_review_file(path)
    assert again.to_yaml() == saved  # byte for byte
    by_value = {f.value: f for f in again.draft.figures if f.value}
    assert by_value["7,3"].measure == "telecom.subscribers.fixed" and by_value["7,3"].measure_hint
    assert by_value["130"].measure == "telecom.subscribers.phone_total"
    assert by_value["68,8"].measure == "telecom.subscribers.mobile" and by_value["54,2"].measure is None
