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


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_briefing_that_lists_no_directives_drops_none_in_the_pack(qapp, tmp_path, bundled_db, read_pdf, lang):
    # The 2019 review is cited by reference with its figures only: 2017's directives were not "dropped".
    target = tmp_path / "pack.pdf"
    assert main(["print", "-o", str(target), "--db", str(bundled_db), "--briefing", "mic-2019-h1",
                 "--compare-with", "mic-2017-h1", "--lang", lang, "--sections", "overview"]) == 0
    text = " ".join(" ".join(read_pdf(target).texts).split())
    if lang == "en":
        assert "First half of 2019 lists no directives, so none can be said to continue" in text
        assert "Listed in First half of 2017: 16" in text and "16 dropped" not in text
    else:
        assert "6 tháng đầu năm 2019 không nêu nhiệm vụ nào" in text
        assert "Nêu trong 6 tháng đầu năm 2017: 16" in text and "16 không còn" not in text
