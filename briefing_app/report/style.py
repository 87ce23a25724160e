"""The pack's typography and colours, in the units of the device it is painted on.

Everything is measured in the device's own units (its ``logicalDpi``): a font
set in points is sized by Qt for that device, and lengths given in millimetres
or points are converted with :meth:`Style.mm` and :meth:`Style.pt`. The painter
is never scaled to fit a resolution, which is what makes fonts come out many
times too large on a high-resolution printer.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPaintDevice

from ..chart_palette import LIGHT_SERIES

__all__ = ["Style", "FONT_FAMILIES"]

#: a font with every Vietnamese glyph first; the others are fallbacks on machines without it
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]

#: (point size, bold, italic, colour name) per text style
_TEXT_STYLES: dict[str, tuple[float, bool, bool, str]] = {
    "body": (9.0, False, False, "text"),
    "bold": (9.0, True, False, "text"),
    "italic": (9.0, False, True, "text"),
    "muted": (9.0, False, False, "muted"),
    "small": (7.5, False, False, "text"),
    "small_italic": (7.5, False, True, "muted"),
    "small_muted": (7.5, False, False, "muted"),
    "table": (8.0, False, False, "text"),
    "table_bold": (8.0, True, False, "text"),
    "table_italic": (8.0, False, True, "text"),
    "table_muted": (8.0, False, False, "muted"),
    "table_small": (7.0, False, False, "text"),
    "table_small_italic": (7.0, False, True, "muted"),
    "table_small_muted": (7.0, False, False, "muted"),
    "header": (7.0, False, False, "muted"),
    "check": (13.0, False, False, "text"),
    "kicker": (9.0, True, False, "accent"),
    "organisation": (10.0, False, False, "muted"),
    "title": (17.0, True, False, "accent"),
    "h1": (14.0, True, False, "accent"),
    "h2": (11.0, True, False, "accent"),
    "h3": (9.5, True, False, "text"),
    "chart_title": (9.5, True, False, "text"),
    "chart": (7.5, False, False, "text"),
    "chart_bold": (7.5, True, False, "text"),
    "chart_muted": (7.0, False, False, "muted"),
}

_COLOURS = {
    "text": "#1a1a1a",
    "muted": "#555b63",
    "accent": "#1f3a5f",
    "rule": "#8d99a8",
    "light_rule": "#c9d1db",
    "header_fill": "#e3e9f1",
    "group_fill": "#eef2f6",
    "zebra": "#f6f8fa",
    # The window's chart palette, so a printed chart keeps its colours and their 3:1 contrast on paper.
    "bar": LIGHT_SERIES[0],
    "bar2": LIGHT_SERIES[1],
    "bar3": LIGHT_SERIES[2],
    "target": "#b03a2e",
}


class Style:
    """Fonts, colours and lengths for one paint device."""

    def __init__(self, device: QPaintDevice, lang: str = "vi"):
        # The pack always uses the bundled DejaVu Sans, so every printout embeds the same
        # Vietnamese-complete font whatever the machine has installed.
        from ..fonts import register_bundled_fonts

        register_bundled_fonts()
        self.device = device
        #: the pack's language (for the note on a shortened text)
        self.lang = lang
        self.dpi_x = device.logicalDpiX()
        self.dpi_y = device.logicalDpiY()
        self._fonts: dict[str, QFont] = {}

    def mm(self, millimetres: float) -> float:
        return millimetres * self.dpi_y / 25.4

    def pt(self, points: float) -> float:
        return points * self.dpi_y / 72.0

    def font(self, style: str) -> QFont:
        font = self._fonts.get(style)
        if font is None:
            size, bold, italic, _ = _TEXT_STYLES.get(style, _TEXT_STYLES["body"])
            font = QFont()
            font.setFamilies(FONT_FAMILIES)
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setItalic(italic)
            # no hinting: glyph positions scale exactly from the screen preview to the printer
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(True)
            # no "fi"/"fl" ligatures: the PDF's text must search and copy as the letters typed
            for tag in ("liga", "clig"):
                font.setFeature(QFont.Tag(tag), 0)
            self._fonts[style] = font
        return font

    def text_colour(self, style: str) -> QColor:
        return self.colour(_TEXT_STYLES.get(style, _TEXT_STYLES["body"])[3])

    @staticmethod
    def colour(name: str) -> QColor:
        return QColor(_COLOURS[name])

    @staticmethod
    def table_style(style: str) -> str:
        """The smaller table variant of a text style (``bold`` → ``table_bold``)."""
        mapping = {"body": "table", "bold": "table_bold", "italic": "table_italic", "muted": "table_muted",
                   "small": "table_small", "small_italic": "table_small_italic",
                   "small_muted": "table_small_muted"}
        return mapping.get(style, style)
