"""Write a chart as PNG or SVG, with the app's one atomic write.

Never over a database, a device or a read-only file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter

from ...data.atomic import write_atomically

__all__ = ["write_png", "write_svg", "FORMATS"]

#: The file formats the chart's Export menu saves (each titled by the key ``chart.export_<format>``).
FORMATS = ("png", "svg")


def _replace_atomically(path: str, write: Callable[[str], None]) -> None:
    """Let ``write`` fill a temporary file, refuse an empty one, and move it into place (the app's one atomic write)."""
    def fill(tmp: Path) -> None:
        write(str(tmp))
        if tmp.stat().st_size == 0:
            raise OSError(5, "nothing was written", path)

    write_atomically(path, fill)


def write_png(widget: Any, path: str) -> None:
    """The chart as a PNG at twice the screen resolution."""
    def write(tmp: str) -> None:
        image = widget.grab().toImage() if widget.devicePixelRatioF() >= 2 else _render_image(widget, 2)
        if not image.save(tmp, "PNG"):
            raise OSError(5, "the image could not be written", path)
    _replace_atomically(path, write)


def _render_image(widget: Any, scale: int):
    from PySide6.QtGui import QImage

    size = widget.size() * scale
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().base().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    widget.render(painter)
    painter.end()
    return image


def write_svg(widget: Any, path: str, title: str) -> None:
    """The chart as vector SVG, painted onto a QSvgGenerator (pyqtgraph's SVGExporter fails on Qt ≥ 6.11)."""
    from PySide6.QtSvg import QSvgGenerator

    def write(tmp: str) -> None:
        generator = QSvgGenerator()
        generator.setFileName(tmp)
        size = QSize(widget.width(), widget.height())
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        generator.setDescription("Briefing Viewer chart")
        painter = QPainter(generator)
        widget.render(painter)
        painter.end()
    _replace_atomically(path, write)
