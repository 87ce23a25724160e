"""Unexpected errors in the viewer: logged, shown with details to copy, and the app carries on."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from ..i18n import tr
from ..logs import logger
from .plain import make_plain

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["install_excepthook", "show_error"]

_shown: list[QMessageBox] = []


def show_error(parent: QWidget | None, lang: str, summary: str, details: str) -> QMessageBox:
    """A plain-text message with the details to copy."""
    from PySide6.QtWidgets import QMessageBox, QPushButton  # when needed: the hook is installed at start-up

    box = QMessageBox(QMessageBox.Icon.Critical, tr("error.title", lang), summary, parent=parent)
    box.setObjectName("errorBox")
    make_plain(box)
    box.setInformativeText(tr("error.carry_on", lang))
    box.setDetailedText(details)
    copy = QPushButton(tr("error.copy", lang), box)
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box


def install_excepthook(parent_getter, lang_getter) -> None:
    """Route exceptions raised in slots and model methods to the log and a dialog."""
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        details = "".join(traceback.format_exception(kind, value, tb))
        logger.error("unexpected error\n%s", details)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        box = show_error(parent_getter(), lang_getter(), f"{kind.__name__}: {value}", details)
        _shown.append(box)  # keep it alive while shown
        box.finished.connect(lambda _result, b=box: _shown.remove(b) if b in _shown else None)
    sys.excepthook = hook
