"""The Directives tab (Nhiệm vụ): the numbered tasks, in order, with their sectors."""

from ..tab import PrintScope
from .items_tab import ItemsTab


class DirectivesTab(ItemsTab):
    title_key = "tab.directives"
    section = "directives"
    empty_key = "empty.directives"
    grouped = False

    def print_scope(self) -> PrintScope:
        """The directives print as a checklist, as the tab lists them one by one."""
        return PrintScope(checklist=True)
