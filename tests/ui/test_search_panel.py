"""The search field as a user meets it: Ctrl+F, type, arrow down, Enter, Esc."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing_app.data.folding import fold
from briefing_app.data.search import SearchResult
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.search_results import SearchResultModel, snippet_html
from briefing_app.ui.state import ViewerState


@pytest.fixture
def window(open_window, review_db):
    win = open_window(review_db)
    win.activateWindow()
    return win


@pytest.fixture
def controller(window):
    # The window builds its own controller; the tests drive that one.
    return window.search_controller


def type_query(qtbot, controller, text):
    qtbot.keyClick(controller.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(controller.field, text)
    qtbot.waitUntil(lambda: controller.popup.isVisible() and controller._query == text)


def first_result(controller) -> SearchResult:
    return controller.model.results()[0]


def test_ctrl_f_focuses_the_field_in_the_toolbar(qtbot, window, controller):
    assert controller.field.parent() is window.toolbar or window.toolbar.isAncestorOf(controller.field)
    assert controller.field.placeholderText() == "Tìm kiếm (Ctrl+F)"
    assert controller.field.isClearButtonEnabled()
    controller.field.setText("cũ")
    window.tabs.currentWidget().setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert controller.field.hasFocus()
    assert controller.field.selectedText() == "cũ"
    # The window's "coming later" message is gone.
    assert "sau" not in window.statusBar().currentMessage()


def test_results_appear_as_you_type_grouped_and_highlighted(qtbot, controller):
    type_query(qtbot, controller, "dien thoai")
    texts = controller.result_texts()
    assert texts[0] == "Chỉ số (2)"
    assert any("điện thoại" in t for t in texts)
    headers = [t for t in texts if t.endswith(")") and "(" in t and " — " not in t]
    assert {h.split(" (")[0] for h in headers} <= {"Chỉ số", "Kết quả", "Hạn chế", "Nhiệm vụ", "Doanh nghiệp", "Nguồn"}
    for result in controller.model.results():
        assert all(fold(result.snippet[s:e]) in ("dien thoai", "dien", "thoai") for s, e in result.highlights)
    # Typing stays in the field while results update.
    assert controller.field.hasFocus()
    assert controller.status.text().startswith(f"{controller.model.result_count()} kết quả")


def test_typing_is_debounced(qtbot, controller):
    calls = []
    controller.results_shown.connect(calls.append)
    qtbot.keyClick(controller.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(controller.field, "thue bao")
    assert calls == []  # nothing ran while keys came in
    qtbot.waitUntil(lambda: len(calls) == 1)
    qtbot.wait(controller.DEBOUNCE_MS + 50)
    assert len(calls) == 1


def test_a_key_typed_after_a_pause_shows_its_results_at_once(qtbot, controller):
    """A key after a pause is searched on the event loop's next turn, without waiting for the debounce."""
    type_query(qtbot, controller, "thue ba")
    qtbot.wait(controller.DEBOUNCE_MS + 20)  # the reader pauses
    qtbot.keyClick(controller.field, "o")
    assert controller.field.text() == "thue bao"
    for _ in range(3):  # no waiting: only the events already due
        QApplication.processEvents()
    assert controller._query == "thue bao"
    assert controller.popup.isVisible() and controller.view.isVisible()
    assert any("thuê bao" in text.lower() for text in controller.result_texts())
    # A clear ends any quick run of keys: the next key is searched at once too.
    qtbot.keyClick(controller.field, Qt.Key.Key_Escape)
    qtbot.keyClick(controller.field, "4")
    for _ in range(3):
        QApplication.processEvents()
    assert controller._query == "4" and controller.popup.isVisible()


