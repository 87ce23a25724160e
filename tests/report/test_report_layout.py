"""Pagination and content: rows and items never split, headers repeated, markup printed as text."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from briefing_app.data.wording import comparisons, figure_text
from briefing_app.report import ReportOptions, render_pdf
from briefing_app.report.charts_painter import nice_ticks

#: a page a little bigger than a postcard, so the tables run over many pages
TINY = (100.0, 140.0)
TINY_MARGINS = (8.0, 8.0, 8.0, 8.0)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def tiny_pack(qapp, bundled_snapshot, read_pdf):
    options = ReportOptions(sections=("indicators", "enterprises", "directives"), page_size=TINY,
                            margins_mm=TINY_MARGINS)
    data, rendered = render_pdf(bundled_snapshot, options)
    return read_pdf(data), rendered


def test_tiny_pages_are_many(tiny_pack):
    doc, rendered = tiny_pack
    assert doc.pages == rendered.pages >= 15
    box = doc.reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (100, 140)


def test_a_table_row_is_never_split_across_pages(tiny_pack, bundled_snapshot):
    doc, _ = tiny_pack
    squashed = [_squash(t) for t in doc.texts]
    for indicator in bundled_snapshot.indicators:
        parts = [indicator.label("vi")] + comparisons(indicator, "vi")
        figure = figure_text(indicator, "vi")
        if figure:
            parts.append(figure)
        # some page holds every part of the row whole (cells wrap, so whitespace is ignored)
        pages = [n for n, text in enumerate(squashed, start=1) if all(_squash(p) in text for p in parts)]
        assert pages, (indicator.key, parts)


def test_a_list_item_is_never_split_across_pages(tiny_pack, bundled_snapshot):
    doc, _ = tiny_pack
    squashed = [_squash(t) for t in doc.texts]
    for directive in bundled_snapshot.directives:
        sector = bundled_snapshot.sector(directive.sector_id)
        whole = (_squash(directive.title("vi")) + _squash(sector.name("vi") if sector else "")
                 + _squash("Nguyên văn: " + directive.source_text))
        assert any(whole in text for text in squashed), directive.key


def test_a_table_that_spans_pages_repeats_its_header_row(tiny_pack):
    doc, rendered = tiny_pack
    header = _squash("Chỉ số Số liệu So sánh, ghi chú Tính đến")
    first = rendered.anchor_pages["indicators"]
    last = rendered.anchor_pages["directives"]
    table_pages = range(first, last)  # the indicators table runs until the directives start
    assert len(table_pages) >= 5
    for page in table_pages:
        assert header in _squash(doc.texts[page - 1]), page
    # a sector cut by a page break is named again, marked as continued
    assert any("(tiếp)" in text for text in doc.texts)


def test_pieces_stay_inside_the_page_body(qapp, bundled_snapshot):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from briefing_app.report.content import build_content
    from briefing_app.report.document import page_layout
    from briefing_app.report.layout import Layout
    from briefing_app.report.style import Style

    options = ReportOptions(page_size=TINY, margins_mm=TINY_MARGINS)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(options))
    style = Style(writer)
    layout = Layout(style, writer.width(), writer.height() * 0.8)
    pages = layout.paginate(layout.pieces(build_content(bundled_snapshot, options).blocks, "vi"))
    assert len(pages) > 10
    for page in pages:
        assert page.placed
        for y, piece, scale in page.placed:
            assert y >= 0
            assert y + piece.height * scale <= layout.height + 1e-6
        # a heading is never the last thing on a page
        assert not page.placed[-1][1].keep_with_next or page is pages[-1]


def test_markup_in_a_database_field_is_printed_as_text(qapp, small_db, tmp_path, read_pdf):
    from briefing_app.data.snapshot import load_snapshot
    from briefing_app.data.store import open_store

    picture = tmp_path / "secret.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")  # exists, so a loader would find it
    image_tag = f"<img src='file://{picture}'>"
    with open_store(small_db) as store:
        snapshot = load_snapshot(store, "test-2017")
    indicators = [i._replace(label_vi="<b>x</b>") if i.key == "postal.points" else i for i in snapshot.indicators]
    achievements = [a._replace(title_vi=image_tag) for a in snapshot.achievements]
    briefing = snapshot.briefing._replace(title_vi="<i>Hội nghị</i> &amp; <u>thử</u>")
    snapshot = snapshot.replace(briefing=briefing, indicators=indicators, achievements=achievements)
    data, _ = render_pdf(snapshot, ReportOptions())
    doc = read_pdf(data)
    text = " ".join(doc.texts)
    assert "<b>x</b>" in text
    assert _squash(image_tag) in _squash(text)  # a long path may wrap anywhere
    assert "<i>Hội nghị</i> &amp; <u>thử</u>" in text
    for page in doc.reader.pages:  # nothing was loaded: no image anywhere
        objects = page["/Resources"].get_object().get("/XObject")
        assert not objects or all(o.get_object().get("/Subtype") != "/Image" for o in objects.get_object().values())


def test_the_current_view_prints_one_sector_with_its_charts(qapp, bundled_snapshot, read_pdf):
    telecom = next(s for s in bundled_snapshot.sectors if s.key == "telecom")
    options = ReportOptions(sections=("indicators",), sector_id=telecom.id)
    data, rendered = render_pdf(bundled_snapshot, options)
    doc = read_pdf(data)
    text = " ".join(doc.texts)
    assert "Lĩnh vực: Viễn thông" in text
    assert "ước đạt 213.355 tỷ đồng" in text
    assert "Thông tư do Bộ ban hành" not in text  # another sector's figure
    assert "Cơ quan báo, tạp chí in được cấp phép" not in text
    # the implied previous value is drawn as a hatched bar, marked derived
    assert "(suy ra)" in text
    assert "Mục lục" not in text  # one section: no contents list


def test_directives_as_a_checklist(qapp, bundled_snapshot, read_pdf):
    data, _ = render_pdf(bundled_snapshot, ReportOptions(sections=("directives",), checklist=True, lang="en"))
    doc = read_pdf(data)
    text = " ".join(doc.texts)
    assert "Directives — checklist" in text
    assert text.count("☐") == len(bundled_snapshot.directives)
    numbers = [int(n) for n in re.findall(r"☐ (\d+)\.", text)]
    assert numbers == sorted(numbers) == [d.number for d in bundled_snapshot.directives]


def test_sources_alone_list_every_figure(qapp, bundled_snapshot, read_pdf):
    data, _ = render_pdf(bundled_snapshot, ReportOptions(sections=("sources",)))
    text = _squash(" ".join(read_pdf(data).texts))
    for indicator in bundled_snapshot.indicators:
        assert _squash(indicator.source_text) in text


def test_no_reference_numbers_without_the_appendix(qapp, bundled_snapshot, read_pdf):
    data, _ = render_pdf(bundled_snapshot, ReportOptions(sections=("overview", "indicators")))
    text = " ".join(read_pdf(data).texts)
    assert "ước đạt 213.355 tỷ đồng" in text
    assert not re.search(r"\[\d+\]", text)


def test_options_are_checked():
    with pytest.raises(ValueError, match="unknown section"):
        ReportOptions(sections=("overview", "gossip"))
    with pytest.raises(ValueError):
        ReportOptions(sections=())
    with pytest.raises(ValueError):
        ReportOptions(page_size="A5")
    assert ReportOptions(sections=("sources", "overview")).sections == ("overview", "sources")
    assert ReportOptions(orientation="landscape").page_mm == (297.0, 210.0)


def test_nice_ticks():
    assert nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(0, 12783) == [0, 5000, 10000]
    assert nice_ticks(0, 1.2) == pytest.approx([0, 0.25, 0.5, 0.75, 1.0])
    assert nice_ticks(-10, 30)[0] == -10 and 0 in nice_ticks(-10, 30)


def test_the_report_package_needs_no_widgets():
    code = ("import sys, briefing_app.report, briefing_app.report.pdf; "
            "print('PySide6.QtWidgets' in sys.modules, 'pyqtgraph' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["False", "False"]
