"""Measure the pack's blocks and break them into pages.

Each block becomes one or more *pieces* of known height: a heading, a
paragraph, one table row, one list item, one chart. A piece is never split
across pages; a heading and a table's group row keep with what follows; a
table row that starts a page is preceded by the table's header row again. A
piece taller than a whole page (only on tiny pages) is drawn scaled down to
fit rather than cut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from ..i18n import tr
from .charts_painter import ChartPiece
from .content import Block, Cell, Chart, Contents, Heading, ItemList, Paragraph, Row, Table, Text, TitleBlock
from .series_painter import SeriesChartPiece
from .style import Style
from .text import TextBox

__all__ = ["Piece", "Page", "Layout", "MIN_LAST_PAGE"]

DrawFn = Callable[[QPainter, float], None]


@dataclass(eq=False)
class Piece:
    """Something drawn whole at the body's left edge; ``draw(painter, y)``."""

    height: float
    draw: DrawFn
    space_before: float = 0.0
    keep_with_next: bool = False
    #: the table header to repeat above this row when the row starts a page
    header: Piece | None = None
    #: the group row ("Press (continued)") to repeat below that header
    group: Piece | None = None
    anchor: str | None = None
    #: a label for tests and debugging (the row's or item's text)
    text: str = ""


@dataclass
class Page:
    placed: list[tuple[float, Piece, float]] = field(default_factory=list)  # (y, piece, scale)
    #: the index of the page's first piece in the list paginated (repeated headers aside)
    first: int = 0


#: A last page whose pieces reach less than this share of the body's height is near-empty (a few lines).
MIN_LAST_PAGE = 0.2
#: The gap factors tried, in turn, to pull a near-empty last page's few lines onto the page before.
TIGHTER_GAPS = (0.8, 0.6)


