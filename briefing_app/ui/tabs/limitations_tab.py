"""The Limitations tab (Hạn chế): shortcomings named at the meeting, by sector."""

from .items_tab import ItemsTab


class LimitationsTab(ItemsTab):
    title_key = "tab.limitations"
    section = "limitations"
    empty_key = "empty.limitations"
    grouped = True
