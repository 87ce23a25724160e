"""An "Over time" chart printed (alone, or as the pack's PDF of it): a time axis with stated and implied points,
their values in the pack's language, the periods named, the conflicts and how each implied value was worked
out — not the bar chart it used to be printed as (no bars, "2016" twice, formulas running off the page)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QPainter

from briefing_app.data.charts import series_chart
from briefing_app.data.series import build_series
from briefing_app.data.snapshot import load_snapshot
from briefing_app.data.store import open_store
from briefing_app.report import ReportOptions, render_pdf
from briefing_app.report.series_painter import SeriesChartPiece
from briefing_app.report.style import Style


@pytest.fixture(scope="module")
def revenue(bundled_db):
    with open_store(bundled_db) as store:
        return load_snapshot(store, "mic-2019-h1"), series_chart(build_series(store, "ict.revenue.total"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_over_time_chart_prints_as_points_over_time(qapp, revenue, read_pdf, lang):
    snapshot, spec = revenue
    doc = read_pdf(render_pdf(snapshot, ReportOptions(lang=lang, chart=spec))[0])
    assert doc.pages == 1
    text = doc.texts[0]
    assert spec.title(lang) in text
    if lang == "en":
        labels = ("1,347,087", "2,100,000", "1,337,857", "1,223,351*", "1,920,615*", "1,258,960*")
        periods = ("2015", "2016", "2017", "first half of 2018", "first half of 2019")
        assert "Conflict (2016): mic-2016-fy states estimated 1,337,857 billion VND" in text
    else:
        labels = ("1.347.087", "2.100.000", "1.337.857", "1.223.351*", "1.920.615*", "1.258.960*")
        periods = ("năm 2015", "năm 2016", "năm 2017", "6 tháng đầu năm 2018", "6 tháng đầu năm 2019")
        assert "Mâu thuẫn (năm 2016)" in text
    for label in labels:
        assert label in text, label
    # the periods by name, where they fit: at most one left out, never the last
    assert sum(period in text for period in periods) >= len(periods) - 1 and periods[-1] in text
    # how each implied value was worked out, as the window's tooltips say it, in the pack's notation
    formula = {"vi": "1.337.857 ÷ (100% + 9,36%) = 1.223.351 tỷ đồng",
               "en": "1,337,857 ÷ (100% + 9.36%) = 1,223,351 billion VND"}[lang]
    assert doc.pages_with(formula) == [1]
    # each stated value with its qualifier and briefing, as the window's table reads it (a qualifier is part
    # of the fact; the plot's labels are bare numbers)
    stated = {"vi": "năm 2017: hơn 2,1 triệu tỷ đồng (mic-2017-fy)",
              "en": "2017: over 2,100,000 billion VND (mic-2017-fy)"}[lang]
    assert doc.pages_with(stated) == [1]


def test_labels_stay_inside_the_plot_and_apart(qapp, revenue):
    _snapshot, spec = revenue
    image = QImage(1200, 900, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    style = Style(image, "en")
    piece = SeriesChartPiece(style, spec, "en", 1100)
    painter = QPainter(image)
    piece.draw(painter, 10, 10)
    painter.end()
    rects = piece.label_rects
    assert len(rects) >= 5  # six points: every one labelled or, where two would collide, all but one
    for i, rect in enumerate(rects):
        assert piece.plot_rect.contains(rect)
        assert not any(rect.intersects(other) for other in rects[i + 1:])
