"""The tab registry: which tabs the window has, in order. One module per tab.

Adding a tab is one entry here and its module: the window's tabs, the View menu,
the Ctrl+1…N shortcuts, the shortcuts help, the section headers of search results
and what "Only the current tab" prints all follow this list. A tab's module is
imported only when the tab is built (the first tab before the first paint, the
others right after it), so nothing here imports one.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..tab import BriefingTab

__all__ = ["TabEntry", "TABS", "entry_for", "load_tab_class"]


class TabEntry(NamedTuple):
    """One tab: what it is called and where its class lives."""

    #: short name of the tab; where it shows one kind of search result, the same name as that section
    key: str
    #: key in :mod:`briefing_app.i18n` for the tab's title
    title_key: str
    #: dotted module path and class name, imported when the tab is built
    module: str
    class_name: str
    #: the report section "Only the current tab" prints (see :data:`briefing_app.report.SECTIONS`), or None
    print_section: str | None


def _entry(key: str, class_name: str, print_section: str | None) -> TabEntry:
    return TabEntry(key, f"tab.{key}", f"{__name__}.{key}_tab", class_name, print_section)


TABS: tuple[TabEntry, ...] = (
    _entry("overview", "OverviewTab", "overview"),
    _entry("indicators", "IndicatorsTab", "indicators"),
    _entry("achievements", "AchievementsTab", "achievements"),
    _entry("limitations", "LimitationsTab", "limitations"),
    _entry("directives", "DirectivesTab", "directives"),
    _entry("enterprises", "EnterprisesTab", "enterprises"),
    _entry("source", "SourceTab", "sources"),
    # across every briefing of the database, not only the one shown (issue #15 §3)
    _entry("trends", "TrendsTab", None),
)


def entry_for(key: str, entries: tuple[TabEntry, ...] | None = None) -> TabEntry | None:
    """The entry named ``key`` in ``entries`` (default: :data:`TABS`), or None."""
    return next((e for e in (TABS if entries is None else entries) if e.key == key), None)


def load_tab_class(entry: TabEntry) -> type[BriefingTab]:
    """Import the entry's module and return its tab class."""
    return getattr(importlib.import_module(entry.module), entry.class_name)
