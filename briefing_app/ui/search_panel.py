"""Search as you type: a field in the toolbar and a results list under it.

:class:`SearchController` adds the field to a :class:`~.main_window.MainWindow`,
takes over its Ctrl+F action, runs :func:`briefing_app.data.search.search` over the
window's open database (``window.session``) as soon as a keystroke is shown (a moment after the
last one when keys come in a quick run: :attr:`SearchController.DEBOUNCE_MS`), and shows
the results grouped by section in the list of :mod:`briefing_app.ui.search_results`.
Enter or a double click opens the item selected in its tab; Esc clears.

With several briefings in the database, search covers all of them (each result names its
briefing's period) or only the one shown: the switch at the top of the results. Opening a
result of another briefing shows that briefing first.

The briefing shown is searched on the GUI thread (milliseconds: its rows are one range of
the index), so its results are painted at once and Enter always has them. The other
briefings are searched by :class:`~.background_search.BackgroundSearch` in a worker
thread; their results are appended below, so no row moves under the reader's cursor.
Each keystroke makes the background query before it stale: its results are never shown.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..data.search import SearchResult, parse_query, search
from ..data.store import BriefingStore, StoreError
from ..i18n import tr
from .background_search import BackgroundSearch
from .plain import plain_label
from .search_results import ResultList, SearchResultDelegate, SearchResultModel, snippet_html

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

# The list's parts are importable from here too (benchmarks/search_bench.py times the delegate).
__all__ = ["SearchController", "SearchResultModel", "SearchResultDelegate", "snippet_html", "SCOPE_ALL",
           "SCOPE_CURRENT"]

#: Search every briefing of the database, or only the one shown.
SCOPE_ALL, SCOPE_CURRENT = "all", "current"


class SearchController(QObject):
    """The search field in ``window``'s toolbar and its results, wired to the window's state.

    Signals: ``results_shown`` (the number of results, after a search ran and
    the list was updated with the briefing shown's results), ``results_completed``
    (the number of results, once the other briefings' have been added too, or at
    once when there are none to add).
    """

    results_shown = Signal(int)
    results_completed = Signal(int)

    #: Keystrokes less than this many milliseconds apart are a quick run (a held key, a burst of keys): the
    #: search waits until the keys pause this long, and runs once. A keystroke after a pause is searched at once,
    #: once the field has shown it: keys typed by hand come 100 ms or more apart, so waiting after each saved
    #: no search, and it was 30 of the ~50 ms a reader waited for the results on the scale database.
    DEBOUNCE_MS = 30
    #: The results list is at least this many characters wide, space permitting.
    POPUP_CHARS = 96

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.session = window.session
        self._query = ""
        self._scope = SCOPE_ALL
        #: The background query whose results the list waits for (None: it waits for nothing).
        self._pending: int | None = None
        self.background = BackgroundSearch(self)
        #: The session's store the background search was last given, and a number naming it.
        self._store_seen: BriefingStore | None = None
        self._store_epoch = 0

        self.field = QLineEdit(window)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        chars = self.field.fontMetrics().averageCharWidth()
        self.field.setMinimumWidth(22 * chars)
        self.field.setMaximumWidth(40 * chars)
        self.field.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        window.add_toolbar_field(self.field)

        # A child of the window laid over the tabs (not a separate popup window), so the
        # field keeps the keyboard while results update, and Down can move into the list.
        self.popup = QFrame(window)
        self.popup.setObjectName("searchResults")
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setAutoFillBackground(True)
        # This briefing / all briefings: shown when the database holds more than one.
        self.scope_bar = QWidget(self.popup)
        self.scope_bar.setObjectName("searchScope")
        self.scope_label = plain_label("", self.scope_bar, wrap=False, selectable=False)
        self.scope_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.scope_buttons = QButtonGroup(self)
        self.scope_buttons.setExclusive(True)
        scope_layout = QHBoxLayout(self.scope_bar)
        scope_layout.setContentsMargins(8, 4, 8, 4)
        scope_layout.addWidget(self.scope_label)
        self.scope_current_button, self.scope_all_button = QToolButton(self.scope_bar), QToolButton(self.scope_bar)
        for button, scope in ((self.scope_current_button, SCOPE_CURRENT), (self.scope_all_button, SCOPE_ALL)):
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setProperty("scope", scope)
            # Clicking keeps the keyboard in the field: typing goes on while the scope changes.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.scope_buttons.addButton(button)
            scope_layout.addWidget(button)
        scope_layout.addStretch(1)
        self.scope_all_button.setChecked(True)
        self.model = SearchResultModel(self)
        self.model.set_title_lookup(self._title_in_language)
        self.model.set_briefing_lookup(self._briefing_label)
        self.view = ResultList(self.popup)
        self.view.setObjectName("searchResultList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchResultDelegate(self.view))
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.message = plain_label("", self.popup, wrap=True, selectable=False)
        self.message.setObjectName("searchMessage")
        self.message.setContentsMargins(8, 6, 8, 6)
        self.status = plain_label("", self.popup, wrap=False, selectable=False)
        self.status.setObjectName("searchStatus")
        self.status.setContentsMargins(8, 3, 8, 3)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.scope_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.popup.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._debounce_ms = self.DEBOUNCE_MS
        #: When the field's text last changed (time.monotonic()): a keystroke sooner after is part of a quick run.
        self._last_edit = -math.inf
        # The background search starts once the briefing shown's results are laid out and painted: a
        # 0 ms timer fires after the events waiting (the list's layout, the paint), and the worker's
        # Python work would otherwise take turns with the GUI thread for the interpreter lock.
        self._background_timer = QTimer(self)
        self._background_timer.setSingleShot(True)
        self._background_timer.setInterval(0)
        self._background_request: tuple | None = None

        self._connect_signals()
        self.retranslate()
        self._prepare_background()

    def _connect_signals(self) -> None:
        window = self.window
        # The window forwards search_action to focus_field (it may be pressed before this controller exists).
        self.field.textChanged.connect(self._on_field_text_changed)
        self.state.language_changed.connect(self._on_state_language_changed)
        self._timer.timeout.connect(self.run_search)
        self._background_timer.timeout.connect(self._on_background_timer_timeout)
        self.background.results_ready.connect(self._on_background_results_ready)
        self.background.failed.connect(self._on_background_failed)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.scope_buttons.buttonClicked.connect(self._on_scope_buttons_button_clicked)
        self.state.snapshot_changed.connect(self._on_state_snapshot_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
            app.aboutToQuit.connect(self.background.shutdown)
        self.field.installEventFilter(self)
        self.view.installEventFilter(self)
        window.installEventFilter(self)

    # ------------------------------------------------------------ public
    def _title_in_language(self, result: SearchResult, lang: str) -> str | None:
        snapshot = self.state.snapshot
        if snapshot is None or snapshot.briefing.id != result.briefing_id:
            return None
        if result.section == "enterprises":
            enterprise = snapshot.enterprise(result.item_id)
            return enterprise.name(lang) if enterprise else None
        entry = snapshot.entry(result.section, result.item_id)
        return entry.title(lang) if entry is not None else None

    def _briefing_label(self, result: SearchResult, lang: str) -> str | None:
        """The period of the result's briefing, when the database holds several (else None: no label)."""
        briefings = self.session.briefings
        if len(briefings) < 2:
            return None
        return next((b.period(lang) for b in briefings if b.id == result.briefing_id), result.briefing_id)

    @property
    def scope(self) -> str:
        """:data:`SCOPE_ALL` (every briefing) or :data:`SCOPE_CURRENT` (the one shown)."""
        return self._scope

    def set_scope(self, scope: str) -> None:
        """Search every briefing or only the one shown; the results follow at once."""
        if scope not in (SCOPE_ALL, SCOPE_CURRENT):
            raise ValueError(f"not a search scope: {scope}")
        (self.scope_all_button if scope == SCOPE_ALL else self.scope_current_button).setChecked(True)
        if scope != self._scope:
            self._scope = scope
            if self.field.text().strip():
                self.run_search()

    def retranslate(self) -> None:
        """Re-read every text in the current language."""
        lang = self.state.lang
        self.scope_label.setText(tr("search.scope", lang))
        self.scope_current_button.setText(tr("search.scope.current", lang))
        self.scope_all_button.setText(tr("search.scope.all", lang))
        self.field.setPlaceholderText(tr("search.placeholder", lang))
        self.field.setAccessibleName(tr("search.field", lang))
        self.field.setToolTip(tr("search.field", lang) + " (Ctrl+F)")
        self.view.setAccessibleName(tr("search.results", lang))
        self.popup.setAccessibleName(tr("search.results", lang))
        self.model.set_language(lang)
        self._update_messages()
        if self.popup.isVisible():
            self._place_popup()

    @property
    def debounce_ms(self) -> int:
        """The pause, in milliseconds, that ends a quick run of keystrokes (see :attr:`DEBOUNCE_MS`)."""
        return self._debounce_ms

    @debounce_ms.setter
    def debounce_ms(self, value: int) -> None:
        self._debounce_ms = max(0, int(value))

    def focus_field(self) -> None:
        """Focus the field with its text selected, and show the results it has (Ctrl+F)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._prepare_background()
        if self.field.text().strip():
            if self._query != self.field.text():
                self.run_search()
            else:
                self._show_popup()

    def run_search(self) -> None:
        """Search for the field's text now (the debounce timer calls this).

        The briefing shown is searched here; with scope "all", the other briefings in the background.
        """
        self._timer.stop()
        text = self.field.text()
        self._query = text
        self.background.cancel()
        self._pending = None
        if not text.strip():
            self.model.set_results([])
            self.popup.hide()
            return
        results: list[SearchResult] = []
        store = self.session.store
        snapshot = self.state.snapshot
        if store is not None and snapshot is not None and parse_query(text) is not None:
            try:
                results = search(store, text, snapshot.briefing.id)
            except StoreError as exc:
                self.window.statusBar().showMessage(exc.describe(self.state.lang), 6000)
            else:
                if len(self.session.briefings) > 1 and self._scope == SCOPE_ALL:
                    self._pending = self.background.cancel()
                    self._background_request = (self._pending, store.path, self._epoch(store), text)
                    self._background_timer.start()
        self.model.set_results(results)
        self._update_messages()
        self._show_popup()
        self.results_shown.emit(len(results))
        if self._pending is None:
            self.results_completed.emit(len(results))

    def is_searching(self) -> bool:
        """Whether the other briefings' results are still to come."""
        return self._pending is not None

    def shutdown(self) -> None:
        """Stop the background search (the window is closing)."""
        self._pending = None
        self.background.shutdown()

    def clear(self) -> None:
        """Empty the field and hide the results (Esc)."""
        self._timer.stop()
        self.background.cancel()
        self._pending = None
        self.field.clear()
        self._query = ""
        self.model.set_results([])
        self.popup.hide()

    def result_texts(self) -> list[str]:
        """What the list shows, row by row (headers included), as plain text."""
        return [str(self.model.index(row).data()) for row in range(self.model.rowCount())]

    def open_result(self, result: SearchResult) -> None:
        """Show ``result`` selected in its tab (a paragraph: highlighted in the Source tab)."""
        self.popup.hide()
        snapshot = self.state.snapshot
        if snapshot is not None and snapshot.briefing.id != result.briefing_id:
            # A result of another briefing: show that briefing, then the item in it.
            self.session.select_briefing(result.briefing_id)
            snapshot = self.state.snapshot
            if snapshot is None or snapshot.briefing.id != result.briefing_id:
                return  # it could not be read: the session has said why
        if result.section == "source":
            self.state.request_source(result.item_id, result.length)
        else:
            self.state.request_item(result.section, result.item_id)
        tab = self.window.tabs.current_tab()
        (tab.focus_target() if tab is not None else self.window).setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ helpers
    def _prepare_background(self) -> None:
        """Have the worker open its store and read the index's briefing ranges (150-200 ms for 200
        briefings), which the first search here would otherwise wait for, on the GUI thread."""
        store = self.session.store
        if store is not None:
            self.background.prepare(store.path, self._epoch(store))

    def _epoch(self, store: BriefingStore) -> int:
        """A number naming ``store``: the background search opens its own store again when it changes
        (another file, or the same path replaced on disk and opened anew by the session)."""
        if store is not self._store_seen:
            self._store_seen = store
            self._store_epoch += 1
        return self._store_epoch

    def _update_messages(self) -> None:
        lang = self.state.lang
        text = self.field.text()
        count = self.model.result_count()
        if not text.strip():
            message = ""
        elif parse_query(text) is None:
            message = tr("search.hint", lang)
        elif count == 0 and self._pending is not None:
            message = tr("search.searching_others", lang)
        elif count == 0:
            shown = " ".join(text.split())
            message = tr("search.no_results", lang, query=shown if len(shown) <= 40 else shown[:39] + "…")
            if self.session.store is None:
                message = tr("status.none", lang)
        else:
            message = ""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.scope_bar.setVisible(len(self.session.briefings) > 1)
        self.view.setVisible(count > 0)
        status = tr("search.count", lang, n=count) if count else ""
        if count and self._pending is not None:
            status += " · " + tr("search.searching_others", lang)
        self.status.setText(status)
        self.status.setVisible(count > 0)

    def _show_popup(self) -> None:
        if not self.field.text().strip():
            self.popup.hide()
            return
        self._place_popup()
        self.popup.show()
        self.popup.raise_()

    def _place_popup(self) -> None:
        window = self.window
        layout = window.toolbar.layout()
        if layout is not None:
            layout.activate()  # the field was just added, or the window just resized: settle its place
        chars = self.field.fontMetrics().averageCharWidth()
        margin = 8
        width = min(max(self.field.width(), self.POPUP_CHARS * chars), window.width() - 2 * margin)
        anchor = self.field.mapTo(window, QPoint(0, self.field.height() + 2))
        x = anchor.x()
        if x + width > window.width() - margin:  # the field is at the right: open leftwards
            x = max(margin, window.width() - margin - width)
        y = anchor.y()
        available = max(120, window.height() - y - margin - window.statusBar().height())
        self.popup.setFixedWidth(width)
        inner = width - 2
        self.view.setFixedWidth(inner)
        height = 2
        if self.scope_bar.isVisibleTo(self.popup):
            height += self.scope_bar.sizeHint().height()
        if self.message.isVisibleTo(self.popup) or self.message.text():
            height += self.message.heightForWidth(inner) if self.message.text() else 0
        if self.model.result_count():
            # Measure rows at the width they will have (the view may not be laid out yet).
            option = QStyleOptionViewItem()
            option.font = self.view.font()
            option.fontMetrics = self.view.fontMetrics()
            scrollbar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            option.rect = QRect(0, 0, inner - 2 * self.view.frameWidth() - scrollbar, 0)
            delegate = self.view.itemDelegate()
            rows = 0
            for row in range(self.model.rowCount()):
                rows += delegate.sizeHint(option, self.model.index(row)).height()
                if rows > available:
                    break
            height += rows + 2 * self.view.frameWidth() + 2 + self.status.sizeHint().height()
        height = min(height, available, max(240, window.height() * 3 // 4))
        self.popup.setGeometry(x, y, width, max(height, self.message.sizeHint().height() + 2))

    def _move_in_list(self, step: int) -> bool:
        """Move the list's current row to the next result up (-1) or down (+1); False at an end."""
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        row += step
        while 0 <= row < self.model.rowCount() and self.model.result_at(row) is None:
            row += step
        if not 0 <= row < self.model.rowCount():
            return False
        self.view.setCurrentIndex(self.model.index(row))
        self.view.scrollTo(self.model.index(row))
        if step < 0 and row == 1:
            self.view.scrollToTop()  # show the first header too
        return True

    def _enter_list(self) -> None:
        if not self.model.result_count():
            return
        if not self.popup.isVisible():
            self._show_popup()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.setCurrentIndex(QModelIndex())
        self._move_in_list(1)
        self.view.scrollToTop()

    def _current_result(self) -> SearchResult | None:
        index = self.view.currentIndex()
        return self.model.result_at(index.row()) if index.isValid() else None

    # ------------------------------------------------------------ events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self.window:
            self.shutdown()  # the worker thread stops before the window and its children go
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.field:
                return self._on_field_key(event)
            if watched is self.view:
                return self._on_view_key(event)
        elif kind in (QEvent.Type.Resize, QEvent.Type.Move) and self.popup.isVisible() \
                and (watched is self.window or watched is self.field):
            self._place_popup()
        return False

    def _on_field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            if self._timer.isActive() or self._query != self.field.text():
                self.run_search()
            self._enter_list()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or self._query != self.field.text():
                self.run_search()
            results = self.model.results()
            if results:
                self.open_result(results[0])
            return True
        if key == Qt.Key.Key_Escape and (self.field.text() or self.popup.isVisible()):
            self.clear()
            return True
        return False

    def _on_view_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            result = self._current_result()
            if result is not None:
                self.open_result(result)
            return True
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if key == Qt.Key.Key_Down:
            self._move_in_list(1)
            return True
        if key == Qt.Key.Key_Up:
            if not self._move_in_list(-1):
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        text = event.text()
        if key == Qt.Key.Key_Backspace or (text and text.isprintable() and not
                                           event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                                | Qt.KeyboardModifier.AltModifier)):
            # Typing while in the list goes on typing in the field.
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            QCoreApplication.sendEvent(self.field, QKeyEvent(event.type(), event.key(), event.modifiers(), text))
            return True
        return False

    # ------------------------------------------------------------ slots
    def _on_state_language_changed(self, _lang: str) -> None:
        self.retranslate()

    def _on_background_timer_timeout(self) -> None:
        request, self._background_request = self._background_request, None
        if request is not None and request[0] == self._pending:
            self.background.submit(*request)

    def _on_background_results_ready(self, generation: int, results: list) -> None:
        if generation != self._pending or not self.background.is_current(generation):
            return  # a newer keystroke, scope or briefing made this query stale
        self._pending = None
        snapshot = self.state.snapshot
        shown = snapshot.briefing.id if snapshot is not None else None
        # The briefing shown is already listed (searched on its own); the rest goes below it.
        self.model.append_results([r for r in results if r.briefing_id != shown])
        self._update_messages()
        if self.popup.isVisible():
            self._place_popup()  # taller now; the rows shown stay where they are
        self.results_completed.emit(self.model.result_count())

    def _on_background_failed(self, generation: int, error: StoreError) -> None:
        if generation != self._pending:
            return
        self._pending = None
        self._update_messages()
        self.window.statusBar().showMessage(error.describe(self.state.lang), 6000)
        self.results_completed.emit(self.model.result_count())

    def _on_field_text_changed(self, text: str) -> None:
        # The older query's background results would belong to text no longer in the field.
        self.background.cancel()
        self._pending = None
        now = time.monotonic()
        quick_run = (now - self._last_edit) * 1000 < self._debounce_ms
        self._last_edit = now
        if not text.strip():
            self._last_edit = -math.inf  # an empty field ends the run: the next key is a new query's first
            self._timer.stop()
            self._query = text
            self.model.set_results([])
            self.popup.hide()
            return
        # After a pause: on the event loop's next turn, so the field can paint the key first. In a quick run of
        # keys: once they pause, so the keys typed meanwhile cost one search.
        self._timer.start(self._debounce_ms if quick_run else 0)

    def _on_scope_buttons_button_clicked(self, button: QToolButton) -> None:
        self.set_scope(str(button.property("scope")))
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        result = self.model.result_at(index.row())
        if result is not None:
            self.open_result(result)

    def _on_state_snapshot_changed(self, _snapshot: object) -> None:
        if self.session.store is not self._store_seen:
            self._prepare_background()  # another file, or the same one changed on disk
        # Another briefing or database: the shown results may be gone.
        if self.popup.isVisible():
            self.run_search()
        else:
            self._query = ""
            self.model.set_results([])

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.popup.isVisible():
            return
        if new is self.field or new is self.popup or self.popup.isAncestorOf(new):
            return
        self.popup.hide()
