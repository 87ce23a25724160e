"""A 1 MB title or passage in print (issue #13, case 7): it took 18 s, then was scaled down to fit one
page, unreadable, without a word. Every printed text is capped, with a visible note of its length."""

import time

from briefing_app.cli import main
from briefing_app.text_limits import PRINT_CHARS
from briefing_fixtures import LONG_TEXT, long_text_database


def test_print_caps_long_text_with_a_note(qapp, tmp_path, capsys, read_pdf, small_db):
    db = long_text_database(small_db, tmp_path / "long.db")
    target = tmp_path / "long.pdf"
    started = time.monotonic()
    assert main(["print", "--db", str(db), "-o", str(target), "--lang", "en"]) == 0
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"took {elapsed:.1f} s"  # a hang guard, not a benchmark: it took 18 s
    assert capsys.readouterr().err == ""
    doc = read_pdf(target)
    text = " ".join(doc.texts)
    assert doc.pages_with(LONG_TEXT[:PRINT_CHARS][-60:] + "… (text shortened: 1,000,000 characters)")
    assert LONG_TEXT[:PRINT_CHARS + 1].replace(" ", "") not in text.replace(" ", "")
    # A shortened text is laid out at its size, not scaled down to fit a page.
    assert doc.pages < 30


def test_vietnamese_note(qapp, tmp_path, capsys, read_pdf, small_db):
    db = long_text_database(small_db, tmp_path / "long.db")
    target = tmp_path / "long.pdf"
    assert main(["print", "--db", str(db), "-o", str(target), "--lang", "vi"]) == 0
    assert read_pdf(target).pages_with("… (đã rút gọn: 1.000.000 ký tự)")
