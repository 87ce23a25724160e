"""``briefing-app [FILE] [--lang vi|en] [--version]``: the window's command line, read without argparse
(building argparse's parser cost ~3 ms of every start-up); anything else is argparse's, as before."""

import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app import cli


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (None, None, False)),
    (["data.db"], (Path("data.db"), None, False)),
    (["data.db", "--lang", "vi"], (Path("data.db"), "vi", False)),
    (["--lang=en", "bài viết.txt"], (Path("bài viết.txt"), "en", False)),
    (["--version"], (None, None, True)),
])
def test_the_windows_own_arguments_are_read_by_hand(argv, expected):
    assert cli._window_command(argv) == expected


@pytest.mark.parametrize("argv", [["-h"], ["--help"], ["a.db", "b.db"], ["--lang", "fr"], ["--lang"],
                                  ["--", "-odd.db"], ["--verbose"]])
def test_anything_else_is_left_to_argparse(argv):
    assert cli._window_command(argv) is None


def test_help_and_mistakes_are_answered_as_before(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--lang", "fr"])
    assert stopped.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--help"])
    assert stopped.value.code == 0
    assert "usage: briefing-app" in capsys.readouterr().out


def test_opening_the_window_does_not_import_argparse(tmp_path):
    probe = ("import sys\nimport briefing_app.cli as cli\n"
             "cli._open_window = lambda *args: print(args, 'argparse' in sys.modules) or 0\n"
             "sys.exit(cli.main(['some.db', '--lang', 'en']))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={"BRIEFING_LOG_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}, check=True)
    assert result.stdout.strip() == "(PosixPath('some.db'), 'en', False) False"


def test_version_is_printed(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("briefing-app ")
