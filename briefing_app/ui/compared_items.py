"""Directives or limitations of two briefings: which continue (with their similarity), which are new, which
were dropped, as three groups with counts — the window's reading of the printed pack's comparison lists."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QVBoxLayout, QWidget

from ..data.compare import Comparison, ItemComparison
from ..data.numbers import format_number
from ..data.records import Item
from ..i18n import tr, tr_n
from ..text_limits import TOOLTIP_CHARS, elide
from .plain import plain_label

__all__ = ["ComparedItemsView", "GROUPS"]

#: the role holding the (briefing id, item id) pairs an entry shows
ITEMS_ROLE = Qt.ItemDataRole.UserRole + 1

#: the three groups, top to bottom, each with its counted heading's text key
GROUPS = (("continued", "count.compare.continued"), ("new", "count.compare.new"),
          ("dropped", "count.compare.dropped"))


def _marker(item: Item) -> str:
    return f"{item.number}." if item.number else "•"


class ComparedItemsView(QWidget):
    """A heading (which briefing against which) over a tree of the three groups."""

    def __init__(self, section: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.heading = plain_label("", self)
        self.heading.setObjectName("comparedItemsHeading")
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("comparedItems")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)

    def set_comparison(self, comparison: Comparison | None, lang: str) -> None:
        """Fill the groups from ``comparison`` (empty when None)."""
        self.model.clear()
        if comparison is None:
            self.heading.setText("")
            return
        older, newer = (comparison.a, comparison.b) if comparison.newer == "b" else (comparison.b, comparison.a)
        self.heading.setText(tr("compare.window.items_heading", lang, older=older.period(lang),
                                newer=newer.period(lang)))
        items: ItemComparison = getattr(comparison, self.section)

        def line(item: Item, briefing_id: str) -> str:
            sector = comparison.sector_of(item, briefing_id)
            name = f" ({sector.name(lang)})" if sector else ""
            return f"{_marker(item)} {item.title(lang)}{name}"

        groups: dict[str, list[tuple[str, str, list[tuple[str, int]]]]] = {"continued": [], "new": [], "dropped": []}
        for match in items.continued:
            early, late = (match.a, match.b) if comparison.newer == "b" else (match.b, match.a)
            score = tr("report.compare.score", lang, score=format_number(Decimal(str(match.score)), lang))
            text = f"{line(late, newer.id)}\n    ← {_marker(early)} {early.title(lang)} · {score}"
            groups["continued"].append((text, text, [(newer.id, late.id), (older.id, early.id)]))
        groups["new"] = [(line(i, newer.id), i.title(lang), [(newer.id, i.id)]) for i in items.new]
        groups["dropped"] = [(line(i, older.id), i.title(lang), [(older.id, i.id)]) for i in items.dropped]
        headings = [(key, tr_n(counted, len(groups[key]), lang)) for key, counted in GROUPS]
        silent = items.silent_side()
        if silent is not None:
            # One briefing lists none (a briefing cited by reference may carry figures only): its silence is not
            # the other's items being "new" or "dropped". Say so, and list the other's as they are.
            quiet, other = (older, newer) if silent == "older" else (newer, older)
            listed_key = "new" if silent == "older" else "dropped"
            self.heading.setText(self.heading.text() + "\n" + tr(f"compare.silent.{self.section}", lang,
                                                                 quiet=quiet.period(lang), other=other.period(lang)))
            headings = [(listed_key, tr_n("count.compare.listed_in", len(groups[listed_key]), lang,
                                          period=other.period(lang)))]
        elif not (items.continued or items.new or items.dropped):
            self.heading.setText(self.heading.text() + "\n" + tr(f"compare.neither.{self.section}", lang))
            headings = []
        for key, heading in headings:
            listed = groups[key]
            group = QStandardItem(heading)
            group.setData(key, Qt.ItemDataRole.UserRole)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            group.setSelectable(False)
            for text, tip, shown in listed:
                child = QStandardItem(text)
                child.setToolTip(elide(tip, TOOLTIP_CHARS))
                child.setData(shown, ITEMS_ROLE)
                group.appendRow(child)
            self.model.appendRow(group)
        self.view.expandAll()

    def select_item(self, briefing_id: str, item_id: int) -> bool:
        """Select and show the entry of ``briefing_id``'s item ``item_id``; False when no entry shows it."""
        wanted = (briefing_id, item_id)
        for row in range(self.model.rowCount()):
            group = self.model.item(row)
            for child_row in range(group.rowCount() if group is not None else 0):
                child = group.child(child_row)
                if child is not None and wanted in (child.data(ITEMS_ROLE) or []):
                    index = child.index()
                    self.view.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                    self.view.scrollTo(index)
                    return True
        return False

    def group_texts(self) -> dict[str, tuple[str, list[str]]]:
        """{group key: (its heading, its entries' texts)} as shown."""
        out = {}
        for row in range(self.model.rowCount()):
            group = self.model.item(row)
            if group is None:
                continue
            entries = [group.child(r).text() for r in range(group.rowCount()) if group.child(r) is not None]
            out[str(group.data(Qt.ItemDataRole.UserRole))] = (group.text(), entries)
        return out

    def copy_rows(self) -> tuple[list[str], list[list[str]]] | None:
        """The selected entries, one column."""
        indexes = sorted(self.view.selectionModel().selectedRows(), key=lambda i: (i.parent().row(), i.row()))
        rows = [[str(i.data() or "")] for i in indexes if i.parent().isValid()]
        return ([self.heading.text()], rows) if rows else None
