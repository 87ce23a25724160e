"""File ▸ New Briefing from Article…: draft a briefing from an article and review it in a window (issue #18).

:func:`open_article_review` reads and drafts the article (``data/draft``, rules only) and opens a
:class:`DraftReviewWindow` on it; the command line's ``briefing-app ARTICLE.txt`` and the main window's menu
both come here. Imported only when used: nothing here is on the window's start-up path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...data.draft.review import Review
from ...data.draft_file import DraftFileError, draft_article
from ...i18n import tr
from ..plain import make_plain, shown
from ..state import ViewerState
from .review_window import DraftReviewWindow

__all__ = ["DraftReviewWindow", "open_article_review", "ask_article"]


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
        box = QMessageBox(QMessageBox.Icon.Warning, tr("review.open_failed.title", lang), "", parent=parent)
        box.setObjectName("reviewOpenErrorBox")
        make_plain(box)
        box.setText(shown(str(exc)))
        box.open()
        return None
    window = DraftReviewWindow(Review(draft), article, lang, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if state is not None:
        state.language_changed.connect(window.set_language)
    window.show()
    window.activateWindow()
    return window
