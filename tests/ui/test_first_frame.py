"""A chart's first frame (QPainter) and the pyqtgraph plot that takes over from it (issue #17 §1).

The reader must not see the chart jump when the plot replaces the frame: the grabs before and after are the same
size, the bars start and end on the same pixels, in the same colours, and the labels sit in the same places. The
chart works before the swap too: a click on a bar opens its item, "Show as table" shows the table, export writes
the file, and a drag or a wheel hands over to the live plot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from briefing_app.data.charts import overview_charts
from briefing_app.ui.charts.chart_view import ChartView, series_colors

#: How far (pixels) a bar's end or a label may move when the plot takes over.
TOLERANCE = 2


@pytest.fixture
def frame_view(qtbot):
    def make(spec, lang="vi", width=560):
        view = ChartView()
        view.take_over_when_idle = False  # the first frame stays until the test swaps it
        qtbot.addWidget(view)
        view.set_spec(spec, lang)
        view.resize(width, view.sizeHint().height())
        view.show()
        qtbot.waitExposed(view)
        return view
    return make


def bar_runs(image: QImage, y: int, color: QColor, x0: int) -> list[tuple[int, int]]:
    """The runs of ``color`` along row ``y`` from ``x0``: where the bars are painted."""
    runs, start = [], None
    for x in range(x0, image.width()):
        same = _close(QColor(image.pixel(x, y)), color, 6)
        if same and start is None:
            start = x
        elif not same and start is not None:
            runs.append((start, x - 1))
            start = None
    if start is not None:
        runs.append((start, image.width() - 1))
    merged: list[tuple[int, int]] = []
    for run in runs:  # grid lines cross the bars: a gap of a pixel or two is the same bar
        if merged and run[0] - merged[-1][1] <= 3:
            merged[-1] = (merged[-1][0], run[1])
        else:
            merged.append(run)
    return [r for r in merged if r[1] - r[0] >= 2]


def ink_box(image: QImage, x0: int, x1: int, y0: int, y1: int) -> tuple[int, int, int, int] | None:
    """The box around the dark (text) pixels in a region."""
    xs, ys = [], []
    for y in range(max(0, y0), min(image.height(), y1)):
        for x in range(max(0, x0), min(image.width(), x1)):
            if QColor(image.pixel(x, y)).lightness() < 90:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _close(a: QColor, b: QColor, limit: int) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= limit


def _near(a, b) -> bool:
    return a is not None and b is not None and all(abs(p - q) <= TOLERANCE for p, q in zip(a, b))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_plot_takes_over_without_a_visible_jump(qtbot, frame_view, snapshot, lang):
    for spec in overview_charts(snapshot):
        view = frame_view(spec, lang)
        frame = view.first_frame
        assert frame is not None and view._plot is None
        before = view.grab().toImage()
        layout = frame.layout_now()
        assert layout is not None
        offset = frame.mapTo(view, QPoint(0, 0))
        view.ensure_plot()
        QApplication.processEvents()
        assert view.first_frame is None and view._plot is not None
        after = view.grab().toImage()
        assert after.size() == before.size(), spec.key
        colors = series_colors(False)
        for s_index, series in enumerate(spec.series):
            color = QColor("#8a8a8a") if series.derived else colors[s_index]
            for c, value in enumerate(series.values):
                if value is None or series.derived:
                    continue
                bar = frame.bar_pixels(layout, c, s_index).translated(offset.x(), offset.y())
                if bar.width() < 6:  # a sliver is all outline: its value label is checked on the wider bars
                    continue
                y = round(bar.center().y())
                x0 = round(offset.x() + layout.view.left()) - TOLERANCE - 2
                runs_before, runs_after = bar_runs(before, y, color, x0), bar_runs(after, y, color, x0)
                assert runs_before and runs_after, (spec.key, c, s_index)
                # The bar's fill (inside its outline) starts and ends on the same pixels, in the same colour.
                assert _near(runs_before[0], runs_after[0]), (spec.key, c, runs_before, runs_after)
                # Its value label, just right of the bar, in the same place.
                right = runs_before[0][1]
                label_before = ink_box(before, right + 3, right + 80, y - 10, y + 10)
                label_after = ink_box(after, right + 3, right + 80, y - 10, y + 10)
                assert _near(label_before, label_after), (spec.key, c, label_before, label_after)
        # The category labels on the left, and the unit under the axis.
        left = round(offset.x() + layout.view.left()) - 4
        top, bottom = round(offset.y() + layout.view.top()), round(offset.y() + layout.view.bottom())
        assert _near(ink_box(before, 0, left, top, bottom), ink_box(after, 0, left, top, bottom)), spec.key
        unit_top = bottom + 18
        assert _near(ink_box(before, left + 8, before.width(), unit_top, unit_top + 24),
                     ink_box(after, left + 8, after.width(), unit_top, unit_top + 24)), spec.key
        view.close()


def test_the_first_frame_paints_long_before_a_pyqtgraph_plot(qtbot, frame_view, snapshot):
    import time

    spec = overview_charts(snapshot)[-1]
    view = frame_view(spec)
    frame = view.first_frame
    started = time.perf_counter()
    for _ in range(20):
        frame.grab()
    painted = (time.perf_counter() - started) / 20
    assert frame.paint_count >= 20
    assert painted < 0.01  # under a millisecond on a quiet machine; generous under load


def test_a_click_on_a_bar_of_the_first_frame_opens_its_item(qtbot, frame_view, snapshot):
    spec = next(c for c in overview_charts(snapshot) if c.title_vi.startswith("Điểm phục vụ"))
    view = frame_view(spec)
    frame = view.first_frame
    bar = frame.bar_pixels(frame.layout_now(), 2, 0)
    with qtbot.waitSignal(view.bar_clicked) as clicked:
        qtbot.mouseClick(frame, Qt.MouseButton.LeftButton, pos=bar.center().toPoint())
    assert clicked.args == list(spec.categories[2].ref)
    assert view.first_frame is frame  # a click on a bar needs no live plot
    assert view.hover_text(2, 0) == frame_hover(frame, bar.center())


def frame_hover(frame, pos: QPointF) -> str:
    hit = frame.bar_at(pos)
    assert hit is not None
    return frame._view.hover_text(*hit)


def test_the_buttons_work_before_the_plot_takes_over(qtbot, frame_view, snapshot, tmp_path):
    spec = overview_charts(snapshot)[0]
    view = frame_view(spec, "en")
    qtbot.mouseClick(view.table_button, Qt.MouseButton.LeftButton)
    assert view.is_showing_table()
    assert view.table.item(0, 0).text() == spec.categories[0].label("en")
    qtbot.mouseClick(view.table_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.first_frame
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)  # nothing zoomed yet: nothing moves
    assert view.stack.currentWidget() is view.first_frame
    target = tmp_path / "chart.png"
    view.export(str(target), "png")
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 100
    assert view._plot is not None and view.stack.currentWidget() is view._plot


def test_a_wheel_on_the_first_frame_hands_over_to_the_live_plot(qtbot, frame_view, snapshot):
    view = frame_view(overview_charts(snapshot)[0])
    frame = view.first_frame
    full_low, full_high = frame.layout_now().x_range  # what the plot shows unzoomed
    centre = QPointF(frame.rect().center())
    event = QWheelEvent(centre, QPointF(frame.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(frame, event)
    assert view._plot is not None and view.stack.currentWidget() is view._plot
    # That turn of the wheel zoomed the plot (pyqtgraph zooms the value axis of a bar chart): the range shrank.
    (low, high) = view._plot.getPlotItem().vb.viewRange()[0]
    assert high - low < (full_high - full_low) * 0.95


def test_the_overview_charts_first_paint_where_they_settle(qtbot, qapp, settings, review_db, monkeypatch):
    """The Overview's charts are built after its text's first paint; their first frames are painted at the
    place and size they keep (not drawn over each other and moved a moment later)."""
    from briefing_app.ui.charts import first_frame

    monkeypatch.setattr(ChartView, "take_over_when_idle", False)
    painted: dict[int, tuple] = {}
    paint = first_frame.FirstFrame.paintEvent

    def recording(self, event):
        paint(self, event)
        if self.paint_count == 1:
            view = self._view
            painted[id(view)] = (view.geometry().getRect(), self.size().toTuple())

    monkeypatch.setattr(first_frame.FirstFrame, "paintEvent", recording)
    from briefing_app.ui.app import launch

    window = launch(qapp, review_db, "vi", settings)  # as the command line starts it
    qtbot.addWidget(window)
    tab = window.overview_tab
    qtbot.waitUntil(lambda: len(tab._charts) == 5 and len(painted) >= 2 and all(
        id(v) in painted for v in tab._charts if not v.visibleRegion().isEmpty()), timeout=5000)
    qtbot.wait(200)  # whatever would still move has moved
    shown = [v for v in tab._charts if id(v) in painted]
    assert len(shown) >= 2
    for view in shown:
        assert painted[id(view)] == (view.geometry().getRect(), view.first_frame.size().toTuple())
    for above, below in zip(tab._charts, tab._charts[1:]):
        assert above.geometry().bottom() < below.geometry().top()
