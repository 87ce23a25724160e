"""The command line on a bad database: one line on stderr, non-zero exit, no traceback, nothing changed."""

import re
import subprocess
import sys

import pytest

from briefing_fixtures import BAD_DATABASE_CASES, make_bad_database


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["search", "dien thoai"]])
@pytest.mark.parametrize("case", BAD_DATABASE_CASES)
def test_one_line_error_and_nothing_changed(tmp_path, small_db, case, command):
    path, expected = make_bad_database(tmp_path, small_db, case)
    before = {p: p.read_bytes() for p in (tmp_path / "cases").rglob("*") if p.is_file()}
    result = subprocess.run([sys.executable, "-m", "briefing_app", *command, "--db", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert str(path) in lines[0] and re.search(expected, lines[0]), lines[0]
    after = {p: p.read_bytes() for p in (tmp_path / "cases").rglob("*") if p.is_file()}
    assert after == before
