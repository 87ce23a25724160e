"""Fixtures for the viewer's tests: the bundled briefing, a state, settings in a temporary file, and
wall-clock bounds that a slow machine can widen."""

from __future__ import annotations

import os

import pytest
from windows import in_front

from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store


@pytest.fixture
def snapshot(bundled_db):
    with open_store(bundled_db) as store:
        yield load_snapshot(store, "mic-2017-h1")


@pytest.fixture
def state(qapp):
    from briefing_app.ui.state import ViewerState

    return ViewerState("vi")


@pytest.fixture
def open_tab(qtbot, state):
    """``open_tab(TabClass, snapshot)``: the tab built, shown at 1280×800 and given the snapshot."""
    def make(cls, snapshot):
        tab = cls(state)
        qtbot.addWidget(tab)
        tab.resize(1280, 800)
        tab.show()
        qtbot.waitExposed(tab)
        tab.set_snapshot(snapshot)
        return tab

    return make


@pytest.fixture
def open_window(qtbot, settings):
    """``open_window(database, lang="vi")``: the main window at 1280×800, shown, with ``database`` open."""
    def make(database, lang="vi"):
        from briefing_app.ui.main_window import MainWindow
        from briefing_app.ui.state import ViewerState

        window = in_front(qtbot, MainWindow(ViewerState(lang), settings))
        assert window.open_database(database)
        return window

    return make


@pytest.fixture
def settings(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session", autouse=True)
def _focus_style(qapp):
    """The style the app runs with (ui/app.py: launch): a strong focus outline, and Tab leaves tables."""
    from briefing_app.ui.focus_style import install_focus_style

    install_focus_style(qapp)


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_exit(qapp):
    """What the app does on quit (see release_clipboard): otherwise PySide6 crashes at exit."""
    yield
    from briefing_app.ui.clipboard import release_clipboard

    release_clipboard()


#: Multiplies every wall-clock bound in these tests (e.g. 3 on a slow CI machine); default 1.
TIME_SCALE_VARIABLE = "BRIEFING_TEST_TIME_SCALE"


class TimeLimit:
    """``time_limit(seconds)``: a wall-clock bound times ``$BRIEFING_TEST_TIME_SCALE``;
    ``time_limit.ms(seconds)`` the same in whole milliseconds (for qtbot timeouts)."""

    @staticmethod
    def scale() -> float:
        value = os.environ.get(TIME_SCALE_VARIABLE, "").strip() or "1"
        try:
            scale = float(value)
        except ValueError:
            scale = 0.0
        if not scale > 0:
            pytest.fail(f"{TIME_SCALE_VARIABLE}={value!r}: expected a positive number (1 = as measured here)")
        return scale

    def __call__(self, seconds: float) -> float:
        return seconds * self.scale()

    def ms(self, seconds: float) -> int:
        return round(seconds * self.scale() * 1000)


@pytest.fixture
def time_limit():
    """Every wall-clock assertion goes through this, so ``BRIEFING_TEST_TIME_SCALE=3`` widens them all."""
    return TimeLimit()


@pytest.fixture
def open_review(qtbot):
    """``open_review(lang="vi")``: the review of the 2017 article drafted, at 1280×800, shown and active."""
    from briefing_app.data.draft.review import Review
    from briefing_app.data.draft_file import draft_article
    from briefing_app.ui.draft_review import DraftReviewWindow
    from briefing_fixtures import ROOT

    article = ROOT / "resources" / "briefings" / "mic-2017-h1.article.txt"
    windows = []

    def make(lang: str = "vi") -> DraftReviewWindow:
        window = in_front(qtbot, DraftReviewWindow(Review(draft_article(article)), article, lang))
        windows.append(window)
        return window

    yield make
    for window in windows:  # a test leaves its review unsaved on purpose: close without asking
        window.setWindowModified(False)
