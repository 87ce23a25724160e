"""The search popup's "Other briefings (n)" row: it begins a group of sections, so it must not look like one of
the section headers under it — a rule above it, a muted italic caption — and a screen reader hears what it is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from briefing_app.data.search import SearchResult
from briefing_app.ui.search_results import ResultList, SearchResultDelegate, SearchResultModel


def result(section: str, rowid: int, briefing: str) -> SearchResult:
    return SearchResult(section, rowid, briefing, f"Title {rowid}", f"snippet {rowid}", (), rowid)


@pytest.fixture
def popup_list(qtbot):
    def make(lang: str) -> tuple[ResultList, SearchResultModel]:
        model = SearchResultModel()
        model.set_language(lang)
        view = ResultList()
        view.setModel(model)
        view.setItemDelegate(SearchResultDelegate(view))
        qtbot.addWidget(view)
        view.resize(480, 400)
        model.set_results([result("indicators", 1, "b-shown"), result("achievements", 2, "b-shown")])
        model.append_results([result("indicators", 3, "b-other"), result("directives", 4, "b-other")])
        view.show()
        qtbot.waitExposed(view)
        return view, model
    return make


def header_rows(model: SearchResultModel) -> list[int]:
    return [r for r in range(model.rowCount()) if model.index(r).data(SearchResultModel.HeaderRole)]


def paint_row(view: ResultList, row: int) -> QImage:
    """The row as the delegate paints it, on its own."""
    index = view.model().index(row)
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    size = delegate.sizeHint(option, index)
    option.rect = QRect(0, 0, size.width(), size.height())
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(view.palette().color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return image


def rule_rows(image: QImage, ink: QColor) -> list[int]:
    """Rows of the image crossed by a line of ``ink`` over most of its width."""
    rows = []
    for y in range(image.height()):
        inked = sum(1 for x in range(image.width()) if _close(QColor(image.pixel(x, y)), ink))
        if inked >= image.width() * 0.8:
            rows.append(y)
    return rows


def _over(ink: QColor, background: QColor) -> QColor:
    """``ink`` (the muted text colour, often half transparent) as painted on ``background``."""
    alpha = ink.alphaF()
    return QColor(*(round(getattr(ink, c)() * alpha + getattr(background, c)() * (1 - alpha))
                    for c in ("red", "green", "blue")))


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 40


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_other_briefings_row_looks_unlike_a_section_header(popup_list, lang):
    view, model = popup_list(lang)
    rows = header_rows(model)
    group = next(r for r in rows if model.index(r).data(SearchResultModel.GroupRole))
    sections = [r for r in rows if r != group]
    assert model.index(group).data() == ("Các báo cáo khác (2)" if lang == "vi" else "Other briefings (2)")
    ink = _over(view.palette().color(QPalette.ColorRole.PlaceholderText), view.palette().color(QPalette.ColorRole.Base))
    group_image = paint_row(view, group)
    # A rule across the list above the caption, where a section header has none.
    rules = rule_rows(group_image, ink)
    assert rules and rules[0] < group_image.height() // 3, rules
    for row in sections:
        section_image = paint_row(view, row)
        assert not rule_rows(section_image, ink)
        # The caption stands apart: the row is taller and its background is the list's own, not a band.
        assert group_image.height() > section_image.height()
        band = QColor(section_image.pixel(section_image.width() - 2, section_image.height() // 2))
        plain = QColor(group_image.pixel(group_image.width() - 2, group_image.height() - 3))
        assert band != plain


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_screen_reader_hears_that_the_other_briefings_begin(popup_list, lang):
    _view, model = popup_list(lang)
    group = next(r for r in header_rows(model) if model.index(r).data(SearchResultModel.GroupRole))
    spoken = model.index(group).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == ("Kết quả từ các báo cáo khác: 2" if lang == "vi" else "Results from the other briefings: 2")
    section = next(r for r in header_rows(model) if r != group)
    assert model.index(section).data(Qt.ItemDataRole.AccessibleTextRole) == model.index(section).data()
