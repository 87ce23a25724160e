"""Where the keyboard is, always visible, and never trapped (issue #16.5).

:class:`FocusStyle` wraps the platform's style (Fusion, Windows…) and changes two things app-wide:

* the focus outline (``PE_FrameFocusRect``, drawn for buttons, check boxes, tabs and the *current cell* of
  every table and tree) is a 2-pixel line in the palette's highlight colour, and drawn whenever the widget has
  focus: Fusion draws a faint one only after a Tab press, so a current cell without a selection was invisible;
* every item view (tables, trees, lists, including those of Qt's dialogs) lets Tab and Shift+Tab leave it, as
  they leave any other control; arrows move between cells. Qt's tables move cell to cell on Tab and wrap
  rows, trapping a keyboard user in a table of hundreds of cells.

Installed once on the application (:func:`install_focus_style`), so tables added later need nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

__all__ = ["FocusStyle", "install_focus_style", "FOCUS_WIDTH"]

#: The focus outline's width in pixels.
FOCUS_WIDTH = 2


class FocusStyle(QProxyStyle):
    """The platform's style with a strong focus outline and item views that Tab leaves."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 - Qt override
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element != QStyle.PrimitiveElement.PE_FrameFocusRect:
            super().drawPrimitive(element, option, painter, widget)
            return
        # Four filled strips, not a pen: crisp at any device pixel ratio, and no PySide6 ``Qt`` namespace
        # (its first use costs ~11 ms, and this module is imported before the first paint).
        color = option.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        rect = option.rect
        width = min(FOCUS_WIDTH, rect.width() // 2, rect.height() // 2)
        painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), width), color)
        painter.fillRect(QRect(rect.left(), rect.bottom() + 1 - width, rect.width(), width), color)
        painter.fillRect(QRect(rect.left(), rect.top(), width, rect.height()), color)
        painter.fillRect(QRect(rect.right() + 1 - width, rect.top(), width, rect.height()), color)

    def polish(self, target: Any) -> Any:  # noqa: D102 - Qt override (widget, application or palette)
        if isinstance(target, QAbstractItemView):
            target.setTabKeyNavigation(False)
        return super().polish(target)


def install_focus_style(app: QApplication) -> FocusStyle:
    """Wrap ``app``'s current style in :class:`FocusStyle` (once)."""
    current = app.style()
    if isinstance(current, FocusStyle):
        return current
    style = FocusStyle(current.name())
    app.setStyle(style)
    return style
