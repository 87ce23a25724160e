"""The search results list: its model, the delegate that paints a result, and the list view.

The highlight in a snippet is ours: the snippet and title are database text,
escaped piece by piece, and only the matched spans are wrapped in markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..data.search import SECTIONS, SearchResult
from ..i18n import tr
from ..text_limits import TOOLTIP_CHARS, elide
from .plain import escape, shown
from .tabs import entry_for

__all__ = ["SearchResultModel", "SearchResultDelegate", "ResultList", "snippet_html", "section_title_key"]

#: Matched words: the same yellow as a passage highlighted in the Source tab.
HIGHLIGHT_STYLE = "background-color:#ffe58a; color:#1a1a1a; font-weight:600;"

#: The root (invalid) index, Qt's default ``parent``. One shared instance, as a default argument
#: would be: a QModelIndex has no setters.
_ROOT = QModelIndex()


def section_title_key(section: str) -> str:
    """The title key of the tab that shows ``section``'s results (plural: "Indicators", not "Indicator")."""
    entry = entry_for(section)
    return entry.title_key if entry is not None else f"tab.{section}"


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


#: The section of the header row over the results of the other briefings (:meth:`SearchResultModel.append_results`).
OTHER_BRIEFINGS = "other-briefings"


class SearchResultModel(QAbstractListModel):
    """Results as a flat list: a header row for each section, then that section's results.

    Sections are listed in the order of their best result, so the best match is
    always first. Header rows are not selectable. Results that come later (the
    other briefings', searched in the background) are appended below, under a
    header of their own, so no row already shown moves.
    """

    ResultRole = Qt.ItemDataRole.UserRole + 1
    HeaderRole = Qt.ItemDataRole.UserRole + 2
    #: True on the header that begins the other briefings' results (a group of sections, not a section).
    GroupRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, SearchResult | None, int]] = []
        self._lang = "vi"
        self._title_lookup: Callable[[SearchResult, str], str | None] | None = None
        self._briefing_lookup: Callable[[SearchResult, str], str | None] | None = None

    def set_title_lookup(self, lookup: Callable[[SearchResult, str], str | None]) -> None:
        """``lookup(result, lang)`` gives a result's title in the interface language (or None)."""
        self._title_lookup = lookup

    def set_briefing_lookup(self, lookup: Callable[[SearchResult, str], str | None]) -> None:
        """``lookup(result, lang)`` names the result's briefing (its period), or None to name none."""
        self._briefing_lookup = lookup

    def briefing_label(self, result: SearchResult) -> str:
        """The result's briefing as the list names it (its period), or "" when there is only one."""
        label = self._briefing_lookup(result, self._lang) if self._briefing_lookup is not None else None
        return shown(label) if label else ""

    def display_title(self, result: SearchResult) -> str:
        """The result's title in the interface language where one exists (the snippet stays original)."""
        if self._title_lookup is not None:
            title = self._title_lookup(result, self._lang)
            if title:
                return shown(title)
        if self._lang == "en" and result.title_en:  # a result of a briefing not shown: its own English title
            return shown(result.title_en)
        return shown(result.title)

    def set_results(self, results: Sequence[SearchResult]) -> None:
        """Show ``results`` (best first), and nothing else."""
        self.beginResetModel()
        self._rows = _grouped(results)
        self.endResetModel()

    def append_results(self, results: Sequence[SearchResult]) -> None:
        """Add ``results`` (the other briefings', best first) below the rows shown, under their own header."""
        rows = _grouped(results)
        if not rows:
            return
        if self._rows:
            rows.insert(0, (OTHER_BRIEFINGS, None, sum(1 for _s, r, _n in rows if r is not None)))
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def result_at(self, row: int) -> SearchResult | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def result_count(self) -> int:
        return sum(1 for _s, r, _n in self._rows if r is not None)

    def results(self) -> list[SearchResult]:
        return [r for _s, r, _n in self._rows if r is not None]

    def header_text(self, row: int) -> str:
        section, _result, count = self._rows[row]
        if section == OTHER_BRIEFINGS:
            return tr("search.other_briefings", self._lang, n=count)
        return f"{tr(section_title_key(section), self._lang)} ({count})"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        section, result, count = self._rows[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole and section == OTHER_BRIEFINGS and result is None:
            # Said, not seen: the rule above the caption tells the eye that a new group begins.
            return tr("search.other_briefings_spoken", self._lang, n=count)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if result is None:
                return self.header_text(index.row())
            briefing = self.briefing_label(result)
            title = elide(self.display_title(result))
            return f"{title} ({elide(briefing)}) — {elide(result.snippet)}" if briefing else \
                f"{title} — {elide(result.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole and result is not None:
            briefing = self.briefing_label(result)
            tip = f"<p>{escape(elide(self.display_title(result), TOOLTIP_CHARS))}</p>"
            return tip + (f"<p><i>{escape(elide(briefing))}</i></p>" if briefing else "")
        if role == self.ResultRole:
            return result
        if role == self.HeaderRole:
            return result is None
        if role == self.GroupRole:
            return result is None and section == OTHER_BRIEFINGS
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or self.result_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _grouped(results: Sequence[SearchResult]) -> list[tuple[str, SearchResult | None, int]]:
    """``results`` as rows: each section's header, then its results; sections in the order of their best."""
    groups: dict[str, list[SearchResult]] = {}
    for result in results:
        if result.section in SECTIONS:
            groups.setdefault(result.section, []).append(result)
    rows: list[tuple[str, SearchResult | None, int]] = []
    for section, members in groups.items():  # dicts keep insertion order: best result first
        rows.append((section, None, len(members)))
        rows.extend((section, r, 0) for r in members)
    return rows


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a section header as a small bold caption on a band, the other briefings' header as a rule across
    the list over a muted italic caption (it begins a group of sections: it must not look like one), and a
    result as its title over its highlighted snippet.

    A snippet's laid-out document is kept per row and width: ``sizeHint`` and ``paint``
    (and every repaint) share it, until the results or the language change. The popup
    measures rows at its own width before the list lays them out at the list's, so the
    last :data:`WIDTHS_KEPT` widths are kept.
    """

    PAD = 6
    WIDTHS_KEPT = 2
    #: Room above the other briefings' caption, its rule in the middle.
    GROUP_GAP = 10

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        #: (row, width) → (result, font, laid-out snippet, its height): sizeHint is asked for each row
        #: several times per search (popup, layout, show), and a document's size() is not free.
        self._documents: dict[tuple[int, int], tuple[SearchResult, QFont, QTextDocument, int]] = {}
        self._widths: list[int] = []
        self._model: SearchResultModel | None = None
        if isinstance(parent, QAbstractItemView):
            self.watch(parent.model())

    def watch(self, model: object) -> None:
        """Forget the documents whenever ``model`` shows other results or changes language."""
        if self._model is not None:
            for signal in (self._model.modelReset, self._model.dataChanged, self._model.layoutChanged):
                signal.disconnect(self.clear_cache)
        self._model = model if isinstance(model, SearchResultModel) else None
        if self._model is not None:
            for signal in (self._model.modelReset, self._model.dataChanged, self._model.layoutChanged):
                signal.connect(self.clear_cache)
        self.clear_cache()

    def clear_cache(self, *_args: object) -> None:
        """Forget every laid-out snippet (the model calls this through its signals)."""
        self._documents.clear()
        self._widths.clear()

    def _document(self, row: int, result: SearchResult, font: QFont, width: int) -> tuple[QTextDocument, int]:
        """The row's snippet laid out at ``width``, and its height."""
        width = max(40, width)
        cached = self._documents.get((row, width))
        # The result and font are compared too: a model that changed without a signal is never shown stale.
        if cached is not None and cached[0] is result and cached[1] == font:
            return cached[2], cached[3]
        if width not in self._widths:
            self._widths.append(width)
            if len(self._widths) > self.WIDTHS_KEPT:
                dropped = self._widths.pop(0)
                self._documents = {k: v for k, v in self._documents.items() if k[1] != dropped}
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setHtml(snippet_html(result.snippet, result.highlights))
        doc.setTextWidth(width)
        height = int(doc.size().height())
        self._documents[(row, width)] = (result, QFont(font), doc, height)
        return doc, height

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        """The width snippets wrap at: the list's, less a scroll bar whether one shows or not.

        One width for measuring (the popup sizes itself before the list lays out) and for
        painting, so each snippet is laid out once; and when results of other briefings arrive
        and a scroll bar appears, no snippet wraps anew and no row moves.
        """
        view = self.parent()
        if isinstance(view, QAbstractItemView) and view.width() > 0:
            scrollbar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
            width = view.width() - 2 * view.frameWidth() - scrollbar
        else:
            width = option.rect.width()
        return max(80, width) - 2 * self.PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        result = index.data(SearchResultModel.ResultRole)
        width = self._text_width(option)
        if result is None:
            group = self.GROUP_GAP if index.data(SearchResultModel.GroupRole) else 0
            return QSize(width, metrics.height() + self.PAD + 2 + group)
        _doc, doc_height = self._document(index.row(), result, option.font, width)
        return QSize(width, metrics.height() + 2 + doc_height + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        result = index.data(SearchResultModel.ResultRole)
        palette = opt.palette
        rect = opt.rect
        painter.save()
        if result is None:
            muted = palette.color(QPalette.ColorRole.PlaceholderText)
            font = QFont(opt.font)
            text_rect = rect.adjusted(self.PAD, 0, -self.PAD, 0)
            if index.data(SearchResultModel.GroupRole):
                # The list's own background, a rule across it, and an italic caption below the rule.
                rule_y = rect.top() + self.GROUP_GAP // 2
                painter.fillRect(QRect(rect.left(), rule_y, rect.width(), 1), muted)
                font.setItalic(True)
                text_rect.setTop(rect.top() + self.GROUP_GAP)
            else:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
                font.setBold(True)
            painter.setFont(font)
            painter.setPen(muted)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                             painter.fontMetrics().elidedText(str(index.data()), Qt.TextElideMode.ElideRight,
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
        # The briefing's period at the right of the title line, when results come from several briefings.
        model = index.model()
        briefing = model.briefing_label(result) if isinstance(model, SearchResultModel) else ""
        title_width = inner.width()
        if briefing:
            briefing = opt.fontMetrics.elidedText(briefing, Qt.TextElideMode.ElideRight, inner.width() // 3)
            briefing_width = opt.fontMetrics.horizontalAdvance(briefing)
            title_width -= briefing_width + 2 * self.PAD
            painter.setFont(opt.font)
            painter.setPen(palette.color(role if selected else QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRect(inner.right() - briefing_width, inner.top(), briefing_width + 1, title_height),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), briefing)
            painter.setFont(title_font)
            painter.setPen(palette.color(role))
        painter.drawText(QRect(inner.left(), inner.top(), title_width, title_height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         bold_metrics.elidedText(_title_of(index, result),
                                                 Qt.TextElideMode.ElideRight, title_width))
        doc, _height = self._document(index.row(), result, opt.font, self._text_width(opt))
        painter.translate(inner.left(), inner.top() + title_height + 2)
        painter.setClipRect(QRect(0, 0, inner.width(), inner.height() - title_height - 2))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class ResultList(QListView):
    """The results list: rows of varying height that follow the popup's width.

    The delegate wraps snippets at the list's width less a scroll bar, shown or not
    (:meth:`SearchResultDelegate._text_width`), so rows are measured again only when the
    list's own width changes. The viewport's width also changes when the scroll bar comes
    or goes, as the first long list of results is shown: measuring and painting every row
    again then (as QListView does for wrapped text) doubled that keystroke's work.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        #: The list's width when its rows were last measured for it.
        self._measured_width = -1

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        # The viewport's resizes come here (QAbstractScrollArea), the list's own do not: compare the list's width.
        if self.width() != self._measured_width:
            self._measured_width = self.width()
            # Snippets wrap to the width: measure the rows again (a change of height alone changes no row).
            self.scheduleDelayedItemsLayout()
        # Not QListView's: with word wrap on, it would lay out every row again on the viewport's resize.
        QAbstractItemView.resizeEvent(self, event)
