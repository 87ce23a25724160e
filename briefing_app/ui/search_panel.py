"""Search as you type: a field in the toolbar and a results list under it.

:class:`SearchController` adds the field to a :class:`~.main_window.MainWindow`,
takes over its Ctrl+F action, runs :func:`briefing_app.data.search.search` a
moment after the last keystroke (the query takes milliseconds, so it runs on
the GUI thread), and shows the results grouped by section. Enter or a double
click opens the item selected in its tab; Esc clears.

The highlight in a snippet is ours: the snippet and title are database text,
escaped piece by piece, and only the matched spans are wrapped in markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel, QCoreApplication, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect,
    QSize, Qt, QTimer, Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QFrame, QLineEdit, QListView, QSizePolicy, QStyle, QStyledItemDelegate,
    QStyleOptionViewItem, QVBoxLayout, QWidget,
)

from ..data.search import SECTIONS, SearchResult, parse_query, search
from ..data.store import StoreError
from .long_text import TOOLTIP_CHARS, elide
from .plain import escape, plain_label, shown
from .strings import tr

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

__all__ = ["SearchController", "SearchResultModel", "SearchResultDelegate", "snippet_html"]

#: Matched words: the same yellow as a passage highlighted in the Source tab.
HIGHLIGHT_STYLE = "background-color:#ffe58a; color:#1a1a1a; font-weight:600;"
#: Tab title keys for the section headers (plural: "Indicators", not "Indicator").
SECTION_TITLE_KEYS = {
    "indicators": "tab.indicators", "achievements": "tab.achievements", "limitations": "tab.limitations",
    "directives": "tab.directives", "enterprises": "tab.enterprises", "source": "tab.source",
}


def snippet_html(snippet: str, highlights: Sequence[tuple[int, int]]) -> str:
    """``snippet`` as rich text: every piece escaped, only the highlight spans marked up."""
    out: list[str] = []
    position = 0
    for start, end in sorted(highlights):
        start, end = max(start, position), min(end, len(snippet))
        if end <= start:
            continue
        out.append(escape(snippet[position:start]))
        out.append(f'<span style="{HIGHLIGHT_STYLE}">{escape(snippet[start:end])}</span>')
        position = end
    out.append(escape(snippet[position:]))
    return "".join(out)


def _title_of(index: QModelIndex | QPersistentModelIndex, result: SearchResult) -> str:
    model = index.model()
    return model.display_title(result) if isinstance(model, SearchResultModel) else result.title


class SearchResultModel(QAbstractListModel):
    """Results as a flat list: a header row for each section, then that section's results.

    Sections are listed in the order of their best result, so the best match is
    always first. Header rows are not selectable.
    """

    ResultRole = Qt.ItemDataRole.UserRole + 1
    HeaderRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, SearchResult | None, int]] = []
        self._lang = "vi"
        self._title_lookup = None

    def set_title_lookup(self, lookup) -> None:
        """``lookup(result, lang)`` gives a result's title in the interface language (or None)."""
        self._title_lookup = lookup

    def display_title(self, result: SearchResult) -> str:
        """The result's title in the interface language where one exists (the snippet stays original)."""
        if self._title_lookup is not None:
            title = self._title_lookup(result, self._lang)
            if title:
                return shown(title)
        return shown(result.title)

    def set_results(self, results: Sequence[SearchResult]) -> None:
        groups: dict[str, list[SearchResult]] = {}
        for result in results:
            if result.section in SECTIONS:
                groups.setdefault(result.section, []).append(result)
        rows: list[tuple[str, SearchResult | None, int]] = []
        for section, members in groups.items():  # dicts keep insertion order: best result first
            rows.append((section, None, len(members)))
            rows.extend((section, r, 0) for r in members)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def result_at(self, row: int) -> SearchResult | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def result_count(self) -> int:
        return sum(1 for _s, r, _n in self._rows if r is not None)

    def results(self) -> list[SearchResult]:
        return [r for _s, r, _n in self._rows if r is not None]

    def header_text(self, row: int) -> str:
        section, _result, count = self._rows[row]
        return f"{tr(SECTION_TITLE_KEYS[section], self._lang)} ({count})"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        _section, result, _count = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if result is None:
                return self.header_text(index.row())
            return f"{elide(self.display_title(result))} — {elide(result.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole and result is not None:
            return f"<p>{escape(elide(self.display_title(result), TOOLTIP_CHARS))}</p>"
        if role == self.ResultRole:
            return result
        if role == self.HeaderRole:
            return result is None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or self.result_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a header as a small bold caption, a result as its title over its highlighted snippet."""

    PAD = 6

    def _document(self, result: SearchResult, option: QStyleOptionViewItem, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(snippet_html(result.snippet, result.highlights))
        doc.setTextWidth(max(40, width))
        return doc

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = option.rect.width()
        if isinstance(view, QAbstractItemView) and width <= 0:
            width = view.viewport().width()
        return max(80, width) - 2 * self.PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        result = index.data(SearchResultModel.ResultRole)
        width = self._text_width(option)
        if result is None:
            return QSize(width, metrics.height() + self.PAD + 2)
        doc = self._document(result, option, width)
        height = metrics.height() + 2 + int(doc.size().height()) + 2 * self.PAD
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        result = index.data(SearchResultModel.ResultRole)
        palette = opt.palette
        rect = opt.rect
        painter.save()
        if result is None:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            font = QFont(opt.font)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text_rect = rect.adjusted(self.PAD, 0, -self.PAD, 0)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                             opt.fontMetrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight,
                                                        text_rect.width()))
            painter.restore()
            return
        # Background and focus as the style draws them for any item, without its text.
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        inner = rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        title_font = QFont(opt.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(role))
        title_height = opt.fontMetrics.height()
        bold_metrics = painter.fontMetrics()
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), title_height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         bold_metrics.elidedText(_title_of(index, result),
                                                 Qt.TextElideMode.ElideRight, inner.width()))
        doc = self._document(result, opt, inner.width())
        painter.translate(inner.left(), inner.top() + title_height + 2)
        painter.setClipRect(QRect(0, 0, inner.width(), inner.height() - title_height - 2))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class _ResultList(QListView):
    """The results list: rows of varying height that follow the popup's width."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Snippets wrap to the width: measure the rows again.
        self.scheduleDelayedItemsLayout()


