"""The printed pack and the print command count in words that agree with the number ("1 enterprise", "1 page")."""

from __future__ import annotations

from briefing_app.cli import main


def test_the_pack_counts_one_and_many(qapp, tmp_path, small_db, read_pdf, capsys):
    target = tmp_path / "pack.pdf"
    assert main(["print", "-o", str(target), "--db", str(small_db), "--lang", "en", "--sections", "overview"]) == 0
    doc = read_pdf(target)
    assert doc.pages_with("6 indicators · 1 achievement · 1 limitation · 2 directives · 1 enterprise · 1 discrepancy")
    assert doc.pages == 2 and capsys.readouterr().out.strip() == f"Wrote {target} (2 pages)."
    assert main(["print", "-o", str(target), "--db", str(small_db), "--sections", "limitations"]) == 0
    assert read_pdf(target).pages == 1 and capsys.readouterr().out.strip() == f"Wrote {target} (1 page)."
