"""``briefing-app print --compare-with ID``: the pack gains a section comparing its briefing with another."""

from __future__ import annotations

import pytest
from compare_fixtures import issue_database

from briefing_app.cli import main


# ------------------------------------------------------------------ the printed pack
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_print_compare_with_adds_the_comparison_section(qapp, tmp_path, capsys, read_pdf, lang):
    db = issue_database(tmp_path)
    target = tmp_path / "pack.pdf"
    assert main(["print", "-o", str(target), "--db", str(db), "--briefing", "h1-2018", "--compare-with", "h1-2017",
                 "--lang", lang, "--sections", "overview"]) == 0
    text = " ".join(read_pdf(target).texts)
    if lang == "en":
        assert "Compared with h1-2017" in text
        for words in ("Earlier", "Later", "Change", "Stated", "123.91 triệu thuê bao", "+3.26%",
                      "+4.83%", "measures a different thing", "1 continued", "2 new", "2 dropped", "similarity 0.67"):
            assert words in text, words
    else:
        assert "So sánh với h1-2017" in text
        for words in ("Kỳ trước", "Kỳ sau", "Thay đổi", "Được nêu", "123,91 triệu thuê bao", "+3,26%", "+4,83%",
                      "đo một chỉ tiêu khác", "1 tiếp tục", "2 không còn",
                      "độ giống 0,67"):
            assert words in text, words


def test_print_compare_with_an_unknown_briefing_fails_plainly(qapp, tmp_path, capsys):
    db = issue_database(tmp_path)
    target = tmp_path / "pack.pdf"
    assert main(["print", "-o", str(target), "--db", str(db), "--briefing", "h1-2018",
                 "--compare-with", "nope"]) == 1
    err = capsys.readouterr().err
    assert err == f"briefing-app: error: {db}: has no briefing 'nope' (it has: h1-2018, h1-2017)\n"
    assert not target.exists()