class SearchController(QObject):
    """The search field in ``window``'s toolbar and its results, wired to the window's state.

    Signals: ``results_shown`` (the number of results, after a search ran and
    the list was updated).
    """

    results_shown = Signal(int)

    #: Milliseconds after the last keystroke before searching.
    DEBOUNCE_MS = 60
    #: The results list is at least this many characters wide, space permitting.
    POPUP_CHARS = 96

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.state = window.state
        self._query = ""

        self.field = QLineEdit(window)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        chars = self.field.fontMetrics().averageCharWidth()
        self.field.setMinimumWidth(22 * chars)
        self.field.setMaximumWidth(40 * chars)
        self.field.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        spacer = QWidget(window)
        spacer.setObjectName("searchSpacer")
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._spacer_action = window.toolbar.addWidget(spacer)
        self._field_action = window.toolbar.addWidget(self.field)

        # A child of the window laid over the tabs (not a separate popup window), so the
        # field keeps the keyboard while results update, and Down can move into the list.
        self.popup = QFrame(window)
        self.popup.setObjectName("searchResults")
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setAutoFillBackground(True)
        self.model = SearchResultModel(self)
        self.model.set_title_lookup(self._title_in_language)
        self.view = _ResultList(self.popup)
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
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.popup.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)

        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        window = self.window
        # The window forwards search_action here (it may be pressed before this controller exists).
        self.field.textChanged.connect(self._on_field_text_changed)
        self._timer.timeout.connect(self.run_search)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.state.snapshot_changed.connect(self._on_state_snapshot_changed)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_app_focus_changed)
        self.field.installEventFilter(self)
        self.view.installEventFilter(self)
        window.installEventFilter(self)

    # ------------------------------------------------------------ public
    def _title_in_language(self, result: SearchResult, lang: str) -> str | None:
        snapshot = self.window.state.snapshot
        if snapshot is None or snapshot.briefing.id != result.briefing_id:
            return None
        if result.section == "enterprises":
            enterprise = snapshot.enterprise(result.item_id)
            return enterprise.name(lang) if enterprise else None
        entry = snapshot.entry(result.section, result.item_id)
        return entry.title(lang) if entry is not None else None

    def retranslate(self) -> None:
        """Re-read every text in the current language (connect to ``state.language_changed``)."""
        lang = self.state.lang
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
        return self._timer.interval()

    @debounce_ms.setter
    def debounce_ms(self, value: int) -> None:
        self._timer.setInterval(max(0, int(value)))

    def focus_field(self) -> None:
        """Focus the field with its text selected, and show the results it has (Ctrl+F)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            if self._query != self.field.text():
                self.run_search()
            else:
                self._show_popup()

    def run_search(self) -> None:
        """Search for the field's text now (the debounce timer calls this)."""
        self._timer.stop()
        text = self.field.text()
        self._query = text
        if not text.strip():
            self.model.set_results([])
            self.popup.hide()
            return
        results: list[SearchResult] = []
        store = self.window._store
        snapshot = self.state.snapshot
        if store is not None and snapshot is not None and parse_query(text) is not None:
            try:
                results = search(store, text, snapshot.briefing.id)
            except StoreError as exc:
                self.window.statusBar().showMessage(str(exc), 6000)
        self.model.set_results(results)
        self._update_messages()
        self._show_popup()
        self.results_shown.emit(len(results))

    def clear(self) -> None:
        """Empty the field and hide the results (Esc)."""
        self._timer.stop()
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
        if result.section == "source":
            self.state.request_source(result.item_id, result.length)
        else:
            self.state.request_item(result.section, result.item_id)
        tab = self.window.tabs.currentWidget()
        target = None
        for name in ("table", "view", "text"):
            candidate = getattr(tab, name, None)
            if isinstance(candidate, QWidget):
                target = candidate
                break
        (target or tab or self.window).setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ helpers
    def _update_messages(self) -> None:
        lang = self.state.lang
        text = self.field.text()
        count = self.model.result_count()
        if not text.strip():
            message = ""
        elif parse_query(text) is None:
            message = tr("search.hint", lang)
        elif count == 0:
            shown = " ".join(text.split())
            message = tr("search.no_results", lang, query=shown if len(shown) <= 40 else shown[:39] + "…")
            if self.window._store is None:
                message = tr("status.none", lang)
        else:
            message = ""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.view.setVisible(count > 0)
        self.status.setText(tr("search.count", lang, n=count) if count else "")
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
    def _on_search_action_triggered(self) -> None:
        self.focus_field()

    def _on_field_text_changed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._query = text
            self.model.set_results([])
            self.popup.hide()
            return
        self._timer.start()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        result = self.model.result_at(index.row())
        if result is not None:
            self.open_result(result)

    def _on_state_snapshot_changed(self, _snapshot: object) -> None:
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
