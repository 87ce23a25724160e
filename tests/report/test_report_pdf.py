"""The printed pack read back from the PDF itself: pages, headings, figures, footers, fonts, charts."""

from __future__ import annotations

import hashlib
import re

import pytest
from pypdf.generic import IndirectObject

from briefing_app.data.wording import figure_text
from briefing_app.i18n import tr
from briefing_app.report import SECTIONS


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_count_is_what_was_laid_out(packs, lang):
    doc, rendered = packs[lang]
    assert doc.pages == rendered.pages
    assert 8 <= doc.pages <= 20


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_section_heading_is_on_the_page_the_contents_gives(packs, lang):
    doc, rendered = packs[lang]
    assert set(rendered.anchor_pages) == set(SECTIONS)
    pages = [rendered.anchor_pages[s] for s in SECTIONS]
    assert pages == sorted(pages)
    for section in SECTIONS:
        heading = tr(f"report.section.{section}", lang)
        assert rendered.anchor_pages[section] in doc.pages_with(heading)
    # the contents list on the first page names every section with its page
    first = doc.texts[0]
    assert tr("report.contents", lang) in first
    for n, section in enumerate(SECTIONS, start=1):
        entry = f"{n}. {tr(f'report.section.{section}', lang)}"
        assert re.search(re.escape(entry) + r"\s*" + str(rendered.anchor_pages[section]), first), entry


def test_key_figures_keep_their_diacritics_in_vietnamese(packs):
    doc, _ = packs["vi"]
    text = " ".join(doc.texts)
    assert "ước đạt 213.355 tỷ đồng" in text
    assert "72.736.956.416 truy vấn" in text
    assert "Hội nghị sơ kết công tác 6 tháng đầu năm" in doc.texts[0]
    assert "Bộ Thông tin và Truyền thông" in doc.texts[0]
    assert "(suy ra)" in text  # derived values are marked


def test_key_figures_in_english_notation(packs):
    doc, _ = packs["en"]
    text = " ".join(doc.texts)
    assert "estimated 213,355 billion VND" in text
    assert "72,736,956,416 queries" in text
    assert "213.355" not in text.replace("213.355 tỷ", "")  # the Vietnamese source sentence keeps its own notation
    assert "(derived)" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_has_header_and_footer(packs, lang, bundled_db):
    doc, _ = packs[lang]
    digest = hashlib.sha256(bundled_db.read_bytes()).hexdigest()[:8]
    title = "Hội nghị sơ kết" if lang == "vi" else "Conference reviewing"
    printed = "In ngày 20/07/2017" if lang == "vi" else "Printed 20 Jul 2017"
    n = doc.pages
    for page, text in enumerate(doc.texts, start=1):
        number = f"Trang {page}/{n}" if lang == "vi" else f"Page {page} of {n}"
        assert number in text, (page, text[-200:])
        fingerprint = "Mã dữ liệu" if lang == "vi" else "Data fingerprint"
        assert f"data.db · {fingerprint}: {digest}" in text
        assert printed in text
        assert text.startswith(title)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_font_is_embedded(packs, lang):
    doc, _ = packs[lang]
    seen = 0
    for page in doc.reader.pages:
        fonts = _resolve(_resolve(page["/Resources"]).get("/Font", {}))
        for ref in fonts.values():
            font = _resolve(ref)
            seen += 1
            if font["/Subtype"] == "/Type0":
                font = _resolve(font["/DescendantFonts"][0])
            assert font["/Subtype"] != "/Type3"
            descriptor = _resolve(font["/FontDescriptor"])
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
    assert seen


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_is_real_and_nothing_is_a_picture(packs, lang):
    doc, _ = packs[lang]
    for page in doc.reader.pages:
        objects = _resolve(_resolve(page["/Resources"]).get("/XObject", {}))
        for ref in objects.values():
            assert _resolve(ref).get("/Subtype") != "/Image"
    assert len(doc.data) < 600_000


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_charts_are_vector_drawings_with_their_titles(packs, lang, bundled_snapshot):
    from briefing_app.data.charts import overview_charts

    doc, _ = packs[lang]
    for chart in overview_charts(bundled_snapshot):
        unit = tr("report.unit", lang, unit=chart.unit(lang))
        pages = [n for n in doc.pages_with(chart.title(lang)) if n in doc.pages_with(unit)]
        assert pages, chart.title(lang)
        content = doc.content(pages[0])
        # bars are rectangles (re) filled (f); axes, grid and target lines are paths (m … l … S)
        assert len(re.findall(rb"\bre\b", content)) >= len(chart.categories)
        assert re.search(rb"\bm\b", content) and re.search(rb"\bl\b", content)
    plan = "100% kế hoạch" if lang == "vi" else "100% of plan"
    assert doc.pages_with(plan)
    unit = "Đơn vị: tỷ đồng" if lang == "vi" else "Unit: billion VND"
    assert doc.pages_with(unit)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_figures_carry_reference_numbers_listed_in_the_sources_appendix(packs, lang, bundled_snapshot):
    doc, rendered = packs[lang]
    indicator = next(i for i in bundled_snapshot.indicators if i.value_text == "213.355")
    text = " ".join(doc.texts)
    match = re.search(re.escape(figure_text(indicator, lang)) + r" \[(\d+)\]", text)
    assert match, figure_text(indicator, lang)
    number = match.group(1)
    appendix = " ".join(doc.texts[rendered.anchor_pages["sources"] - 1:])
    sentence = re.sub(r"\s+", " ", indicator.source_text)
    assert f"[{number}] {sentence}" in appendix
    # every figure's sentence is in the appendix
    for i in bundled_snapshot.indicators:
        assert re.sub(r"\s+", "", i.source_text) in re.sub(r"\s+", "", appendix), i.key


