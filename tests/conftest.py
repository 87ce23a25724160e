"""Shared fixtures: small briefing files and databases built in code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The log file of the code under test goes to a temporary folder, not the user's data folder.
os.environ.setdefault("BRIEFING_LOG_DIR", __import__("tempfile").mkdtemp(prefix="briefing-logs-"))

from briefing_fixtures import ROOT, write_briefing  # noqa: E402


@pytest.fixture
def small_briefing(tmp_path: Path) -> Path:
    return write_briefing(tmp_path / "src")


@pytest.fixture
def small_db(tmp_path: Path, small_briefing: Path) -> Path:
    from briefing_app.data.build import build_database

    target = tmp_path / "small.db"
    build_database([small_briefing], target)
    return target


@pytest.fixture(scope="session")
def bundled_db() -> Path:
    return ROOT / "data.db"
