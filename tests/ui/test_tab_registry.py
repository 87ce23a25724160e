"""One tab registry (briefing_app.ui.tabs.TABS) drives the tabs, the View menu, Ctrl+1…N, the shortcuts
help and what "Only the current tab" prints: adding a tab is one entry there and its module."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableWidget

from briefing_app.ui import tabs as tab_registry
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.state import ViewerState
from briefing_app.ui.tab import BriefingTab


class NotesTab(BriefingTab):
    """A tab the registry does not have: what a next engineer would add."""

    title_key = "tab.source"

    def __init__(self, state, parent=None):
        super().__init__(state, parent)
        self.shown = None

    def set_snapshot(self, snapshot):
        self.shown = snapshot

    def retranslate(self):
        pass


@pytest.fixture
def notes_window(qtbot, settings, bundled_db, monkeypatch):
    extra = tab_registry.TabEntry("notes", "tab.source", __name__, "NotesTab", "sources")
    monkeypatch.setattr(tab_registry, "TABS", tab_registry.TABS + (extra,))
    window = MainWindow(ViewerState("en"), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_database(bundled_db)
    return window


def shortcut_table(qtbot, window) -> list[tuple[str, str]]:
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    qtbot.keyClick(window, Qt.Key.Key_F1)
    [dialog] = [d for d in window.findChildren(QDialog, "shortcutsDialog") if d.isVisible()]
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    dialog.close()
    return rows


def test_a_new_entry_gets_a_tab_a_view_menu_item_ctrl_n_and_a_line_in_the_help(qtbot, notes_window):
    window = notes_window
    n = len(tab_registry.TABS)  # the shipped tabs and the one added here, last
    assert window.tabs.count() == n and window.tabs.tabText(n - 1) == "Source"
    items = [a for a in window.view_menu.actions() if not a.isSeparator() and a.menu() is None]
    assert [a.text() for a in items][-1] == "Source"
    assert items[-1].shortcut().toString() == f"Ctrl+{n}"
    assert window.tabs.tabToolTip(n - 1) == f"Source (Ctrl+{n})"

    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == n - 1
    tab = window.tabs.currentWidget()
    assert isinstance(tab, NotesTab) and tab.shown is window.state.snapshot

    assert shortcut_table(qtbot, window)[0] == (f"Ctrl+1 … Ctrl+{n}", f"Switch to tab 1–{n}")


def test_the_print_dialog_offers_the_new_tabs_section(notes_window):
    controller = notes_window.print_controller
    notes_window.tabs.setCurrentIndex(len(tab_registry.TABS) - 1)
    assert controller.current_tab_section() == "sources"
    options = controller.current_view_options(controller.options)
    assert options.sections == ("sources",) and not options.checklist and options.sector_id is None


def test_the_shipped_registry_is_what_the_window_shows(qtbot, open_window, bundled_db):
    window = open_window(bundled_db, lang="en")
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Overview", "Indicators", "Achievements", "Limitations", "Directives", "Enterprises", "Source", "Trends"]
    assert shortcut_table(qtbot, window)[0] == ("Ctrl+1 … Ctrl+8", "Switch to tab 1–8")
    for index, entry in enumerate(tab_registry.TABS):
        tab = window.tabs.tab_at(index)
        assert type(tab).__name__ == entry.class_name and tab.title_key == entry.title_key
