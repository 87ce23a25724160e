"""The Overview tab (Tổng quan): the meeting, headline figures, counts and discrepancies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget,
)

from ...data.records import Indicator
from ...data.snapshot import Snapshot
from ...data.wording import comparisons, date_text, qualifier_word, value_text
from ..plain import heading_label, plain_label
from ..state import ViewerState
from ..strings import tr
from ..tab import BriefingTab

__all__ = ["OverviewTab", "headline_indicators"]

TILE_COLUMNS = 4


def headline_indicators(snapshot: Snapshot, limit: int = 12) -> list[Indicator]:
    """The figure that leads each sector: its first total with a stated value (enterprises excluded)."""
    chosen: list[Indicator] = []
    seen: set[int] = set()
    for indicator in snapshot.indicators:
        if (indicator.enterprise_id is None and indicator.parent_id is None and indicator.value is not None
                and indicator.value_max is None and indicator.sector_id not in seen):
            seen.add(indicator.sector_id)
            chosen.append(indicator)
    return chosen[:limit]


class FigureTile(QPushButton):
    """One headline figure: label, value, unit and qualifier, and its comparisons in words."""

    def __init__(self, indicator: Indicator, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.indicator = indicator
        self.setObjectName("figureTile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        self.label = plain_label(selectable=False)
        self.value = plain_label(selectable=False, wrap=False)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.qualifier = plain_label(selectable=False, wrap=False)
        self.qualifier.setObjectName("tileQualifier")
        self.unit = plain_label(selectable=False)
        self.comparison = plain_label(selectable=False)
        value_row = QHBoxLayout()
        value_row.setSpacing(6)
        value_row.addWidget(self.qualifier, 0, Qt.AlignmentFlag.AlignBaseline)
        value_row.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBaseline)
        value_row.addStretch(1)
        for child in (self.label, self.qualifier, self.value, self.unit, self.comparison):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.label)
        layout.addLayout(value_row)
        layout.addWidget(self.unit)
        layout.addWidget(self.comparison)
        layout.addStretch(1)
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        ind = self.indicator
        self.label.setText(ind.label(lang))
        self.value.setText(value_text(ind, lang) + ("%" if ind.unit_vi == "%" else ""))
        qualifier = qualifier_word(ind.qualifier, lang)
        self.qualifier.setText(qualifier)
        self.qualifier.setVisible(bool(qualifier))
        self.unit.setText("" if ind.unit_vi == "%" else ind.unit(lang))
        self.comparison.setText("\n".join(comparisons(ind, lang)))
        self.comparison.setVisible(bool(self.comparison.text()))
        spoken = " ".join(filter(None, [ind.label(lang), qualifier, value_text(ind, lang), ind.unit(lang),
                                        "; ".join(comparisons(ind, lang))]))
        self.setAccessibleName(spoken)
        self.setToolTip(ind.source_text)

    def sizeHint(self):  # noqa: N802 - Qt override
        return self.layout().sizeHint()

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        return self.layout().minimumSize()


class OverviewTab(BriefingTab):
    title_key = "tab.overview"
    sections = ()

    def __init__(self, state: ViewerState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self._snapshot: Snapshot | None = None
        self.tiles: list[FigureTile] = []

        self.title = heading_label(size=1.5)
        self.title.setObjectName("briefingTitle")
        self.subtitle = plain_label()
        self.subtitle.setObjectName("briefingSubtitle")

        self.meeting_box = QGroupBox(self)
        self.meeting_form = QFormLayout(self.meeting_box)
        self.meeting_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meeting_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.meeting_labels: dict[str, QLabel] = {}
        self.meeting_values: dict[str, QLabel] = {}
        for key in ("what", "when", "where", "chaired_by", "attendees", "sites", "source", "published", "authors"):
            label = plain_label(selectable=False, wrap=False)
            value = plain_label()
            value.setObjectName(f"meeting_{key}")
            label.setBuddy(value)
            self.meeting_labels[key] = label
            self.meeting_values[key] = value
            self.meeting_form.addRow(label, value)

        self.headline_box = QGroupBox(self)
        self.tile_grid = QGridLayout(self.headline_box)
        self.tile_grid.setSpacing(10)

        self.counts_box = QGroupBox(self)
        self.counts_label = plain_label()
        self.counts_label.setObjectName("countsLabel")
        QVBoxLayout(self.counts_box).addWidget(self.counts_label)

        self.discrepancy_box = QGroupBox(self)
        self.discrepancy_layout = QVBoxLayout(self.discrepancy_box)
        self.discrepancy_labels: list[QLabel] = []

        content = QWidget(self)
        content.setObjectName("overviewContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        row = QHBoxLayout()
        row.addWidget(self.meeting_box, 3)
        side = QVBoxLayout()
        side.addWidget(self.counts_box)
        side.addWidget(self.discrepancy_box, 1)
        row.addLayout(side, 2)
        layout.addLayout(row)
        layout.addWidget(self.headline_box)
        layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("overviewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.retranslate()

    # ------------------------------------------------------------ contract
    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        self._snapshot = snapshot
        for tile in self.tiles:
            self.tile_grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        if snapshot is not None:
            for n, indicator in enumerate(headline_indicators(snapshot)):
                tile = FigureTile(indicator, self.lang, self.headline_box)
                tile.clicked.connect(lambda _checked=False, i=indicator: self.state.request_item("indicators", i.id))
                self.tile_grid.addWidget(tile, n // TILE_COLUMNS, n % TILE_COLUMNS)
                self.tiles.append(tile)
        self._fill()

    def retranslate(self) -> None:
        lang = self.lang
        self.meeting_box.setTitle(tr("overview.meeting", lang))
        self.headline_box.setTitle(tr("overview.headlines", lang))
        self.counts_box.setTitle(tr("overview.counts", lang))
        self.discrepancy_box.setTitle(tr("overview.discrepancies", lang))
        for key, label in self.meeting_labels.items():
            text = tr(f"overview.{key}", lang)
            label.setText(text + ":")
            self.meeting_values[key].setAccessibleName(text)
        for box in (self.meeting_box, self.headline_box, self.counts_box, self.discrepancy_box):
            box.setAccessibleName(box.title())
        for tile in self.tiles:
            tile.set_language(lang)
        self._fill()

    # ------------------------------------------------------------ content
    def _fill(self) -> None:
        lang = self.lang
        snapshot = self._snapshot
        for label in self.discrepancy_labels:
            self.discrepancy_layout.removeWidget(label)
            label.deleteLater()
        self.discrepancy_labels = []
        if snapshot is None:
            self.title.setText(tr("empty.no_database", lang))
            self.subtitle.setText("")
            for value in self.meeting_values.values():
                value.setText("")
            self.counts_label.setText("")
            return
        b = snapshot.briefing
        self.title.setText(b.title(lang))
        self.title.setAccessibleName(b.title(lang))
        self.subtitle.setText(f"{b.organisation(lang)} — {b.period(lang)}")
        place = (b.meeting_place_en if lang == "en" and b.meeting_place_en else b.meeting_place_vi) or ""
        kind = (b.meeting_kind_en if lang == "en" and b.meeting_kind_en else b.meeting_kind_vi) or ""
        publisher = (b.source_publisher_en if lang == "en" and b.source_publisher_en else b.source_publisher_vi) or ""
        values = {
            "what": kind,
            "when": date_text(b.meeting_date, lang),
            "where": place,
            "chaired_by": b.chaired_by or "",
            "attendees": "\n".join(b.attendees),
            "sites": str(b.connected_sites) if b.connected_sites is not None else "",
            "source": " — ".join(p for p in (b.source_title, publisher) if p),
            "published": date_text(b.source_published_at, lang),
            "authors": ", ".join(b.source_authors),
        }
        for key, text in values.items():
            self.meeting_values[key].setText(text)
            self.meeting_form.setRowVisible(self.meeting_values[key], bool(text))
        counts = snapshot.counts()
        self.counts_label.setText("\n".join(tr(f"count.{name}", lang, n=counts[name]) for name in
                                            ("indicators", "achievements", "limitations", "directives",
                                             "enterprises", "discrepancies")))
        discrepancies = snapshot.discrepancies()
        if not discrepancies:
            label = plain_label(tr("overview.no_discrepancies", lang))
            self.discrepancy_layout.addWidget(label)
            self.discrepancy_labels.append(label)
        for check in discrepancies:
            # Words and a sign, never colour alone.
            label = plain_label("⚠ " + check.what(lang))
            label.setObjectName("discrepancyLabel")
            self.discrepancy_layout.addWidget(label)
            self.discrepancy_labels.append(label)
