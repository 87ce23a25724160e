"""A live bar chart (pyqtgraph) of a :class:`~briefing_app.data.charts.ChartSpec`.

pyqtgraph and numpy cost ≈190 ms to import, so this module does not import
them: the plot is built the first time the chart is shown (after the window's
first paint). Bars are horizontal, so long Vietnamese labels stay readable.
Plot items are created once and updated with ``setOpts``/``setData``; a spec
whose drawing did not change is not redrawn.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...chart_palette import DERIVED, series_hex
from ...data.atomic import describe_write_problem
from ...data.charts import ChartSpec
from ...data.numbers import format_number
from ...i18n import tr
from ...text_limits import TOOLTIP_CHARS, elide
from ..plain import escape, make_plain, plain_label, shown
from .accessible import name_chart
from .first_frame import FirstFrame

__all__ = ["ChartView", "series_colors", "wrap_label"]

BAR_BAND = 0.8          # share of a category's height the bars fill
LABEL_WIDTH = 28        # characters per line of a category label on the axis
MIN_ROWS = 4            # the plot is never scaled for fewer rows than this
VALUE_LABEL_MARGIN = 4  # a value label's text item's margin (QGraphicsTextItem's document margin)


def series_colors(dark: bool) -> list[QColor]:
    """Colour-blind-safe series colours at 3:1 against the background (``chart_palette``), lighter on dark."""
    return [QColor(c) for c in series_hex(dark)]


def category_chars(plot_width: float, metrics: QFontMetrics) -> int:
    """Characters a line of a category label may take: :data:`LABEL_WIDTH`, fewer in a narrow chart, so the
    labels leave the bars (and their values) more than a sliver of its width."""
    return max(16, min(LABEL_WIDTH, int(plot_width * 0.5 / max(1, metrics.averageCharWidth()))))


def value_range(spec: ChartSpec, lang: str, metrics: QFontMetrics, width: float) -> tuple[float, float]:
    """The value axis's range in a view box ``width`` pixels wide: the bars and target from its left, and room on
    the right for each bar's value label, measured — a label cut at the edge reads as another number ("12,78")."""
    values = [v for s in spec.series for v in s.values if v is not None]
    low = min([*values, 0.0])
    high = max([*values, spec.target or 0.0, 0.0])
    if high <= 0:
        return low, 1.0
    for series in spec.series:
        for value in series.values:
            if value is None:
                continue
            # A value label starts at its bar's end (0 for a negative bar), in a text item with margins.
            text = _short_value(value, lang) + ("*" if series.derived else "")
            label = metrics.horizontalAdvance(text) + 2 * VALUE_LABEL_MARGIN + 2
            share = max(0.15, 1 - label / max(1.0, width))  # of the width left for the bar
            high = max(high, low + (max(value, 0.0) - low) / share)
    return low, high


def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = 2) -> str:
    """Wrap a category label onto at most ``lines`` lines, eliding the rest with "…"."""
    words, out, line = text.split(), [], ""
    for word in words:
        # A word longer than a line is cut too: one 1 MB word froze the window in layout.
        word = elide(word, width)
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return "\n".join(out)


