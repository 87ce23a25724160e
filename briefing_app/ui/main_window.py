"""The main window: menus, toolbar, status bar, and the tabs over one briefing.

What the window shows comes from its :class:`~.session.DatabaseSession` (the open
database, live reload, busy retries, the briefing chosen); its tabs are a
:class:`~.tab_stack.TabStack` over the tab registry (:mod:`briefing_app.ui.tabs`).
The window places them, wires them in :meth:`MainWindow._connect_signals`, and
answers the user's menus, dialogs and drops.

Start-up is measured (``benchmarks/run.py``): what the first paint needs is built
first and the rest follows it. Until then nothing here touches PySide6's ``Qt``
namespace (its first use costs ~11 ms): enum-valued properties are set by name,
shortcuts as key sequences (``tests/ui/test_startup.py`` keeps it so).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QMenu, QSizePolicy, QToolBar, QWidget

from ..data.snapshot import Snapshot
from ..data.store import StoreError
from ..i18n import LANGUAGES, language_name, tr
from ..text_limits import TOOLTIP_CHARS, elide
from . import tabs as tab_registry
from .briefing_selector import BriefingSelector
from .database_status import DatabaseStatus
from .long_lived import Settler
from .qt_language import apply_qt_language, use_qt_dialogs
from .recent_files import RecentFiles
from .resources import icon
from .session import DatabaseSession
from .state import ViewerState
from .tab_stack import LANGUAGE, SNAPSHOT, TabStack, tab_shortcut

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from .print_controller import PrintController
    from .search_panel import SearchController
    from .shortcuts_dialog import ShortcutsDialog
    from .table_export import TableExportController
    from .tabs.achievements_tab import AchievementsTab
    from .tabs.directives_tab import DirectivesTab
    from .tabs.enterprises_tab import EnterprisesTab
    from .tabs.indicators_tab import IndicatorsTab
    from .tabs.limitations_tab import LimitationsTab
    from .tabs.overview_tab import OverviewTab
    from .tabs.source_tab import SourceTab

__all__ = ["MainWindow"]

#: Building hidden tabs, printing and search waits this long after the first paint.
AFTER_PAINT_DELAY_MS = 150
DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")


class MainWindow(QMainWindow):
    """One window over one briefing database, opened read-only.

    ``first_painted`` is emitted once, right after the window's first paint (the first tab's charts are
    built then). ``start_followed`` is emitted once, :data:`AFTER_PAINT_DELAY_MS` later, when those charts
    have been shown: the work that can wait (other tabs, printing, search, pyqtgraph) starts then.
    ``startup_database`` is what the command line asked to open (see ``app.open_startup_database``).
    """

    first_painted = Signal()
    start_followed = Signal()

    def __init__(self, state: ViewerState, settings: QSettings, parent: QWidget | None = None, *,
                 startup_database: Path | None = None):
        super().__init__(parent)
        # Before any widget exists, so installing Qt's translation sends no widget a LanguageChange.
        apply_qt_language(state.lang)
        self.state = state
        self.settings = settings
        self._startup_database = startup_database
        self.session = DatabaseSession(self)
        self._settler = Settler(self)  # the loaded briefing, set apart from the cycle collector (long_lived)
        # Printing and search add their actions and widgets when first needed (see the properties).
        self._print_controller: PrintController | None = None
        self._table_export: TableExportController | None = None
        self._search_controller: SearchController | None = None
        self.setObjectName("MainWindow")
        self.setWindowIcon(icon("briefing-app.svg"))
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.tabs = TabStack(state, tab_registry.TABS, self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self.database_info = DatabaseStatus(self.statusBar())
        self.database_status, self.briefing_status = self.database_info.database, self.database_info.briefing
        self.loaded_status, self.problem_status = self.database_info.loaded, self.database_info.problem
        self._connect_signals()
        self.retranslate()
        self._restore_settings()
        self.tabs.current_tab()
        # The rest waits for the first paint (a zero timer would run before it): the hidden tabs,
        # printing and search (QtPrintSupport and the report alone cost ~45 ms to import) and pyqtgraph.
        self._first_paint_seen = False
        self.tabs.tabBar().installEventFilter(self)

    @property
    def startup_database(self) -> Path | None:
        return self._startup_database

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
        self.new_from_article_action = action()
        self.open_draft_action = action()
        self.search_action = action("Ctrl+F", "search.svg")
        self.print_action = action("Ctrl+P", "print.svg")
        self.quit_action = action("Ctrl+Q")
        self.copy_action = action("Ctrl+C")
        self.shortcuts_action = action("F1")
        # Print Preview and Export PDF are the print controller's, built after the first paint; until then these
        # take their keys and build it (see print_controller: they leave then, as two actions with one key
        # would both be ambiguous).
        self._early_print_actions: list[QAction] = []
        for keys, name in (("Ctrl+Shift+P", "preview_action"), ("Ctrl+Shift+E", "export_pdf_action")):
            early = action(keys)
            early.triggered.connect(lambda _checked=False, name=name: getattr(self.print_controller, name).trigger())
            self._early_print_actions.append(early)
        self.about_action = action()
        self.clear_recent_action = action()
        # "Compare with…" opens a list of the other briefings; "Stop comparing" clears the choice.
        self.compare_menu = QMenu(self)
        self.compare_menu.setObjectName("compareMenu")
        self.compare_action = self.compare_menu.menuAction()
        self.compare_action.setObjectName("compareAction")
        self.compare_action.setIcon(icon("compare.svg"))
        self.compare_group = QActionGroup(self)
        self.compare_group.setExclusive(True)
        self._compare_choices_stale = True
        self.stop_compare_action = action()
        self.stop_compare_action.setObjectName("stopCompareAction")
        self.tab_actions = []
        for index, _entry in enumerate(self.tabs.entries):
            act = action(tab_shortcut(index))
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
        self.recent = RecentFiles(self.settings, self.recent_menu, self.clear_recent_action, self)
        self.file_menu.addAction(self.reload_action)
        self.file_menu.addAction(self.new_from_article_action)
        self.file_menu.addAction(self.open_draft_action)
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
        self.view_menu.addMenu(self.compare_menu)  # "Stop comparing" ends its list of briefings
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
        self.toolbar.addAction(self.compare_action)
        compare_button = self.toolbar.widgetForAction(self.compare_action)
        if compare_button is not None:
            compare_button.setObjectName("compareButton")
            compare_button.setProperty("popupMode", "InstantPopup")  # by name: see the module's docstring
            # An icon, its words in the tooltip: with them the search box left a 640 px wide toolbar.
            compare_button.setProperty("toolButtonStyle", "ToolButtonIconOnly")
        self.toolbar.addSeparator()
        # The selector and the search box share one widget that takes the toolbar's remaining width:
        # the toolbar moves items that do not fit into its overflow menu from the end, so the search
        # box, last, went there whenever the selector grew (Ctrl+F then focused nothing). Inside this
        # widget the selector gives way first and the search box keeps its width.
        self.toolbar_tail = QWidget(self.toolbar)
        self.toolbar_tail.setObjectName("toolbarTail")
        self.toolbar_tail.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tail = QHBoxLayout(self.toolbar_tail)
        tail.setContentsMargins(0, 0, 0, 0)
        self.briefing_selector = BriefingSelector(self.toolbar_tail, tail)
        self.briefing_combo = self.briefing_selector.combo
        tail.addStretch(1)
        self.toolbar.addWidget(self.toolbar_tail)
        self.addToolBar(self.toolbar)

    def add_toolbar_field(self, widget: QWidget) -> None:
        """Place ``widget`` (the search box) at the toolbar's right end, where it is never in the overflow."""
        layout = self.toolbar_tail.layout()
        if layout is not None:
            layout.addWidget(widget)
            # Shown now, not on the layout's next turn: Ctrl+F pressed before the search was built (it is,
            # after the first paint) builds it and focuses its field at once, which a hidden field cannot take.
            widget.show()

    def _connect_signals(self) -> None:
        session = self.session
        session.snapshot_loaded.connect(self._on_session_snapshot_loaded)
        session.database_opened.connect(self._on_session_database_opened)
        session.open_failed.connect(self._on_session_open_failed)
        session.problem_changed.connect(self._update_status)
        session.refreshed.connect(self._on_session_refreshed)
        self.recent.file_chosen.connect(self.open_database)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.reload_action.triggered.connect(self.reload)
        self.new_from_article_action.triggered.connect(self._on_new_from_article_action_triggered)
        self.open_draft_action.triggered.connect(self._on_open_draft_action_triggered)
        # Printing and search are built after the first paint; these build them if pressed sooner.
        self.print_action.triggered.connect(lambda _checked=False: self.print_controller.print_pack())
        self.search_action.triggered.connect(lambda _checked=False: self.search_controller.focus_field())
        self.quit_action.triggered.connect(self.close)
        self.copy_action.triggered.connect(self.copy_selection)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        for act in self.tab_actions:
            act.triggered.connect(lambda _checked=False, a=act: self.tabs.setCurrentIndex(a.data()))
        self.language_group.triggered.connect(self._on_language_group_triggered)
        self.briefing_selector.briefing_chosen.connect(session.select_briefing)
        self.compare_group.triggered.connect(self._on_compare_group_triggered)
        self.compare_menu.aboutToShow.connect(self._on_compare_menu_about_to_show)
        self.stop_compare_action.triggered.connect(lambda _checked=False: self.state.set_compare_with(None))
        self.state.comparison_changed.connect(self._on_state_comparison_changed)
        self.state.language_changed.connect(self._on_state_language_changed)
        self.state.item_requested.connect(self.tabs.select_item)
        self.state.source_requested.connect(self._on_state_source_requested)
        self.state.chart_print_requested.connect(
            lambda spec, kind: self.print_controller.print_chart(spec, kind))
        self.state.snapshot_changed.connect(lambda _snapshot: self.tabs.mark_stale(SNAPSHOT))

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
        self.start_followed.emit()
        use_qt_dialogs()
        self.print_controller  # noqa: B018 - the properties build them
        self.table_export  # noqa: B018
        self.search_controller  # noqa: B018
        self._build_remaining_tabs()

    def _build_remaining_tabs(self) -> None:
        """After the first paint, build the hidden tabs one per event-loop turn, then load pyqtgraph."""
        if self.tabs.build_next():
            QTimer.singleShot(0, self, self._build_remaining_tabs)
        else:
            # Import pyqtgraph while idle, so no tab switch waits ~190 ms for it later.
            QTimer.singleShot(0, self, lambda: importlib.import_module("pyqtgraph"))

    @property
    def print_controller(self) -> PrintController:
        """File → Print, Print Preview and Export PDF (built on first use)."""
        if self._print_controller is None:
            from .print_controller import PrintController

            for early in self._early_print_actions:  # the controller's own actions take these keys
                self.removeAction(early)
                early.deleteLater()
            self._early_print_actions.clear()
            self._print_controller = PrintController(self)
        return self._print_controller

    @property
    def table_export(self) -> TableExportController:
        """File → Export Table… (built after the first paint, like printing)."""
        if self._table_export is None:
            from .table_export import TableExportController

            self._table_export = TableExportController(self)
        return self._table_export

    @property
    def search_controller(self) -> SearchController:
        """The search field and its results (built on first use)."""
        if self._search_controller is None:
            from .search_panel import SearchController

            self._search_controller = SearchController(self)
        return self._search_controller

    # ------------------------------------------------------------ tabs
    @property
    def overview_tab(self) -> OverviewTab:
        return cast("OverviewTab", self.tabs.tab("overview"))

    @property
    def indicators_tab(self) -> IndicatorsTab:
        return cast("IndicatorsTab", self.tabs.tab("indicators"))

    @property
    def achievements_tab(self) -> AchievementsTab:
        return cast("AchievementsTab", self.tabs.tab("achievements"))

    @property
    def limitations_tab(self) -> LimitationsTab:
        return cast("LimitationsTab", self.tabs.tab("limitations"))

    @property
    def directives_tab(self) -> DirectivesTab:
        return cast("DirectivesTab", self.tabs.tab("directives"))

    @property
    def enterprises_tab(self) -> EnterprisesTab:
        return cast("EnterprisesTab", self.tabs.tab("enterprises"))

    @property
    def source_tab(self) -> SourceTab:
        return cast("SourceTab", self.tabs.tab("source"))

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
                         (self.new_from_article_action, "action.new_from_article"),
                         (self.open_draft_action, "action.open_draft"),
                         (self.search_action, "action.search"), (self.print_action, "action.print"),
                         (self.quit_action, "action.quit"), (self.copy_action, "action.copy"),
                         (self.shortcuts_action, "action.shortcuts"), (self.about_action, "action.about"),
                         (self.clear_recent_action, "action.clear_recent"),
                         (self.compare_action, "action.compare_with"),
                         (self.stop_compare_action, "action.stop_comparing")):
            act.setText(tr(key, lang))
            act.setToolTip(tr(key, lang).replace("&", "").rstrip("…"))
        self.tabs.retranslate()
        for act, entry in zip(self.tab_actions, self.tabs.entries, strict=True):
            act.setText(tr(entry.title_key, lang))
        self.toolbar.setWindowTitle(tr("toolbar.main", lang))
        self.briefing_selector.retranslate(lang)
        self.tabs.setAccessibleName("tabs")
        self._fill_briefing_combo()
        self._fill_compare_menu()
        self.recent.rebuild()
        self._update_status()
        self._update_title()

    def _update_title(self) -> None:
        snapshot = self.state.snapshot
        name = tr("app.name", self.state.lang)
        if snapshot is None:
            self.setWindowTitle(name)
        else:
            self.setWindowTitle(f"{elide(snapshot.briefing.title(self.state.lang))} — {name}")

    def _update_status(self, *_args: object) -> None:
        self.database_info.show(self.session, self.state.lang)

    # ------------------------------------------------------------ databases
    def open_database(self, path: Path | str, *, quiet: bool = False) -> bool:
        """Open a briefing database; on failure say what and where (unless ``quiet``), and keep the current one."""
        return self.session.open(path, quiet=quiet)

    def reload(self) -> None:
        """Read the open database again, keeping the tab and selections (F5)."""
        self.session.reload()

    def _fill_briefing_combo(self) -> None:
        snapshot = self.state.snapshot
        self.briefing_selector.fill(self.session.briefings, snapshot.briefing.id if snapshot else None,
                                    self.state.lang)

    def _fill_compare_menu(self) -> None:
        """Enable "Compare with…" only when there is another briefing to compare with; its list is made when
        the menu opens (:meth:`compare_choices`): 200 briefings are 200 actions, ~3 ms of every start."""
        lang, snapshot = self.state.lang, self.state.snapshot
        self._compare_choices_stale = True
        enough = len(self.session.briefings) >= 2 and snapshot is not None
        self.compare_action.setEnabled(enough)
        self.compare_action.setToolTip(tr("action.compare_with", lang).replace("&", "").rstrip("…") if enough
                                       else tr("compare.window.needs_two", lang))
        self.stop_compare_action.setEnabled(self.state.compare_with is not None)

    def compare_choices(self) -> list[QAction]:
        """The actions of "Compare with…": the other briefings, newest first, each by its period with its title
        in the tooltip, the one compared with checked (made now if the briefings or the choice changed)."""
        if self._compare_choices_stale:
            self._compare_choices_stale = False
            self._list_compare_choices()
        return self.compare_group.actions()

    def _list_compare_choices(self) -> None:
        lang, snapshot = self.state.lang, self.state.snapshot
        current = snapshot.briefing.id if snapshot else None
        for act in self.compare_group.actions():
            self.compare_group.removeAction(act)
            act.deleteLater()
        self.compare_menu.clear()
        for summary in self.session.briefings:
            if summary.id == current:
                continue
            act = QAction(elide(summary.period(lang)), self.compare_menu)
            act.setData(summary.id)
            act.setToolTip(elide(summary.title(lang), TOOLTIP_CHARS))
            act.setCheckable(True)
            act.setChecked(summary.id == self.state.compare_with)
            self.compare_group.addAction(act)
            self.compare_menu.addAction(act)
        self.compare_menu.addSeparator()
        self.compare_menu.addAction(self.stop_compare_action)
        self.compare_menu.setToolTipsVisible(True)

    # ------------------------------------------------------------ slots
    def _on_compare_menu_about_to_show(self) -> None:
        self.compare_choices()

    def _on_compare_group_triggered(self, act: QAction) -> None:
        self.state.set_compare_with(str(act.data()))

    def _on_state_comparison_changed(self, _comparison: object) -> None:
        self._fill_compare_menu()

    def _on_session_snapshot_loaded(self, snapshot: Snapshot) -> None:
        self.state.set_store(self.session.store)
        self.state.set_snapshot(snapshot)
        self.state.refresh_comparison()
        self._fill_briefing_combo()
        self._fill_compare_menu()
        self._update_status()
        self._update_title()
        self._settler.request()

    def _on_session_database_opened(self, path: Path) -> None:
        self.recent.add(path)
        self.settings.setValue("last_database", str(path.absolute()))

    def _on_session_refreshed(self) -> None:
        self.state.set_store(self.session.store)
        self.state.refresh_comparison()
        self._fill_compare_menu()
        self._update_status()
        self._update_title()

    def _on_session_open_failed(self, exc: StoreError) -> None:
        self.show_open_failed(exc)

    def show_open_failed(self, exc: StoreError, *, instead: bool = False) -> None:
        """Say which database could not be opened and why, and which one the window shows: still the one it
        showed before, or (``instead``, when nothing was open) the one opened in its place."""
        from .dialogs import show_open_failed

        show_open_failed(self, exc, self.session.path, self.state.lang, instead=instead)

    def _on_open_action_triggered(self) -> None:
        from .dialogs import ask_database

        path = ask_database(self, self.session.path.parent if self.session.path else Path.home(), self.state.lang)
        if path:
            self.open_database(path)

    def _on_new_from_article_action_triggered(self) -> None:
        from .draft_review import open_article_review  # the review is off the start-up path

        open_article_review(self, self.state)

    def _on_open_draft_action_triggered(self) -> None:
        from .draft_review import open_draft_review  # the review is off the start-up path

        open_draft_review(self, self.state)

    def _on_about_action_triggered(self) -> None:
        from .dialogs import show_about

        show_about(self, self.state.lang)

    def _on_language_group_triggered(self, act: QAction) -> None:
        self.state.set_language(act.data())

    def _on_state_language_changed(self, lang: str) -> None:
        self.tabs.mark_stale(LANGUAGE)
        self.language_actions[lang].setChecked(True)
        self.settings.setValue("language", lang)
        apply_qt_language(lang)
        self.retranslate()

    def _on_state_source_requested(self, offset: int, length: int) -> None:
        cast("SourceTab", self.tabs.show_tab("source")).highlight(offset, length)

    def copy_selection(self) -> None:
        """Copy the current tab's selected rows as tab-separated text and as an HTML table."""
        tab = self.tabs.current_tab()
        rows = tab.copy_rows() if tab is not None else None
        lang = self.state.lang
        if not rows or not rows[1]:
            self.statusBar().showMessage(tr("status.nothing_to_copy", lang), 3000)
            return
        headers, body = rows
        from .clipboard import rows_to_mime

        QApplication.clipboard().setMimeData(rows_to_mime(headers, body))
        self.statusBar().showMessage(tr("status.copied", lang, n=len(body)), 3000)

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard Shortcuts (F1): every shortcut, the tabs' as many as the registry has."""
        from .shortcuts_dialog import ShortcutsDialog, shortcut_rows

        lang = self.state.lang
        dialog = ShortcutsDialog(lang, shortcut_rows(lang, self.tabs.count()), self)
        dialog.open()
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
            index = int(str(self.settings.value("last_tab", 0)))
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
        self.session.close()
        super().closeEvent(event)
