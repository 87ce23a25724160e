"""The main window: menus, toolbar, status bar, and the tabs over one briefing.

Start-up is measured (``benchmarks/run.py``): what the first paint needs is built
first and the rest follows it. Until then nothing here touches PySide6's ``Qt``
namespace (its first use costs ~11 ms): enum-valued properties are set by name,
shortcuts as key sequences (``tests/ui/test_startup.py`` keeps it so).
"""

from __future__ import annotations

import datetime as _dt
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from ..logs import logger
from ..data.snapshot import load_snapshot
from ..data.store import BriefingStore, StoreBusy, StoreError, choose_briefing, open_store
from .live_reload import DatabaseWatcher
from .long_text import elide
from .plain import make_plain, plain_label
from .resources import icon
from .state import ViewerState
from .strings import LANGUAGES, language_name, tr
from .tab import BriefingTab

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from .tabs.achievements_tab import AchievementsTab
    from .tabs.directives_tab import DirectivesTab
    from .tabs.enterprises_tab import EnterprisesTab
    from .tabs.indicators_tab import IndicatorsTab
    from .tabs.limitations_tab import LimitationsTab
    from .tabs.overview_tab import OverviewTab
    from .tabs.source_tab import SourceTab

__all__ = ["MainWindow"]

MAX_RECENT = 8
OVERVIEW, INDICATORS, ACHIEVEMENTS, LIMITATIONS, DIRECTIVES, ENTERPRISES, SOURCE = range(7)
#: (module, class, title key) of each tab, in order; a tab's module is imported when the tab is built.
TABS = (
    ("overview_tab", "OverviewTab", "tab.overview"),
    ("indicators_tab", "IndicatorsTab", "tab.indicators"),
    ("achievements_tab", "AchievementsTab", "tab.achievements"),
    ("limitations_tab", "LimitationsTab", "tab.limitations"),
    ("directives_tab", "DirectivesTab", "tab.directives"),
    ("enterprises_tab", "EnterprisesTab", "tab.enterprises"),
    ("source_tab", "SourceTab", "tab.source"),
)
#: How long a read may wait for another program's lock before we step back and retry.
READ_TIMEOUT_S = 0.02
BUSY_RETRY_MS = 150
#: Building hidden tabs, printing and search waits this long after the first paint.
AFTER_PAINT_DELAY_MS = 150
DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")


