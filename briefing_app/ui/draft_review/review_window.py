"""The review window: the article with its drafted figures highlighted beside the list of them, a form to edit
the current one, and File ▸ Save writing the briefing file.

The window is a view of a :class:`~briefing_app.data.draft.review.Review` (the decisions live there): the
person accepts (A), rejects (R), sets back to pending (P) or edits (E, Enter) the item in front, adds a
figure by selecting its text in the article (Ctrl+Shift+F or the context menu), and saves (Ctrl+S).

Saving always writes the file (it is a draft; a half-done review must not be lost), then validates it as
``briefing-app validate`` does and shows each problem on its item: the row is marked, its tooltip and the
form say what is wrong. Rejected items are left out of the file, accepted ones are written as they stand and
pending ones with their ``# check:`` notes; nothing enters a database until the file is imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...data.draft import DraftFigure, DraftItem, Span
from ...data.draft.review import ACCEPTED, PENDING, REJECTED, EditError, ItemProblems, Review
from ...data.draft_file import SavedReview, default_draft_path, save_review
from ...i18n import tr
from ...text_limits import elide
from ..models.draft_item_model import FIGURES, ID_ROLE, ITEMS, DraftItemModel
from ..plain import make_plain, plain_label, shown
from .article_view import ArticleView, Highlight
from .edit_form import ItemForm
from .legend import HighlightLegend

__all__ = ["DraftReviewWindow"]

#: How far after a figure's number its unit may start and still be highlighted with it.
_UNIT_REACH = 3


class DraftReviewWindow(QMainWindow):
    """Review one drafted article; ``saved(path)`` after each save that wrote the file."""

    saved = Signal(Path)

    def __init__(self, review: Review, article_path: Path, lang: str = "vi", parent: QWidget | None = None,
                 path: Path | None = None):
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("draftReviewWindow")
        self.review = review
        self.article_path = article_path
        self.lang = lang
        self.path: Path | None = path  # where the file was last saved (a reopened review: the file it came from)
        self.problems = ItemProblems({}, ())
        self.last_message_box: QMessageBox | None = None
        self.resize(1280, 800)

        self.article = ArticleView(self)
        self.article.set_article(review.draft.article_text)
        self.legend = HighlightLegend(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.legend)
        left_layout.addWidget(self.article, 1)

        self.figure_model = DraftItemModel(review, FIGURES, lang, self)
        self.item_model = DraftItemModel(review, ITEMS, lang, self)
        self.figure_table = self._table(self.figure_model, "reviewFigures")
        self.item_table = self._table(self.item_model, "reviewItems")
        self.lists = QTabWidget(self)
        self.lists.setObjectName("reviewLists")
        self.lists.addTab(self.figure_table, "")
        self.lists.addTab(self.item_table, "")
        self.form = ItemForm(self)
        self.problem_banner = plain_label("", self)
        self.problem_banner.setObjectName("reviewProblems")
        self.problem_banner.setStyleSheet("color: #b71c1c;")
        self.problem_banner.hide()
        self.save_note = plain_label("", self)
        self.save_note.setObjectName("reviewSaveNote")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.problem_banner)
        right_layout.addWidget(self.lists, 3)
        right_layout.addWidget(self.form, 0)
        right_layout.addWidget(self.save_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.counts_label = plain_label("", self, wrap=False, selectable=False)
        self.counts_label.setObjectName("reviewCounts")
        self.counts_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A normal widget, not a permanent one: a save's message ("Saved … · copied the article … beside it")
        # takes the whole bar while it shows, and the counts come back after it (a permanent widget kept its
        # room and cut the message short; see also ui/database_status.py).
        self.statusBar().addWidget(self.counts_label, 1)

        self._create_actions()
        self._create_menus()
        self._connect_signals()
        self.retranslate()
        self._refresh_highlights()
        if self.figure_model.rowCount():
            self.figure_table.selectRow(0)

    def _table(self, model: DraftItemModel, name: str) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = (110, 220, 110, 110, 80, 200, 150) if model.kind == FIGURES else (110, 110, 330, 150)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        return table

    # ------------------------------------------------------------ building
    def _create_actions(self) -> None:
        def action(name: str, shortcuts: tuple[str, ...] = (), widgets: tuple[QWidget, ...] = ()) -> QAction:
            act = QAction(self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
            if widgets:
                # A single letter acts where the items are read (the lists, the article), never in a field.
                act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                for widget in widgets:
                    widget.addAction(act)
            else:
                self.addAction(act)
            return act

        readers = (self.figure_table, self.item_table, self.article)
        self.save_action = action("reviewSave", ("Ctrl+S",))
        self.save_as_action = action("reviewSaveAs", ("Ctrl+Shift+S",))
        self.close_action = action("reviewClose", ("Ctrl+W",))
        self.accept_action = action("reviewAccept", ("A",), readers)
        self.reject_action = action("reviewReject", ("R",), readers)
        self.pending_action = action("reviewPending", ("P",), readers)
        self.edit_action = action("reviewEdit", ("E", "Return", "Enter"), readers)
        self.add_figure_action = action("reviewAddFigure", ("Ctrl+Shift+F",))
        self.article.add_figure_action = self.add_figure_action

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.review_menu = bar.addMenu("")
        for act in (self.accept_action, self.reject_action, self.pending_action, self.edit_action):
            self.review_menu.addAction(act)
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.add_figure_action)

    def _connect_signals(self) -> None:
        self.save_action.triggered.connect(lambda _checked=False: self.save())
        self.save_as_action.triggered.connect(lambda _checked=False: self.save(ask=True))
        self.close_action.triggered.connect(self.close)
        self.accept_action.triggered.connect(lambda _checked=False: self.decide(ACCEPTED))
        self.reject_action.triggered.connect(lambda _checked=False: self.decide(REJECTED))
        self.pending_action.triggered.connect(lambda _checked=False: self.decide(PENDING))
        self.edit_action.triggered.connect(lambda _checked=False: self.form.focus_first())
        self.add_figure_action.triggered.connect(lambda _checked=False: self.add_figure_from_selection())
        for table in (self.figure_table, self.item_table):
            table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.lists.currentChanged.connect(self._on_lists_current_changed)
        self.article.clicked_at.connect(self._on_article_clicked_at)
        self.article.selectionChanged.connect(self._update_actions)
        self.form.apply_requested.connect(self._on_form_apply_requested)
        self.form.revert_requested.connect(self._on_form_revert_requested)

    # ------------------------------------------------------------ the current item
    def current_table(self) -> QTableView:
        return self.item_table if self.lists.currentWidget() is self.item_table else self.figure_table

    def current_id(self) -> str | None:
        table = self.current_table()
        index = table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def current_item(self) -> DraftFigure | DraftItem | None:
        item_id = self.current_id()
        return self.review.draft.item(item_id) if item_id else None

    def select_item(self, item_id: str) -> None:
        """Make ``item_id`` the current row of its list (switching list) and show it in the article."""
        for table, model in ((self.figure_table, self.figure_model), (self.item_table, self.item_model)):
            row = model.row_of(item_id)
            if row >= 0:
                self.lists.setCurrentWidget(table)
                index = model.index(row, 0)
                table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                table.scrollTo(index)
                return

    def _on_table_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _on_lists_current_changed(self, _index: int) -> None:
        table = self.current_table()
        if not table.currentIndex().isValid() and table.model().rowCount():
            table.selectRow(0)
        self._show_current()

    def _show_current(self) -> None:
        item = self.current_item()
        status = self.review.status(item.id) if item else PENDING
        self.form.set_item(item, self.problems.by_item.get(item.id, ()) if item else (), status == ACCEPTED)
        self._refresh_highlights()
        if item is not None:
            self.article.scroll_to(item.span if isinstance(item, DraftFigure) else (item.span[0], item.span[0]))
        self._update_actions()

    # ------------------------------------------------------------ highlights
    def figure_span(self, figure: DraftFigure) -> Span:
        """What the article highlights for ``figure``: its number, with its unit when the unit follows it."""
        start, end = figure.span
        unit = figure.field_spans.get("unit")
        if unit is not None and 0 <= unit[0] - end <= _UNIT_REACH:
            end = unit[1]
        return start, end

    def highlights(self) -> list[Highlight]:
        """Every figure by its status, then the current item: its sentence tinted and its figure strongest."""
        current = self.current_item()
        out: list[Highlight] = []
        if isinstance(current, DraftFigure):
            out.append(Highlight(current.sentence, "sentence"))
        elif current is not None:
            out.append(Highlight(current.span, "passage"))
        for figure in self.review.draft.figures:
            status = self.review.status(figure.id)
            style = status if status != PENDING else ("unsure" if figure.unsure else "pending")
            out.append(Highlight(self.figure_span(figure), style))
        if isinstance(current, DraftFigure):
            out.append(Highlight(self.figure_span(current), "current"))
        return out

    def _refresh_highlights(self) -> None:
        self.article.set_highlights(self.highlights())

    def _on_article_clicked_at(self, offset: int) -> None:
        """A click on a highlighted figure makes it current; in a passage of the items list, that item."""
        for figure in self.review.draft.figures:
            start, end = self.figure_span(figure)
            if start <= offset < end:
                self.select_item(figure.id)
                return
        if self.current_table() is self.item_table:
            draft = self.review.draft
            for item in (*draft.achievements, *draft.limitations, *draft.directives):
                if item.span[0] <= offset < item.span[1]:
                    self.select_item(item.id)
                    return

    # ------------------------------------------------------------ decisions and edits
    def decide(self, status: str) -> None:
        """Give the current item ``status`` and go on to the next row (as a reader works down the list)."""
        item_id = self.current_id()
        if item_id is None:
            return
        self.review.set_status(item_id, status)
        self._changed(item_id)
        table = self.current_table()
        row = table.currentIndex().row()
        if row + 1 < table.model().rowCount():
            table.selectRow(row + 1)
        else:
            self._show_current()

    def _on_form_apply_requested(self, changes: dict) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        try:
            self.review.edit(item_id, changes)
        except EditError as exc:
            self.form.show_error(exc)
            return
        self._changed(item_id)
        self._show_current()
        self.statusBar().showMessage(tr("review.msg.applied", self.lang), 4000)
        self.current_table().setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_form_revert_requested(self) -> None:
        self._show_current()
        self.current_table().setFocus(Qt.FocusReason.OtherFocusReason)

    def add_figure_from_selection(self) -> DraftFigure | None:
        """A figure from the text selected in the article (see ``Review.add_figure``), made current for editing."""
        span = self.article.selected_span()
        if span is None:
            self.statusBar().showMessage(tr("review.msg.select_first", self.lang), 5000)
            return None
        try:
            figure = self.review.add_figure(*span)
        except ValueError:
            self.statusBar().showMessage(tr("review.msg.select_first", self.lang), 5000)
            return None
        self.figure_model.refresh()
        cursor = self.article.textCursor()
        cursor.clearSelection()
        self.article.setTextCursor(cursor)
        self._mark_modified()
        self.select_item(figure.id)
        self.statusBar().showMessage(tr("review.msg.added", self.lang, label=elide(shown(figure.label))), 5000)
        self.form.focus_first()
        return figure

    def _changed(self, item_id: str) -> None:
        self.figure_model.item_changed(item_id)
        self.item_model.item_changed(item_id)
        self._mark_modified()

    def _mark_modified(self) -> None:
        self.setWindowModified(True)
        self._update_counts()

    def _update_actions(self, *_args: object) -> None:
        has_item = self.current_id() is not None
        for act in (self.accept_action, self.reject_action, self.pending_action, self.edit_action):
            act.setEnabled(has_item)
        self.add_figure_action.setEnabled(self.article.textCursor().hasSelection())

    def _update_counts(self) -> None:
        figures, items = self.review.counts("figures"), self.review.counts("items")
        self.counts_label.setText(tr("review.counts", self.lang, fa=figures[ACCEPTED], fr=figures[REJECTED],
                                     fp=figures[PENDING], ia=items[ACCEPTED], ir=items[REJECTED], ip=items[PENDING]))
        total_figures, total_items = sum(figures.values()), sum(items.values())
        self.lists.setTabText(0, tr("review.tab.figures", self.lang, n=total_figures))
        self.lists.setTabText(1, tr("review.tab.items", self.lang, n=total_items))

    # ------------------------------------------------------------ saving
    def default_path(self) -> Path:
        return self.path or default_draft_path(self.article_path)

    def _ask_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, tr("review.save.title", self.lang), str(self.default_path()),
                                              tr("review.save.filter", self.lang))
        return Path(name) if name else None

    def save(self, path: Path | None = None, ask: bool = False) -> SavedReview | None:
        """Write the briefing file to ``path`` (else where it was last saved, else asked), validate it and show
        its problems on the items. None when nothing was written (cancelled, or a message said why)."""
        if path is None:
            path = self.path if self.path is not None and not ask else self._ask_path()
            if path is None:
                return None
        try:
            saved = save_review(self.review, path)
        except OSError as exc:
            from ...data.atomic import describe_write_problem

            self._show_save_failed(path, describe_write_problem(path, exc, self.lang))
            return None
        self.path = path
        self.setWindowModified(False)
        self.show_problems(saved.problems)
        self._update_title()
        notes = []
        if saved.article_copied is not None:
            notes.append(tr("review.saved.article_copied", self.lang, name=saved.article_copied.name))
        if saved.article_differs is not None:
            notes.append(tr("review.saved.article_differs", self.lang, name=saved.article_differs.name))
        key = "review.saved.valid" if not saved.problems.count else "review.saved.problems"
        message = tr(key, self.lang, name=path.name, n=saved.problems.count)
        self.statusBar().showMessage(" · ".join([message, *notes]), 15000)
        self.saved.emit(path)
        return saved

    def show_problems(self, problems: ItemProblems) -> None:
        """Mark each validation problem on its item (the row, its tooltip, the form) and sum them up above."""
        self.problems = problems
        self.figure_model.set_problems(problems.by_item)
        self.item_model.set_problems(problems.by_item)
        lines = []
        if problems.count:
            lines.append(tr("review.problems.summary", self.lang, n=problems.count))
        lines += [p.text(self.lang) for p in problems.general]  # str() would be English
        self.problem_banner.setText(shown("\n".join(lines)))
        self.problem_banner.setVisible(bool(lines))
        self._show_current()

    def _show_save_failed(self, path: Path, problem: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("review.save_failed.title", self.lang), "", parent=self)
        box.setObjectName("reviewSaveErrorBox")
        make_plain(box)
        box.setText(f"{shown(str(path))}\n\n{problem}\n\n{tr('review.save_failed.kept', self.lang)}")
        box.open()
        self.last_message_box = box

    # ------------------------------------------------------------ texts
    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.lang
        self.file_menu.setTitle(tr("menu.file", lang))
        self.review_menu.setTitle(tr("review.menu", lang))
        for act, key in ((self.save_action, "review.action.save"), (self.save_as_action, "review.action.save_as"),
                         (self.close_action, "review.action.close"), (self.accept_action, "review.action.accept"),
                         (self.reject_action, "review.action.reject"), (self.pending_action, "review.action.pending"),
                         (self.edit_action, "review.action.edit"),
                         (self.add_figure_action, "review.action.add_figure")):
            act.setText(tr(key, lang))
            act.setToolTip(tr(key, lang).replace("&", "").rstrip("…"))
        self.figure_model.set_language(lang)
        self.item_model.set_language(lang)
        self.legend.retranslate(lang)
        self.form.retranslate(lang)
        self.article.setAccessibleName(tr("review.article", lang))
        self.figure_table.setAccessibleName(tr("review.figures.name", lang))
        self.item_table.setAccessibleName(tr("review.items.name", lang))
        self.save_note.setText(tr("review.save_note", lang))
        if self.problems.count:
            self.show_problems(self.problems)
        self._update_counts()
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        name = self.path.name if self.path else self.article_path.name
        self.setWindowTitle(f"{elide(shown(name))}[*] — {tr('review.title', self.lang)}")

    # ------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.isWindowModified():
            super().closeEvent(event)
            return
        event.ignore()
        box = QMessageBox(QMessageBox.Icon.Question, tr("review.unsaved.title", self.lang),
                          tr("review.unsaved.text", self.lang), parent=self)
        box.setObjectName("reviewUnsavedBox")
        make_plain(box)
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda _result: self._on_unsaved_box_finished(box))
        box.open()
        self.last_message_box = box

    def _on_unsaved_box_finished(self, box: QMessageBox) -> None:
        button = box.standardButton(box.clickedButton())
        if button == QMessageBox.StandardButton.Save and self.save() is None:
            return
        if button in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
            self.setWindowModified(False)
            self.close()
