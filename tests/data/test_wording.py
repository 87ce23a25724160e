"""How figures read in each language: qualifiers kept, numbers in the locale's notation."""

from decimal import Decimal

import pytest

from briefing_app.data.records import DerivedValue, Indicator
from briefing_app.data.wording import comparisons, date_text, derived_text, figure_text, value_text


def indicator(**overrides):
    fields = dict(id=1, key="k", position=1, sector_id=1, enterprise_id=None, metric=None, label_vi="Doanh thu",
                  label_en="Revenue", value=Decimal("213355"), value_text="213.355", value_max=None,
                  unit_vi="tỷ đồng", unit_en="billion VND", qualifier="ước đạt", as_of="2017-H1", parent_id=None,
                  depth=0, plan_pct=Decimal("47.41"), plan_vi="kế hoạch năm 2017", plan_en="2017 plan",
                  change_pct=None, change_qualifier=None, same_period_pct=None, compared_with_vi=None,
                  compared_with_en=None, source_text="…", source_offset=0)
    fields.update(overrides)
    return Indicator(**fields)


def test_figure_keeps_its_qualifier_in_both_languages():
    assert figure_text(indicator(), "vi") == "ước đạt 213.355 tỷ đồng"
    assert figure_text(indicator(), "en") == "estimated 213,355 billion VND"
    assert figure_text(indicator(qualifier="gần", value=Decimal("70"), unit_vi="%", unit_en="%"), "vi") == "gần 70%"
    assert figure_text(indicator(qualifier="hơn", value=Decimal("10.11")), "en") == "over 10.11 billion VND"


def test_ranges_keep_both_ends():
    claim = indicator(value=Decimal(10), value_max=Decimal(20), unit_vi="%", unit_en="%", qualifier=None)
    assert value_text(claim, "vi") == "10–20"
    assert figure_text(claim, "en") == "10–20%"


def test_comparisons_in_words():
    assert comparisons(indicator(), "vi") == ["bằng 47,41% kế hoạch năm 2017"]
    assert comparisons(indicator(), "en") == ["47.41% of the 2017 plan"]
    rising = indicator(plan_pct=None, change_pct=Decimal(15), change_qualifier="khoảng",
                       compared_with_vi="cùng kỳ năm 2016", compared_with_en="same period of 2016")
    assert comparisons(rising, "vi") == ["tăng khoảng 15% so với cùng kỳ năm 2016"]
    assert comparisons(rising, "en") == ["up about 15% on the same period of 2016"]
    falling = indicator(plan_pct=None, change_pct=Decimal("-5"))
    assert comparisons(falling, "en") == ["down 5% on the same period last year"]
    same = indicator(plan_pct=None, same_period_pct=Decimal(106), compared_with_vi="cùng kỳ",
                     compared_with_en="same period")
    assert comparisons(same, "vi") == ["bằng 106% so với cùng kỳ"]
    whole_year = indicator(plan_pct=None, change_pct=Decimal(38), compared_with_en="2016")
    assert comparisons(whole_year, "en") == ["up 38% on 2016"]


@pytest.mark.parametrize("iso, vi, en", [
    ("2017-07-14", "14/07/2017", "14 Jul 2017"),
    ("2017-06", "tháng 6/2017", "Jun 2017"),
    ("2017-H1", "6 tháng đầu năm 2017", "first half of 2017"),
    ("2017", "năm 2017", "2017"),
    ("2017-07-14T13:06", "14/07/2017 13:06", "14 Jul 2017 13:06"),
    (None, "", ""),
])
def test_dates(iso, vi, en):
    assert date_text(iso, "vi") == vi and date_text(iso, "en") == en


def test_derived_values_are_labelled_and_rounded_to_the_stated_precision():
    derived = DerivedValue(1, 1, "annual_plan", Decimal("450021.0925964986"), "tỷ đồng", "billion VND",
                           "213355 ÷ 47.41 % = 450,021.09", "Kế hoạch năm 2017 (suy ra)", "2017 plan (derived)")
    assert derived_text(derived, indicator(), "vi") == "Kế hoạch năm 2017 (suy ra): ≈ 450.021 tỷ đồng"
    assert derived_text(derived, indicator(), "en") == "2017 plan (derived): ≈ 450,021 billion VND"


def test_an_approximate_estimate_keeps_both_words():
    # "ước đạt hơn 1 triệu tỷ đồng": estimated AND over; storing only "hơn" dropped the estimate.
    from briefing_app.data.series import tolerance_range
    from briefing_app.data.wording import qualifier_word

    assert qualifier_word("ước đạt hơn", "vi") == "ước đạt hơn"
    assert qualifier_word("ước đạt hơn", "en") == "estimated over"
    assert qualifier_word("ước tính gần", "en") == "estimated nearly"
    low, high = tolerance_range(Decimal(100), "100", "ước đạt hơn")
    assert (low, high) == (Decimal("97.5"), Decimal("107.5"))
