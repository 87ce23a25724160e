"""The window's tabs, one per entry of the tab registry, each built when it is first needed.

Only the tab in front is built and filled before the first paint; the others are built
right after it (their modules cost ~30 ms to import) and catch up on data and language
when they are shown or used. Nothing here touches PySide6's ``Qt`` namespace (see
:mod:`briefing_app.ui.main_window`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from ..i18n import tr
from .state import ViewerState
from .tab import BriefingTab
from .tabs import TabEntry, load_tab_class

__all__ = ["TabStack", "tab_shortcut", "SNAPSHOT", "LANGUAGE"]

#: what a hidden tab can miss: new data, or a new language
SNAPSHOT, LANGUAGE = "snapshot", "language"


def tab_shortcut(index: int) -> str | None:
    """The key sequence that brings up tab ``index`` (Ctrl+1 … Ctrl+9), or None beyond the ninth."""
    return f"Ctrl+{index + 1}" if index < 9 else None


class TabStack(QTabWidget):
    """A tab widget over ``entries`` (see :mod:`briefing_app.ui.tabs`), building each tab on first use."""

    def __init__(self, state: ViewerState, entries: tuple[TabEntry, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self._entries = entries
        self._built: list[BriefingTab | None] = [None] * len(entries)
        self._stale: dict[int, set[str]] = {}
        for _ in entries:
            self.addTab(QWidget(), "")
        self.currentChanged.connect(self._on_current_changed)

    @property
    def entries(self) -> tuple[TabEntry, ...]:
        """The registry entries, in the order of the tabs."""
        return self._entries

    def tab_at(self, index: int) -> BriefingTab:
        """Tab ``index``, built if need be and brought up to date with what it missed while hidden."""
        tab = self._built[index]
        if tab is None:
            tab = load_tab_class(self._entries[index])(self.state)
            self._built[index] = tab
            current = self.currentIndex()
            placeholder = self.widget(index)
            self.blockSignals(True)
            self.removeTab(index)
            self.insertTab(index, tab, "")
            self.setCurrentIndex(current)
            self.blockSignals(False)
            if placeholder is not None:
                placeholder.deleteLater()
            self._label(index)
            self._stale.setdefault(index, set()).update({SNAPSHOT, LANGUAGE})
        pending = self._stale.pop(index, set())
        if LANGUAGE in pending:
            tab.retranslate()
        if SNAPSHOT in pending and self.state.snapshot is not None:
            tab.set_snapshot(self.state.snapshot)
        return tab

    def tab(self, key: str) -> BriefingTab:
        """The tab of the registry entry ``key``, built and up to date."""
        return self.tab_at(next(i for i, e in enumerate(self._entries) if e.key == key))

    def current_tab(self) -> BriefingTab | None:
        """The tab in front, up to date (None only while the window has no tabs)."""
        index = self.currentIndex()
        return self.tab_at(index) if 0 <= index < len(self._entries) else None

    def current_entry(self) -> TabEntry | None:
        """The registry entry of the tab in front."""
        index = self.currentIndex()
        return self._entries[index] if 0 <= index < len(self._entries) else None

    def show_tab(self, key: str) -> BriefingTab:
        """Bring the tab ``key`` to the front and return it."""
        tab = self.tab(key)
        self.setCurrentWidget(tab)
        return tab

    def mark_stale(self, what: str) -> None:
        """Every tab missed ``what`` (SNAPSHOT or LANGUAGE): the one in front catches up now, the rest when used."""
        for index in range(len(self._entries)):
            self._stale.setdefault(index, set()).add(what)
        self.current_tab()

    def build_next(self) -> bool:
        """Build one tab not built yet; False when all are."""
        for index, tab in enumerate(self._built):
            if tab is None:
                self.tab_at(index)
                return True
        return False

    def select_item(self, section: str, item_id: int) -> bool:
        """Bring up the first tab that has this item, with it selected; False when none has it."""
        for index in range(len(self._entries)):
            tab = self.tab_at(index)
            if section in tab.sections and tab.select_item(section, item_id):
                self.setCurrentIndex(index)
                return True
        return False

    def retranslate(self) -> None:
        """Tab titles, tooltips and accessible names in the state's language."""
        for index in range(len(self._entries)):
            self._label(index)

    def _label(self, index: int) -> None:
        title = tr(self._entries[index].title_key, self.state.lang)
        shortcut = tab_shortcut(index)
        self.setTabText(index, title)
        self.setTabToolTip(index, f"{title} ({shortcut})" if shortcut else title)
        widget = self.widget(index)
        if widget is not None:
            widget.setAccessibleName(title)

    def _on_current_changed(self, index: int) -> None:
        if 0 <= index < len(self._entries):
            self.tab_at(index)
