"""Paginating never ends the pack on a page holding a few lines alone (issue #16 §9)."""

from __future__ import annotations

from typing import cast

from briefing_app.report.layout import MIN_LAST_PAGE, Layout, Piece
from briefing_app.report.style import Style


def _layout(height: float = 100.0) -> Layout:
    # paginating only measures heights: no device, no fonts
    return Layout(cast(Style, None), 100.0, height)


def _pieces(heights: list[float], gap: float = 0.0) -> list[Piece]:
    return [Piece(h, lambda p, y: None, gap, text=str(n)) for n, h in enumerate(heights)]


def _texts(pages) -> list[list[str]]:
    return [[piece.text for _, piece, _ in page.placed] for page in pages]


def test_the_page_before_gives_up_pieces_when_no_gap_can_shrink():
    # five pieces fill the first page; the sixth alone would fill 19 % of the last
    pages = _layout().paginate(_pieces([19] * 6))
    assert _texts(pages) == [["0", "1", "2", "3"], ["4", "5"]]


def test_tighter_gaps_save_the_page_when_the_overflow_is_tiny():
    pieces = _pieces([19] * 5, gap=2.0)  # 95 + 8 of gaps: the last piece spills over by 3 points
    pages = _layout().paginate(pieces)
    assert _texts(pages) == [["0", "1", "2", "3", "4"]]
    assert [round(y, 1) for y, _, _ in pages[0].placed] == [0, 20.2, 40.4, 60.6, 80.8]


def test_a_heading_is_carried_over_with_what_it_keeps_with():
    pieces = _pieces([30, 30, 5, 20, 19])
    pieces[2].keep_with_next = True  # a heading, then its two list items; the second alone on the last page
    pages = _layout().paginate(pieces)
    assert _texts(pages) == [["0", "1"], ["2", "3", "4"]]
    assert sum(p.height for _, p, _ in pages[-1].placed) >= MIN_LAST_PAGE * 100


def test_a_last_page_filled_enough_is_left_alone():
    pages = _layout().paginate(_pieces([30, 30, 30, 30]))
    assert _texts(pages) == [["0", "1", "2"], ["3"]]


def test_what_does_not_fit_after_carrying_keeps_the_greedy_pages():
    # the page before holds one tall piece: nothing can be carried over
    pages = _layout().paginate(_pieces([95, 10]))
    assert _texts(pages) == [["0"], ["1"]]
