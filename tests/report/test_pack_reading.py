"""The printed pack as an official reads it: directives in their number order with their sector, a real
minus sign in signed differences, a labelled and explained data fingerprint, and no near-empty last page.

The PDFs are printed with the command a user runs and read back with ``pdftotext`` (poppler-utils) when it
is installed, else with pypdf, page by page.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from briefing_app.cli import main

MINUS = "\u2212"


def _bundled_briefings(bundled_db: Path) -> list[str]:
    with sqlite3.connect(f"file:{bundled_db}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM briefings ORDER BY id")]


def page_texts(pdf: Path) -> list[str]:
    """Each page's text with its line breaks, as a reader of the printout sees it."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                             text=True).stdout
        pages = out.split("\f")
        return pages[:-1] if pages and not pages[-1].strip() else pages
    from pypdf import PdfReader

    return [page.extract_text(extraction_mode="layout") or "" for page in PdfReader(str(pdf)).pages]


def body_lines(page: str, title_words: str) -> list[str]:
    """The page's lines of text without the running header (the briefing's title) and footer (page X/Y)."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    lines = [line for line in lines if not title_words.startswith(line[:40])]
    return [line for line in lines if not re.search(r"Trang \d+/\d+|Page \d+ of \d+", line)]


def _print(tmp_path: Path, bundled_db: Path, briefing: str, lang: str, *extra: str) -> Path:
    target = tmp_path / f"{briefing}-{lang}.pdf"
    assert main(["print", "--db", str(bundled_db), "--briefing", briefing, "--lang", lang, "-o", str(target),
                 *extra]) == 0
    return target


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_bundled_pack_ends_on_a_near_empty_page(qapp, tmp_path, capsys, bundled_db, lang):
    from briefing_app.data.snapshot import load_snapshot
    from briefing_app.data.store import open_store

    for briefing in _bundled_briefings(bundled_db):
        pages = page_texts(_print(tmp_path, bundled_db, briefing, lang))
        if len(pages) < 2:
            continue
        with open_store(bundled_db) as store:
            title = load_snapshot(store, briefing).briefing.title(lang)
        last = body_lines(pages[-1], title)
        # the footer line (data, date, page) is one line; a reader wants more than a handful of lines
        assert len(last) > 8, f"{briefing} ({lang}): the last of {len(pages)} pages holds only {last}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_directives_print_in_their_number_order_with_their_sector(qapp, tmp_path, capsys, bundled_db, lang):
    pages = page_texts(_print(tmp_path, bundled_db, "mic-2017-h1", lang, "--sections", "directives"))
    text = "\n".join(pages)
    # a marker starts its line; a wrapped line of a passage (", 2025. Tiếp tục") is indented under the text
    numbers = [int(n) for n in re.findall(r"^(\d+)\.\s+\S", text, flags=re.MULTILINE)]
    assert numbers == list(range(1, 17)), numbers
    # each directive names its sector beside it (the first and the sixteenth share theirs)
    first = re.search(r"^\s*1\.\s+(.*)$", text, flags=re.MULTILINE)
    assert first is not None
    after_first = text[first.end():].lstrip().splitlines()
    sector = "Chỉ đạo, điều hành chung" if lang == "vi" else "General direction and administration"
    assert any(sector in line for line in after_first[:4]), after_first[:4]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_signed_differences_use_a_minus_sign(qapp, tmp_path, capsys, bundled_db, lang):
    text = " ".join(" ".join(page.split()) for page in page_texts(_print(tmp_path, bundled_db, "mic-2017-h1", lang)))
    word = "chênh" if lang == "vi" else "difference"
    assert f"({word} {MINUS}150)" in text
    assert f"({word} -150)" not in text


@pytest.mark.parametrize(("lang", "label", "explained"), [
    ("vi", "Mã dữ liệu", "Mã dữ liệu ở chân mỗi trang xác định chính xác dữ liệu đã in"),
    ("en", "Data fingerprint",
     "The data fingerprint at the foot of each page identifies exactly which data was printed"),
])
def test_the_footer_labels_the_data_fingerprint_and_the_appendix_explains_it(qapp, tmp_path, capsys, bundled_db,
                                                                               lang, label, explained):
    pages = page_texts(_print(tmp_path, bundled_db, "mic-2017-h1", lang))
    for page in pages:
        assert re.search(label + r": [0-9a-f]{8}\b", page), page[-300:]
        assert "sha256" not in page
    appendix = " ".join(" ".join(page.split()) for page in pages[-3:])
    assert explained in appendix