class MainWindow(QMainWindow):
    """One window over one briefing database, opened read-only.

    ``first_painted`` is emitted once, right after the window's first paint: work that can
    wait (other tabs, printing, search, pyqtgraph, font checks) starts then.
    """

    first_painted = Signal()

    def __init__(self, state: ViewerState, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self._store: BriefingStore | None = None
        self._loaded_at: _dt.datetime | None = None
        self._refreshed_at: _dt.datetime | None = None
        self._problem: str | None = None
        # Printing and search add their actions and widgets when first needed (see the properties).
        self._print_controller = None
        self._search_controller = None
        self.watcher = DatabaseWatcher(self)
        self.setObjectName("MainWindow")
        self.setWindowIcon(icon("briefing-app.svg"))
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        # Only the tab in front is built and filled before the first paint; the others are built
        # right after it (their modules cost ~30 ms to import) and catch up on data and language
        # when they are shown or used.
        self._tab_objects: list[BriefingTab | None] = [None] * len(TABS)
        self._stale: dict[int, set[str]] = {}
        for _ in TABS:
            self.tabs.addTab(QWidget(), "")
        self.setCentralWidget(self.tabs)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self._connect_signals()
        self.retranslate()
        self._restore_settings()
        self._tab(self.tabs.currentIndex())
        # The rest waits for the first paint (a zero timer would run before it): the hidden tabs,
        # printing and search (QtPrintSupport and the report alone cost ~45 ms to import) and pyqtgraph.
        self._first_paint_seen = False
        self.tabs.tabBar().installEventFilter(self)

    # ------------------------------------------------------------ building
    def _create_actions(self) -> None:
        def action(shortcut: str | None = None, icon_name: str | None = None) -> QAction:
            act = QAction(self)
            if shortcut is not None:
                # setShortcuts with a list: setShortcut's overloads would initialise the Qt namespace.
                act.setShortcuts([QKeySequence(shortcut)])
            if icon_name:
                act.setIcon(icon(icon_name))
            self.addAction(act)
            return act

        self.open_action = action("Ctrl+O", "open.svg")
        self.reload_action = action("F5", "reload.svg")
        self.search_action = action("Ctrl+F", "search.svg")
        self.print_action = action("Ctrl+P", "print.svg")
        self.quit_action = action("Ctrl+Q")
        self.copy_action = action("Ctrl+C")
        self.shortcuts_action = action("F1")
        self.about_action = action()
        self.clear_recent_action = action()
        self.tab_actions = []
        for index in range(len(TABS)):
            act = action(f"Ctrl+{index + 1}")
            act.setData(index)
            self.tab_actions.append(act)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            act = QAction(language_name(lang), self)
            act.setCheckable(True)
            act.setData(lang)
            self.language_group.addAction(act)
            self.language_actions[lang] = act
        self.language_actions[self.state.lang].setChecked(True)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addAction(self.reload_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addAction(self.search_action)
        self.view_menu = bar.addMenu("")
        for act in self.tab_actions:
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        for act in self.language_actions.values():
            self.language_menu.addAction(act)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
        self.toolbar.addAction(self.open_action)
        self.toolbar.addAction(self.reload_action)
        self.toolbar.addAction(self.print_action)
        self.toolbar.addSeparator()
        self.briefing_label = QLabel(self)
        self.briefing_combo = QComboBox(self)
        self.briefing_combo.setObjectName("briefingSelector")
        self.briefing_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.briefing_label.setBuddy(self.briefing_combo)
        self._briefing_label_action = self.toolbar.addWidget(self.briefing_label)
        self._briefing_combo_action = self.toolbar.addWidget(self.briefing_combo)
        self._set_selector_visible(False)
        self.addToolBar(self.toolbar)

    def _create_status_bar(self) -> None:
        status = self.statusBar()
        self.database_status = plain_label("", wrap=False, selectable=False)
        self.database_status.setObjectName("databaseStatus")
        self.briefing_status = plain_label("", wrap=False, selectable=False)
        self.loaded_status = plain_label("", wrap=False, selectable=False)
        self.loaded_status.setObjectName("loadedStatus")
        self.problem_status = plain_label("", wrap=False, selectable=False)
        self.problem_status.setObjectName("problemStatus")
        status.addPermanentWidget(self.problem_status)
        status.addPermanentWidget(self.database_status)
        status.addPermanentWidget(self.briefing_status, 1)
        status.addPermanentWidget(self.loaded_status)

    def _connect_signals(self) -> None:
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.reload_action.triggered.connect(self.reload)
        self.watcher.database_changed.connect(self._on_watcher_database_changed)
        # Printing and search are built after the first paint; these build them if pressed sooner.
        self.print_action.triggered.connect(lambda _checked=False: self.print_controller._on_print_action_triggered())
        self.search_action.triggered.connect(lambda _checked=False: self.search_controller._on_search_action_triggered())
        self.quit_action.triggered.connect(self.close)
        self.copy_action.triggered.connect(self.copy_selection)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.clear_recent_action.triggered.connect(self._on_clear_recent_action_triggered)
        for act in self.tab_actions:
            act.triggered.connect(lambda _checked=False, a=act: self.tabs.setCurrentIndex(a.data()))
        self.language_group.triggered.connect(self._on_language_group_triggered)
        self.briefing_combo.activated.connect(self._on_briefing_combo_activated)
        self.state.language_changed.connect(self._on_state_language_changed)
        self.state.item_requested.connect(self._on_state_item_requested)
        self.state.source_requested.connect(self._on_state_source_requested)
        self.state.chart_print_requested.connect(
            lambda spec, kind: self.print_controller.print_chart(spec, kind))
        self.state.snapshot_changed.connect(self._on_state_snapshot_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    # ------------------------------------------------------------ after the first paint
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._first_paint_seen:
            self._first_paint_seen = True
            watched.removeEventFilter(self)
            # The first tab's charts go first; the rest of the start-up work follows them.
            QTimer.singleShot(AFTER_PAINT_DELAY_MS, self, self._after_first_paint)
            QTimer.singleShot(0, self, self.first_painted.emit)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        self.print_controller  # noqa: B018 - the properties build them
        self.search_controller  # noqa: B018
        self._build_remaining_tabs()

    @staticmethod
    def _preload_charts() -> None:
        """Import pyqtgraph while idle, so no tab switch waits ~190 ms for it later."""
        importlib.import_module("pyqtgraph")

    @property
    def print_controller(self):
        if self._print_controller is None:
            from .print_controller import PrintController

            self._print_controller = PrintController(self)
        return self._print_controller

    @property
    def search_controller(self):
        if self._search_controller is None:
            from .search_panel import SearchController

            self._search_controller = SearchController(self)
            self.state.language_changed.connect(lambda _lang: self._search_controller.retranslate())
        return self._search_controller

    # ------------------------------------------------------------ tabs
    def _on_state_snapshot_changed(self, _snapshot: object) -> None:
        for index in range(len(TABS)):
            self._stale.setdefault(index, set()).add("snapshot")
        self._tab(self.tabs.currentIndex())

    def _on_tabs_current_changed(self, index: int) -> None:
        if 0 <= index < len(TABS):
            self._tab(index)

    def _tab(self, index: int) -> BriefingTab:
        """Tab ``index``, built if need be and brought up to date with what it missed while hidden."""
        tab = self._tab_objects[index]
        if tab is None:
            module_name, class_name, _key = TABS[index]
            module = importlib.import_module(f".tabs.{module_name}", __package__)
            tab = getattr(module, class_name)(self.state)
            self._tab_objects[index] = tab
            current = self.tabs.currentIndex()
            placeholder = self.tabs.widget(index)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, "")
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            placeholder.deleteLater()
            self._label_tab(index)
            self._stale.setdefault(index, set()).update({"snapshot", "language"})
        pending = self._stale.pop(index, set())
        if "language" in pending:
            tab.retranslate()
        if "snapshot" in pending and self.state.snapshot is not None:
            tab.set_snapshot(self.state.snapshot)
        return tab

    def _label_tab(self, index: int) -> None:
        title = tr(TABS[index][2], self.state.lang)
        self.tabs.setTabText(index, title)
        self.tabs.setTabToolTip(index, f"{title} (Ctrl+{index + 1})")
        self.tabs.widget(index).setAccessibleName(title)
        self.tab_actions[index].setText(title)

    def _build_remaining_tabs(self) -> None:
        """After the first paint, build the hidden tabs one per event-loop turn."""
        for index, tab in enumerate(self._tab_objects):
            if tab is None:
                self._tab(index)
                QTimer.singleShot(0, self, self._build_remaining_tabs)
                return
        QTimer.singleShot(0, self, self._preload_charts)

    @property
    def tab_list(self) -> list[BriefingTab]:
        return [self._tab(index) for index in range(len(TABS))]

    @property
    def overview_tab(self) -> "OverviewTab":
        return self._tab(OVERVIEW)

    @property
    def indicators_tab(self) -> "IndicatorsTab":
        return self._tab(INDICATORS)

    @property
    def achievements_tab(self) -> "AchievementsTab":
        return self._tab(ACHIEVEMENTS)

    @property
    def limitations_tab(self) -> "LimitationsTab":
        return self._tab(LIMITATIONS)

    @property
    def directives_tab(self) -> "DirectivesTab":
        return self._tab(DIRECTIVES)

    @property
    def enterprises_tab(self) -> "EnterprisesTab":
        return self._tab(ENTERPRISES)

    @property
    def source_tab(self) -> "SourceTab":
        return self._tab(SOURCE)

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        lang = self.state.lang
        self.file_menu.setTitle(tr("menu.file", lang))
        self.edit_menu.setTitle(tr("menu.edit", lang))
        self.view_menu.setTitle(tr("menu.view", lang))
        self.help_menu.setTitle(tr("menu.help", lang))
        self.recent_menu.setTitle(tr("menu.recent", lang))
        self.language_menu.setTitle(tr("menu.language", lang))
        for act, key in ((self.open_action, "action.open"), (self.reload_action, "action.reload"),
                         (self.search_action, "action.search"), (self.print_action, "action.print"),
                         (self.quit_action, "action.quit"), (self.copy_action, "action.copy"),
                         (self.shortcuts_action, "action.shortcuts"), (self.about_action, "action.about"),
                         (self.clear_recent_action, "action.clear_recent")):
            act.setText(tr(key, lang))
            act.setToolTip(tr(key, lang).replace("&", "").rstrip("…"))
        for index in range(len(TABS)):
            self._label_tab(index)
        self.toolbar.setWindowTitle(tr("toolbar.main", lang))
        self.briefing_label.setText(tr("briefing.selector", lang))
        self.briefing_combo.setAccessibleName(tr("briefing.selector.name", lang))
        self.tabs.setAccessibleName("tabs")
        self._fill_briefing_combo()
        self._rebuild_recent_menu()
        self._update_status()
        self._update_title()

    def _update_title(self) -> None:
        snapshot = self.state.snapshot
        name = tr("app.name", self.state.lang)
        if snapshot is None:
            self.setWindowTitle(name)
        else:
            self.setWindowTitle(f"{elide(snapshot.briefing.title(self.state.lang))} — {name}")

    def _update_status(self) -> None:
        lang = self.state.lang
        if self._store is None:
            self.database_status.setText(tr("status.none", lang))
            self.briefing_status.setText("")
            self.loaded_status.setText("")
            return
        self.database_status.setText(database_label(self._store.path, lang))
        self.database_status.setToolTip(str(self._store.path.absolute()))
        snapshot = self.state.snapshot
        self.briefing_status.setText(elide(snapshot.briefing.title(lang)) if snapshot else "")
        loaded = ""
        if self._refreshed_at is not None:
            loaded = tr("status.refreshed", lang, time=self._refreshed_at.strftime("%H:%M:%S"))
        elif self._loaded_at is not None:
            loaded = tr("status.loaded", lang, time=self._loaded_at.strftime("%H:%M:%S"))
        if self._store.immutable:
            # Read as a fixed file (its folder cannot be written): say that changes are not followed.
            loaded += " — " + tr("status.fixed_wal" if self._store.unread_wal else "status.fixed", lang)
        self.loaded_status.setText(loaded)
        if self._problem == "busy":
            self.problem_status.setText(tr("status.busy", lang))
        elif self._problem:
            when = (self._refreshed_at or self._loaded_at or _dt.datetime.now()).strftime("%H:%M:%S")
            self.problem_status.setText(tr("status.kept", lang, problem=self._problem, time=when))
        else:
            self.problem_status.setText("")
        self.problem_status.setVisible(bool(self._problem))

    # ------------------------------------------------------------ databases
    @property
    def database_path(self) -> Path | None:
        return self._store.path if self._store else None

    def open_database(self, path: Path | str, *, quiet: bool = False) -> bool:
        """Open a briefing database; on failure say what and where, and keep the current one."""
        path = Path(path)
        try:
            store = open_store(path, timeout=READ_TIMEOUT_S)
            try:
                briefings = store.briefing_summaries()
                previous = self.state.snapshot.briefing.id if self.state.snapshot else None
                snapshot = load_snapshot(store, choose_briefing(store, keep=previous))
            except StoreError:
                store.close()
                raise
        except StoreBusy:
            # Another program is writing: say so and try again shortly, never freezing the window.
            self._problem = "busy"
            self._update_status()
            QTimer.singleShot(BUSY_RETRY_MS, self, lambda: self.open_database(path, quiet=quiet))
            return False
        except StoreError as exc:
            logger.warning("cannot open %s: %s", path, exc.problem)
            if not quiet:
                self._show_open_error(exc)
            return False
        logger.info("opened %s (briefing %s)", path.absolute(), snapshot.briefing.id)
        if self._store is not None:
            self._store.close()
        self._store = store
        self._briefings = briefings
        self._loaded_at = _dt.datetime.now()
        self._refreshed_at = None
        self._problem = None
        self._watch(store)
        self.state.set_snapshot(snapshot)
        self._fill_briefing_combo()
        self._add_recent(path)
        self.settings.setValue("last_database", str(path.absolute()))
        self._update_status()
        self._update_title()
        return True

    def _watch(self, store: BriefingStore) -> None:
        """Follow changes on disk, unless the store reads a fixed file (a read-only folder's WAL database)."""
        if store.immutable:
            self.watcher.watch(None)
        elif self.watcher.path != store.path.absolute():
            self.watcher.watch(store.path)
        else:
            self.watcher.acknowledge()

    def _show_open_error(self, exc: StoreError) -> None:
        from PySide6.QtWidgets import QMessageBox

        lang = self.state.lang
        box = QMessageBox(QMessageBox.Icon.Warning, tr("dialog.open_failed.title", lang), "", parent=self)
        make_plain(box)
        text = f"{exc.path}\n\n{exc.problem}"
        if self._store is not None:
            text += "\n\n" + tr("dialog.open_failed.kept", lang, name=self._store.path.name)
        box.setText(text)
        box.setObjectName("openErrorBox")
        box.open()
        self._last_error_box = box

    def reload(self) -> None:
        """Read the open database again, keeping the tab and selections."""
        self.refresh_from_disk(force=True)

    def _on_watcher_database_changed(self) -> None:
        self.refresh_from_disk()

    def refresh_from_disk(self, force: bool = False) -> None:
        """Show what is now on disk, keeping tab, selection and scroll position.

        Never blocks: a read that would wait for another program's lock gives up
        after a few milliseconds and is retried shortly. A file that went missing,
        was truncated or replaced by something else leaves the last good data on
        screen, with a plain message; the watcher reloads when a good file returns.
        """
        if self._store is None:
            return
        path = self._store.path
        previous = self.state.snapshot
        try:
            store = open_store(path, timeout=READ_TIMEOUT_S)
            try:
                briefings = store.briefing_summaries()
                snapshot = load_snapshot(store, choose_briefing(store, keep=previous.briefing.id if previous else None))
            except StoreError:
                store.close()
                raise
        except StoreBusy:
            self._problem = "busy"
            self._update_status()
            QTimer.singleShot(BUSY_RETRY_MS, self, self.refresh_from_disk)
            return
        except StoreError as exc:
            self._problem = f"{exc.path.name}: {exc.problem}"
            self._update_status()
            return
        self._store.close()
        self._store = store
        self._watch(store)
        self._briefings = briefings
        self._problem = None
        self._refreshed_at = _dt.datetime.now()
        if force or snapshot != previous:
            self.state.set_snapshot(snapshot)
            self._fill_briefing_combo()
        self._update_status()
        self._update_title()

    def select_briefing(self, briefing_id: str) -> None:
        if self._store is None:
            return
        try:
            snapshot = load_snapshot(self._store, briefing_id)
        except StoreError as exc:
            self._show_open_error(exc)
            return
        self.state.set_snapshot(snapshot)
        self._update_status()
        self._update_title()

    def _fill_briefing_combo(self) -> None:
        briefings = getattr(self, "_briefings", [])
        self.briefing_combo.blockSignals(True)
        self.briefing_combo.clear()
        for b in briefings:
            self.briefing_combo.addItem(f"{elide(b.title(self.state.lang))} — {elide(b.period(self.state.lang))}", b.id)
        snapshot = self.state.snapshot
        if snapshot is not None:
            self.briefing_combo.setCurrentIndex(max(0, self.briefing_combo.findData(snapshot.briefing.id)))
        self.briefing_combo.blockSignals(False)
        self._set_selector_visible(len(briefings) > 1)

    def _set_selector_visible(self, visible: bool) -> None:
        self._briefing_label_action.setVisible(visible)
        self._briefing_combo_action.setVisible(visible)

    # ------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: Path) -> None:
        entry = str(path.absolute())
        recent = [entry] + [p for p in self.recent_files() if p != entry]
        self.settings.setValue("recent_files", recent[:MAX_RECENT])
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for index, entry in enumerate(recent):
            act = self.recent_menu.addAction(f"&{index + 1} {Path(entry).name}")
            act.setToolTip(entry)
            act.setData(entry)
            act.triggered.connect(lambda _checked=False, p=entry: self.open_database(p))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(recent))

    # ------------------------------------------------------------ slots
    def _on_open_action_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        lang = self.state.lang
        start = str(self._store.path.parent) if self._store else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, tr("dialog.open.title", lang), start,
                                              tr("dialog.open.filter", lang))
        if path:
            self.open_database(path)

    def _on_clear_recent_action_triggered(self) -> None:
        self.settings.setValue("recent_files", [])
        self._rebuild_recent_menu()

    def _on_about_action_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .. import version

        box = QMessageBox(QMessageBox.Icon.Information, tr("app.name", self.state.lang),
                          tr("dialog.about.text", self.state.lang, version=version()), parent=self)
        make_plain(box)
        box.open()
        self._about_box = box

    def _on_language_group_triggered(self, act: QAction) -> None:
        self.state.set_language(act.data())

    def _on_state_language_changed(self, lang: str) -> None:
        for index in range(len(TABS)):
            self._stale.setdefault(index, set()).add("language")
        self._tab(self.tabs.currentIndex())
        self.language_actions[lang].setChecked(True)
        self.settings.setValue("language", lang)
        self.retranslate()

    def _on_briefing_combo_activated(self, index: int) -> None:
        briefing_id = self.briefing_combo.itemData(index)
        if briefing_id:
            self.select_briefing(briefing_id)

    def _on_state_item_requested(self, section: str, item_id: int) -> None:
        for index in range(len(TABS)):
            tab = self._tab(index)
            if section in tab.sections and tab.select_item(section, item_id):
                self.tabs.setCurrentIndex(index)
                return

    def _on_state_source_requested(self, offset: int, length: int) -> None:
        self.tabs.setCurrentIndex(SOURCE)
        self.source_tab.highlight(offset, length)

    def copy_selection(self) -> None:
        """Copy the current tab's selected rows as tab-separated text and as an HTML table."""
        tab = self.tabs.currentWidget()
        rows = tab.copy_rows() if isinstance(tab, BriefingTab) else None
        lang = self.state.lang
        if not rows or not rows[1]:
            self.statusBar().showMessage(tr("status.nothing_to_copy", lang), 3000)
            return
        headers, body = rows
        from .clipboard import rows_to_mime

        QApplication.clipboard().setMimeData(rows_to_mime(headers, body))
        self.statusBar().showMessage(tr("status.copied", lang, n=len(body)), 3000)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        lang = self.state.lang
        return [
            ("Ctrl+1 … Ctrl+7", tr("shortcut.tabs", lang)),
            ("Ctrl+O", tr("shortcut.open", lang)),
            ("F5", tr("shortcut.reload", lang)),
            ("Ctrl+F", tr("shortcut.search", lang)),
            ("Ctrl+P", tr("shortcut.print", lang)),
            ("Ctrl+Shift+P", tr("shortcut.preview", lang)),
            ("Ctrl+Shift+E", tr("shortcut.export_pdf", lang)),
            ("Ctrl+C", tr("shortcut.copy", lang)),
            ("Ctrl+Q", tr("shortcut.quit", lang)),
            ("F1", tr("shortcut.help", lang)),
        ]

    def show_shortcuts(self):
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

        lang = self.state.lang
        dialog = QDialog(self)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle(tr("dialog.shortcuts.title", lang))
        table = QTableWidget(0, 2, dialog)
        table.setObjectName("shortcutsTable")
        table.setAccessibleName(tr("dialog.shortcuts.title", lang))
        table.setHorizontalHeaderLabels(["", ""])
        table.horizontalHeader().setVisible(False)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for keys, meaning in self.shortcut_rows():
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(meaning))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(460, 340)
        dialog.open()
        self._shortcuts_dialog = dialog
        return dialog

    # ------------------------------------------------------------ drag and drop
    @staticmethod
    def _dropped_database(urls: list[QUrl]) -> Path | None:
        for url in urls:
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in DB_SUFFIXES:
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and self._dropped_database(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = self._dropped_database(event.mimeData().urls()) if event.mimeData().hasUrls() else None
        if path is not None:
            event.acceptProposedAction()
            self.open_database(path)

    # ------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        try:
            index = int(self.settings.value("last_tab", 0))
        except (TypeError, ValueError):
            index = 0
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("last_tab", self.tabs.currentIndex())
        self.settings.setValue("language", self.state.lang)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_settings()
        self.watcher.watch(None)
        if self._store is not None:
            self._store.close()
            self._store = None
        super().closeEvent(event)


def database_label(path: Path, lang: str) -> str:
    """Which database is open and where, for the status bar: the user's library, the bundled one, or a file in a folder."""
    from ..paths import bundled_database, library_path

    path = path.absolute()
    if path == library_path().absolute():
        return tr("status.library", lang, name=path.name)
    if path == bundled_database().absolute():
        return tr("status.bundled", lang, name=path.name)
    folder = str(path.parent)
    home = str(Path.home())
    if folder == home or folder.startswith(home + "/"):
        folder = "~" + folder[len(home):]
    if len(folder) > 48:  # the tooltip has the whole path
        folder = folder[:16] + "…" + folder[-31:]
    return tr("status.database", lang, name=path.name, folder=folder)