def test_down_and_enter_open_the_indicator_selected_in_its_tab(qtbot, window, controller):
    type_query(qtbot, controller, "dien thoai")
    expected = first_result(controller)
    assert expected.section == "indicators"
    qtbot.keyClick(controller.field, Qt.Key.Key_Down)
    assert controller.view.hasFocus()
    assert controller.model.result_at(controller.view.currentIndex().row()) == expected
    qtbot.keyClick(controller.view, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.indicators_tab
    assert window.indicators_tab.current_indicator().id == expected.item_id
    assert window.indicators_tab.table.hasFocus()  # the tab's focus_target: arrows go on in the table
    assert not controller.popup.isVisible()
    assert controller.field.text() == "dien thoai"


def test_arrows_skip_section_headers(qtbot, window, controller):
    type_query(qtbot, controller, "dien thoai")
    qtbot.keyClick(controller.field, Qt.Key.Key_Down)
    seen = [controller.view.currentIndex().row()]
    for _ in range(4):
        qtbot.keyClick(controller.view, Qt.Key.Key_Down)
        seen.append(controller.view.currentIndex().row())
    assert all(controller.model.result_at(row) is not None for row in seen)
    assert seen == sorted(set(seen))
    for _ in range(10):
        qtbot.keyClick(controller.view, Qt.Key.Key_Up)
    assert controller.field.hasFocus()  # up from the first result returns to the field


def test_an_achievement_opens_in_its_tab(qtbot, window, controller):
    type_query(qtbot, controller, "chuyen doi ma vung")
    row = next(r for r in range(controller.model.rowCount())
               if (res := controller.model.result_at(r)) is not None and res.section == "achievements")
    result = controller.model.result_at(row)
    controller.view.setFocus()
    controller.view.setCurrentIndex(controller.model.index(row))
    qtbot.keyClick(controller.view, Qt.Key.Key_Enter)
    assert window.tabs.currentWidget() is window.achievements_tab
    assert window.achievements_tab.current_item().id == result.item_id
    assert window.achievements_tab.view.hasFocus()


def test_double_click_opens_a_paragraph_in_the_source_tab(qtbot, window, controller):
    type_query(qtbot, controller, "72.736.956.416")
    row = next(r for r in range(controller.model.rowCount())
               if (res := controller.model.result_at(r)) is not None and res.section == "source")
    result = controller.model.result_at(row)
    controller.view.scrollTo(controller.model.index(row))
    rect = controller.view.visualRect(controller.model.index(row))
    assert controller.view.viewport().rect().contains(rect.center())
    # A real double click: press and release, then the double click.
    qtbot.mouseClick(controller.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is not window.source_tab  # one click only selects
    qtbot.mouseDClick(controller.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.source_tab
    article = window.state.snapshot.briefing.article_text
    assert window.source_tab.highlighted_text() == article[result.item_id:result.item_id + result.length]
    assert "72.736.956.416" in window.source_tab.highlighted_text()
    assert window.source_tab.text.hasFocus()


def test_enter_in_the_field_opens_the_best_result(qtbot, window, controller):
    type_query(qtbot, controller, "Viettel")
    best = first_result(controller)
    qtbot.keyClick(controller.field, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.enterprises_tab
    assert best.section == "enterprises"
    assert window.enterprises_tab.current_enterprise().id == best.item_id


def test_escape_clears_and_hides(qtbot, controller):
    type_query(qtbot, controller, "dien thoai")
    qtbot.keyClick(controller.field, Qt.Key.Key_Escape)
    assert controller.field.text() == ""
    assert not controller.popup.isVisible()
    type_query(qtbot, controller, "sim rac")
    qtbot.keyClick(controller.field, Qt.Key.Key_Down)
    qtbot.keyClick(controller.view, Qt.Key.Key_Escape)
    assert controller.field.text() == "" and not controller.popup.isVisible()
    assert controller.field.hasFocus()


def test_typing_in_the_list_goes_on_in_the_field(qtbot, controller):
    type_query(qtbot, controller, "dien")
    qtbot.keyClick(controller.field, Qt.Key.Key_Down)
    assert controller.view.hasFocus()
    qtbot.keyClicks(controller.view, " t")
    assert controller.field.text() == "dien t"
    assert controller.field.hasFocus()


def test_no_results_and_hint(qtbot, controller):
    type_query(qtbot, controller, "xyzzyq")
    assert controller.message.text() == "Không tìm thấy “xyzzyq”."
    assert not controller.view.isVisible()
    controller.field.clear()
    type_query(qtbot, controller, "!!!")
    assert controller.message.text().startswith("Gõ từ cần tìm")


def test_clicking_elsewhere_hides_the_results(qtbot, window, controller):
    type_query(qtbot, controller, "dien thoai")
    window.tabs.currentWidget().setFocus()
    window.indicators_tab.table.setFocus()
    qtbot.waitUntil(lambda: not controller.popup.isVisible())


def test_the_results_stay_inside_the_window(qtbot, window, controller):
    type_query(qtbot, controller, "thue bao")
    for width, height in ((1280, 800), (760, 520)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        geometry = controller.popup.geometry()
        assert geometry.left() >= 0 and geometry.right() < window.width()
        assert geometry.bottom() < window.height()
        assert geometry.top() >= controller.field.mapTo(window, controller.field.rect().bottomLeft()).y()


def test_language_switch(qtbot, window, controller):
    type_query(qtbot, controller, "dien thoai")
    window.state.set_language("en")
    controller.retranslate()
    assert controller.field.placeholderText() == "Search (Ctrl+F)"
    assert controller.field.accessibleName() == "Search the briefing"
    assert controller.result_texts()[0] == "Indicators (2)"
    count = controller.model.result_count()
    assert count > 1 and controller.status.text().startswith(f"{count} results · ")


def test_every_search_control_has_an_accessible_name(qtbot, controller):
    type_query(qtbot, controller, "dien thoai")
    for widget in (controller.field, controller.view, controller.popup):
        assert widget.accessibleName()


def test_snippets_are_escaped_text_with_only_our_markup():
    html = snippet_html('<b>x</b> & "điện thoại"', [(12, 22)])
    assert html.startswith("&lt;b&gt;x&lt;/b&gt; &amp; &quot;")
    assert html.count("<span") == 1 and ">điện thoại</span>" in html
    assert snippet_html("abc", [(5, 9), (2, 1)]) == "abc"


def test_the_result_model_passes_the_model_tester(qtmodeltester, review_db):
    from briefing_app.data.search import search
    from briefing_app.data.store import open_store

    model = SearchResultModel()
    with open_store(review_db) as store:
        model.set_results(search(store, "thue bao"))
    assert model.rowCount() > 2
    qtmodeltester.check(model)
    header = model.index(0)
    assert header.data(SearchResultModel.HeaderRole) is True
    assert model.flags(header) == Qt.ItemFlag.NoItemFlags
    assert model.flags(model.index(1)) & Qt.ItemFlag.ItemIsSelectable


def test_a_new_database_refreshes_the_results(qtbot, window, controller, small_db):
    type_query(qtbot, controller, "dien thoai")
    assert window.open_database(small_db)
    assert all(r.briefing_id == "test-2017" for r in controller.model.results())


def test_no_database(qtbot, settings):
    win = MainWindow(ViewerState("vi"), settings)
    qtbot.addWidget(win)
    win.show()
    controller = win.search_controller
    controller.field.setText("dien thoai")
    controller.run_search()
    assert controller.model.rowCount() == 0
    assert controller.message.text() == "Chưa mở cơ sở dữ liệu"


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.text(max_size=80))
def test_any_text_in_the_field_is_safe(qtbot, controller, text):
    controller.field.setText(text)
    controller.run_search()  # what the debounce timer does
    assert controller.model.rowCount() >= 0
    if text.strip():
        assert controller.popup.isVisible()
        assert controller.message.text() or controller.model.result_count()
    controller.popup.grab()  # paint every row
    QApplication.processEvents()


def test_results_show_english_titles_in_the_english_interface(qtbot, window, controller):
    window.language_actions["en"].trigger()
    controller.field.setText("dien thoai")
    controller.run_search()
    revenue = next(r for r in controller.model.results() if r.section == "indicators")
    indicator = window.state.snapshot.entry("indicators", revenue.item_id)
    assert controller.model.display_title(revenue) == indicator.label_en
    row = next(i for i in range(controller.model.rowCount()) if controller.model.result_at(i) == revenue)
    shown = controller.model.index(row).data()
    assert shown.startswith(indicator.label_en) and revenue.snippet in shown  # the snippet stays original


def test_a_snippet_is_laid_out_once_per_width_until_the_results_or_language_change(
        qtbot, window, controller, monkeypatch):
    """sizeHint and paint share one laid-out snippet per row and width: repaints build none."""
    import briefing_app.ui.search_results as search_results

    laid_out = []

    class Recording(search_results.QTextDocument):
        def setHtml(self, html):  # noqa: N802 - Qt override
            laid_out.append(html)
            super().setHtml(html)

    monkeypatch.setattr(search_results, "QTextDocument", Recording)
    type_query(qtbot, controller, "dien thoai")
    controller.popup.grab()  # paint every row
    built = len(laid_out)
    # One per result: the popup measures rows at the width the list lays them out at.
    assert built == controller.model.result_count()
    for _ in range(3):
        controller.popup.grab()
        controller.view.viewport().repaint()
    assert len(laid_out) == built

    laid_out.clear()
    controller.field.setText("Viettel")
    controller.run_search()
    controller.popup.grab()
    assert {snippet_html(r.snippet, r.highlights) for r in controller.model.results()} <= set(laid_out)

    laid_out.clear()
    window.language_actions["en"].trigger()
    controller.popup.grab()
    assert laid_out, "another language lays the snippets out again"
