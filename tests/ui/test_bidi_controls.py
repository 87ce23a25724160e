"""A right-to-left override in database text is shown as ‹U+202E›, never obeyed.

"\u202eevil" would display as "live": every view of database text (tables, trees, labels,
tooltips, the detail panes, search results, charts, the window title, the PDF) shows the
control visibly instead.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTextEdit

from briefing_app.data.build import build_database
from briefing_app.data.text import BIDI_CONTROLS, shown
from briefing_fixtures import SMALL_YAML, write_briefing

RLO = "\u202e"
EVIL = "‹U+202E›evil"


@pytest.fixture
def bidi_db(tmp_path):
    text = (SMALL_YAML.replace('title: {vi: "Sim rác còn tồn tại"', f'title: {{vi: "{RLO}evil"')
            .replace('label: {vi: "Bưu cục"', f'label: {{vi: "{RLO}evil label"')
            .replace('{id: postal, vi: "Bưu chính"', f'{{id: postal, vi: "{RLO}evil sector"')
            .replace('title: {vi: "Hội nghị thử"', f'title: {{vi: "{RLO}evil meeting"'))
    target = tmp_path / "bidi.db"
    build_database([write_briefing(tmp_path / "src", text)], target)
    return target


def test_every_bidi_control_is_shown_visibly():
    for code in BIDI_CONTROLS:
        assert shown(f"a{chr(code)}b") == f"a‹U+{code:04X}›b"
    assert shown("\u202eevil\u2066 \u200f\u061c") == "‹U+202E›evil‹U+2066› ‹U+200F›‹U+061C›"
    assert shown("Bộ TT&TT — ‹ordinary›") == "Bộ TT&TT — ‹ordinary›"


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    if parent is None:
        parent = QModelIndex()
    texts = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model: one column (PySide6 keeps columnCount private there)
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
        first = model.index(row, 0, parent)
        if columns > 1 or not parent.isValid() and model.rowCount(first) > 0:
            texts.extend(_model_texts(model, first))
    return texts


def _window_texts(window) -> tuple[list[str], list[str]]:
    """(texts of every model, texts of every label, combo box, text pane and tooltip) in the window."""
    models, widgets = [], [window.windowTitle()]
    for model in window.findChildren(QAbstractItemModel):
        try:
            models.extend(_model_texts(model))
        except TypeError:  # Qt's own internal models (their methods are private to Python)
            continue
    for label in window.findChildren(QLabel):
        widgets += [label.text(), label.toolTip()]
    for pane in window.findChildren(QTextEdit):
        widgets.append(pane.toPlainText())
    for combo in window.findChildren(QComboBox):
        widgets += [combo.itemText(i) for i in range(combo.count())]
    return models, widgets


def test_the_window_shows_the_override_visibly_everywhere(qtbot, open_window, bidi_db):
    window = open_window(bidi_db)
    for index in range(window.tabs.count()):  # hidden tabs are built when first shown
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
    models, widgets = _window_texts(window)
    everything = models + widgets
    assert not [t for t in everything if RLO in t]
    assert EVIL in models                                     # the limitation's title in its tree
    assert any(t.endswith(f"↳ {EVIL} label") for t in models)  # the indicator's label in its table
    assert any(f"{EVIL} sector" in t for t in models)          # the sector, grouped
    assert window.windowTitle().startswith(f"{EVIL} meeting — ")


def test_search_results_show_the_override_visibly(qtbot, open_window, bidi_db):
    window = open_window(bidi_db)
    controller = window.search_controller
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(controller.field, "evil")
    qtbot.waitUntil(lambda: controller.popup.isVisible() and controller._query == "evil")
    texts = _model_texts(controller.model)
    assert any(t.startswith(EVIL) for t in texts), texts
    assert not [t for t in texts if RLO in t]



def test_the_article_shows_the_override_and_still_highlights_the_right_passage(qtbot, tmp_path, open_tab):
    from briefing_app.data.snapshot import load_snapshot
    from briefing_app.data.store import open_store
    from briefing_app.ui.tabs.source_tab import SourceTab
    from briefing_fixtures import ARTICLE

    target = tmp_path / "article.db"
    build_database([write_briefing(tmp_path / "art", SMALL_YAML, ARTICLE.replace("Tiêu đề", f"{RLO}Tiêu{RLO} đề", 1))],
                   target)
    with open_store(target) as store:
        snapshot = load_snapshot(store, "test-2017")
    tab = open_tab(SourceTab, snapshot)
    assert tab.text.toPlainText().startswith("‹U+202E›Tiêu‹U+202E› đề")
    limitation = snapshot.limitations[0]
    tab.highlight(limitation.source_offset, len(limitation.source_text))
    [selection] = tab.text.extraSelections()
    assert selection.cursor.selectedText() == "Sim rác vẫn còn tồn tại."
