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
    ("it.revenue", "1", "triệu tỷ đồng", "ước đạt hơn", "it.industry.revenue", "16", "hơn", None, None, "antt",
     "2018-H1"),
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


FIGURES_2017_FY = [
    ("ict.revenue", "2,1", "triệu tỷ đồng", "hơn", "ict.revenue.total", "9,34", None, None, None, "vnf", "2017"),
    ("press.revenue", "13.912", "tỷ đồng", "ước đạt", "press.revenue", None, None, None, None, "vnf", "2017"),
    ("publishing.revenue", "18.933", "tỷ đồng", "ước đạt", "publishing.revenue", None, None, None, None, "vnf",
     "2017"),
    ("paytv.revenue", "7.500", "tỷ đồng", "ước đạt", "paytv.revenue", None, None, None, None, "vnf", "2017"),
    ("postal.revenue", "20.148", "tỷ đồng", "ước đạt", "postal.revenue", None, None, None, None, "vnf", "2017"),
    ("telecom.revenue", "352.198", "tỷ đồng", "ước đạt", "telecom.revenue.total", None, None, None, None, "vnf",
     "2017"),
    ("it.revenue", "1.723.500", "tỷ đồng", "ước đạt", "it.industry.revenue", None, None, None, None, "vnf", "2017"),
    ("ict.budget", "94.994", "tỷ đồng", "ước đạt", "ict.budget_contribution", None, None, None, "104,3", "vnf",
     "2017"),
    ("press.budget", "973", "tỷ đồng", "ước đạt", "press.budget_contribution", None, None, None, None, "vnf", "2017"),
    ("publishing.budget", "1.852", "tỷ đồng", "ước đạt", "publishing.budget_contribution", None, None, None, None,
     "vnf", "2017"),
    ("postal.budget", "1.801", "tỷ đồng", "ước đạt", "postal.budget_contribution", None, None, None, None, "vnf",
     "2017"),
    ("telecom.budget", "53.368", "tỷ đồng", "ước đạt", "telecom.budget_contribution", None, None, None, None, "vnf",
     "2017"),
    ("it.budget", "37.000", "tỷ đồng", "ước đạt", "it.industry.budget_contribution", None, None, None, None, "vnf",
     "2017"),
    ("it.revenue_growth_ictnews", "1.723.500", "tỷ đồng", "ước đạt", None, "13,15", "khoảng", None, None, "ictnews",
     "2017"),
    ("it.hardware_revenue", "1.507.500", "tỷ đồng", None, "it.industry.hardware_revenue", None, None, None, None,
     "ictnews", "2017"),
    ("it.budget_ictnews", "832.500", "tỷ đồng", "ước đạt", None, "7,81", "khoảng", None, None, "ictnews", "2017"),
    ("it.exports", "1.554.750", "tỷ đồng", "ước đạt", "it.exports", "14,14", None, None, None, "ictnews", "2017"),
    ("it.software_exports", "58.500", "tỷ đồng", "ước đạt", "it.software_exports", "4,4", None, None, None,
     "ictnews", "2017"),
    ("it.enterprises", "27000", "doanh nghiệp", "khoảng", "it.enterprises", None, None, None, None, "ictnews",
     "2017-12"),
    ("telecom.subscribers.phone_total", "127,4", "triệu thuê bao", "ước tính", "telecom.subscribers.phone_total",
     "-2,1", None, None, None, "viettimes", "2017-12-31"),
    ("telecom.subscribers.mobile", "119,7", "triệu thuê bao", None, "telecom.subscribers.mobile", "-1,3", None, None,
     None, "viettimes", "2017-12-31"),
    ("telecom.subscribers.mobile_vtv", "127", "triệu thuê bao", "hơn", "telecom.subscribers.mobile", None, None,
     None, None, "vtv", "2017-12-31"),
    ("telecom.mobile_per_100", "116", "máy/100 dân", None, None, None, None, None, None, "vtv", "2017-12-31"),
    ("telecom.fixed_per_100", "5", "thuê bao/100 dân", None, None, None, None, None, None, "vtv", "2017-12-31"),
    ("telecom.subscribers.fixed_broadband", "10,8", "triệu thuê bao", "ước tính", "telecom.subscribers.fixed_broadband",
     "18,7", None, None, None, "cand", "2017-12-31"),
    ("telecom.revenue_cand", "380.000", "tỷ đồng", "ước tính", None, "7,3", None, None, None, "cand", "2017"),
    ("telecom.sim_reclaimed", "4", "triệu thuê bao", None, "telecom.subscribers.mobile_removed", None, None, None,
     None, "cand", "2017"),
]

