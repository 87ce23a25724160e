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


def show_open_failed(parent: QWidget, exc: StoreError, kept: Path | None, lang: str) -> QMessageBox:
    """Say, in plain text, which file could not be read and why, and which database stays open (``kept``)."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("dialog.open_failed.title", lang), "", parent=parent)
    box.setObjectName("openErrorBox")
    make_plain(box)
    text = f"{exc.path}\n\n{exc.problem}"
    if kept is not None:
        text += "\n\n" + tr("dialog.open_failed.kept", lang, name=kept.name)
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
