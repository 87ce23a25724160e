"""The shipped briefings cited by reference, against the research notes (/work/research/mic-figures.md):
every figure as the article states it, and the article it is cited from.

(key, value as written, unit, qualifier, change, percent of same period, cited article, as of)
"""

import pytest

from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store

FIGURES_2019_H1 = [
    ("general.connected_sites", "66", "điểm cầu", None, None, None, "hanam", "2019-07-05"),
    ("general.departments_attending", "11", "Sở TT&TT", None, None, None, "hanam", "2019-07-05"),
    ("ict.revenue", "1.347.087", "tỷ đồng", None, "7", None, "hanam", "2019-H1"),
    ("ict.budget", "50.000", "tỷ đồng", "gần", "4", None, "hanam", "2019-H1"),
    ("postal.enterprises", "440", "doanh nghiệp", None, None, None, "hanam", "2019-07"),
    ("postal.service_points", "18.000", "điểm", "hơn", None, None, "hanam", "2019-07"),
    ("postal.public_admin_points", "3.900", "điểm", "gần", None, None, "hanam", "2019-07"),
    ("postal.revenue", "13,56", "nghìn tỷ đồng", None, None, "128,32", "ictvietnam", "2019-H1"),
    ("telecom.revenue", "198", "nghìn tỷ đồng", None, None, "104,38", "ictvietnam", "2019-H1"),
    ("telecom.subscribers.mobile", "134,5", "triệu thuê bao", None, None, "112,3", "vietnamplus", "2019-06-30"),
    ("telecom.subscribers.mobile_broadband", "51.128.599", "thuê bao", None, None, "109,30", "vietnamplus",
     "2019-06-30"),
    ("telecom.subscribers.removed", "1.855.849", "thuê bao", None, None, None, "vietnamplus", "2019-H1"),
]


@pytest.fixture(scope="module")
def h1_2019(bundled_db):
    with open_store(bundled_db) as store:
        return load_snapshot(store, "mic-2019-h1")


def _text(number):
    return None if number is None else format(number, "f").replace(".", ",")


def test_every_figure_as_stated(h1_2019):
    got = [(i.key, i.value_text, i.unit_vi, i.qualifier, _text(i.change_pct), _text(i.same_period_pct), i.cited,
            i.as_of) for i in h1_2019.indicators]
    assert got == FIGURES_2019_H1


def test_no_sentence_is_held_and_every_figure_has_a_short_locator(h1_2019):
    assert h1_2019.briefing.article_text == ""
    for entry in [*h1_2019.indicators, *h1_2019.achievements]:
        assert entry.source_text == ""
        assert entry.locator and len(entry.locator.split()) <= 12, entry.key


def test_the_cited_articles(h1_2019):
    assert [(s.key, s.title, s.publisher_vi, s.url, s.published_at) for s in h1_2019.cited_sources] == [
        ("hanam", "Bộ TT&TT sơ kết công tác 6 tháng đầu năm và phương hướng nhiệm vụ 6 tháng cuối năm 2019",
         "Sở Thông tin và Truyền thông tỉnh Hà Nam",
         "http://hanam.gov.vn/stttt/Pages/bo-tttt-so-ket-cong-tac-6-thang-dau-nam-va-phuong-huong-nhiem-vu-"
         "6-thang-cuoi-nam-2019.aspx", None),
        ("vietnamplus", "Việt Nam có 51,1 triệu thuê bao di động băng rộng trong năm 2019", "VietnamPlus (TTXVN)",
         "https://vietnamplus.vn/viet-nam-co-511-trieu-thue-bao-di-dong-bang-rong-trong-nam-2019/580597.vnp", None),
        ("ictvietnam", "6 tháng đầu năm ngành CNTT Việt Nam đạt trên 43 tỷ USD",
         "Tạp chí Điện tử Thông tin và Truyền thông (ICTVietnam)",
         "https://ictvietnam.vn/6-thang-dau-nam-nganh-cntt-viet-nam-dat-tren-43-ty-usd-38580.html",
         "2019-07-15T16:19"),
    ]


def test_the_meeting(h1_2019):
    b = h1_2019.briefing
    assert (b.meeting_date, b.connected_sites, b.meeting_cited, b.period_start, b.period_end) == (
        "2019-07-05", 66, "hanam", "2019-01-01", "2019-06-30")


def test_disagreements_between_sources_are_recorded_as_checks(h1_2019):
    stated = {c.key: (c.expected, c.stated) for c in h1_2019.checks if c.kind == "stated"}
    assert stated == {
        "mobile_base_2018": ("≈ 119,8 triệu (134,5 / 1,123)", "123,91 triệu (6 tháng đầu năm 2018)"),
        "telecom_revenue_base_2018": ("≈ 189,7 nghìn tỷ đồng (198 / 1,0438)",
                                      "181.948 tỷ đồng (doanh thu dịch vụ viễn thông, 6 tháng đầu năm 2018)"),
    }
