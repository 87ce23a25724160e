"""A briefing cited by reference in the window: the citation where the sentence would be, no Show in Source."""

import pytest

from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_app.ui.tabs.achievements_tab import AchievementsTab
from briefing_app.ui.tabs.indicators_tab import IndicatorsTab
from briefing_app.ui.tabs.source_tab import SourceTab

HANAM_URL = ("http://hanam.gov.vn/stttt/Pages/bo-tttt-so-ket-cong-tac-6-thang-dau-nam-va-phuong-huong-nhiem-vu-"
             "6-thang-cuoi-nam-2019.aspx")


@pytest.fixture
def cited(bundled_db):
    with open_store(bundled_db) as store:
        return load_snapshot(store, "mic-2019-h1")


def _select(tab, key):
    snapshot = tab._snapshot
    assert tab.select_item("indicators", next(i.id for i in snapshot.indicators if i.key == key))


def test_the_detail_pane_shows_the_citation_and_the_note(qtbot, state, cited, open_tab):
    tab = open_tab(IndicatorsTab, cited)
    _select(tab, "ict.revenue")
    text = tab.detail.toPlainText()
    assert (f"Nguồn: Bộ TT&TT sơ kết công tác 6 tháng đầu năm và phương hướng nhiệm vụ 6 tháng cuối năm 2019 — "
            f"Sở Thông tin và Truyền thông tỉnh Hà Nam, không ghi ngày, {HANAM_URL}") in text
    assert "Tìm trong bài: “tổng doanh thu của toàn ngành đạt 1.347.087 tỷ đồng”" in text
    assert "Câu gốc không được lưu trong ứng dụng; xem bài viết tại địa chỉ trên." in text
    assert "source:" not in tab.detail.toHtml()  # no link into an article that is not there
    assert not tab.source_button.isEnabled() and not tab.show_in_source_action.isEnabled()
    assert tab.source_button.toolTip().startswith("Câu gốc không được lưu trong ứng dụng")


def test_the_detail_pane_in_english_with_a_dated_article(qtbot, state, cited, open_tab):
    tab = open_tab(IndicatorsTab, cited)
    state.set_language("en")
    tab.retranslate()
    _select(tab, "postal.revenue")
    text = tab.detail.toPlainText()
    assert ("Source: 6 tháng đầu năm ngành CNTT Việt Nam đạt trên 43 tỷ USD — ICTVietnam magazine, 15 Jul 2019 16:19, "
            "https://ictvietnam.vn/6-thang-dau-nam-nganh-cntt-viet-nam-dat-tren-43-ty-usd-38580.html") in text
    assert "The source sentence is not held in the app; see the article at the address above." in text
    assert tab.source_button.toolTip() == ("The source sentence is not held in the app: this briefing cites its "
                                           "articles by address only (see the Source tab).")


def test_show_in_source_stays_enabled_for_a_briefing_with_its_article(qtbot, state, snapshot, open_tab):
    tab = open_tab(IndicatorsTab, snapshot)
    tab.table.selectRow(0)
    assert tab.source_button.isEnabled() and tab.source_button.toolTip() == ""


def test_an_achievement_shows_its_citation(qtbot, state, cited, open_tab):
    tab = open_tab(AchievementsTab, cited)
    tab.select_item("achievements", cited.achievements[0].id)
    text = tab.pane.toPlainText()
    assert f"Sở Thông tin và Truyền thông tỉnh Hà Nam, không ghi ngày, {HANAM_URL}" in text
    assert "Câu gốc không được lưu trong ứng dụng" in text
    assert not tab.source_button.isEnabled()


def test_the_source_tab_lists_the_cited_articles(qtbot, state, cited, open_tab):
    tab = open_tab(SourceTab, cited)
    assert tab.heading.text() == "Các bài viết được trích dẫn"
    assert tab.note.text().startswith("Bản tin này trích dẫn các bài viết theo địa chỉ")
    text = tab.text.toPlainText()
    assert text.splitlines()[:4] == [
        "[1] Bộ TT&TT sơ kết công tác 6 tháng đầu năm và phương hướng nhiệm vụ 6 tháng cuối năm 2019",
        "Sở Thông tin và Truyền thông tỉnh Hà Nam — không ghi ngày", HANAM_URL,
        "Ghi chú: Bài đưa tin hội nghị ngày 5/7/2019; trang không ghi ngày đăng."]
    assert "[3] 6 tháng đầu năm ngành CNTT Việt Nam đạt trên 43 tỷ USD" in text
    state.set_language("en")
    tab.retranslate()
    assert tab.heading.text() == "Cited articles"
    assert "ICTVietnam magazine — 15 Jul 2019 16:19" in tab.text.toPlainText()


def test_the_source_tab_shows_a_title_as_plain_text(qtbot, state, cited, open_tab):
    source = cited.cited_sources[0]._replace(title='<a href="file:///etc/passwd">x</a>')
    tab = open_tab(SourceTab, cited.replace(cited_sources=[source]))
    assert tab.text.toPlainText().startswith('[1] <a href="file:///etc/passwd">x</a>')
