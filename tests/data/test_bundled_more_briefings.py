"""The further shipped briefings cited by reference (2018 H1, 2017 full year, 2016 full year), against the
research notes (/work/research/mic-figures.md): every figure as the article states it, its qualifier, its
measure, its comparisons, and the article it is cited from.

(key, value as written, unit, qualifier, measure, change, change qualifier, percent of same period, percent of
plan, cited article, as of)
"""

import pytest

from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store

FIGURES_2018_H1 = [
    ("press.print", "857", "cơ quan", None, "press.agencies.print", None, None, None, None, "baonamdinh", "2018-07"),
    ("press.print.newspapers_central", "86", "cơ quan", None, None, None, None, None, None, "baonamdinh",
     "2018-07"),
    ("press.print.newspapers_local", "107", "cơ quan", None, None, None, None, None, None, "baonamdinh", "2018-07"),
    ("press.print.magazines_central", "350", "đơn vị", None, None, None, None, None, None, "baonamdinh", "2018-07"),
    ("press.print.magazines_local", "134", "đơn vị", None, None, None, None, None, None, "baonamdinh", "2018-07"),
    ("press.online", "159", "đơn vị", None, None, None, None, None, None, "baonamdinh", "2018-07"),
    ("press.broadcast", "67", "đài", None, "press.agencies.broadcast", None, None, None, None, "baonamdinh",
     "2018-07"),
    ("press.cards_issued", "1.066", "thẻ", None, "press.journalists_card_issued_period", None, None, None, None,
     "baonamdinh", "2018-H1"),
    ("press.cards_total", "19.166", "thẻ", None, "press.journalists_card", None, None, None, None, "baonamdinh",
     "2018-07"),
    ("online.general_sites", "1.510", "trang", None, "web.general_sites_licensed", None, None, None, None,
     "baonamdinh", "2018-06-30"),
    ("online.social_networks", "228", "mạng xã hội", None, "web.social_networks_licensed", None, None, None, None,
     "baonamdinh", "2018-06-30"),
    ("telecom.enterprises", "75", "doanh nghiệp", None, "telecom.enterprises", None, None, None, None, "baonamdinh",
     "2018-07"),
    ("telecom.isp_enterprises", "71", "doanh nghiệp", None, "internet.isp_enterprises", None, None, None, None,
     "baonamdinh", "2018-07"),
    ("telecom.revenue.services", "181.948", "tỷ đồng", "ước tính", "telecom.revenue.services", "4,83", "khoảng",
     None, "49,18", "vietnamplus", "2018-H1"),
    ("telecom.budget", "23.531", "tỷ đồng", "ước tính", "telecom.budget_contribution", None, None, None, "51,35",
     "vietnamplus", "2018-H1"),
    ("telecom.subscribers.mobile", "123,91", "triệu thuê bao", None, "telecom.subscribers.mobile", "-0,02", None,
     None, None, "vietnamplus", "2018-06-30"),
    ("telecom.subscribers.mobile_rounded", "124", "triệu thuê bao", "gần", None, None, None, None, None, "antt",
     "2018-06-30"),
    ("telecom.subscribers.fixed", "5,051", "triệu thuê bao", "hơn", "telecom.subscribers.fixed", None, None, None,
     None, "vietnamplus", "2018-06-30"),
    ("telecom.subscribers.3g4g_growth", None, None, None, None, "29,20", None, None, None, "vietnamplus",
     "2018-H1"),
    ("telecom.bts_added", "22.665", "trạm BTS", None, "telecom.bts_added", None, None, None, None, "vietnamplus",
     "2018-H1"),
    ("telecom.fiber_added", "19.865", "km cáp quang", None, "telecom.fiber_km_added", None, None, None, None,
     "vietnamplus", "2018-H1"),
    ("it.revenue", "1", "triệu tỷ đồng", "hơn", "it.industry.revenue", "16", "hơn", None, None, "antt", "2018-H1"),
    ("it.hardware_revenue", "912.800", "tỷ đồng", "ước đạt", "it.industry.hardware_revenue", None, None, None, None,
     "antt", "2018-H1"),
]


def _text(number):
    return None if number is None else format(number, "f").replace(".", ",")


def _figures(snapshot):
    return [(i.key, i.value_text, i.unit_vi, i.qualifier, i.measure, _text(i.change_pct), i.change_qualifier,
             _text(i.same_period_pct), _text(i.plan_pct), i.cited, i.as_of) for i in snapshot.indicators]


def _stated_checks(snapshot):
    return {c.key: (c.expected, c.stated) for c in snapshot.checks if c.kind == "stated"}


@pytest.fixture(scope="module")
def h1_2018(bundled_db):
    with open_store(bundled_db) as store:
        return load_snapshot(store, "mic-2018-h1")


def test_2018_h1_every_figure_as_stated(h1_2018):
    assert _figures(h1_2018) == FIGURES_2018_H1


def test_2018_h1_telecom_figure_is_services_revenue_not_generated(h1_2018):
    revenue = next(i for i in h1_2018.indicators if i.value_text == "181.948")
    assert revenue.measure == "telecom.revenue.services"
    assert (revenue.compared_with_vi, revenue.plan_vi) == ("cùng kỳ năm 2017", "kế hoạch năm 2018")


def test_2018_h1_no_sentence_is_held_and_every_figure_has_a_short_locator(h1_2018):
    assert h1_2018.briefing.article_text == ""
    for entry in h1_2018.indicators:
        assert entry.source_text == ""
        assert entry.locator and len(entry.locator.split()) <= 12, entry.key


def test_2018_h1_the_cited_articles_and_the_meeting(h1_2018):
    assert [(s.key, s.publisher_vi, s.url, s.published_at) for s in h1_2018.cited_sources] == [
        ("vietnamplus", "VietnamPlus (TTXVN)",
         "https://www.vietnamplus.vn/thue-bao-di-dong-bat-ngo-tang-trong-sau-thang-dau-nam-2018/512495.vnp", None),
        ("baonamdinh", "Báo Nam Định (theo chinhphu.vn)",
         "http://baonamdinh.com.vn/channel/5083/201807/ca-nuoc-co-hon-19-nghin-nguoi-duoc-cap-the-nha-bao-2525387/",
         "2018-07-10T08:40"),
        ("antt", "An ninh Thủ đô", "http://antt.vn/ca-nuoc-co-hon-19000-nguoi-duoc-cap-the-nha-bao-245297.htm", None),
    ]
    b = h1_2018.briefing
    assert (b.meeting_date, b.period_start, b.period_end) == ("2018-07-09", "2018-01-01", "2018-06-30")


def test_2018_h1_disagreements_are_recorded_as_checks(h1_2018):
    assert _stated_checks(h1_2018) == {
        "telecom_revenue_label_and_rounding": (
            "doanh thu dịch vụ viễn thông; 49,18% KH; tăng khoảng 4,83%; nộp NS 51,35% KH (VietnamPlus)",
            "doanh thu lĩnh vực viễn thông; 49,1% KH; tăng khoảng 4,8%; nộp NS 51,3% KH (chinhphu.vn)"),
        "mobile_2019_implies": ("≈ 119,8 triệu (134,5 / 1,123)", "123,91 triệu"),
        "social_networks_228_288": ("228 (chinhphu.vn)", "288 (humannationalityvn.blogspot.com)"),
        "print_press_breakdown": ("857 (tổng được nêu)", "677 (86 + 107 + 350 + 134)"),
    }
