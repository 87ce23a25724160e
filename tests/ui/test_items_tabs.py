"""Achievements, Limitations and Directives tabs, driven as a user would."""

from PySide6.QtCore import Qt
from windows import filled_then_shown

from briefing_app.ui.models.item_tree_model import ItemTreeModel
from briefing_app.ui.tabs.achievements_tab import AchievementsTab
from briefing_app.ui.tabs.directives_tab import DirectivesTab
from briefing_app.ui.tabs.limitations_tab import LimitationsTab


def click(qtbot, view, index):
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def visible_titles(tab):
    out = []
    model = tab.view.model()

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0 if tab.grouped else 1, parent)
            out.append(index.data())
            walk(model.index(row, 0, parent))

    from PySide6.QtCore import QModelIndex
    walk(QModelIndex())
    return out


def test_item_models_pass_the_model_tester(qtmodeltester, snapshot):
    grouped = ItemTreeModel(grouped=True)
    grouped.set_rows(snapshot.items_by_sector("achievements"), "vi")
    qtmodeltester.check(grouped)
    flat = ItemTreeModel(grouped=False)
    flat.set_rows(snapshot.items_by_sector("directives"), "en")
    qtmodeltester.check(flat)


def test_achievements_are_grouped_by_sector_and_read_in_the_pane(qtbot, state, snapshot, open_tab):
    tab = open_tab(AchievementsTab, snapshot)
    titles = visible_titles(tab)
    first_sector = snapshot.items_by_sector("achievements")[0][0]
    assert titles[0].startswith(first_sector.name_vi + " (")
    item = snapshot.achievements[0]
    index = tab.proxy.mapFromSource(tab.model.index_of(item.id))
    click(qtbot, tab.view, index)
    text = tab.pane.toPlainText()
    assert item.title_vi in text and item.source_text in text
    assert tab.source_button.isEnabled()


def test_filter_folds_tones_and_d(qtbot, state, snapshot):
    tab = AchievementsTab(state)
    qtbot.addWidget(tab)
    tab.set_snapshot(snapshot)
    from briefing_app.data.folding import fold

    qtbot.keyClicks(tab.filter_edit, "ngay sach viet nam")
    expected = [i.title_vi for i in snapshot.achievements
                if all(w in fold(i.title_vi + " " + i.title_en + " " + i.source_text)
                       for w in ("ngay", "sach", "viet"))]
    shown = visible_titles(tab)
    assert "Tổ chức Ngày sách Việt Nam lần thứ 4 trên toàn quốc" in shown
    assert [t for t in shown if not t.endswith(")")] == expected
    tab.filter_edit.clear()
    qtbot.keyClicks(tab.filter_edit, "DIEN THOAI")
    matching = [i for i in snapshot.achievements if "điện thoại" in (i.title_vi + i.source_text).lower()]
    shown = visible_titles(tab)
    assert matching and all(i.title_vi in shown for i in matching)


def test_limitation_shows_the_directive_that_answers_it_and_follows_the_link(qtbot, state, snapshot):
    tab = LimitationsTab(state)
    qtbot.addWidget(tab)
    tab.set_snapshot(snapshot)
    sim = next(i for i in snapshot.limitations if "SIM kích hoạt sẵn" in i.source_text)
    assert tab.select_item("limitations", sim.id)
    text = tab.pane.toPlainText()
    assert "Được giải quyết bởi" in text and "7. " in text
    directive7 = snapshot.directives[6]
    with qtbot.waitSignal(state.item_requested) as blocker:
        tab.pane.anchorClicked.emit(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl(
            f"item:directives:{directive7.id}"))
    assert blocker.args == ["directives", directive7.id]


def test_directives_are_the_sixteen_numbered_tasks(qtbot, state, snapshot):
    tab = DirectivesTab(state)
    qtbot.addWidget(tab)
    tab.set_snapshot(snapshot)
    model = tab.view.model()
    assert model.rowCount() == 16
    assert [model.index(r, 0).data() for r in range(16)] == [str(n) for n in range(1, 17)]
    assert model.index(6, 2).data() == snapshot.sector(snapshot.directives[6].sector_id).name_vi
    state.set_language("en")
    tab.retranslate()
    assert model.index(0, 1).data() == snapshot.directives[0].title_en
    assert model.headerData(0, Qt.Orientation.Horizontal) == "No."


def test_show_in_source_sends_the_passage(qtbot, state, snapshot):
    tab = DirectivesTab(state)
    qtbot.addWidget(tab)
    tab.set_snapshot(snapshot)
    directive = snapshot.directives[3]
    tab.select_item("directives", directive.id)
    with qtbot.waitSignal(state.source_requested) as blocker:
        qtbot.mouseClick(tab.source_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [directive.source_offset, len(directive.source_text)]
    article = snapshot.briefing.article_text
    start = directive.source_offset
    assert article[start:start + len(directive.source_text)] == directive.source_text


def test_selection_survives_a_reload(qtbot, state, snapshot):
    tab = LimitationsTab(state)
    qtbot.addWidget(tab)
    tab.set_snapshot(snapshot)
    chosen = snapshot.limitations[5]
    tab.select_item("limitations", chosen.id)
    tab.set_snapshot(snapshot)
    assert tab.current_item().id == chosen.id


def test_copy_rows_gives_the_selected_items(qtbot, state, snapshot):
    tab = DirectivesTab(state)
    qtbot.addWidget(tab)
    tab.set_snapshot(snapshot)
    assert tab.copy_rows() is None
    tab.view.selectAll()
    headers, rows = tab.copy_rows()
    assert headers[:2] == ["STT", "Nội dung"]
    assert len(rows) == 16 and rows[0][0] == "1" and rows[15][3].startswith("16. ")


def test_directive_numbers_and_sectors_show_whole_in_either_language(qtbot, state, snapshot):
    """Filled while hidden (the window fills hidden tabs), then shown: the number and sector columns fit the
    longest of their texts, in Vietnamese and after a switch to English, and while a filter narrows the list."""
    from PySide6.QtWidgets import QStyle

    tab = filled_then_shown(qtbot, DirectivesTab(state), snapshot)
    header, model = tab.view.header(), tab.view.model()
    metrics = tab.view.fontMetrics()
    margins = 2 * (tab.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tab.view) + 1)

    def clipped():
        return [text for column in (ItemTreeModel.COL_NUMBER, ItemTreeModel.COL_SECTOR)
                for text in (model.index(row, column).data() for row in range(model.rowCount()))
                if metrics.horizontalAdvance(text) + margins > header.sectionSize(column)]

    assert model.rowCount() == 16 and clipped() == []
    state.set_language("en")
    tab.retranslate()
    assert model.index(0, ItemTreeModel.COL_SECTOR).data() and clipped() == []
    qtbot.keyClicks(tab.filter_edit, "mang")
    assert 0 < model.rowCount() < 16 and clipped() == []
