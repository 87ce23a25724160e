"""Help → Keyboard Shortcuts: every shortcut of the window, in a table."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..i18n import tr
from .tab_stack import tab_shortcut

__all__ = ["ShortcutsDialog", "shortcut_rows"]


def shortcut_rows(lang: str, tab_count: int) -> list[tuple[str, str]]:
    """(keys, what they do) for each shortcut, in ``lang``; ``tab_count`` tabs have Ctrl+1 … Ctrl+N."""
    shortcuts = [s for s in (tab_shortcut(i) for i in range(tab_count)) if s]
    rows = []
    if shortcuts:
        keys = shortcuts[0] if len(shortcuts) == 1 else f"{shortcuts[0]} … {shortcuts[-1]}"
        rows.append((keys, tr("shortcut.switch_tabs", lang, n=len(shortcuts))))
    return rows + [
        ("Ctrl+O", tr("shortcut.open", lang)),
        ("F5", tr("shortcut.reload", lang)),
        ("Ctrl+F", tr("shortcut.search", lang)),
        ("Ctrl+P", tr("shortcut.print", lang)),
        ("Ctrl+Shift+P", tr("shortcut.preview", lang)),
        ("Ctrl+Shift+E", tr("shortcut.export_pdf", lang)),
        ("Ctrl+C", tr("shortcut.copy", lang)),
        ("Ctrl+Q", tr("shortcut.quit", lang)),
        ("F1", tr("shortcut.help", lang)),
    ]


class ShortcutsDialog(QDialog):
    """A table of ``rows`` (keys, meaning) with a Close button."""

    def __init__(self, lang: str, rows: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("dialog.shortcuts.title", lang))
        table = QTableWidget(0, 2, self)
        table.setObjectName("shortcutsTable")
        table.setAccessibleName(tr("dialog.shortcuts.title", lang))
        table.setHorizontalHeaderLabels(["", ""])
        table.horizontalHeader().setVisible(False)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for keys, meaning in rows:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(meaning))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self._fit_to_rows(table)

    def _fit_to_rows(self, table: QTableWidget) -> None:
        """As big as the table's rows and columns, so every row shows without scrolling; a screen too small
        for that gets a dialog as big as the screen allows, and the table scrolls."""
        frame = 2 * table.frameWidth()
        width = sum(table.columnWidth(c) for c in range(table.columnCount())) + frame
        height = sum(table.rowHeight(r) for r in range(table.rowCount())) + frame
        screen = (self.parentWidget() or self).screen().availableGeometry()
        # what the dialog needs around the table: margins, spacing, the button row, the window frame
        around = self.sizeHint() - table.sizeHint()
        table.setMinimumSize(min(width, screen.width() - around.width() - 40),
                             min(height, screen.height() - around.height() - 80))
        table.setMaximumHeight(max(table.minimumHeight(), height))  # no empty band under the last row
        self.adjustSize()
