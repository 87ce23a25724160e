"""View ▸ Compare with…: the Indicators tab shows two briefings' figures side by side, the Directives and
Limitations tabs which items continue, are new or were dropped (issue #15 §4, the window)."""

from __future__ import annotations

import os

import pytest
from compare_fixtures import compared, issue_database
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from briefing_app.ui.models.comparison_model import (
    COL_CHANGE,
    COL_MEASURE,
    COL_NEWER,
    COL_NOTE,
    COL_OLDER,
    COL_STATED,
    ComparisonTableModel,
)

SHOTS = os.environ.get("BRIEFING_SCREENSHOTS")  # a folder: save what the tests show, to look at


def choose(window, briefing_id):
    """Pick ``briefing_id`` in the Compare with… menu, as a user does."""
    act = next(a for a in window.compare_choices() if a.data() == briefing_id)
    act.trigger()


def rows_shown(tab):
    proxy = tab.comparison_proxy
    return [[str(proxy.index(r, c).data() or "") for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def shoot(window, name):
    if SHOTS:
        QApplication.processEvents()
        window.grab().save(os.path.join(SHOTS, f"{name}.png"))


def test_compare_is_disabled_with_one_briefing(qtbot, open_window, review_db):
    window = open_window(review_db, "vi")
    assert not window.compare_action.isEnabled()
    assert not window.stop_compare_action.isEnabled()
    assert window.compare_action.toolTip() == "Cần ít nhất hai báo cáo trong cơ sở dữ liệu để so sánh"
    assert window.compare_action in window.view_menu.actions()
    assert window.toolbar.widgetForAction(window.compare_action) is not None


def test_compare_with_lists_the_other_briefing_by_period_with_its_title(qtbot, open_window, bundled_db):
    window = open_window(bundled_db, "vi")
    assert window.state.snapshot.briefing.id == "mic-2019-h1"
    assert window.compare_action.isEnabled()
    assert window.compare_action.text() == "&So sánh với…"
    assert window.compare_menu.actions() == []  # listed when it opens: a library of 200 is 200 actions
    window.compare_menu.aboutToShow.emit()  # as QMenu does when it opens (a popup warns on the offscreen platform)
    actions = window.compare_menu.actions()
    # The other four bundled briefings, newest period first; Stop comparing last.
    assert [a.data() for a in actions if a.data()] == ["mic-2018-h1", "mic-2017-fy", "mic-2017-h1", "mic-2016-fy"]
    assert actions[-1] is window.stop_compare_action
    review = next(a for a in actions if a.data() == "mic-2017-h1")
    assert review.text() == "6 tháng đầu năm 2017"
    assert review.toolTip().startswith("Hội nghị")


def test_choosing_shows_the_figures_side_by_side_and_stop_restores_the_table(qtbot, open_window, bundled_db):
    window = open_window(bundled_db, "vi")
    tab = window.tabs.show_tab("indicators")
    assert not tab.comparing and tab.table.isVisible()
    choose(window, "mic-2017-h1")
    assert window.state.compare_with == "mic-2017-h1"
    assert tab.comparing and tab.comparison_table.isVisible() and not tab.table.isVisible()
    assert window.stop_compare_action.isEnabled()
    model = tab.comparison_model
    headers = model.headers()
    assert headers[COL_OLDER] == "Kỳ trước: 6 tháng đầu năm 2017"
    assert headers[COL_NEWER] == "Kỳ sau: 6 tháng đầu năm 2019"
    rows = rows_shown(tab)
    postal = next(r for r in rows if r[COL_OLDER].startswith("12.783 điểm"))
    assert postal[COL_NEWER].startswith("hơn 18.000")
    assert postal[COL_CHANGE] == "+40,81%"
    assert postal[COL_NOTE] == ""
    # a row the app will not set against the other: greyed, with its reason
    row = next(r for r in range(model.rowCount()) if not model.row_at(r).comparable and model.row_at(r).reason
               not in ("only_a", "only_b"))
    note = model.index(row, COL_NOTE).data()
    assert note.startswith("không so sánh được") or "khác" in note
    grey = QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert model.index(row, COL_MEASURE).data(Qt.ItemDataRole.ForegroundRole) == grey
    assert model.index(row, COL_CHANGE).data() == "—"
    assert "không so sánh được" in tab.comparison_heading.text()
    shoot(window, "indicators-vi")
    window.state.set_language("en")
    assert tab.comparison_model.headers()[COL_OLDER] == "Earlier: First half of 2017"
    postal = next(r for r in rows_shown(tab) if r[COL_OLDER].startswith("12,783"))
    assert postal[COL_CHANGE] == "+40.81%"
    assert tab.comparison_heading.text().startswith("Comparing First half of 2017 (earlier)")
    shoot(window, "indicators-en")

    window.stop_compare_action.trigger()
    assert window.state.compare_with is None and window.state.comparison is None
    assert not tab.comparing and tab.table.isVisible() and not tab.comparison_table.isVisible()
    assert tab.model.rowCount() > 0
    assert not window.stop_compare_action.isEnabled()
    assert not any(a.isChecked() for a in window.compare_choices())


def test_the_comparison_sorts_and_copies(qtbot, open_window, bundled_db):
    window = open_window(bundled_db, "vi")
    tab = window.tabs.show_tab("indicators")
    choose(window, "mic-2017-h1")
    tab.comparison_table.sortByColumn(COL_CHANGE, Qt.SortOrder.DescendingOrder)
    changes = [r[COL_CHANGE] for r in rows_shown(tab)]
    numbers = [c for c in changes if c != "—"]
    assert numbers and changes[:len(numbers)] == numbers  # blanks last
    values = [float(c.replace("+", "").replace("−", "-").replace("%", "").replace(".", "").replace(",", "."))
              for c in numbers]
    assert values == sorted(values, reverse=True)
    tab.comparison_table.selectRow(0)
    tab.comparison_table.setFocus()
    window.copy_selection()
    text = QApplication.clipboard().text()
    assert text.splitlines()[0].split("\t")[0] == "Chỉ tiêu"
    assert rows_shown(tab)[0][COL_CHANGE] in text


def test_the_stated_change_is_the_newer_briefings(qtbot, open_window, tmp_path):
    db = issue_database(tmp_path)
    window = open_window(db, "vi")
    assert window.state.snapshot.briefing.id == "h1-2018"
    tab = window.tabs.show_tab("indicators")
    choose(window, "h1-2017")
    rows = rows_shown(tab)
    mobile = next(r for r in rows if r[COL_MEASURE] and "di động" in r[COL_MEASURE].lower())
    assert mobile[COL_CHANGE] == "+3,26%"
    services = next(r for r in rows if r[COL_NEWER].startswith("ước tính 181.948"))
    assert services[COL_STATED] == "+4,83%"
    assert "khác nhau" in services[COL_NOTE] or services[COL_NOTE]


def test_directives_show_continued_new_and_dropped_with_counts(qtbot, open_window, tmp_path):
    db = issue_database(tmp_path)
    window = open_window(db, "vi")
    tab = window.tabs.show_tab("directives")
    assert not tab.comparing
    choose(window, "h1-2017")
    assert tab.comparing and tab.compared.view.isVisible() and not tab.view.isVisible()
    groups = tab.compared.group_texts()
    assert [groups[k][0] for k in ("continued", "new", "dropped")] == ["1 tiếp tục", "2 mới", "2 không còn"]
    continued = groups["continued"][1][0]
    assert continued.startswith("1. Tiếp tục hạn chế SIM rác, tin nhắn rác (Viễn thông)")
    assert "← 1. Hạn chế tin nhắn rác và SIM rác · độ giống 0,67" in continued
    assert groups["new"][1] == ["2. Phát triển dịch vụ 4G (Bưu chính)",
                                "3. Xây dựng Luật Bưu chính sửa đổi (Bưu chính)"]
    assert groups["dropped"][1][0] == "2. Đẩy mạnh phát triển dịch vụ 4G (Viễn thông)"
    shoot(window, "directives-vi")
    window.state.set_language("en")
    groups = tab.compared.group_texts()
    assert [groups[k][0] for k in ("continued", "new", "dropped")] == ["1 continued", "2 new", "2 dropped"]
    assert "similarity 0.67" in groups["continued"][1][0]
    shoot(window, "directives-en")
    limitations = window.tabs.show_tab("limitations")
    assert limitations.comparing
    # Neither lists any: said in words, not as three empty groups.
    assert limitations.compared.group_texts() == {}
    assert limitations.compared.heading.text().endswith("\nNeither briefing lists limitations.")
    window.stop_compare_action.trigger()
    assert not tab.comparing and not limitations.comparing
    assert window.tabs.show_tab("directives").view.isVisible()


def test_the_comparison_follows_the_briefing_shown(qtbot, open_window, tmp_path):
    db = issue_database(tmp_path)
    window = open_window(db, "vi")
    choose(window, "h1-2017")
    assert window.state.comparison.a.id == "h1-2018"
    # showing the other briefing ends the comparison (a briefing is not compared with itself)
    window.session.select_briefing("h1-2017")
    assert window.state.compare_with is None and window.state.comparison is None
    assert not window.indicators_tab.comparing
    assert [a.data() for a in window.compare_choices()] == ["h1-2018"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_comparison_model_passes_the_model_tester(qtmodeltester, tmp_path, lang, qapp):
    db = issue_database(tmp_path)
    model = ComparisonTableModel()
    model.set_comparison(compared(db, "h1-2017", "h1-2018"), lang)
    qtmodeltester.check(model)
    assert model.rowCount() == len(compared(db, "h1-2017", "h1-2018").rows)
    model.set_comparison(None, lang)
    assert model.rowCount() == 0
    assert model.index(0, COL_STATED).data() is None


def open_from_search(qtbot, window, text, section):
    """Ctrl+F, type ``text``, open the first ``section`` result with the keyboard, as a user does."""
    controller = window.search_controller
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(controller.field, text)
    qtbot.waitUntil(lambda: controller.popup.isVisible() and controller._query == text)
    results = controller.model.results()
    wanted = next(r for r in results if r.section == section and r.briefing_id == window.state.snapshot.briefing.id)
    row = next(r for r in range(controller.model.rowCount()) if controller.model.result_at(r) == wanted)
    controller.view.setCurrentIndex(controller.model.index(row, 0))
    qtbot.keyClick(controller.view, Qt.Key.Key_Return)
    return wanted


def test_a_search_result_opens_in_the_comparison_shown(qtbot, open_window, bundled_db):
    # Reported: while comparing, opening a search result selected its row in the hidden table, so nothing
    # visible happened. It must select the figure's row of the comparison the user is looking at.
    window = open_window(bundled_db, "vi")
    tab = window.tabs.show_tab("indicators")
    choose(window, "mic-2017-h1")
    result = open_from_search(qtbot, window, "thue bao di dong", "indicators")
    assert window.tabs.currentWidget() is tab and tab.comparing
    figure = window.state.snapshot.indicator(result.item_id)
    current = tab.comparison_proxy.mapToSource(tab.comparison_table.currentIndex())
    assert current.isValid()
    assert tab.comparison_model.row_at(current.row()).a.key == figure.key
    assert tab.comparison_table.hasFocus()


def test_a_searched_directive_opens_in_the_compared_groups(qtbot, open_window, bundled_db):
    window = open_window(bundled_db, "en")
    window.session.select_briefing("mic-2017-h1")  # the bundled briefing that lists directives
    choose(window, "mic-2018-h1")
    result = open_from_search(qtbot, window, "an toan thong tin", "directives")
    tab = window.directives_tab
    assert window.tabs.currentWidget() is tab and tab.comparing
    current = tab.compared.view.currentIndex()
    assert current.isValid() and current.parent().isValid()
    directive = next(d for d in window.state.snapshot.directives if d.id == result.item_id)
    assert f"{directive.number}. {directive.title('en')}" in str(current.data())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_briefing_that_lists_no_directives_drops_none(qtbot, open_window, bundled_db, lang):
    # Seen: 2017's sixteen directives shown as "16 dropped" against the 2019 review, which is cited by reference
    # with its figures only — nothing says the ministry dropped them.
    window = open_window(bundled_db, lang)  # the newest: the first half of 2019, no directives
    choose(window, "mic-2017-h1")
    tab = window.tabs.show_tab("directives")
    groups = tab.compared.group_texts()
    assert list(groups) == ["dropped"] and len(groups["dropped"][1]) == 16
    heading = tab.compared.heading.text()
    if lang == "vi":
        assert groups["dropped"][0] == "Nêu trong 6 tháng đầu năm 2017: 16"
        assert "6 tháng đầu năm 2019 không nêu nhiệm vụ nào nên không thể nói" in heading
    else:
        assert groups["dropped"][0] == "Listed in First half of 2017: 16"
        assert "First half of 2019 lists no directives, so none can be said to continue" in heading
    assert "không còn" not in groups["dropped"][0] and "dropped" not in groups["dropped"][0]