FIGURES_2016_FY = [
    ("ict.revenue", "1.337.857", "tỷ đồng", "ước đạt", "ict.revenue.total", "9,36", None, None, None,
     "trangcongnghe", "2016"),
    ("press.revenue", "13.912", "tỷ đồng", "ước đạt", "press.revenue", None, None, None, None, "trangcongnghe",
     "2016"),
    ("publishing.revenue", "2.245", "tỷ đồng", None, "publishing.revenue", None, None, None, None, "trangcongnghe",
     "2016"),
    ("postal.revenue", "16.800", "tỷ đồng", None, "postal.revenue", None, None, None, None, "trangcongnghe", "2016"),
    ("telecom.revenue", "365.500", "tỷ đồng", None, "telecom.revenue.total", "7,5", None, None, None, "kinhtedothi",
     "2016"),
    ("it.revenue", "939.400", "tỷ đồng", None, "it.industry.revenue", "10", "khoảng", None, None, "kinhtedothi",
     "2016"),
    ("ict.budget", "145.915", "tỷ đồng", "ước đạt", "ict.budget_contribution", None, None, None, "109,06",
     "kinhtedothi", "2016"),
    ("telecom.budget", "50.396", "tỷ đồng", None, "telecom.budget_contribution", "7,5", None, None, None,
     "kinhtedothi", "2016"),
    ("it.budget", "93.940", "tỷ đồng", None, "it.industry.budget_contribution", "10", "khoảng", None, None,
     "kinhtedothi", "2016"),
    ("it.workforce", "600.000", "người", "trên", "it.workforce", None, None, None, None, "kinhtedothi", "2016-12"),
    ("telecom.mobile_per_100", "131", "thuê bao/100 dân", None, "telecom.mobile_per_100", None, None, None, None,
     "trangcongnghe", "2016-12-31"),
    ("telecom.fixed_broadband_per_100", "10,11", "thuê bao/100 dân", None, "telecom.fixed_broadband_per_100", None,
     None, None, None, "trangcongnghe", "2016-12-31"),
    ("telecom.mobile_broadband_per_100", "50", "thuê bao/100 dân", None, "telecom.mobile_broadband_per_100", None,
     None, None, None, "trangcongnghe", "2016-12-31"),
    ("press.print_output", "1.000", "triệu bản", None, None, None, None, None, None, "trangcongnghe", "2016"),
    ("broadcast.tv_coverage", "95", "%", "khoảng", None, None, None, None, None, "trangcongnghe", "2016-12-31"),
]


@pytest.fixture(scope="module")
def fy_2017(bundled_db):
    with open_store(bundled_db) as store:
        return load_snapshot(store, "mic-2017-fy")


@pytest.fixture(scope="module")
def fy_2016(bundled_db):
    with open_store(bundled_db) as store:
        return load_snapshot(store, "mic-2016-fy")


def test_2017_fy_every_figure_as_stated(fy_2017):
    assert _figures(fy_2017) == FIGURES_2017_FY


def test_2017_fy_the_meeting_period_and_cited_articles(fy_2017):
    b = fy_2017.briefing
    assert (b.meeting_date, b.period_start, b.period_end, b.article_text) == (
        "2017-12-22", "2017-01-01", "2017-12-31", "")
    assert [(s.key, s.published_at) for s in fy_2017.cited_sources] == [
        ("vnf", None), ("ictnews", None), ("viettimes", None), ("cand", None), ("vtv", "2018-01-03T06:08")]
    assert fy_2017.cited_sources[0].url == ("https://vietnamfinance.vn/nganh-vien-thong-dat-tong-doanh-thu-hon-352-"
                                            "ngan-ty-dong-trong-nam-2017-20171222104907789.htm")
    for entry in fy_2017.indicators:
        assert entry.source_text == "" and entry.locator and len(entry.locator.split()) <= 12, entry.key


def test_2017_fy_disagreements_are_recorded_as_checks(fy_2017):
    assert _stated_checks(fy_2017) == {
        "sector_growth_vs_2016": ("≈ 1.953.000 tỷ đồng năm 2016 (2.136.191 / 1,0934)",
                                  "1.337.857 tỷ đồng (tổng kết năm 2016)"),
        "telecom_revenue_two_series": ("352.198 tỷ đồng (Bộ TT&TT)", "380.000 tỷ đồng, tăng 7,3% (CAND)"),
        "mobile_end_2017": ("119,7 triệu (VietTimes)", "hơn 127 triệu (VTV)"),
        "press_revenue_same_as_2016": ("một số mới cho năm 2017", "13.912 tỷ đồng (cả năm 2016 và 2017)"),
        "it_budget_two_figures": ("37.000 tỷ đồng (VietnamFinance)", "832.500 tỷ đồng, tăng khoảng 7,81% (ICTnews)"),
        "it_revenue_growth_vs_2016": ("≈ 1.523.000 tỷ đồng năm 2016 (1.723.500 / 1,1315)",
                                      "939.400 tỷ đồng (tổng kết năm 2016)"),
    }


def test_2016_fy_every_figure_as_stated(fy_2016):
    assert _figures(fy_2016) == FIGURES_2016_FY


def test_2016_fy_the_period_and_cited_articles(fy_2016):
    b = fy_2016.briefing
    assert (b.meeting_date, b.period_start, b.period_end, b.article_text) == (None, "2016-01-01", "2016-12-31", "")
    assert [(s.key, s.url) for s in fy_2016.cited_sources] == [
        ("trangcongnghe", "https://vn.trangcongnghe.com/tin-tuc-cong-nghe/43652-tong-thu-nganh-thong-tin-va-truyen-"
                          "thong-dat-hon-133-trieu-ty-dong.html"),
        ("kinhtedothi", "https://kinhtedothi.vn/doanh-thu-nganh-tttt-dat-hon-13-trieu-ty-dong-trong-nam-2016-"
                        "276104.html"),
    ]
    for entry in fy_2016.indicators:
        assert entry.source_text == "" and entry.locator and len(entry.locator.split()) <= 12, entry.key


def test_2016_fy_parts_add_up_and_disagreements_are_checks(fy_2016):
    sums = {c.key: (c.expected, c.stated) for c in fy_2016.checks if c.kind == "sum_of_parts"}
    assert sums == {"sum.ict.revenue": ("1.337.857 tỷ đồng", "ước đạt 1.337.857 tỷ đồng")}
    assert set(_stated_checks(fy_2016)) == {"sector_revenue_estimate_or_not", "fixed_broadband_rate_or_count"}


def test_bundled_order_newest_period_first(bundled_db):
    with open_store(bundled_db) as store:
        assert [b.id for b in store.briefings()] == [
            "mic-2019-h1", "mic-2018-h1", "mic-2017-fy", "mic-2017-h1", "mic-2016-fy"]
