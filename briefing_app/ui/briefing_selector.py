"""The toolbar's briefing selector: shown only when the open database holds more than one briefing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from ..data.records import BriefingSummary
from ..i18n import tr
from ..text_limits import elide

__all__ = ["BriefingSelector"]


class BriefingSelector(QObject):
    """A label and a combo box added to ``toolbar``; ``briefing_chosen(id)`` when the user picks one."""

    briefing_chosen = Signal(str)

    def __init__(self, toolbar: QToolBar):
        super().__init__(toolbar)
        self.label = QLabel(toolbar)
        self.combo = QComboBox(toolbar)
        self.combo.setObjectName("briefingSelector")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        self._label_action = toolbar.addWidget(self.label)
        self._combo_action = toolbar.addWidget(self.combo)
        self._set_visible(False)
        self.combo.activated.connect(self._on_combo_activated)

    def fill(self, briefings: list[BriefingSummary], current: str | None, lang: str) -> None:
        """List ``briefings`` in ``lang`` with ``current`` chosen; show the selector only for more than one."""
        self.combo.blockSignals(True)
        self.combo.clear()
        for b in briefings:
            self.combo.addItem(f"{elide(b.title(lang))} — {elide(b.period(lang))}", b.id)
        if current is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)
        self._set_visible(len(briefings) > 1)

    def retranslate(self, lang: str) -> None:
        self.label.setText(tr("briefing.selector", lang))
        self.combo.setAccessibleName(tr("briefing.selector.name", lang))

    def _set_visible(self, visible: bool) -> None:
        self._label_action.setVisible(visible)
        self._combo_action.setVisible(visible)

    def _on_combo_activated(self, index: int) -> None:
        briefing_id = self.combo.itemData(index)
        if briefing_id:
            self.briefing_chosen.emit(briefing_id)
