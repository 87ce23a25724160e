"""File → Export Table…: the current tab's table, as the reader sees it (filtered and sorted), to XLSX or CSV.

:class:`TableExportController` attaches itself to a main window (``TableExportController(window)``): it adds
the action to the File menu, keeps it enabled only where the tab in front shows a table (saying why not), and
writes the file with the app's one atomic write. Which rows, in which order, comes from the view's own model
(the proxy the table shows: its filter and sort); what a row holds comes from the data layer's section sheets
(:mod:`briefing_app.data.spreadsheet`), so a table exports with names, numbers as numbers and qualifiers in
their own columns, exactly as ``briefing-app export --format xlsx`` writes the same section. A table no
section sheet describes (a comparison, the trends) is written cell by cell as it shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QSortFilterProxyModel, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox

from ..data.atomic import database_files, write_atomically
from ..data.records import Enterprise, Indicator, Item
from ..data.spreadsheet import (
    Sheet,
    enterprise_sheet,
    indicator_sheet,
    item_sheet,
    sheet_csv,
    text_sheet,
    workbook_bytes,
)
from ..i18n import tr
from .models.enterprise_table_model import EnterpriseTableModel
from .models.indicator_table_model import IndicatorTableModel
from .models.item_tree_model import ITEM_ROLE, ItemTreeModel
from .plain import make_plain

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

__all__ = ["TableExportController", "table_view", "view_sheet", "FORMATS"]

#: The formats, by file extension, in the order the save dialog offers them.
FORMATS = ("xlsx", "csv")


def table_view(tab: QObject | None) -> QAbstractItemView | None:
    """The table (or list) the tab shows, if it shows one: the view it puts the keyboard focus in."""
    focus_target = getattr(tab, "focus_target", None)
    view = focus_target() if callable(focus_target) else None
    return view if isinstance(view, QAbstractItemView) and view.model() is not None else None


def _rows(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    """Every row's first index in the order the view shows them, each parent before its children."""
    parent = parent or QModelIndex()
    out: list[QModelIndex] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append(index)
        if model.hasChildren(index):
            out += _rows(model, index)
    return out


def _source(model: QAbstractItemModel) -> tuple[QAbstractItemModel, QSortFilterProxyModel | None]:
    if isinstance(model, QSortFilterProxyModel) and model.sourceModel() is not None:
        return model.sourceModel(), model
    return model, None


def view_sheet(view: QAbstractItemView, snapshot, lang: str, name: str) -> Sheet:
    """What ``view`` shows (its rows, in its order) as a sheet: the section's sheet where the view shows a
    section's records, else its cells as text under its column headers."""
    shown = view.model()
    model, proxy = _source(shown)
    indexes = _rows(shown)

    def source_row(index: QModelIndex) -> int:
        return (proxy.mapToSource(index) if proxy is not None else index).row()

    if snapshot is not None and isinstance(model, IndicatorTableModel):
        indicators = [model.indicator_at(source_row(i)) for i in indexes]
        return indicator_sheet(snapshot, lang, [i for i in indicators if isinstance(i, Indicator)])
    if snapshot is not None and isinstance(model, EnterpriseTableModel):
        enterprises = [model.enterprise_at(source_row(i)) for i in indexes]
        return enterprise_sheet(snapshot, lang, [e for e in enterprises if isinstance(e, Enterprise)])
    if snapshot is not None and isinstance(model, ItemTreeModel):
        items = [item for item in (i.data(ITEM_ROLE) for i in indexes) if isinstance(item, Item)]
        if items:
            return item_sheet(snapshot, items[0].section, lang, items)
    columns = [c for c in range(shown.columnCount()) if not view_hides(view, c)]
    headers = [str(shown.headerData(c, Qt.Orientation.Horizontal) or "").replace("\n", " ") for c in columns]
    rows = [[str(shown.index(i.row(), c, i.parent()).data() or "") for c in columns] for i in indexes]
    return text_sheet("table", name, headers, rows)


def view_hides(view: QAbstractItemView, column: int) -> bool:
    hidden = getattr(view, "isColumnHidden", None)
    return bool(hidden(column)) if callable(hidden) else False


