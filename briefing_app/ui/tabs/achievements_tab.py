"""The Achievements tab (Kết quả): what the half-year achieved, by sector."""

from .items_tab import ItemsTab


class AchievementsTab(ItemsTab):
    title_key = "tab.achievements"
    section = "achievements"
    empty_key = "empty.achievements"
    grouped = True
