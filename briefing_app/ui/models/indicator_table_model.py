"""The indicators as a flat table: one row per figure, parts indented under their totals.

Every cell is plain text worded by :mod:`briefing_app.data.wording`, so a number
reads the same here as in the detail pane and the printout. Sorting uses
:data:`SORT_ROLE` (numbers as numbers, text folded), never the displayed text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...data.folding import fold
from ...data.periods import period_end
from ...data.records import Indicator
from ...data.wording import as_of_text, change_short, plan_short, qualifier_word, value_text
from ...i18n import tr
from ...text_limits import TOOLTIP_CHARS, elide
from ..plain import escape

__all__ = [
    "IndicatorTableModel", "SORT_ROLE", "COLUMN_KEYS",
    "COL_LABEL", "COL_VALUE", "COL_UNIT", "COL_QUALIFIER", "COL_PLAN", "COL_CHANGE", "COL_AS_OF",
    "NUMERIC_COLUMNS", "INDENT", "PART_MARK",
]

COL_LABEL, COL_VALUE, COL_UNIT, COL_QUALIFIER, COL_PLAN, COL_CHANGE, COL_AS_OF = range(7)
#: string keys of the column headers, in column order
COLUMN_KEYS = ("col.label", "col.value", "col.unit", "col.qualifier", "col.plan", "col.change", "col.as_of")
NUMERIC_COLUMNS = frozenset({COL_VALUE, COL_PLAN, COL_CHANGE})

#: numbers as floats, text folded, ``None`` for "not stated" (the proxy sorts it last)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

INDENT = "    "
PART_MARK = "↳ "

#: short form of "N% of the same period" for the Change column: ("{pct} cùng kỳ", "{pct} of last year")

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

_Index = QModelIndex | QPersistentModelIndex

#: The root (invalid) index, Qt's default ``parent``. One shared instance, as a default argument
#: would be: a QModelIndex has no setters.
_ROOT = QModelIndex()


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class IndicatorTableModel(QAbstractTableModel):
    """Read-only rows of indicators (give them in tree order: each total followed by its parts)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Indicator] = []
        self._lang = "vi"
        self._row_of: dict[int, int] = {}
        self._totals: set[int] = set()
        self._enterprise_names: dict[int, str] = {}
        self._bold: QFont | None = None

    # ------------------------------------------------------------ contents
    @property
    def lang(self) -> str:
        return self._lang

    def set_rows(self, indicators: Sequence[Indicator], lang: str,
                 enterprise_names: Mapping[int, str] | None = None) -> None:
        """Show ``indicators`` in this order.

        ``enterprise_names`` (enterprise id → short name) tells apart figures that share a
        label, e.g. several enterprises' "Lợi nhuận": they read "Lợi nhuận (VNPT)".
        """
        self.beginResetModel()
        self._rows = list(indicators)
        self._lang = lang
        self._enterprise_names = dict(enterprise_names or {})
        self._row_of = {indicator.id: row for row, indicator in enumerate(self._rows)}
        ids = set(self._row_of)
        self._totals = {i.parent_id for i in self._rows if i.parent_id is not None and i.parent_id in ids}
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        if lang == self._lang:
            return
        self._lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMN_KEYS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMN_KEYS) - 1)

    def indicators(self) -> list[Indicator]:
        return list(self._rows)

    def indicator_at(self, row: int) -> Indicator | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, indicator_id: int) -> int:
        """The row showing ``indicator_id``, or -1."""
        return self._row_of.get(indicator_id, -1)

    # ------------------------------------------------------------ texts
    def label_text(self, indicator: Indicator) -> str:
        """The label as shown, without indentation (with the enterprise when that tells rows apart)."""
        label = indicator.label(self._lang)
        name = self._enterprise_names.get(indicator.enterprise_id) if indicator.enterprise_id is not None else None
        if name and fold(name) not in fold(label):
            label = f"{label} ({name})"
        return label

    def cell_text(self, indicator: Indicator, column: int, indent: bool = True) -> str:
        lang = self._lang
        if column == COL_LABEL:
            label = self.label_text(indicator)
            if indent and (indicator.parent_id is not None or indicator.depth > 0):
                return INDENT * max(indicator.depth, 1) + PART_MARK + label
            return label
        if column == COL_VALUE:
            return value_text(indicator, lang)
        if column == COL_UNIT:
            return indicator.unit(lang)
        if column == COL_QUALIFIER:
            return qualifier_word(indicator.qualifier, lang)
        if column == COL_PLAN:
            return plan_short(indicator, lang)
        if column == COL_CHANGE:
            return change_short(indicator, lang)
        if column == COL_AS_OF:
            return as_of_text(indicator, lang)
        return ""

    def headers(self) -> list[str]:
        return [tr(key, self._lang) for key in COLUMN_KEYS]

    def _sort_value(self, indicator: Indicator, column: int) -> object:
        if column == COL_LABEL:
            return fold(self.label_text(indicator))
        if column == COL_VALUE:
            return _number(indicator.value)
        if column == COL_PLAN:
            return _number(indicator.plan_pct)
        if column == COL_CHANGE:
            if indicator.change_pct is not None:
                return float(indicator.change_pct)
            if indicator.same_period_pct is not None:
                return float(indicator.same_period_pct) - 100.0
            return None
        if column == COL_AS_OF:
            return period_end(indicator.as_of)
        text = self.cell_text(indicator, column)
        return fold(text) if text else None

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        indicator = self.indicator_at(index.row())
        column = index.column()
        if indicator is None or not 0 <= column < len(COLUMN_KEYS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # Cut: laying out a 1 MB label froze the window; copying uses cell_text, whole.
            return elide(self.cell_text(indicator, column))
        if role == SORT_ROLE:
            return self._sort_value(indicator, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in NUMERIC_COLUMNS else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            # Escaped and wrapped, so Qt never reads database text as markup.
            return f"<p>{escape(elide(indicator.source_text, TOOLTIP_CHARS))}</p>"
        if role == Qt.ItemDataRole.FontRole and column == COL_LABEL and indicator.id in self._totals:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        if not 0 <= section < len(COLUMN_KEYS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return tr(COLUMN_KEYS[section], self._lang)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in NUMERIC_COLUMNS else _LEFT
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # Figures largest first on the first click; text A→Z.
            return (Qt.SortOrder.DescendingOrder if section in NUMERIC_COLUMNS
                    else Qt.SortOrder.AscendingOrder)
        return None
