"""File → Print…, Print Preview… and Export PDF…: the briefing pack from inside the viewer.

:class:`PrintController` attaches itself to a :class:`~briefing_app.ui.main_window.MainWindow`
(``PrintController(window)``): it takes over the window's Print action, adds
Print Preview… and Export PDF… beside it in the File menu, and asks for the
options in a :class:`PrintOptionsDialog`. The printer, the preview and the PDF
are all painted by :func:`briefing_app.report.paint_report`, so the preview
shows exactly what prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..data.atomic import database_files
from ..i18n import LANGUAGES, language_name, tr
from ..report import (
    ORIENTATIONS,
    PAGE_SIZES,
    SECTIONS,
    PackInfo,
    ReportError,
    ReportOptions,
    describe_write_problem,
    page_layout,
    paint_report,
    write_pdf,
)
from ..report.document import RenderedPack
from .plain import make_plain, plain_label

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

__all__ = ["PrintController", "PrintOptionsDialog"]


class PrintOptionsDialog(QDialog):
    """Sections (check boxes), "Only the current tab", language, page size and orientation."""

    def __init__(self, lang: str, options: ReportOptions, current_only: bool, current_tab: str | None,
                 parent: QWidget | None = None, compared_with: str | None = None):
        super().__init__(parent)
        self.setObjectName("printOptionsDialog")
        self._lang = lang
        self.setWindowTitle(tr("print.dialog.title", lang))

        self.sections_box = QGroupBox(tr("print.sections", lang), self)
        grid = QGridLayout(self.sections_box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for index, section in enumerate(SECTIONS):
            box = QCheckBox(tr(f"report.section.{section}", lang), self.sections_box)
            box.setObjectName(f"section_{section}")
            box.setChecked(section in options.sections)
            box.toggled.connect(self._update_ok)
            grid.addWidget(box, index % 4, index // 4)
            self.section_boxes[section] = box

        self.current_only_box = QCheckBox(tr("print.current_only", lang, tab=current_tab or "—"), self)
        self.current_only_box.setObjectName("currentOnly")
        self.current_only_box.setEnabled(current_tab is not None)
        self.current_only_box.setChecked(current_only and current_tab is not None)
        self.current_only_box.toggled.connect(self._update_ok)

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("printLanguage")
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(options.lang)))
        self.page_size_combo = QComboBox(self)
        self.page_size_combo.setObjectName("printPageSize")
        for name in PAGE_SIZES:
            self.page_size_combo.addItem(name, name)
        size = options.page_size if isinstance(options.page_size, str) else "A4"
        self.page_size_combo.setCurrentIndex(max(0, self.page_size_combo.findData(size)))
        self.orientation_combo = QComboBox(self)
        self.orientation_combo.setObjectName("printOrientation")
        for name in ORIENTATIONS:
            self.orientation_combo.addItem(tr(f"print.{name}", lang), name)
        self.orientation_combo.setCurrentIndex(max(0, self.orientation_combo.findData(options.orientation)))

        form = QFormLayout()
        form.addRow(tr("print.language", lang), self.language_combo)
        form.addRow(tr("print.page_size", lang), self.page_size_combo)
        form.addRow(tr("print.orientation", lang), self.orientation_combo)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.sections_box)
        layout.addWidget(self.current_only_box)
        # While the window compares two briefings, what prints includes that comparison: say so before printing.
        self.comparison_note = plain_label(tr("print.includes_comparison", lang, briefing=compared_with or ""), self)
        self.comparison_note.setObjectName("printComparisonNote")
        self.comparison_note.setWordWrap(True)
        self.comparison_note.setVisible(compared_with is not None)
        layout.addWidget(self.comparison_note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self, *_args: object) -> None:
        only = self.current_only_box.isChecked()
        self.sections_box.setEnabled(not only)
        chosen = only or any(box.isChecked() for box in self.section_boxes.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen)

    def current_only(self) -> bool:
        return self.current_only_box.isChecked()

    def options(self) -> ReportOptions:
        """The choices made (the sections ticked; "only the current tab" is applied by the controller)."""
        sections = tuple(s for s, box in self.section_boxes.items() if box.isChecked()) or SECTIONS
        return ReportOptions(sections=sections, lang=self.language_combo.currentData(),
                             page_size=self.page_size_combo.currentData(),
                             orientation=self.orientation_combo.currentData())


class PrintController(QObject):
    """Printing, previewing and exporting the briefing pack for one main window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.session = window.session
        self.settings = window.settings
        self.options = self._restore_options()
        self.current_only = False
        self.last_dialog: PrintOptionsDialog | None = None
        self.last_error_box: QMessageBox | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None

        self.preview_action = QAction(window)
        self.preview_action.setObjectName("printPreviewAction")
        self.preview_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.export_pdf_action = QAction(window)
        self.export_pdf_action.setObjectName("exportPdfAction")
        self.export_pdf_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        window.addAction(self.preview_action)
        window.addAction(self.export_pdf_action)
        self._add_to_file_menu()
        self._connect_signals()
        self.retranslate()
        self._update_actions()

    # ------------------------------------------------------------ wiring
    def _add_to_file_menu(self) -> None:
        menu = self.window.file_menu
        actions = menu.actions()
        try:
            after = actions[actions.index(self.window.print_action) + 1]
        except (ValueError, IndexError):
            after = None
        for action in (self.preview_action, self.export_pdf_action):
            if after is None:
                menu.addAction(action)
            else:
                menu.insertAction(after, action)

    def _connect_signals(self) -> None:
        # The window forwards print_action to print_pack (it may be pressed before this controller exists).
        self.preview_action.triggered.connect(self._on_preview_action_triggered)
        self.export_pdf_action.triggered.connect(self._on_export_pdf_action_triggered)
        self.state.language_changed.connect(self._on_state_language_changed)
        self.state.snapshot_changed.connect(self._update_actions)

    def retranslate(self) -> None:
        lang = self.state.lang
        for action, key in ((self.preview_action, "action.print_preview"),
                            (self.export_pdf_action, "action.export_pdf")):
            action.setText(tr(key, lang))
            action.setToolTip(tr(key, lang).replace("&", "").rstrip("…"))

    def _on_state_language_changed(self, lang: str) -> None:
        # the pack follows the interface language until the dialog says otherwise
        self.options = self.options.with_changes(lang=lang)
        self.retranslate()

    def _update_actions(self, *_args: object) -> None:
        enabled = self.state.snapshot is not None
        for action in (self.window.print_action, self.preview_action, self.export_pdf_action):
            action.setEnabled(enabled)

    def _on_preview_action_triggered(self, _checked: bool = False) -> None:
        self.preview()

    def _on_export_pdf_action_triggered(self, _checked: bool = False) -> None:
        self.export_pdf()

    # ------------------------------------------------------------ options
    def _restore_options(self) -> ReportOptions:
        lang = self.state.lang
        value = self.settings.value("print/sections", list(SECTIONS))
        sections: list[str] = []
        if isinstance(value, str):  # QSettings gives a one-item list back as a plain string
            sections = [value]
        elif isinstance(value, list):
            sections = [str(s) for s in value]
        try:
            return ReportOptions(sections=tuple(sections or SECTIONS), lang=lang,
                                 page_size=str(self.settings.value("print/page_size", "A4")),
                                 orientation=str(self.settings.value("print/orientation", "portrait")))
        except ValueError:
            return ReportOptions(lang=lang)

    def _save_options(self) -> None:
        self.settings.setValue("print/sections", list(self.options.sections))
        self.settings.setValue("print/page_size", self.options.page_size)
        self.settings.setValue("print/orientation", self.options.orientation)

    def current_tab_section(self) -> str | None:
        """The report section of the tab in front (from the tab registry), or None when it prints none."""
        entry = self.window.tabs.current_entry()
        return entry.print_section if entry is not None else None

    def current_view_options(self, base: ReportOptions) -> ReportOptions:
        """``base`` narrowed to what the current tab shows: its section, as the tab's
        :meth:`~briefing_app.ui.tab.BriefingTab.print_scope` narrows it (the directives as a
        checklist; the indicators of the sector selected in the Indicators tab)."""
        section = self.current_tab_section()
        tab = self.window.tabs.current_tab()
        if section is None or tab is None:
            return base
        scope = tab.print_scope()
        return base.with_changes(sections=(section,), checklist=scope.checklist, sector_id=scope.sector_id)

    def ask_options(self) -> ReportOptions | None:
        """Show the options dialog; the options to print with, or None when cancelled."""
        lang = self.state.lang
        entry = self.window.tabs.current_entry()
        tab_name = tr(entry.title_key, lang) if entry is not None and entry.print_section is not None else None
        comparison = self.state.comparison
        other = None
        if comparison is not None:
            briefing = comparison.b if self.state.snapshot and comparison.a.id == self.state.snapshot.briefing.id \
                else comparison.a
            other = briefing.period(lang)
        dialog = PrintOptionsDialog(lang, self.options, self.current_only, tab_name, self.window, other)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.options = dialog.options()
        self.current_only = dialog.current_only()
        self._save_options()
        return self.current_view_options(self.options) if self.current_only else self.options

    # ------------------------------------------------------------ output
    def _info(self) -> PackInfo:
        return PackInfo.for_database(self.session.path)

    def _make_printer(self, options: ReportOptions) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options))
        printer.setDocName(self.state.snapshot.briefing.title(options.lang) if self.state.snapshot else "")
        return printer

    def paint(self, printer: QPrinter, options: ReportOptions) -> RenderedPack | None:
        """Paint the pack on ``printer`` with the page it has (as chosen in the print or preview dialog)."""
        snapshot = self.state.snapshot
        if snapshot is None:
            return None
        try:
            return paint_report(printer, snapshot, options, self._info(), set_layout=False)
        except ReportError as exc:
            self._show_error(tr("print.print_failed.title", self.state.lang), printer.printerName() or
                             printer.outputFileName(), str(exc))
            return None

    def _chosen_options(self, options: ReportOptions | None) -> ReportOptions | None:
        """The options to print with: given, or asked for; None when nothing is open or the user cancels."""
        if self.state.snapshot is None:
            self.window.statusBar().showMessage(tr("print.no_data", self.state.lang), 4000)
            return None
        options = options or self.ask_options()
        comparison = self.state.comparison
        if options is not None and comparison is not None and options.chart is None and options.compare_with is None:
            # What is on screen is a comparison: the pack (or the tab) prints it too, as `print --compare-with`.
            options = options.with_changes(compare_with=comparison)
        return options

    def print_pack(self, options: ReportOptions | None = None) -> RenderedPack | None:
        """Ask for the options (unless given) and a printer, then print."""
        options = self._chosen_options(options)
        if options is None:
            return None
        printer = self._make_printer(options)
        dialog = QPrintDialog(printer, self.window)
        dialog.setObjectName("printDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.paint(printer, options)

    def preview(self, options: ReportOptions | None = None) -> QPrintPreviewDialog | None:
        """Ask for the options (unless given) and show the print preview, painted by the printing code."""
        options = self._chosen_options(options)
        if options is None:
            return None
        printer = self._make_printer(options)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("printPreviewDialog")
        dialog.paintRequested.connect(lambda target: self.paint(target, options))
        self.preview_dialog = dialog
        dialog.exec()
        return dialog

    def export_pdf(self, options: ReportOptions | None = None) -> Path | None:
        """Ask for the options (unless given) and a file name, then write the PDF atomically."""
        options = self._chosen_options(options)
        if options is None:
            return None
        lang = self.state.lang
        snapshot = self.state.snapshot
        if snapshot is None:  # _chosen_options said so already
            return None
        folder = str(self.settings.value("print/folder", "") or "")
        folder = folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        what = snapshot.briefing.id
        if options.chart is not None:
            what += "-" + "".join(ch if ch.isalnum() else "-" for ch in options.chart.key)
        suggested = str(Path(folder) / f"{what}-{options.lang}.pdf")
        name, _filter = QFileDialog.getSaveFileName(self.window, tr("print.export.title", lang), suggested,
                                                    tr("print.export.filter", lang))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf" and not path.is_dir():
            path = path.with_name(path.name + ".pdf")
        try:
            # The open database (and its journal files) is never written over, through any link.
            inputs = database_files(self.session.path) if self.session.path else ()
            rendered = write_pdf(path, snapshot, options, self._info(), inputs)
        except OSError as exc:
            self._show_error(tr("print.failed.title", lang), str(path), describe_write_problem(path, exc, lang))
            return None
        except ReportError as exc:
            self._show_error(tr("print.failed.title", lang), str(path), str(exc))
            return None
        self.settings.setValue("print/folder", str(path.parent))
        self.window.statusBar().showMessage(tr("print.saved", lang, name=path.name, n=rendered.pages), 5000)
        return path

    def print_chart(self, spec, kind: str = "print") -> RenderedPack | Path | None:
        """Print the chart in front of the reader alone (``kind`` "print"), or save it as a PDF ("pdf"),
        in the interface language, with the pack's header, footer and the sentences its figures come from."""
        options = self.options.with_changes(chart=spec, lang=self.state.lang)
        return self.export_pdf(options) if kind == "pdf" else self.print_pack(options)

    def _show_error(self, title: str, where: str, problem: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=self.window)
        box.setObjectName("printErrorBox")
        make_plain(box)
        box.setText(f"{where}\n\n{problem}")
        box.open()
        self.last_error_box = box