def test_enterprise_section_and_directives_are_printed(packs, bundled_snapshot):
    doc, _ = packs["vi"]
    text = re.sub(r"\s+", "", " ".join(doc.texts))
    for directive in bundled_snapshot.directives:
        assert re.sub(r"\s+", "", directive.title("vi")) in text
    for enterprise in bundled_snapshot.enterprises:
        assert re.sub(r"\s+", "", enterprise.name("vi")) in text


def test_page_sizes_and_orientation(qapp, bundled_snapshot, read_pdf):
    from briefing_app.report import ReportOptions, render_pdf

    sizes = {}
    for page_size, orientation in (("A4", "portrait"), ("A3", "portrait"), ("Letter", "portrait"),
                                   ("A4", "landscape")):
        data, rendered = render_pdf(bundled_snapshot, ReportOptions(sections=("overview", "directives"),
                                                                    page_size=page_size, orientation=orientation))
        box = read_pdf(data).reader.pages[0].mediabox
        sizes[(page_size, orientation)] = (round(float(box.width)), round(float(box.height)), rendered.pages)
    assert sizes[("A4", "portrait")][:2] == (595, 842)
    assert sizes[("A3", "portrait")][:2] == (842, 1191)
    assert sizes[("Letter", "portrait")][:2] == (612, 792)
    assert sizes[("A4", "landscape")][:2] == (842, 595)
    assert sizes[("A3", "portrait")][2] < sizes[("A4", "portrait")][2]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_chart_printed_alone_with_the_sentences_of_its_figures(qapp, bundled_snapshot, read_pdf, lang):
    from briefing_app.data.charts import overview_charts
    from briefing_app.report import ReportOptions, render_pdf
    from briefing_app.report.content import Chart, Contents, Heading, build_content

    spec = next(c for c in overview_charts(bundled_snapshot) if c.title_vi.startswith("Điểm phục vụ"))
    options = ReportOptions(lang=lang, chart=spec)
    blocks = build_content(bundled_snapshot, options).blocks
    assert [b.spec for b in blocks if isinstance(b, Chart)] == [spec]  # that chart and no other section
    assert not any(isinstance(b, Contents) for b in blocks)
    assert [b.text for b in blocks if isinstance(b, Heading)] == [tr("report.chart_sources", lang)]
    doc = read_pdf(render_pdf(bundled_snapshot, options)[0])
    assert doc.pages == 1
    text = doc.texts[0]
    assert spec.title(lang) in text
    assert ("12.783" if lang == "vi" else "12,783") in text
    # every bar's figure with the sentence it comes from, as stated (Vietnamese)
    [sentence] = {bundled_snapshot.entry(*c.ref).source_text for c in spec.categories}  # one sentence states all
    assert doc.pages_with(sentence) == [1]
    labels = "; ".join(c.label(lang) for c in spec.categories)
    assert doc.pages_with(tr("report.figures", lang, labels=labels)) == [1]
    assert tr("report.page", lang, page=1, pages=1) in text


def test_writing_the_full_pack_is_fast(qapp, bundled_snapshot, tmp_path):
    import time

    from briefing_app.report import ReportOptions, write_pdf

    start = time.perf_counter()
    rendered = write_pdf(tmp_path / "pack.pdf", bundled_snapshot, ReportOptions())
    elapsed = time.perf_counter() - start
    assert rendered.pages >= 8
    # measured ≈ 0.06–0.1 s; the issue asks for at most 1 s (kept loose here for slow CI machines)
    assert elapsed < 3.0
