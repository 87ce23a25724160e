"""The printed pack shows a right-to-left override as ‹U+202E›, never obeys it."""

from __future__ import annotations

from briefing_app.cli import main
from briefing_app.data.build import build_database
from briefing_fixtures import SMALL_YAML, write_briefing

RLO = "\u202e"


def test_the_pdf_shows_the_override_visibly(qapp, tmp_path, read_pdf, capsys):
    text = (SMALL_YAML.replace('title: {vi: "Sim rác còn tồn tại"', f'title: {{vi: "{RLO}evil"')
            .replace('title: {vi: "Hội nghị thử"', f'title: {{vi: "{RLO}evil meeting"'))
    bidi_db = tmp_path / "bidi.db"
    build_database([write_briefing(tmp_path / "src", text)], bidi_db)
    target = tmp_path / "bidi.pdf"
    assert main(["print", "--db", str(bidi_db), "-o", str(target)]) == 0
    text = " ".join(read_pdf(target).texts)
    assert RLO not in text
    assert "Bộ Thử nghiệm ‹U+202E›evil meeting" in text   # the title page
    assert "Hạn chế Viễn thông 1. ‹U+202E›evil" in text    # the limitation
