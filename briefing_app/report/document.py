"""The briefing pack painted page by page onto any QPagedPaintDevice.

The same :func:`paint_report` draws the PDF (:class:`QPdfWriter`), the printed
pages and the print preview (:class:`QPrinter`), so what the preview shows is
what prints. Text and charts are painted with :class:`QPainter` straight onto
the device, in its own units: real, selectable text and vector charts.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLineF, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QFontMetricsF, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPen

from ..data.snapshot import Snapshot
from ..data.wording import date_text
from ..i18n import tr
from ..text_limits import elide
from .content import Content, build_content
from .layout import Layout, Page
from .options import ReportOptions
from .style import Style
from .text import TextBox

__all__ = ["PackInfo", "ReportError", "page_layout", "paint_report", "file_digest", "RenderedPack"]

_PAGE_IDS = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "Letter": QPageSize.PageSizeId.Letter}


class ReportError(RuntimeError):
    """The pack could not be painted on the device (the printer refused to start, say)."""


def file_digest(path: Path | str | None, length: int = 8) -> str | None:
    """The first ``length`` hex digits of the file's SHA-256, so a printout names the data it came from."""
    if path is None:
        return None
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class PackInfo:
    """What the footer says about the printout: the database it came from and when it was printed."""

    database_name: str | None = None
    database_digest: str | None = None
    printed: _dt.date | None = None

    @staticmethod
    def for_database(path: Path | str | None, printed: _dt.date | None = None) -> PackInfo:
        if path is None:
            return PackInfo(None, None, printed or _dt.date.today())
        return PackInfo(Path(path).name, file_digest(path), printed or _dt.date.today())


@dataclass
class RenderedPack:
    """What was painted: the number of pages, and each page's pieces (for tests and the preview)."""

    pages: int
    page_texts: list[list[str]]
    #: the page (1-based) each section starts on
    anchor_pages: dict[str, int]


def page_layout(options: ReportOptions) -> QPageLayout:
    """The page size, orientation and margins ``options`` ask for."""
    left, top, right, bottom = options.margins_mm
    margins = QMarginsF(left, top, right, bottom)
    if isinstance(options.page_size, str):
        size = QPageSize(_PAGE_IDS[options.page_size])
        orientation = (QPageLayout.Orientation.Landscape if options.orientation == "landscape"
                       else QPageLayout.Orientation.Portrait)
        return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)
    width, height = options.page_mm
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter,
                       QMarginsF(0, 0, 0, 0))


class _Frame:
    """The header (briefing title) and footer (data, print date, page X of Y) around each page's body."""

    def __init__(self, style: Style, width: float, content: Content, info: PackInfo):
        s = style
        self.style = style
        self.width = width
        lang = content.lang
        fm = QFontMetricsF(s.font("header"), s.device)
        self.title = fm.elidedText(elide(content.title), Qt.TextElideMode.ElideRight, width)
        self.line_h = fm.height()
        self.header_h = self.line_h + s.mm(1.2) + s.mm(4)
        self.lang = lang
        self.left = ""
        if info.database_name:
            self.left = tr("report.data", lang, name=info.database_name, digest=info.database_digest or "?")
        printed = info.printed or _dt.date.today()
        self.center = tr("report.printed", lang, date=date_text(printed.isoformat(), lang))
        widest_page = tr("report.page", lang, page=888, pages=888)
        used = sum(fm.horizontalAdvance(t) for t in (self.left, self.center, widest_page)) + s.mm(12)
        # on a narrow page the footer takes two lines rather than overlapping
        self.stacked = used > width
        self.footer_h = s.mm(4) + s.mm(1.2) + self.line_h * (2 if self.stacked else 1)
        self.fm = fm

    def draw(self, painter: QPainter, page: int, pages: int, body_height: float) -> None:
        s = self.style
        painter.setPen(s.colour("muted"))
        TextBox(s, self.title, "header", self.width).draw(painter, 0, 0)
        painter.setPen(QPen(s.colour("rule"), s.pt(0.5)))
        rule_y = self.line_h + s.mm(1.2)
        painter.drawLine(QLineF(0, rule_y, self.width, rule_y))

        top = self.header_h + body_height + s.mm(4)
        painter.setPen(QPen(s.colour("rule"), s.pt(0.5)))
        painter.drawLine(QLineF(0, top, self.width, top))
        y = top + s.mm(1.2)
        number = tr("report.page", self.lang, page=page, pages=pages)
        right = TextBox(s, number, "header", self.width, Qt.AlignmentFlag.AlignRight)
        if self.stacked:
            TextBox(s, self.left or self.center, "header", self.width).draw(painter, 0, y)
            right.draw(painter, 0, y)
            if self.left:
                TextBox(s, self.center, "header", self.width).draw(painter, 0, y + self.line_h)
        else:
            TextBox(s, self.left, "header", self.width).draw(painter, 0, y)
            TextBox(s, self.center, "header", self.width, Qt.AlignmentFlag.AlignHCenter).draw(painter, 0, y)
            right.draw(painter, 0, y)


def paint_report(device: QPagedPaintDevice, snapshot: Snapshot, options: ReportOptions,
                 info: PackInfo | None = None, *, set_layout: bool = True) -> RenderedPack:
    """Lay out the pack for ``device`` and paint every page on it; return what was painted.

    ``set_layout`` applies the options' page size and orientation to the device
    first; a printer whose page was chosen in the print dialog keeps its own.
    """
    info = info or PackInfo(printed=_dt.date.today())
    if set_layout:
        if not device.setPageLayout(page_layout(options)):
            raise ReportError("the page size or margins are not supported by this device")
    content = build_content(snapshot, options)
    style = Style(device, content.lang)
    width, height = float(device.width()), float(device.height())
    frame = _Frame(style, width, content, info)
    body_height = height - frame.header_h - frame.footer_h
    if body_height < style.mm(20) or width < style.mm(30):
        raise ReportError("the page is too small for the printout")
    layout = Layout(style, width, body_height)
    pages: list[Page] = layout.paginate(layout.pieces(content.blocks, content.lang))

    painter = QPainter()
    if not painter.begin(device):
        raise ReportError("the printer or file could not be opened for painting")
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for number, page in enumerate(pages, start=1):
            if number > 1 and not device.newPage():
                raise ReportError("could not start a new page")
            frame.draw(painter, number, len(pages), body_height)
            painter.save()
            painter.translate(0, frame.header_h)
            layout.draw_page(painter, page)
            painter.restore()
    finally:
        painter.end()
    return RenderedPack(len(pages), [[piece.text for _, piece, _ in page.placed] for page in pages],
                        dict(layout.anchor_pages))