class Layout:
    """Turns blocks into pieces for a body ``width`` and breaks them into pages of ``height``."""

    def __init__(self, style: Style, width: float, height: float):
        self.style = style
        self.width = width
        self.height = height
        self.lang = "vi"
        #: anchor → page number (1-based), filled by :meth:`paginate`
        self.anchor_pages: dict[str, int] = {}

    # ------------------------------------------------------------ blocks → pieces
    def pieces(self, blocks: list[Block], lang: str) -> list[Piece]:
        self.lang = lang
        out: list[Piece] = []
        for block in blocks:
            if isinstance(block, TitleBlock):
                out.append(self._title(block))
            elif isinstance(block, Contents):
                out.extend(self._contents(block))
            elif isinstance(block, Heading):
                out.append(self._heading(block))
            elif isinstance(block, Paragraph):
                out.append(self._paragraph(block))
            elif isinstance(block, Table):
                out.extend(self._table(block))
            elif isinstance(block, ItemList):
                out.extend(self._list(block))
            elif isinstance(block, Chart):
                out.append(self._chart(block, lang))
        return out

    def _stack(self, boxes: list[TextBox], gap: float) -> float:
        return sum(b.height for b in boxes) + gap * max(0, len([b for b in boxes if b.height]) - 1)

    def _title(self, block: TitleBlock) -> Piece:
        s = self.style
        kicker = TextBox(s, block.kicker.upper(), "kicker", self.width)
        organisation = TextBox(s, block.organisation, "organisation", self.width)
        title = TextBox(s, block.title, "title", self.width)
        key_width = max([TextBox(s, k + ":", "bold").natural_width for k, _ in block.facts] + [0.0]) + s.mm(3)
        facts = [(TextBox(s, k + ":", "bold", key_width), TextBox(s, v, "body", self.width - key_width))
                 for k, v in block.facts]
        rule = s.mm(1.0)
        height = kicker.height + s.mm(1) + organisation.height + s.mm(1.5) + title.height + s.mm(2.5)
        height += sum(max(k.height, v.height) + s.mm(0.8) for k, v in facts) + s.mm(2) + rule

        def draw(p: QPainter, y: float) -> None:
            kicker.draw(p, 0, y)
            y += kicker.height + s.mm(1)
            organisation.draw(p, 0, y)
            y += organisation.height + s.mm(1.5)
            title.draw(p, 0, y)
            y += title.height + s.mm(2.5)
            for key, value in facts:
                key.draw(p, 0, y)
                value.draw(p, key_width, y)
                y += max(key.height, value.height) + s.mm(0.8)
            y += s.mm(2)
            p.fillRect(QRectF(0, y, self.width, rule), s.colour("accent"))

        return Piece(height, draw, text=block.title)

    def _contents(self, block: Contents) -> list[Piece]:
        s = self.style
        heading = self._heading(Heading(2, block.title))
        pieces = [heading]
        number_width = s.mm(12)
        fm = QFontMetricsF(s.font("body"), s.device)
        for n, (anchor, text) in enumerate(block.entries, start=1):
            box = TextBox(s, f"{n}.  {text}", "body", self.width - number_width - s.mm(4))

            def draw(p: QPainter, y: float, box: TextBox = box, anchor: str = anchor) -> None:
                box.draw(p, 0, y)
                page = str(self.anchor_pages.get(anchor, ""))
                number = TextBox(s, page, "body", number_width, Qt.AlignmentFlag.AlignRight)
                number.draw(p, self.width - number_width, y)
                # dotted leader from the text to the page number, on the last line
                pen = QPen(s.colour("light_rule"), s.pt(0.8))
                pen.setStyle(Qt.PenStyle.DotLine)
                p.setPen(pen)
                base = y + box.height - fm.descent() - s.pt(1)
                last = box.natural_width if box.line_count == 1 else 0
                p.drawLine(QLineF(last + s.mm(2), base, self.width - number_width + s.mm(1), base))

            pieces.append(Piece(box.height, draw, s.mm(1.2), text=text))
        return pieces

    def _heading(self, block: Heading) -> Piece:
        s = self.style
        text_style, before, after = {1: ("h1", 7.0, 2.5), 2: ("h2", 5.0, 1.5), 3: ("h3", 3.5, 1.0)}[block.level]
        box = TextBox(s, block.text, text_style, self.width)
        rule = s.pt(1.0) if block.level == 1 else 0.0
        height = box.height + s.mm(after) + (rule + s.mm(1) if rule else 0.0)

        def draw(p: QPainter, y: float) -> None:
            box.draw(p, 0, y)
            if rule:
                p.fillRect(QRectF(0, y + box.height + s.mm(0.8), self.width, rule), s.colour("accent"))

        return Piece(height, draw, s.mm(before), keep_with_next=True, anchor=block.anchor, text=block.text)

    def _paragraph(self, block: Paragraph) -> Piece:
        box = TextBox(self.style, block.text, block.style, self.width)
        return Piece(box.height, lambda p, y: box.draw(p, 0, y), self.style.mm(2), text=block.text)

    def _chart(self, block: Chart, lang: str) -> Piece:
        chart: ChartPiece | SeriesChartPiece = (SeriesChartPiece if block.spec.kind == "series" else ChartPiece)(
            self.style, block.spec, lang, self.width)
        return Piece(chart.height, lambda p, y: chart.draw(p, 0, y), self.style.mm(3.5), text=block.spec.title(lang))

    # ------------------------------------------------------------ tables
    def _cell_boxes(self, cell: Cell, width: float, bold: bool = False) -> list[TextBox]:
        s = self.style
        indent = cell.indent * s.mm(3.5)
        return [TextBox(s, t.text, s.table_style("bold" if bold else t.style), max(1.0, width - indent))
                for t in cell.texts if t.text]

    def _table(self, table: Table) -> list[Piece]:
        s = self.style
        pad_x, pad_y, para_gap = s.mm(1.3), s.mm(1.0), s.mm(0.6)
        total = sum(c.weight for c in table.columns) or 1.0
        widths = [self.width * c.weight / total for c in table.columns]
        lefts = [sum(widths[:i]) for i in range(len(widths))]

        def row_piece(row: Row, fill: str | None, bold: bool, rule: str) -> Piece:
            if row.group:
                spans = [(0.0, self.width, row.cells[0] if row.cells else Cell(()))]
            else:
                spans = [(lefts[i], widths[i], row.cells[i] if i < len(row.cells) else Cell(()))
                         for i in range(len(widths))]
            cells = [(left, cell, self._cell_boxes(cell, width - 2 * pad_x, bold)) for left, width, cell in spans]
            height = max([self._stack(boxes, para_gap) for _, _, boxes in cells] + [0.0]) + 2 * pad_y
            text = " ".join(t.text for cell in row.cells for t in cell.texts)

            def draw(p: QPainter, y: float) -> None:
                if fill:
                    p.fillRect(QRectF(0, y, self.width, height), s.colour(fill))
                for left, cell, boxes in cells:
                    by = y + pad_y
                    for box in boxes:
                        box.draw(p, left + pad_x + cell.indent * s.mm(3.5), by)
                        by += box.height + para_gap
                p.setPen(QPen(s.colour(rule), s.pt(0.5 if rule == "light_rule" else 0.8)))
                p.drawLine(QLineF(0, y + height, self.width, y + height))

            return Piece(height, draw, keep_with_next=row.group, text=text)

        pieces: list[Piece] = []
        header: Piece | None = None
        if table.show_header:
            header = row_piece(Row(tuple(Cell.of(c.header) for c in table.columns)), "header_fill", True, "rule")
            header.keep_with_next = True
            header.space_before = s.mm(1.5)
            pieces.append(header)
        stripe = False
        continued: Piece | None = None
        for row in table.rows:
            if row.group:
                piece = row_piece(row, "group_fill", False, "rule")
                first = row.cells[0] if row.cells else Cell(())
                more = tr("report.continued", self.lang)
                continued = row_piece(Row((Cell(tuple(Text(f"{t.text} {more}" if n == 0 else t.text, t.style)
                                                      for n, t in enumerate(first.texts))),), group=True),
                                      "group_fill", False, "rule")
                stripe = False
            else:
                piece = row_piece(row, "zebra" if table.zebra and stripe else None, False, "light_rule")
                piece.group = continued
                stripe = not stripe
            piece.header = header
            pieces.append(piece)
        if header is None and pieces:
            pieces[0].space_before = s.mm(1.5)
        return pieces

    # ------------------------------------------------------------ lists
    def _list(self, block: ItemList) -> list[Piece]:
        s = self.style
        markers = [TextBox(s, item.marker, block.marker_style) for item in block.items]
        marker_width = max([m.natural_width for m in markers] + [0.0]) + s.mm(2.5)
        text_width = self.width - marker_width
        pieces = []
        for marker, item in zip(markers, block.items):
            boxes = [TextBox(s, t.text, t.style, text_width) for t in item.texts if t.text]
            # a marker taller than the text (a check box) is centred on the first line: the text moves down
            first = boxes[0].height / max(1, boxes[0].line_count) if boxes else marker.height
            text_y = max(0.0, (marker.height - first) / 2)
            height = max(marker.height, text_y + self._stack(boxes, s.mm(0.6)))

            def draw(p: QPainter, y: float, marker: TextBox = marker, boxes: list[TextBox] = boxes,
                     text_y: float = text_y) -> None:
                marker.draw(p, 0, y)
                by = y + text_y
                for box in boxes:
                    box.draw(p, marker_width, by)
                    by += box.height + s.mm(0.6)

            gap = s.mm(2.6) if block.marker_style == "check" else s.mm(1.6)
            pieces.append(Piece(height, draw, gap, text=" ".join(t.text for t in item.texts)))
        return pieces

    # ------------------------------------------------------------ pages
    def paginate(self, pieces: list[Piece]) -> list[Page]:
        """Place pieces on pages: nothing split, headings kept with what follows, headers repeated, and no
        last page holding only a few lines.

        Breaking greedily can leave the last piece or two alone on a page of their own (the pack of the
        2017 review ended on a page with one source sentence). When the last page is filled less than
        :data:`MIN_LAST_PAGE`, the gaps between pieces are tightened if that saves the page; otherwise
        the page before gives up its last pieces, so the pack ends on a page worth turning to.
        """
        pages, anchors = self._place(pieces)
        if len(pages) > 1 and self._filled(pages[-1]) < MIN_LAST_PAGE * self.height:
            pages, anchors = self._without_near_empty_end(pieces, pages, anchors)
        self.anchor_pages = anchors
        return pages

    def _without_near_empty_end(self, pieces: list[Piece], pages: list[Page],
                                anchors: dict[str, int]) -> tuple[list[Page], dict[str, int]]:
        # A tiny overflow: the same pages with gaps a little tighter hold everything.
        for gap_scale in TIGHTER_GAPS:
            tight, tight_anchors = self._place(pieces, gap_scale=gap_scale)
            if len(tight) < len(pages):
                return tight, tight_anchors
        # Otherwise carry pieces over from the page before until the last page holds enough; a piece
        # that keeps with the next (a heading, a group row) goes with it.
        start, floor = pages[-1].first, pages[-2].first
        need = MIN_LAST_PAGE * self.height - self._filled(pages[-1])
        while need > 0 and start - 1 > floor:
            start -= 1
            need -= pieces[start].height + pieces[start].space_before
        while start - 1 > floor and pieces[start - 1].keep_with_next:
            start -= 1
        if start == pages[-1].first:
            return pages, anchors
        balanced, balanced_anchors = self._place(pieces, break_before=start)
        if len(balanced) != len(pages):  # what was carried over does not fit: keep the greedy pages
            return pages, anchors
        return balanced, balanced_anchors

    @staticmethod
    def _filled(page: Page) -> float:
        """How far down the page its pieces reach."""
        return max((y + piece.height * scale for y, piece, scale in page.placed), default=0.0)

    def _place(self, pieces: list[Piece], *, gap_scale: float = 1.0,
               break_before: int | None = None) -> tuple[list[Page], dict[str, int]]:
        """Break ``pieces`` into pages greedily (gaps times ``gap_scale``; a page always starts at piece
        ``break_before``); return the pages and the page of each anchor."""
        pages = [Page()]
        y = 0.0
        anchors: dict[str, int] = {}
        for index, piece in enumerate(pieces):
            before = piece.space_before * gap_scale if y > 0 else 0.0
            if y > 0 and (index == break_before
                          or y + before + self._chain_height(pieces, index, gap_scale) > self.height):
                pages.append(Page(first=index))
                y, before = 0.0, 0.0
            page = pages[-1]
            fresh = y == 0
            if fresh and piece.header is not None:
                page.placed.append((0.0, piece.header, 1.0))
                y = piece.header.height
            if fresh and piece.group is not None:
                page.placed.append((y, piece.group, 1.0))
                y += piece.group.height
            available = self.height - y - before
            scale = 1.0
            if fresh and piece.height > available:
                scale = max(0.05, available / piece.height)
            page.placed.append((y + before, piece, scale))
            y += before + piece.height * scale
            if piece.anchor and piece.anchor not in anchors:
                anchors[piece.anchor] = len(pages)
        return pages, anchors

    def _chain_height(self, pieces: list[Piece], index: int, gap_scale: float = 1.0) -> float:
        """The piece and whatever it keeps with (a heading and the next row, say), at most a page."""
        height = pieces[index].height
        last = index
        while pieces[last].keep_with_next and last + 1 < len(pieces) and height < self.height:
            last += 1
            height += pieces[last].space_before * gap_scale + pieces[last].height
        return min(height, self.height)

    def draw_page(self, painter: QPainter, page: Page) -> None:
        for y, piece, scale in page.placed:
            if scale == 1.0:
                piece.draw(painter, y)
            else:
                painter.save()
                painter.translate(0, y)
                painter.scale(scale, scale)
                piece.draw(painter, 0.0)
                painter.restore()
