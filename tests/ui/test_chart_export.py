"""An exported chart is the chart on screen (issue #16.1): PNG and SVG are rendered and their bars, points and
labels compared with the chart view's own grab.

Before the fix the PNG held the top-left quarter of the plot at 2×, and the SVG drew bars and category labels
shrunk towards the top-left (72 DPI) while value labels stayed where they were.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from briefing_app.data.charts import enterprise_chart, overview_charts, series_chart
from briefing_app.data.series import build_series
from briefing_app.data.store import open_store
from briefing_app.ui.charts.chart_view import ChartView, series_colors
from briefing_app.ui.charts.export import PNG_SCALE, picture_frame

SVG = "{http://www.w3.org/2000/svg}"


def pixels(image: QImage) -> numpy.ndarray:
    """Height × width × (r, g, b) of ``image``."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = numpy.frombuffer(image.constBits(), numpy.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return raw[:, : image.width(), 2::-1].astype(int)


def mask(image: QImage, colors: list[QColor], tolerance: int = 24) -> numpy.ndarray:
    """Where ``image`` has one of ``colors`` (a bar's fill or its outline)."""
    rgb = pixels(image)
    hit = numpy.zeros(rgb.shape[:2], bool)
    for color in colors:
        hit |= numpy.abs(rgb - numpy.array([color.red(), color.green(), color.blue()])).sum(axis=2) <= tolerance
    return hit


def shrink(hits: numpy.ndarray, factor: int) -> numpy.ndarray:
    """A mask at 1/``factor`` of its size: a pixel is set when any of its block is."""
    h, w = hits.shape[0] // factor, hits.shape[1] // factor
    return hits[: h * factor, : w * factor].reshape(h, factor, w, factor).any(axis=(1, 3))


def near(a: numpy.ndarray, b: numpy.ndarray, reach: int = 2) -> float:
    """The share of ``a``'s set pixels that have a set pixel of ``b`` within ``reach`` pixels."""
    grown = numpy.zeros_like(b)
    h, w = b.shape
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            grown[max(0, dy): h + min(0, dy), max(0, dx): w + min(0, dx)] |= \
                b[max(0, -dy): h + min(0, -dy), max(0, -dx): w + min(0, -dx)]
    return float((a & grown).sum()) / max(1, int(a.sum()))


def bars(hits: numpy.ndarray) -> list[tuple[int, int, int, int]]:
    """(top, bottom, left, right) of each horizontal band of set rows, top first (an axis tick across a thin
    bar does not split it)."""
    rows = numpy.flatnonzero(hits.any(axis=1))
    found: list[tuple[int, int, int, int]] = []
    for group in numpy.split(rows, numpy.flatnonzero(numpy.diff(rows) > 3) + 1) if rows.size else []:
        cols = numpy.flatnonzero(hits[group[0]: group[-1] + 1].any(axis=0))
        found.append((int(group[0]), int(group[-1]), int(cols[0]), int(cols[-1])))
    return found


def svg_image(path, size) -> QImage:
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    QSvgRenderer(str(path)).render(painter)
    painter.end()
    return image


def svg_texts(path) -> list[tuple[str, float, float]]:
    """(text, x, baseline y) of every text element, in the SVG's view box coordinates."""
    found = []
    for group in ET.parse(path).getroot().iter(f"{SVG}g"):
        a, b, c, d, e, f = 1.0, 0.0, 0.0, 1.0, 0.0, 0.0
        if match := re.fullmatch(r"matrix\(([^)]*)\)", group.get("transform", "")):
            a, b, c, d, e, f = (float(v) for v in match.group(1).split(","))
        for text in group.findall(f"{SVG}text"):
            x, y = float(text.get("x", 0)), float(text.get("y", 0))
            found.append(((text.text or "").strip(), a * x + c * y + e, b * x + d * y + f))
    return found


def exported(qtbot, view, tmp_path):
    """The grab of the view's exported area, and the exported PNG and SVG (rendered at screen size)."""
    qtbot.waitUntil(lambda: view.export_parts()[-1].isVisible() or view.export_parts()[-2].isVisible())
    qtbot.wait(50)  # the plot's first layout
    frame = picture_frame(view.export_parts(), view)
    grab = view.grab(frame).toImage()
    view.export(str(tmp_path / "chart.png"), "png")
    view.export(str(tmp_path / "chart.svg"), "svg")
    png = QImage(str(tmp_path / "chart.png"))
    assert (png.width(), png.height()) == (frame.width() * PNG_SCALE, frame.height() * PNG_SCALE)
    root = ET.parse(tmp_path / "chart.svg").getroot()
    assert root.get("viewBox") == f"0 0 {frame.width()} {frame.height()}"
    return frame, grab, png, svg_image(tmp_path / "chart.svg", frame.size())


