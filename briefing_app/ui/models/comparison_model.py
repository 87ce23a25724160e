"""Two briefings' figures side by side: a thin table over :class:`~briefing_app.data.compare.Comparison` rows.

The table reads earlier → later, as the printed pack does, whichever of the two is open: measure, the
earlier value, the later value, the change computed from them, the change the later briefing states, and
the note (why a row is not comparable). Rows that are not comparable are greyed. Cells are worded by
:func:`~briefing_app.data.compare.figure_cell` and :func:`~briefing_app.data.compare.change_cell`, so they
read as on paper; sorting uses :data:`SORT_ROLE` (numbers as numbers, text folded, blanks last).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ...data.compare import ComparedFigure, Comparison, ComparisonRow, change_cell, figure_cell
from ...data.folding import fold
from ...i18n import tr
from ...text_limits import TOOLTIP_CHARS, elide

__all__ = ["ComparisonTableModel", "ComparisonSortProxy", "SORT_ROLE", "COLUMN_KEYS", "COL_MEASURE", "COL_OLDER",
           "COL_NEWER", "COL_CHANGE", "COL_STATED", "COL_NOTE"]

COL_MEASURE, COL_OLDER, COL_NEWER, COL_CHANGE, COL_STATED, COL_NOTE = range(6)
#: the printed pack's column texts, in column order
COLUMN_KEYS = ("report.compare.col.measure", "report.compare.col.older", "report.compare.col.newer",
               "report.compare.col.change", "report.compare.col.stated", "report.compare.col.note")
#: numbers as floats, text folded, ``None`` for a blank cell (the proxy sorts it last either way)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = frozenset({COL_OLDER, COL_NEWER, COL_CHANGE, COL_STATED})
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class _Shown:
    """One row as the table reads it (earlier, later, and the change later against earlier)."""

    def __init__(self, row: ComparisonRow, newer: str):
        self.row = row
        self.early, self.late = (row.a, row.b) if newer == "b" else (row.b, row.a)
        # compare_briefings computes B against A; the table reads later against earlier, exactly (as the pack)
        self.change = row.change_pct if newer == "b" or row.change_pct is None else _change(self.early, self.late)


def _change(early: ComparedFigure | None, late: ComparedFigure | None) -> Decimal | None:
    if early is None or late is None or early.value is None or late.value is None or early.value == 0:
        return None
    return ((late.value - early.value) / early.value * 100).quantize(Decimal("0.01"))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class ComparisonTableModel(QAbstractTableModel):
    """Read-only rows of a comparison (none while not comparing)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._rows: list[_Shown] = []
        self._lang = "vi"

    # ------------------------------------------------------------ filling
    def set_comparison(self, comparison: Comparison | None, lang: str) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._lang = lang
        self._rows = [_Shown(row, comparison.newer) for row in comparison.rows] if comparison else []
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self.set_comparison(self._comparison, lang)

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def row_at(self, row: int) -> ComparisonRow | None:
        return self._rows[row].row if 0 <= row < len(self._rows) else None

    def headers(self) -> list[str]:
        return [str(self.headerData(c, Qt.Orientation.Horizontal)).replace("\n", ": ")
                for c in range(self.columnCount())]

    def cells(self, row: int) -> list[str]:
        """Row ``row``'s texts, for copying."""
        return [str(self.index(row, c).data() or "") for c in range(self.columnCount())]

    # ------------------------------------------------------------ Qt
    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMN_KEYS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = tr(COLUMN_KEYS[section], self._lang)
            comparison = self._comparison
            if comparison is not None and section in (COL_OLDER, COL_NEWER):
                older, newer = (comparison.a, comparison.b) if comparison.newer == "b" else (comparison.b, comparison.a)
                # on a second line: the period is what tells the columns apart, and must not be elided
                text = f"{text}\n{(older if section == COL_OLDER else newer).period(self._lang)}"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if section in _NUMERIC else _LEFT)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        shown, column, lang = self._rows[index.row()], index.column(), self._lang
        row = shown.row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(shown, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(shown, column)
            note = row.note(lang)
            if note and column != COL_NOTE:
                text = f"{text}\n{note}"
            return elide(text, TOOLTIP_CHARS) if text not in ("", "—") else None
        if role == SORT_ROLE:
            return self._sort_key(shown, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column in _NUMERIC else _LEFT)
        if role == Qt.ItemDataRole.ForegroundRole and not row.comparable:
            # greyed like disabled text: the figures are shown, but not set against each other
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _text(self, shown: _Shown, column: int) -> str:
        lang = self._lang
        if column == COL_MEASURE:
            return shown.row.label(lang)
        if column == COL_OLDER:
            return figure_cell(shown.early, lang)
        if column == COL_NEWER:
            return figure_cell(shown.late, lang)
        if column == COL_CHANGE:
            return change_cell(shown.change, lang)
        if column == COL_STATED:
            return change_cell(shown.row.stated_change_pct, lang)
        return shown.row.note(lang)

    def _sort_key(self, shown: _Shown, column: int) -> object:
        if column == COL_OLDER:
            return _float(shown.early.value) if shown.early else None
        if column == COL_NEWER:
            return _float(shown.late.value) if shown.late else None
        if column == COL_CHANGE:
            return _float(shown.change)
        if column == COL_STATED:
            return _float(shown.row.stated_change_pct)
        text = self._text(shown, column)
        return fold(text) if text else None


class ComparisonSortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`, blank cells last in either order, ties in the comparison's order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802 - Qt override
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            if a is None and b is None:
                return left.row() < right.row()
            # Qt sorts descending by asking lessThan(right, left): keep the blanks last both ways.
            return (a is None) == (self.sortOrder() == Qt.SortOrder.DescendingOrder)
        if a == b:
            return left.row() < right.row()
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
