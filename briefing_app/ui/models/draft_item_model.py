"""The drafted items of a review as a table: the figures, or the achievements, limitations and directives.

A thin adapter over :class:`~briefing_app.data.draft.review.Review`: one row per drafted item, in the
draft's order; each cell is plain text (the article's words are data). The status column says what the
person decided and, after a save, how many of the validator's problems are about the row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...data.briefing_file import Problem
from ...data.draft import DraftFigure, DraftItem
from ...data.draft.review import ACCEPTED, REJECTED, Review
from ...data.draft.sectors import SECTORS
from ...i18n import render, tr
from ...text_limits import TOOLTIP_CHARS, elide
from ..plain import shown

__all__ = ["DraftItemModel", "ID_ROLE", "FIGURE_COLUMNS", "ITEM_COLUMNS", "FIGURES", "ITEMS", "status_text",
           "comparisons_text", "value_written", "sector_name"]

FIGURES, ITEMS = "figures", "items"
#: Column header keys, in column order.
FIGURE_COLUMNS = ("review.col.status", "col.label", "review.col.value", "col.unit", "col.qualifier",
                  "review.col.comparisons", "col.sector", "review.col.checks")
ITEM_COLUMNS = ("review.col.status", "review.col.kind", "review.col.title", "col.sector", "review.col.checks")
#: The drafted item's id (``Draft.item(id)``).
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_STATUS_MARK = {"pending": "•", ACCEPTED: "✓", REJECTED: "✗"}
_PROBLEM_BACKGROUND = QColor("#fde2e1")
_REJECTED_TEXT = QColor("#767676")
_SECTOR_NAMES = {sid: (vi, en) for sid, vi, en in SECTORS}


def status_text(status: str, lang: str) -> str:
    """``✓ Accepted``: the status with a mark, so it does not rest on colour alone."""
    return f"{_STATUS_MARK[status]} {tr(f'review.status.{status}', lang)}"


def value_written(figure: DraftFigure) -> str:
    """The value as the article writes it: ``72.736.956.416``, a range ``10–20``; "" when none."""
    if figure.value is None:
        return ""
    return f"{figure.value}–{figure.value_max}" if figure.value_max else figure.value


def comparisons_text(figure: DraftFigure, lang: str) -> str:
    """``47,41% of plan · up 13% · 106% of same period``: the figure's comparisons, as stated."""
    parts = []
    if figure.plan_pct:
        parts.append(tr("review.cmp.plan", lang, pct=figure.plan_pct))
    if figure.change_pct:
        down = figure.change_pct.startswith("-")
        parts.append(tr("review.cmp.down" if down else "review.cmp.up", lang, pct=figure.change_pct.lstrip("+-")))
    if figure.same_period_pct:
        parts.append(tr("review.cmp.same_period", lang, pct=figure.same_period_pct))
    if figure.compared_with:
        parts.append(tr("review.cmp.compared_with", lang, what=figure.compared_with))
    return " · ".join(parts)


def sector_name(sector: str, lang: str) -> str:
    names = _SECTOR_NAMES.get(sector)
    return sector if names is None else names[1 if lang == "en" else 0]


class DraftItemModel(QAbstractTableModel):
    """Rows of the review's figures (``FIGURES``) or prose items (``ITEMS``)."""

    def __init__(self, review: Review, kind: str, lang: str, parent=None):
        super().__init__(parent)
        self._review = review
        self._kind = kind
        self._lang = lang
        self._ids: list[str] = []
        self._problems: Mapping[str, Sequence[Problem]] = {}
        self.refresh()

    @property
    def kind(self) -> str:
        return self._kind

    def _items(self) -> list[DraftFigure | DraftItem]:
        draft = self._review.draft
        if self._kind == FIGURES:
            return list(draft.figures)
        return [*draft.achievements, *draft.limitations, *draft.directives]

    def refresh(self) -> None:
        """Read the review again (after an item was added: rows change)."""
        self.beginResetModel()
        self._ids = [i.id for i in self._items()]
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.item_changed_rows(range(len(self._ids)))

    def set_problems(self, problems: Mapping[str, Sequence[Problem]]) -> None:
        """The validator's problems by item id (after a save): their rows are marked."""
        self._problems = problems
        self.item_changed_rows(range(len(self._ids)))

    def problems(self, item_id: str) -> Sequence[Problem]:
        return self._problems.get(item_id, ())

    def item_changed(self, item_id: str) -> None:
        """Repaint the row of ``item_id`` (its status or fields changed)."""
        if item_id in self._ids:
            self.item_changed_rows([self._ids.index(item_id)])

    def item_changed_rows(self, rows) -> None:
        rows = list(rows)
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.columnCount() - 1))

    def row_of(self, item_id: str) -> int:
        """The row showing ``item_id``; -1 when it is not one of this table's."""
        return self._ids.index(item_id) if item_id in self._ids else -1

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    # ------------------------------------------------------------ Qt
    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt override
        if parent.isValid():
            return 0
        return len(FIGURE_COLUMNS if self._kind == FIGURES else ITEM_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        keys = FIGURE_COLUMNS if self._kind == FIGURES else ITEM_COLUMNS
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(keys):
            return tr(keys[section], self._lang)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        item_id = self._ids[index.row()]
        if role == ID_ROLE:
            return item_id
        item = self._review.draft.item(item_id)
        status = self._review.status(item_id)
        problems = self._problems.get(item_id, ())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(item, status, problems, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            said = [(p.field, render(p.message, self._lang)) for p in problems]
            lines = [f"{field}: {text}" if field else text for field, text in said]
            lines += item.checks if status != ACCEPTED else []
            text = self._cell(item, status, problems, index.column())
            return elide(shown("\n".join([text, *lines]) if lines else text), TOOLTIP_CHARS) or None
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return _PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and status == REJECTED:
            return _REJECTED_TEXT
        return None

    def _cell(self, item: DraftFigure | DraftItem, status: str, problems: Sequence[Problem], column: int) -> str:
        lang = self._lang
        checks = "" if status == ACCEPTED or not item.unsure else tr("review.to_check", lang, n=len(item.unsure))
        if column == 0:
            text = status_text(status, lang)
            return f"{text} ⚠ {len(problems)}" if problems else text
        cells: tuple[str, ...]
        if isinstance(item, DraftFigure):
            cells = ("", item.label, value_written(item), item.unit or "", item.qualifier or "",
                     comparisons_text(item, lang), sector_name(item.sector, lang), checks)
        else:
            kind = tr(f"review.kind.{item.section}", lang)
            if item.number is not None:
                kind = f"{kind} {item.number}"
            cells = ("", kind, item.title, sector_name(item.sector, lang), checks)
        return shown(" ".join(cells[column].split())) if column < len(cells) else ""
