"""Where the window counts things it says "1 enterprise", "16 rows" — never "(s)" — in both languages."""

from __future__ import annotations


def test_the_overview_counts_one_and_many_in_english_and_vietnamese(open_window, small_db):
    window = open_window(small_db, "en")
    text = window.overview_tab.pane.toPlainText()
    assert "6 indicators · 1 achievement · 1 limitation · 2 directives · 1 enterprise · 1 discrepancy" in text
    window.state.set_language("vi")
    text = window.overview_tab.pane.toPlainText()
    assert "6 chỉ số · 1 kết quả · 1 hạn chế · 2 nhiệm vụ · 1 doanh nghiệp · 1 số liệu chưa khớp" in text


def test_copying_says_how_many_rows(open_window, review_db):
    window = open_window(review_db, "en")
    window.state.request_item("directives", window.state.snapshot.directives[0].id)
    window.copy_action.trigger()  # Edit → Copy
    assert window.statusBar().currentMessage() == "Copied 1 row"
    window.directives_tab.view.selectAll()
    window.copy_action.trigger()
    assert window.statusBar().currentMessage() == "Copied 16 rows"
    window.state.set_language("vi")
    window.copy_action.trigger()
    assert window.statusBar().currentMessage() == "Đã sao chép 16 dòng"
