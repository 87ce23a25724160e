"""One row per enterprise, with its stated results (value, % of plan, change) per metric.

The metric columns come from the data: every metric that some enterprise has a
top-level result for, the usual ones first (revenue, profit, budget,
subscribers), so another briefing's enterprises show without code changes.
Within a metric, the "% of plan" and "change" columns appear only when some
enterprise states them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from ...data.records import Enterprise, Indicator
from ...data.snapshot import Snapshot
from ...data.wording import change_number, change_short, comparisons, figure_text, plan_short
from ...i18n import STRINGS, tr
from ...text_limits import TOOLTIP_CHARS, elide
from ..detail_html import entry_title
from ..plain import escape

__all__ = ["EnterpriseTableModel", "EnterpriseSortProxy", "ColumnKey", "SORT_ROLE", "METRIC_ORDER"]

#: numbers for numeric cells (a float, or None when not stated), the folded name for the enterprise column
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

#: metrics in the order the columns show them; metrics not listed follow in order of appearance
METRIC_ORDER = ("revenue", "profit", "budget", "subscribers", "subscribers_domestic", "subscribers_abroad")

_ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

#: The root (invalid) index, Qt's default ``parent``. One shared instance, as a default argument
#: would be: a QModelIndex has no setters.
_ROOT = QModelIndex()


@dataclass(frozen=True)
class ColumnKey:
    """What a column shows: ``metric`` is None for the enterprise column; ``kind`` is value, plan or change."""

    metric: str | None
    kind: str = "value"


@dataclass
class _Row:
    enterprise: Enterprise
    #: metric → results in source order (the first is the one the cells show)
    results: dict[str, list[Indicator]]

    def primary(self, metric: str | None) -> Indicator | None:
        found = self.results.get(metric) if metric else None
        return found[0] if found else None


def _break_in_two(name: str, shortest: int = 12) -> str:
    """A long name split at the space nearest its middle; short or one-word names unchanged."""
    if len(name) < shortest or " " not in name:
        return name
    middle = len(name) / 2
    cut = min((i for i, c in enumerate(name) if c == " "), key=lambda i: abs(i - middle))
    return name[:cut] + "\n" + name[cut + 1:]


class EnterpriseTableModel(QAbstractTableModel):
    """Enterprises × metric results. Read-only; texts follow the language set."""

    COL_ENTERPRISE = 0

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lang = "vi"
        self._rows: list[_Row] = []
        self._columns: list[ColumnKey] = [ColumnKey(None)]
        self._metric_labels: dict[str, tuple[str, str]] = {}
        self._wrap_names = False

    # ------------------------------------------------------------ loading
    def set_rows(self, snapshot: Snapshot | None, lang: str) -> None:
        """Show ``snapshot``'s enterprises (none when it is None) in ``lang``."""
        self.beginResetModel()
        self._lang = lang
        self._rows = []
        self._metric_labels = {}
        seen: list[str] = []
        if snapshot is not None:
            for enterprise in sorted(snapshot.enterprises, key=lambda e: e.position):
                results = snapshot.enterprise_results(enterprise.id)
                own = {r.id for r in results}
                grouped: dict[str, list[Indicator]] = {}
                for result in sorted(results, key=lambda r: r.position):
                    # a part of another of this enterprise's results (domestic subscribers) is shown
                    # with its total in the detail pane, not as a column of its own
                    if not result.metric or result.parent_id in own:
                        continue
                    grouped.setdefault(result.metric, []).append(result)
                    if result.metric not in seen:
                        seen.append(result.metric)
                        self._metric_labels[result.metric] = (result.label("vi"), result.label("en"))
                self._rows.append(_Row(enterprise, grouped))
        metrics = [m for m in METRIC_ORDER if m in seen] + [m for m in seen if m not in METRIC_ORDER]
        self._columns = [ColumnKey(None)]
        for metric in metrics:
            primaries = [p for p in (row.primary(metric) for row in self._rows) if p is not None]
            kinds = []
            if any(p.value is not None for p in primaries):
                kinds.append("value")
            if any(p.plan_pct is not None for p in primaries):
                kinds.append("plan")
            if any(change_number(p) is not None for p in primaries):
                kinds.append("change")
            self._columns += [ColumnKey(metric, kind) for kind in kinds or ["value"]]
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        if lang == self._lang:
            return
        self._lang = lang
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    @property
    def lang(self) -> str:
        return self._lang

    def set_wrap_names(self, wrap: bool) -> None:
        """Break long metric names over two header lines (``Budget\\ncontribution\\n% of plan``)."""
        if wrap != self._wrap_names:
            self._wrap_names = wrap
            if self._columns:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    @property
    def wrap_names(self) -> bool:
        return self._wrap_names

    # ------------------------------------------------------------ look-ups
    def column_key(self, column: int) -> ColumnKey | None:
        return self._columns[column] if 0 <= column < len(self._columns) else None

    def column_of(self, key: ColumnKey) -> int:
        try:
            return self._columns.index(key)
        except ValueError:
            return -1

    def enterprise_at(self, row: int) -> Enterprise | None:
        return self._rows[row].enterprise if 0 <= row < len(self._rows) else None

    def row_of(self, enterprise_id: int) -> int:
        for row, entry in enumerate(self._rows):
            if entry.enterprise.id == enterprise_id:
                return row
        return -1

    def indicator_at(self, row: int, column: int) -> Indicator | None:
        """The result a cell shows (for any of a metric's columns), or None."""
        key = self.column_key(column)
        if key is None or key.metric is None or not 0 <= row < len(self._rows):
            return None
        return self._rows[row].primary(key.metric)

    def results_at(self, row: int, column: int) -> list[Indicator]:
        key = self.column_key(column)
        if key is None or key.metric is None or not 0 <= row < len(self._rows):
            return []
        return list(self._rows[row].results.get(key.metric, []))

    def metric_label(self, metric: str, lang: str | None = None) -> str:
        lang = lang or self._lang
        if f"metric.{metric}" in STRINGS:
            return tr(f"metric.{metric}", lang)
        vi, en = self._metric_labels.get(metric, (metric, metric))
        return en if lang == "en" and en else vi

    def header_text(self, column: int, lang: str | None = None, one_line: bool = False) -> str:
        """``Doanh thu\\n% kế hoạch`` (``one_line``: ``Doanh thu (% kế hoạch)``)."""
        lang = lang or self._lang
        key = self.column_key(column)
        if key is None:
            return ""
        if key.metric is None:
            return tr("col.enterprise", lang)
        metric = self.metric_label(key.metric, lang)
        part = tr({"value": "col.value", "plan": "col.plan", "change": "col.change"}[key.kind], lang)
        if one_line:
            return f"{metric} ({part})"
        if self._wrap_names:
            metric = _break_in_two(metric)
        return f"{metric}\n{part}"

    def cell_text(self, row: int, column: int, lang: str | None = None) -> str:
        lang = lang or self._lang
        key = self.column_key(column)
        if key is None or not 0 <= row < len(self._rows):
            return ""
        entry = self._rows[row]
        if key.metric is None:
            return entry.enterprise.short_name or entry.enterprise.name(lang)
        indicator = entry.primary(key.metric)
        out = ""
        if indicator is not None:
            if key.kind == "value":
                out = figure_text(indicator, lang)
            elif key.kind == "plan":
                out = plan_short(indicator, lang)
            else:
                out = change_short(indicator, lang)
        return out or tr("enterprises.not_stated", lang)

    def sort_value(self, row: int, column: int) -> float | str | None:
        key = self.column_key(column)
        if key is None or not 0 <= row < len(self._rows):
            return None
        entry = self._rows[row]
        if key.metric is None:
            return self.cell_text(row, column).casefold()
        indicator = entry.primary(key.metric)
        if indicator is None:
            return None
        number = {"value": indicator.value, "plan": indicator.plan_pct,
                  "change": change_number(indicator)}[key.kind]
        return None if number is None else float(number)

    def tooltip(self, row: int, column: int) -> str | None:
        """The cell's source sentence (and any other result for the metric), escaped for rich text."""
        key = self.column_key(column)
        if key is None or not 0 <= row < len(self._rows):
            return None
        lang = self._lang
        entry = self._rows[row]
        if key.metric is None:
            return f"<p>{escape(elide(entry.enterprise.name(lang), TOOLTIP_CHARS))}</p>"
        results = entry.results.get(key.metric, [])
        if not results:
            return None
        out = [f"<p>{escape(elide(results[0].source_text, TOOLTIP_CHARS))}</p>"]
        for other in results[1:]:
            what = "; ".join([entry_title(other, lang)] + comparisons(other, lang))
            out.append(f"<p><i>{escape(elide(tr('enterprises.also', lang, what=what), TOOLTIP_CHARS))}</i></p>")
            if other.source_text != results[0].source_text:
                out.append(f"<p>{escape(elide(other.source_text, TOOLTIP_CHARS))}</p>")
        return "".join(out)

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            # Cut: laying out a 1 MB name froze the window; copying uses cell_text, whole.
            return elide(self.cell_text(row, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((_ALIGN_TEXT if column == self.COL_ENTERPRISE else _ALIGN_NUMBER).value)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == self.COL_ENTERPRISE:
                return elide(self._rows[row].enterprise.name(self._lang))
            return f"{self.header_text(column, one_line=True)}: {elide(self.cell_text(row, column))}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_ENTERPRISE:
                return None
            if self.cell_text(row, column) == tr("enterprises.not_stated", self._lang):
                return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            return None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.header_text(section, one_line=True)
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # names A→Z first; figures biggest first
            order = Qt.SortOrder.AscendingOrder if section == self.COL_ENTERPRISE else Qt.SortOrder.DescendingOrder
            return int(order.value)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class EnterpriseSortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`, keeping cells with no figure last in either order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
        if a is None or b is None or a == b or type(a) is not type(b):
            if a is None and b is not None:
                return descending      # placed after every figure
            if b is None and a is not None:
                return not descending
            # ties keep the source order whichever way the column is sorted
            return left.row() > right.row() if descending else left.row() < right.row()
        return a < b
