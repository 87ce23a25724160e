"""The one chart palette, for the window's charts and the printed pack, and the contrast rule it keeps.

Series colours follow Okabe–Ito (told apart with every common colour-vision deficiency), darkened on a light
background and lightened on a dark one until each fill reaches :data:`MIN_CONTRAST` against the background
(WCAG 2.1 §1.4.11, non-text contrast): Okabe–Ito's own orange is 2.25:1 on white, too faint for a bar that
means "profit". Qt-free, so the report and the window both read it; ``tests/test_chart_palette.py`` checks
the rule against the colours the chart view and the pack actually paint.
"""

from __future__ import annotations

__all__ = ["LIGHT_SERIES", "DARK_SERIES", "DERIVED", "TILE_BORDER", "CONFLICT_HEX", "MIN_CONTRAST", "series_hex",
           "contrast_ratio", "relative_luminance"]

#: WCAG's least contrast for graphical objects and the borders of components.
MIN_CONTRAST = 3.0
#: Series fills on a light background (white screen or paper): blue, orange, green, purple, sky, vermillion.
LIGHT_SERIES = ("#0072B2", "#B86E00", "#009E73", "#B8608F", "#2D8BC9", "#D55E00")
#: The same hues on a dark background.
DARK_SERIES = ("#56B4E9", "#F0B84A", "#3FC59C", "#E08FC0", "#8FD0F5", "#F07F3C")
#: Derived values (hatched, dashed and starred too: never colour alone), on either background.
DERIVED = "#8a8a8a"
#: The border of the Overview's headline tiles.
TILE_BORDER = "#7a8799"
#: The ring around a point that conflicts with another briefing's (with a note under the chart: never colour
#: alone), on screen and on paper.
CONFLICT_HEX = "#D0021B"


def series_hex(dark: bool) -> tuple[str, ...]:
    """The series colours for a dark or a light background."""
    return DARK_SERIES if dark else LIGHT_SERIES


def relative_luminance(color: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(color.lstrip("#")[i: i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