class TableExportController(QObject):
    """File → Export Table… for one main window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.last_error_box: QMessageBox | None = None
        self.action = QAction(window)
        self.action.setObjectName("exportTableAction")
        window.addAction(self.action)
        menu = window.file_menu
        actions = menu.actions()
        # at the end of the printing and exporting group, before the separator above Quit
        quit_at = actions.index(window.quit_action) if window.quit_action in actions else len(actions)
        before = actions[quit_at - 1] if quit_at > 0 and actions[quit_at - 1].isSeparator() else None
        if before is not None:
            menu.insertAction(before, self.action)
        else:
            menu.addAction(self.action)
        menu.setToolTipsVisible(True)  # a disabled Export Table… says why in its tooltip
        self.action.triggered.connect(self._on_action_triggered)
        window.tabs.currentChanged.connect(self.update_action)
        self.state.language_changed.connect(self.update_action)
        self.state.snapshot_changed.connect(self.update_action)
        self.update_action()

    def _tab_name(self) -> str:
        entry = self.window.tabs.current_entry()
        return tr(entry.title_key, self.state.lang) if entry is not None else ""

    def current_view(self) -> QAbstractItemView | None:
        return table_view(self.window.tabs.current_tab())

    def update_action(self, *_args: object) -> None:
        """Enabled where the tab in front shows a table; the tooltip says what it writes, or why it cannot."""
        lang = self.state.lang
        self.action.setText(tr("action.export_table", lang))
        has_table = self.current_view() is not None
        key = "table_export.tip" if has_table else "table_export.no_table"
        self.action.setEnabled(has_table)
        self.action.setToolTip(tr(key, lang, tab=self._tab_name()))
        self.action.setStatusTip(self.action.toolTip())

    def current_sheet(self) -> Sheet | None:
        view = self.current_view()
        if view is None:
            return None
        return view_sheet(view, self.state.snapshot, self.state.lang, self._tab_name())

    def _on_action_triggered(self, _checked: bool = False) -> None:
        self.export_table()

    def _ask_path(self) -> Path | None:
        lang = self.state.lang
        settings = self.window.settings
        folder = str(settings.value("export/folder", "") or "")
        folder = folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        entry = self.window.tabs.current_entry()
        snapshot = self.state.snapshot
        stem = "-".join(p for p in (snapshot.briefing.id if snapshot else "", entry.key if entry else "") if p)
        filters = {tr(f"table_export.filter.{fmt}", lang): fmt for fmt in FORMATS}
        name, chosen = QFileDialog.getSaveFileName(self.window, tr("table_export.title", lang),
                                                   str(Path(folder) / f"{stem or 'table'}.xlsx"), ";;".join(filters))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower().lstrip(".") not in FORMATS and not path.is_dir():
            path = path.with_name(f"{path.name}.{filters.get(chosen, FORMATS[0])}")
        return path

    def export_table(self, path: Path | None = None) -> Path | None:
        """Write the current tab's table to ``path`` (asked for when None): XLSX unless it ends in ``.csv``.
        Returns the path written, or None (cancelled, no table, or a message said why not)."""
        sheet = self.current_sheet()
        if sheet is None:
            return None
        if path is None:
            path = self._ask_path()
            if path is None:
                return None
        lang = self.state.lang
        if path.suffix.lower() == ".csv":
            data = ("\ufeff" + sheet_csv(sheet)).encode("utf-8")
        else:
            snapshot = self.state.snapshot
            data = workbook_bytes([sheet], lang, snapshot.briefing.title(lang) if snapshot else "")
        session_path = self.window.session.path
        try:
            # The open database (and its journal files) is never written over, through any link.
            write_atomically(path, data, inputs=database_files(session_path) if session_path else ())
        except OSError as exc:
            from ..data.atomic import describe_write_problem

            self._show_error(str(path), describe_write_problem(path, exc, lang))
            return None
        self.window.settings.setValue("export/folder", str(path.parent))
        self.window.statusBar().showMessage(tr("table_export.saved", lang, name=path.name, n=len(sheet.rows)), 5000)
        return path

    def _show_error(self, where: str, problem: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("table_export.failed.title", self.state.lang), "",
                          parent=self.window)
        box.setObjectName("tableExportErrorBox")
        make_plain(box)
        box.setText(f"{where}\n\n{problem}")
        box.open()
        self.last_error_box = box
