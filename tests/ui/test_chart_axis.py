"""A bar chart's value axis under narrow charts: its tick labels never run together ("5.00010.00015.000"), in the
first frame (QPainter) as in the live plot (pyqtgraph), and both show the same ticks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPicture
from PySide6.QtWidgets import QApplication, QWidget

from briefing_app.data.charts import indicator_chart, overview_charts, sector_chart
from briefing_app.ui.charts.axis import tick_labels, tick_spacing, value_ticks
from briefing_app.ui.charts.chart_view import ChartView

#: Chart sizes (pixels): the Indicators tab's detail chart at 800×600 and 1024×640 is ≈280-350 px wide and
#: 220-260 px high (its category labels on one line, the axis wide); None: as high as the chart asks.
SIZES = [(width, height) for width in (240, 280, 312, 352, 420, 560, 800) for height in (None, 230)]


def specs(snapshot):
    postal = next(s for s in snapshot.sectors if s.key == "postal")
    points = next(i for i in snapshot.indicators if i.label_vi.startswith("Điểm phục vụ của mạng lưới"))
    return [sector_chart(snapshot, postal.id), indicator_chart(snapshot, points), *overview_charts(snapshot)]


def placed_view(qtbot, spec, lang: str, width: int, height: int | None) -> ChartView:
    """A chart at exactly ``width`` × ``height``, as a splitter squeezes it (narrower than its buttons ask)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    view = ChartView(holder)
    view.take_over_when_idle = False
    view.set_spec(spec, lang)
    view.setGeometry(0, 0, width, height or view.sizeHint().height())
    holder.resize(view.size())
    holder.show()
    qtbot.waitExposed(holder)
    assert view.width() == width
    view.holder = holder  # kept alive with the view (a top-level QWidget nobody holds is deleted, children too)
    return view


def assert_apart(rects: list[tuple[float, float, str]], where) -> None:
    """(left, right, text) of the labels on one axis: each ends before the next begins, with a gap."""
    ordered = sorted(rects)
    for (_, right, text), (left, _, following) in zip(ordered, ordered[1:]):
        assert left - right >= 3, (where, text, following, [t for *_, t in ordered])


def plot_labels(view: ChartView) -> list[tuple[float, float, str]]:
    """The value labels the live plot's bottom axis draws (pyqtgraph's own text rectangles)."""
    axis = view._plot.getPlotItem().getAxis("bottom")
    picture = QPicture()
    painter = QPainter(picture)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect.left(), rect.right(), text) for rect, _flags, text in texts]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_value_tick_labels_stand_apart_at_every_width(qtbot, snapshot, lang):
    for spec in specs(snapshot):
        for width, height in SIZES:
            view = placed_view(qtbot, spec, lang, width, height)
            frame = view.first_frame
            labels = frame.value_labels(frame.layout_now())
            where = (spec.key, width, height, lang)
            assert labels, where  # a scale is always shown
            assert_apart([(lb.left, lb.left + lb.width, lb.text) for lb in labels], ("first frame", *where))
            view.ensure_plot()
            QApplication.processEvents()
            drawn = plot_labels(view)
            assert_apart(drawn, ("plot", *where))
            # The plot that takes over shows the ticks the first frame showed.
            assert sorted(t for *_, t in drawn) == sorted(lb.text for lb in labels), where
            view.holder.close()
            view.holder.deleteLater()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_narrow_axis_gets_fewer_round_ticks_not_crowded_ones(qapp, lang):
    metrics = QFontMetrics(QFont())

    def width_of(text: str) -> float:
        return metrics.horizontalAdvance(text) + 2

    # 0 … 17 000 over 90 px: pyqtgraph's own spacing (5 000) would put "5.000", "10.000", "15.000" side by side.
    major, _minor = value_ticks(0, 17000, 90, lang, width_of)
    assert major == 10000
    assert [label.text for label in tick_labels(0, 17000, 90, major, lang, width_of)] == (
        ["10.000"] if lang == "vi" else ["10,000"])  # "0" would overhang the axis start
    # A wide axis keeps pyqtgraph's own spacing.
    assert value_ticks(0, 17000, 600, lang, width_of) == tick_spacing(0, 17000, 600) == (5000, 1000)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_bar_s_value_label_is_shown_whole_at_every_width(qtbot, snapshot, lang):
    """A value cut at the chart's edge reads as another number ("12,78" for 12,783): never."""
    for spec in specs(snapshot):
        for width, height in SIZES:
            view = placed_view(qtbot, spec, lang, width, height)
            frame = view.first_frame
            layout = frame.layout_now()
            metrics = QFontMetrics(frame.font())
            for s_index, series in enumerate(spec.series):
                for c, value in enumerate(series.values):
                    if value is None:
                        continue
                    text = view_label(view, value) + ("*" if series.derived else "")
                    right = frame.bar_pixels(layout, c, s_index).right() + 4 + metrics.horizontalAdvance(text)
                    assert right <= frame.width(), (spec.key, width, height, lang, text, right, frame.width())
            view.ensure_plot()
            QApplication.processEvents()
            plot = view._plot
            for label in view._labels:
                if label.isVisible():
                    box = plot.mapFromScene(label.sceneBoundingRect()).boundingRect()
                    assert box.right() <= plot.viewport().width() + 1, (
                        spec.key, width, height, lang, label.toPlainText())
            view.holder.close()
            view.holder.deleteLater()


def view_label(view: ChartView, value: float) -> str:
    from briefing_app.ui.charts.chart_view import _short_value

    return _short_value(value, view.lang)
