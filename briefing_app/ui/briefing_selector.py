"""The toolbar's briefing selector: each briefing named by its period, its title in the tooltip.

Shown only when the open database holds more than one briefing. Periods are short
("6 tháng đầu năm 2017"), so the selector stays compact whatever the titles: long titles
once pushed the search box into the toolbar's overflow, where Ctrl+F could not reach it.
Nothing here touches PySide6's ``Qt`` namespace (see :mod:`briefing_app.ui.main_window`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLabel, QWidget

from ..data.records import BriefingSummary
from ..i18n import tr
from ..text_limits import TOOLTIP_CHARS, elide

__all__ = ["BriefingSelector", "PeriodBox", "SELECTOR_MAX_CHARS"]

#: The selector is never wider than this many average characters (a period's words fit; the popup list
#: is as wide as its longest entry).
SELECTOR_MAX_CHARS = 26
#: ... and gives way down to this many, before the search box beside it would.
SELECTOR_MIN_CHARS = 8
#: ``Qt.ItemDataRole.ToolTipRole`` by value: the selector is filled before the first paint.
_TOOLTIP_ROLE = 3


class PeriodBox(QComboBox):
    """The selector's combo box. Its open list is as wide as its longest period, measured as it opens: measured
    on every fill, it made PySide6 build its item-view classes and laid out every period before the first paint
    (~1.5 ms, more in a large library)."""

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
        super().showPopup()


class BriefingSelector(QObject):
    """A label and a combo box added to ``layout`` (the toolbar's); ``briefing_chosen(id)`` when the user
    picks one. Each entry reads as the briefing's period; its title is the entry's and the box's tooltip."""

    briefing_chosen = Signal(str)

    def __init__(self, parent: QWidget, layout: QBoxLayout):
        super().__init__(parent)
        self.label = QLabel(parent)
        self.combo = PeriodBox(parent)
        self.combo.setObjectName("briefingSelector")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        chars = self.combo.fontMetrics().averageCharWidth()
        self.combo.setMaximumWidth(SELECTOR_MAX_CHARS * chars + 40)
        # Narrower than its longest period if it must (the text is elided; the open list shows it whole).
        self.combo.setMinimumWidth(SELECTOR_MIN_CHARS * chars + 40)
        self.label.setBuddy(self.combo)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self._titles: dict[str, str] = {}
        self._set_visible(False)
        self.combo.activated.connect(self._on_combo_activated)

    def fill(self, briefings: list[BriefingSummary], current: str | None, lang: str) -> None:
        """List ``briefings`` (newest first, as the store gives them) in ``lang`` with ``current`` chosen;
        show the selector only for more than one."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self._titles = {b.id: b.title(lang) for b in briefings}
        for index, b in enumerate(briefings):
            self.combo.addItem(elide(b.period(lang)), b.id)
            self.combo.setItemData(index, elide(b.title(lang), TOOLTIP_CHARS), _TOOLTIP_ROLE)
        if current is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)
        self._update_tooltip()  # (the open list shows whole periods even where the box is narrower: PeriodBox)
        self._set_visible(len(briefings) > 1)

    def retranslate(self, lang: str) -> None:
        self.label.setText(tr("briefing.selector", lang))
        self.combo.setAccessibleName(tr("briefing.selector.name", lang))

    def _update_tooltip(self) -> None:
        title = self._titles.get(self.combo.currentData() or "", "")
        self.combo.setToolTip(elide(title, TOOLTIP_CHARS))
        self.combo.setAccessibleDescription(elide(title, TOOLTIP_CHARS))

    def _set_visible(self, visible: bool) -> None:
        self.label.setVisible(visible)
        self.combo.setVisible(visible)

    def _on_combo_activated(self, index: int) -> None:
        briefing_id = self.combo.itemData(index)
        self._update_tooltip()
        if briefing_id:
            self.briefing_chosen.emit(briefing_id)
