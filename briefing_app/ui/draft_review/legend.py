"""What the article's highlights mean: a swatch and its words for each style of :mod:`.article_view`."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...i18n import tr
from ..plain import plain_label
from .article_view import STYLES

__all__ = ["HighlightLegend", "LEGEND_STYLES"]

#: The styles the legend explains, in its order (the sentence tint goes with "current").
LEGEND_STYLES = ("pending", "unsure", "accepted", "rejected", "current")


class HighlightLegend(QWidget):
    """A row of swatches: "figure", "figure to check", "accepted", "rejected", "current"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewLegend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.labels: dict[str, QLabel] = {}
        for style in LEGEND_STYLES:
            background, foreground, underline, strike = STYLES[style]
            swatch = QLabel("12", self)
            swatch.setObjectName(f"legendSwatch_{style}")
            decoration = "line-through" if strike else "underline" if underline is not None else "none"
            swatch.setStyleSheet(f"QLabel {{ background: {background}; color: {foreground or '#1a1a1a'};"
                                 f" text-decoration: {decoration}; padding: 1px 4px; border-radius: 2px; }}")
            label = plain_label("", self, wrap=False, selectable=False)
            layout.addWidget(swatch)
            layout.addWidget(label)
            layout.addSpacing(4)
            self.labels[style] = label
        layout.addStretch(1)

    def retranslate(self, lang: str) -> None:
        for style, label in self.labels.items():
            label.setText(tr(f"review.legend.{style}", lang))
        self.setAccessibleName(tr("review.legend", lang))
        self.setToolTip(tr("review.legend.tip", lang))
