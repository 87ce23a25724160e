"""The command line over a database of several briefings: `export` and `print` without --briefing take
the newest by period and say so; plain `search` names each result's briefing."""

from __future__ import annotations

import json

import pytest

from briefing_app.cli import main
from briefing_fixtures import series_database

NOTE = ("briefing-app: several briefings; using the newest, test-2018-h1 (first half of 2018); "
        "choose one with --briefing\n")


@pytest.fixture
def series_db(tmp_path):
    return series_database(tmp_path / "src", tmp_path / "series.db")


def test_export_without_briefing_uses_the_newest_and_says_so(series_db, capsys):
    assert main(["export", "--format", "json", "--db", str(series_db)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["briefing"]["id"] == "test-2018-h1"
    assert err == NOTE


def test_export_csv_without_briefing_says_so_too(series_db, capsys):
    assert main(["export", "--format", "csv", "--section", "directives", "--db", str(series_db)]) == 0
    assert capsys.readouterr().err == NOTE


def test_export_with_briefing_says_nothing(series_db, capsys):
    assert main(["export", "--format", "json", "--db", str(series_db), "--briefing", "test-2017-h1"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["briefing"]["id"] == "test-2017-h1"
    assert err == ""


def test_one_briefing_needs_no_note(small_db, capsys):
    assert main(["export", "--format", "json", "--db", str(small_db)]) == 0
    assert capsys.readouterr().err == ""


def test_print_without_briefing_uses_the_newest_and_says_so(qapp, series_db, tmp_path, capsys):
    # qapp: a QApplication first, as the other tests need one (print would make a QGuiApplication)
    target = tmp_path / "pack.pdf"
    assert main(["print", "-o", str(target), "--sections", "overview", "--lang", "en", "--db", str(series_db)]) == 0
    out, err = capsys.readouterr()
    assert err == NOTE
    assert out.startswith(f"Wrote {target}")
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Mid-year review 2018" in text


def test_plain_search_has_a_briefing_column(series_db, capsys):
    assert main(["search", "sim rac", "--db", str(series_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.count("\t") == 3 for line in lines)
    briefings = {line.split("\t")[1] for line in lines}
    assert briefings == {"test-2017-h1", "test-2018-h1", "test-2017-fy"}
    section, briefing, title, _snippet = lines[0].split("\t")
    assert (section, title) == ("limitations", "Sim rác còn tồn tại")