class ChartView(QWidget):
    """Title, a plot of horizontal bars, and a table alternative; bar clicks and row highlights.

    Signals: ``bar_clicked(section, id)`` when a bar is clicked; ``print_requested(spec, kind)``
    when the reader asks to print this chart alone (``kind`` "print") or save it as a PDF ("pdf"),
    which the printing code does with the pack's header, footer and sources.
    """

    bar_clicked = Signal(str, int)
    print_requested = Signal(object, str)
    #: The pyqtgraph plot replaces the first frame once the window is idle after painting it (off: only when
    #: the reader drags or scrolls on the chart, exports it, or :meth:`ensure_plot` is called).
    take_over_when_idle = True

    def __init__(self, parent: QWidget | None = None, *, min_height: int = 220, empty_key: str = "chart.empty"):
        super().__init__(parent)
        self._spec: ChartSpec | None = None
        self._empty_key = empty_key  # what to say instead of an empty plot
        self._lang = "vi"
        self._drawn: tuple | None = None
        self._highlight: tuple[str, int] | None = None
        self._plot: Any = None           # pg.PlotWidget, built on first show
        self._bars: list[Any] = []       # one BarGraphItem per series slot (reused)
        self._labels: list[Any] = []     # pool of TextItems for value labels (reused)
        self._target_line: Any = None
        self._series_plot: Any = None   # SeriesPlot for specs of kind "series", built when first needed
        self.redraw_count = 0
        self._plot_scheduled = False
        self.setMinimumHeight(min_height)

        self.title = plain_label(wrap=True, selectable=False)
        self.title.setObjectName("chartTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table_button = QToolButton(self)
        self.table_button.setObjectName("showAsTableButton")
        self.table_button.setCheckable(True)
        self.reset_button = QToolButton(self)
        self.reset_button.setObjectName("resetZoomButton")
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("exportChartButton")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.png_action = QAction(self)
        self.svg_action = QAction(self)
        self.pdf_action = QAction(self)
        self.pdf_action.setObjectName("chartPdfAction")
        self.print_action = QAction(self)
        self.print_action.setObjectName("chartPrintAction")
        self.export_menu.addAction(self.png_action)
        self.export_menu.addAction(self.svg_action)
        self.export_menu.addAction(self.pdf_action)
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.print_action)
        self.export_button.setMenu(self.export_menu)
        # The menu arrow is drawn over the text in some styles; say it in the text instead.
        self.export_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.reset_action = QAction(self)
        self.table_action = QAction(self)
        self.table_action.setCheckable(True)
        self.notes = plain_label(selectable=False)
        self.notes.setObjectName("chartNotes")
        self.legend = QWidget(self)
        self.legend.setObjectName("chartLegend")
        self.legend_layout = QHBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        self._legend_key: tuple | None = None

        self.stack = QStackedWidget(self)
        # Until pyqtgraph is imported (after the window's first paint), the chart is painted in its place.
        self.placeholder: QWidget = FirstFrame(self)
        self.stack.addWidget(self.placeholder)
        # Shown instead of empty axes when there is nothing to chart.
        self.empty_label = plain_label(selectable=False)
        self.empty_label.setObjectName("chartEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(16, 16, 16, 16)
        self.stack.addWidget(self.empty_label)
        self._table: QTableWidget | None = None  # built when first shown as a table

        # The title beside the buttons, or above them when it would need more than two lines there
        # (a narrow pane: "Theo thời gian: Thuê bao điện thoại di động" squeezed to one word a line).
        header = QGridLayout()
        header.setContentsMargins(0, 0, 0, 0)
        self._header = header
        self._title_above = False
        self._compact: bool | None = None  # short button texts (see _fit_buttons)
        self._title_text = ""  # the whole title (the label may show it shortened: _place_title)
        self._bars_width_of: tuple[object, int] = (None, 0)  # (spec, language, font): _bars_width
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.table_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.export_button)
        header.addWidget(self.title, 0, 0)
        header.addLayout(buttons, 0, 1)
        header.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self._main_layout = layout
        layout.addLayout(header)
        layout.addWidget(self.legend)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.notes)

        self.table_button.toggled.connect(self.show_as_table)
        self.table_action.toggled.connect(self.table_button.setChecked)
        self.reset_button.clicked.connect(self.reset_zoom)
        self.reset_action.triggered.connect(self.reset_zoom)
        self.png_action.triggered.connect(lambda: self._export_dialog("png"))
        self.svg_action.triggered.connect(lambda: self._export_dialog("svg"))
        self.pdf_action.triggered.connect(lambda: self._request_print("pdf"))
        self.print_action.triggered.connect(lambda: self._request_print("print"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.retranslate("vi")
        self._show_current()

    # ------------------------------------------------------------ public
    @property
    def spec(self) -> ChartSpec | None:
        return self._spec

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def first_frame(self) -> FirstFrame | None:
        """The QPainter frame shown until the pyqtgraph plot takes over (None once it has)."""
        return self.placeholder if isinstance(self.placeholder, FirstFrame) else None

    def plot_widget(self) -> QWidget | None:
        """The interactive plot in view (None while the first frame stands in for it)."""
        return self._plot_widget()

    def take_over(self) -> None:
        """Let the interactive plot replace the first frame now (a drag or a wheel on the first frame)."""
        self.ensure_plot()

    def set_spec(self, spec: ChartSpec | None, lang: str | None = None) -> None:
        """Show ``spec``; nothing is redrawn when neither the data nor the language changed."""
        if spec is not None and spec is self._spec and lang in (None, self._lang):
            return  # the same chart again (a selection reports itself twice: current row, then selection)
        if lang is not None and lang != self._lang:
            self._lang = lang
            self.retranslate(lang)
        self._spec = spec
        self._sync()

    def set_empty_key(self, key: str) -> None:
        """Say the text of ``key`` instead of an empty plot (why there is nothing to chart)."""
        if key != self._empty_key:
            self._empty_key = key
            self.empty_label.setText(tr(key, self._lang))

    @property
    def series_plot(self) -> Any:
        """The plot of a "series" spec (a measure over time), or None until one is drawn."""
        return self._series_plot

    def retranslate(self, lang: str) -> None:
        self._lang = lang
        self._compact = None  # the buttons' texts, full or short, are chosen again for this language
        self._fit_buttons()
        self.table_button.setToolTip(tr("chart.show_table", lang))
        self.table_button.setAccessibleName(tr("chart.show_table", lang))
        self.table_action.setText(tr("chart.show_table", lang))
        self.reset_button.setToolTip(tr("chart.reset", lang))
        self.reset_button.setAccessibleName(tr("chart.reset", lang))
        self.reset_action.setText(tr("chart.reset", lang))
        self.export_button.setText(tr("chart.export", lang) + " ▾")
        self.export_button.setAccessibleName(tr("chart.export", lang))
        self.png_action.setText(tr("chart.export_png", lang))
        self.svg_action.setText(tr("chart.export_svg", lang))
        self.pdf_action.setText(tr("chart.export_pdf", lang))
        self.print_action.setText(tr("chart.print", lang))
        self.empty_label.setText(tr(self._empty_key, lang))
        if self._table is not None:
            self._table.setAccessibleName(tr("chart.table", lang))
        if self._spec is not None:
            self._sync()

    def highlight(self, ref: tuple[str, int] | None) -> None:
        """Outline the bar(s) of the item ``ref`` (the row selected beside the chart)."""
        if ref != self._highlight:
            self._highlight = ref
            self._apply_styles()
            self.placeholder.update()

    def highlighted_categories(self) -> list[int]:
        if self._spec is None or self._highlight is None:
            return []
        return [i for i, c in enumerate(self._spec.categories) if c.ref == self._highlight]

    def show_as_table(self, on: bool) -> None:
        self.table_button.setChecked(on)
        if on:
            self.table  # noqa: B018 - built on first use
        self._show_current()

    def is_empty(self) -> bool:
        """Nothing to chart: the view says so instead of drawing empty axes."""
        return self._spec is None or self._spec.is_empty()

    def _show_current(self) -> None:
        empty = self.is_empty()
        for button in (self.table_button, self.reset_button, self.export_button):
            button.setVisible(not empty)
        for action in (self.table_action, self.reset_action, self.png_action, self.svg_action, self.pdf_action,
                       self.print_action):
            action.setEnabled(not empty)
        if empty:
            self.stack.setCurrentWidget(self.empty_label)
        elif self.table_button.isChecked() and self._table is not None:
            self.stack.setCurrentWidget(self._table)
        else:
            self.stack.setCurrentWidget(self._plot_widget() or self.placeholder)

    def _is_series(self) -> bool:
        return self._spec is not None and self._spec.kind == "series"

    def _plot_widget(self) -> Any:
        """The plot that shows the current spec: the series plot for a measure over time, else the bars."""
        if self._is_series() and self._series_plot is not None:
            return self._series_plot.widget
        return self._plot

    @property
    def table(self) -> QTableWidget:
        """The chart's data as a table ("Show as table"), built on first use."""
        if self._table is None:
            table = QTableWidget(self)
            table.setObjectName("chartTable")
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.setAccessibleName(tr("chart.table", self._lang))
            self.stack.addWidget(table)
            self._table = table
            self._fill_table()
            name_chart(self, self._spec, self._lang)
        return self._table

    def is_showing_table(self) -> bool:
        return self._table is not None and self.stack.currentWidget() is self._table

    def reset_zoom(self) -> None:
        if self._is_series() and self._series_plot is not None:
            self._series_plot.widget.getPlotItem().enableAutoRange()
            self._series_plot.fit()
        elif self._plot is not None:
            self._plot.getPlotItem().enableAutoRange()
            self._plot.getPlotItem().autoRange()

    def ensure_plot(self) -> None:
        """Build the pyqtgraph plot now (normally done on first show)."""
        if self._plot is None:
            where = self.placeholder.geometry()
            plot = self._build_plot()
            # At the first frame's size before drawing, and laid out now: the plot's first paint has the axis
            # widths the spec needs (not pyqtgraph's defaults for one frame, a visible jump).
            plot.setGeometry(where)
            self._sync()
            layout = plot.getPlotItem().layout
            for _ in range(3):  # laying out resizes the view box, which may widen the category axis: again
                layout.activate()
                if layout.isActivated():
                    break

    # -------------------------------------------------------- geometry
    def bar_rect(self, category: int, series: int) -> QRectF:
        """A bar's rectangle in data coordinates (x: value, y: position)."""
        spec = self._spec
        assert spec is not None
        n = max(1, len(spec.series))
        thickness = BAR_BAND / n
        y = self._category_y(category) + BAR_BAND / 2 - thickness * (series + 0.5)
        value = spec.series[series].values[category] or 0.0
        return QRectF(min(0.0, value), y - thickness / 2, abs(value), thickness)

    def category_y(self, category: int) -> float:
        """A category's place on the category axis (data y): the first category on top."""
        return float(len(self._spec.categories) - 1 - category) if self._spec else 0.0

    _category_y = category_y

    def bar_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(category, series) of the bar under data point (x, y), if any."""
        spec = self._spec
        if spec is None or spec.kind != "bars":
            return None
        for c in range(len(spec.categories)):
            for s in range(len(spec.series)):
                if spec.series[s].values[c] is None:
                    continue
                rect = self.bar_rect(c, s)
                # Tiny bars are still hoverable along their whole band.
                hit = QRectF(rect.left(), rect.top(), max(rect.width(), self._min_hit_width()), rect.height())
                if hit.contains(QPointF(x, y)):
                    return c, s
        return None

    def _min_hit_width(self) -> float:
        values = [abs(v) for s in (self._spec.series if self._spec else ()) for v in s.values if v is not None]
        return (max(values) if values else 1.0) * 0.02

    def hover_text(self, category: int, series: int) -> str:
        """The exact value, unit and qualifier of one bar, as shown on hover."""
        spec = self._spec
        assert spec is not None
        s = spec.series[series]
        label = elide(spec.categories[category].label(self._lang))
        text = elide(s.text(category, self._lang))
        lines = [label, text]
        if len(spec.series) > 1 and not s.derived:
            lines.insert(1, s.name(self._lang))
        if s.derived:
            lines.append(tr("chart.derived_note", self._lang))
        return shown("\n".join(line for line in lines if line))

    # ------------------------------------------------------------ internals
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._plot is None and not self._plot_scheduled and self.take_over_when_idle:
            # Once the window has painted (this view with it), not before: the first paint
            # never waits for pyqtgraph and numpy to import.
            self._plot_scheduled = True
            QTimer.singleShot(0, self, self.ensure_plot)  # cancelled if this view is deleted first

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._plot is not None:
            self._apply_palette()
            self._apply_styles()

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def _build_plot(self) -> Any:
        import pyqtgraph as pg

        from .axis import make_locale_axis

        axis = make_locale_axis(pg)
        bottom = axis(orientation="bottom")
        left = pg.AxisItem(orientation="left")
        # Our rows are sized for their labels; pyqtgraph would hide the top one when it
        # touches the axis end.
        left.setStyle(hideOverlappingLabels=False)
        # Labels on the major ticks only, spaced so they stand apart (axis.value_ticks), as the first frame
        # paints them: pyqtgraph would squeeze minor ones in between on a wide chart.
        bottom.setStyle(maxTextLevel=0)
        plot = pg.PlotWidget(axisItems={"bottom": bottom, "left": left})
        plot.setObjectName("chartPlot")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        item = plot.getPlotItem()
        item.showGrid(x=True, y=False, alpha=0.25)
        bottom.enableAutoSIPrefix(False)
        left.enableAutoSIPrefix(False)
        plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        plot.customContextMenuRequested.connect(
            lambda pos: self._on_context_menu_requested(plot.mapTo(self, pos)))
        plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        item.vb.sigResized.connect(self._on_view_resized)
        plot.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self._pg = pg
        self._plot = plot
        self._bottom_axis = bottom
        self.stack.insertWidget(0, plot)
        self.stack.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        self.placeholder = plot
        self._show_current()
        self._apply_palette()
        return plot

    def _apply_palette(self) -> None:
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        self._plot.setBackground(background)
        for name in ("left", "bottom"):
            axis = self._plot.getPlotItem().getAxis(name)
            axis.setPen(foreground)
            axis.setTextPen(foreground)
        if self._series_plot is not None:
            self._series_plot.apply_palette(background, foreground)

    def _sync(self) -> None:
        """Bring the plot and table in line with the spec, redrawing only what changed."""
        spec = self._spec
        lang = self._lang
        title = elide(spec.title(lang)) if spec else ""
        self._title_text = title
        self._place_title()
        self.title.setAccessibleName(title)
        notes = [elide(note, TOOLTIP_CHARS) for note in spec.notes(lang)] if spec else ()
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self._fill_table()
        self._fill_legend()
        self._show_current()
        name_chart(self, spec, lang)
        signature = (spec.signature() if spec else None, lang, self._plot is not None)
        if signature == self._drawn:
            return
        self._drawn = signature
        self.updateGeometry()  # the narrowest width that shows every value (minimumSizeHint) may have changed
        if self._plot is None:
            self.placeholder.update()  # the first frame paints the new spec
            return
        self.redraw_count += 1
        self._draw()
        if self._is_series():
            name_chart(self, spec, lang)  # the series plot is built by its first draw

    def _fill_legend(self) -> None:
        """Series names beside their swatches, when there is more than one series."""
        spec, lang = self._spec, self._lang
        key = (tuple((s.name(lang), s.derived) for s in spec.series) if spec else (), self._dark())
        if key == self._legend_key:
            return
        self._legend_key = key
        while (layout_item := self.legend_layout.takeAt(0)) is not None:
            child = layout_item.widget()
            if child is not None:
                child.deleteLater()
        show = spec is not None and len(spec.series) > 1
        self.legend.setVisible(show)
        if spec is None or not show:
            return
        colors = series_colors(self._dark())
        for index, series in enumerate(spec.series):
            swatch = QLabel(self.legend)
            swatch.setPixmap(_swatch(QColor(DERIVED) if series.derived else colors[index % len(colors)],
                                     series.derived))
            name = plain_label(elide(series.name(lang)) + (" *" if series.derived else ""), self.legend,
                               wrap=False, selectable=False)
            self.legend_layout.addWidget(swatch)
            self.legend_layout.addWidget(name)
            self.legend_layout.addSpacing(12)
        self.legend_layout.addStretch(1)

    def _fill_table(self) -> None:
        if self._table is None:
            return
        spec, lang = self._spec, self._lang
        self.table.clear()
        if spec is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        first = "series.period" if spec.kind == "series" else "chart.category"
        headers = [tr(first, lang)] + [elide(s.name(lang)) for s in spec.series]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(spec.categories))
        for r, category in enumerate(spec.categories):
            self.table.setItem(r, 0, QTableWidgetItem(elide(category.label(lang))))
            for c, series in enumerate(spec.series, start=1):
                text = elide(series.text(r, lang)) or tr("enterprises.not_stated", lang)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)

    def _draw(self) -> None:
        pg = self._pg
        spec, lang = self._spec, self._lang
        if spec is not None and spec.kind == "series" and not spec.is_empty():
            self._draw_series(spec)
            return
        item = self._plot.getPlotItem()
        item.setTitle(None)
        if spec is None or spec.is_empty():
            for bar in self._bars:
                bar.setOpts(x0=[], y=[], width=[], height=0.1)
            for label in self._labels:
                label.setVisible(False)
            item.getAxis("left").setTicks([[]])
            return
        n_series = len(spec.series)
        while len(self._bars) < n_series:
            bar = pg.BarGraphItem(x0=[0], y=[0], width=[0], height=0.1)
            item.addItem(bar)
            self._bars.append(bar)
        for index, bar in enumerate(self._bars):
            bar.setVisible(index < n_series)
        for s_index, series in enumerate(spec.series):
            rects = [self.bar_rect(c, s_index) for c in range(len(spec.categories)) if series.values[c] is not None]
            self._bars[s_index].setVisible(bool(rects))
            self._bars[s_index].setOpts(
                x0=[r.left() for r in rects], y=[r.center().y() for r in rects],
                width=[r.width() for r in rects], height=rects[0].height() if rects else 0.1)
        self._apply_ticks()
        self._bottom_axis.set_language(lang)
        item.setLabel("bottom", escape(spec.unit(lang)))
        if spec.target is not None:
            if self._target_line is None:
                self._target_line = pg.InfiniteLine(angle=90, movable=False)
                item.addItem(self._target_line)
            self._target_line.setPos(spec.target)
            self._target_line.setVisible(True)
        elif self._target_line is not None:
            self._target_line.setVisible(False)
        self._draw_value_labels(spec)
        self._apply_styles()
        # A chart of one or two bars keeps bars of a normal thickness, centred.
        spare = max(0.0, (MIN_ROWS - len(spec.categories)) / 2)
        item.setYRange(-0.5 - spare, len(spec.categories) - 0.5 + spare, padding=0.02)
        self._apply_x_range()

    def _draw_series(self, spec: ChartSpec) -> None:
        """A measure over time, on its own plot (time across, values up)."""
        if self._series_plot is None:
            from .series_plot import SeriesPlot

            self._series_plot = SeriesPlot(self._pg)
            widget = self._series_plot.widget
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(
                lambda pos: self._on_context_menu_requested(widget.mapTo(self, pos)))
            widget.scene().sigMouseMoved.connect(self._on_series_mouse_moved)
            self.stack.addWidget(widget)
            self._apply_palette()
        self._series_plot.draw(spec, self._lang, series_colors(self._dark()),
                               self.palette().color(QPalette.ColorRole.Text))
        self._show_current()

    def _on_series_mouse_moved(self, scene_pos: QPointF) -> None:
        hit = self._series_plot.point_at(scene_pos) if self._series_plot is not None else None
        if hit is None:
            QToolTip.hideText()
            return
        widget = self._series_plot.widget
        QToolTip.showText(widget.mapToGlobal(widget.mapFromScene(scene_pos)), self.hover_text(*hit), widget)

    def _apply_ticks(self) -> None:
        """Category labels on two lines when a row is tall enough for them, else on one."""
        spec = self._spec
        if self._plot is None or spec is None or spec.is_empty() or spec.kind != "bars":
            return
        item = self._plot.getPlotItem()
        rows = max(len(spec.categories), MIN_ROWS)
        row_px = item.vb.height() / rows if item.vb.height() > 0 else 0
        lines = 2 if row_px == 0 or row_px >= 2.3 * self.fontMetrics().height() else 1
        chars = category_chars(self._plot.width(), self.fontMetrics())
        ticks = [(self._category_y(c), wrap_label(shown(cat.label(self._lang)), chars, lines))
                 for c, cat in enumerate(spec.categories)]
        if ticks != getattr(self, "_ticks", None):
            self._ticks = ticks
            item.getAxis("left").setTicks([ticks, []])
            # pyqtgraph drops a label that does not fit inside the axis: measure them.
            metrics = self.fontMetrics()
            widest = max(metrics.horizontalAdvance(line) for _, label in ticks for line in label.split("\n"))
            item.getAxis("left").setWidth(min(300, max(60, widest + 24)))

    def _on_view_resized(self) -> None:
        self._apply_ticks()
        self._apply_x_range()

    def _apply_x_range(self) -> None:
        """Fit the bars, leaving room on the right for their value labels at the current width."""
        spec = self._spec
        if self._plot is None or spec is None or spec.is_empty() or spec.kind != "bars":
            return
        item = self._plot.getPlotItem()
        item.setXRange(*value_range(spec, self._lang, self.fontMetrics(), item.vb.width()), padding=0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_buttons()
        self._place_title()
        self._apply_x_range()

    def _button_texts(self, compact: bool) -> tuple[str, str]:
        """The table and reset buttons' texts: in full, or short for a narrow pane (the tooltip says it all)."""
        if compact:
            return tr("chart.show_table_short", self._lang), tr("chart.reset_short", self._lang)
        return tr("chart.show_table", self._lang), tr("chart.reset", self._lang)

    def _buttons_width(self, compact: bool) -> int:
        """The width of the row of buttons with full or short texts, margins included."""
        metrics = self.export_button.fontMetrics()
        # A tool button is its text and the style's padding, the same for each of them.
        padding = self.export_button.sizeHint().width() - metrics.horizontalAdvance(self.export_button.text())
        texts = (*self._button_texts(compact), self.export_button.text())
        spacing = max(self._header.spacing(), 0) * 2
        margins = self._main_layout.contentsMargins()
        return sum(metrics.horizontalAdvance(t) + padding for t in texts) + spacing + margins.left() + margins.right()

    def _fit_buttons(self) -> None:
        """Short button texts when the full ones do not fit the chart's width (two charts side by side in an
        800-pixel window), so that the buttons never widen the window."""
        compact = self.width() < self._buttons_width(False)
        if compact == self._compact:
            return
        self._compact = compact
        table, reset = self._button_texts(compact)
        self.table_button.setText(table)
        self.reset_button.setText(reset)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the short button texts allow (full texts would hold the window wider than the screen)."""
        hint = super().minimumSizeHint()
        margins = self._main_layout.contentsMargins()
        needed = self._bars_width() + margins.left() + margins.right()
        if self._compact:
            return QSize(max(hint.width(), needed), hint.height())
        rows = [w.minimumSizeHint().width() + margins.left() + margins.right()
                for w in (self.legend, self.stack, self.notes) if not w.isHidden()]
        return QSize(max([self._buttons_width(True), needed, *rows]), hint.height())

    def _bars_width(self) -> int:
        """The narrowest plot of bars that still shows every value label in full beside a readable bar: the
        category labels at their shortest (see category_chars) and the widest value label in at most 60 % of
        the rest. Narrower, value_range could only cut labels short, and a cut label reads as another number."""
        spec = self._spec
        if spec is None or spec.kind == "series" or spec.is_empty():
            return 0
        key = (id(spec), self._lang, self.font().key())  # layouts ask for it often; a spec is never changed
        if self._bars_width_of[0] != key:
            self._bars_width_of = (key, self._measure_bars(spec))
        return self._bars_width_of[1]

    def _measure_bars(self, spec: ChartSpec) -> int:
        metrics = self.fontMetrics()
        labels = [metrics.horizontalAdvance(_short_value(v, self._lang) + ("*" if s.derived else ""))
                  + 2 * VALUE_LABEL_MARGIN + 2 for s in spec.series for v in s.values if v is not None]
        # The category axis as _apply_ticks sizes it, its labels at their shortest (on one line or two).
        chars = category_chars(0, metrics)
        widest = max((metrics.horizontalAdvance(line) for cat in spec.categories for lines in (1, 2)
                      for line in wrap_label(shown(cat.label(self._lang)), chars, lines).split("\n")), default=0)
        axis = min(300, max(60, widest + 24))
        return int(axis + max(labels, default=0) / 0.6) + 16  # and the plot's own margins

    def _place_title(self) -> None:
        """Put the title above the buttons when beside them it would wrap onto more than two lines."""
        buttons = sum(b.sizeHint().width() + 6 for b in (self.table_button, self.reset_button, self.export_button)
                      if not b.isHidden())
        room = self.width() - buttons - 16
        full = self._title_text
        metrics = self.title.fontMetrics()
        above = metrics.horizontalAdvance(full) > 2 * max(room, 1)
        if above != self._title_above:
            self._title_above = above
            self._header.removeWidget(self.title)
            if above:
                self._header.addWidget(self.title, 1, 0, 1, 2)
            else:
                self._header.addWidget(self.title, 0, 0)
        # Two lines at most wherever it sits: in a short pane a third line was cut in half. The whole title is
        # the tooltip (and the accessible name); 1.8 lines' worth of text leaves room for where words wrap.
        width = max(self.width() - 8 if above else room, 1)
        shown = full if metrics.horizontalAdvance(full) <= 1.8 * width else \
            metrics.elidedText(full, Qt.TextElideMode.ElideRight, int(1.8 * width))
        if shown != self.title.text():
            self.title.setText(shown)
        self.title.setToolTip(full if shown != full else "")

    def _draw_value_labels(self, spec: ChartSpec) -> None:
        pg = self._pg
        lang = self._lang
        needed = []
        for s_index, series in enumerate(spec.series):
            for c in range(len(spec.categories)):
                value = series.values[c]
                if value is None:
                    continue
                rect = self.bar_rect(c, s_index)
                text = _short_value(value, lang) + ("*" if series.derived else "")
                needed.append((rect.right(), rect.center().y(), text))
        while len(self._labels) < len(needed):
            label = pg.TextItem(anchor=(0, 0.5))  # plain text: setText, never HTML
            self._plot.getPlotItem().addItem(label)
            self._labels.append(label)
        for label, (x, y, text) in zip(self._labels, needed):
            label.setText(text)
            label.setPos(x, y)
            label.setVisible(True)
        for label in self._labels[len(needed):]:
            label.setVisible(False)

    def _apply_styles(self) -> None:
        if self._plot is None or self._spec is None:
            return
        if self._spec.kind == "series":
            if self._series_plot is not None and self._drawn is not None:
                self._series_plot.draw(self._spec, self._lang, series_colors(self._dark()),
                                       self.palette().color(QPalette.ColorRole.Text))
            return
        pg = self._pg
        dark = self._dark()
        colors = series_colors(dark)
        text_color = self.palette().color(QPalette.ColorRole.Text)
        highlighted = set(self.highlighted_categories())
        for s_index, series in enumerate(self._spec.series):
            color = QColor(DERIVED) if series.derived else colors[s_index % len(colors)]
            brushes, pens = [], []
            for c in range(len(self._spec.categories)):
                if series.values[c] is None:
                    continue
                if series.derived:
                    # Derived values: hatched and dashed, and starred in their label — never colour alone.
                    brush = QBrush(color, Qt.BrushStyle.BDiagPattern)
                    pen = pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine)
                else:
                    brush = pg.mkBrush(color)
                    pen = pg.mkPen(color.darker(130), width=1)
                if c in highlighted:
                    pen = pg.mkPen(text_color, width=3)
                brushes.append(brush)
                pens.append(pen)
            if pens:  # pyqtgraph cannot take empty pen lists
                self._bars[s_index].setOpts(brushes=brushes, pens=pens)
        for label in self._labels:
            label.setColor(text_color)
        if self._target_line is not None:
            self._target_line.setPen(pg.mkPen(text_color, width=1.5, style=Qt.PenStyle.DashLine))

    # ------------------------------------------------------------ events
    def _view_point(self, scene_pos: QPointF) -> QPointF | None:
        view = self._plot.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        return view.mapSceneToView(scene_pos)

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self._view_point(scene_pos)
        hit = self.bar_at(point.x(), point.y()) if point is not None else None
        if hit is None:
            QToolTip.hideText()
            return
        global_pos = self._plot.mapToGlobal(self._plot.mapFromScene(scene_pos))
        QToolTip.showText(global_pos, self.hover_text(*hit), self._plot)

    def _on_scene_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self._view_point(event.scenePos())
        hit = self.bar_at(point.x(), point.y()) if point is not None else None
        if hit is None or self._spec is None:
            return
        ref = self._spec.categories[hit[0]].ref
        if ref is not None:
            self.bar_clicked.emit(ref[0], ref[1])

    def click_bar(self, category: int, series: int = 0) -> None:
        """Emit what clicking that bar emits (for keyboard users and tests)."""
        ref = self._spec.categories[category].ref if self._spec else None
        if ref is not None:
            self.bar_clicked.emit(ref[0], ref[1])

    def _on_context_menu_requested(self, pos) -> None:
        menu = QMenu(self)
        self.table_action.setChecked(self.is_showing_table())
        menu.addAction(self.table_action)
        menu.addAction(self.reset_action)
        menu.addSeparator()
        menu.addAction(self.print_action)
        menu.addSeparator()
        menu.addAction(self.png_action)
        menu.addAction(self.svg_action)
        menu.addAction(self.pdf_action)
        menu.popup(self.mapToGlobal(pos))
        self._menu = menu

    # ------------------------------------------------------------ export
    def _request_print(self, kind: str) -> None:
        if not self.is_empty():
            self.print_requested.emit(self._spec, kind)

    def _export_dialog(self, kind: str) -> None:
        lang = self._lang
        title = self._spec.title(lang) if self._spec else "chart"
        name = "".join(ch if ch.isalnum() else "-" for ch in title)[:60].strip("-") or "chart"
        path, _ = QFileDialog.getSaveFileName(self, tr(f"chart.export_{kind}", lang), f"{name}.{kind}",
                                              f"{kind.upper()} (*.{kind})")
        if not path:
            return
        try:
            self.export(path, kind)
        except OSError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, tr("chart.export_failed", lang),
                              f"{path}\n\n{describe_write_problem(path, exc, lang)}", parent=self)
            make_plain(box)
            box.open()
            self._error_box = box

    def export(self, path: str, kind: str) -> None:
        """Write the chart as on screen, as PNG (at 2×) or SVG (through QSvgGenerator: see ``export.py``)."""
        from .export import write_png, write_svg

        self.ensure_plot()
        background = self.palette().color(QPalette.ColorRole.Base)
        if kind == "svg":
            write_svg(self.export_parts(), self, path, self._spec.title(self._lang) if self._spec else "", background)
        else:
            write_png(self.export_parts(), self, path, background)

    def export_parts(self) -> list[QWidget]:
        """What an exported picture shows, where it sits on screen: title, legend, plot, notes (no buttons)."""
        # The plot even while the table is shown instead (the stack keeps its geometry).
        shown_parts = [part for part in (self.title, self.legend) if not part.isHidden()]
        return shown_parts + [self._plot_widget()] + ([self.notes] if not self.notes.isHidden() else [])

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        if self._is_series():
            return QSize(480, max(self.minimumHeight(), 280))
        rows = len(self._spec.categories) if self._spec else 4
        return QSize(480, max(self.minimumHeight(), 90 + 34 * rows))


def _swatch(color: QColor, hatched: bool):
    from PySide6.QtGui import QPixmap

    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(color.darker(130))
    painter.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern if hatched else Qt.BrushStyle.SolidPattern))
    painter.drawRect(0, 0, 13, 13)
    painter.end()
    return pixmap


def _short_value(value: float, lang: str) -> str:
    """A bar's label: the value in the locale's notation, with at most two decimals."""
    rounded = round(value, 0 if abs(value) >= 100 else 2)
    if rounded == int(rounded):
        return format_number(int(rounded), lang)
    return format_number(rounded, lang)
