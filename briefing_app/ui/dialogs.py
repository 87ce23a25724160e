"""The window's small dialogs: choose a database, "cannot open", About. Imported when first needed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..data.store import StoreError
from ..i18n import tr
from .plain import make_plain

__all__ = ["ask_database", "show_open_failed", "show_about"]


def ask_database(parent: QWidget, folder: Path, lang: str) -> str:
    """File → Open…: the database the user picked, starting in ``folder``; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("dialog.open.title", lang), str(folder),
                                          tr("dialog.open.filter", lang))
    return path


def show_open_failed(parent: QWidget, exc: StoreError, kept: Path | None, lang: str, *,
                     instead: bool = False) -> QMessageBox:
    """Say, in plain text and in ``lang``, which file could not be read and why, and what the window shows:
    still the database it showed before (``kept``), or ``kept`` in its place (``instead``: nothing was open)."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("dialog.open_failed.title", lang), "", parent=parent)
    box.setObjectName("openErrorBox")
    make_plain(box)
    text = f"{exc.path}\n\n{exc.reason(lang)}"
    if kept is not None:
        from .database_status import database_label

        shown = database_label(kept, lang)
        text += "\n\n" + tr("dialog.open_failed.instead" if instead else "dialog.open_failed.kept", lang, name=shown)
    box.setText(text)
    box.open()
    return box


def show_about(parent: QWidget, lang: str) -> QMessageBox:
    """Help → About: the app's name and version."""
    from .. import version

    box = QMessageBox(QMessageBox.Icon.Information, tr("app.name", lang),
                      tr("dialog.about.text", lang, version=version()), parent=parent)
    box.setObjectName("aboutBox")
    make_plain(box)
    box.open()
    return box
