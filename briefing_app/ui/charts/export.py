"""Write a chart as PNG or SVG, with the app's one atomic write: the picture the reader sees on screen.

The chart's parts (title, legend, plot, notes) are painted where they sit in the chart view, onto a
``QImage`` at twice the screen's resolution or onto a ``QSvgGenerator``; the buttons are left out.

Two traps this module avoids (both gave pictures that did not match the screen, issue #16):

* pyqtgraph's ``GraphicsView.render(painter)`` is ``QGraphicsView.render``, whose default target is the
  painter's *device* size in pixels: on an image with a device pixel ratio of 2 the scene was drawn twice
  too large, and the file held the chart's top-left quarter. Parts are painted with ``QWidget.render`` at
  their own size instead.
* pyqtgraph draws axes and bars from cached ``QPicture`` objects, which a painter scales by the ratio of its
  device's DPI to the screen's: painted straight onto a 72 DPI ``QSvgGenerator`` (``QGraphicsView.render``),
  bars and category labels shrank towards the top-left while value labels stayed in place. ``QWidget.render``
  paints each part through its own paint event (the device is the widget, at the screen's DPI), and the
  generator is given the screen's DPI too, so that other programs show the SVG at the size seen on screen.

Never over a database, a device or a read-only file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPaintDevice, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from ...data.atomic import write_atomically

__all__ = ["write_png", "write_svg", "FORMATS", "PNG_SCALE", "picture_frame"]

#: The file formats the chart's Export menu saves (each titled by the key ``chart.export_<format>``).
FORMATS = ("png", "svg")
#: A PNG holds the chart at this many pixels per screen pixel (sharp when pasted into a report).
PNG_SCALE = 2

_INCHES_PER_METRE = 39.3700787


def _replace_atomically(path: str, write: Callable[[str], None]) -> None:
    """Let ``write`` fill a temporary file, refuse an empty one, and move it into place (the app's one atomic write)."""
    def fill(tmp: Path) -> None:
        write(str(tmp))
        if tmp.stat().st_size == 0:
            raise OSError(5, "nothing was written", path)

    write_atomically(path, fill)


def _screen_dpi() -> int:
    """The logical DPI pyqtgraph's cached pictures are recorded at (the primary screen's)."""
    screen = QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInchX()) if screen is not None else 96


def picture_frame(parts: Sequence[QWidget], origin: QWidget) -> QRect:
    """The rectangle, in ``origin``'s coordinates, that holds every part."""
    frame = QRect()
    for part in parts:
        frame = frame.united(QRect(part.mapTo(origin, QPoint(0, 0)), part.size()))
    return frame


def _paint(device: QPaintDevice, parts: Sequence[QWidget], origin: QWidget, frame: QRect,
           background: QColor) -> None:
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(QRect(QPoint(0, 0), frame.size()), background)
        for part in parts:
            where = part.mapTo(origin, QPoint(0, 0)) - frame.topLeft()
            # QWidget.render, not the plot's own render (QGraphicsView.render): see the module's docstring.
            QWidget.render(part, painter, where, QRegion(), QWidget.RenderFlag.DrawChildren)
    finally:
        painter.end()


def write_png(parts: Sequence[QWidget], origin: QWidget, path: str, background: QColor) -> None:
    """The chart's ``parts`` (widgets inside ``origin``, laid out as on screen) as a PNG at :data:`PNG_SCALE`×."""
    frame = picture_frame(parts, origin)

    def write(tmp: str) -> None:
        image = QImage(frame.size() * PNG_SCALE, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(PNG_SCALE)
        dots = round(_screen_dpi() * _INCHES_PER_METRE)
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        _paint(image, parts, origin, frame, background)
        if not image.save(tmp, "PNG"):  # type: ignore[call-overload]  # PySide6 takes a str here
            raise OSError(5, "the image could not be written", path)
    _replace_atomically(path, write)


def write_svg(parts: Sequence[QWidget], origin: QWidget, path: str, title: str, background: QColor) -> None:
    """The chart's ``parts`` as vector SVG (QSvgGenerator; pyqtgraph's SVGExporter fails on Qt ≥ 6.11)."""
    from PySide6.QtSvg import QSvgGenerator

    frame = picture_frame(parts, origin)

    def write(tmp: str) -> None:
        generator = QSvgGenerator()
        generator.setFileName(tmp)
        generator.setResolution(_screen_dpi())
        size = QSize(frame.width(), frame.height())
        generator.setSize(size)
        generator.setViewBox(QRect(QPoint(0, 0), size))
        generator.setTitle(title)
        generator.setDescription("Briefing Viewer chart")
        _paint(generator, parts, origin, frame, background)
    _replace_atomically(path, write)
