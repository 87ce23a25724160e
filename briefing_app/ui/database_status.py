"""The status bar's account of the open database: which file, which briefing, when it was read, and
what went wrong since (the last good data stays shown)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtWidgets import QStatusBar

from ..i18n import render, tr
from ..text_limits import elide
from .plain import plain_label
from .session import BUSY, DatabaseSession

__all__ = ["DatabaseStatus", "database_label"]


class DatabaseStatus:
    """Four labels on ``status_bar``, filled from a :class:`DatabaseSession` by :meth:`show`.

    Which database and briefing are open is said in the bar's normal area, which a temporary message
    ("3 rows copied") covers for its few seconds; what went wrong and when the data was read stay, at
    the right. (All four were permanent, the briefing's title stretching: permanent widgets then filled
    the whole bar, and a temporary message, which QStatusBar draws left of the first permanent one, had
    no room and was drawn over the database's name.)
    """

    def __init__(self, status_bar: QStatusBar):
        self.database = plain_label("", wrap=False, selectable=False)
        self.database.setObjectName("databaseStatus")
        self.briefing = plain_label("", wrap=False, selectable=False)
        self.loaded = plain_label("", wrap=False, selectable=False)
        self.loaded.setObjectName("loadedStatus")
        self.problem = plain_label("", wrap=False, selectable=False)
        self.problem.setObjectName("problemStatus")
        status_bar.addWidget(self.database)
        status_bar.addWidget(self.briefing, 1)
        status_bar.addPermanentWidget(self.problem)
        status_bar.addPermanentWidget(self.loaded)

    def show(self, session: DatabaseSession, lang: str) -> None:
        """Say what ``session`` has open, in ``lang``."""
        store = session.store
        if store is None:
            self.database.setText(tr("status.none", lang))
            self.briefing.setText("")
            self.loaded.setText("")
            return
        self.database.setText(database_label(store.path, lang))
        self.database.setToolTip(str(store.path.absolute()))
        snapshot = session.snapshot
        self.briefing.setText(elide(snapshot.briefing.title(lang)) if snapshot else "")
        loaded = ""
        if session.refreshed_at is not None:
            loaded = tr("status.refreshed", lang, time=session.refreshed_at.strftime("%H:%M:%S"))
        elif session.loaded_at is not None:
            loaded = tr("status.loaded", lang, time=session.loaded_at.strftime("%H:%M:%S"))
        if store.immutable:
            # Read as a fixed file (its folder cannot be written): say that changes are not followed.
            loaded += " — " + tr("status.fixed_wal" if store.unread_wal else "status.fixed", lang)
        self.loaded.setText(loaded)
        problem = session.problem
        if problem == BUSY:
            self.problem.setText(tr("status.busy", lang))
        elif problem:
            when = (session.refreshed_at or session.loaded_at or _dt.datetime.now()).strftime("%H:%M:%S")
            self.problem.setText(tr("status.kept", lang, problem=render(problem, lang), time=when))
        else:
            self.problem.setText("")
        self.problem.setVisible(bool(problem))


def database_label(path: Path, lang: str) -> str:
    """Which database is open and where, for the status bar.

    The user's library, the bundled one, or a file in a folder.
    """
    from ..paths import bundled_database, library_path

    path = path.absolute()
    if path == library_path().absolute():
        return tr("status.library", lang, name=path.name)
    if path == bundled_database().absolute():
        return tr("status.bundled", lang, name=path.name)
    folder = str(path.parent)
    home = str(Path.home())
    if folder == home or folder.startswith(home + "/"):
        folder = "~" + folder[len(home):]
    if len(folder) > 48:  # the tooltip has the whole path
        folder = folder[:16] + "…" + folder[-31:]
    return tr("status.database", lang, name=path.name, folder=folder)
