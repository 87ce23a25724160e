"""The keyboard is never trapped and always visible (issue #16.5): Tab leaves every table, the current cell
has an outline even without a selection, and the focus outline is a strong line in the highlight colour."""

from __future__ import annotations

import numpy
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCheckBox, QVBoxLayout, QWidget

from briefing_app.ui.focus_style import FOCUS_WIDTH, FocusStyle
from briefing_app.ui.tabs.enterprises_tab import EnterprisesTab
from briefing_app.ui.tabs.indicators_tab import IndicatorsTab


def highlight_share(image: QImage, rect, color) -> float:
    """The share of ``rect``'s border pixels (FOCUS_WIDTH wide) painted in ``color``."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = numpy.frombuffer(image.constBits(), numpy.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    rgb = raw[:, : image.width(), 2::-1].astype(int)
    hit = numpy.abs(rgb - numpy.array([color.red(), color.green(), color.blue()])).sum(axis=2) <= 30
    top, bottom, left, right = rect.top(), rect.bottom(), rect.left(), rect.right()
    border = numpy.zeros_like(hit)
    border[top: bottom + 1, left: right + 1] = True
    border[top + FOCUS_WIDTH: bottom + 1 - FOCUS_WIDTH, left + FOCUS_WIDTH: right + 1 - FOCUS_WIDTH] = False
    return float((hit & border).sum()) / float(border.sum())


def test_the_app_runs_with_the_focus_style():
    assert isinstance(QApplication.style(), FocusStyle)


@pytest.mark.parametrize("tab_class", [IndicatorsTab, EnterprisesTab])
def test_tab_leaves_the_table(qtbot, open_tab, snapshot, tab_class):
    tab = open_tab(tab_class, snapshot)
    table = tab.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not table and not table.isAncestorOf(focused)
    assert table.currentIndex().column() == 0  # Tab did not move to the next cell
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Backtab)  # Shift+Tab leaves it backwards
    assert not table.hasFocus() and table.currentIndex().column() == 0


def test_no_table_of_the_window_traps_tab(qtbot, open_window, review_db):
    window = open_window(review_db)
    for tab in range(window.tabs.count()):  # every tab built (they are built on first show)
        window.tabs.setCurrentIndex(tab)
    views = window.findChildren(QAbstractItemView)
    assert views and not [v.objectName() for v in views if v.tabKeyNavigation()]


def test_the_current_cell_has_an_outline_without_a_selection(qtbot, open_tab, snapshot):
    tab = open_tab(IndicatorsTab, snapshot)
    table = tab.table
    table.setFocus(Qt.FocusReason.OtherFocusReason)  # a click, not a Tab press: Fusion drew nothing then
    qtbot.waitUntil(table.hasFocus)
    index = table.model().index(2, 1)
    table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.Clear)
    assert not table.selectionModel().hasSelection()
    qtbot.wait(20)
    image = table.viewport().grab().toImage()
    color = table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    assert highlight_share(image, table.visualRect(index), color) > 0.8


def test_a_focused_check_box_has_a_strong_outline(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    first, second = QCheckBox("Một"), QCheckBox("Hai")
    layout.addWidget(first)
    layout.addWidget(second)
    holder.show()
    qtbot.waitExposed(holder)
    first.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(first.hasFocus)
    image = first.grab().toImage()
    color = first.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    raw = image.convertToFormat(QImage.Format.Format_RGB32)
    hits = sum(1 for y in range(raw.height()) for x in range(raw.width())
               if abs(raw.pixelColor(x, y).red() - color.red()) + abs(raw.pixelColor(x, y).green() - color.green())
               + abs(raw.pixelColor(x, y).blue() - color.blue()) <= 30)
    assert hits >= 2 * FOCUS_WIDTH * 10  # a 2-pixel outline around the label, not a dotted hairline
