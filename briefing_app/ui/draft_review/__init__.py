"""File ▸ New Briefing from Article…: draft a briefing from an article and review it in a window (issue #18);
File ▸ Open Draft for Review…: go on with a review saved half-way.

:func:`open_article_review` reads and drafts the article (``data/draft``, rules only) and opens a
:class:`DraftReviewWindow` on it; :func:`open_draft_review` rebuilds the review a briefing file was saved from
(``data/draft/reopen.py``) and opens the window on it, saving back to that file. The command line's
``briefing-app ARTICLE.txt`` / ``briefing-app FILE.yaml`` and the main window's menu come here. Imported only
when used: nothing here is on the window's start-up path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...data.briefing_file import BriefingFileError
from ...data.draft.review import Review
from ...data.draft_file import DraftFileError, draft_article, reopen_review_file, review_problems
from ...i18n import tr
from ..plain import make_plain, shown
from ..state import ViewerState
from .review_window import DraftReviewWindow

__all__ = ["DraftReviewWindow", "open_article_review", "open_draft_review", "open_review", "ask_article"]


def ask_article(parent: QWidget | None, lang: str, folder: Path | None = None) -> Path | None:
    """The article the user picks (a UTF-8 text file); None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, tr("review.open.title", lang), str(folder or Path.home()),
                                          tr("review.open.filter", lang))
    return Path(name) if name else None


def open_article_review(parent: QWidget | None, state: ViewerState | None, article: Path | None = None,
                        lang: str = "vi") -> DraftReviewWindow | None:
    """Draft ``article`` (asked for when None) and show the review window, following ``state``'s language.
    None when cancelled or the article cannot be read (a message says which file and why)."""
    lang = state.lang if state is not None else lang
    if article is None:
        article = ask_article(parent, lang)
        if article is None:
            return None
    try:
        draft = draft_article(article)
    except DraftFileError as exc:
        _say_open_failed(parent, tr("review.open_failed.title", lang), str(exc))
        return None
    return _show(DraftReviewWindow(Review(draft), article, lang, parent), state)


def open_draft_review(parent: QWidget | None, state: ViewerState | None, path: Path | None = None,
                      lang: str = "vi") -> DraftReviewWindow | None:
    """Reopen the review saved to the briefing file ``path`` (asked for when None) and show it; saving goes back
    to that file. None when cancelled or the file cannot be reopened (a message says which file and why; the
    file is not changed)."""
    lang = state.lang if state is not None else lang
    if path is None:
        name, _ = QFileDialog.getOpenFileName(parent, tr("review.reopen.title", lang), str(Path.home()),
                                              tr("review.save.filter", lang))
        if not name:
            return None
        path = Path(name)
    try:
        review = reopen_review_file(path)
    except BriefingFileError as exc:
        _say_open_failed(parent, tr("review.reopen_failed.title", lang),
                         f"{exc.text(lang)}\n\n{tr('review.reopen_failed.kept', lang)}")
        return None
    window = DraftReviewWindow(review, path.parent / review.draft.article_name, lang, parent, path=path)
    window.show_problems(review_problems(review, path))  # as the last save showed them
    window.statusBar().showMessage(tr("review.msg.reopened", lang, name=path.name), 15000)
    return _show(window, state)


def open_review(parent: QWidget | None, state: ViewerState | None, path: Path) -> DraftReviewWindow | None:
    """``briefing-app FILE``: a saved draft (``.yaml``, ``.yml``) is reopened, anything else drafted as an article."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return open_draft_review(parent, state, path)
    return open_article_review(parent, state, path)


def _say_open_failed(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=parent)
    box.setObjectName("reviewOpenErrorBox")
    make_plain(box)
    box.setText(shown(text))
    box.open()


def _show(window: DraftReviewWindow, state: ViewerState | None) -> DraftReviewWindow:
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if state is not None:
        state.language_changed.connect(window.set_language)
    window.show()
    window.activateWindow()
    return window
