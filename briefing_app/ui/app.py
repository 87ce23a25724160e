"""Start the desktop viewer."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from .. import paths
from ..fonts import ensure_vietnamese_font
from ..i18n import LANGUAGES, tr
from ..logs import logger
from ..paths import library_path
from .clipboard import release_clipboard
from .errors import install_excepthook
from .long_lived import settle
from .main_window import MainWindow
from .resources import icon
from .state import ViewerState

__all__ = ["run", "create_window", "system_language", "ORGANISATION", "APPLICATION"]

ORGANISATION = "BriefingViewer"
APPLICATION = "Briefing Viewer"


def system_language() -> str:
    """Vietnamese on a Vietnamese system, English elsewhere."""
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


def create_window(database: Path | None, lang: str | None, settings: QSettings) -> MainWindow:
    """Build the main window and open ``database`` (or the last one, or the bundled data.db)."""
    chosen = lang or str(settings.value("language", "") or "") or system_language()
    if chosen not in LANGUAGES:
        chosen = system_language()
    state = ViewerState(chosen)
    window = MainWindow(state, settings, startup_database=database)
    state.setParent(window)
    return window


def open_startup_database(window: MainWindow) -> None:
    """Open what the user asked for (``window.startup_database``); without a request, the last
    database, else the user's library."""
    requested = window.startup_database
    last = window.settings.value("last_database")
    if requested is None and last and Path(str(last)) != library_path() and Path(str(last)).is_file():
        requested = Path(str(last))
    if requested is not None:
        earlier = window.session.last_failure
        if window.open_database(requested, quiet=True):
            return
        failure = window.session.last_failure
        if failure is not earlier and failure is not None:
            # Never a quiet fallback: the window says what could not be opened and what it shows instead.
            window.open_database(default_database(lang=window.state.lang), quiet=True)
            window.show_open_failed(failure, instead=True)
            return
    notices: list[str] = []
    if window.open_database(default_database(notices, window.state.lang)) and notices:
        window.statusBar().showMessage(" · ".join(notices), 20_000)


def default_database(notices: list[str] | None = None, lang: str = "en") -> Path:
    """``$BRIEFING_DB``, else the user's library, made or brought up to date first (see data.library).

    When the library cannot be prepared (a read-only home folder, a damaged library), the window
    reads the bundled briefings instead. What happened is logged, and said in ``notices`` (in ``lang``)
    when the user should know: briefings a newer version brought in, or the library being unavailable.
    """
    chosen = paths.default_database()
    if chosen != library_path():
        return chosen
    from ..data.library import describe_update, prepare_user_library
    from ..data.store import StoreError

    notices = notices if notices is not None else []
    try:
        update = prepare_user_library()
    except (StoreError, OSError) as exc:
        logger.warning("library unavailable, reading the bundled briefings: %s", exc)
        notices.append(tr("status.library_unavailable", lang, problem=str(exc)))
        return paths.bundled_database()
    for line in describe_update(update):
        logger.info("%s", line)
    if update.added or update.replaced:
        notices.append(tr("status.library_updated", lang, n=len(update.added) + len(update.replaced)))
    return update.path


def launch(app: QApplication, database: Path | None, lang: str | None, settings: QSettings,
           review: Path | None = None) -> MainWindow:
    """Build the window, read the briefing and show it (what ``briefing-app`` does before its event loop);
    with ``review``, its review opens in front: of a briefing drafted from it (an article, ``.txt``), or the
    review it was saved from (a draft, ``.yaml``)."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("briefing-app")
    app.setWindowIcon(icon("briefing-app.svg"))
    window = create_window(database, lang, settings)
    # Asking the font database about writing systems costs a few ms: after the first paint.
    window.first_painted.connect(lambda: ensure_vietnamese_font(app))
    # Once the first tab's charts are shown: the cycle collector, off while the app started (cli._gui), with
    # what the start read set apart from later collections (a full collection, ~10 ms: its first one would walk
    # every object the start made, wherever it fell); and the focus style (a strong focus outline; Tab leaves
    # tables): its Python polish() of every widget made PySide6 build its ``Qt`` namespace and dozens of widget
    # classes (~20 ms) before the first paint, which has no focus outline to draw (tests/ui/test_startup.py).
    window.start_followed.connect(gc.enable)
    window.start_followed.connect(settle)
    window.start_followed.connect(lambda: _focus_style(app))
    install_excepthook(lambda: window, lambda: window.state.lang)
    app.aboutToQuit.connect(release_clipboard)
    # Shown first, then the briefing read (a few milliseconds; a lock held by another program makes it retry on
    # a timer): the window paints only once the event loop runs, so its first paint already shows the briefing,
    # and the Overview lays its text out once, at the width it is shown at (read before show(), it was laid out
    # at a guessed width, one tile a row, and again when shown: ~4 ms).
    window.show()
    open_startup_database(window)
    if review is not None:
        from .draft_review import open_review  # off the start-up path of a plain start

        open_review(window, window.state, review)
    return window


def _focus_style(app: QApplication) -> None:
    from .focus_style import install_focus_style  # off the start-up path (see launch)

    install_focus_style(app)


def run(database: Path | None = None, lang: str | None = None, review: Path | None = None) -> int:
    """Run the viewer until its window closes; return the exit status. ``review``: see :func:`launch`."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    window = launch(app, database, lang, QSettings(ORGANISATION, APPLICATION), review)  # noqa: F841 - kept alive
    return app.exec()
