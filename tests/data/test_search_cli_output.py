"""Plain `search` output: one result per line, columns kept, and database text shown, never obeyed."""

from __future__ import annotations

import sqlite3

from briefing_app.cli import main


def test_bidi_controls_tabs_and_newlines_in_results_cannot_break_or_reorder_the_lines(small_db, capsys):
    conn = sqlite3.connect(small_db)
    with conn:
        conn.execute("UPDATE limitations SET title_vi = ?", ["\u202eevil\tx\ny"])
    conn.close()
    assert main(["search", "sim rac", "--db", str(small_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    limitation = [line for line in lines if line.startswith("limitations\t")]
    assert limitation and limitation[0].split("\t")[2] == "‹U+202E›evil x y"
    assert all(line.count("\t") == 3 for line in lines)
