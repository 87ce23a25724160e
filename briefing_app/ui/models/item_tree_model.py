"""Achievements, limitations or directives as a Qt model: grouped by sector, or a flat numbered list."""

from __future__ import annotations

from typing import overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ...data.folding import fold
from ...data.records import Item, Sector
from ...i18n import tr
from ...text_limits import TOOLTIP_CHARS, elide
from ..plain import escape

__all__ = ["ItemTreeModel", "ITEM_ROLE", "FILTER_ROLE"]

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex

#: The root (invalid) index, Qt's default ``parent``. One shared instance, as a default argument
#: would be: a QModelIndex has no setters.
_ROOT = QModelIndex()


class ItemTreeModel(QAbstractItemModel):
    """Grouped: sectors at the top level, their items beneath (one column).
    Flat: one row per item with columns number, title, sector (for directives).
    """

    COL_NUMBER, COL_TITLE, COL_SECTOR = 0, 1, 2

    def __init__(self, grouped: bool, parent=None):
        super().__init__(parent)
        self.grouped = grouped
        self._groups: list[tuple[Sector, list[Item]]] = []
        self._items: list[Item] = []
        self._sectors: dict[int, Sector] = {}
        self._lang = "vi"

    # ------------------------------------------------------------ content
    def set_rows(self, groups: list[tuple[Sector, list[Item]]], lang: str) -> None:
        self.beginResetModel()
        self._groups = [(s, list(items)) for s, items in groups]
        self._items = [i for _, items in self._groups for i in items]
        self._items.sort(key=lambda i: i.position)
        self._sectors = {s.id: s for s, _ in self._groups}
        self._lang = lang
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            for row in range(self.rowCount()):
                parent = self.index(row, 0)
                if self.rowCount(parent):
                    self.dataChanged.emit(self.index(0, 0, parent), self.index(self.rowCount(parent) - 1, 0, parent))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def item_at(self, index: _Index) -> Item | None:
        return index.data(ITEM_ROLE) if index.isValid() else None

    def index_of(self, item_id: int) -> QModelIndex:
        if self.grouped:
            for g, (_, items) in enumerate(self._groups):
                for r, item in enumerate(items):
                    if item.id == item_id:
                        return self.index(r, 0, self.index(g, 0))
        else:
            for r, item in enumerate(self._items):
                if item.id == item_id:
                    return self.index(r, self.COL_TITLE)
        return QModelIndex()

    # ------------------------------------------------------------ Qt model
    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 1 if self.grouped else 3

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        if parent.column() > 0:
            return 0
        if not self.grouped:
            return 0 if parent.isValid() else len(self._items)
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not self.grouped or not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    # Qt's two parent()s share one Python name: the QObject's owner, and an index's parent.
    @overload
    def parent(self, /) -> QObject | None: ...
    @overload
    def parent(self, index: _Index, /) -> QModelIndex: ...
    def parent(self, index: _Index | None = None, /) -> QObject | QModelIndex | None:
        if index is None:
            return super().parent()
        if not index.isValid() or not self.grouped or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def _entry(self, index: _Index) -> Sector | Item | None:
        if not self.grouped:
            return self._items[index.row()]
        if index.internalId() == 0:
            return self._groups[index.row()][0]
        return self._groups[index.internalId() - 1][1][index.row()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entry(index)
        lang = self._lang
        if isinstance(entry, Sector):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                count = len(self._groups[index.row()][1])
                return f"{elide(entry.name(lang))} ({count})"
            if role == Qt.ItemDataRole.FontRole:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
            if role == FILTER_ROLE:
                return fold(entry.name_vi + " " + (entry.name_en or ""))
            return None
        assert isinstance(entry, Item)
        column = index.column() if not self.grouped else self.COL_TITLE
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.COL_NUMBER:
                return str(entry.number) if entry.number is not None else ""
            if column == self.COL_SECTOR:
                sector = self._sectors.get(entry.sector_id)
                return elide(sector.name(lang)) if sector else ""
            return elide(entry.title(lang))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TITLE:
            # Escaped and wrapped: a tooltip starting with "<" would otherwise be read as markup.
            return f"<p>{escape(elide(entry.source_text, TOOLTIP_CHARS))}</p>"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ITEM_ROLE:
            return entry
        if role == FILTER_ROLE:
            return fold(" ".join(filter(None, [entry.title_vi, entry.title_en, entry.source_text])))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if self.grouped:
            return tr("col.title", self._lang)
        return (tr("col.number", self._lang), tr("col.title", self._lang), tr("col.sector", self._lang))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
