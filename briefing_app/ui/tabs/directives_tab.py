"""The Directives tab (Nhiệm vụ): the numbered tasks, in order, with their sectors."""

from .items_tab import ItemsTab


class DirectivesTab(ItemsTab):
    title_key = "tab.directives"
    section = "directives"
    grouped = False
