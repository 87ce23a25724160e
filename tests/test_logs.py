"""A log folder that cannot be written: one warning on stderr, then the app carries on."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.logs import logger, setup_logging
from briefing_fixtures import ROOT, write_briefing


def run_cli(log_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "BRIEFING_LOG_DIR": str(log_dir)}
    return subprocess.run([sys.executable, "-m", "briefing_app", *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)


@pytest.fixture(params=["under_a_file", "read_only", "log_is_a_folder"])
def unwritable_log(request, tmp_path, read_only_folder) -> tuple[Path, str]:
    """A log folder that cannot be written, and the reason the warning gives."""
    if request.param == "under_a_file":
        (tmp_path / "plain-file").write_text("not a folder")
        return tmp_path / "plain-file" / "logs", "Not a directory"
    if request.param == "read_only":
        return read_only_folder({}), "Read-only file system" if os.geteuid() == 0 else "Permission denied"
    (tmp_path / "logs" / "briefing-app.log").mkdir(parents=True)
    return tmp_path / "logs", "briefing-app.log: Is a directory"


def test_an_unwritable_log_is_one_warning_and_the_command_carries_on(tmp_path, unwritable_log):
    folder, reason = unwritable_log
    briefing = write_briefing(tmp_path / "src")
    result = run_cli(folder, "validate", str(briefing))
    assert result.returncode == 0
    assert result.stdout.startswith(f"{briefing}: valid")
    assert result.stderr.splitlines() == [
        f"briefing-app: warning: cannot write the log in {folder} ({reason}); carrying on without a log"]


def test_an_unwritable_log_does_not_repeat_itself_on_errors(tmp_path, unwritable_log):
    folder, reason = unwritable_log
    missing = tmp_path / "missing.yaml"
    result = run_cli(folder, "validate", str(missing))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"briefing-app: warning: cannot write the log in {folder} ({reason}); carrying on without a log",
        f"{missing}: file not found",
        "briefing-app: error: 1 problem in 1 of 1 file"]


def test_a_log_that_fails_later_warns_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_LOG_DIR", str(tmp_path))
    path = setup_logging("INFO")
    [handler] = logger.handlers

    def emit(record: logging.LogRecord) -> None:
        try:
            raise OSError(28, "No space left on device")
        except OSError:
            handler.handleError(record)

    monkeypatch.setattr(handler, "emit", emit)
    for n in range(3):
        logger.error("message %d", n)
    assert capsys.readouterr().err.splitlines() == [
        f"briefing-app: warning: cannot write the log in {tmp_path} (No space left on device); "
        "carrying on without a log"]
    assert path is not None
    setup_logging("INFO")