def assert_same_marks(grab, png, svg, colors):
    on_screen = mask(grab, colors)
    assert on_screen.sum() > 50
    for picture in (shrink(mask(png, colors), PNG_SCALE), mask(svg, colors)):
        assert picture.shape == on_screen.shape
        assert near(on_screen, picture) > 0.97 and near(picture, on_screen) > 0.97


def bar_colors(view, series):
    color = series_colors(view._dark())[series]
    return [color, color.darker(130)]


@pytest.fixture
def view(qtbot):
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(640, 360)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_exported_bars_and_labels_are_those_on_screen(qtbot, view, snapshot, tmp_path, lang):
    spec = next(c for c in overview_charts(snapshot) if c.title_vi.startswith("Điểm phục vụ"))
    view.set_spec(spec, lang)
    view.ensure_plot()
    frame, grab, png, svg = exported(qtbot, view, tmp_path)
    colors = bar_colors(view, 0)
    assert_same_marks(grab, png, svg, colors)
    screen_bars = bars(mask(grab, colors))
    assert len(screen_bars) == len(spec.categories)
    plot_top = view._plot.mapTo(view, QPoint(0, 0)).y() - frame.top()
    texts = [t for t in svg_texts(tmp_path / "chart.svg") if t[2] > plot_top]  # not the title
    height = view.fontMetrics().height()
    for c, category in enumerate(spec.categories):
        top, bottom, left, right = screen_bars[c]
        value = next(t for t in texts if t[0] == view._labels[c].toPlainText())
        # The value label sits just right of its own bar, at its height.
        assert right - 2 <= value[1] <= right + 12, (value, screen_bars[c])
        assert top - 2 <= value[2] - height * 0.3 <= bottom + 2, (value, screen_bars[c])
        # The category's label sits left of the bars, at the bar's height.
        label = next(t for t in texts if t[0] and t[0].rstrip("…") in category.label(lang) and t[1] < left)
        assert top - height <= label[2] - height * 0.3 <= bottom + height, (label, screen_bars[c])


def test_exported_grouped_bars_keep_their_series_and_legend(qtbot, view, snapshot, tmp_path):
    spec = enterprise_chart(snapshot)
    view.set_spec(spec, "en")
    view.ensure_plot()
    frame, grab, png, svg = exported(qtbot, view, tmp_path)
    for series in range(len(spec.series)):
        assert_same_marks(grab, png, svg, bar_colors(view, series))
    texts = [t for t, _, _ in svg_texts(tmp_path / "chart.svg")]
    assert spec.title("en") in texts and "Revenue" in texts and "Profit" in texts


def test_exported_over_time_chart_has_its_points_where_the_screen_has_them(qtbot, view, bundled_db, tmp_path):
    with open_store(bundled_db) as store:
        spec = series_chart(build_series(store, "ict.budget_contribution"))
    view.set_spec(spec, "vi")
    view.ensure_plot()
    qtbot.waitUntil(lambda: view.series_plot is not None and view.series_plot.widget.isVisible())
    frame, grab, png, svg = exported(qtbot, view, tmp_path)
    assert_same_marks(grab, png, svg, [series_colors(view._dark())[0]])
    texts = [t for t, _, _ in svg_texts(tmp_path / "chart.svg")]
    assert all(label.toPlainText() in texts for label in view.series_plot.labels if label.isVisible())


def test_a_chart_shown_as_table_exports_its_plot(qtbot, view, snapshot, tmp_path):
    view.set_spec(enterprise_chart(snapshot), "vi")
    view.ensure_plot()
    qtbot.waitUntil(lambda: view._plot.isVisible())
    view.show_as_table(True)
    view.export(str(tmp_path / "chart.png"), "png")
    assert bars(shrink(mask(QImage(str(tmp_path / "chart.png")), bar_colors(view, 0)), PNG_SCALE))
    assert isinstance(picture_frame(view.export_parts(), view), QRect)
